"""Calendar periods at the granularity a text gives, and their TIMEX3 values.

A :class:`Period` is a day, week, weekend, month, quarter, season, half-year, year, decade or
century, identified by its first day. Keeping the grain lets "last month" stay ``2023-03``
instead of becoming a made-up day, and gives every value an interval and a UCDP precision.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Literal

Grain = Literal[
    "day", "week", "weekend", "month", "quarter", "season", "half", "year", "decade", "century"
]

SEASON_CODES = ("WI", "SP", "SU", "FA")
"""Meteorological seasons by their first month: winter starts in December (of its year),
spring in March, summer in June, autumn in September."""

_SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_MONTHS_IN = {
    "month": 1,
    "quarter": 3,
    "season": 3,
    "half": 6,
    "year": 12,
    "decade": 120,
    "century": 1200,
}


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
            size = _MONTHS_IN[grain]
            return cls(grain, dt.date(day.year, (day.month - 1) // size * size + 1, 1))
        span = 1 if grain == "year" else _MONTHS_IN[grain] // 12
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
        return Period(self.grain, add_months(self.start, count * _MONTHS_IN[self.grain]))

    @property
    def end(self) -> dt.date:
        """The last day of the period."""
        if self.grain == "day":
            return self.start
        if self.grain == "week":
            return self.start + dt.timedelta(days=6)
        if self.grain == "weekend":
            return self.start + dt.timedelta(days=1)
        return add_months(self.start, _MONTHS_IN[self.grain]) - dt.timedelta(days=1)

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
