"""Where an event happened, from the places stage's locations and the trigger's own words.

The place is the one the trigger's own phrases reach (``_locative``): the most specific of
them, not the container it is "in" ("a neighbourhood in central Damascus", "Syria's Aleppo
province") nor the anchor it is "near" ("Amara, south of Baghdad"). Else the dateline's place
when the text says the act was "here"; else a place its clause names by description ("the
town"); else the scene set before the sentence's reporting verb ("In Goma, officials said ...").
A place elsewhere in the sentence, in no phrase of the act, is not taken: it is where someone
spoke, whose a person is, or where another act was. With no place of its own, a state's
authorities coercing at home are in that state; else the event is at the nearest place named
before it in the paragraph, else at the place the article named most often before it, marked as
such (``PlaceSource``) and with a coarser where-precision. A meeting in one side's capital is a
visit by the other.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..._document import Document
from ...actors import catalog, fold
from ...schema import Participant, Place, PlaceSource, PloverType, Span, WherePrecision
from ..places import ANAPHORS, antecedent
from ._clauses import clause_root
from ._lexicon import CUES
from ._locative import WHERE, Reach, posted, reach, scene, speaking
from ._names import state_named

_AUTHORITIES = frozenset({"GOV", "COP", "JUD", "SPY", "LEG"})
"""Sectors that act at home: government, police, courts, security services, legislature."""
_VISITED = (None, "capital", "city")
"""Features of a place that can be a side's capital."""
_NEAR_AT_BEST: WherePrecision = 2
_POINT_AT_WORST = 3
"""UCDP precisions up to a second-order division: a place an act can be pinned to."""
_SMALLEST = max(WHERE.sizes.values()) + 1
_AREA_AT_BEST: WherePrecision = 4


@dataclass(frozen=True)
class _PlaceMention:
    place: Place
    start: int
    token: int
    first: int
    last: int
    """The mention's first and last token."""

    def tokens(self) -> range:
        return range(self.first, self.last + 1)


@dataclass(frozen=True)
class Located:
    """An event's place, its UCDP where-precision, and where in the text it was taken from."""

    place: Place | None = None
    precision: WherePrecision | None = None
    source: PlaceSource | None = None

    @classmethod
    def at(
        cls, place: Place, source: PlaceSource, at_best: WherePrecision | None = None
    ) -> Located:
        precision = place.precision
        if at_best is not None:
            precision = max(precision or at_best, at_best)
        return cls(place, precision, source)


