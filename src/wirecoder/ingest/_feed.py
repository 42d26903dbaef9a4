"""RSS and Atom feeds with full-text entries: one article per entry."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import time
from collections.abc import Iterator
from functools import partial
from typing import Any

from .._errors import Failure, InputError
from ..schema import Article
from ._article import clean_field
from ._decode import warn
from ._html import html_to_text
from ._metadata import Metadata, article_or_failure

_CHARACTER_REFERENCE = re.compile(r"&#(?:[xX](?P<hex>[0-9a-fA-F]+)|(?P<dec>[0-9]+));")
_NOT_A_CHARACTER = "&#65533;"


def _code_point(reference: re.Match[str]) -> str:
    """A numeric character reference as written, or one to U+FFFD where it names no character
    (a surrogate, NUL, or past U+10FFFF): feedparser fails on the whole feed at ``&#55296;``."""
    hex_digits, digits = reference["hex"], reference["dec"]
    if len(hex_digits or digits) > 8:
        return _NOT_A_CHARACTER
    value = int(hex_digits, 16) if hex_digits else int(digits)
    if value == 0 or 0xD800 <= value <= 0xDFFF or value > 0x10FFFF:
        return _NOT_A_CHARACTER
    return reference[0]


def read_feed(document: str, source: str) -> Iterator[Article | Failure]:
    """Each entry's fullest text (content, else summary) as an article named ``source#N``.

    A feed that is not well-formed XML but still gives entries is read, with a warning."""
    import feedparser

    try:
        parsed = feedparser.parse(_CHARACTER_REFERENCE.sub(_code_point, document))
    except Exception as error:  # noqa: BLE001 - feedparser raises more than its documented errors
        raise InputError(
            source, f"cannot parse the feed ({type(error).__name__}: {error})"
        ) from None
    if not parsed.entries:
        if parsed.bozo:
            raise InputError(source, f"malformed feed XML: {parsed.bozo_exception}")
        raise InputError(source, "feed has no entries")
    if parsed.bozo:
        warn(
            source,
            f"malformed feed XML ({parsed.bozo_exception}); read {len(parsed.entries)} "
            f"entr{'y' if len(parsed.entries) == 1 else 'ies'} with a lenient parser, check them",
        )
    channel = parsed.feed
    for number, entry in enumerate(parsed.entries, start=1):
        item = f"{source}#{number}"
        yield article_or_failure(partial(_entry_article, entry, item, channel), item)


def _entry_article(entry: Any, source: str, channel: Any) -> Article:
    """One entry as an article; the feed's title is the publisher when nothing names one."""
    text = _entry_text(entry)
    if not text.strip():
        raise InputError(source, "feed entry has no text")
    metadata = Metadata(
        published=_timestamp(entry.get("published_parsed") or entry.get("updated_parsed"), source),
        title=entry.get("title") or None,
        url=entry.get("link") or None,
        language=_language(entry.get("language") or channel.get("language")),
        byline=tuple(author["name"] for author in entry.get("authors", []) if author.get("name")),
    )
    article = metadata.article(text, source)
    if not article.publisher and (publisher := clean_field(channel.get("title"), source, "title")):
        article = article.model_copy(update={"publisher": publisher})
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


def _timestamp(parsed: time.struct_time | None, source: str) -> dt.datetime | None:
    """feedparser's UTC time tuple as an aware datetime."""
    if parsed is None:
        return None
    try:
        return dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.UTC)
    except (OverflowError, OSError, ValueError):
        raise InputError(
            source, f"the entry's date {time.asctime(parsed)!r} is out of range"
        ) from None


def _language(code: str | None) -> str | None:
    """The primary language subtag, e.g. ``en`` of ``en-gb``."""
    if not code:
        return None
    return code.split("-")[0].strip().lower() or None
