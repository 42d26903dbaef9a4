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

import re

from ._dates import (
    resolve_decade,
    resolve_holiday,
    resolve_month,
    resolve_month_day,
    resolve_numeric_date,
    resolve_quarter,
    resolve_season,
    resolve_weekday,
    resolve_year,
)
from ._relative import (
    resolve_ago,
    resolve_bare_duration,
    resolve_clock,
    resolve_day_part_in_focus,
    resolve_duration,
    resolve_focus_quarter,
    resolve_overnight,
    resolve_period_edge,
    resolve_reference,
    resolve_relative_day,
    resolve_relative_period,
    resolve_same_period,
    resolve_set,
    resolve_weekend,
)
from ._resolution import Resolution, Resolver, Rule
from ._words import (
    CALENDAR,
    DAY,
    MODIFIER_WORDS,
    MONTH_INITIALS,
    NUMBER,
    NUMBER_INITIALS,
    NUMBERS,
    PART,
    RELATIVE,
    SEASON,
    SETS,
    UNIT,
    WEEKDAY_INITIALS,
    YEAR,
    alternatives,
    initials,
    month_pattern,
    weekday_pattern,
)

FLAGS = re.IGNORECASE

_BOUNDARY = r"(?:\b|(?='))"
"""Every pattern starts with a word character or an apostrophe ("'90s")."""
_STANDALONE = r"(?:(?<![\w-])|(?<=\bmid-)|(?<=\bearly-)|(?<=\blate-))"
"""Where an expression may start: not inside a word or a hyphenated compound, except after
"mid-", "early-" or "late-" (the mod, picked up in :func:`normalize`)."""
START = _BOUNDARY + _STANDALONE
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
        re.compile(rf"{START}{first}(?:{pattern})(?![\w])", FLAGS),
        resolve,
        needs_tense,
    )


_REL_WORDS = ("last", "next", "this", "coming", "previous", "following", "current", "the")
_REL = (
    r"(?P<rel>last|next|this|coming|previous|following|current|"
    r"the\s+(?:past|last|next|coming|previous|following|current))"
)
_DAY_WORD = rf"(?P<clock_day>yesterday|today|tomorrow|{weekday_pattern('clock_weekday')})"

_REL_YEAR_WORDS = ("last", "this", "next")
_REL_YEAR = rf"(?P<rel_year>{'|'.join(_REL_YEAR_WORDS)})\s+year(?:'s)?"
"""A year relative to the DCT, after a month or a quarter: "June last year"."""
_DAY_END = r"(?:\s*[-\u2013]\s*(?P<day_end>[0-3]?\d)(?!\d))?"
"""The last day of a range within one month: "April 5-6", "5-6 April"."""
_LEADING_WEEKDAY = rf"(?:{weekday_pattern('lead_weekday')},?\s+)?"
"""A weekday naming the same day as the date after it: "Friday, Oct. 23"."""

