"""Readers that turn files, pages, feeds and JSONL into ``Article`` objects ready for analysis."""

from __future__ import annotations

from ._article import article_from_text, normalize_text, parse_published
from ._credits import parse_credit_line, split_names
from ._dateline import match_dateline

__all__ = [
    "article_from_text",
    "match_dateline",
    "normalize_text",
    "parse_credit_line",
    "parse_published",
    "split_names",
]
