"""wirecoder: news reports about armed conflict into provenance-first events and claims.

The public API is what this module exports; everything in a ``_module`` is private.
"""

from __future__ import annotations

import datetime as dt

from ._config import Config
from ._document import Document
from ._errors import ConfigError, Failure, InputError, StoreError, WirecoderError
from ._pipeline import Pipeline, analyze_stream, load_model
from ._registry import NoSettings, Settings, StageSpec, check_order, get_stage, stage
from ._version import __version__
from .schema import Analysis, Article

_DEFAULT_PIPELINE: Pipeline | None = None


def analyze(
    text: str,
    *,
    published: dt.date | str | None = None,
    publisher: str | None = None,
    title: str | None = None,
    pipeline: Pipeline | None = None,
) -> Analysis:
    """Analyse one article's text; the default pipeline is built on first use and kept.

    ``published`` is a date or an ISO date string (1800-2199; "yesterday" or a number is not a
    date). Raises ``InputError`` for an input that cannot be analysed: text that is not a
    ``str`` (None, bytes, a number), no story text, a bad date, metadata that is not a string.
    A text of any length is analysed (a long one in windows, see ``Pipeline``).
    """
    global _DEFAULT_PIPELINE
    from .ingest import article_from_text

    article = article_from_text(text, published=published, publisher=publisher, title=title)
    if pipeline is None:
        if _DEFAULT_PIPELINE is None:
            _DEFAULT_PIPELINE = Pipeline()
        pipeline = _DEFAULT_PIPELINE
    return pipeline.analyze(article)


__all__ = [
    "Analysis",
    "Article",
    "Config",
    "ConfigError",
    "Document",
    "Failure",
    "InputError",
    "NoSettings",
    "Pipeline",
    "Settings",
    "StageSpec",
    "StoreError",
    "WirecoderError",
    "__version__",
    "analyze",
    "analyze_stream",
    "check_order",
    "get_stage",
    "load_model",
    "stage",
]