class Places:
    """The document's locations, by where they are mentioned."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.mentions = self._place_mentions()
        self.tokens = {mention.token for mention in self.mentions}
        """The token indices of the places' mentions' heads."""
        self.places = {i for mention in self.mentions for i in mention.tokens()}
        """The token indices of every word of the places' mentions."""
        self._spoken_at = {m.start for m in self.mentions if self._spoken(m)}
        """Where the mentions name a place where someone spoke."""

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
                tokens = self.document.doc.char_span(span.start, span.end, alignment_mode="expand")
                if tokens is None:
                    continue
                if any(_part_of(span, s) for s in speakers) and not posted(tokens.root):
                    continue  # "the governor of Donetsk region said": where the speaker serves
                mentions.append(
                    _PlaceMention(place, span.start, tokens.root.i, tokens.start, tokens.end - 1)
                )
        return sorted(mentions, key=lambda m: (m.start, m.last))

    def located(
        self,
        sentence: SpacySpan,
        heads: Sequence[Token],
        home: Place | None = None,
        material: bool = True,
    ) -> Located:
        """Where the event whose trigger words are ``heads`` happened; with no place of its
        own, an act at ``home`` is there; a ``material`` act (done on the ground, not said) in a
        sentence that names no place may be at the article's."""
        inside = [m for m in self.mentions if sentence.start_char <= m.start < sentence.end_char]
        reached = reach(heads, self.places)
        tied = self._tied(inside, reached)
        if tied is not None:
            return tied
        dateline = self._dateline(reached)
        if dateline is not None:
            return dateline
        described = self._described(sentence, clause_root(heads[0]))
        if described is not None:
            return Located.at(described, "clause")
        staged = self._staged(inside, heads)
        if staged is not None:
            return staged
        if home is not None:
            return Located.at(home, "home")
        # The article's place only when the sentence names none and the act is done on the
        # ground: a statement is made where the article seldom says.
        return self._before(sentence, material and not inside)

    def _tied(self, inside: list[_PlaceMention], reached: dict[int, Reach]) -> Located | None:
        """The most specific place the trigger's phrases reach, in the nearest tier: not a
        place inside a longer one, nor the container or anchor of another; of the rest, a town
        or a district before a province or a country, then the nearest."""
        ties = [
            (best, m)
            for m in inside
            if (best := _best(m, reached)) is not None
            and not best.doer
            and not (best.party and m.place.feature == "country")
        ]
        if not ties:
            return None
        nearest = min(best.key[0] for best, _ in ties)
        ties = [(best, m) for best, m in ties if best.key[0] == nearest]
        kept = [
            (best, m)
            for best, m in ties
            if not any(
                other is not m and self._contains(m, best, other, way) for way, other in ties
            )
        ]
        best, mention = min(
            kept or ties,
            key=lambda item: (
                _area(item[1].place),
                item[1].place.relative is not None,
                item[0].steps,
                item[1].start,
            ),
        )
        return self._near(mention.place, best.tier)

    def _near(self, place: Place, source: PlaceSource) -> Located:
        """A place only "near" another named there ("near Kramatorsk", "on the outskirts of
        Goma") is the other: one place for every report of the act that names it. It keeps
        the other's where-precision, as it always has: with UCDP's 2 ("within 25 km") the
        corpus clustering would merge strikes near two towns 37 km apart."""
        relative = place.relative
        if relative is None or relative.direction or relative.distance_km or relative.between_id:
            return Located.at(place, source)
        anchor = next((p for p in self.document.places if p.id == relative.anchor_id), None)
        named_there = anchor is not None and any(
            relative.span.start <= m.start and m.end <= relative.span.end for m in anchor.mentions
        )
        if anchor is None or not named_there:
            return Located.at(place, source)  # "near the town": its own place, as it says
        return Located.at(anchor, source)

    def _named(self, mention: _PlaceMention) -> set[int]:
        """The words of a mention that name its place: its head and names ("the East Ghouta
        region"), of a place given by its bearing only the names ("northwest of the US base");
        the whole mention when no word of it is a name."""
        doc = self.document.doc
        names = {i for i in mention.tokens() if doc[i].pos_ == "PROPN"}
        if mention.place.relative is None:
            names.add(mention.token)
        return names or set(mention.tokens())

    def _contains(
        self, mention: _PlaceMention, way: Reach, other: _PlaceMention, other_way: Reach
    ) -> bool:
        """The mention is not where the act was but holds the other place: it lies inside the
        other's words ("Bakhmut" in "10 km west of Bakhmut"), the way to it passes through the
        other ("al-Tijara neighbourhood in central Damascus", "Amara, south of Baghdad"), or
        both hang from one noun and it is the larger ("Iraq's northern capital of Mosul", "the
        Ghat area of Doda district", "a Brooklyn neighbourhood, Canarsie")."""
        if _inside(mention, other):
            return True
        doc = self.document.doc
        own = set(mention.tokens())
        passed = set(way.path) - own
        if passed & self._named(other):
            return True
        shared = (set(way.path[1:]) & set(other_way.path[1:])) - own - set(other.tokens())
        if not any(doc[i].pos_ in ("NOUN", "PROPN") for i in shared):
            return False
        return _size(mention.place) < _size(other.place) or (
            _size(mention.place) == _size(other.place) and way.steps < other_way.steps
        )

    def _staged(self, inside: list[_PlaceMention], heads: Sequence[Token]) -> Located | None:
        """The scene of what the sentence reports: "In Goma, officials said ...", "officials
        in Horlivka said ..."."""
        staged = scene(heads)
        for mention in inside:
            if any(i in staged for i in mention.tokens()):
                return Located.at(mention.place, "sentence")
        return None

    def _dateline(self, reached: dict[int, Reach]) -> Located | None:
        """ "Clashes broke out here": the place of the dateline, when the text names it too."""
        dateline = self.document.article.dateline
        doc = self.document.doc
        if dateline is None or dateline.place is None:
            return None
        if not any(doc[i].lower_ in WHERE.here for i in reached):
            return None
        name = fold(dateline.place)
        place = next(
            (m.place for m in self.mentions if name in (fold(m.place.name), _said(doc, m))),
            None,
        )
        return Located.at(place, "dateline") if place is not None else None

    def _before(self, sentence: SpacySpan, article: bool) -> Located:
        """No place of its own: the nearest one named before in the paragraph, else (when
        ``article``) the one the article named most often before."""
        paragraph_start = self.document.text.rfind("\n\n", 0, sentence.start_char)
        before = [
            m
            for m in self.mentions
            if m.start < sentence.start_char and m.start not in self._spoken_at
        ]
        in_paragraph = [m for m in before if m.start >= paragraph_start]
        if in_paragraph:
            return Located.at(in_paragraph[-1].place, "paragraph", _NEAR_AT_BEST)
        if not before or not article:
            return Located()
        named = Counter(m.place.id for m in before)
        most = max(named.values())
        place = next(m.place for m in before if named[m.place.id] == most)
        return Located.at(place, "article", _AREA_AT_BEST)

    def _spoken(self, mention: _PlaceMention) -> bool:
        """Where someone spoke: "told reporters in Port Sudan", "a press conference in Geneva"
        (a place set before the sentence's reporting verb is the scene of what is said)."""
        token = self.document.doc[mention.token]
        for _ in range(8):
            head = token.head
            if head == token:
                return False
            if speaking(head) and not (head.dep_ == "ROOT" and token.i < head.i):
                return True
            token = head
        return False

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
        place = self.located(sentence, [head]).place
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


