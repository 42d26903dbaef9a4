"""Quotations and content spans, on the characters: the parser does not see a quotation as a
unit, so content is cut from token ranges and then snapped to the quotation marks around it."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..._document import text_of
from ._lexicon import CUES
from ._tokens import end_char, paragraph

Quotes = list[tuple[int, int]]
"""``[start, end)`` characters of each quotation of a text, marks included."""

_QUOTE_MARK = re.compile(r"''|``|[“”\"]")
EDGE_PUNCT = frozenset(",;:-–—()[]")
"""Punctuation left out at the edges of a source or content span."""


def quotation_regions(text: str) -> Quotes:
    """``[start, end)`` of each quotation, marks included (“ ”, straight double quotes and the
    '' `` pairs of some wire feeds); a quotation left open ends at its paragraph's end."""
    regions: Quotes = []
    start: int | None = None
    for match in _QUOTE_MARK.finditer(text):
        mark = match.group()
        if start is not None and "\n\n" in text[start : match.start()]:
            start = None  # a quotation left open runs on in the next paragraph's opening mark
        if start is None and mark not in ("”",):
            start = match.start()
        elif start is not None and mark not in ("“", "``"):
            regions.append((start, match.end()))
            start = None
    return regions


def in_quotes(span: tuple[int, int], quotes: Quotes) -> bool:
    return any(q[0] <= span[0] < q[1] for q in quotes)


def content_in_paragraph(
    doc: Doc, start: int, end: int, quotes: Quotes, anchor: Token
) -> list[tuple[int, int]]:
    """The content of tokens ``[start, end)`` within ``anchor``'s paragraph, as one span
    snapped to the quotation marks around it (a quotation is one span however many sentences)."""
    first, last = paragraph(anchor)
    span = content_span(doc, max(start, first), min(end, last), quotes)
    return [span] if span is not None else []


def content_span(doc: Doc, start: int, end: int, quotes: Quotes) -> tuple[int, int] | None:
    """Characters of tokens ``[start, end)`` without edge punctuation, snapped to quote marks."""
    while start < end and (
        doc[start].text in EDGE_PUNCT
        or doc[start].lower_ in CUES.content_openers
        or doc[start].is_space
        or doc[start].is_quote
        and any(doc[start].idx == q[1] - 1 for q in quotes)
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"
    ):
        end -= 1
    if start >= end:
        return None
    first, last = doc[start].idx, end_char(doc[end - 1])
    if text_of(doc)[last - 1] == "." and doc[end - 1].is_sent_end is not False:
        last -= 1  # "in the U.S." ends a sentence: its full stop is not content
    return _snapped(text_of(doc), first, last, quotes)


def _snapped(text: str, first: int, last: int, quotes: Quotes) -> tuple[int, int]:
    """A span widened to the marks of a quotation it opens or closes, or lies within."""
    for region_start, region_end in quotes:
        inside = region_start <= first and last <= region_end
        opens = region_start <= first < region_end and _only_punct(text[region_start:first])
        closes = region_start < last <= region_end and _only_punct(text[last:region_end])
        if opens or closes and inside:
            first = region_start
        if closes or opens and inside:
            last = region_end
    return first, last


def _only_punct(text: str) -> bool:
    return all(not char.isalnum() for char in text)


def quotation_before(doc: Doc, clause_start: int, quotes: Quotes) -> list[tuple[int, int]]:
    """The quotation that an attribution follows ("'... no?' Freddy Ortega said."), when the
    parser put the two in separate sentences."""
    for region_start, region_end in quotes:
        gap = text_of(doc)[region_end:clause_start]
        if region_end <= clause_start and not gap.strip(" ,") and "\n" not in gap:
            return [(region_start, region_end)]
    return []
