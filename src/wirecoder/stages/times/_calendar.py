"""Calendar periods at the granularity a text gives, and their TIMEX3 values.

A :class:`Period` is a day, week, weekend, month, quarter, season, half-year, year, decade or
century, identified by its first day. Keeping the grain lets "last month" stay ``2023-03``
instead of becoming a made-up day, and gives every value an interval and a UCDP precision.
:data:`HOLIDAYS` dates the feasts wire copy dates events by (Christmas and Easter, Western and
Orthodox; Ramadan and the Eids by the Umm al-Qura calendar, which local announcements of the
new moon can shift by a day).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, Protocol

from dateutil.easter import EASTER_ORTHODOX, easter  # type: ignore[import-untyped]
from hijridate import Gregorian, Hijri

Grain = Literal[
    "day", "week", "weekend", "month", "quarter", "season", "half", "year", "decade", "century"
]

SEASON_CODES = ("WI", "SP", "SU", "FA")
"""Meteorological seasons by their first month: winter starts in December (of its year),
spring in March, summer in June, autumn in September."""

_SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
MONTHS_IN = {
    "month": 1,
    "quarter": 3,
    "season": 3,
    "half": 6,
    "year": 12,
    "decade": 120,
    "century": 1200,
}
"""How many months a period of each grain longer than a week spans."""


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


@dataclass(frozen=True)
class Period:
    """A calendar period of one grain, starting on ``start``."""

    grain: Grain
    start: dt.date

    @classmethod
    def containing(cls, day: dt.date, grain: Grain) -> Period:
        """The period of ``grain`` that contains ``day``."""
        if grain == "day":
            return cls(grain, day)
        if grain == "week":
            return cls(grain, day - dt.timedelta(days=day.weekday()))
        if grain == "weekend":
            monday = day - dt.timedelta(days=day.weekday())
            return cls(grain, monday + dt.timedelta(days=5))
        if grain == "season":
            shifted = add_months(day.replace(day=1), 1)  # December joins the next block of 3
            first_month = (shifted.month - 1) // 3 * 3
            return cls(grain, add_months(dt.date(shifted.year, first_month + 1, 1), -1))
        if grain in ("month", "quarter", "half"):
            size = MONTHS_IN[grain]
            return cls(grain, dt.date(day.year, (day.month - 1) // size * size + 1, 1))
        span = 1 if grain == "year" else MONTHS_IN[grain] // 12
        return cls(grain, dt.date(day.year // span * span, 1, 1))

    @classmethod
    def season(cls, year: int, code: str) -> Period:
        """The season ``code`` (SP, SU, FA, WI) of ``year``; winter starts in its December."""
        return cls("season", dt.date(year, _SEASON_START_MONTH[code], 1))

    def shifted(self, count: int) -> Period:
        """The period ``count`` grains later (earlier when negative)."""
        if self.grain == "day":
            return Period(self.grain, self.start + dt.timedelta(days=count))
        if self.grain in ("week", "weekend"):
            return Period(self.grain, self.start + dt.timedelta(weeks=count))
        return Period(self.grain, add_months(self.start, count * MONTHS_IN[self.grain]))

    @property
    def end(self) -> dt.date:
        """The last day of the period."""
        if self.grain == "day":
            return self.start
        if self.grain == "week":
            return self.start + dt.timedelta(days=6)
        if self.grain == "weekend":
            return self.start + dt.timedelta(days=1)
        return add_months(self.start, MONTHS_IN[self.grain]) - dt.timedelta(days=1)

    @property
    def value(self) -> str:
        """The TIMEX3 value: 2023-04-07, 2023-W14, 2023-W14-WE, 2023-03, 2023-Q2, 2023-SP,
        2023-H1, 2023, 202 (the 2020s), 20 (the 2000s)."""
        start = self.start
        if self.grain == "day":
            return start.isoformat()
        if self.grain in ("week", "weekend"):
            year, week, _ = start.isocalendar()
            return f"{year}-W{week:02d}" + ("-WE" if self.grain == "weekend" else "")
        if self.grain == "month":
            return f"{start.year}-{start.month:02d}"
        if self.grain == "quarter":
            return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
        if self.grain == "half":
            return f"{start.year}-H{(start.month - 1) // 6 + 1}"
        if self.grain == "season":
            return f"{start.year}-{SEASON_CODES[start.month // 3 % 4]}"
        if self.grain == "year":
            return str(start.year)
        return str(start.year)[: 3 if self.grain == "decade" else 2]


def date_precision(start: dt.date, end: dt.date) -> int:
    """UCDP ``date_prec`` of an interval: 1 one day, 2 two to six days, 3 a week, 4 a month,
    5 anything longer."""
    days = (end - start).days + 1
    if days <= 1:
        return 1
    if days <= 6:
        return 2
    if days <= 7:
        return 3
    return 4 if days <= 31 else 5


class Dated(Protocol):
    """Anything with a TIMEX3 value and the days it covers: a :class:`Period` or a
    :class:`Holiday`."""

    @property
    def value(self) -> str: ...

    @property
    def start(self) -> dt.date: ...

    @property
    def end(self) -> dt.date: ...


@dataclass(frozen=True)
class Holiday:
    """One year's occurrence of a feast or festival."""

    value: str
    start: dt.date
    end: dt.date


