"""Resolvers of the expressions that count from the DCT or from the time the text has named:
"yesterday", "last week", "two days ago", "for three weeks", "now", "10 a.m.", "every day", "the
next morning", "the year-ago quarter"."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import replace

from ._calendar import MONTHS_IN, Period, add_months
from ._dates import is_month, step_yearly
from ._resolution import Anchor, Resolution, Step
from ._words import (
    CALENDAR,
    MODIFIER_WORDS,
    RELATIVE,
    SETS,
    month_number,
    number_value,
    weekday_number,
)


def _count(number: float | None) -> str:
    if number is None:
        return "X"
    return str(int(number)) if number == int(number) else str(number)


def resolve_relative_day(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    word = match.group("word").lower()
    part = match.group("part")
    code = (
        "NI"
        if word == "tonight"
        else CALENDAR.parts_of_day[" ".join(part.lower().split())]
        if part
        else ""
    )
    if anchor.dct is None:
        unresolved = "PRESENT_REF" if word == "today" and not code else "XXXX-XX-XX"
        return Resolution("TIME" if code else "DATE", unresolved + (f"T{code}" if code else ""))
    day = anchor.dct + dt.timedelta(days=RELATIVE.day_shifts[word])
    value = day.isoformat() + (f"T{code}" if code else "")
    return Resolution("TIME" if code else "DATE", value, start=day, end=day, anchored=True)


def resolve_overnight(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    """The night before the DCT: valued as the night of the previous day, spanning both days."""
    if anchor.dct is None:
        return Resolution("TIME", "XXXX-XX-XXTNI")
    night = anchor.dct - dt.timedelta(days=1)
    return Resolution("TIME", f"{night.isoformat()}TNI", start=night, end=anchor.dct, anchored=True)


def resolve_relative_period(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    relation = match.group("rel").lower().split()[-1]
    shift = RELATIVE.shifts[relation]
    if match.group("unit"):
        grain = CALENDAR.units[match.group("unit").lower()].grain
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
        weekday = weekday_number(match.group("rel_weekday"))
        return anchor.period(
            lambda dct: _weekday_step(dct, weekday, shift), f"XXXX-WXX-{weekday + 1}"
        )
    if match.group("rel_month"):
        if not is_month(match, "rel_month"):
            return None
        month = month_number(match.group("rel_month"))
        return step_yearly(
            anchor,
            shift,
            lambda year: Period("month", dt.date(year, month, 1)),
            f"XXXX-{month:02d}",
        )
    code = CALENDAR.seasons[match.group("rel_season").lower()]
    return step_yearly(anchor, shift, lambda year: Period.season(year, code), f"XXXX-{code}")


def _weekday_step(dct: dt.date, weekday: int, shift: int) -> Period:
    """ "last Friday" is the one before the DCT, "next Friday" the one after, "this Friday"
    the one in the DCT's week."""
    if shift < 0:
        return Period("day", dct - dt.timedelta(days=(dct.weekday() - weekday) % 7 or 7))
    if shift > 0:
        return Period("day", dct + dt.timedelta(days=(weekday - dct.weekday()) % 7 or 7))
    return Period("day", dct + dt.timedelta(days=weekday - dct.weekday()))


