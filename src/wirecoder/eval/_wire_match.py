"""Matching a report's gold records to the events wirecoder made, field by field.

The rules are the ones ``wire_records`` documents; this module applies them to one analysis.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..schema import Analysis, Count, Event, Participant, Place
from ._wire_gold import (
    Forbidden,
    GoldDateline,
    GoldEvent,
    GoldPlace,
    GoldReport,
    Locator,
    Toll,
    locate,
    trigger_range,
)

NOT_ROWS = frozenset({"negated", "future", "hypothetical", "historical"})
"""Event modes that keep an event out of a dataset (the exports drop them too)."""

FAMILIES = {
    "verbal cooperation": ("AGREE", "CONSULT", "SUPPORT"),
    "material cooperation": ("COOPERATE", "AID", "RETREAT", "CONCEDE"),
    "verbal conflict": ("REQUEST", "ACCUSE", "REJECT", "THREATEN"),
    "material conflict": ("SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT"),
}
"""PLOVER's quad classes: a predicted event stands for a gold one only within its family."""

_FAMILY = {kind: family for family, kinds in FAMILIES.items() for kind in kinds}

FIELDS = ("type", "actor", "recipient", "place", "date", "toll", "occurred", "main")
"""The fields of a record; each must be right for the record to be fully right."""

Triple = tuple[int | None, int | None, int | None]


def is_row(event: Event) -> bool:
    """Whether an event becomes a row of a dataset: it happened and is the news."""
    return not NOT_ROWS.intersection(event.aux)


def _code(party: Participant | None) -> tuple[str | None, str | None]:
    return (party.country, party.sector) if party is not None else (None, None)


def _triple(count: Count | Toll | None) -> Triple | None:
    """A count as (low, best, high); a count of nothing (no figure, or zero) is None."""
    if count is None:
        return None
    values = (count.low, count.best, count.high)
    return None if all(not value for value in values) else values


def _entry_key(place: Place) -> str | None:
    if place.geonames_id is not None:
        return str(place.geonames_id)
    return f"s:{place.supplement_id}" if place.supplement_id is not None else None


@dataclass(frozen=True)
class Predicted:
    """What a predicted event says about where it happened."""

    key: str | None
    admin1: str | None
    country: str | None
    precision: int | None


def _anchored(place: Place, places: dict[str, Place]) -> Place:
    """The gazetteer place a place stands on: itself, or for a place given only relative to
    another ("near the town", "10 km south of X") the place it is measured from."""
    seen = {place.id}
    while _entry_key(place) is None and place.relative is not None:
        anchor = places.get(place.relative.anchor_id)
        if anchor is None or anchor.id in seen:
            break
        seen.add(anchor.id)
        place = anchor
    return place


def _where(event: Event, places: dict[str, Place]) -> Predicted:
    place = places.get(event.place_id) if event.place_id else None
    if place is None:
        return Predicted(None, None, None, None)
    precision = event.where_precision or place.precision
    entry = _anchored(place, places)
    return Predicted(_entry_key(entry), entry.admin1, entry.country_code, precision)


def place_right(gold: GoldPlace, where: Predicted) -> bool:
    """Same entry; at precision 4 the same province, named no finer than a province; at 6 the
    same country, named as a country."""
    if gold.precision == 4:
        return (
            where.precision in (4, 5)
            and where.admin1 == gold.admin1
            and where.country == gold.country
        )
    if gold.precision == 6:
        return where.precision == 6 and where.country == gold.country
    return where.key == gold.key


def _toll_right(gold: GoldEvent, event: Event) -> bool:
    pairs = [(gold.killed, event.size.killed), (gold.injured, event.size.injured)]
    if gold.scores_arrested:
        pairs.append((gold.arrested, event.size.arrested))
    return all(_triple(want) == _triple(got) for want, got in pairs)


def _main_right(gold: GoldEvent, event: Event) -> bool:
    return event.main == gold.main


