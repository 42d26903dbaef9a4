"""Read what the corpus step needs from the store: event mentions, claims, articles, places."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from ..actors import catalog
from ..store import (
    ActorRow,
    ArticlePlaceRow,
    ArticleRow,
    ClaimRow,
    EventClaimRow,
    EventRow,
    PlaceRow,
)
from ._disputes import is_speculative
from ._records import ArticleFacts, EventRecord, PlaceMention, Voice
from ._story import SPEECH_TYPES

PUBLICATION_WINDOW = dt.timedelta(days=3)
"""An event its report leaves undated ("denied that the town had fallen") is taken to fall in
the days before its article was published: news reports what happened lately."""


def load_facts(session: Session) -> dict[int, ArticleFacts]:
    """Every current article with its claims (who, as written, stance, where) and its places."""
    claims: dict[int, list[Voice]] = defaultdict(list)
    for row in session.execute(
        select(
            ClaimRow.id,
            ClaimRow.article_id,
            ClaimRow.origin_id,
            func.coalesce(ClaimRow.origin_name, ActorRow.name).label("name"),
            func.coalesce(ClaimRow.source_kind, ActorRow.kind).label("kind"),
            func.coalesce(ClaimRow.source_country, ActorRow.country).label("country"),
            func.coalesce(ClaimRow.source_resolved, ClaimRow.source_text).label("source_text"),
            ClaimRow.stance,
            ClaimRow.attributed,
            ClaimRow.content,
            ClaimRow.spans,
        )
        .join(ActorRow, ActorRow.id == ClaimRow.origin_id)
        .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
        .where(ArticleRow.superseded_by.is_(None))
        .order_by(ClaimRow.article_id, ClaimRow.id)
    ):
        claims[row.article_id].append(_voice(row))
    places: dict[int, list[PlaceMention]] = defaultdict(list)
    for pair in session.execute(
        select(ArticlePlaceRow, PlaceRow)
        .join(PlaceRow, PlaceRow.id == ArticlePlaceRow.place_id)
        .join(ArticleRow, ArticleRow.id == ArticlePlaceRow.article_id)
        .where(ArticleRow.superseded_by.is_(None))
    ):
        mention, place = pair
        places[mention.article_id].append(
            PlaceMention(
                place.id,
                place.name,
                place.latitude,
                place.longitude,
                place.country_code,
                mention.precision,
                mention.start,
                mention.role,
                place.admin1,
            )
        )
    speech: dict[int, set[int]] = defaultdict(set)
    for article_id, claim_id in session.execute(
        select(EventRow.article_id, EventClaimRow.claim_id)
        .join(EventClaimRow, EventClaimRow.event_id == EventRow.id)
        .where(EventRow.current, EventRow.type.in_(sorted(SPEECH_TYPES)))
    ):
        speech[article_id].add(claim_id)
    return {
        row.id: ArticleFacts(
            id=row.id,
            digest=row.content_hash,
            publisher=row.publisher,
            published=row.published,
            published_at=row.published_at,
            claims=tuple(claims.get(row.id, ())),
            places=tuple(sorted(places.get(row.id, ()), key=lambda p: p.start)),
            speech=frozenset(speech.get(row.id, ())),
        )
        for row in session.execute(
            select(
                ArticleRow.id,
                ArticleRow.content_hash,
                ArticleRow.publisher,
                ArticleRow.published,
                ArticleRow.published_at,
            ).where(ArticleRow.superseded_by.is_(None))
        )
    }


def _voice(row: Any) -> Voice:
    spans = row.spans or []
    return Voice(
        claim_id=row.id,
        origin=row.origin_id,
        name=row.name,
        written=row.source_text,
        kind=row.kind if row.attributed else "publisher",
        country=row.country,
        stance=row.stance,
        attributed=row.attributed,
        content=row.content,
        position=spans[0].get("start") if spans else None,
        article_id=row.article_id,
    )


def load_records(
    session: Session, facts: dict[int, ArticleFacts] | None = None
) -> list[EventRecord]:
    """Every current event with what clustering needs: place, actors, claims and their origins."""
    voices = {v.claim_id: v for article in (facts or {}).values() for v in article.claims}
    actor, recipient, publisher = aliased(ActorRow), aliased(ActorRow), aliased(ActorRow)
    claims: dict[int, list[tuple[int, int]]] = defaultdict(list)
    stances: dict[int, list[str]] = defaultdict(list)
    origin_keys: dict[int, set[tuple[int, str]]] = defaultdict(set)
    linked: dict[int, list[Voice]] = defaultdict(list)
    for event_id, claim_id, origin_id, origin_key, stance in session.execute(
        select(
            EventClaimRow.event_id, ClaimRow.id, ClaimRow.origin_id, ActorRow.key, ClaimRow.stance
        )
        .join(ClaimRow, ClaimRow.id == EventClaimRow.claim_id)
        .join(ActorRow, ActorRow.id == ClaimRow.origin_id)
        .join(EventRow, EventRow.id == EventClaimRow.event_id)
        .where(EventRow.current)
        .order_by(EventClaimRow.event_id, ClaimRow.id)
    ):
        claims[event_id].append((claim_id, origin_id))
        stances[event_id].append(stance)
        origin_keys[event_id].add((origin_id, origin_key))
        if claim_id in voices:
            linked[event_id].append(voices[claim_id])
    columns = (
        EventRow.id,
        EventRow.article_id,
        EventRow.type,
        EventRow.date_start,
        EventRow.date_end,
        EventRow.place_id,
        PlaceRow.name.label("place_name"),
        EventRow.latitude,
        EventRow.longitude,
        PlaceRow.country_code,
        PlaceRow.admin1,
        EventRow.where_precision,
        actor.key.label("actor_key"),
        func.coalesce(EventRow.actor_country, actor.country).label("actor_country"),
        recipient.key.label("recipient_key"),
        EventRow.negated,
        EventRow.mode,
        EventRow.trigger,
        EventRow.position,
        EventRow.sentence_start,
        EventRow.date_precision,
    )
    rows = session.execute(
        select(
            *columns,
            EventRow.killed_low,
            EventRow.killed_best,
            EventRow.killed_high,
            EventRow.injured_low,
            EventRow.injured_best,
            EventRow.injured_high,
            EventRow.aux,
            EventRow.sentence,
            EventRow.dated_by_text,
            actor.name.label("actor_name"),
            publisher.id.label("publisher_origin"),
            ArticleRow.published,
        )
        .outerjoin(PlaceRow, PlaceRow.id == EventRow.place_id)
        .outerjoin(actor, actor.id == EventRow.actor_id)
        .outerjoin(recipient, recipient.id == EventRow.recipient_id)
        .join(ArticleRow, ArticleRow.id == EventRow.article_id)
        .outerjoin(publisher, publisher.id == ArticleRow.publisher_id)
        .where(EventRow.current)
        .order_by(EventRow.id)
    ).mappings()
    names = [column.key for column in columns]
    return [
        dated_by_publication(
            EventRecord(
                **{name: row[name] for name in names},
                killed=(row["killed_low"], row["killed_best"], row["killed_high"]),
                injured=(row["injured_low"], row["injured_best"], row["injured_high"]),
                claims=tuple(claims.get(row["id"], ())),
                publisher_origin=row["publisher_origin"],
                speculative=is_speculative(row["aux"] or (), stances.get(row["id"], ())),
                historical="historical" in (row["aux"] or ()),
                origin_keys=tuple(sorted(origin_keys.get(row["id"], ()))),
                sentence=row["sentence"] or "",
                dated_by_text=row["dated_by_text"] is not False,
                approximate_date=row["dated_by_text"] is False,
                voices=tuple(linked.get(row["id"], ())),
                actor_named=_named(row["actor_name"]),
                published=row["published"],
            ),
            row["published"],
        )
        for row in rows
    ]


def _named(name: str | None) -> bool | None:
    """Whether an attacker is a catalogued actor, not a description ("gunmen")."""
    if name is None:
        return None
    entry = catalog().lookup(name)
    return entry is not None


def dated_by_publication(record: EventRecord, published: dt.date | None) -> EventRecord:
    """An undated event takes the :data:`PUBLICATION_WINDOW` before its article's publication,
    marked approximate: for clustering only, the stored event keeps what its report said."""
    if record.date_start is not None or record.date_end is not None or published is None:
        return record
    return replace(
        record,
        date_start=published - PUBLICATION_WINDOW,
        date_end=published,
        approximate_date=True,
        dated_by_text=False,
    )


def placed_by_story(records: Iterable[EventRecord]) -> list[EventRecord]:
    """Events the story leaves unplaced, in a story whose placed events are all in one place,
    are taken to be there, approximately (within 25 km at best): for clustering only, the
    stored events keep what their report said. (The corpus step now places a mention by the
    story it belongs to; this simpler rule is kept for callers without article facts.)"""
    records = list(records)
    placed_in: dict[int, list[EventRecord]] = defaultdict(list)
    for record in records:
        if record.place_id is not None:
            placed_in[record.article_id].append(record)
    result = []
    for record in records:
        story = placed_in.get(record.article_id, [])
        if record.place_id is None and len({other.place_id for other in story}) == 1:
            where = min(story, key=lambda other: other.where_precision or 9)
            record = replace(
                record,
                place_id=where.place_id,
                place_name=where.place_name,
                latitude=where.latitude,
                longitude=where.longitude,
                country_code=where.country_code,
                where_precision=max(where.where_precision or 1, 2),
            )
        result.append(record)
    return result
