"""Name keys: the folded form under which every name is stored and looked up."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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


_LATIN = re.compile(r"[\u0000-\u024f\u0300-\u036f\u1e00-\u1eff\u2018-\u201d\u02b9-\u02bc]+")


def is_latin(text: str) -> bool:
    """True for names written in Latin script (with accents), the ones English copy uses."""
    return _LATIN.fullmatch(text) is not None
