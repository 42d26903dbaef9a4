"""Recompute clusters, independent origins and contradictions over the stored current events."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import bindparam, delete, insert, or_, select, update
from sqlalchemy.orm import Session, aliased

from ..schema import DENYING_STANCES
from ..store import (
    ActorRow,
    ArticleRow,
    ClaimRow,
    ClusterRow,
    ContradictionRow,
    ContradictionSideRow,
    EventClaimRow,
    EventRow,
    PlaceRow,
    Store,
)
from ._cluster import (
    Cluster,
    Contradiction,
    DenialClaim,
    EventRecord,
    cluster_events,
    find_contradictions,
    is_control,
    is_speculative,
)

NEGATING_CONTENT = or_(
    *(
        ClaimRow.content.ilike(f"%{word}%")
        for word in (" no ", " not ", "never ", "nothing ", "without ", "n't ", "n’t ")
    )
)
"""A cheap first filter for claims that may negate an event ("posed no threat")."""
PUBLICATION_WINDOW = dt.timedelta(days=3)
"""An event its report leaves undated ("denied that the town had fallen") is taken to fall in
the days before its article was published: news reports what happened lately."""


@dataclass(frozen=True)
class CorpusSummary:
    """What a rebuild found."""

    events: int
    clusters: int
    merged: int
    contradictions: int


def load_records(session: Session) -> list[EventRecord]:
    """Every current event with what clustering needs: place, actors, claims and their origins."""
    actor, recipient, publisher = aliased(ActorRow), aliased(ActorRow), aliased(ActorRow)
    claims: dict[int, list[tuple[int, int]]] = defaultdict(list)
    stances: dict[int, list[str]] = defaultdict(list)
    origin_keys: dict[int, set[tuple[int, str]]] = defaultdict(set)
    for event_id, claim_id, origin_id, origin_key, stance in session.execute(
        select(
            EventClaimRow.event_id, ClaimRow.id, ClaimRow.origin_id, ActorRow.key, ClaimRow.stance
        )
        .join(ClaimRow, ClaimRow.id == EventClaimRow.claim_id)
        .join(ActorRow, ActorRow.id == ClaimRow.origin_id)
        .join(EventRow, EventRow.id == EventClaimRow.event_id)
        .where(EventRow.current)
    ):
        claims[event_id].append((claim_id, origin_id))
        stances[event_id].append(stance)
        origin_keys[event_id].add((origin_id, origin_key))
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
        EventRow.where_precision,
        actor.key.label("actor_key"),
        actor.country.label("actor_country"),
        recipient.key.label("recipient_key"),
        EventRow.negated,
        EventRow.mode,
        EventRow.trigger,
    )
    rows = session.execute(
        select(
            *columns,
            EventRow.killed_low,
            EventRow.killed_best,
            EventRow.killed_high,
            EventRow.aux,
            publisher.id.label("publisher_origin"),
            ArticleRow.published,
        )
        .outerjoin(PlaceRow, PlaceRow.id == EventRow.place_id)
        .outerjoin(actor, actor.id == EventRow.actor_id)
        .outerjoin(recipient, recipient.id == EventRow.recipient_id)
        .join(ArticleRow, ArticleRow.id == EventRow.article_id)
        .outerjoin(publisher, publisher.id == ArticleRow.publisher_id)
        .where(EventRow.current)
    ).mappings()
    names = [column.key for column in columns]
    return placed_by_story(
        dated_by_publication(
            EventRecord(
                **{name: row[name] for name in names},
                killed=(row["killed_low"], row["killed_best"], row["killed_high"]),
                claims=tuple(claims.get(row["id"], ())),
                publisher_origin=row["publisher_origin"],
                speculative=is_speculative(row["aux"] or (), stances.get(row["id"], ())),
                origin_keys=tuple(sorted(origin_keys.get(row["id"], ()))),
            ),
            row["published"],
        )
        for row in rows
    )


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
    )


def placed_by_story(records: Iterable[EventRecord]) -> list[EventRecord]:
    """Events the story leaves unplaced, in a story whose placed events are all in one place,
    are taken to be there, approximately (within 25 km at best): for clustering only, the
    stored events keep what their report said."""
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


def rebuild(store: Store) -> CorpusSummary:
    """Replace every cluster and contradiction with ones computed from the current events,
    in one transaction, with bulk statements (one per table)."""
    with store.session() as session:
        records = load_records(session)
        clusters = cluster_events(records)
        session.execute(delete(ContradictionRow))
        session.execute(update(EventRow).values(cluster_id=None, merge_reason=None))
        session.execute(delete(ClusterRow))
        cluster_ids = _insert_returning_ids(
            session, ClusterRow, [_cluster_row(cluster) for cluster in clusters]
        )
        memberships = [
            {"event_id": member.id, "cluster": cluster_id, "reason": cluster.reasons.get(member.id)}
            for cluster, cluster_id in zip(clusters, cluster_ids, strict=True)
            for member in cluster.members
        ]
        if memberships:
            session.connection().execute(
                update(EventRow)
                .where(EventRow.id == bindparam("event_id"))
                .values(cluster_id=bindparam("cluster"), merge_reason=bindparam("reason")),
                memberships,
            )
        denials = _denials(session, clusters)
        found = [
            (cluster_id, contradiction)
            for number, (cluster, cluster_id) in enumerate(zip(clusters, cluster_ids, strict=True))
            for contradiction in find_contradictions(cluster, denials.get(number, ()))
        ]
        _write_contradictions(session, found)
    return CorpusSummary(
        events=len(records),
        clusters=len(clusters),
        merged=sum(len(cluster.members) - 1 for cluster in clusters),
        contradictions=len(found),
    )


def _denials(session: Session, clusters: list[Cluster]) -> dict[int, list[DenialClaim]]:
    """Claims of current articles that deny a cluster, by the cluster's number: for control, a
    denying claim reported in the same story (the one whose place it names when a story reports
    several); for a stance, a claim in the same story that negates the event's word."""
    answered: dict[int, dict[int, EventRecord]] = defaultdict(dict)
    for number, cluster in enumerate(clusters):
        for member in cluster.members if cluster.asserting else ():
            answered[member.article_id].setdefault(number, member)
    if not answered:
        return {}
    control = {
        number for number, cluster in enumerate(clusters) if any(map(is_control, cluster.asserting))
    }
    found: dict[int, list[DenialClaim]] = defaultdict(list)
    rows = session.execute(
        select(
            ClaimRow.id, ClaimRow.article_id, ClaimRow.origin_id, ClaimRow.content, ClaimRow.stance
        )
        .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
        .where(
            ClaimRow.stance.in_(DENYING_STANCES) | NEGATING_CONTENT,
            ArticleRow.superseded_by.is_(None),
        )
    )
    for claim_id, article_id, origin_id, content, stance in rows:
        in_story = answered.get(article_id, {})
        controls = {n: m for n, m in in_story.items() if n in control}
        if len(controls) > 1:
            controls = {
                number: member
                for number, member in controls.items()
                if (member.place_name or "\0").casefold() in content.casefold()
            }
        for number, member in in_story.items():
            claim = DenialClaim(claim_id, member.id, origin_id, content)
            if number in control:
                denies = number in controls and stance in DENYING_STANCES
            else:
                denies = any(claim.negates(other.trigger) for other in clusters[number].asserting)
            if denies:
                found[number].append(claim)
    return found