def _size(place: Place) -> int:
    """How small a kind of place is (larger numbers are smaller places)."""
    return WHERE.sizes.get(place.feature or "", _SMALLEST)


def _area(place: Place) -> int:
    """0 for a named place a point stands for (a town, a district), 1 for a province, a region,
    a country, waters, or a place given only by its bearing from another ("north of Baghdad"):
    the former is where an act was, the latter what holds it or a guess near it."""
    named = place.relative is None
    return 0 if named and (place.precision or 1) <= _POINT_AT_WORST else 1


def _best(mention: _PlaceMention, reached: dict[int, Reach]) -> Reach | None:
    """The best way the trigger reaches any word of the mention."""
    found = [reached[i] for i in mention.tokens() if i in reached]
    return min(found, key=lambda r: r.key) if found else None


def _part_of(span: Span, source: Span) -> bool:
    """A place named within a speaker's words ("the governor of Donetsk region"); a speaker
    that is only a place's name is the places stage's to call a metonym or not."""
    return source.start <= span.start < source.end and (span.start, span.end) != (
        source.start,
        source.end,
    )


def _inside(mention: _PlaceMention, other: _PlaceMention) -> bool:
    """The mention lies within a longer one: "Bakhmut" in "10 km west of Bakhmut"."""
    return (
        other.first <= mention.first
        and mention.last <= other.last
        and (other.first, other.last) != (mention.first, mention.last)
    )


def _said(doc: object, mention: _PlaceMention) -> tuple[str, ...]:
    """The mention's words as written, folded."""
    return fold(mention.place.mentions[0].text) if mention.place.mentions else ()


def place_of_trigger(document: Document, token: Token) -> Place | None:
    """The place of the event whose trigger is ``token``, as the events stage links it."""
    return Places(document).located(token.sent, [token]).place


@functools.cache
def _capitals() -> dict[tuple[str, ...], str]:
    """The ISO alpha-3 code of each state, by the folded name of its capital."""
    return {
        fold(capital): entry.country
        for entry in catalog()
        if entry.kind == "country" and entry.country
        for capital in entry.capitals
    }
