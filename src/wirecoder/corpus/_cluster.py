"""Fold events from many reports into clusters of one real-world event, count independent
origins, and find contradictions inside each cluster.

Pure functions over ``EventRecord``: the database step loads records and stores the result, so
the rules here can be tested on hand-made records.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TypeVar

from ..schema import SPECULATIVE_AUX, SPECULATIVE_STANCES

RADIUS_KM = {1: 5.0, 2: 25.0, 3: 50.0, 4: 150.0, 5: 50.0, 7: 100.0}
"""How far from its coordinates an event may be, by UCDP where-precision; 6 (country) compares
countries."""
DEFAULT_RADIUS_KM = 25.0
CONTROL_WORDS = re.compile(
    r"captur|seiz|took|taken|take|control|fell|fall|occup|withdr|retreat", re.IGNORECASE
)
CONTROL_MODES = frozenset({"seize", "occupy", "capture"})
CONTROL_DENIAL_WORDS = re.compile(
    r"captur|seiz|\btaken\b|\bfall|\bfell\b|control|occup|\bhold|\bheld\b"
)
REFERRING_DENIAL = re.compile(
    r"(?:the |this |that |these |those |such )?"
    r"(?:claims?|reports?|statements?|allegations?|assertions?)"
)
NEGATORS = r"(?:\b(?:no|not|never|nothing|without)\b|n['’]t)"
"""Words that deny what follows them: "posed no threat", "did not shell", "never captured"."""
STEM_LETTERS = 5
"""Letters of a trigger that name its word family: "threatened" and "threat" share "threa"."""
Origin = TypeVar("Origin", bound=Hashable)
ARTICLES = frozenset({"the", "a", "an"})
DATE_SLACK = dt.timedelta(days=1)
"""Reports of one strike often date it a day apart (overnight attacks, filing across midnight)."""
FIGURE_TOLERANCE = 0.2
"""Casualty figures within 20% (or 2 people) of each other are the same figure, not a dispute."""


@dataclass(frozen=True)
class EventRecord:
    """What the clustering needs to know about one stored event."""

    id: int
    article_id: int
    type: str
    date_start: dt.date | None
    date_end: dt.date | None
    place_id: int | None = None
    place_name: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    country_code: str | None = None
    where_precision: int | None = None
    actor_key: str | None = None
    actor_country: str | None = None
    recipient_key: str | None = None
    negated: bool = False
    mode: str | None = None
    trigger: str = ""
    killed: tuple[int | None, int | None, int | None] = (None, None, None)
    claims: tuple[tuple[int, int], ...] = ()
    """(claim id, origin actor id) of the claims the event rests on."""
    publisher_origin: int | None = None
    """The publisher's actor id: the origin when the report states the event in its own voice."""
    speculative: bool = False
    """Foreseen or supposed, not said to have happened: never folded with other reports, nor
    counted as corroboration."""
    origin_keys: tuple[tuple[int, str], ...] = ()
    """(origin actor id, actor key) of the claims' originators, to fold vaguer descriptions."""
    approximate_date: bool = False
    """The dates are the days before publication, not what the report said."""

    @property
    def origins(self) -> set[int]:
        if self.claims:
            return {origin for _, origin in self.claims}
        return {self.publisher_origin} if self.publisher_origin is not None else set()

    @property
    def killed_best(self) -> int | None:
        low, best, high = self.killed
        return best if best is not None else (low if low is not None else high)


@dataclass
class Cluster:
    """Events judged to be one real-world event, each with the reason it joined."""

    members: list[EventRecord]
    reasons: dict[int, str] = field(default_factory=dict)

    @property
    def asserting(self) -> list[EventRecord]:
        """Members saying the event happened: neither denied nor speculative."""
        return [member for member in self.members if not (member.negated or member.speculative)]

    @property
    def origins(self) -> set[int]:
        """Independent origins vouching for the event: chains walked to their originator, and
        a vaguer description of one of them ("the regional governor") folded into it."""
        keys = {origin: key for member in self.members for origin, key in member.origin_keys}
        vouching = {origin for member in self.asserting for origin in member.origins}
        described = {origin: keys[origin] for origin in vouching if origin in keys}
        return fold_descriptions(described) | (vouching - described.keys())


