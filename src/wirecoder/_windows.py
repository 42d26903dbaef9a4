"""Long texts in bounded pieces: cut at paragraph (else sentence, else word) breaks, analysed one
window at a time, and the windows' analyses merged into one analysis of the whole text.

A window is analysed as an article of its own (same metadata), so every stage's cost is bounded
by the window, whatever it does across a document, and a text of any length costs time linear in
its length. The merged analysis is the one a reader expects of the whole text: every span is
shifted to the whole text, ids are renumbered across windows (``P1``, ``P2`` ... in text order),
and a place or actor found in several windows is one item with the mentions of all of them.
What a stage links across a window boundary (a pronoun whose name is in the window before) is
not linked; windows are long enough (the ``window_chars`` of the config) that articles are
analysed whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel

from .schema import Actor, Analysis, Article, Mention, PipelineInfo, Place, Span

_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)\]]*\s+")
_WORD_BREAK = re.compile(r"\s+")
_LOCAL_ID = re.compile(r"(?P<prefix>[A-Za-z]+)\d+")
"""An id an analysis numbers itself (``P3``, ``C12``); any other id (``rus.mil``, a catalog
key) names the same thing in every window."""

Item = TypeVar("Item", bound=BaseModel)


def windows(text: str, size: int) -> list[tuple[int, int]]:
    """``[start, end)`` ranges that cover ``text`` in order, each at most ``size`` characters:
    cut after the last paragraph break in the second half of the window, else after the last
    sentence end, else at the last space, else at ``size``."""
    ranges: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        end = _cut(text, start + size // 2, start + size) or start + size
        ranges.append((start, end))
        start = end
    ranges.append((start, len(text)))
    return ranges


def _cut(text: str, low: int, high: int) -> int | None:
    """Where to end a window that must end in ``[low, high]``: after the last break found."""
    for pattern in (_PARAGRAPH_BREAK, _SENTENCE_BREAK, _WORD_BREAK):
        last = None
        for found in pattern.finditer(text, low, high):
            last = found
        if last is not None:
            return last.end()
    return None


def window_article(article: Article, start: int, end: int) -> Article:
    """The article with only ``text[start:end]`` as its text (the metadata unchanged)."""
    return article.model_copy(update={"text": article.text[start:end]})


@dataclass
class _Merged:
    """The analysis of the whole text, filled window by window."""

    mentions: list[Mention] = field(default_factory=list)
    lists: dict[str, list[Any]] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=dict)
    found: dict[tuple[object, ...], Place | Actor] = field(default_factory=dict)
    """Each place and actor by what makes it the same in another window."""


_EXTRACTED = ("places", "times", "actors", "claims", "events")


def merge(article: Article, info: PipelineInfo, parts: Sequence[tuple[int, Analysis]]) -> Analysis:
    """One analysis of ``article`` from the analyses of its windows, each with the offset of its
    window in the article's text."""
    merged = _Merged()
    for offset, part in parts:
        ids, joined = _renumber(part, merged)
        rewrite = _Rewriter(offset, ids)
        merged.mentions += [rewrite(mention) for mention in part.mentions]
        for name in _EXTRACTED:
            items = merged.lists.setdefault(name, [])
            for item in getattr(part, name):
                new = rewrite(item)
                if item.id in joined:
                    _add_mentions(joined[item.id], new)
                    continue
                items.append(new)
                if (key := _identity(new)) is not None:
                    merged.found.setdefault(key, new)
    return Analysis(
        article=article,
        pipeline=info,
        mentions=merged.mentions,
        **{name: merged.lists.get(name, []) for name in _EXTRACTED},
    )


def _renumber(part: Analysis, merged: _Merged) -> tuple[dict[str, str], dict[str, Any]]:
    """The merged id of each item of ``part`` (that of the same place or actor found in an
    earlier window, else the next number of its prefix), and the items of ``part`` that join
    one of an earlier window, with it. Relative places come last: they are the same when their
    anchors are."""
    ids: dict[str, str] = {}
    joined: dict[str, Any] = {}
    items = [item for name in _EXTRACTED for item in getattr(part, name)]
    relative = [item for item in items if isinstance(item, Place) and item.relative is not None]
    for item in [item for item in items if item not in relative] + relative:
        key = _identity(item, ids)
        if key is not None and key in merged.found:
            joined[item.id] = earlier = merged.found[key]
            ids[item.id] = earlier.id
        else:
            ids[item.id] = _next_id(item.id, merged.counters)
    return ids, joined


def _next_id(old: str, counters: dict[str, int]) -> str:
    match = _LOCAL_ID.fullmatch(old)
    if match is None:
        return old  # a catalog key: the same in every window
    prefix = match["prefix"]
    counters[prefix] = counters.get(prefix, 0) + 1
    return f"{prefix}{counters[prefix]}"


def _identity(item: BaseModel, ids: dict[str, str] | None = None) -> tuple[object, ...] | None:
    """What makes a place or actor of one window the same as one of another (``ids``: the
    merged ids of the window's items, for the anchors of a relative place); None for the items
    every window numbers afresh (times, claims, events)."""
    if isinstance(item, Place):
        if (relative := item.relative) is not None:
            anchors: tuple[str | None, ...] = (relative.anchor_id, relative.between_id)
            if ids is not None:
                anchors = tuple(ids.get(anchor or "", anchor) for anchor in anchors)
            where = (relative.direction, relative.distance_km)
            return ("relative", item.name.casefold(), item.role, *anchors, *where)
        known = item.geonames_id if item.geonames_id is not None else item.supplement_id
        if known is not None:
            return ("place", known, item.role)
        return ("place", item.name.casefold(), item.role, item.feature)
    if isinstance(item, Actor):
        if _LOCAL_ID.fullmatch(item.id) is None:
            return ("actor", item.id)
        return ("actor", item.name.casefold(), item.kind, item.country, item.sector, item.side)
    return None


def _add_mentions(earlier: Any, later: Place | Actor) -> None:
    earlier.mentions.extend(later.mentions)
    if isinstance(earlier, Place) and isinstance(later, Place):
        earlier.candidates = max(earlier.candidates, later.candidates)


class _Rewriter:
    """Copies of a window's items with spans shifted into the whole text and ids renumbered."""

    def __init__(self, offset: int, ids: dict[str, str]) -> None:
        self.offset = offset
        self.ids = ids

    def __call__(self, item: Item) -> Item:
        rewritten: Item = self._value(item, "")
        return rewritten

    def _value(self, value: Any, name: str) -> Any:
        if isinstance(value, Span):
            return value.model_copy(
                update={"start": value.start + self.offset, "end": value.end + self.offset}
            )
        if isinstance(value, BaseModel):
            update = {
                key: self._value(getattr(value, key), key) for key in type(value).model_fields
            }
            return value.model_copy(update=update)
        if isinstance(value, list):
            return [self._value(element, name) for element in value]
        if isinstance(value, str) and _is_reference(name):
            return self.ids.get(value, value)
        return value


def _is_reference(name: str) -> bool:
    """An id field (``id``, ``place_id``, ``claim_ids`` ...): a value naming an item of the
    window is renumbered (``geonames_id`` is a number, ``supplement_id`` never an item's id)."""
    return name == "id" or name.endswith(("_id", "_ids"))
