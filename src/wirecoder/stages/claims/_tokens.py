"""Small readings of tokens that every part of attribution shares: the corrected lemma, where a
token ends, its paragraph and subtree, and whether it is a time modifier."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Token

from ._lexicon import LEMMA_FIXES

_BREAKS_KEY = "wirecoder.paragraph_breaks"


def lemma_of(token: Token) -> str:
    """The lowercased lemma, with the forms the small model lemmatizes wrongly put right."""
    return LEMMA_FIXES.get(token.lower_, token.lemma_.lower())


def end_char(token: Token) -> int:
    return token.idx + len(token.text)


def next_is(token: Token, text: str) -> bool:
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == text


def subtree_range(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


def paragraph(token: Token) -> tuple[int, int]:
    """Token range of the paragraph (text between line breaks) holding ``token``."""
    doc = token.doc
    breaks = doc.user_data.get(_BREAKS_KEY)
    if breaks is None:  # once per document: walking tokens for each cue cost a tenth of the stage
        breaks = doc.user_data[_BREAKS_KEY] = [t.i for t in doc if t.is_space and "\n" in t.text]
    before = bisect_left(breaks, token.i)
    after = bisect_right(breaks, token.i)
    start = breaks[before - 1] + 1 if before else 0
    return start, breaks[after] if after < len(breaks) else len(doc)


def is_time(token: Token) -> bool:
    """A time modifier: "Tuesday", "on Tuesday", "last week"."""
    if token.dep_ == "npadvmod" and token.ent_type_ in ("DATE", "TIME"):
        return True
    return token.dep_ == "prep" and any(
        c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in token.children
    )
