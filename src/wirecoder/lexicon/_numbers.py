"""Number words: one home for the cardinals that times and events both read."""

from __future__ import annotations

from types import MappingProxyType

from ._load import Lexicon, load


class _Numbers(Lexicon):
    cardinals: dict[str, int]


NUMBER_WORDS = MappingProxyType(load("wirecoder.lexicon", "numbers", _Numbers).cardinals)
"""Cardinal word to value, in the file's order: ``"a"``/``"an"`` 1, ``"one"`` .. ``"ninety"``,
``"hundred"``."""
