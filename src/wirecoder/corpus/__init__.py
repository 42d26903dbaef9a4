"""Many reports into one picture: clusters of the same event, independent origins, tolls,
contradictions.

``ingest`` analyses and stores new articles, then ``rebuild`` recomputes the picture: each
report's mentions told apart into stories (``tell_stories``), stories of many reports folded into
clusters (``cluster_events``, ``merge_reason``), the voices on each event folded to canonical
origins with their latest figures (``tally``), and the disputes inside each cluster.
"""

from __future__ import annotations

from ._cluster import Cluster, cluster_events
from ._disputes import (
    Contradiction,
    DenialClaim,
    find_contradictions,
    fold_descriptions,
    is_speculative,
)
from ._ingest import IngestSummary, fresh_articles, ingest
from ._load import PUBLICATION_WINDOW, dated_by_publication, load_records, placed_by_story
from ._match import is_control, merge_reason
from ._origins import CONTESTING, CORROBORATING, UNATTRIBUTED, Tally, VoiceTally, claim_homes, tally
from ._rebuild import CorpusSummary, rebuild
from ._records import ArticleFacts, EventRecord, PlaceMention, Voice
from ._sources import Source, fold_sources, resolve
from ._story import Story, is_background, tell_stories

__all__ = [
    "CONTESTING",
    "CORROBORATING",
    "PUBLICATION_WINDOW",
    "UNATTRIBUTED",
    "ArticleFacts",
    "Cluster",
    "Contradiction",
    "CorpusSummary",
    "DenialClaim",
    "EventRecord",
    "IngestSummary",
    "PlaceMention",
    "Source",
    "Story",
    "Tally",
    "Voice",
    "VoiceTally",
    "claim_homes",
    "cluster_events",
    "dated_by_publication",
    "find_contradictions",
    "fold_descriptions",
    "fold_sources",
    "fresh_articles",
    "ingest",
    "is_background",
    "is_control",
    "is_speculative",
    "load_records",
    "merge_reason",
    "placed_by_story",
    "rebuild",
    "resolve",
    "tally",
    "tell_stories",
]