def field_checks(gold: GoldEvent, event: Event, places: dict[str, Place]) -> dict[str, bool | None]:
    """Each field of a gold event that occurred, right or wrong (None: not scored)."""
    assert gold.place is not None and gold.date is not None  # checked when the gold was read
    where = _where(event, places)
    return {
        "type": event.type == gold.type and (gold.mode is None or event.mode == gold.mode),
        "actor": _code(event.actor) == (gold.actor.code if gold.actor else (None, None)),
        "recipient": _code(event.recipient)
        == (gold.recipient.code if gold.recipient else (None, None)),
        "place": place_right(gold.place, where),
        "date": (event.date_start, event.date_end) == (gold.date.start, gold.date.end),
        "toll": _toll_right(gold, event),
        "occurred": is_row(event),
        "main": _main_right(gold, event),
        "where_precision": where.precision == gold.place.precision,
        "date_precision": event.date_precision == gold.date.precision,
    }


def _in_sentence(event: Event, offset: int) -> bool:
    """Whether ``event``'s trigger lies in the sentence that holds ``offset``."""
    trigger = event.trigger.start
    return any(
        span.start <= offset < span.end and span.start <= trigger < span.end for span in event.spans
    )


@dataclass
class EventScore:
    """One gold event and the predicted event that stands for it (if any)."""

    gold: GoldEvent
    predicted: Event | None = None
    fields: dict[str, bool | None] = field(default_factory=dict)

    @property
    def fully_right(self) -> bool:
        if not self.gold.occurred:
            return self.predicted is None or not is_row(self.predicted)
        return self.predicted is not None and all(
            self.fields.get(name) is not False for name in FIELDS
        )

    def problems(self) -> list[str]:
        """What is wrong, in words, for a test's message."""
        label = f"{self.gold.id} ({self.gold.trigger!r})"
        if not self.gold.occurred:
            return (
                [] if self.fully_right else [f"{label}: made a row of an event that did not occur"]
            )
        if self.predicted is None:
            return [f"{label}: no {self.gold.type} event found in its sentence"]
        return [
            f"{label}: {name} wrong ({_describe(name, self.predicted)})"
            for name in FIELDS
            if self.fields.get(name) is False
        ]


def _describe(name: str, event: Event) -> str:
    described = {
        "type": f"{event.type}/{event.mode}",
        "actor": str(_code(event.actor)),
        "recipient": str(_code(event.recipient)),
        "place": f"place {event.place_id}, precision {event.where_precision}",
        "date": f"{event.date_start}..{event.date_end}",
        "toll": f"killed {_triple(event.size.killed)}, injured {_triple(event.size.injured)}",
        "occurred": f"aux {event.aux}",
        "main": f"main {event.main}",
    }
    return described[name]


def _candidates(
    gold: GoldEvent, events: Sequence[Event], text: str, where: str
) -> list[tuple[Event, bool, int]]:
    """Predicted events in one of the gold event's sentences and of its family, with whether
    their trigger overlaps the gold trigger and how far it is from it."""
    found: list[tuple[Event, bool, int]] = []
    for locator in gold.locators:
        start, trigger_start, trigger_end = trigger_range(text, locator, where)
        for event in events:
            if _FAMILY[event.type] != _FAMILY[gold.type] or not _in_sentence(event, start):
                continue
            overlap = event.trigger.start < trigger_end and trigger_start < event.trigger.end
            found.append((event, overlap, abs(event.trigger.start - trigger_start)))
    return found


