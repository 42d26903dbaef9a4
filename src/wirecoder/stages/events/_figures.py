"""A reported number and its hedge, as the low, best and high estimates UCDP GED records.

UCDP GED gives every event three fatality figures: ``best``, the most likely number, and
``low`` and ``high``, the lowest and highest reasonable (reliable) ones (Högbladh, *UCDP GED
Codebook*, variables ``best``, ``low``, ``high``; as summarised at
https://www.humanprogress.org/dataset/battle-related-deaths-low-estimate/ "the lowest reliable
estimate of total fatalities", and https://rdrr.io/github/hail2thief/ladata/man/ged.html). UCDP's
definitions add that where reports differ and none is more reliable, the lower figure is the
best (``_merge``). A hedge moves the number to the end of the range it bounds, and leaves the
other end unknown (``None``) when the text gives no bound:

==========================  =========================  ======  ======  ======
hedge                       example                    low     best    high
==========================  =========================  ======  ======  ======
none                        "seven were killed"        7       7       7
at least, no fewer than     "at least 7"               7       7       --
more than, over             "more than 30"             31      31      --
nearly, almost              "nearly 1,500"             --      1,500   1,500
about, around, roughly      "about 40"                 --      40      --
up to, as many as           "up to 12"                 --      --      12
fewer than, less than       "fewer than 10"            --      --      9
a range                     "between 10 and 15"        10      12      15
a vague quantity            "dozens"                   24      36      99
==========================  =========================  ======  ======  ======

"nearly N" is below N by an amount the text does not give, "about N" either side of it. The
vague quantities and the hedge phrases are data (``data/figures.toml``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...lexicon import NUMBER_WORDS, Lexicon, OrderedWords, Words, load


class _Range(Lexicon):
    low: int
    best: int
    high: int


class _Figures(Lexicon):
    at_least: OrderedWords
    more_than: OrderedWords
    nearly: OrderedWords
    about: OrderedWords
    up_to: OrderedWords
    fewer_than: OrderedWords
    range_joiners: Words
    vague_in_role: Words
    numbers: dict[str, int]
    multipliers: dict[str, int]
    vague: dict[str, _Range]


FIGURES = load("wirecoder.stages.events", "figures", _Figures)
_NUMBERS = {**NUMBER_WORDS, **FIGURES.numbers}
_MULTIPLIERS = FIGURES.multipliers
_VAGUE = FIGURES.vague
_HEDGE_REACH = 4
"""How many words before a number a hedge may take ("no fewer than" is three)."""


def _ends(words: tuple[str, ...]) -> tuple[str, ...]:
    """Hedge phrases as whole-word endings of the text before a number."""
    return tuple(f" {word}" for word in words)


_AT_LEAST = _ends(FIGURES.at_least)
_MORE_THAN = _ends(FIGURES.more_than)
_NEARLY = _ends(FIGURES.nearly)
_ABOUT = _ends(FIGURES.about)
_UP_TO = _ends(FIGURES.up_to)
_FEWER_THAN = _ends(FIGURES.fewer_than)


@dataclass(frozen=True)
class Figure:
    """One reported number as a range, and the tokens that said it (``end`` exclusive)."""

    low: int | None
    best: int | None
    high: int | None
    start: int
    end: int


def figure_at(token: Token) -> Figure | None:
    """The number whose head word is ``token`` (a numeral or a vague quantity), with its hedge;
    None when ``token`` heads no number."""
    if token.lower_ in _VAGUE and token.pos_ in ("NOUN", "ADJ", "NUM", "PRON", "DET"):
        return _vague_at(token)
    value = value_of(token)
    if value is None:
        return None
    for child in token.children:
        if child.dep_ == "compound" and value_of(child) is not None and child.i < token.i:
            return None
    return _numeral_at(token, value)


def vague(token: Token) -> bool:
    """A word of a vague quantity ("dozens", "several")."""
    return token.lower_ in _VAGUE


def value_of(token: Token) -> int | None:
    """The value of one number word or numeral ("7", "1,500", "seven", "dozen")."""
    text = token.lower_.replace(",", "")
    if text.isdecimal():  # not isdigit(): "²" is a digit int() refuses
        return int(text) if len(text) < 8 else None
    if token.pos_ in ("NUM",) or token.like_num:
        return _NUMBERS.get(text) or _MULTIPLIERS.get(text)
    return None


def added(first: Figure, second: Figure) -> Figure:
    """Two counts of different people together ("five soldiers and three civilians")."""

    def total(a: int | None, b: int | None) -> int | None:
        return a + b if a is not None and b is not None else None

    return Figure(
        total(first.low, second.low),
        total(first.best, second.best),
        total(first.high, second.high),
        min(first.start, second.start),
        max(first.end, second.end),
    )


def _vague_at(token: Token) -> Figure | None:
    """ "dozens", "a few", "many" (only as a subject, an object or a modifier)."""
    lower = token.lower_
    if lower in FIGURES.vague_in_role and token.dep_ not in (
        "nummod",
        "amod",
        "nsubjpass",
        "nsubj",
        "dobj",
    ):
        return None
    vague = _VAGUE[lower]
    start = token.i - (1 if token.i > 0 and token.nbor(-1).lower_ == "a" and lower == "few" else 0)
    return Figure(vague.low, vague.best, vague.high, start, token.i + 1)


def _numeral_at(token: Token, value: int) -> Figure:
    """A numeral ending at ``token`` ("two hundred", "1.5 million"), with its range or hedge."""
    start = token.i
    while start > token.sent.start and value_of(token.doc[start - 1]) is not None:
        start -= 1
    value = _combined(token.doc[start : token.i + 1]) or value
    range_high = _range_high(token)
    if range_high is not None:
        return Figure(value, (value + range_high) // 2, range_high, start, token.i + 3)
    range_low = _range_low(token)
    if range_low is not None:
        return Figure(range_low, (range_low + value) // 2, value, start, token.i + 1)
    before = token.doc[max(token.sent.start, start - _HEDGE_REACH) : start].text.lower()
    low, best, high = _hedged(f" {before}", value)
    return Figure(low, best, high, start, token.i + 1)


def _hedged(before: str, value: int) -> tuple[int | None, int | None, int | None]:
    """Low, best and high of ``value`` under the hedge that ends the text ``before`` it (with a
    leading space, so that hedges match whole words)."""
    if before.endswith(_AT_LEAST):
        return value, value, None
    if before.endswith(_MORE_THAN):
        return value + 1, value + 1, None
    if before.endswith(_NEARLY):
        return None, value, value
    if before.endswith(_ABOUT):
        return None, value, None
    if before.endswith(_UP_TO):
        return None, None, value
    if before.endswith(_FEWER_THAN):
        return None, None, max(value - 1, 0)
    return value, value, value


_LONGEST_NUMBER = 16
"""Longer runs of digits count no people (and past 4,300 digits int() refuses them)."""


def _combined(tokens: SpacySpan) -> int | None:
    """ "two hundred", "1.5 million" -> the number."""
    total = 0
    current = 0
    for token in tokens:
        text = token.lower_.replace(",", "")
        if text in _MULTIPLIERS:
            current = max(current, 1) * _MULTIPLIERS[text]
            total += current
            current = 0
        elif text.isdecimal() and len(text) < _LONGEST_NUMBER:
            current = int(text)
        elif text.replace(".", "", 1).isdecimal() and len(text) < _LONGEST_NUMBER:
            current = int(float(text))
        elif text in _NUMBERS:
            current += _NUMBERS[text]
        else:
            return None
    return total + current or None


def _range_low(token: Token) -> int | None:
    """ "between 5 and 9" / "5 to 9" / "5-9": the low end, when ``token`` is the high end."""
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].lower_ in FIGURES.range_joiners:
        low = value_of(doc[token.i - 2])
        if low is not None and low < (value_of(token) or 0):
            return low
    return None


def _range_high(token: Token) -> int | None:
    """ "between 5 and 9" / "5 to 9": the high end, when ``token`` is the low end."""
    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].lower_ in FIGURES.range_joiners:
        high = value_of(doc[token.i + 2])
        if (
            high is not None
            and high > (value_of(token) or high)
            and (
                doc[token.i + 1].lower_ != "and"
                or token.i > 0
                and doc[token.i - 1].lower_ == "between"
            )
        ):
            return high
    return None
