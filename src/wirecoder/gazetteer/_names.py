"""Name keys: the folded form under which every name is stored and looked up, and the looser
spelling key of the second look-up (transliterations of one name meet there)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from importlib.resources import files

from ..lexicon import Lexicon, Words, parse

_DROP = str.maketrans(
    {"'": None, "’": None, "ʼ": None, "`": None, "´": None, ".": None, "ʹ": None, "‘": None}
)
_SPACE = re.compile(r"[\s\-‐‑–—_/,]+")


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Case-, accent- and punctuation-folded name: ``Kramators'k`` and ``Kramatorsk`` meet."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SPACE.sub(" ", stripped.casefold().translate(_DROP)).strip()


class _Spellings(Lexicon):
    articles: Words
    assimilated: Words
    words: dict[str, Words]


@cache
def _spellings() -> tuple[_Spellings, dict[str, str]]:
    text = files("wirecoder.gazetteer").joinpath("spellings.toml").read_text(encoding="utf-8")
    rules = parse(text, "wirecoder.gazetteer: spellings.toml", _Spellings)
    words = {variant: main for main, variants in rules.words.items() for variant in variants}
    return rules, words


_LETTERS = (
    (re.compile(r"y"), "i"),
    (re.compile(r"ou"), "u"),
    (re.compile(r"ei"), "ai"),
    (re.compile(r"(.)\1+"), r"\1"),
    (re.compile(r"(?<=[aeiou])h$"), ""),
)
SPELLING_MIN = 5
"""Spelling keys shorter than this are not looked up: short names meet too many others."""


@lru_cache(maxsize=65536)
def spelling_key(key: str) -> str:
    """The looser key of a folded name (:func:`name_key`): the Arabic article written one way
    and dropped at the start, variant words folded, y as i, ei as ai, ou as u, doubled letters
    once, a final h after a vowel dropped. "Deir Al-Balah", "Dayr al Balah" and "Deir el-Balah"
    meet; so do "Andriivka" and "Andriyivka", "Krasnyi" and "Krasnyy"."""
    rules, variants = _spellings()
    words = key.split()
    folded: list[str] = []
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if word in rules.articles or (
            word in rules.assimilated and following.startswith(word[1:]) and len(following) > 2
        ):
            word = "al"
        word = variants.get(word, word)
        for pattern, replacement in _LETTERS:
            word = pattern.sub(replacement, word)
        folded.append(word)
    if len(folded) > 1 and folded[0] == "al":
        folded = folded[1:]  # "Al Hudaydah" is "Hudaydah"
    return " ".join(folded)


def same_spelling(own: str, key: str) -> bool:
    """Two folded names that spell one name word for word ("andriyivka", "andriivka"): the
    same spelling key and as many words (so "salt" does not spell "as salt")."""
    return (
        len(key) >= SPELLING_MIN
        and own.count(" ") == key.count(" ")
        and spelling_key(own) == spelling_key(key)
    )


_LATIN = re.compile(r"[\u0000-\u024f\u0300-\u036f\u1e00-\u1eff\u2018-\u201d\u02b9-\u02bc]+")


def is_latin(text: str) -> bool:
    """True for names written in Latin script (with accents), the ones English copy uses."""
    return _LATIN.fullmatch(text) is not None
