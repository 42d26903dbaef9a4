"""Resolvers of the dates a text names on the calendar: a day of a month, a month, a numeric
date, a year, a decade, a weekday, a quarter or half, a season, a feast."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from ...schema import TimexType
from ._calendar import HOLIDAYS, Dated, Grain, Period
from ._resolution import Anchor, Resolution, absolute
from ._words import CALENDAR, CUES, NUMBERS, RELATIVE, month_number, weekday_number


def _day_period(year: int, month: int, day: int) -> Period | None:
    try:
        return Period("day", dt.date(year, month, day))
    except ValueError:
        return None


def is_month(match: re.Match[str], group: str = "month") -> bool:
    """Month names are capitalized; a bare "May" or "March" also needs a cue word before it."""
    word = match.group(group)
    if not word[0].isupper():
        return False
    if word.lower() not in CUES.ambiguous_months:
        return True
    before = re.split(r"[\s-]+", match.string[: match.start(group)].rstrip(" -"))
    return bool(before) and before[-1].lower() in CUES.month_cues  # "by mid-March"


def resolve_month_day(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    """A day of a month; with a range ("the night of April 5-6") the value is its first day
    and the interval runs to its last."""
    resolution = _resolve_first_day(match, anchor)
    if resolution is None or not match.group("day_end") or resolution.start is None:
        return resolution
    last = int(match.group("day_end"))
    if last <= resolution.start.day:
        return None  # "March 5-3" is not a range
    try:
        return replace(resolution, end=resolution.start.replace(day=last))
    except ValueError:
        return None


def _resolve_first_day(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    if not match.group("month")[0].isupper():  # with a day number even "May 9" is a date
        return None
    month, day = month_number(match.group("month")), int(match.group("day"))
    if match.group("year"):
        period = _day_period(int(match.group("year")), month, day)
        return absolute(period) if period else None
    if _day_period(2000, month, day) is None:  # 2000 is a leap year: every real date exists
        return None
    unresolved = f"XXXX-{month:02d}-{day:02d}"
    if match.group("lead_weekday"):  # "Friday, Oct. 23": the year in which Oct. 23 is a Friday
        weekday = weekday_number(match.group("lead_weekday"))
        found = anchor.occurrence(
            lambda year: (
                p if (p := _day_period(year, month, day)) and p.start.weekday() == weekday else None
            ),
            unresolved,
        )
        if found.anchored:
            return found
    return anchor.occurrence(lambda year: _day_period(year, month, day), unresolved)


def _in_relative_year(
    match: re.Match[str], anchor: Anchor, make: Callable[[int], Period]
) -> Resolution:
    """A period of "last year", "this year" or "next year": "June last year"."""
    shift = RELATIVE.shifts[match.group("rel_year").lower()]
    unresolved = make(2000).value.replace("2000", "XXXX", 1)
    return anchor.period(lambda dct: make(dct.year + shift), unresolved)


def resolve_month(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    if not is_month(match):
        return None
    month = month_number(match.group("month"))
    if match.group("year"):
        return absolute(Period("month", dt.date(int(match.group("year")), month, 1)))
    if match.group("rel_year"):  # "June last year"
        return _in_relative_year(
            match, anchor, lambda year: Period("month", dt.date(year, month, 1))
        )
    return anchor.occurrence(
        lambda year: Period("month", dt.date(year, month, 1)), f"XXXX-{month:02d}"
    )


_DAY_FIRST_SEPARATOR = "."
"""When the year comes last, dotted dates put the day first (European), slashed and dashed ones
the month (US wire style); the two are swapped when the month would exceed 12."""


def resolve_numeric_date(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    """2023-04-07, 2023/04/07, 07.04.2023, 4/7/2023 and 4/7/23, read as dateparser reads them
    (day and month swapped when the month exceeds 12, a two-digit year 69-99 in the 1900s and
    00-68 in the 2000s, an impossible date refused), at a thousandth of its cost. Unlike
    dateparser, a day or month of 0 or over 31 is no date rather than a two-digit year."""
    numbers = [int(part) for part in _DIGITS.findall(match.group(0))]
    if match.group("lead_year"):
        year, month, day = numbers
    else:
        first, second, year = numbers
        if year < 100:
            year += 2000 if year < 69 else 1900
        day_first = match.group("separator") == _DAY_FIRST_SEPARATOR
        day, month = (first, second) if day_first else (second, first)
    if month > 12 and day <= 12:
        day, month = month, day
    try:
        return absolute(Period("day", dt.date(year, month, day)))
    except ValueError:
        return None


_DIGITS = re.compile(r"\d+")


def resolve_year(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    if re.search(r"(?:[$#£€]|\d[.,]?)\s*$", match.string[: match.start()]):
        return None  # an amount or a longer number, not a year
    return absolute(Period("year", dt.date(int(match.group("year")), 1, 1)))


def resolve_decade(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    if match.group("short"):
        century = "19" if int(match.group("short")) >= 2 else "20"
        year = int(century + match.group("short") + "0")
    else:
        year = int(match.group("decade"))
    return absolute(Period("decade", dt.date(year, 1, 1)))


def resolve_weekday(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    word = match.group("weekday")
    if not word[0].isupper():
        return None
    weekday = weekday_number(word)
    day = anchor.weekday(weekday)
    part = match.group("part")
    suffix = f"T{CALENDAR.parts_of_day[' '.join(part.lower().split())]}" if part else ""
    kind: TimexType = "TIME" if part else "DATE"
    if day is None:
        return Resolution(kind, f"XXXX-WXX-{weekday + 1}{suffix}")
    return Resolution(kind, day.isoformat() + suffix, start=day, end=day, anchored=True)


def step_yearly(
    anchor: Anchor, shift: int, make: Callable[[int], Dated | None], unresolved: str
) -> Resolution:
    """ "last March", "this summer", "next winter": the occurrence before, around or after
    the DCT."""
    if anchor.dct is None:
        return Resolution("DATE", unresolved)
    dct = anchor.dct
    options = [p for year in range(dct.year - 2, dct.year + 3) if (p := make(year))]
    if shift < 0:
        chosen = max((p for p in options if p.end < dct), key=lambda p: p.start)
    elif shift > 0:
        chosen = min((p for p in options if p.start > dct), key=lambda p: p.start)
    else:  # "this September": the one under way, else the one of the DCT's year
        chosen = next(
            (p for p in options if p.start <= dct <= p.end),
            next((p for p in options if p.start.year == dct.year), options[2]),
        )
    return Resolution("DATE", chosen.value, start=chosen.start, end=chosen.end, anchored=True)


def resolve_quarter(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    grain: Grain = "half" if match.group("kind").lower() == "half" else "quarter"
    index = NUMBERS.ordinals[match.group("ordinal").lower()]
    if grain == "half" and index > 2:
        return None
    months = 6 if grain == "half" else 3
    letter = "H" if grain == "half" else "Q"
    year = match.group("year") or match.group("lead_year")
    if year:
        return absolute(Period(grain, dt.date(int(year), (index - 1) * months + 1, 1)))
    if match.group("rel_year"):
        return _in_relative_year(
            match, anchor, lambda year: Period(grain, dt.date(year, (index - 1) * months + 1, 1))
        )
    return anchor.occurrence(
        lambda year: Period(grain, dt.date(year, (index - 1) * months + 1, 1)),
        f"XXXX-{letter}{index}",
    )


def resolve_season(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    code = CALENDAR.seasons[match.group("season").lower()]
    if match.group("year"):
        return absolute(Period.season(int(match.group("year")), code))
    before = match.string[: match.start()].rstrip().lower()
    if not match.group("the") and not before.endswith(CUES.season_cues):
        return None  # "fall" and "spring" are also verbs and nouns
    return anchor.occurrence(lambda year: Period.season(year, code), f"XXXX-{code}")


def _holiday_name(match: re.Match[str]) -> str:
    """The :data:`HOLIDAYS` key of a matched feast name."""
    if match.group("eid"):
        return f"eid al-{match.group('eid').lower()}"
    words = " ".join(match.group("holiday").lower().replace("'", "").split())
    for name in ("ramadan", "thanksgiving", "good friday", "new years day", "new years eve"):
        if words.startswith(name):
            return name.replace("years", "year's")
    orthodox = "orthodox " if match.group("orthodox") else ""
    if "easter" in words:
        return f"{orthodox}easter"
    return f"{orthodox}christmas" if orthodox or "eve" not in words else "christmas eve"


def resolve_holiday(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    """Feasts: "at Easter", "Christmas 2022", "last Ramadan", "ahead of Eid al-Fitr"."""
    if not match.group("holiday")[0].isupper():
        return None
    make = HOLIDAYS[_holiday_name(match)]
    if match.group("year"):
        found = make(int(match.group("year")))
        if found is None:
            return None
        return Resolution("DATE", found.value, start=found.start, end=found.end)
    unresolved = "XXXX"
    if match.group("holiday_rel"):
        return step_yearly(
            anchor, RELATIVE.shifts[match.group("holiday_rel").lower()], make, unresolved
        )
    return anchor.occurrence(make, unresolved)
