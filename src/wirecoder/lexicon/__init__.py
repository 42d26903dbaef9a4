"""Language data shared by several stages, and the one loader every stage's data goes through.

A stage's own word lists sit beside it (``stages/<stage>/data/*.toml``) and are read with
:func:`load` into a :class:`Lexicon` model; concepts that more than one stage needs (number words)
live here, once.
"""

from ._load import Lexicon, OrderedWords, Words, load, parse
from ._numbers import NUMBER_WORDS

__all__ = ["NUMBER_WORDS", "Lexicon", "OrderedWords", "Words", "load", "parse"]
