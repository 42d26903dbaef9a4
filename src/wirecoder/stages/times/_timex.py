"""Recognize temporal expressions with a small grammar and normalize them to TIMEX3 values.

The grammar is a list of regular-expression rules over the raw text, each with a resolver that
turns a match into a :class:`Resolution` given the document creation time (DCT) and the tense
of the clause. Newswire conventions: a bare weekday is the latest such day on or before the DCT
unless the tense is future or present (a schedule); a date without a year is the occurrence the
tense points to, else the nearest with the past preferred, and one within a month of the DCT
beats a tense pointing a year away; "since May" always points back; "overnight" and "last
night" are the night that began the day before the DCT. Expressions that count from a time the
text has named ("the next day", "two days earlier", a bare "10 a.m.", "the year-ago quarter")
are resolved in text order by :func:`follow_focus`. Without a DCT, relative expressions keep an
unresolved value (``XXXX-WXX-5``, ``PAST_REF``) rather than a guess.

Numeric dates (07.04.2023, 4/7/23, 2023/04/07) are read as dateparser reads them: day-month
order by separator, swapped when a part exceeds 12, impossible dates refused. The rest
dateparser gets wrong for newswire, tried
with a Friday 2023-04-07 base and ``PREFER_DATES_FROM="current_period"``: "last month" is
2023-03-07 and "last year" 2022-04-07 (a made-up day, though it reports the grain); "May" is
2023-05-07, so "since May" lands in the future; it returns nothing for seasons ("in the
spring"), "overnight", "earlier this week", "late on Monday", "mid-March", "Friday's",
quarters, durations ("for months") and sets; it has no notion of the clause's tense or of the
time the text has just named ("the next day"), and it parses a string, not running text, so it
cannot find the expressions. Weekdays it does resolve as wire copy means them, as this grammar
does.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Literal

from ...schema import TimexType
from ._calendar import HOLIDAYS, Dated, Grain, Period, add_months

Tense = Literal["past", "present", "future"] | None

# ---------------------------------------------------------------------------------------------
# Lexicon

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "midday": "MI",
    "mid-afternoon": "AF",
    "mid afternoon": "AF",
    "late afternoon": "AF",
}
UNITS: dict[str, tuple[Grain, str]] = {
    "second": ("day", "TS"),
    "minute": ("day", "TM"),
    "hour": ("day", "TH"),
    "day": ("day", "D"),
    "week": ("week", "W"),
    "weekend": ("weekend", "WE"),
    "month": ("month", "M"),
    "quarter": ("quarter", "Q"),
    "year": ("year", "Y"),
    "decade": ("decade", "DE"),
    "century": ("century", "CE"),
}
"""Unit word: the calendar grain it counts in, and its TIMEX3 duration code."""
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "a dozen": 12,
    "half a": 0.5,
    "a half": 0.5,
    "half": 0.5,
    "a couple of": 2,
    "couple of": 2,
}
VAGUE_NUMBERS = ("several", "a few", "few", "many", "some", "numerous", "a number of")
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
MODIFIERS = {
    "early": "START",
    "late": "END",
    "mid": "MID",
    "the end of": "END",
    "the beginning of": "START",
    "the start of": "START",
    "the middle of": "MID",
}
QUALIFIERS = {
    "about": "APPROX",
    "around": "APPROX",
    "roughly": "APPROX",
    "some": "APPROX",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "less than": "LESS_THAN",
    "under": "LESS_THAN",
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE",
    "up to": "EQUAL_OR_LESS",
}
REFERENCES = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "current": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "recently": "PAST_REF",
    "the past": "PAST_REF",
    "the future": "FUTURE_REF",
}
SET_WORDS = {
    "hourly": "PT1H",
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "yearly": "P1Y",
}
MAY_CUES = frozenset(
    {
        "in",
        "since",
        "until",
        "till",
        "by",
        "of",
        "from",
        "last",
        "next",
        "this",
        "early",
        "late",
        "mid",
        "through",
        "before",
        "after",
        "during",
        "end",
        "to",
        "and",
        "or",
        "between",
    }
)
"""Words that must precede a bare "May" or "March" for it to be read as a month."""


def _alternatives(words: Iterable[object]) -> str:
    """A regex alternation of words, longest first so that no prefix shadows a longer word."""
    return "|".join(
        sorted((re.escape(str(w)).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    )


def initials(*alternatives: Iterable[object]) -> str:
    """The first characters of the words of some alternations, for a character class."""
    return "".join(
        sorted({re.escape(str(word)[0].lower()) for words in alternatives for word in words})
    )


def month_pattern(group: str = "month") -> str:
    return (
        rf"(?P<{group}>jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|"
        rf"june?|july?|aug(?:ust|\.)?|sep(?:t(?:ember|\.)?|\.)?|oct(?:ober|\.)?|"
        rf"nov(?:ember|\.)?|dec(?:ember|\.)?)(?![a-z])"
    )


def weekday_pattern(group: str = "weekday") -> str:
    return (
        rf"(?P<{group}>(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
        rf"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.)"
    )


MONTH_INITIALS = initials(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
)
WEEKDAY_INITIALS = initials(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
NUMBER = (
    rf"(?P<number>\d+\s+[1-9]/[1-9]|\d+(?:\.\d+)?|(?:{'|'.join(_TENS)})"
    rf"-(?:one|two|three|four|five|six|seven|eight|nine)|{_alternatives(NUMBER_WORDS)}|"
    rf"{_alternatives(VAGUE_NUMBERS)})"
)
NUMBER_INITIALS = r"\d" + initials(_TENS, NUMBER_WORDS, VAGUE_NUMBERS)
UNIT = r"(?P<unit>second|minute|hour|day|weekend|week|month|quarter|year|decade|centur(?:y|ie))s?"
PART = rf"(?P<part>{_alternatives(PARTS_OF_DAY)})"
SEASON = rf"(?P<season>{_alternatives(SEASONS)})"
YEAR = r"(?P<year>(?:1[89]|20)\d\d)(?![\d%])"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"

# ---------------------------------------------------------------------------------------------
# Results


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


# ---------------------------------------------------------------------------------------------
# Rules


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


def _month(word: str) -> int:
    return MONTHS[word.lower()[:3]]


def _weekday(word: str) -> int:
    return WEEKDAYS[word.lower()[:3]]


def _number(word: str) -> float | None:
    """The value of a number word or numeral; None for vague counts ("several")."""
    word = " ".join(word.lower().split())
    if word[0].isdigit():
        whole, _, fraction = word.partition(" ")  # "5 1/2"
        if fraction:
            numerator, denominator = fraction.split("/")
            return int(whole) + int(numerator) / int(denominator)
        return float(word)
    if "-" in word:
        tens, ones = word.split("-")
        return NUMBER_WORDS[tens] + NUMBER_WORDS[ones]
    return NUMBER_WORDS.get(word)


def _count(number: float | None) -> str:
    if number is None:
        return "X"
    return str(int(number)) if number == int(number) else str(number)


def _day_period(year: int, month: int, day: int) -> Period | None:
    try:
        return Period("day", dt.date(year, month, day))
    except ValueError:
        return None


def _is_month(match: re.Match[str], group: str = "month") -> bool:
    """Month names are capitalized; a bare "May" or "March" also needs a cue word before it."""
    word = match.group(group)
    if not word[0].isupper():
        return False
    if word.lower() not in ("may", "march"):
        return True
    before = re.split(r"[\s-]+", match.string[: match.start(group)].rstrip(" -"))
    return bool(before) and before[-1].lower() in MAY_CUES  # "by mid-March"


def _resolve_month_day(match: re.Match[str], anchor: Anchor) -> Resolution | None:
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
    month, day = _month(match.group("month")), int(match.group("day"))
    if match.group("year"):
        period = _day_period(int(match.group("year")), month, day)
        return absolute(period) if period else None
    if _day_period(2000, month, day) is None:  # 2000 is a leap year: every real date exists
        return None
    unresolved = f"XXXX-{month:02d}-{day:02d}"
    if match.group("lead_weekday"):  # "Friday, Oct. 23": the year in which Oct. 23 is a Friday
        weekday = _weekday(match.group("lead_weekday"))
        found = anchor.occurrence(
            lambda year: (
                p if (p := _day_period(year, month, day)) and p.start.weekday() == weekday else None
            ),
            unresolved,
        )
        if found.anchored:
            return found
    return anchor.occurrence(lambda year: _day_period(year, month, day), unresolved)


_REL_YEAR = r"(?P<rel_year>last|this|next)\s+year(?:'s)?"
_REL_YEAR_SHIFT = {"last": -1, "this": 0, "next": 1}


def _in_relative_year(
    match: re.Match[str], anchor: Anchor, make: Callable[[int], Period]
) -> Resolution:
    """A period of "last year", "this year" or "next year": "June last year"."""
    shift = _REL_YEAR_SHIFT[match.group("rel_year").lower()]
    unresolved = make(2000).value.replace("2000", "XXXX", 1)
    return anchor.period(lambda dct: make(dct.year + shift), unresolved)


def _resolve_month(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    if not _is_month(match):
        return None
    month = _month(match.group("month"))
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


def _resolve_numeric_date(match: re.Match[str], anchor: Anchor) -> Resolution | None:
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


def _resolve_year(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    if re.search(r"(?:[$#£€]|\d[.,]?)\s*$", match.string[: match.start()]):
        return None  # an amount or a longer number, not a year
    return absolute(Period("year", dt.date(int(match.group("year")), 1, 1)))


def _resolve_decade(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    if match.group("short"):
        century = "19" if int(match.group("short")) >= 2 else "20"
        year = int(century + match.group("short") + "0")
    else:
        year = int(match.group("decade"))
    return absolute(Period("decade", dt.date(year, 1, 1)))


def _resolve_weekday(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    word = match.group("weekday")
    if not word[0].isupper():
        return None
    weekday = _weekday(word)
    day = anchor.weekday(weekday)
    part = match.group("part")
    suffix = f"T{PARTS_OF_DAY[' '.join(part.lower().split())]}" if part else ""
    kind: TimexType = "TIME" if part else "DATE"
    if day is None:
        return Resolution(kind, f"XXXX-WXX-{weekday + 1}{suffix}")
    return Resolution(kind, day.isoformat() + suffix, start=day, end=day, anchored=True)


_DAY_WORDS = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "this": 0, "last": -1}


def _resolve_relative_day(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    word = match.group("word").lower()
    part = match.group("part")
    code = (
        "NI" if word == "tonight" else PARTS_OF_DAY[" ".join(part.lower().split())] if part else ""
    )
    if anchor.dct is None:
        unresolved = "PRESENT_REF" if word == "today" and not code else "XXXX-XX-XX"
        return Resolution("TIME" if code else "DATE", unresolved + (f"T{code}" if code else ""))
    day = anchor.dct + dt.timedelta(days=_DAY_WORDS[word])
    value = day.isoformat() + (f"T{code}" if code else "")
    return Resolution("TIME" if code else "DATE", value, start=day, end=day, anchored=True)


def _resolve_overnight(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    """The night before the DCT: valued as the night of the previous day, spanning both days."""
    if anchor.dct is None:
        return Resolution("TIME", "XXXX-XX-XXTNI")
    night = anchor.dct - dt.timedelta(days=1)
    return Resolution("TIME", f"{night.isoformat()}TNI", start=night, end=anchor.dct, anchored=True)


_RELATIVE_SHIFT = {
    "last": -1,
    "previous": -1,
    "past": -1,
    "next": 1,
    "coming": 1,
    "following": 1,
    "this": 0,
    "current": 0,
}


def _resolve_relative_period(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    relation = match.group("rel").lower().split()[-1]
    shift = _RELATIVE_SHIFT[relation]
    if match.group("unit"):
        grain, _ = UNITS[match.group("unit").lower()]
        if relation == "past" or (
            match.group("rel").lower().startswith("the") and relation == "last"
        ):
            duration = Resolution("DURATION", duration_value(1, match.group("unit")))
            return _windowed(duration, anchor, 1, match.group("unit"), "past")
        unresolved = ("PAST_REF", "PRESENT_REF", "FUTURE_REF")[shift + 1]
        resolution = anchor.period(
            lambda dct: Period.containing(dct, grain).shifted(shift), unresolved
        )
        if match.group("rel").lower().startswith("the") and shift:  # "the following day"
            return replace(resolution, follows=((grain, shift),))
        return resolution
    if match.group("rel_weekday"):
        if not match.group("rel_weekday")[0].isupper():
            return None
        weekday = _weekday(match.group("rel_weekday"))
        return anchor.period(
            lambda dct: _weekday_step(dct, weekday, shift), f"XXXX-WXX-{weekday + 1}"
        )
    if match.group("rel_month"):
        if not _is_month(match, "rel_month"):
            return None
        month = _month(match.group("rel_month"))
        return _step_yearly(
            anchor,
            shift,
            lambda year: Period("month", dt.date(year, month, 1)),
            f"XXXX-{month:02d}",
        )
    code = SEASONS[match.group("rel_season").lower()]
    return _step_yearly(anchor, shift, lambda year: Period.season(year, code), f"XXXX-{code}")


def _weekday_step(dct: dt.date, weekday: int, shift: int) -> Period:
    """ "last Friday" is the one before the DCT, "next Friday" the one after, "this Friday"
    the one in the DCT's week."""
    if shift < 0:
        return Period("day", dct - dt.timedelta(days=(dct.weekday() - weekday) % 7 or 7))
    if shift > 0:
        return Period("day", dct + dt.timedelta(days=(weekday - dct.weekday()) % 7 or 7))
    return Period("day", dct + dt.timedelta(days=weekday - dct.weekday()))


