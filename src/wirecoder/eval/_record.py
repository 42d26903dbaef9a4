"""One record per article in HRDsAttack's fields, from its main event (``Event.main``).

The main event gives the doer, the place and the date. Where it names no doer or place, an event
reported with it in its sentence does ("police detained and beat him" is one incident); where
none names a doer, another harmful event of its PLOVER type does. Where the incident has no
place, or one in a country the article hardly names, the record takes the country the article
names most, and where it has no town, the town the article names most inside its place. Where
the event has no date of its own, the record takes the first date the article gives. Each such
inference is marked (``doer_from``, ``located``, ``dated``). The harm, violation types and
victims, is the article's: an HRDsAttack record codes every violation and every named victim its
article reports, so they are those of each event the article reports as having happened (the
main incident's alone are kept beside them, ``incident_violations`` and ``incident_victims``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..schema import UNREAL_AUX, Actor, Analysis, Event, Participant, Place
from ._crosswalk import UNKNOWN, perpetrator_type, violation_types

_SETTLEMENTS = frozenset({"city", "capital", "town", "village"})
"""Place features that fill a record's city."""
_MIN_SHARE = 0.3
"""The least share of an article's place mentions the country of its main event's place must
have for the record to keep that place."""
_NOT_IN_A_REGION = frozenset({"country", "continent", "region", "ocean", "sea", "gulf", "strait"})


@dataclass(frozen=True)
class Record:
    """What one article reports, in the dataset's fields; empty when it reports no event."""

    event_id: str | None = None
    perpetrator_mentioned: bool = False
    perpetrator_type: str | None = None
    doer_from: str | None = None
    """Where the doer came from: ``incident`` (the main event or one reported with it) or
    ``article`` (another harmful event of the main event's PLOVER type, when the incident names
    no doer)."""
    violation_types: frozenset[str] = frozenset({UNKNOWN})
    incident_violations: frozenset[str] = frozenset({UNKNOWN})
    year: int | None = None
    month: int | None = None
    day: int | None = None
    dated: str | None = None
    """Where the date came from: ``event`` (a time expression of its own), ``article`` (the
    first date the article gives, when the event has none of its own) or ``window`` (the week
    before publication, the events stage's fallback, when the article gives no date)."""
    place: Place | None = None
    country: str | None = None
    located: str | None = None
    """Where the place came from: ``event`` (its own), ``sentence`` (an event reported with it)
    or ``article``: the country the article names most, when the sentence names no place (or one
    in a country the article hardly names), and the town it names most in the event's country
    or province, when the sentence names none."""
    victims: tuple[str, ...] = ()
    incident_victims: tuple[str, ...] = ()

    @property
    def city(self) -> Place | None:
        """The event's place when it is a settlement."""
        return self.place if self.place is not None and self.place.feature in _SETTLEMENTS else None

    @property
    def region(self) -> str | None:
        """The first-order division the event is in (the place itself when it is one)."""
        place = self.place
        if place is None or place.feature in _NOT_IN_A_REGION:
            return None
        return place.name if place.feature == "admin1" else place.admin1


def main_of(analysis: Analysis) -> Event | None:
    """The event the headline stage marked as the article's main one."""
    return next((event for event in analysis.events if event.main), None)


def record_of(analysis: Analysis) -> Record:
    """The article's record, from its main event; an empty record when it has none."""
    return record_for(analysis, main_of(analysis))


def records_of_every_event(analysis: Analysis) -> list[Record]:
    """A record from each event that happened: what the article's record could have been had
    another event been its main one."""
    return [record_for(analysis, e) for e in _happened(analysis.events)]


def record_for(analysis: Analysis, event: Event | None) -> Record:
    """The record the article gets when ``event`` is its main event."""
    if event is None:
        return Record()
    actors = {actor.id: actor for actor in analysis.actors}
    incident = _incident(event, analysis.events)
    doer, doer_from = _doer(event, incident, analysis.events)
    place, country, located = _located(incident, analysis.places)
    if place is None or place.feature not in _SETTLEMENTS:
        town = _settlement_in(place, country, analysis.places)
        place, located = (town, "article") if town is not None else (place, located)
    year, month, day, dated = _dated(event, analysis)
    harmful = [e for e in _happened(analysis.events) if violation_types(e)]
    return Record(
        event_id=event.id,
        perpetrator_mentioned=doer is not None,
        doer_from=doer_from,
        perpetrator_type=perpetrator_type(doer, actors, event.mode),
        violation_types=_violations([*incident, *harmful]),
        incident_violations=_violations(incident),
        year=year,
        month=month,
        day=day,
        dated=dated,
        place=place,
        country=country,
        located=located,
        victims=_persons([*incident, *harmful], actors),
        incident_victims=_persons(incident, actors),
    )