RULES: tuple[Rule, ...] = (
    _rule(
        "month_day",
        rf"{_LEADING_WEEKDAY}{month_pattern()}\s+{DAY}{_DAY_END}(?:,?\s+{YEAR})?",
        resolve_month_day,
        True,
        starts=WEEKDAY_INITIALS + MONTH_INITIALS,
    ),
    _rule(
        "day_month",
        rf"{_LEADING_WEEKDAY}{DAY}{_DAY_END}\s+(?:of\s+)?{month_pattern()}(?:,?\s+{YEAR})?",
        resolve_month_day,
        True,
        starts=r"\d" + WEEKDAY_INITIALS,
    ),
    _rule(
        "month",
        rf"{month_pattern()}(?:,?\s+(?:of\s+)?{YEAR}|\s+(?:of\s+)?{_REL_YEAR})?",
        resolve_month,
        True,
        starts=MONTH_INITIALS,
    ),
    _rule(
        "numeric_date",
        r"(?P<lead_year>(?:19|20)\d\d)(?P<lead_separator>[-/.])[01]?\d(?P=lead_separator)[0-3]?\d|"
        r"[0-3]?\d(?P<separator>[-/.])[0-3]?\d(?P=separator)(?:19|20)?\d\d(?![\d.,]\d)",
        resolve_numeric_date,
    ),
    _rule("year", rf"(?:fiscal\s+(?:year\s+)?)?{YEAR}(?!-\d|,\d|\.\d|s\b|'s\b)", resolve_year),
    _rule(
        "decade",
        r"(?:the\s+)?(?:(?P<decade>(?:1[89]|20)\d0)s|'(?P<short>\d)0s)",
        resolve_decade,
    ),
    _rule(
        "weekday",
        rf"{weekday_pattern()}(?:\s+{PART})?",
        resolve_weekday,
        True,
        starts=WEEKDAY_INITIALS,
    ),
    _rule(
        "relative_day",
        rf"(?P<word>yesterday|today|tomorrow|tonight|this(?=\s+(?:morning|"
        rf"afternoon|evening|night))|last(?=\s+night))(?:\s+{PART})?",
        resolve_relative_day,
    ),
    _rule("overnight", r"overnight", resolve_overnight),
    _rule(
        "relative_period",
        rf"(?:(?P<side>earlier|later)\s+)?{_REL}\s+(?:(?P<unit>{alternatives(CALENDAR.units)})|"
        rf"{weekday_pattern('rel_weekday')}|{month_pattern('rel_month')}|"
        rf"(?P<rel_season>{alternatives(CALENDAR.seasons)}))",
        resolve_relative_period,
        starts=initials(("earlier", "later"), _REL_WORDS),
    ),
    _rule(
        "ago",
        rf"(?:(?P<qualifier>{alternatives(MODIFIER_WORDS.qualifiers)})\s+)?"
        rf"{NUMBER}\s+{UNIT}\s+(?P<direction>ago|earlier|from\s+now|hence)",
        resolve_ago,
        starts=NUMBER_INITIALS + initials(MODIFIER_WORDS.qualifiers),
    ),
    _rule(
        "duration",
        rf"(?:(?P<qualifier>{alternatives(MODIFIER_WORDS.qualifiers)})\s+(?!the\s))?"
        rf"(?:the\s+(?:(?P<window>past|last|previous|next|coming)|first|final|latest|same)\s+|the\s+)?{NUMBER}[\s-]+(?:more\s+|full\s+|straight\s+)?{UNIT}"
        rf"(?!-old|\s+old)(?:-long)?",
        resolve_duration,
        starts=NUMBER_INITIALS + initials(MODIFIER_WORDS.qualifiers, ("the",)),
    ),
    _rule(
        "holiday",
        r"(?:(?P<holiday_rel>last|this|next)\s+)?(?P<holiday>(?P<orthodox>Orthodox\s+)?"
        r"(?:Christmas(?:\s+(?:Day|Eve))?|Easter(?:\s+Sunday)?)|New\s+Year'?s\s+(?:Day|Eve)|"
        r"Good\s+Friday|Thanksgiving(?:\s+Day)?|Ramadan|"
        r"Eid[\s-]+(?:al|ul|el)[\s-]+(?P<eid>Fitr|Adha))"
        rf"(?:,?\s+(?:of\s+)?{YEAR})?",
        resolve_holiday,
        True,
    ),
    _rule(
        "weekend",
        r"(?:the|this\s+(?P<past>past))\s+weekend",
        resolve_weekend,
        True,
    ),
    _rule(
        "day_part_in_focus",
        r"(?:the\s+(?P<part_step>next|following|previous|preceding)|(?:later|earlier)\s+"
        r"(?:in\s+the|that)|that)\s+(?P<part>morning|afternoon|evening|night|day)",
        resolve_day_part_in_focus,
    ),
    _rule(
        "period_edge",
        r"(?:start|end|beginning|middle)\s+of\s+(?P<span>the\s+(?P<unit>week|month|year))",
        resolve_period_edge,
    ),
    _rule(
        "same_period",
        r"(?:(?:earlier|later)\s+)?(?:that|the\s+same|that\s+same)\s+(?P<unit>day|week|month|year)",
        resolve_same_period,
    ),
    _rule(
        "focus_quarter",
        r"(?:(?:the|that|this)\s+(?P<qualifiers>(?:(?:latest|last|current|same|comparable|"
        r"most\s+recent|recent|fiscal|year[-\s]earlier|year[-\s]ago|previous[-\s]year|"
        r"prior[-\s]year)\s+)*)(?P<noun>quarter|period)|year-(?:earlier|ago)(?=\s+[a-z]))",
        resolve_focus_quarter,
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
        resolve_bare_duration,
    ),
    _rule(
        "reference",
        alternatives(RELATIVE.references) + r"(?!\s+(?:year|month|week|day|decade|quarter)s?\b)",
        resolve_reference,
    ),
    _rule(
        "clock",
        r"(?:(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*(?P<meridiem>[ap]\.m\.?|[ap]m\b)|"
        r"(?P<hhmm>[0-2]\d[0-5]\d)(?=\s*(?:GMT|UTC|local|hours|hrs|EST|EDT|CET|BST))|"
        rf"(?P<named>{'|'.join(CALENDAR.named_times)}))"
        r"(?:\s+(?:GMT|UTC|EST|EDT|CET|BST|local\s+time|hours|hrs))?"
        rf"(?:,?\s+(?:on\s+)?{_DAY_WORD})?",
        resolve_clock,
        True,
    ),
    _rule(
        "quarter",
        rf"(?:the\s+)?(?:(?P<lead_year>(?:19|20)\d\d)\s+|{_REL_YEAR}\s+)?(?:fiscal\s+)?"
        rf"(?P<ordinal>{alternatives(NUMBERS.ordinals)})[\s-]+(?P<kind>quarter|half)"
        rf"(?:\s+(?:of\s+)?{YEAR})?",
        resolve_quarter,
        True,
        starts=r"\d" + initials(("the", "fiscal"), _REL_YEAR_WORDS, NUMBERS.ordinals),
    ),
    _rule(
        "season",
        rf"(?P<the>the\s+)?{SEASON}(?:\s+(?:of\s+)?{YEAR})?",
        resolve_season,
        True,
    ),
    _rule(
        "set",
        rf"(?P<set_word>{alternatives(SETS.set_words)})|(?:every|each)\s+(?:(?P<set_unit>"
        rf"{alternatives(SETS.set_units)})|{weekday_pattern('set_weekday')})",
        resolve_set,
    ),
)