def fold_descriptions(keys: Mapping[Origin, str]) -> set[Origin]:
    """Which of the originators (id -> actor key) are independent within one event: a description
    all of whose words are in exactly one fuller description ("the regional governor" and "the
    Donetsk regional governor", "officials" and "Russian-installed officials in Donetsk") is
    that originator named less precisely; one fitting several fuller ones stays apart."""
    words = {origin: set(key.split()) - ARTICLES for origin, key in keys.items()}
    independent: set[Origin] = set()
    for origin, own in words.items():
        fuller = [other for other, more in words.items() if own < more]
        fullest = [a for a in fuller if not any(words[a] < words[b] for b in fuller)]
        if len(fullest) != 1:
            independent.add(origin)
    return independent


@dataclass(frozen=True)
class DenialClaim:
    """A denying or negating claim in the report of ``event_id`` that no event carries, e.g.
    "denied that the town had fallen" beside the capture the same story reports."""

    id: int
    event_id: int
    origin: int
    content: str

    def negates(self, trigger: str) -> bool:
        """Whether the content denies the trigger's word family within two words of a negator
        ("posed no threat" for "threatened", "did not shell" for "shelled")."""
        stem = re.escape(trigger.casefold()[:STEM_LETTERS])
        pattern = rf"{NEGATORS}\s+(?:\w+\s+){{0,2}}{stem}"
        return len(trigger) >= STEM_LETTERS and bool(re.search(pattern, self.content.casefold()))

    @property
    def about_control(self) -> bool:
        """Whether it denies a change of hands, or rejects "the claim" the story just reported."""
        text = self.content.strip(" .,;:'\"“”").casefold()
        return bool(CONTROL_DENIAL_WORDS.search(text) or REFERRING_DENIAL.fullmatch(text))


@dataclass(frozen=True)
class Contradiction:
    """Two sides of a dispute inside one cluster; denial claims stand on side b."""

    kind: str  # "control", "stance" or "casualties"
    detail: str
    side_a: tuple[EventRecord, ...]
    side_b: tuple[EventRecord, ...]
    denials: tuple[DenialClaim, ...] = ()


def is_speculative(aux: Iterable[str], stances: Iterable[str]) -> bool:
    """Whether an event is only foreseen or supposed: marked future or hypothetical, or resting
    on claims that are all forecasts or hypotheses."""
    stances = list(stances)
    return bool(SPECULATIVE_AUX.intersection(aux)) or (
        bool(stances) and all(stance in SPECULATIVE_STANCES for stance in stances)
    )


def distance_km(a: EventRecord, b: EventRecord) -> float | None:
    """Great-circle distance between two events' places, None when either has no coordinates."""
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _places_compatible(a: EventRecord, b: EventRecord) -> str | None:
    """Why the two places can be one, or None when they cannot."""
    if a.place_id is None and b.place_id is None:
        if (
            a.actor_key
            and a.recipient_key
            and (a.actor_key, a.recipient_key) == (b.actor_key, b.recipient_key)
        ):
            return f"no place, same actor and recipient ({a.actor_key} -> {a.recipient_key})"
        return None
    if a.place_id is None or b.place_id is None:
        return None
    if 6 in (a.where_precision, b.where_precision):
        within = _denied_country_wide(a, b) or _denied_country_wide(b, a)
        if within:
            return within
        # "In Ukraine" cannot be told apart from any one strike in it: a country-wide report
        # folds only with another one of that country on the very same named day.
        same = (
            a.where_precision == b.where_precision
            and a.country_code is not None
            and a.country_code == b.country_code
            and a.date_start == a.date_end == b.date_start == b.date_end
        )
        return f"both in {a.place_name} (country-wide) on {a.date_start}" if same else None
    if a.place_id == b.place_id:
        return f"same place {a.place_name}"
    distance = distance_km(a, b)
    if distance is None:
        return None
    limit = RADIUS_KM.get(a.where_precision or 0, DEFAULT_RADIUS_KM) + RADIUS_KM.get(
        b.where_precision or 0, DEFAULT_RADIUS_KM
    )
    if distance > limit:
        return None
    return f"{a.place_name} and {b.place_name} {distance:.0f} km apart (within {limit:.0f} km)"


def _denied_country_wide(country: EventRecord, inside: EventRecord) -> str | None:
    """A denial about a whole country ("posed no threat to Belarus") answers a report placed
    inside it ("threatened security near Mazyr"): why they can be one, or None."""
    if not (
        country.negated
        and not inside.negated
        and country.where_precision == 6
        and inside.where_precision != 6
        and country.country_code is not None
        and country.country_code == inside.country_code
    ):
        return None
    return f"{inside.place_name} lies in {country.place_name}, which the denial is about"


