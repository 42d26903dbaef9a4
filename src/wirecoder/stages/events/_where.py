"""Where an event happened, from the places stage's locations.

The place is the most precise location in the trigger's clause, else the place its "the town"
stands for, else the nearest in the sentence; a state's authorities coercing at home with no
place in the sentence are in that state; else the last place of the paragraph. A meeting in one
side's capital is a visit by the other.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..._document import Document
from ...actors import catalog, fold
from ...schema import Participant, Place, PloverType, WherePrecision
from ..places import ANAPHORS, antecedent
from ._clauses import clause_root
from ._lexicon import CUES
from ._names import state_named

_AUTHORITIES = frozenset({"GOV", "COP", "JUD", "SPY", "LEG"})
"""Sectors that act at home: government, police, courts, security services, legislature."""
_VISITED = (None, "capital", "city")
"""Features of a place that can be a side's capital."""


@dataclass(frozen=True)
class _PlaceMention:
    place: Place
    start: int
    token: int


class Places:
    """The document's locations, by where they are mentioned."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.mentions = self._place_mentions()
        self.tokens = {mention.token for mention in self.mentions}
        """The token indices of the places' mentions."""

    def _place_mentions(self) -> list[_PlaceMention]:
        mentions: list[_PlaceMention] = []
        between = [p.mentions[0] for p in self.document.places if p.feature == "between"]
        speakers = [c.source.span for c in self.document.claims if c.source.span is not None]
        for place in self.document.places:
            if place.role != "location":
                continue
            for span in place.mentions:
                if place.feature != "between" and any(
                    b.start <= span.start < b.end for b in between
                ):
                    continue  # "between Bakhmut and Soledar" is where it is, not Bakhmut
                if any(s.start <= span.start < s.end for s in speakers):
                    continue  # "the governor of Donetsk region said": where the speaker serves
                tokens = self.document.doc.char_span(span.start, span.end, alignment_mode="expand")
                if tokens is not None:
                    mentions.append(_PlaceMention(place, span.start, tokens.root.i))
        return sorted(mentions, key=lambda m: m.start)

    def located(
        self, sentence: SpacySpan, head: Token, home: Place | None = None
    ) -> tuple[Place | None, WherePrecision | None]:
        """The place and the UCDP where-precision the event gets from it: a place only named
        earlier in the paragraph is "near" (2) at best; one the clause calls "the town" is the
        town; with no place in the sentence, an act at ``home`` is there."""
        inside = [m for m in self.mentions if sentence.start_char <= m.start < sentence.end_char]
        clause = clause_root(head)
        doc = self.document.doc
        own = [m for m in inside if clause_root(doc[m.token]) == clause]
        described = None if own else self._described(sentence, clause)
        if described is not None:
            return described, described.precision
        if inside:
            near = own or inside
            place = min(near, key=lambda m: (m.place.precision or 9, abs(m.token - head.i))).place
            return place, place.precision
        if home is not None:
            return home, home.precision
        paragraph_start = self.document.text.rfind("\n\n", 0, sentence.start_char)
        before = [m for m in self.mentions if paragraph_start <= m.start < sentence.start_char]
        if not before:
            return None, None
        place = before[-1].place
        precision: WherePrecision = max(place.precision or 2, 2)
        return place, precision

    def home(
        self, kind: PloverType, actor: Participant | None, recipient: Participant | None
    ) -> Place | None:
        """The state whose own authorities coerce at home ("Russian authorities have cracked
        down on dissent"), when the article names it: the act is in that country, whatever
        country the story is about."""
        if (
            kind != "COERCE"
            or actor is None
            or actor.country is None
            or actor.sector not in _AUTHORITIES
            or recipient is not None
            and recipient.country not in (None, actor.country)
            or actor.span is not None
            and any(word in actor.span.text.lower() for word in CUES.abroad)
        ):
            return None
        return next(
            (
                place
                for place in self.document.places
                if place.feature == "country"
                and (entry := state_named(place.name)) is not None
                and entry.country == actor.country
            ),
            None,
        )

    def visit(
        self,
        sentence: SpacySpan,
        head: Token,
        actor: Participant | None,
        recipient: Participant | None,
        mode: str | None,
    ) -> tuple[Participant | None, Participant | None, str | None]:
        """PLOVER codes the visitor as source and the host as recipient: a meeting in one side's
        capital is a visit by the other."""
        place = self.located(sentence, head)[0]
        if actor is None or recipient is None or place is None or place.feature not in _VISITED:
            return actor, recipient, mode
        entry = _capitals().get(fold(place.name))
        if entry is None:
            return actor, recipient, mode
        if actor.country == entry and recipient.country not in (None, entry):
            return recipient, actor, "visit"
        if recipient.country == entry and actor.country not in (None, entry):
            return actor, recipient, "visit"
        return actor, recipient, mode

    def _described(self, sentence: SpacySpan, clause: Token) -> Place | None:
        """The place "the small city" or "the town (centre)" of the clause stands for: the one
        of that kind named earlier, the one the places stage anchors "west of the town" on."""
        ordered = [(m.start, m.place) for m in self.mentions]
        for token in sentence:
            kind = ANAPHORS.get(token.lemma_.lower())
            phrase = token.head if token.dep_ == "compound" else token  # "the town centre"
            if (
                kind is None
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in phrase.children)
                or clause_root(token) != clause
            ):
                continue
            place = antecedent(ordered, token.idx, kind)
            if place is not None:
                return place
        return None


@functools.cache
def _capitals() -> dict[tuple[str, ...], str]:
    """The ISO alpha-3 code of each state, by the folded name of its capital."""
    return {
        fold(capital): entry.country
        for entry in catalog()
        if entry.kind == "country" and entry.country
        for capital in entry.capitals
    }
