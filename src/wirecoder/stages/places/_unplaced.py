"""Names that hold a place name without naming a place: a ship ("USS Laboon", "the Moskva
cruiser", "the frigate Admiral Essen") and an outlet ("Dubai Al Mashhad television", "Saba news
agency", "the Kyiv Independent"). Nothing inside them becomes a place.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from ...gazetteer import name_key
from ._lexicon import (
    CONNECTORS,
    NEWS_WORDS,
    OUTLET_MODIFIERS,
    OUTLET_NOUNS,
    OUTLETS,
    VESSEL_NOUNS,
    VESSEL_PREFIXES,
)

_RUN = 6
"""How far a name's run of capitalised words is followed either side."""
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL"})
_COMPOUND_HOPS = 2
"""How many compound words may stand between a ship's name and its noun ("landing ship")."""


def _vessel_noun(token: Token) -> bool:
    return token.lemma_.lower() in VESSEL_NOUNS or token.lower_ in VESSEL_NOUNS


def ship_name(span: Span) -> bool:
    """The name of a ship: after a ship prefix ("USS Laboon"), a modifier of a vessel noun
    ("the Novocherkassk landing ship", "the Moskva cruiser"), or named right after one ("the
    frigate Admiral Essen", "the tanker Sounion"); not "the ship Russia sent"."""
    doc = span.doc
    start = _run(span)[0]  # "the frigate Admiral Essen": the name is the whole run
    if any(token.text in VESSEL_PREFIXES for token in doc[max(0, start - 1) : span.start + 1]):
        return True
    head, root = span.root, span.root
    for _ in range(_COMPOUND_HOPS):
        if head.dep_ not in ("compound", "amod") or head.head.i < span.end:
            break
        head = head.head
        if _vessel_noun(head):
            return True
    if start == 0:
        return False
    before = doc[start - 1]
    if not _vessel_noun(before) or before.tag_ not in ("NN", "JJ", "NNP"):
        return False
    return start <= before.head.i < span.end or (
        root.head.i == before.i and root.dep_ in ("appos", "compound")
    )


def _run(span: Span) -> tuple[int, int]:
    """The run of capitalised words (and joining words inside it) that the name stands in."""
    doc = span.doc
    start, end = span.start, span.end
    while start > max(0, span.start - _RUN) and _name_word(doc[start - 1]):
        start -= 1
    while end < min(len(doc), span.end + _RUN) and _name_word(doc[end]):
        end += 1
    while end > span.end and doc[end - 1].lower_ in CONNECTORS:
        end -= 1
    while start < span.start and (doc[start].is_stop or doc[start].ent_type_ in _NOT_NAMES):
        start += 1  # "On Tuesday Iran TV said": the run is "Iran"
    return start, end


def _name_word(token: Token) -> bool:
    return (token.text[:1].isupper() and token.is_alpha) or (
        token.lower_ in CONNECTORS and token.lower_ != "the"
    )


def outlet_name(span: Span, is_place: Callable[[str], bool]) -> bool:
    """Inside an outlet's name: the name's run of capitalised words is a known outlet ("the
    Kyiv Independent"), or is followed by an outlet noun ("television", "TV", "news agency")
    and is no place itself ("Dubai Al Mashhad television"), or is followed by "news" or
    "agency" ("Saba news agency"). "Iran state TV" keeps Iran: the run is a place."""
    doc = span.doc
    start, end = _run(span)
    if any(
        name_key(doc[first:last].text) in OUTLETS
        for first in range(start, span.start + 1)
        for last in range(span.end, end + 1)
    ):
        return True
    index = end
    words: list[str] = []
    while index < min(len(doc), end + 3) and doc[index].lower_ in OUTLET_MODIFIERS:
        words.append(doc[index].lower_)
        index += 1
    if index >= len(doc) or doc[index].lower_ not in OUTLET_NOUNS:
        return False
    words.append(doc[index].lower_)
    if set(words) & NEWS_WORDS:
        return True
    names = [token for token in doc[start:end] if token.lower_ not in CONNECTORS]
    return len(names) > 1 and not is_place(doc[start:end].text)