def is_control(record: EventRecord) -> bool:
    """Whether the event is about who holds ground (captured, fell, withdrew), not a strike."""
    return record.mode in CONTROL_MODES or bool(CONTROL_WORDS.search(record.trigger))


def _actors_compatible(a: EventRecord, b: EventRecord) -> bool:
    """Nothing tells the actors apart: one is unnamed, both are one actor or of one country, or
    only one has a country, so the other ("gunmen", "a group") may be on its side. Two named
    actors of no country ("Hezbollah", "Amal") or of two countries are two sides."""
    if a.actor_key is None or b.actor_key is None or a.actor_key == b.actor_key:
        return True
    if a.actor_country is None or b.actor_country is None:
        return (a.actor_country is None) != (b.actor_country is None)
    return a.actor_country == b.actor_country


def _dates_overlap(a: EventRecord, b: EventRecord) -> bool:
    assert a.date_start and a.date_end and b.date_start and b.date_end
    return a.date_start <= b.date_end + DATE_SLACK and b.date_start <= a.date_end + DATE_SLACK


def merge_reason(a: EventRecord, b: EventRecord) -> str | None:
    """Why ``b`` reports the same real-world event as ``a``, or None when it does not."""
    if not (a.type == b.type and _dates_overlap(a, b) and _actors_compatible(a, b)):
        return None
    if is_control(a) != is_control(b):
        return None
    place = _places_compatible(a, b)
    if place is None:
        return None
    assert a.date_start and a.date_end and b.date_start and b.date_end
    first, last = max(a.date_start, b.date_start), min(a.date_end, b.date_end)
    overlap = f"overlap {first}..{last}" if first <= last else f"a day apart ({last}, {first})"
    actors = f"actors {a.actor_key or '?'} / {b.actor_key or '?'} compatible"
    return (
        f"{b.type} like event {a.id} (article {a.article_id}): {place}; dates {overlap}; {actors}"
    )


def _cell(record: EventRecord) -> tuple[int, int] | None:
    """The grid cell of a precisely placed event (within 25 km), None for vaguer or unplaced ones.

    Cells are 0.5 degrees of latitude by 1 of longitude, at least 50 km each way up to 60
    degrees north or south, so two precise events that may merge are always in adjacent cells.
    """
    if record.latitude is None or record.longitude is None or (record.where_precision or 9) > 2:
        return None
    return (math.floor(record.latitude / 0.5), math.floor(record.longitude))


class _OpenClusters:
    """Clusters that may still take members, found by the grid cell of their first member."""

    def __init__(self) -> None:
        self.by_cell: dict[tuple[int, int], list[Cluster]] = defaultdict(list)
        self.anywhere: list[Cluster] = []
        self.ends: dict[int, dt.date] = {}

    def _still_open(self, clusters: list[Cluster], day: dt.date) -> list[Cluster]:
        clusters[:] = [c for c in clusters if self.ends[id(c)] + DATE_SLACK >= day]
        return clusters

    def candidates(self, record: EventRecord) -> list[Cluster]:
        assert record.date_start is not None
        cell = _cell(record)
        if cell is None:
            cells: list[list[Cluster]] = list(self.by_cell.values())
        else:
            row, column = cell
            cells = [
                self.by_cell[(row + dr, column + dc)] for dr in (-1, 0, 1) for dc in (-1, 0, 1)
            ]
        return [
            c
            for clusters in [*cells, self.anywhere]
            for c in self._still_open(clusters, record.date_start)
        ]

    def add(self, cluster: Cluster) -> None:
        cell = _cell(cluster.members[0])
        (self.anywhere if cell is None else self.by_cell[cell]).append(cluster)

    def extend_to(self, cluster: Cluster, end: dt.date) -> None:
        self.ends[id(cluster)] = max(self.ends.get(id(cluster), end), end)


def cluster_events(records: Iterable[EventRecord]) -> list[Cluster]:
    """Group events into clusters by complete linkage over ``merge_reason``.

    An event joins a cluster only when it is compatible with every member, so one vague report
    ("earlier this week", "near Soledar") cannot chain two distinct events together; of several
    clusters it fits, it joins the largest. Events are swept in date order per type and compared
    only with clusters still open at their start and near enough on the grid.
    """
    clusters: list[Cluster] = []
    by_type: dict[str, list[EventRecord]] = defaultdict(list)
    for record in records:
        if record.date_start and record.date_end and not record.speculative:
            by_type[record.type].append(record)
        else:
            clusters.append(Cluster(members=[record]))
    for family in by_type.values():
        clusters.extend(_sweep(family))
    return clusters