def _step_yearly(
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


def _resolve_ago(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    """ "two days ago" is a day, "a decade ago" a year: the period that many units back, at
    the unit's grain (decades and centuries count in years); vague counts stay PAST_REF."""
    unit = match.group("unit").lower().replace("centurie", "century")
    grain, _ = UNITS[unit]
    number = _number(match.group("number"))
    future = match.group("direction").lower() in ("from now", "hence")
    reference = "FUTURE_REF" if future else "PAST_REF"
    mod = _qualifier_mod(match)
    if number is None or number != int(number) or unit in ("second", "minute", "hour"):
        return Resolution("DATE", reference, mod=mod, anchored=True)
    count = int(number) * _YEARS_IN.get(unit, 1)
    grain = "year" if unit in _YEARS_IN else grain
    shift = count * (1 if future else -1)
    # "a year ago" in a story about a quarter is that quarter a year before; "two days
    # earlier" counts from the time the text has just named. ("Three days later" stays a
    # duration: TimeML reads "later" as a signal, not part of the expression.)
    follows: tuple[Step, ...] = (("quarter", 4 * shift),) if grain == "year" else ()
    if match.group("direction").lower() == "earlier":
        follows += ((grain, shift),)
    resolution = anchor.period(lambda dct: Period.containing(dct, grain).shifted(shift), reference)
    return replace(resolution, mod=mod, follows=follows)


_YEARS_IN = {"decade": 10, "century": 100}
"""Decades and centuries are written in years (P20Y), as TimeBank and TempEval annotate them."""


def duration_value(amount: float | None, unit: str) -> str:
    """The TIMEX3 duration of ``amount`` units (None: an unknown number), e.g. P3D, PT6H, P20Y."""
    unit = unit.lower().rstrip("s").replace("centurie", "century")
    if unit in _YEARS_IN:
        amount, unit = (None if amount is None else amount * _YEARS_IN[unit]), "year"
    code = UNITS[unit][1]
    prefix = "PT" if code.startswith("T") else "P"
    return f"{prefix}{_count(amount)}{code.lstrip('T')}"


def _qualifier_mod(match: re.Match[str]) -> str | None:
    qualifier = match.groupdict().get("qualifier")
    return QUALIFIERS[" ".join(qualifier.lower().split())] if qualifier else None


_ORDINAL_SECOND = re.compile(r"\s+(?!(?:or|and|of|to|ago|later|after|before|earlier)\b)[a-z]")


def _resolve_duration(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    if (
        match.group("unit").lower() == "second"
        and match.group("number").lower() in ("a", "one")
        and _ORDINAL_SECOND.match(match.string, match.end())
    ):
        return None  # "a second aid round" is an ordinal
    if match.group("unit").lower() in ("second", "quarter") and re.fullmatch(
        r"(?:19|20)\d\d", match.group("number")
    ):
        return None  # "the 2021 quarter" is a year's quarter, not 2,021 of them
    amount = _number(match.group("number"))
    value = duration_value(amount, match.group("unit"))
    resolution = Resolution("DURATION", value, mod=_qualifier_mod(match))
    window = match.group("window")
    if window is None or amount is None:
        return resolution
    return _windowed(resolution, anchor, amount, match.group("unit"), window.lower())


def _windowed(
    resolution: Resolution, anchor: Anchor, amount: float, unit: str, window: str
) -> Resolution:
    """ "the past 24 hours", "the next two weeks": a duration ending (or starting) at the DCT,
    with the calendar days it covers (24 hours touch two days, a week seven)."""
    if anchor.dct is None:
        return resolution
    unit = unit.lower().rstrip("s").replace("centurie", "century")
    hours = {"second": 1 / 3600, "minute": 1 / 60, "hour": 1}.get(unit)
    if hours is not None:
        days = math.ceil(amount * hours / 24)
        other = anchor.dct + dt.timedelta(days=days if window in _FORWARD else -days)
    elif unit in ("day", "week", "weekend"):
        days = math.ceil(amount * (1 if unit == "day" else 7)) - 1
        other = anchor.dct + dt.timedelta(days=days if window in _FORWARD else -days)
    else:
        months = math.ceil(
            amount * {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit]
        )
        step = dt.timedelta(days=1)
        other = (
            add_months(anchor.dct, months) - step
            if window in _FORWARD
            else add_months(anchor.dct, -months) + step
        )
    start, end = sorted((anchor.dct, other))
    return replace(resolution, start=start, end=end, anchored=True)


_FORWARD = frozenset({"next", "coming"})


def _resolve_bare_duration(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    return Resolution("DURATION", duration_value(None, match.group("unit")))


def _resolve_reference(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    """PRESENT_REF is the DCT; PAST_REF ends and FUTURE_REF starts there."""
    value = REFERENCES[" ".join(match.group(0).lower().split())]
    dct = anchor.dct
    return Resolution(
        "DATE",
        value,
        start=None if value == "PAST_REF" else dct,
        end=None if value == "FUTURE_REF" else dct,
        anchored=dct is not None,
    )


def _resolve_clock(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    if match.group("named"):
        hour, minute = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[
            match.group("named").lower()
        ]
    elif match.group("hhmm"):
        hour, minute = int(match.group("hhmm")[:2]), int(match.group("hhmm")[2:])
    else:
        hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
        meridiem = match.group("meridiem").lower()[0]
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem == "p" else 0)
    if hour > 24 or minute > 59:
        return None
    clock = f"T{hour:02d}:{minute:02d}"
    day_word = match.group("clock_day")
    if day_word and day_word.lower() in _DAY_WORDS:
        day = anchor.dct + dt.timedelta(days=_DAY_WORDS[day_word.lower()]) if anchor.dct else None
    elif day_word:
        day = anchor.weekday(_weekday(day_word))
    else:  # "shortly after 10 a.m.": on the day the story is on, by default the DCT
        day = anchor.dct
        follows: tuple[Step, ...] = (("day", 0),)
        if day is None:
            return Resolution("TIME", f"XXXX-XX-XX{clock}", follows=follows, clock=clock)
        return Resolution(
            "TIME",
            day.isoformat() + clock,
            start=day,
            end=day,
            anchored=True,
            follows=follows,
            clock=clock,
        )
    if day is None:
        return Resolution("TIME", f"XXXX-XX-XX{clock}")
    return Resolution("TIME", day.isoformat() + clock, start=day, end=day, anchored=True)


def _resolve_quarter(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    grain: Grain = "half" if match.group("kind").lower() == "half" else "quarter"
    index = ORDINALS[match.group("ordinal").lower()]
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


def _resolve_season(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    code = SEASONS[match.group("season").lower()]
    if match.group("year"):
        return absolute(Period.season(int(match.group("year")), code))
    if not match.group("the") and not match.string[: match.start()].rstrip().lower().endswith(
        ("in", "this", "during", "by", "until", "since", "through")
    ):
        return None  # "fall" and "spring" are also verbs and nouns
    return anchor.occurrence(lambda year: Period.season(year, code), f"XXXX-{code}")


_SET_UNITS = {
    "day": "P1D",
    "week": "P1W",
    "month": "P1M",
    "year": "P1Y",
    "hour": "PT1H",
    "morning": "XXXX-XX-XXTMO",
    "night": "XXXX-XX-XXTNI",
    "evening": "XXXX-XX-XXTEV",
    "weekend": "XXXX-WXX-WE",
    "quarter": "P3M",
}


def _resolve_set(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    if match.group("set_word"):
        return Resolution("SET", SET_WORDS[match.group("set_word").lower()])
    if match.group("set_weekday"):
        return Resolution("SET", f"XXXX-WXX-{_weekday(match.group('set_weekday')) + 1}")
    return Resolution("SET", _SET_UNITS[match.group("set_unit").lower()])


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


def _resolve_holiday(match: re.Match[str], anchor: Anchor) -> Resolution | None:
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
        return _step_yearly(
            anchor, _RELATIVE_SHIFT[match.group("holiday_rel").lower()], make, unresolved
        )
    return anchor.occurrence(make, unresolved)


def _resolve_weekend(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    """ "over the weekend": like a weekday, the latest begun by the DCT, or with a future
    tense the next not over."""
    if anchor.dct is None:
        return Resolution("DATE", "XXXX-WXX-WE")
    dct = anchor.dct
    if anchor.tense == "future" and not match.group("past"):
        saturday = dct + dt.timedelta(days=(5 - dct.weekday()) % 7 if dct.weekday() < 5 else 0)
    else:
        saturday = dct - dt.timedelta(days=(dct.weekday() - 5) % 7)
    weekend = Period.containing(saturday, "weekend")
    return Resolution("DATE", weekend.value, start=weekend.start, end=weekend.end, anchored=True)


_PART_STEPS = {"next": 1, "following": 1, "previous": -1, "preceding": -1}


def _resolve_day_part_in_focus(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    """ "the next morning", "later in the day", "that evening": a part of the day in focus
    (or of the day after or before it); from the DCT when the text has named no day."""
    shift = _PART_STEPS.get((match.group("part_step") or "").lower(), 0)
    part = match.group("part").lower()
    clock = "" if part == "day" else f"T{PARTS_OF_DAY[part]}"
    resolution = anchor.period(lambda dct: Period("day", dct).shifted(shift), "PAST_REF")
    if clock and resolution.start is not None:
        resolution = replace(resolution, type="TIME", value=resolution.value + clock)
    return replace(resolution, follows=(("day", shift),), clock=clock)


def _resolve_period_edge(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    """ "the end of the month", "by the start of the year": the period in focus, by default the
    DCT's (the mod comes from the words before, in :func:`normalize`)."""
    grain, _ = UNITS[match.group("unit").lower()]
    resolution = anchor.period(lambda dct: Period.containing(dct, grain), "PRESENT_REF")
    return replace(resolution, follows=((grain, 0),))


def _resolve_same_period(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    """ "that day", "the same week", "later that year": the period holding the time in focus."""
    grain, _ = UNITS[match.group("unit").lower()]
    return Resolution("DATE", "PAST_REF", follows=((grain, 0),))


_FOCUS_WORDS = re.compile(
    r"year[-\s](?:earlier|ago)|previous[-\s]year|prior[-\s]year", re.IGNORECASE
)


def _resolve_focus_quarter(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    """Business news reports by quarter: "the quarter", "the latest period" are the quarter in
    focus (by default the last one over by the DCT); "the year-ago quarter" is that quarter a
    year before."""
    if match.group("noun") and not match.group("noun").islower():
        return None  # "the Latin Quarter"
    qualifiers = match.group("qualifiers") or ""
    if match.group("noun") and match.group("noun").lower() == "period" and not qualifiers:
        return None  # "the period" alone is rarely a quarter
    shift = -4 if _FOCUS_WORDS.search(match.group(0)) else 0
    resolution = anchor.period(
        lambda dct: Period.containing(dct, "quarter").shifted(shift - 1), "PAST_REF"
    )
    return replace(resolution, follows=(("quarter", shift),))


_FLAGS = re.IGNORECASE


_BOUNDARY = r"(?:\b|(?='))"
"""Every pattern starts with a word character or an apostrophe ("'90s")."""
_STANDALONE = r"(?:(?<![\w-])|(?<=\bmid-)|(?<=\bearly-)|(?<=\blate-))"
"""Where an expression may start: not inside a word or a hyphenated compound, except after
"mid-", "early-" or "late-" (the mod, picked up in :func:`normalize`)."""
_START = _BOUNDARY + _STANDALONE
"""What every rule's pattern opens with, and the joint scan checks once for all of them."""


def _rule(
    name: str,
    pattern: str,
    resolve: Resolver,
    needs_tense: bool = False,
    starts: str | None = None,
) -> Rule:
    """A rule whose match starts at a word boundary or an apostrophe and stands alone (see
    ``_STANDALONE``). ``starts``, a character class of all the characters a match can start
    with, lets a failing position be told before a long alternation of words is tried."""
    first = f"(?=[{starts}])" if starts is not None else ""
    return Rule(
        name,
        re.compile(rf"{_START}{first}(?:{pattern})(?![\w])", _FLAGS),
        resolve,
        needs_tense,
    )


_REL_WORDS = ("last", "next", "this", "coming", "previous", "following", "current", "the")
_REL = r"(?P<rel>last|next|this|coming|previous|following|current|the\s+(?:past|last|next|coming|previous|following|current))"
_DAY_WORD = rf"(?P<clock_day>yesterday|today|tomorrow|{weekday_pattern('clock_weekday')})"

_DAY_END = r"(?:\s*[-\u2013]\s*(?P<day_end>[0-3]?\d)(?!\d))?"
"""The last day of a range within one month: "April 5-6", "5-6 April"."""
_LEADING_WEEKDAY = rf"(?:{weekday_pattern('lead_weekday')},?\s+)?"
"""A weekday naming the same day as the date after it: "Friday, Oct. 23"."""

RULES: tuple[Rule, ...] = (
    _rule(
        "month_day",
        rf"{_LEADING_WEEKDAY}{month_pattern()}\s+{DAY}{_DAY_END}(?:,?\s+{YEAR})?",
        _resolve_month_day,
        True,
        starts=WEEKDAY_INITIALS + MONTH_INITIALS,
    ),
    _rule(
        "day_month",
        rf"{_LEADING_WEEKDAY}{DAY}{_DAY_END}\s+(?:of\s+)?{month_pattern()}(?:,?\s+{YEAR})?",
        _resolve_month_day,
        True,
        starts=r"\d" + WEEKDAY_INITIALS,
    ),
    _rule(
        "month",
        rf"{month_pattern()}(?:,?\s+(?:of\s+)?{YEAR}|\s+(?:of\s+)?{_REL_YEAR})?",
        _resolve_month,
        True,
        starts=MONTH_INITIALS,
    ),
    _rule(
        "numeric_date",
        r"(?P<lead_year>(?:19|20)\d\d)(?P<lead_separator>[-/.])[01]?\d(?P=lead_separator)[0-3]?\d|"
        r"[0-3]?\d(?P<separator>[-/.])[0-3]?\d(?P=separator)(?:19|20)?\d\d(?![\d.,]\d)",
        _resolve_numeric_date,
    ),
    _rule("year", rf"(?:fiscal\s+(?:year\s+)?)?{YEAR}(?!-\d|,\d|\.\d|s\b|'s\b)", _resolve_year),
    _rule(
        "decade",
        r"(?:the\s+)?(?:(?P<decade>(?:1[89]|20)\d0)s|'(?P<short>\d)0s)",
        _resolve_decade,
    ),
    _rule(
        "weekday",
        rf"{weekday_pattern()}(?:\s+{PART})?",
        _resolve_weekday,
        True,
        starts=WEEKDAY_INITIALS,
    ),
    _rule(
        "relative_day",
        rf"(?P<word>yesterday|today|tomorrow|tonight|this(?=\s+(?:morning|"
        rf"afternoon|evening|night))|last(?=\s+night))(?:\s+{PART})?",
        _resolve_relative_day,
    ),
    _rule("overnight", r"overnight", _resolve_overnight),
    _rule(
        "relative_period",
        rf"(?:(?P<side>earlier|later)\s+)?{_REL}\s+(?:(?P<unit>{_alternatives(UNITS)})|"
        rf"{weekday_pattern('rel_weekday')}|{month_pattern('rel_month')}|"
        rf"(?P<rel_season>{_alternatives(SEASONS)}))",
        _resolve_relative_period,
        starts=initials(("earlier", "later"), _REL_WORDS),
    ),
    _rule(
        "ago",
        rf"(?:(?P<qualifier>{_alternatives(QUALIFIERS)})\s+)?"
        rf"{NUMBER}\s+{UNIT}\s+(?P<direction>ago|earlier|from\s+now|hence)",
        _resolve_ago,
        starts=NUMBER_INITIALS + initials(QUALIFIERS),
    ),
    _rule(
        "duration",
        rf"(?:(?P<qualifier>{_alternatives(QUALIFIERS)})\s+(?!the\s))?"
        rf"(?:the\s+(?:(?P<window>past|last|previous|next|coming)|first|final|latest|same)\s+|the\s+)?{NUMBER}[\s-]+(?:more\s+|full\s+|straight\s+)?{UNIT}"
        rf"(?!-old|\s+old)(?:-long)?",
        _resolve_duration,
        starts=NUMBER_INITIALS + initials(QUALIFIERS, ("the",)),
    ),
    _rule(
        "holiday",
        r"(?:(?P<holiday_rel>last|this|next)\s+)?(?P<holiday>(?P<orthodox>Orthodox\s+)?"
        r"(?:Christmas(?:\s+(?:Day|Eve))?|Easter(?:\s+Sunday)?)|New\s+Year'?s\s+(?:Day|Eve)|"
        r"Good\s+Friday|Thanksgiving(?:\s+Day)?|Ramadan|"
        r"Eid[\s-]+(?:al|ul|el)[\s-]+(?P<eid>Fitr|Adha))"
        rf"(?:,?\s+(?:of\s+)?{YEAR})?",
        _resolve_holiday,
        True,
    ),
    _rule(
        "weekend",
        r"(?:the|this\s+(?P<past>past))\s+weekend",
        _resolve_weekend,
        True,
    ),
    _rule(
        "day_part_in_focus",
        r"(?:the\s+(?P<part_step>next|following|previous|preceding)|(?:later|earlier)\s+"
        r"(?:in\s+the|that)|that)\s+(?P<part>morning|afternoon|evening|night|day)",
        _resolve_day_part_in_focus,
    ),
    _rule(
        "period_edge",
        r"(?:start|end|beginning|middle)\s+of\s+(?P<span>the\s+(?P<unit>week|month|year))",
        _resolve_period_edge,
    ),
    _rule(
        "same_period",
        r"(?:(?:earlier|later)\s+)?(?:that|the\s+same|that\s+same)\s+(?P<unit>day|week|month|year)",
        _resolve_same_period,
    ),
    _rule(
        "focus_quarter",
        r"(?:(?:the|that|this)\s+(?P<qualifiers>(?:(?:latest|last|current|same|comparable|"
        r"most\s+recent|recent|fiscal|year[-\s]earlier|year[-\s]ago|previous[-\s]year|"
        r"prior[-\s]year)\s+)*)(?P<noun>quarter|period)|year-(?:earlier|ago)(?=\s+[a-z]))",
        _resolve_focus_quarter,
    ),
    _rule(
        "recent_units",
        rf"(?P<bound>recent|past|coming|future)\s+{UNIT}",
        lambda m, a: Resolution(
            "DATE", "FUTURE_REF" if m["bound"].lower() in ("coming", "future") else "PAST_REF"
        ),
    ),
    _rule(
        "bare_duration",
        r"(?:for|over|in|within)\s+(?P<span>(?P<unit>second|minute|hour|day|week|month|year|decade|centurie)s)",
        _resolve_bare_duration,
    ),
    _rule(
        "reference",
        _alternatives(REFERENCES) + r"(?!\s+(?:year|month|week|day|decade|quarter)s?\b)",
        _resolve_reference,
    ),
    _rule(
        "clock",
        r"(?:(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*(?P<meridiem>[ap]\.m\.?|[ap]m\b)|"
        r"(?P<hhmm>[0-2]\d[0-5]\d)(?=\s*(?:GMT|UTC|local|hours|hrs|EST|EDT|CET|BST))|"
        r"(?P<named>noon|midday|midnight))"
        r"(?:\s+(?:GMT|UTC|EST|EDT|CET|BST|local\s+time|hours|hrs))?"
        rf"(?:,?\s+(?:on\s+)?{_DAY_WORD})?",
        _resolve_clock,
        True,
    ),
    _rule(
        "quarter",
        rf"(?:the\s+)?(?:(?P<lead_year>(?:19|20)\d\d)\s+|{_REL_YEAR}\s+)?(?:fiscal\s+)?"
        rf"(?P<ordinal>{_alternatives(ORDINALS)})[\s-]+(?P<kind>quarter|half)"
        rf"(?:\s+(?:of\s+)?{YEAR})?",
        _resolve_quarter,
        True,
        starts=r"\d" + initials(("the", "fiscal"), _REL_YEAR_SHIFT, ORDINALS),
    ),
    _rule(
        "season",
        rf"(?P<the>the\s+)?{SEASON}(?:\s+(?:of\s+)?{YEAR})?",
        _resolve_season,
        True,
    ),
    _rule(
        "set",
        rf"(?P<set_word>{_alternatives(SET_WORDS)})|(?:every|each)\s+(?:(?P<set_unit>"
        rf"{_alternatives(_SET_UNITS)})|{weekday_pattern('set_weekday')})",
        _resolve_set,
    ),
)


_MODIFIER_BEFORE = re.compile(
    rf"(?:^|(?<=\W))(?P<modifier>{_alternatives(MODIFIERS)})(?:\s+(?:on|in))?(?:\s+|-)$", _FLAGS
)
_SINCE_BEFORE = re.compile(r"\bsince\s+$", _FLAGS)
_AS_SOON_AS_BEFORE = re.compile(r"\bas\s+(?:soon|early)\s+as\s+(?:on\s+)?$", _FLAGS)


def _group_source(source: str, name: str) -> str:
    """The text of the group ``name`` in a pattern's source, parentheses included."""
    start = source.index(f"(?P<{name}>")
    depth, index, in_class = 0, start, False
    while True:
        char = source[index]
        if char == "\\":
            index += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            index += source[index + 1] == "]"  # a leading "]" is literal
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return source[start : index + 1]
        index += 1


_GROUP_NAME = re.compile(r"\(\?P<\w+>")
_BACK_REFERENCE = re.compile(r"\(\?P=(\w+)\)")


def _unnamed(source: str) -> str:
    """A pattern with its groups unnamed and each back-reference standing for what its group
    can match: it matches wherever ``source`` does, and can share a pattern with others."""
    source = _BACK_REFERENCE.sub(lambda m: _group_source(source, m[1]), source)
    return _GROUP_NAME.sub("(?:", source)


def _joint_scan(rules: tuple[Rule, ...]) -> re.Pattern[str]:
    """One pattern matching wherever any rule matches, its group ``r<i>`` naming the first
    such rule: one scan of the text finds the positions where rules are worth trying."""
    alternatives = "|".join(
        f"(?P<r{index}>{_unnamed(rule.pattern.pattern.removeprefix(_START))})"
        for index, rule in enumerate(rules)
    )
    return re.compile(f"{_START}(?:{alternatives})", _FLAGS)


_JOINT = _joint_scan(RULES)
_FIRST_RULE = {f"r{index}": index for index in range(len(RULES))}
_EXPRESSION_GROUP = tuple("span" if "span" in rule.pattern.groupindex else 0 for rule in RULES)


def find_candidates(text: str) -> list[Candidate]:
    """Every rule's standalone matches, overlapping ones included, rule by rule in text order:
    those a scan of the text with each rule in turn finds, from one scan with all of them.

    Rules are tried only where the joint pattern matches, from the first rule it names on; a
    rule is next tried after the end of its own match."""
    found: list[list[Candidate]] = [[] for _ in RULES]
    resume = [0] * len(RULES)
    position = 0
    while (hit := _JOINT.search(text, position)) is not None:
        start = position = hit.start()
        position += 1
        for index in range(_FIRST_RULE[hit.lastgroup or ""], len(RULES)):
            if resume[index] > start:
                continue
            rule = RULES[index]
            if (match := rule.pattern.match(text, start)) is None:
                continue
            group = _EXPRESSION_GROUP[index]
            found[index].append(Candidate(match.start(group), match.end(group), rule, match))
            resume[index] = max(match.end(), start + 1)
    return [candidate for candidates in found for candidate in candidates]


@dataclass(frozen=True)
class Normalized:
    """A recognized expression: its character range and its resolution."""

    start: int
    end: int
    resolution: Resolution


def normalize(candidate: Candidate, anchor: Anchor) -> Normalized | None:
    """Resolve a candidate; widen it over a preceding "early"/"late"/"the end of" (the mod)
    and stretch "since X" to run from X to the DCT."""
    start = candidate.start
    before = candidate.match.string[max(0, start - 24) : start]
    since = _SINCE_BEFORE.search(before) is not None
    if since:
        anchor = replace(anchor, tense="past", firm=True)  # "since May": a May already begun
    elif _AS_SOON_AS_BEFORE.search(before):
        anchor = replace(anchor, tense="future", firm=True)  # "as early as Tuesday"
    try:
        resolution = candidate.rule.resolve(candidate.match, anchor)
    except (ValueError, OverflowError):  # "3000 years ago" leaves the calendar: no date to give
        resolution = candidate.rule.resolve(candidate.match, replace(anchor, dct=None))
    if resolution is None:
        return None
    modifier = _MODIFIER_BEFORE.search(before) if resolution.type in ("DATE", "TIME") else None
    if modifier and resolution.mod is None:
        resolution = replace(
            resolution, mod=MODIFIERS[" ".join(modifier["modifier"].lower().split())]
        )
        start -= len(before) - modifier.start()
    if (
        resolution.start is not None
        and anchor.dct is not None
        and resolution.start <= anchor.dct
        and since
    ):
        resolution = replace(resolution, end=anchor.dct)
    return Normalized(start, candidate.end, _clip_to_dct(candidate.match, resolution, anchor))


def _clip_to_dct(match: re.Match[str], resolution: Resolution, anchor: Anchor) -> Resolution:
    """ "earlier this week" cannot run past the DCT, nor "later this month" start before it."""
    side = match.groupdict().get("side")
    dct = anchor.dct
    if side is None or dct is None or resolution.start is None or resolution.end is None:
        return resolution
    if not resolution.start <= dct <= resolution.end:
        return resolution
    if side.lower() == "earlier":
        return replace(resolution, end=dct)
    return replace(resolution, start=dct)


def recognize(text: str, anchor_of: Callable[[Candidate], Anchor]) -> list[Normalized]:
    """The normalized expressions of ``text`` in text order; ``anchor_of`` gives each candidate
    its anchor. Where readings overlap the longest wins, the earlier rule on a tie."""
    readings = [n for c in find_candidates(text) if (n := normalize(c, anchor_of(c))) is not None]
    kept: list[Normalized] = []
    for reading in sorted(readings, key=lambda n: n.start - n.end):
        if all(reading.end <= k.start or reading.start >= k.end for k in kept):
            kept.append(reading)
    return follow_focus(sorted(kept, key=lambda n: n.start))


_QUARTER_VALUE = re.compile(r"\d{4}-Q[1-4]$")


def follow_focus(readings: list[Normalized]) -> list[Normalized]:
    """Resolve expressions that count from a time the text has named, in text order.

    The time in focus is the last calendar date or time mentioned that is no coarser than the
    step's grain (anaphoric ones included, so "on Monday ... the next day ... two days
    earlier" chains). Quarters have their own focus, the last quarter mentioned other than by
    comparison ("the year-earlier quarter"). A value found this way is anchored when the time
    it counts from was."""
    foci: list[Resolution] = []
    quarters: list[Resolution] = []
    resolved: list[Normalized] = []
    for reading in readings:
        resolution = reading.resolution
        compared = False
        for grain, shift in resolution.follows:
            found = _step_from(quarters if grain == "quarter" else foci, grain, shift)
            if found is not None:
                period, source = found
                resolution = replace(
                    resolution,
                    type="TIME" if resolution.clock else "DATE",
                    value=period.value + resolution.clock,
                    start=period.start,
                    end=period.end,
                    anchored=source.anchored,
                )
                compared = grain == "quarter"
                break
        resolved.append(replace(reading, resolution=resolution))
        if compared:
            continue  # "the year-ago quarter" is a comparison; the story stays on its quarter
        if (
            resolution.start is not None
            and resolution.end is not None
            and (resolution.type in ("DATE", "TIME") and resolution.value[:1].isdigit())
        ):
            foci.append(resolution)
            if _QUARTER_VALUE.match(resolution.value):
                quarters.append(resolution)
    return resolved


def _step_from(
    foci: list[Resolution], grain: Grain, shift: int
) -> tuple[Period, Resolution] | None:
    """The period ``shift`` grains from the latest focus no coarser than ``grain``, and that
    focus ("in 2021" is too coarse to count days from)."""
    for focus in reversed(foci):
        if focus.start is None or focus.end is None:
            continue
        holding = Period.containing(focus.start, grain)
        if holding.end >= focus.end:
            try:
                return holding.shifted(shift), focus
            except (ValueError, OverflowError):
                return None  # "in 2022, 2022 years earlier": no such year
    return None
