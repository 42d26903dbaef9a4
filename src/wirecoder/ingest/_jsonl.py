"""JSONL: one article per line, ``{"text": ..., "published": ..., ...}``; a bad line fails alone."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import partial

from .._errors import Failure, InputError
from ..schema import Article
from ._metadata import article_or_failure, metadata_from_mapping


def read_jsonl(document: str, source: str) -> Iterator[Article | Failure]:
    """An article or a failure per non-blank line, each named ``source:LINE``."""
    # Split on newlines only: JSON strings may hold U+2028 and other characters splitlines()
    # breaks on.
    for number, line in enumerate(document.split("\n"), start=1):
        if line.strip():
            yield article_or_failure(partial(_article, line, f"{source}:{number}"))


def _article(line: str, source: str) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(source, f"not JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(record, dict):
        raise InputError(source, f"not a JSON object but {type(record).__name__}")
    text = record.get("text")
    if text is None:
        raise InputError(source, "no 'text' field")
    if not isinstance(text, str):
        raise InputError(source, f"'text' must be a string, not {type(text).__name__}")
    return metadata_from_mapping(record, source).article(text, source)