def resolve_ago(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    """ "two days ago" is a day, "a decade ago" a year: the period that many units back, at
    the unit's grain (decades and centuries count in years); vague counts stay PAST_REF."""
    unit = match.group("unit").lower().replace("centurie", "century")
    grain = CALENDAR.units[unit].grain
    number = number_value(match.group("number"))
    future = match.group("direction").lower() in ("from now", "hence")
    reference = "FUTURE_REF" if future else "PAST_REF"
    mod = _qualifier_mod(match)
    if number is None or number != int(number) or unit in ("second", "minute", "hour"):
        return Resolution("DATE", reference, mod=mod, anchored=True)
    count = int(number) * CALENDAR.years_in.get(unit, 1)
    grain = "year" if unit in CALENDAR.years_in else grain
    shift = count * (1 if future else -1)
    # "a year ago" in a story about a quarter is that quarter a year before; "two days
    # earlier" counts from the time the text has just named. ("Three days later" stays a
    # duration: TimeML reads "later" as a signal, not part of the expression.)
    follows: tuple[Step, ...] = (("quarter", 4 * shift),) if grain == "year" else ()
    if match.group("direction").lower() == "earlier":
        follows += ((grain, shift),)
    resolution = anchor.period(lambda dct: Period.containing(dct, grain).shifted(shift), reference)
    return replace(resolution, mod=mod, follows=follows)


def duration_value(amount: float | None, unit: str) -> str:
    """The TIMEX3 duration of ``amount`` units (None: an unknown number), e.g. P3D, PT6H, P20Y."""
    unit = unit.lower().rstrip("s").replace("centurie", "century")
    if unit in CALENDAR.years_in:
        amount, unit = (None if amount is None else amount * CALENDAR.years_in[unit]), "year"
    code = CALENDAR.units[unit].code
    prefix = "PT" if code.startswith("T") else "P"
    return f"{prefix}{_count(amount)}{code.lstrip('T')}"


def _qualifier_mod(match: re.Match[str]) -> str | None:
    qualifier = match.groupdict().get("qualifier")
    return MODIFIER_WORDS.qualifiers[" ".join(qualifier.lower().split())] if qualifier else None


_ORDINAL_SECOND = re.compile(r"\s+(?!(?:or|and|of|to|ago|later|after|before|earlier)\b)[a-z]")


def resolve_duration(match: re.Match[str], anchor: Anchor) -> Resolution | None:
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
    amount = number_value(match.group("number"))
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
        other = anchor.dct + dt.timedelta(days=days if RELATIVE.shifts[window] > 0 else -days)
    elif unit in ("day", "week", "weekend"):
        days = math.ceil(amount * (1 if unit == "day" else 7)) - 1
        other = anchor.dct + dt.timedelta(days=days if RELATIVE.shifts[window] > 0 else -days)
    else:
        months = math.ceil(amount * MONTHS_IN[unit])
        step = dt.timedelta(days=1)
        other = (
            add_months(anchor.dct, months) - step
            if RELATIVE.shifts[window] > 0
            else add_months(anchor.dct, -months) + step
        )
    start, end = sorted((anchor.dct, other))
    return replace(resolution, start=start, end=end, anchored=True)


def resolve_bare_duration(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    return Resolution("DURATION", duration_value(None, match.group("unit")))


def resolve_reference(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    """PRESENT_REF is the DCT; PAST_REF ends and FUTURE_REF starts there."""
    value = RELATIVE.references[" ".join(match.group(0).lower().split())]
    dct = anchor.dct
    return Resolution(
        "DATE",
        value,
        start=None if value == "PAST_REF" else dct,
        end=None if value == "FUTURE_REF" else dct,
        anchored=dct is not None,
    )


def resolve_clock(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    if match.group("named"):
        named = CALENDAR.named_times[match.group("named").lower()]
        hour, minute = named.hour, named.minute
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
    if day_word and day_word.lower() in RELATIVE.day_shifts:
        day = (
            anchor.dct + dt.timedelta(days=RELATIVE.day_shifts[day_word.lower()])
            if anchor.dct
            else None
        )
    elif day_word:
        day = anchor.weekday(weekday_number(day_word))
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


def resolve_set(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    if match.group("set_word"):
        return Resolution("SET", SETS.set_words[match.group("set_word").lower()])
    if match.group("set_weekday"):
        return Resolution("SET", f"XXXX-WXX-{weekday_number(match.group('set_weekday')) + 1}")
    return Resolution("SET", SETS.set_units[match.group("set_unit").lower()])


def resolve_weekend(match: re.Match[str], anchor: Anchor) -> Resolution | None:
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


def resolve_day_part_in_focus(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    """ "the next morning", "later in the day", "that evening": a part of the day in focus
    (or of the day after or before it); from the DCT when the text has named no day."""
    shift = RELATIVE.shifts.get((match.group("part_step") or "").lower(), 0)
    part = match.group("part").lower()
    clock = "" if part == "day" else f"T{CALENDAR.parts_of_day[part]}"
    resolution = anchor.period(lambda dct: Period("day", dct).shifted(shift), "PAST_REF")
    if clock and resolution.start is not None:
        resolution = replace(resolution, type="TIME", value=resolution.value + clock)
    return replace(resolution, follows=(("day", shift),), clock=clock)


def resolve_period_edge(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    """ "the end of the month", "by the start of the year": the period in focus, by default the
    DCT's (the mod comes from the words before, in :func:`normalize`)."""
    grain = CALENDAR.units[match.group("unit").lower()].grain
    resolution = anchor.period(lambda dct: Period.containing(dct, grain), "PRESENT_REF")
    return replace(resolution, follows=((grain, 0),))


def resolve_same_period(match: re.Match[str], anchor: Anchor) -> Resolution | None:
    """ "that day", "the same week", "later that year": the period holding the time in focus."""
    grain = CALENDAR.units[match.group("unit").lower()].grain
    return Resolution("DATE", "PAST_REF", follows=((grain, 0),))


_FOCUS_WORDS = re.compile(
    r"year[-\s](?:earlier|ago)|previous[-\s]year|prior[-\s]year", re.IGNORECASE
)


def resolve_focus_quarter(match: re.Match[str], anchor: Anchor) -> Resolution | None:
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
