"""The situation report: per area, what happened, who says so, how sure, how many independent
origins, who contests it, the toll by voice, and what is disputed by whom.

Everything in it is attributed to a source found in the reports; the report itself only counts
and groups, it never judges which side is right. Running totals and recollections the corpus
step set apart as background are no incidents and are left out.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, joinedload, selectinload

from ..corpus import fold_descriptions, is_speculative
from ..gazetteer import countries
from ..schema import DENYING_STANCES
from ..store import (
    Area,
    ClaimRow,
    ClusterRow,
    ClusterSourceRow,
    ContradictionRow,
    ContradictionSideRow,
    EventRow,
    Filters,
    PlaceRow,
    Store,
    event_conditions,
)

UNPLACED = "Place not given"
BACKGROUND = "background"


@dataclass(frozen=True)
class Voice:
    """One originator's word on an incident, with how it reached the reports and how sure it is."""

    origin: str
    description: str
    written: tuple[str, ...]
    """How the reports named the originator, where that differs from its resolved name."""
    relays: tuple[str, ...]
    publishers: tuple[str, ...]
    stances: tuple[str, ...]
    certainty: tuple[str, ...]
    example: str


@dataclass(frozen=True)
class Incident:
    """One cluster: a real-world event as the reports tell it."""

    headline: str
    place: str | None
    latitude: float | None
    longitude: float | None
    date_start: dt.date | None
    date_end: dt.date | None
    sentence: str | None
    sentence_publisher: str
    reports: int
    publishers: tuple[str, ...]
    origins: tuple[str, ...]
    voices: tuple[Voice, ...]
    disputes: tuple[str, ...]
    merge_reasons: tuple[str, ...]
    contesting: tuple[str, ...] = ()
    """Who denies the event or their part in it."""
    toll: tuple[str, ...] = ()
    """The toll across voices ("killed 7-9, injured 25-31"), then each voice's latest figures."""


@dataclass
class SituationReport:
    """Incidents in a date window, grouped by area."""

    first_day: dt.date
    last_day: dt.date
    area: str | None
    areas: dict[str, list[Incident]] = field(default_factory=dict)

    @property
    def incidents(self) -> list[Incident]:
        return [incident for incidents in self.areas.values() for incident in incidents]


def build(store: Store, date: dt.date, days: int = 1, area: Area | None = None) -> SituationReport:
    """Gather the incidents overlapping the ``days`` days ending on ``date`` (within ``area``),
    each with every report of it, also those dated outside the window."""
    first_day = date - dt.timedelta(days=days - 1)
    filters = Filters(since=first_day, until=date, area=area)
    report = SituationReport(
        first_day=first_day, last_day=date, area=str(filters.area) if filters.area else None
    )
    with store.session() as session:
        in_window = select(EventRow.id, EventRow.cluster_id).where(
            and_(*event_conditions(session, filters))
        )
        matched = session.execute(in_window).all()
        cluster_ids = {cluster_id for _, cluster_id in matched if cluster_id is not None}
        lone_ids = {event_id for event_id, cluster_id in matched if cluster_id is None}
        events = session.scalars(
            select(EventRow)
            .where(
                EventRow.current,
                or_(EventRow.cluster_id.in_(cluster_ids), EventRow.id.in_(lone_ids)),
            )
            .options(
                joinedload(EventRow.article),
                joinedload(EventRow.place),
                joinedload(EventRow.actor),
                selectinload(EventRow.claims).selectinload(ClaimRow.chain),
                selectinload(EventRow.claims).selectinload(ClaimRow.certainty),
                selectinload(EventRow.claims).joinedload(ClaimRow.origin),
            )
            .order_by(EventRow.date_start, EventRow.id)
        ).all()
        groups: dict[tuple[str, int], list[EventRow]] = defaultdict(list)
        for event in events:
            groups[
                ("cluster", event.cluster_id) if event.cluster_id else ("event", event.id)
            ].append(event)
        clustered = [key[1] for key in groups if key[0] == "cluster"]
        disputes = _disputes(session, clustered)
        tallies = _tallies(session, clustered)
        by_area: dict[str, list[Incident]] = defaultdict(list)
        for (kind, key), members in groups.items():
            tally = tallies.get(key) if kind == "cluster" else None
            if tally is not None and tally.row.kind == BACKGROUND:
                continue
            incident = _incident(members, disputes.get(key, []) if kind == "cluster" else [], tally)
            sharpest = min(members, key=lambda member: (member.where_precision or 9, member.id))
            place = sharpest.place
            by_area[area_name(place) if place else UNPLACED].append(incident)
    report.areas = {
        name: by_area[name] for name in sorted(by_area, key=lambda name: (name == UNPLACED, name))
    }
    return report