def _doer(
    main: Event, incident: list[Event], events: list[Event]
) -> tuple[Participant | None, str | None]:
    doer = next((e.actor for e in incident if e.actor is not None), None)
    if doer is not None:
        return doer, "incident"
    alike = (e for e in _happened(events) if e.type == main.type and e.actor is not None)
    doer = next((e.actor for e in alike if violation_types(e)), None)
    return doer, "article" if doer is not None else None


def _happened(events: Iterable[Event]) -> list[Event]:
    return [event for event in events if not set(event.aux) & UNREAL_AUX]


def _violations(events: Iterable[Event]) -> frozenset[str]:
    found = {kind for event in events for kind in violation_types(event)}
    return frozenset(found or {UNKNOWN})


def _persons(events: Iterable[Event], actors: dict[str, Actor]) -> tuple[str, ...]:
    """The names of the persons harmed: the recipients that are persons."""
    names = (
        event.recipient.name
        for event in events
        if event.recipient is not None
        and (actor := actors.get(event.recipient.actor_id or "")) is not None
        and actor.kind == "person"
    )
    return tuple(dict.fromkeys(names))


def _incident(main: Event, events: list[Event]) -> list[Event]:
    """The main event and the events that happened in its sentence."""
    sentence = main.spans[0].start if main.spans else main.trigger.start
    return [main] + [
        event
        for event in _happened(events)
        if event is not main and event.spans and event.spans[0].start == sentence
    ]


def _located(
    incident: list[Event], places: list[Place]
) -> tuple[Place | None, str | None, str | None]:
    """The place, country and where they came from: the main event's place, else that of an
    event reported with it; else, or when that place lies in a country the article hardly names
    (less than ``_MIN_SHARE`` of its place mentions: a namesake abroad, a dateline), the country
    the article names most often, without a place below it."""
    counts: Counter[str] = Counter()
    for place in places:
        if place.role == "location" and place.country_code:
            counts[place.country_code] += len(place.mentions)
    total = sum(counts.values())
    by_id = {place.id: place for place in places}
    for index, event in enumerate(incident):
        own = by_id.get(event.place_id or "")
        if own is None:
            continue
        if own.country_code and counts[own.country_code] >= _MIN_SHARE * total:
            return own, own.country_code, "sentence" if index else "event"
        break
    if not counts:
        return None, None, None
    code = counts.most_common(1)[0][0]
    country = next((p for p in places if p.feature == "country" and p.country_code == code), None)
    return country, code, "article"


def _settlement_in(area: Place | None, country: str | None, places: list[Place]) -> Place | None:
    """The town or city the article names most often inside ``area`` (a country or province),
    or inside ``country`` when there is no area."""
    if area is not None and area.feature == "admin1":
        inside = [p for p in places if p.admin1 == area.name or p.admin1 == area.admin1]
    elif area is not None and area.feature == "admin2":
        inside = [p for p in places if p.admin2 == area.name and p.admin1 == area.admin1]
    elif area is None or area.feature == "country":
        inside = places
    else:
        return None
    towns = [
        p
        for p in inside
        if p.role == "location" and p.feature in _SETTLEMENTS and p.country_code == country
    ]
    return max(towns, key=lambda p: (len(p.mentions), -p.mentions[0].start), default=None)


def _dated(
    event: Event, analysis: Analysis
) -> tuple[int | None, int | None, int | None, str | None]:
    """Year, month, day and their origin: the event's own date; else, when it has only the
    events stage's fallback window, the first date the article gives that is not after its
    publication (a story names the day of its event before the days of its background); else
    the window."""
    if event.date_start is None:
        return None, None, None, None
    if event.time_id is not None:
        return (*_date(event.date_start, event.date_end), "event")
    published = analysis.article.published
    for time in analysis.times:
        if (
            time.type == "DATE"
            and time.start is not None
            and time.end is not None
            and time.value not in _REFERENCES
            and (published is None or time.end <= published)
        ):
            return (*_date(time.start, time.end), "article")
    return (*_date(event.date_start, event.date_end), "window")


_REFERENCES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
"""TIMEX3 values that name no date ("now", "recently")."""


def _date(start: dt.date | None, end: dt.date | None) -> tuple[int | None, int | None, int | None]:
    """Year, month and day of a date at the precision it has: a day only when the date is one
    day, a month only when it lies in one month."""
    end = end or start
    if start is None or end is None:
        return None, None, None
    year = start.year if start.year == end.year else None
    month = start.month if year is not None and start.month == end.month else None
    day = start.day if start == end else None
    return year, month, day