def _insert_returning_ids(
    session: Session, table: type[ClusterRow | ContradictionRow], rows: list[dict[str, Any]]
) -> list[int]:
    """Insert ``rows`` in one statement and return their new ids in the same order."""
    if not rows:
        return []
    statement = insert(table).returning(table.id, sort_by_parameter_order=True)
    return list(session.scalars(statement, rows))


def _cluster_row(cluster: Cluster) -> dict[str, Any]:
    """A cluster's row: its date and place from the most precise member, its tallies."""
    dated = [
        member
        for member in cluster.members
        if member.date_start and member.date_end and not member.approximate_date
    ]
    sharpest_date = min(dated, key=lambda m: (_date_span(m), m.id), default=None)
    placed = [member for member in cluster.members if member.place_id is not None]
    sharpest_place = min(placed, key=lambda m: (m.where_precision or 9, m.id), default=None)
    return {
        "type": cluster.members[0].type,
        "date_start": sharpest_date.date_start if sharpest_date else None,
        "date_end": sharpest_date.date_end if sharpest_date else None,
        "place_id": sharpest_place.place_id if sharpest_place else None,
        "reports": len({member.article_id for member in cluster.members}),
        "origins": len(cluster.origins),
    }


def _date_span(record: EventRecord) -> dt.timedelta:
    """How long a dated event's interval is."""
    assert record.date_start is not None and record.date_end is not None
    return record.date_end - record.date_start


def _claim_ids(record: EventRecord) -> list[int | None]:
    """The claims an event rests on, or [None] when its report states it in its own voice."""
    return [claim for claim, _ in record.claims] or [None]


def _write_contradictions(session: Session, found: list[tuple[int, Contradiction]]) -> None:
    """Store each contradiction with one side row per event and claim on that side."""
    ids = _insert_returning_ids(
        session,
        ContradictionRow,
        [
            {"kind": contradiction.kind, "cluster_id": cluster_id, "detail": contradiction.detail}
            for cluster_id, contradiction in found
        ],
    )
    sides = [
        {
            "contradiction_id": contradiction_id,
            "side": side,
            "event_id": member.id,
            "claim_id": claim_id,
        }
        for contradiction_id, (_, contradiction) in zip(ids, found, strict=True)
        for side, members in (("a", contradiction.side_a), ("b", contradiction.side_b))
        for member in members
        for claim_id in _claim_ids(member)
    ] + [
        {
            "contradiction_id": contradiction_id,
            "side": "b",
            "event_id": claim.event_id,
            "claim_id": claim.id,
        }
        for contradiction_id, (_, contradiction) in zip(ids, found, strict=True)
        for claim in contradiction.denials
    ]
    if sides:
        session.execute(insert(ContradictionSideRow), sides)
