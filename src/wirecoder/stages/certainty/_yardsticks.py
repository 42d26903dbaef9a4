"""The two estimative-language yardsticks (PHIA and ICD 203), read from
``data/yardsticks.toml``: their terms with probability ranges and wordings, the phrases that are
one yardstick's own, and the yardstick each country's state sources write by."""

from __future__ import annotations

from types import MappingProxyType
from typing import Literal

from ...lexicon import Lexicon, OrderedWords, Words, load

Yardstick = Literal["PHIA", "ICD203"]
"""A named yardstick: the certainty scales other than ``none``."""


class Term(Lexicon):
    """One term of a yardstick: its label, probability range and the phrases that express it."""

    scale: Yardstick
    label: str
    low: float
    high: float
    phrases: OrderedWords


class _Yardsticks(Lexicon):
    own_words: dict[Yardstick, Words]
    country_yardsticks: dict[str, Yardstick]
    terms: list[Term]


_DATA = load("wirecoder.stages.certainty", "yardsticks", _Yardsticks)

YARDSTICKS: MappingProxyType[Yardstick, tuple[Term, ...]] = MappingProxyType(
    {
        scale: tuple(term for term in _DATA.terms if term.scale == scale)
        for scale in dict.fromkeys(term.scale for term in _DATA.terms)
    }
)
"""The terms of each yardstick, PHIA first, each yardstick's terms from least to most likely."""

OWN_WORDS = MappingProxyType(_DATA.own_words)
"""Phrases that are the label of a term on one yardstick only: they say which yardstick is meant."""

COUNTRY_YARDSTICKS = MappingProxyType(_DATA.country_yardsticks)
"""The yardstick a country's government, military and intelligence sources write by."""