def _describe_actor(name: str, kind: str | None, country: str | None) -> str:
    details = ", ".join(part for part in (kind, country) if part)
    return f"{name} ({details})" if details else name


def _one_line(text: str) -> str:
    """A quotation on one line: sentence spans may end in a paragraph break."""
    return " ".join(text.split())


def _voices(members: list[EventRow]) -> tuple[Voice, ...]:
    """The originators behind the members' claims; a report without a claim speaks for itself."""
    claims_by_origin: dict[str, list[tuple[EventRow, ClaimRow]]] = defaultdict(list)
    voices: list[Voice] = []
    for member in members:
        if not member.claims:
            publisher = member.article.publisher or "an unnamed publisher"
            voices.append(
                Voice(
                    publisher,
                    f"{publisher} (in its own voice)",
                    (),
                    (),
                    (publisher,),
                    ("denied" if member.negated else "asserted",),
                    (),
                    _one_line(member.sentence or member.trigger),
                )
            )
        for claim in member.claims:
            claims_by_origin[claim.origin.name].append((member, claim))
    for origin, pairs in claims_by_origin.items():
        first = pairs[0][1]
        voices.append(
            Voice(
                origin=origin,
                description=_describe_actor(
                    origin,
                    first.origin.kind or first.source.kind,
                    first.origin.country or first.source.country,
                ),
                written=tuple(
                    sorted({claim.chain[-1].name for _, claim in pairs if claim.chain} - {origin})
                ),
                relays=tuple(
                    sorted({link.name for _, claim in pairs for link in claim.chain[1:-1]})
                ),
                publishers=tuple(
                    sorted({member.article.publisher or "unnamed publisher" for member, _ in pairs})
                ),
                stances=tuple(sorted({_stance_on(member, claim) for member, claim in pairs})),
                certainty=tuple(
                    sorted(
                        {
                            f'"{item.phrase}" ({item.scale} {item.label}, '
                            f"{item.low:.0%}-{item.high:.0%})"
                            for _, claim in pairs
                            for item in claim.certainty
                        }
                        | {
                            f"{claim.verb_strength} reporting verb"
                            for _, claim in pairs
                            if claim.verb_strength != "neutral"
                        }
                    )
                ),
                example=_one_line(first.content),
            )
        )
    return tuple(sorted(voices, key=lambda voice: voice.origin))


def _stance_on(member: EventRow, claim: ClaimRow) -> str:
    """The claim's stance on this event: a claim negating another part of what it says ("had
    advanced, but ... was not encircled") asserts the advance, and one about a negated event
    negates it."""
    negative = claim.stance in DENYING_STANCES
    if member.negated:
        return claim.stance if negative else "negated"
    return "asserted" if negative else claim.stance


def _disputes(session: Session, cluster_ids: list[int]) -> dict[int, list[str]]:
    """Each cluster's contradictions, spelled out with who stands on each side."""
    found: dict[int, list[str]] = defaultdict(list)
    rows = session.scalars(
        select(ContradictionRow)
        .where(ContradictionRow.cluster_id.in_(cluster_ids))
        .options(
            selectinload(ContradictionRow.sides)
            .joinedload(ContradictionSideRow.event)
            .joinedload(EventRow.article),
            selectinload(ContradictionRow.sides)
            .joinedload(ContradictionSideRow.claim)
            .joinedload(ClaimRow.origin),
        )
        .order_by(ContradictionRow.id)
    )
    for contradiction in rows:
        sides: dict[str, set[str]] = defaultdict(set)
        for side in contradiction.sides:
            who = (
                side.claim.origin.name
                if side.claim
                else f"{side.event.article.publisher} (own voice)"
            )
            sides[side.side].add(who)
        subject = contradiction.detail.split(":", 1)[0]
        side_a, side_b = ", ".join(sorted(sides["a"])), ", ".join(sorted(sides["b"]))
        if contradiction.kind == "casualties":
            figures = contradiction.detail.split(":", 1)[1].strip()
            text = f"{subject} figures differ ({figures}): {side_a} vs {side_b}"
        else:
            text = f"{subject}: asserted by {side_a}; denied by {side_b}"
        found[contradiction.cluster_id].append(text)
    return found