def _day(day: dt.date) -> Holiday:
    return Holiday(day.isoformat(), day, day)


def _fourth_thursday_of_november(year: int) -> dt.date:
    first = dt.date(year, 11, 1)
    return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)


def _hijri_day(year: int, month: int, day: int) -> list[dt.date]:
    """The Gregorian dates in ``year`` of Hijri ``month``/``day`` (a Hijri year is 11 days
    shorter, so a Gregorian year can hold two); none outside the Umm al-Qura table."""
    if not _UMM_AL_QURA_YEARS[0] <= year <= _UMM_AL_QURA_YEARS[1]:
        return []
    first_hijri_year = Gregorian(year, 1, 1).to_hijri().year
    days = []
    for hijri_year in (first_hijri_year, first_hijri_year + 1):
        try:
            found = Hijri(hijri_year, month, day).to_gregorian()
        except (OverflowError, ValueError):
            continue
        if found.year == year:
            days.append(dt.date(found.year, found.month, found.day))
    return days


_UMM_AL_QURA_YEARS = (1925, 2076)
"""Gregorian years fully inside the Umm al-Qura table hijridate carries (1343-1500 AH)."""


def _ramadan(year: int) -> Holiday | None:
    """Ramadan, valued as the Gregorian month holding most of it."""
    for start in _hijri_day(year, 9, 1):
        hijri = Gregorian(start.year, start.month, start.day).to_hijri()
        end = start + dt.timedelta(days=Hijri(hijri.year, 9, 1).month_length() - 1)
        middle = start + (end - start) / 2
        return Holiday(f"{middle.year}-{middle.month:02d}", start, end)
    return None


def _eid(month: int, day: int) -> Callable[[int], Holiday | None]:
    def occurrence(year: int) -> Holiday | None:
        days = _hijri_day(year, month, day)
        return _day(days[0]) if days else None

    return occurrence


HOLIDAYS: dict[str, Callable[[int], Holiday | None]] = {
    "christmas": lambda year: _day(dt.date(year, 12, 25)),
    "christmas eve": lambda year: _day(dt.date(year, 12, 24)),
    "orthodox christmas": lambda year: _day(dt.date(year, 1, 7)),
    "new year's day": lambda year: _day(dt.date(year, 1, 1)),
    "new year's eve": lambda year: _day(dt.date(year, 12, 31)),
    "easter": lambda year: _day(easter(year)),
    "orthodox easter": lambda year: _day(easter(year, EASTER_ORTHODOX)),
    "good friday": lambda year: _day(easter(year) - dt.timedelta(days=2)),
    "thanksgiving": lambda year: _day(_fourth_thursday_of_november(year)),
    "ramadan": _ramadan,
    "eid al-fitr": _eid(10, 1),
    "eid al-adha": _eid(12, 10),
}
"""Feasts by their canonical name, each giving its occurrence in a Gregorian year."""