def _sweep(family: list[EventRecord]) -> list[Cluster]:
    """The clusters of one type's dated events, swept in date order."""
    family.sort(key=lambda record: (record.date_start, record.id))
    clusters: list[Cluster] = []
    open_clusters = _OpenClusters()
    for record in family:
        assert record.date_end is not None, "only dated events are swept"
        best = _best_fit(open_clusters.candidates(record), record)
        if best is None:
            cluster = Cluster(members=[record])
            clusters.append(cluster)
            open_clusters.add(cluster)
        else:
            cluster, reason = best
            cluster.members.append(record)
            cluster.reasons[record.id] = reason
        open_clusters.extend_to(cluster, record.date_end)
    return clusters


def _best_fit(candidates: list[Cluster], record: EventRecord) -> tuple[Cluster, str] | None:
    """The largest (first of the largest) cluster ``record`` fits with every member, and the
    reason it fits the first; None when it fits none."""
    best: tuple[Cluster, str] | None = None
    for cluster in candidates:
        if best is not None and len(cluster.members) <= len(best[0].members):
            continue
        reasons = [merge_reason(member, record) for member in cluster.members]
        first = reasons[0]
        if first is not None and all(reasons):
            best = (cluster, first)
    return best


def _figures_disagree(a: int, b: int) -> bool:
    return abs(a - b) > max(2.0, FIGURE_TOLERANCE * max(a, b))


def _names(records: Iterable[EventRecord]) -> str:
    return ", ".join(sorted({f"event {record.id}" for record in records}))


def _claim_names(claims: Iterable[DenialClaim]) -> str:
    return ", ".join(sorted({f"claim {claim.id}" for claim in claims}))


def find_contradictions(
    cluster: Cluster, denials: Iterable[DenialClaim] = ()
) -> list[Contradiction]:
    """Control or stance asserted by some reports and denied by others (by a negated event, by a
    denial claim in a report of the event for control, or for a stance by a claim there that negates
    the event's word: "posed no threat" against "threatened"); casualty figures that disagree beyond
    tolerance. One voice saying both is not a dispute between sides, and a publisher in its own
    voice ("X did not comment on the shelling") is never a side: it reports, it does not deny."""
    found: list[Contradiction] = []
    asserted = tuple(cluster.asserting)
    vouching = {origin for member in asserted for origin in member.origins}
    publisher_of = {member.id: member.publisher_origin for member in cluster.members}
    denied = tuple(
        member
        for member in cluster.members
        if member.negated and member.origins - vouching - {member.publisher_origin}
    )
    control = any(is_control(member) for member in asserted)
    denying = tuple(
        claim
        for claim in {claim.id: claim for claim in denials}.values()
        if claim.origin not in vouching
        and claim.origin != publisher_of.get(claim.event_id)
        and (
            claim.about_control
            if control
            else any(claim.negates(member.trigger) for member in asserted)
        )
    )
    if asserted and (denied or denying):
        place = cluster.members[0].place_name or "the same place"
        what = f"control of {place}" if control else f"{asserted[0].type} at {place}"
        against = ", ".join(part for part in (_names(denied), _claim_names(denying)) if part)
        found.append(
            Contradiction(
                "control" if control else "stance",
                f"{what}: asserted by {_names(asserted)}, denied by {against}",
                asserted,
                denied,
                denying,
            )
        )
    by_figure: dict[int, list[EventRecord]] = defaultdict(list)
    for member in asserted:
        if member.killed_best is not None:
            by_figure[member.killed_best].append(member)
    figures = sorted(by_figure)
    groups: list[list[int]] = []
    for figure in figures:
        if groups and not _figures_disagree(groups[-1][0], figure):
            groups[-1].append(figure)
        else:
            groups.append([figure])
    for low_group, high_group in pairwise(groups):
        found.append(
            Contradiction(
                "casualties",
                f"killed: {'/'.join(map(str, low_group))} vs {'/'.join(map(str, high_group))}",
                tuple(member for figure in low_group for member in by_figure[figure]),
                tuple(member for figure in high_group for member in by_figure[figure]),
            )
        )
    return found