def align(report: GoldReport, analysis: Analysis, places: dict[str, Place]) -> list[EventScore]:
    """Pair gold and predicted events one to one, the likeliest pairs first: most fields right,
    then a trigger on the gold trigger, then the nearest trigger."""
    ranked: list[tuple[tuple[int, bool, int], int, EventScore]] = []
    for order, gold in enumerate(report.events):
        where = f"{report.report} {gold.id}"
        text = analysis.article.text
        for event, overlap, distance in _candidates(gold, analysis.events, text, where):
            checks = field_checks(gold, event, places) if gold.occurred else {}
            right = sum(value is True for name, value in checks.items() if name in FIELDS)
            ranked.append(((right, overlap, -distance), order, EventScore(gold, event, checks)))
    ranked.sort(key=lambda item: (item[0], -item[1]), reverse=True)
    chosen: dict[int, EventScore] = {}
    used: set[str] = set()
    for _, order, score in ranked:
        assert score.predicted is not None
        if order not in chosen and score.predicted.id not in used:
            chosen[order] = score
            used.add(score.predicted.id)
    return [chosen.get(order, EventScore(gold)) for order, gold in enumerate(report.events)]


def _event_matches(item: Forbidden, event: Event, places: dict[str, Place], text: str) -> bool:
    if item.sentence is not None:
        start = locate(text, item.sentence, "must_not")
        if item.trigger is not None:
            _, low, high = trigger_range(
                text, Locator(sentence=item.sentence, trigger=item.trigger), "must_not"
            )
            if not (event.trigger.start < high and low < event.trigger.end):
                return False
        elif not _in_sentence(event, start):
            return False
    where = _where(event, places)
    wanted = (
        (item.type, event.type),
        (item.mode, event.mode),
        (item.actor_country, event.actor.country if event.actor else None),
        (item.place, where.key),
        (item.country, where.country),
    )
    return all(want is None or want == got for want, got in wanted)


def _mention_range(item: Forbidden, text: str) -> tuple[int, int]:
    assert item.text is not None  # checked when the gold was read
    start = locate(text, item.text, "must_not")
    mention = item.mention or item.text
    offset = text.find(mention, start, start + len(item.text))
    if offset < 0:
        raise ValueError(f"must_not: {mention!r} is not inside {item.text!r}")
    return offset, offset + len(mention)


def _spans_overlap(spans: Iterable[tuple[int, int]], low: int, high: int) -> bool:
    return any(start < high and low < end for start, end in spans)


def _hits(item: Forbidden, analysis: Analysis, places: dict[str, Place]) -> list[str]:
    """The ids of what the analysis holds against one forbidden item."""
    text = analysis.article.text
    if item.kind == "event":
        return [
            event.id
            for event in analysis.events
            if is_row(event) and _event_matches(item, event, places, text)
        ]
    low, high = _mention_range(item, text)
    if item.kind == "place":
        return [
            place.id
            for place in analysis.places
            if place.role == "location"
            and _entry_key(_anchored(place, places)) not in item.allowed
            and _spans_overlap(((m.start, m.end) for m in place.mentions), low, high)
        ]
    return [
        actor.id
        for actor in analysis.actors
        if actor.kind == "person"
        and _spans_overlap(((m.start, m.end) for m in actor.mentions), low, high)
    ]


def violations(
    report: GoldReport, analysis: Analysis, places: dict[str, Place]
) -> dict[int, list[str]]:
    """The ids of what the analysis holds against each forbidden item, by the item's index."""
    found: dict[int, list[str]] = {}
    for index, item in enumerate(report.must_not):
        hits = _hits(item, analysis, places)
        if hits:
            found[index] = hits
    return found


def dateline_right(gold: GoldDateline | None, analysis: Analysis) -> bool:
    """The reader lifted the dateline the gold gives (place, date and agency as printed)."""
    got = analysis.article.dateline
    if gold is None or got is None:
        return gold is None and got is None
    return (got.place, got.date_text, got.agency) == (gold.place, gold.date_text, gold.agency)


def toll_totals(report: GoldReport, analysis: Analysis) -> tuple[int, int]:
    """The killed a dataset would sum from this report: the gold's and the predicted rows'
    (best estimates), so that a toll counted twice shows."""
    gold = sum(
        (event.killed.best or 0) if event.killed else 0 for event in report.events if event.occurred
    )
    predicted = sum(
        (event.size.killed.best or 0) if event.size.killed else 0
        for event in analysis.events
        if is_row(event)
    )
    return gold, predicted
