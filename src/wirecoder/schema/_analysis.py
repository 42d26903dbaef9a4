"""The analysis of one article: everything the pipeline found, in one document."""

from __future__ import annotations

from pydantic import Field

from ._article import Article
from ._base import Model, Span, StageRef
from ._claims import Claim
from ._events import Actor, Event
from ._places import Place
from ._times import TimeExpression

SCHEMA_VERSION = "1"


class Mention(Model):
    """A named entity from the parse, kept as evidence for the stages."""

    span: Span
    label: str


class PipelineInfo(Model):
    """What produced an analysis: the spaCy model and the stages, with versions."""

    model: str
    model_version: str
    stages: list[StageRef]
    wirecoder_version: str


class Analysis(Model):
    """One article with its mentions, places, times, actors, claims and events."""

    schema_version: str = SCHEMA_VERSION
    article: Article
    pipeline: PipelineInfo
    mentions: list[Mention] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    times: list[TimeExpression] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