@dataclass(frozen=True)
class _Tally:
    """A cluster's row and its voices, as the corpus step stored them."""

    row: ClusterRow
    sources: tuple[ClusterSourceRow, ...]

    def names(self, role: str) -> tuple[str, ...]:
        return tuple(sorted(source.name for source in self.sources if source.role == role))

    def toll(self) -> tuple[str, ...]:
        """The range across voices, then who says what (latest figures, killed and injured)."""
        ranges = [
            f"{what} {_range(low, high)}"
            for what, low, high in (
                ("killed", self.row.killed_low, self.row.killed_high),
                ("injured", self.row.injured_low, self.row.injured_high),
            )
            if low is not None and high is not None
        ]
        if not ranges:
            return ()
        voices = [
            f"{source.name}: "
            + ", ".join(
                f"{figure} {what}"
                for what, figure in (("killed", source.killed), ("injured", source.injured))
                if figure is not None
            )
            + ("" if source.role != "unattributed" else " (unattributed)")
            for source in self.sources
            if source.killed is not None or source.injured is not None
        ]
        return (", ".join(ranges), *voices)


def _range(low: int, high: int) -> str:
    return str(low) if low == high else f"{low}-{high}"


def _tallies(session: Session, cluster_ids: list[int]) -> dict[int, _Tally]:
    """Each cluster's row and voices."""
    rows = session.scalars(
        select(ClusterRow)
        .where(ClusterRow.id.in_(cluster_ids))
        .options(selectinload(ClusterRow.sources))
    )
    return {row.id: _Tally(row, tuple(row.sources)) for row in rows}


def _speculative(member: EventRow) -> bool:
    return is_speculative(member.aux or (), [claim.stance for claim in member.claims])


def _origins(members: list[EventRow]) -> tuple[str, ...]:
    """Who vouches for the event happening, by the rule of the cluster tally: the originators of
    the claims of every report neither denying nor speculating (a vaguer description of one
    folded into it), and the publisher where it speaks in its own voice."""
    described: dict[str, str] = {}
    own_voice: set[str] = set()
    for member in members:
        if member.negated or _speculative(member):
            continue
        described.update((claim.origin.name, claim.origin.key) for claim in member.claims)
        if not member.claims:
            own_voice.add(member.article.publisher or "an unnamed publisher")
    return tuple(sorted(fold_descriptions(described) | own_voice))


def _headline_verb(members: list[EventRow]) -> str:
    """How the reports put it, without judging: reported, only denied, or only foreseen."""
    if any(not (member.negated or _speculative(member)) for member in members):
        return "Reported"
    if all(member.negated for member in members):
        return "Denied"
    return "Foreseen or supposed"


def _incident(members: list[EventRow], disputes: list[str], tally: _Tally | None) -> Incident:
    asserting = [m for m in members if not (m.negated or _speculative(m))] or members
    sharpest_place = min(members, key=lambda member: (member.where_precision or 9, member.id))
    sharpest_date = min(
        (m for m in members if m.date_start and m.date_end),
        key=lambda member: (member.span_days or 0, member.id),
        default=members[0],
    )
    headline_event = asserting[0]
    what = f"{_headline_verb(members)} {headline_event.type.lower()}" + (
        f" ({headline_event.mode})" if headline_event.mode else ""
    )
    actor = f" by {headline_event.actor.name}" if headline_event.actor else ""
    place = sharpest_place.place.name if sharpest_place.place else None
    voices = _voices(members)
    return Incident(
        headline=f"{what}{actor}" + (f" at {place}" if place else ""),
        place=place,
        latitude=sharpest_place.latitude,
        longitude=sharpest_place.longitude,
        date_start=sharpest_date.date_start,
        date_end=sharpest_date.date_end,
        sentence=_one_line(headline_event.sentence) if headline_event.sentence else None,
        sentence_publisher=headline_event.article.publisher or "unnamed publisher",
        reports=len({member.article_id for member in members}),
        publishers=tuple(
            sorted({member.article.publisher or "unnamed publisher" for member in members})
        ),
        origins=tally.names("corroborating") if tally is not None else _origins(members),
        voices=voices,
        disputes=tuple(disputes),
        merge_reasons=tuple(member.merge_reason for member in members if member.merge_reason),
        contesting=tally.names("contesting") if tally is not None else (),
        toll=tally.toll() if tally is not None else (),
    )


def area_name(place: PlaceRow) -> str:
    """The area a place reports under: its province, else its country by name ("Belarus", not
    "BY"), else the place itself."""
    if place.admin1:
        return place.admin1
    if place.feature == "country" or not place.country_code:
        return place.name
    return countries().get(place.country_code.upper(), (place.country_code, 0))[0]
