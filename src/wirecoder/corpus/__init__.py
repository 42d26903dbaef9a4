"""Many reports into one picture: clusters of the same event, independent origins, contradictions."""

from __future__ import annotations

from ._cluster import (
    Cluster,
    Contradiction,
    DenialClaim,
    EventRecord,
    cluster_events,
    find_contradictions,
    fold_descriptions,
    is_speculative,
    merge_reason,
)
from ._rebuild import CorpusSummary, load_records, rebuild

__all__ = [
    "Cluster",
    "Contradiction",
    "CorpusSummary",
    "DenialClaim",
    "EventRecord",
    "cluster_events",
    "find_contradictions",
    "fold_descriptions",
    "is_speculative",
    "load_records",
    "merge_reason",
    "rebuild",
]
