"""Recompute clusters, independent origins and contradictions over the stored current events."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.orm import Session, aliased

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
from ._cluster import Cluster, EventRecord, cluster_events, find_contradictions


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
    for event_id, claim_id, origin_id in session.execute(
        select(EventClaimRow.event_id, ClaimRow.id, ClaimRow.origin_id)
        .join(ClaimRow, ClaimRow.id == EventClaimRow.claim_id)
        .join(EventRow, EventRow.id == EventClaimRow.event_id)
        .where(EventRow.current)
    ):
        claims[event_id].append((claim_id, origin_id))
    rows = session.execute(
        select(
            EventRow, PlaceRow.name, PlaceRow.country_code, actor.key, actor.country, recipient.key, publisher.id
        )
        .outerjoin(PlaceRow, PlaceRow.id == EventRow.place_id)
        .outerjoin(actor, actor.id == EventRow.actor_id)
        .outerjoin(recipient, recipient.id == EventRow.recipient_id)
        .join(ArticleRow, ArticleRow.id == EventRow.article_id)
        .outerjoin(publisher, publisher.id == ArticleRow.publisher_id)
        .where(EventRow.current)
    )
    return [
        EventRecord(
            id=event.id,
            article_id=event.article_id,
            type=event.type,
            date_start=event.date_start,
            date_end=event.date_end,
            place_id=event.place_id,
            place_name=place_name,
            latitude=event.latitude,
            longitude=event.longitude,
            country_code=country_code,
            where_precision=event.where_precision,
            actor_key=actor_key,
            actor_country=actor_country,
            recipient_key=recipient_key,
            negated=event.negated,
            mode=event.mode,
            trigger=event.trigger,
            killed=(event.killed_low, event.killed_best, event.killed_high),
            claims=tuple(claims.get(event.id, ())),
            publisher_origin=publisher_id,
        )
        for event, place_name, country_code, actor_key, actor_country, recipient_key, publisher_id in rows
    ]


def rebuild(store: Store) -> CorpusSummary:
    """Replace every cluster and contradiction with ones computed from the current events,
    in one transaction."""
    with store.session() as session:
        records = load_records(session)
        clusters = cluster_events(records)
        session.execute(delete(ContradictionRow))
        session.execute(update(EventRow).values(cluster_id=None, merge_reason=None))
        session.execute(delete(ClusterRow))
        contradictions = sum(_write_cluster(session, cluster) for cluster in clusters)
    return CorpusSummary(
        events=len(records),
        clusters=len(clusters),
        merged=sum(len(cluster.members) - 1 for cluster in clusters),
        contradictions=contradictions,
    )


def _write_cluster(session: Session, cluster: Cluster) -> int:
    """Store one cluster, its members' merge reasons and its contradictions; return how many."""
    first = min(cluster.members, key=lambda member: member.id)
    dated = [member for member in cluster.members if member.date_start and member.date_end]
    sharpest_date = min(dated, key=lambda m: (m.date_end - m.date_start, m.id), default=None)  # type: ignore[operator]
    placed = [member for member in cluster.members if member.place_id is not None]
    sharpest_place = min(placed, key=lambda m: (m.where_precision or 9, m.id), default=None)
    row = ClusterRow(
        type=first.type,
        date_start=sharpest_date.date_start if sharpest_date else None,
        date_end=sharpest_date.date_end if sharpest_date else None,
        place_id=sharpest_place.place_id if sharpest_place else None,
        reports=len({member.article_id for member in cluster.members}),
        origins=len(cluster.origins),
    )
    session.add(row)
    session.flush()
    events = EventRow.__table__
    session.connection().execute(
        events.update().where(events.c.id == bindparam("event_id")).values(
            cluster_id=bindparam("cluster"), merge_reason=bindparam("reason")
        ),
        [
            {"event_id": member.id, "cluster": row.id, "reason": cluster.reasons.get(member.id)}
            for member in cluster.members
        ],
    )
    found = find_contradictions(cluster)
    for contradiction in found:
        link = ContradictionRow(kind=contradiction.kind, cluster_id=row.id, detail=contradiction.detail)
        link.sides = [
            ContradictionSideRow(side=side, event_id=member.id, claim_id=claim_id)
            for side, members in (("a", contradiction.side_a), ("b", contradiction.side_b))
            for member in members
            for claim_id in ([claim for claim, _ in member.claims] or [None])
        ]
        session.add(link)
    return len(found)
