"""Many reports into one picture: clusters of the same event, independent origins, contradictions.

``ingest`` analyses and stores new articles, then ``rebuild`` recomputes the picture.
"""

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
from ._ingest import IngestSummary, fresh_articles, ingest
from ._rebuild import (
    PUBLICATION_WINDOW,
    CorpusSummary,
    dated_by_publication,
    load_records,
    placed_by_story,
    rebuild,
)

__all__ = [
    "PUBLICATION_WINDOW",
    "Cluster",
    "Contradiction",
    "CorpusSummary",
    "DenialClaim",
    "EventRecord",
    "IngestSummary",
    "cluster_events",
    "dated_by_publication",
    "find_contradictions",
    "fold_descriptions",
    "fresh_articles",
    "ingest",
    "is_speculative",
    "load_records",
    "merge_reason",
    "placed_by_story",
    "rebuild",
]
