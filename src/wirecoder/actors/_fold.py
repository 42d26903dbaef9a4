"""Name folding: one key for the spellings of a name that wire services mix.

"Zelenskiy", "Zelensky" and "Zelenskyy" are one man; "Çavuşoğlu" is "Cavusoglu"; "al-Shabaab" is
"al Shabab". Folding works per word so a name can be found inside running text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+")
_NOT_DECOMPOSED = str.maketrans(
    {"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"}
)
_Y_ENDING = re.compile(r"(?:iy|yy|ii|ij|yi|yj)$")
_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=1 << 16)
def fold_word(word: str) -> str:
    """The key of one word: case, accents, -iy/-yy/-ii endings, doubled letters and ye-/e- folded.

    Cached, because the same words recur across an article and a batch."""
    if word.isascii():
        key = word.lower()  # no accents to strip, and casefold is lower for ASCII
    else:
        key = unicodedata.normalize("NFKD", word.casefold().translate(_NOT_DECOMPOSED))
        key = "".join(char for char in key if not unicodedata.combining(char))
    key = _Y_ENDING.sub("y", key)
    key = _DOUBLED.sub(r"\1", key)
    if key.startswith("ye") and len(key) > 3:
        key = key[1:]
    return key


class Words:
    """The words of a text (apostrophes, hyphens and dots separate words) as parallel lists of
    surface forms, folded keys and character offsets: a document's worth is made per article,
    and most words are only looked up by key."""

    __slots__ = ("ends", "keys", "starts", "surfaces")

    def __init__(self, text: str) -> None:
        self.surfaces: list[str] = _WORD.findall(text)
        self.keys: list[str] = list(map(fold_word, self.surfaces))
        spans = [match.span() for match in _WORD.finditer(text)]
        self.starts: list[int] = [start for start, _ in spans]
        self.ends: list[int] = [end for _, end in spans]

    def __len__(self) -> int:
        return len(self.keys)


@lru_cache(maxsize=1 << 14)
def fold(name: str) -> tuple[str, ...]:
    """The key of a whole name: its folded words (a leading "the" dropped; cached, as names
    are folded again at each mention)."""
    keys = tuple(map(fold_word, _WORD.findall(name)))
    return keys[1:] if len(keys) > 1 and keys[0] == "the" else keys
