"""One toll per event per source: the counts of a sentence given to its triggers, and the tolls
of an article reconciled across its sentences.

In a sentence, each count goes to the trigger nearest its casualty word that has no count of
its kind yet: deaths and injuries to an attack, arrests to an arrest or a protest. A running
total ("1,500 killed since October") goes only to the trigger that is its own casualty word,
never to today's strike.

Across the article, a later report of a toll already given is not a new event, and not added:

- the same toll told again ("11 killed" in the lead and in the fifth paragraph) is one event,
  and so is a toll another source gives otherwise in the same sentence ("22 killed, officials
  said, while medics said 30 died": low 22, best 22, high 30);
- a revised total from the same source ("the death toll rose to 30") replaces the earlier
  figure, also when its sentence has no trigger of its own; another source's figure ("a doctor
  put the death toll at 48", "the army said the attack left 17 dead") widens the range;
- a part of a toll told within two paragraphs after it, while the parts add up to no more than
  the total, belongs to it: told by the victims alone with no place of their own ("Six of them
  died in hospital"), it is the total's sentence, not an event; placed inside the total's area
  ("41 killed across Gaza ... strikes in Jabalia killed 18"), it is an event of its own and the
  total keeps the remainder (a total its parts sum up entirely is no record of its own), so that
  the article's rows add up to what it says;
- a running total is not a new event when the article reports an incident inside its stretch
  by the same doer in the same area (the strike is the event; the war's toll is a claim);
  alone, it stays, dated by its stretch.

A sentence that says it tells of another happening ("in a separate attack", "elsewhere",
"another") never joins an earlier toll. Two reports of one toll from different sources keep
UCDP's range: the lowest low, the highest high, and the lower best (``_merge``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from ...lexicon import Lexicon, Words, load
from ...schema import UNREAL_AUX, Count, Event, Participant, Place, Size, Span
from ._merge import combined, one_source, overlap, stated_place, two_sources, wider
from ._size import Reported
from ._triggers import Found


class _Tolls(Lexicon):
    separate: Words
    definite: Words


_TOLLS = load("wirecoder.stages.events", "tolls", _Tolls)
_KINDS = ("killed", "injured", "arrested")
_HARM = ("killed", "injured")
_PART_REACH = 2
"""How many paragraphs after its total a part of it may be told."""

Within = Callable[[str, str], bool]
"""Whether the first place lies inside the second (by their ids)."""


@dataclass(frozen=True)
class TollNote:
    """What the reconciliation needs to know of one event, beside the event itself."""

    sentence: int
    paragraph: int
    cumulative: bool = False
    updates: frozenset[str] = frozenset()
    """Kinds whose count revises an earlier total ("the toll rose to 30")."""
    victims_only: bool = False
    """The trigger is a casualty word alone ("four were killed"): no attack of its own."""
    separate: bool = False
    """The sentence says it tells of another happening."""
    definite: bool = False
    """The trigger is a definite noun ("the attack", "the strike"): one told of before."""


@dataclass(frozen=True)
class Revision:
    """A toll in a sentence with no trigger for it: a revised total ("The toll rose to 30",
    ``update``) or a figure told on its own ("a doctor put the death toll at 48")."""

    sentence: int
    kind: str
    count: Count
    span: Span
    claim_ids: tuple[str, ...] = ()
    update: bool = True


def separate(words: set[str]) -> bool:
    """A sentence whose words say it tells of another happening."""
    return bool(words & _TOLLS.separate)


def definite(found: Found) -> bool:
    """A trigger noun with a definite determiner: "the attack left 17 dead"."""
    head = found.head
    return head.pos_ == "NOUN" and any(
        child.dep_ == "det" and child.lower_ in _TOLLS.definite for child in head.children
    )


def assign(
    numbers: Sequence[Reported], triggers: Sequence[Found]
) -> tuple[dict[int, dict[str, Reported]], list[Reported]]:
    """The counts of each trigger (by index), and the tolls no trigger took ("the toll rose to
    30", "a doctor put the death toll at 48")."""
    owners: dict[int, dict[str, Reported]] = {}
    loose: list[Reported] = []
    for number in numbers:
        fitting = [
            (index, found)
            for index, found in enumerate(triggers)
            if _fits(number.kind, found) and number.kind not in owners.get(index, {})
        ]
        if number.cumulative:
            fitting = [(index, found) for index, found in fitting if _tells_total(found, number)]
        if not fitting:
            if (number.update or number.toll) and not number.cumulative:
                loose.append(number)
            continue
        index, _ = min(
            fitting, key=lambda item: (not _owns(item[1], number), _distance(item[1], number))
        )
        owners.setdefault(index, {})[number.kind] = number
    return owners, loose


def _tells_total(found: Found, number: Reported) -> bool:
    """The trigger is the running total's own casualty word ("1,500 have been killed since
    October"), not an attack beside a total of something else ("the strike brings the number
    of people killed since October to 1,500")."""
    if number.word == found.head.i:
        return True
    return any(
        other.head.i == number.word and other.head.dep_ not in ("acl", "relcl")
        for other in found.absorbed
    )


def _fits(kind: str, found: Found) -> bool:
    trigger = found.trigger
    if kind in _HARM:
        return trigger.type == "ASSAULT" and trigger.mode not in ("capture", "advance")
    return kind == "arrested" and trigger.type in ("COERCE", "PROTEST")


def _owns(found: Found, number: Reported) -> bool:
    """The trigger is, or took in, the casualty word the number counts for."""
    return number.word in {found.head.i, *(other.head.i for other in found.absorbed)}


def _distance(found: Found, number: Reported) -> int:
    return min(abs(f.head.i - number.start) for f in (found, *found.absorbed))


@dataclass
class _Ledger:
    """The events kept so far, with the parts each total has taken."""

    notes: Mapping[str, TollNote]
    sources: Mapping[str, str]
    within: Within
    kept: list[Event] = field(default_factory=list)
    parts: dict[tuple[str, str], int] = field(default_factory=dict)
    """The victims of the parts folded into each total (by event id and kind)."""
    split: dict[tuple[str, str], int] = field(default_factory=dict)
    """The victims of the located parts taken out of each total (by event id and kind)."""
    summed: set[str] = field(default_factory=set)
    """Totals whose every victim is in events listed on their own."""


def reconcile(
    events: Sequence[Event],
    notes: Mapping[str, TollNote],
    revisions: Sequence[Revision],
    sources: Mapping[str, str],
    within: Within,
) -> list[Event]:
    """``events`` (in text order) with repeated, revised and partial reports of one toll
    folded into the event they report, and running totals dropped where an incident they
    include is reported."""
    ledger = _Ledger(notes, sources, within)
    pending = sorted(revisions, key=lambda revision: revision.sentence)
    for event in events:
        note = notes[event.id]
        while pending and pending[0].sentence < note.sentence:
            _revise(ledger, pending.pop(0))
        if note.cumulative or not _join(ledger, event, note):
            ledger.kept.append(event)
    for revision in pending:
        _revise(ledger, revision)
    kept = [event for event in ledger.kept if event.id not in ledger.summed]
    return [event for event in kept if not _overtaken(event, kept, notes, within)]


def _join(ledger: _Ledger, event: Event, note: TollNote) -> bool:
    """Fold ``event`` into the earlier event whose toll it reports again; False if none (a
    located part of an earlier total stays an event, and the total keeps the remainder)."""
    if note.separate:
        return False
    for index in range(len(ledger.kept) - 1, -1, -1):
        first = ledger.kept[index]
        if ledger.notes[first.id].cumulative:
            continue
        if not _compatible(first, event, ledger.within, dated=False, recipients=False):
            continue
        same_sides = _same_side(first.recipient, event.recipient)
        for kind in _KINDS:
            joined = _joined(ledger, first, event, note, kind) if same_sides else None
            if joined is not None:
                ledger.kept[index] = joined
                return True
            if _located_part(ledger, first, event, note, kind):
                for other in _KINDS:  # its dead and its wounded both come out of the total
                    if other == kind or _located_part(ledger, first, event, note, other):
                        first = _remainder(ledger, first, event, other)
                ledger.kept[index] = first
                return False
    return False


def _joined(ledger: _Ledger, first: Event, event: Event, note: TollNote, kind: str) -> Event | None:
    """``first`` with ``event`` folded in, if ``event``'s count of ``kind`` revises, repeats or
    is an unlocated part of ``first``'s; else None."""
    earlier, later = getattr(first.size, kind), getattr(event.size, kind)
    if earlier is None or later is None or earlier.best is None or later.best is None:
        return None
    if kind in note.updates:
        # a revised total may be told on a later day than the event it counts; from another
        # source it widens the range (the lower best) instead of replacing it
        if not one_source(first, event, ledger.sources, loose=True):
            later = wider(earlier, later, lower=True) or later
        return _with_count(combined(first, event), kind, later)
    if not _at_once(first, event):
        return None
    remainder = any(key[0] == first.id for key in ledger.split)  # not a figure anyone told
    if (earlier.best == later.best and not remainder) or (
        _side_by_side(first, event) and two_sources(first, event, ledger.sources)
    ):
        # told again, or told otherwise by another source in the same sentence
        return combined(first, event, ledger.sources)
    if note.definite:
        # "the attack left 17 dead": the same happening, its toll told otherwise (UCDP range)
        return _with_count(combined(first, event), kind, wider(earlier, later, lower=True) or later)
    unlocated = not stated_place(event) or stated_place(event) == stated_place(first)
    if note.victims_only and unlocated and _near_part(ledger, first, note, kind, later.best):
        ledger.parts[(first.id, kind)] = ledger.parts.get((first.id, kind), 0) + later.best
        return combined(first, event, part=True)
    return None


def _near_part(ledger: _Ledger, first: Event, note: TollNote, kind: str, best: int) -> bool:
    """A count small enough to be a part of ``first``'s (with the parts it has), told in its
    paragraph or the next."""
    count = getattr(first.size, kind)
    if count is None or count.best is None:
        return False
    key = (first.id, kind)
    split = ledger.split.get(key, 0)
    total = count.best + split  # as first told, before its located parts were taken out
    taken = ledger.parts.get(key, 0) + split + best
    paragraphs = note.paragraph - ledger.notes[first.id].paragraph
    return best < total and taken <= total and 0 <= paragraphs <= _PART_REACH


def _located_part(ledger: _Ledger, first: Event, event: Event, note: TollNote, kind: str) -> bool:
    """A part of an area's toll placed inside the area: "41 killed across Gaza ... 18 in
    Jabalia" (the Jabalia strike is an event of its own; the Strip-wide one keeps the rest)."""
    later = getattr(event.size, kind)
    if later is None or later.best is None or note.definite:
        return False
    first_place, event_place = stated_place(first), stated_place(event)
    if not (first_place and event_place and first_place != event_place):
        return False
    return ledger.within(event_place, first_place) and _near_part(
        ledger, first, note, kind, later.best
    )


def _remainder(ledger: _Ledger, total: Event, part: Event, kind: str) -> Event:
    """``total`` less the victims of its located ``part``; a total left with none is summed by
    its parts and is no record of its own."""
    whole, piece = getattr(total.size, kind), getattr(part.size, kind)
    assert whole is not None and piece is not None and piece.best is not None
    ledger.split[(total.id, kind)] = ledger.split.get((total.id, kind), 0) + piece.best

    def less(value: int | None) -> int | None:
        return None if value is None else max(value - (piece.best or 0), 0)

    rest = Count(low=less(whole.low), best=less(whole.best), high=less(whole.high), span=whole.span)
    left = _with_count(total, kind, rest)
    counts = [getattr(left.size, other) for other in _KINDS]
    if all(count is None or not count.best for count in counts):
        ledger.summed.add(total.id)
    return left


def _side_by_side(first: Event, second: Event) -> bool:
    return any(span in second.spans for span in first.spans)


def _revise(ledger: _Ledger, revision: Revision) -> None:
    """Apply a toll told on its own to the latest earlier event with a toll of its kind: a
    revised total replaces the figure of the same source (or of none named); another source's,
    or a figure not said to revise, widens the range (UCDP: the lower best)."""
    for index in range(len(ledger.kept) - 1, -1, -1):
        event = ledger.kept[index]
        if ledger.notes[event.id].cumulative or getattr(event.size, revision.kind) is None:
            continue
        said = {ledger.sources[c] for c in revision.claim_ids if c in ledger.sources}
        own = {ledger.sources[c] for c in event.claim_ids if c in ledger.sources}
        count = revision.count
        if not revision.update or said and own and not said & own:
            count = wider(getattr(event.size, revision.kind), count, lower=True) or count
        revised = _with_count(event, revision.kind, count)
        claims = list(dict.fromkeys(event.claim_ids + list(revision.claim_ids)))
        spans = event.spans + [revision.span] * (revision.span not in event.spans)
        ledger.kept[index] = revised.model_copy(update={"claim_ids": claims, "spans": spans})
        return


def _with_count(event: Event, kind: str, count: Count) -> Event:
    size = event.size.model_dump()
    size[kind] = count
    return event.model_copy(update={"size": Size.model_validate(size)})


def _compatible(
    first: Event, second: Event, within: Within, dated: bool = True, recipients: bool = True
) -> bool:
    """Two events that may be one: same type and modes, no contradicting doers (nor, with
    ``recipients``, targets), places one inside the other (or unknown) and (with ``dated``)
    dates that overlap."""
    if first.type != second.type or sorted(first.aux) != sorted(second.aux):
        return False
    if first.mode and second.mode and first.mode != second.mode:
        return False
    if not _same_side(first.actor, second.actor):
        return False
    if recipients and not _same_side(first.recipient, second.recipient):
        return False
    if first.place_id and second.place_id and first.place_id != second.place_id:
        inside = within(second.place_id, first.place_id) or within(first.place_id, second.place_id)
        if not inside:
            return False
    return not dated or _at_once(first, second)


def _at_once(first: Event, second: Event) -> bool:
    """Dates that overlap, or an event undated."""
    return first.date_start is None or second.date_start is None or overlap(first, second)


def _same_side(first: Participant | None, second: Participant | None) -> bool:
    if first is None or second is None:
        return True
    if first.actor_id and second.actor_id:
        return first.actor_id == second.actor_id or first.country == second.country
    if first.country and second.country and first.country != second.country:
        return False
    return not (first.sector and second.sector and first.sector != second.sector)


def _overtaken(
    event: Event, kept: Sequence[Event], notes: Mapping[str, TollNote], within: Within
) -> bool:
    """A running total whose stretch holds an incident the article reports with a toll of a
    kind it counts, by the same doer and in the same area: the incident is the event, the
    total is not a new one."""
    if not notes[event.id].cumulative:
        return False
    kinds = [kind for kind in _KINDS if getattr(event.size, kind) is not None]
    return any(
        other is not event
        and not notes[other.id].cumulative
        and other.type == event.type
        and not set(other.aux) & UNREAL_AUX
        and any(getattr(other.size, kind) is not None for kind in kinds)
        and _inside(other, event)
        and _compatible(event, other, within, dated=False, recipients=False)
        for other in kept
    )


def _inside(incident: Event, stretch: Event) -> bool:
    if incident.date_end is None or stretch.date_end is None:
        return True
    if incident.date_end > stretch.date_end:
        return False
    return stretch.date_start is None or (
        incident.date_start is not None and incident.date_start >= stretch.date_start
    )


def place_within(places: Sequence[Place]) -> Within:
    """Whether one place lies inside another: a place in the same country as a country; in the
    same first-order division as a region, or near its centre when the gazetteer's division
    codes disagree (the Gaza Strip and its governorates)."""
    by_id = {place.id: place for place in places}

    def within(inner_id: str, outer_id: str) -> bool:
        inner, outer = by_id.get(inner_id), by_id.get(outer_id)
        if inner is None or outer is None or outer.precision not in _AREA_RADIUS_KM:
            return False
        if not inner.country_code or inner.country_code != outer.country_code:
            return False
        if outer.precision == 6 or outer.admin1 is None or inner.admin1 == outer.admin1:
            return True
        distance = _distance_km(inner, outer)
        return distance is not None and distance <= _AREA_RADIUS_KM[outer.precision]

    return within


_AREA_RADIUS_KM = {3: 20.0, 4: 50.0, 6: 0.0}
"""How near the centre of a district (3) or a province (4) a place surely lies inside it."""


def _distance_km(first: Place, second: Place) -> float | None:
    if None in (first.latitude, first.longitude, second.latitude, second.longitude):
        return None
    assert first.latitude is not None and first.longitude is not None
    assert second.latitude is not None and second.longitude is not None
    lat1, lon1, lat2, lon2 = map(
        math.radians, (first.latitude, first.longitude, second.latitude, second.longitude)
    )
    chord = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(chord))
