"""Article metadata from sidecars, JSONL records, pages and feed entries, in one shape."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from .._errors import Failure, InputError
from ..schema import Article
from ._article import article_from_text, parse_timestamp
from ._credits import split_names

# Accepted spellings of each field; any other key is ignored.
_KEYS: dict[str, tuple[str, ...]] = {
    "published": ("published", "published_at", "date"),
    "publisher": ("publisher",),
    "title": ("title",),
    "url": ("url", "link"),
    "language": ("language", "lang"),
    "byline": ("byline", "author", "authors"),
}


@dataclasses.dataclass(frozen=True)
class Metadata:
    """What a source says about an article besides its text; None where it says nothing."""

    published: dt.date | dt.datetime | None = None
    publisher: str | None = None
    title: str | None = None
    url: str | None = None
    language: str | None = None
    byline: tuple[str, ...] = ()

    def overlaid(self, other: Metadata) -> Metadata:
        """These values, replaced by every value ``other`` gives."""
        given = {
            item.name: getattr(other, item.name)
            for item in dataclasses.fields(other)
            if getattr(other, item.name) not in (None, ())
        }
        return dataclasses.replace(self, **given)

    def article(self, text: str, source: str) -> Article:
        """The article of ``text`` with this metadata."""
        return article_from_text(
            text,
            published=self.published,
            publisher=self.publisher,
            title=self.title,
            source=source,
            url=self.url,
            language=self.language or "en",
            byline=self.byline,
        )


def metadata_from_mapping(record: Mapping[str, Any], source: str) -> Metadata:
    """Metadata from a JSON object; a known key with a value of the wrong type is an InputError."""
    values: dict[str, Any] = {}
    for field, keys in _KEYS.items():
        key = next((key for key in keys if record.get(key) not in (None, "", [])), None)
        if key is None:
            continue
        value = record[key]
        if field == "byline":
            values[field] = _names(value, key, source)
        elif not isinstance(value, str):
            raise InputError(source, f"'{key}' must be a string, not {type(value).__name__}")
        elif field == "published":
            values[field] = parse_timestamp(value, f"{source} ('{key}')")
        else:
            values[field] = value.strip()
    return Metadata(**values)


def _names(value: object, key: str, source: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(split_names(value))
    if isinstance(value, list) and all(isinstance(name, str) for name in value):
        return tuple(name.strip() for name in value if name.strip())
    raise InputError(source, f"'{key}' must be a string or a list of strings")


def with_overrides(article: Article, published: dt.date | None, publisher: str | None) -> Article:
    """Apply the caller's date (which wins) and publisher (which only fills a gap)."""
    update: dict[str, object] = {}
    if published is not None and published != article.published:
        update |= {"published": published, "published_at": None}
    if publisher and not article.publisher:
        update["publisher"] = publisher
    return article.model_copy(update=update) if update else article


def article_or_failure(build: Callable[[], Article], source: str) -> Article | Failure:
    """The article ``build`` makes, or the Failure it raised, so one bad item in a file fails
    alone."""
    try:
        return build()
    except InputError as error:
        return Failure(error.source, error.reason)
    except Exception as error:  # noqa: BLE001 - a reader's bug must not stop the run
        return Failure(source, f"could not be read ({type(error).__name__}: {error})")
