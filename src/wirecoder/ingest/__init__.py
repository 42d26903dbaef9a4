"""Readers that turn files, pages, feeds and JSONL into ``Article`` objects ready for analysis.

``read_inputs`` is the entry point for paths; ``article_from_text`` for text already in hand.
Both lift a wire dateline, byline and credit line out of the body into metadata.
"""

from __future__ import annotations

from ._article import (
    EARLIEST_DATE,
    LATEST_DATE,
    article_from_text,
    check_date,
    normalize_text,
    parse_published,
)
from ._credits import parse_credit_line, split_names
from ._dateline import match_dateline
from ._html import html_to_text
from ._read import read_inputs

__all__ = [
    "EARLIEST_DATE",
    "LATEST_DATE",
    "article_from_text",
    "check_date",
    "html_to_text",
    "match_dateline",
    "normalize_text",
    "parse_credit_line",
    "parse_published",
    "read_inputs",
    "split_names",
]
