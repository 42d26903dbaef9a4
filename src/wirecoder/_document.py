"""The working document the stages read and fill: the article, its parse, and the results."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .schema import (
    Actor,
    Analysis,
    Article,
    Claim,
    Event,
    Mention,
    PipelineInfo,
    Place,
    Span,
    TimeExpression,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan


_TEXT_KEY = "wirecoder.text"


def text_of(doc: Doc) -> str:
    """The parsed text, kept in the doc: ``Doc.text`` joins every token on each access."""
    text: str | None = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


@dataclass
class Document:
    """One article in the pipeline. Stages append to the lists they declare they assign."""

    article: Article
    doc: Doc
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def __post_init__(self) -> None:
        if len(self.doc) and self.doc[-1].idx + len(self.doc[-1].text_with_ws) == len(self.text):
            self.doc.user_data.setdefault(_TEXT_KEY, self.article.text)  # the doc is of this text

    @property
    def text(self) -> str:
        return self.article.text

    def span(self, start: int, end: int) -> Span:
        """A contract Span of the article text."""
        return Span.of(self.article.text, start, end)

    def span_of(self, tokens: SpacySpan) -> Span:
        """The contract Span covering a spaCy span."""
        return self.span(tokens.start_char, tokens.end_char)

    def to_analysis(self, info: PipelineInfo) -> Analysis:
        return Analysis(
            article=self.article,
            pipeline=info,
            mentions=self.mentions,
            places=self.places,
            times=self.times,
            actors=self.actors,
            claims=self.claims,
            events=self.events,
        )
