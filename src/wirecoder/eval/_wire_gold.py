"""The gold records of a wire report: their shape, read from ``<name>.gold.json`` and pinned to
the report's text.

A gold file says what a careful coder records from the report (see ``wire_records`` for what
"right" means per field): the events, each located by a unique piece of its sentence and the
trigger word inside it, and the things that must not be there ("no event at the dateline city",
"no capture for 'it was unclear who controlled X'", "'(Sep 6)' is not a place").
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..schema import PloverType

ERROR_CLASSES: dict[int, str] = {
    1: "event placed at the dateline or where someone spoke",
    2: "datelines in common forms",
    3: "same-name places told apart by the text's own geography",
    4: "regions vs their capital",
    5: "non-places (dates in brackets, outlets, ships) and places taken for persons",
    6: "event dates from the event's sentence",
    7: "the speaker is not the doer; agents in 'by' phrases; no meaningless actors",
    8: "tolls: overlapping reports, cumulative totals, low/best/high",
    9: "no invented events (uncertain control, press releases, gatherings)",
}
"""The error classes of issue #12, by number."""

ErrorClass = Literal[1, 2, 3, 4, 5, 6, 7, 8, 9]


class GoldError(ValueError):
    """A gold file that does not fit its report: named, so a broken fixture fails loudly."""


