"""The database: SQLite file by default, PostgreSQL by URL, migrated on open."""

from __future__ import annotations

from ._models import (
    ActorRow,
    ArticlePlaceRow,
    ArticleRow,
    Base,
    CertaintyRow,
    ChainLinkRow,
    ClaimRow,
    ClusterRow,
    ClusterSourceRow,
    ContradictionRow,
    ContradictionSideRow,
    EventClaimRow,
    EventRow,
    PlaceRow,
)
from ._query import (
    Area,
    Filters,
    claims,
    event_conditions,
    events,
    map_points,
    names_region,
    timeline,
)
from ._store import SaveOutcome, Store, actor_key, database_url, open_store, place_key

__all__ = [
    "ActorRow",
    "Area",
    "ArticlePlaceRow",
    "ArticleRow",
    "Base",
    "CertaintyRow",
    "ChainLinkRow",
    "ClaimRow",
    "ClusterRow",
    "ClusterSourceRow",
    "ContradictionRow",
    "ContradictionSideRow",
    "EventClaimRow",
    "EventRow",
    "Filters",
    "PlaceRow",
    "SaveOutcome",
    "Store",
    "actor_key",
    "claims",
    "database_url",
    "event_conditions",
    "events",
    "map_points",
    "names_region",
    "open_store",
    "place_key",
    "timeline",
]
