"""The words of time expressions, read from ``data/``, and the pattern pieces built from them.

A pattern built from a table tries the longer words first (:func:`alternatives`), so the order
of a table matters only among words of one length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...lexicon import NUMBER_WORDS as CARDINALS
from ...lexicon import Lexicon, OrderedWords, Words, load
from ._calendar import Grain


class Unit(Lexicon):
    """A unit word's calendar grain and its TIMEX3 duration code."""

    grain: Grain
    code: str


class ClockTime(Lexicon):
    """A named time of day on a 24-hour clock."""

    hour: int
    minute: int


class _Calendar(Lexicon):
    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    named_times: dict[str, ClockTime]
    units: dict[str, Unit]
    years_in: dict[str, int]


class _Numbers(Lexicon):
    number_words: dict[str, int | float]
    ordinals: dict[str, int]
    vague_numbers: OrderedWords
    compound_tens: OrderedWords
    compound_ones: OrderedWords


class _Modifiers(Lexicon):
    modifiers: dict[str, str]
    qualifiers: dict[str, str]


class _Relative(Lexicon):
    shifts: dict[str, int]
    day_shifts: dict[str, int]
    references: dict[str, str]


class _Sets(Lexicon):
    set_words: dict[str, str]
    set_units: dict[str, str]


class _Cues(Lexicon):
    ambiguous_months: Words
    month_cues: Words
    season_cues: OrderedWords


_PACKAGE = "wirecoder.stages.times"
_CALENDAR = load(_PACKAGE, "calendar", _Calendar)
_NUMBERS = load(_PACKAGE, "numbers", _Numbers)
_MODIFIERS = load(_PACKAGE, "modifiers", _Modifiers)
_RELATIVE = load(_PACKAGE, "relative", _Relative)
_SETS = load(_PACKAGE, "sets", _Sets)
_CUES = load(_PACKAGE, "cues", _Cues)

MONTHS = _CALENDAR.months
WEEKDAYS = _CALENDAR.weekdays
SEASONS = _CALENDAR.seasons
PARTS_OF_DAY = _CALENDAR.parts_of_day
NAMED_TIMES = _CALENDAR.named_times
UNITS = _CALENDAR.units
YEARS_IN = _CALENDAR.years_in
NUMBER_WORDS: dict[str, float] = {**CARDINALS, **_NUMBERS.number_words}
"""The shared cardinals and the times stage's own number phrases ("a dozen", "half a")."""
ORDINALS = _NUMBERS.ordinals
VAGUE_NUMBERS = _NUMBERS.vague_numbers
MODIFIERS = _MODIFIERS.modifiers
QUALIFIERS = _MODIFIERS.qualifiers
SHIFTS = _RELATIVE.shifts
DAY_SHIFTS = _RELATIVE.day_shifts
REFERENCES = _RELATIVE.references
SET_WORDS = _SETS.set_words
SET_UNITS = _SETS.set_units
AMBIGUOUS_MONTHS = _CUES.ambiguous_months
MONTH_CUES = _CUES.month_cues
SEASON_CUES = _CUES.season_cues


def alternatives(words: Iterable[object]) -> str:
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


MONTH_INITIALS = initials(MONTHS)
WEEKDAY_INITIALS = initials(WEEKDAYS)
_TENS = _NUMBERS.compound_tens
NUMBER = (
    rf"(?P<number>\d+\s+[1-9]/[1-9]|\d+(?:\.\d+)?|(?:{'|'.join(_TENS)})"
    rf"-(?:{'|'.join(_NUMBERS.compound_ones)})|{alternatives(NUMBER_WORDS)}|"
    rf"{alternatives(VAGUE_NUMBERS)})"
)
NUMBER_INITIALS = r"\d" + initials(_TENS, NUMBER_WORDS, VAGUE_NUMBERS)
UNIT = r"(?P<unit>second|minute|hour|day|weekend|week|month|quarter|year|decade|centur(?:y|ie))s?"
PART = rf"(?P<part>{alternatives(PARTS_OF_DAY)})"
SEASON = rf"(?P<season>{alternatives(SEASONS)})"
YEAR = r"(?P<year>(?:1[89]|20)\d\d)(?![\d%])"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"


def month_number(word: str) -> int:
    return MONTHS[word.lower()[:3]]


def weekday_number(word: str) -> int:
    return WEEKDAYS[word.lower()[:3]]


def number_value(word: str) -> float | None:
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
