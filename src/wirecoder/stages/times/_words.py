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
CALENDAR = load(_PACKAGE, "calendar", _Calendar)
NUMBERS = load(_PACKAGE, "numbers", _Numbers)
MODIFIER_WORDS = load(_PACKAGE, "modifiers", _Modifiers)
RELATIVE = load(_PACKAGE, "relative", _Relative)
SETS = load(_PACKAGE, "sets", _Sets)
CUES = load(_PACKAGE, "cues", _Cues)

NUMBER_WORDS: dict[str, float] = {**CARDINALS, **NUMBERS.number_words}
"""The shared cardinals and the times stage's own number phrases ("a dozen", "half a")."""


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


MONTH_INITIALS = initials(CALENDAR.months)
WEEKDAY_INITIALS = initials(CALENDAR.weekdays)
_TENS = NUMBERS.compound_tens
NUMBER = (
    rf"(?P<number>\d+\s+[1-9]/[1-9]|\d+(?:\.\d+)?|(?:{'|'.join(_TENS)})"
    rf"-(?:{'|'.join(NUMBERS.compound_ones)})|{alternatives(NUMBER_WORDS)}|"
    rf"{alternatives(NUMBERS.vague_numbers)})"
)
NUMBER_INITIALS = r"\d" + initials(_TENS, NUMBER_WORDS, NUMBERS.vague_numbers)
UNIT = r"(?P<unit>second|minute|hour|day|weekend|week|month|quarter|year|decade|centur(?:y|ie))s?"
PART = rf"(?P<part>{alternatives(CALENDAR.parts_of_day)})"
SEASON = rf"(?P<season>{alternatives(CALENDAR.seasons)})"
YEAR = r"(?P<year>(?:1[89]|20)\d\d)(?![\d%])"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"


def month_number(word: str) -> int:
    return CALENDAR.months[word.lower()[:3]]


def weekday_number(word: str) -> int:
    return CALENDAR.weekdays[word.lower()[:3]]


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
