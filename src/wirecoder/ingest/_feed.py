"""RSS and Atom feeds with full-text entries: one article per entry."""

from __future__ import annotations

import calendar
import datetime as dt
import time
from collections.abc import Iterator
from functools import partial
from typing import Any

from .._errors import Failure, InputError
from ..schema import Article
from ._html import html_to_text
from ._metadata import Metadata, article_or_failure


def read_feed(document: str, source: str) -> Iterator[Article | Failure]:
    """Each entry's fullest text (content, else summary) as an article named ``source#N``."""
    import feedparser

    parsed = feedparser.parse(document)
    if not parsed.entries:
        if parsed.bozo:
            raise InputError(source, f"malformed feed XML: {parsed.bozo_exception}")
        raise InputError(source, "feed has no entries")
    channel = parsed.feed
    for number, entry in enumerate(parsed.entries, start=1):
        yield article_or_failure(partial(_entry_article, entry, f"{source}#{number}", channel))


def _entry_article(entry: Any, source: str, channel: Any) -> Article:
    """One entry as an article; the feed's title is the publisher when nothing names one."""
    text = _entry_text(entry)
    if not text.strip():
        raise InputError(source, "feed entry has no text")
    metadata = Metadata(
        published=_timestamp(entry.get("published_parsed") or entry.get("updated_parsed")),
        title=entry.get("title") or None,
        url=entry.get("link") or None,
        language=_language(entry.get("language") or channel.get("language")),
        byline=tuple(author["name"] for author in entry.get("authors", []) if author.get("name")),
    )
    article = metadata.article(text, source)
    if not article.publisher and channel.get("title"):
        article = article.model_copy(update={"publisher": channel["title"]})
    return article


def _entry_text(entry: Any) -> str:
    """The longest of the entry's contents and summary, as plain text."""
    candidates = [*entry.get("content", []), entry.get("summary_detail") or {}]
    texts = [
        html_to_text(item["value"]) if "html" in item.get("type", "") else item["value"]
        for item in candidates
        if item.get("value")
    ]
    return max(texts, key=len, default="")


def _timestamp(parsed: time.struct_time | None) -> dt.datetime | None:
    """feedparser's UTC time tuple as an aware datetime."""
    if parsed is None:
        return None
    return dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.UTC)


def _language(code: str | None) -> str | None:
    """The primary language subtag, e.g. ``en`` of ``en-gb``."""
    if not code:
        return None
    return code.split("-")[0].strip().lower() or None
