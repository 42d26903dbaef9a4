"""What a rule makes of a match: a :class:`Resolution` against an :class:`Anchor` (the DCT and
the clause's tense), and the rules and candidates themselves."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from ...schema import TimexType
from ._calendar import Dated, Grain, Period

Tense = Literal["past", "present", "future"] | None

Step = tuple[Grain, int]
"""The period of a grain holding the time in focus, moved by a number of such periods."""


@dataclass(frozen=True)
class Resolution:
    """A normalized expression: TIMEX3 type, value and mod, and the days it can denote."""

    type: TimexType
    value: str
    mod: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    anchored: bool = False
    clock: str = ""
    """The time of day (T10:00) of a clock time that takes its day from the text."""
    follows: tuple[Step, ...] = ()
    """For an expression that counts from a time the text has just named ("two days later",
    "the following week", "the year-earlier quarter"): the steps to try from that time, in
    order. The fields above are the reading from the DCT, kept when no step applies."""


@dataclass(frozen=True)
class Anchor:
    """What relative expressions are resolved against: the DCT and the clause's tense."""

    dct: dt.date | None
    tense: Tense = None
    firm: bool = False
    """True when the words fix the direction ("since May"), not just the clause's tense."""

    def period(self, make: Callable[[dt.date], Period], unresolved: str) -> Resolution:
        """The period ``make(dct)``, or ``unresolved`` when there is no DCT."""
        if self.dct is None:
            return Resolution("DATE", unresolved)
        found = make(self.dct)
        return Resolution("DATE", found.value, start=found.start, end=found.end, anchored=True)

    def occurrence(self, make: Callable[[int], Dated | None], unresolved: str) -> Resolution:
        """A yearly recurring period (a month, a date, a season) placed by the tense: past picks
        the latest one begun by the DCT, future the first not over, otherwise the nearest.

        A clause's tense is weaker evidence than a date close at hand: "set Nov. 10 as the
        deadline", a week before Nov. 10, is past but names the coming Nov. 10. So unless the
        words fix the direction, an occurrence within a month of the DCT beats the tense's
        choice when that one lies more than half a year away."""
        if self.dct is None:
            return Resolution("DATE", unresolved)
        dct = self.dct
        options = [p for year in range(dct.year - 1, dct.year + 2) if (p := make(year))]
        if not options:
            return Resolution("DATE", unresolved)
        nearest = min(options, key=lambda p: _weighted_distance(p, dct))
        chosen = nearest
        if self.tense == "past":
            chosen = max(
                (p for p in options if p.start <= dct), key=lambda p: p.start, default=options[0]
            )
        elif self.tense == "future":
            chosen = min(
                (p for p in options if p.end >= dct), key=lambda p: p.start, default=options[-1]
            )
        if (
            not self.firm
            and _distance(chosen, dct) > TENSE_REACH_DAYS
            and _distance(nearest, dct) <= CLOSE_AT_HAND_DAYS
        ):
            chosen = nearest
        return Resolution("DATE", chosen.value, start=chosen.start, end=chosen.end, anchored=True)

    def weekday(self, weekday: int) -> dt.date | None:
        """The day named by a bare weekday: the latest on or before the DCT, or with a future
        or present tense ("meets Monday with", a schedule) the first on or after it."""
        if self.dct is None:
            return None
        if self.tense in ("future", "present"):
            return self.dct + dt.timedelta(days=(weekday - self.dct.weekday()) % 7)
        return self.dct - dt.timedelta(days=(self.dct.weekday() - weekday) % 7)


FUTURE_DISTANCE_WEIGHT = 2
"""News reports mostly what has happened: without a tense, a date ahead must be twice as close
as one behind to be chosen ("Oct. 23" in May is last October)."""
TENSE_REACH_DAYS = 183
CLOSE_AT_HAND_DAYS = 31


def _weighted_distance(period: Dated, day: dt.date) -> int:
    return _distance(period, day) * (1 if period.start <= day else FUTURE_DISTANCE_WEIGHT)


def _distance(period: Dated, day: dt.date) -> int:
    if period.start <= day <= period.end:
        return 0
    return min(abs((period.start - day).days), abs((period.end - day).days))


def absolute(period: Period, kind: TimexType = "DATE") -> Resolution:
    """A period the text states in full."""
    return Resolution(kind, period.value, start=period.start, end=period.end)


Resolver = Callable[[re.Match[str], Anchor], Resolution | None]


@dataclass(frozen=True)
class Rule:
    """One grammar rule. The expression is the ``span`` group when the pattern has one (so
    context such as "for" in "for months" can be required without being tagged)."""

    name: str
    pattern: re.Pattern[str]
    resolve: Resolver
    needs_tense: bool = False


@dataclass(frozen=True)
class Candidate:
    """A rule's match in the text, before normalization."""

    start: int
    end: int
    rule: Rule
    match: re.Match[str]