class _Gold(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Party(_Gold):
    """An actor or recipient as a coder codes it: country (ISO alpha-3) and PLOVER sector."""

    country: str | None = None
    sector: str | None = None

    @property
    def code(self) -> tuple[str | None, str | None]:
        return (self.country, self.sector)


class GoldPlace(_Gold):
    """Where: a GeoNames id (or a supplement id), with the UCDP where-precision the text allows.

    ``admin1`` and ``country`` (ISO alpha-2; none for open waters) are the entry's, as the
    gazetteer gives them; they decide rightness at precision 4 (a province) and 6 (a country)."""

    geonames_id: int | None = None
    supplement_id: str | None = None
    name: str
    admin1: str | None = None
    country: str | None
    precision: Literal[1, 2, 3, 4, 5, 6, 7]

    @model_validator(mode="after")
    def _one_id(self) -> GoldPlace:
        if (self.geonames_id is None) == (self.supplement_id is None):
            raise ValueError(f"place {self.name!r}: give exactly one of geonames_id, supplement_id")
        return self

    @property
    def key(self) -> str:
        """The gazetteer's identity of the entry: the GeoNames id, or ``s:`` + supplement id."""
        return str(self.geonames_id) if self.geonames_id is not None else f"s:{self.supplement_id}"


class GoldDate(_Gold):
    """When: the interval the text allows (both ends included), with UCDP's date precision."""

    start: dt.date
    end: dt.date
    precision: Literal[1, 2, 3, 4, 5]


class Toll(_Gold):
    """A count as low/best/high; ``None`` where the text gives no such bound."""

    low: int | None = None
    best: int | None = None
    high: int | None = None

    @property
    def triple(self) -> tuple[int | None, int | None, int | None]:
        return (self.low, self.best, self.high)


class Locator(_Gold):
    """A unique piece of a sentence of the body and a trigger word inside that piece."""

    sentence: str = Field(min_length=8)
    trigger: str = Field(min_length=2)


class GoldEvent(_Gold):
    """One event a coder records. ``also`` lists other sentences that describe the same event
    (the detail paragraph under a lead): a predicted event on any of them may stand for it.

    An event with ``occurred`` false (negated, future, hypothetical) is right when no dataset
    row stands for it; its other fields are not scored and may be left out."""

    id: str
    sentence: str = Field(min_length=8)
    trigger: str = Field(min_length=2)
    also: tuple[Locator, ...] = ()
    type: PloverType
    mode: str | None = None
    actor: Party | None = None
    recipient: Party | None = None
    place: GoldPlace | None = None
    date: GoldDate | None = None
    killed: Toll | None = None
    injured: Toll | None = None
    arrested: Toll | None = None
    occurred: bool = True
    main: bool = False
    classes: tuple[ErrorClass, ...] = ()
    note: str | None = None

    @model_validator(mode="after")
    def _complete(self) -> GoldEvent:
        if self.occurred and (self.place is None or self.date is None):
            raise ValueError(f"event {self.id}: an event that occurred needs a place and a date")
        return self

    @property
    def scores_arrested(self) -> bool:
        """Arrests are scored only for events whose gold gives them."""
        return "arrested" in self.model_fields_set

    @property
    def locators(self) -> tuple[Locator, ...]:
        return (Locator(sentence=self.sentence, trigger=self.trigger), *self.also)


class Forbidden(_Gold):
    """Something that must not be in the output.

    ``kind`` "event": no dataset row (an event not negated, future, hypothetical or historical)
    that matches every key given: ``sentence`` (its trigger in that sentence, or on ``trigger``
    inside it when given), ``type``, ``mode``, ``actor_country`` (ISO alpha-3), ``place`` (a
    gazetteer key: GeoNames id or ``s:`` + supplement id), ``country`` (ISO alpha-2 of its place).
    ``kind`` "place": no place (as a location) recognised on ``mention`` inside the unique
    ``text``, unless it resolves to one of ``allowed``. ``kind`` "person": no person actor
    recognised there."""

    kind: Literal["event", "place", "person"]
    sentence: str | None = None
    trigger: str | None = None
    type: PloverType | None = None
    mode: str | None = None
    actor_country: str | None = None
    place: str | None = None
    country: str | None = None
    text: str | None = None
    mention: str | None = None
    allowed: tuple[str, ...] = ()
    classes: tuple[ErrorClass, ...]
    note: str

    @model_validator(mode="after")
    def _keys_fit_kind(self) -> Forbidden:
        event_keys = (self.sentence, self.type, self.actor_country, self.place, self.country)
        if self.kind == "event" and all(key is None for key in event_keys):
            raise ValueError("a forbidden event needs at least one of its keys")
        if self.kind != "event" and self.text is None:
            raise ValueError(f"a forbidden {self.kind} needs the text it would be found in")
        if self.trigger is not None and self.sentence is None:
            raise ValueError("a forbidden trigger needs its sentence")
        return self


class GoldDateline(_Gold):
    """The dateline as a reader should lift it: the place, date and agency as printed."""

    place: str
    date_text: str | None = None
    agency: str | None = None


class GoldReport(_Gold):
    """The gold of one report."""

    report: str
    conflict: str
    classes: tuple[ErrorClass, ...]
    dateline: GoldDateline | None
    events: tuple[GoldEvent, ...] = Field(min_length=1)
    must_not: tuple[Forbidden, ...] = ()
    notes: str | None = None

    @property
    def all_classes(self) -> tuple[ErrorClass, ...]:
        """The classes the report declares and those its events and forbidden items carry."""
        found: set[ErrorClass] = set(self.classes)
        for event in self.events:
            found.update(event.classes)
        for item in self.must_not:
            found.update(item.classes)
        return tuple(sorted(found))

    @model_validator(mode="after")
    def _one_main(self) -> GoldReport:
        if sum(event.main for event in self.events) != 1:
            raise ValueError(f"{self.report}: mark exactly one event as main")
        if len({event.id for event in self.events}) != len(self.events):
            raise ValueError(f"{self.report}: event ids repeat")
        return self


def gold_path(report: Path) -> Path:
    """The gold file beside a report ``name.txt``: ``name.gold.json``."""
    return report.with_name(report.stem + ".gold.json")


def load_gold(path: Path) -> GoldReport:
    """A gold file, checked; a malformed one raises ``GoldError`` naming the file."""
    try:
        return GoldReport.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError, ValidationError) as error:
        raise GoldError(f"{path}: {error}") from error


def report_paths(directory: Path) -> list[Path]:
    """The reports of a gold folder: each ``.txt`` that has a ``.gold.json`` beside it."""
    return sorted(path for path in directory.glob("*.txt") if gold_path(path).is_file())


def locate(text: str, piece: str, where: str) -> int:
    """The offset of ``piece`` in ``text``, which must hold it exactly once."""
    first = text.find(piece)
    if first < 0:
        raise GoldError(f"{where}: {piece!r} is not in the report's body")
    if text.find(piece, first + 1) >= 0:
        raise GoldError(f"{where}: {piece!r} occurs more than once; give a longer piece")
    return first


def trigger_range(text: str, locator: Locator, where: str) -> tuple[int, int, int]:
    """Where the locator's sentence piece starts, and its trigger's start and end."""
    start = locate(text, locator.sentence, where)
    trigger = text.find(locator.trigger, start, start + len(locator.sentence))
    if trigger < 0:
        raise GoldError(f"{where}: trigger {locator.trigger!r} is not in {locator.sentence!r}")
    return start, trigger, trigger + len(locator.trigger)
