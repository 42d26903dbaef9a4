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
