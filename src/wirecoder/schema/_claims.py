"""Claims: who said what, through whom, and how sure."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ._base import Extracted, Model, Span

SourceKind = Literal[
    "government",
    "military",
    "official",
    "intelligence",
    "news_agency",
    "media",
    "expert",
    "witness",
    "organization",
    "person",
    "anonymous",
    "publisher",
]

Stance = Literal["asserted", "denied", "negated", "forecast", "hypothetical"]

DENYING_STANCES: frozenset[Stance] = frozenset({"denied", "negated"})
"""Stances that say an event did not happen."""

SPECULATIVE_STANCES: frozenset[Stance] = frozenset({"forecast", "hypothetical"})
"""Stances that say an event may happen, not that it did."""
VerbStrength = Literal["neutral", "weak", "strong"]
"""``said`` is neutral; ``claimed``/``alleged`` weaken; ``confirmed``/``acknowledged``
strengthen."""

CertaintyScale = Literal["PHIA", "ICD203", "none"]
ChainRole = Literal["publisher", "outlet", "agency", "intermediary", "originator"]


class Certainty(Model):
    """Estimative language: the literal phrase, its yardstick and probability range."""

    phrase: str
    span: Span
    scale: CertaintyScale
    label: str = Field(description="The yardstick's term, e.g. 'highly likely'.")
    low: float = Field(ge=0, le=1)
    high: float = Field(ge=0, le=1)


class ChainLink(Model):
    """One link of a source chain, from the publisher inwards to the originator."""

    name: str
    role: ChainRole
    actor_id: str | None = None
    span: Span | None = None
    cue: Span | None = None


class Source(Model):
    """Who a claim is attributed to, as written and as resolved."""

    name: str = Field(description="Resolved name, e.g. 'Volodymyr Zelenskiy' for 'he'.")
    span: Span | None = Field(
        default=None, description="The source as written, None for the publisher."
    )
    kind: SourceKind
    actor_id: str | None = None
    country: str | None = Field(default=None, description="ISO 3166 alpha-3.")
    side: str | None = Field(
        default=None, description="Party to the conflict the source speaks for."
    )
    resolved_from: Span | None = Field(
        default=None, description="The named antecedent when the source is a pronoun or role."
    )


class Claim(Extracted):
    """A statement resting on someone's word (or the reporter's own, with the publisher as source)."""  # noqa: E501 - the docstring is the JSON Schema's description, kept word for word

    source: Source
    cue: Span | None = Field(
        default=None, description="The reporting cue: said, told, according to ..."
    )
    content: list[Span]
    chain: list[ChainLink] = Field(
        default_factory=list, description="Publisher first, originator last."
    )
    certainty: list[Certainty] = Field(default_factory=list)
    stance: Stance = "asserted"
    verb_strength: VerbStrength = "neutral"
    direct_quote: bool = False
    attributed: bool = Field(default=True, description="False for the reporter's own voice.")

    @property
    def originator(self) -> ChainLink | None:
        """The first-hand source: the innermost link of the chain."""
        return self.chain[-1] if self.chain else None
