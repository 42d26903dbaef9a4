"""Recompute clusters, independent origins, tolls and contradictions over the stored current
events."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, delete, insert, or_, select, update
from sqlalchemy.orm import Session

from ..schema import DENYING_STANCES
from ..store import (
    ArticleRow,
    ClaimRow,
    ClusterRow,
    ClusterSourceRow,
    ContradictionRow,
    ContradictionSideRow,
    EventRow,
    Store,
)
from ._cluster import Cluster, cluster_events
from ._disputes import Contradiction, DenialClaim, find_contradictions
from ._load import load_facts, load_records
from ._match import is_control
from ._origins import Tally, claim_homes, tally
from ._records import ArticleFacts, EventRecord
from ._story import Story

NEGATING_CONTENT = or_(
    *(
        ClaimRow.content.ilike(f"%{word}%")
        for word in (" no ", " not ", "never ", "nothing ", "without ", "n't ", "n’t ")
    )
)
"""A cheap first filter for claims that may negate an event ("posed no threat")."""


@dataclass(frozen=True)
class CorpusSummary:
    """What a rebuild found."""

    events: int
    clusters: int
    merged: int
    contradictions: int


def rebuild(store: Store) -> CorpusSummary:
    """Replace every cluster and contradiction with ones computed from the current events,
    in one transaction, with bulk statements (one per table)."""
    with store.session() as session:
        facts = load_facts(session)
        records = load_records(session, facts)
        clusters = cluster_events(records, facts)
        tallies = _tallies(clusters, facts)
        session.execute(delete(ContradictionRow))
        session.execute(update(EventRow).values(cluster_id=None, merge_reason=None))
        session.execute(delete(ClusterSourceRow))
        session.execute(delete(ClusterRow))
        cluster_ids = _insert_returning_ids(
            session,
            ClusterRow,
            [_cluster_row(c, t) for c, t in zip(clusters, tallies, strict=True)],
        )
        _write_sources(session, cluster_ids, tallies)
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


def _tallies(clusters: list[Cluster], facts: dict[int, ArticleFacts]) -> list[Tally]:
    """Each cluster's voices, with every claim of its reports placed beside its story."""
    by_article: dict[int, list[Story]] = defaultdict(list)
    for cluster in clusters:
        for story in cluster.stories:
            by_article[story.article_id].append(story)
    homes: dict[tuple[int, str], Story] = {}
    for article_id, stories in by_article.items():
        if article_id in facts:
            ordered = sorted(stories, key=lambda s: s.members[0].position or 0)
            homes.update(claim_homes(ordered, facts[article_id]))
    return [
        tally(cluster.stories, facts, homes) if cluster.kind == "event" else Tally([])
        for cluster in clusters
    ]


def _cluster_row(cluster: Cluster, voices: Tally) -> dict[str, Any]:
    """A cluster's row: its date and place from its most precise story, its tallies."""
    heads = [story.identity for story in cluster.stories] or cluster.members
    dated = [h for h in heads if h.date_start and h.date_end and not h.approximate_date]
    sharpest_date = min(dated, key=lambda m: (_date_span(m), m.id), default=None)
    placed = [h for h in heads if h.place_id is not None]
    sharpest_place = min(placed, key=lambda m: (m.where_precision or 9, m.id), default=None)
    killed, injured = voices.toll("killed"), voices.toll("injured")
    return {
        "type": cluster.members[0].type,
        "kind": cluster.kind,
        "date_start": sharpest_date.date_start if sharpest_date else None,
        "date_end": sharpest_date.date_end if sharpest_date else None,
        "place_id": sharpest_place.place_id if sharpest_place else None,
        "reports": len({member.article_id for member in cluster.members}),
        "origins": len(voices.origins),
        "contesting": len(voices.contesting),
        "killed_low": killed[0] if killed else None,
        "killed_high": killed[1] if killed else None,
        "injured_low": injured[0] if injured else None,
        "injured_high": injured[1] if injured else None,
    }


def _write_sources(session: Session, cluster_ids: list[int], tallies: list[Tally]) -> None:
    """One row per voice of each cluster, with its latest figures."""
    rows = [
        {
            "cluster_id": cluster_id,
            "position": position,
            "name": voice.name,
            "role": voice.role,
            "kind": voice.source.kind,
            "side": voice.source.side,
            "written": sorted(voice.written),
            "publishers": sorted(voice.publishers),
            "killed": voice.killed[1] if voice.killed else None,
            "injured": voice.injured[1] if voice.injured else None,
            "figures_from": (voice.killed or voice.injured or (None, None, None))[2],
        }
        for cluster_id, voices in zip(cluster_ids, tallies, strict=True)
        for position, voice in enumerate(voices.voices)
    ]
    if rows:
        session.execute(insert(ClusterSourceRow), rows)


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
