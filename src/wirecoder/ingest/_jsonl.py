"""JSONL: one article per line, ``{"text": ..., "published": ..., ...}``; a bad line fails alone."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import partial

from .._errors import Failure, InputError
from ..schema import Article
from ._metadata import article_or_failure, metadata_from_mapping


def load_json(text: str | bytes, source: str, what: str = "not JSON") -> object:
    """``text`` parsed as JSON; InputError (``what`` and why) for invalid JSON, for numbers of
    more digits than Python converts (over 4,300), and for nesting deeper than the interpreter's
    stack."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(source, f"{what} ({error.msg} at column {error.colno})") from None
    except UnicodeDecodeError as error:
        raise InputError(source, f"{what} ({error.reason} at byte {error.start})") from None
    except RecursionError:
        raise InputError(source, f"{what} (nested too deeply to read)") from None
    except ValueError as error:  # "Exceeds the limit (4300 digits) for integer string conversion"
        raise InputError(source, f"{what} ({str(error).split(':')[0]})") from None


def read_jsonl(document: str, source: str) -> Iterator[Article | Failure]:
    """An article or a failure per non-blank line, each named ``source:LINE``."""
    # Split on newlines only: JSON strings may hold U+2028 and other characters splitlines()
    # breaks on.
    for number, line in enumerate(document.split("\n"), start=1):
        if line.strip():
            item = f"{source}:{number}"
            yield article_or_failure(partial(_article, line, item), item)


def _article(line: str, source: str) -> Article:
    record = load_json(line, source)
    if not isinstance(record, dict):
        raise InputError(source, f"not a JSON object but {type(record).__name__}")
    text = record.get("text")
    if text is None:
        raise InputError(source, "no 'text' field")
    if not isinstance(text, str):
        raise InputError(source, f"'text' must be a string, not {type(text).__name__}")
    return metadata_from_mapping(record, source).article(text, source)
