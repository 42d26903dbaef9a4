"""The gold of a multi-outlet corpus folder (``gold.toml``) and the alignment of stored event
mentions to it.

The gold names each real-world event (its first-hand origins, the sources contesting it, its
toll range and the look-alike events it must stay apart from) and, per article, the event the
report is about, the sentences about other events and the background sentences that are no event
of the corpus. A stored event mention takes the label of the quote its trigger falls in, else the
article's event.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .._errors import InputError

BACKGROUND = "background"
"""The label of a sentence that tells no event of the corpus: each mention in one is its own
gold cluster (a running total or a past attack folded into an event is a wrong merge)."""
ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".html", ".htm"})


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GoldEvent(_Strict):
    """One real-world event of the corpus."""

    id: str
    what: str
    date: dt.date
    place: str
    type: str = "ASSAULT"
    origins: tuple[str, ...] = Field(description="Canonical first-hand sources vouching for it.")
    contesting: tuple[str, ...] = ()
    killed: tuple[int, int] | None = None
    injured: tuple[int, int] | None = None
    look_alikes: tuple[str, ...] = ()


class GoldArticle(_Strict):
    """One report: its event, sentences about other events, and background sentences."""

    file: str
    event: str
    spans: dict[str, str] = Field(default_factory=dict)
    background: tuple[str, ...] = ()


class GoldCorpus(_Strict):
    """The gold file of a corpus folder."""

    event: tuple[GoldEvent, ...]
    article: tuple[GoldArticle, ...]

    @property
    def events(self) -> dict[str, GoldEvent]:
        return {event.id: event for event in self.event}

    def look_alike_pairs(self) -> set[frozenset[str]]:
        """Pairs of events declared look-alikes (either way round)."""
        return {frozenset((e.id, other)) for e in self.event for other in e.look_alikes}


def read_gold(folder: Path) -> GoldCorpus:
    """``folder/gold.toml``, checked: known event ids, existing files, every article covered."""
    path = folder / "gold.toml"
    try:
        gold = GoldCorpus.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        raise InputError(str(path), "no gold.toml in the corpus folder") from None
    except (tomllib.TOMLDecodeError, ValidationError) as error:
        raise InputError(str(path), str(error)) from None
    problems = list(_problems(folder, gold))
    if problems:
        raise InputError(str(path), "; ".join(problems))
    return gold


def _problems(folder: Path, gold: GoldCorpus) -> Iterable[str]:
    events = gold.events
    if len(events) != len(gold.event):
        yield "an event id is listed twice"
    for event in gold.event:
        yield from (
            f"{event.id}: unknown look-alike {o}" for o in event.look_alikes if o not in events
        )
    listed = set()
    for article in gold.article:
        listed.add(article.file)
        if not (folder / article.file).is_file():
            yield f"{article.file}: no such file"
        for label in [article.event, *article.spans.values()]:
            if label not in events:
                yield f"{article.file}: unknown event {label}"
    on_disk = {
        str(path.relative_to(folder))
        for path in folder.rglob("*")
        if path.suffix.lower() in ARTICLE_SUFFIXES and not path.name.startswith(".")
    }
    for missing in sorted(on_disk - listed):
        yield f"{missing}: an article without gold"


@dataclass(frozen=True)
class Mention:
    """One stored event mention, where it stands in its article."""

    article: str
    """The gold article's file."""
    local_id: str
    position: int
    type: str
    cluster: int | None


def label_of(article: GoldArticle, text: str, position: int) -> str | None:
    """The gold label of a trigger at ``position`` of the article ``text``: the event of the quote
    it falls in, ``BACKGROUND`` in a background quote, else the article's event."""
    for quote, event in article.spans.items():
        if _inside(text, quote, position):
            return event
    if any(_inside(text, quote, position) for quote in article.background):
        return BACKGROUND
    return article.event


def unaligned_quotes(article: GoldArticle, text: str) -> list[str]:
    """Quotes of the gold that the article as read does not contain (a gold or reader problem)."""
    return [quote for quote in [*article.spans, *article.background] if quote not in text]


def _inside(text: str, quote: str, position: int) -> bool:
    start = text.find(quote)
    while start >= 0:
        if start <= position < start + len(quote):
            return True
        start = text.find(quote, start + 1)
    return False
