"""Shared building blocks of the output contract: spans and stage provenance."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Model(BaseModel):
    """Base of every contract model: unknown fields are errors, so typos never pass silently."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Span(Model):
    """A half-open character range ``[start, end)`` in ``Article.text``, with the text it covers."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        return self

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span ``[start, end)`` of ``text``."""
        return cls(start=start, end=end, text=text[start:end])


class StageRef(Model):
    """Which registered stage (name and version) produced an item."""

    name: str
    version: str

    def __str__(self) -> str:
        return f"{self.name}.v{self.version}"


class Extracted(Model):
    """An item taken from the text: it always says where it was found and by which stage."""

    id: str = Field(description="Identifier unique within one analysis, e.g. 'P3' or 'C1'.")
    stage: StageRef
