"""The output contract: the checked-in JSON Schema matches the models, and spans are sound."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from wirecoder.schema import Article, Span, json_schema_text

CHECKED_IN = Path(__file__).resolve().parents[1] / "schema" / "analysis.schema.json"


def test_checked_in_schema_matches_the_models() -> None:
    assert CHECKED_IN.read_text(encoding="utf-8") == json_schema_text(), (
        "schema/analysis.schema.json is stale: run `make schema`"
    )


def test_span_of_takes_the_covered_text() -> None:
    span = Span.of("Shelling hit Kherson overnight.", 13, 20)
    assert (span.start, span.end, span.text) == (13, 20, "Kherson")


def test_span_refuses_end_before_start() -> None:
    with pytest.raises(ValidationError, match="before start"):
        Span(start=5, end=2, text="")


def test_unknown_fields_are_refused() -> None:
    with pytest.raises(ValidationError):
        Article(text="x", headline="typo for title")  # type: ignore[call-arg]


def test_content_hash_ignores_whitespace_layout() -> None:
    one = Article(text="Troops withdrew from the village.\n\nOfficials said.")
    two = Article(text="Troops  withdrew from the village. Officials said.")
    assert one.content_hash == two.content_hash
    assert one.content_hash != Article(text="Troops held the village.").content_hash


def test_an_article_reads_back_from_its_own_json() -> None:
    article = Article(
        text="Drones struck a depot near Sumy, officials said.", publisher="Example Wire"
    )
    assert Article.model_validate_json(article.model_dump_json()) == article


def test_an_article_whose_text_no_longer_matches_its_hash_is_refused() -> None:
    dumped = Article(text="Drones struck a depot near Sumy.").model_dump()
    dumped["text"] = "Drones struck a depot near Kharkiv."
    with pytest.raises(ValidationError, match="content_hash"):
        Article.model_validate(dumped)
