"""Shared fixtures: one spaCy model per test process, documents built from text, ../shared data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from wirecoder import Config, Document, Pipeline, load_model
from wirecoder.schema import Article

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
MODEL = Config.default().model


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test cleanly when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not present: {path}")
    return path


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    return load_model(MODEL)


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The default pipeline, built once per test process."""
    return Pipeline()


@pytest.fixture(scope="session")
def make_document(nlp) -> Callable[..., Document]:  # type: ignore[no-untyped-def]
    """Build a parsed Document from text, for running single stages in tests."""

    def build(
        text: str, published: str | dt.date | None = "2023-04-07", **meta: object
    ) -> Document:
        article = Article(text=text, published=published, **meta)  # type: ignore[arg-type]
        return Document(article=article, doc=nlp(text))

    return build
