"""Shared fixtures: one spaCy model per test process, documents built from text, ../shared data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from wirecoder import Config, Document, Pipeline, get_stage, load_model
from wirecoder.schema import Article, Event, Place, Span, StageRef

if TYPE_CHECKING:
    from spacy.language import Language

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
def nlp() -> Language:
    return load_model(MODEL)


TEST_STAGE = StageRef(name="test", version="1")


def place_named(text: str, place_id: str, name: str, **fields: Any) -> Place:
    """A place made by hand for a stage test, with every mention of ``name`` in ``text``."""
    mentions = []
    start = text.find(name)
    while start >= 0:
        mentions.append(Span.of(text, start, start + len(name)))
        start = text.find(name, start + 1)
    assert mentions, name
    return Place(id=place_id, stage=TEST_STAGE, name=name, mentions=mentions, **fields)


Run = Callable[[Document], list[Event]]
"""The actors and events stages run on a parsed document, returning its events."""


@pytest.fixture(scope="session")
def run(nlp: Language) -> Run:
    """The actors and events stages, built once per test process."""
    actors = get_stage("actors.v1").build(nlp, {})
    events = get_stage("events.v1").build(nlp, {})

    def analyse(document: Document) -> list[Event]:
        actors(document)
        events(document)
        return document.events

    return analyse


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The default pipeline, built once per test process."""
    return Pipeline()


@pytest.fixture(scope="session")
def make_document(nlp: Language) -> Callable[..., Document]:
    """Build a parsed Document from text, for running single stages in tests."""

    def build(text: str, published: str | dt.date | None = "2023-04-07", **meta: Any) -> Document:
        article = Article.model_validate({"text": text, "published": published, **meta})
        return Document(article=article, doc=nlp(text))

    return build
