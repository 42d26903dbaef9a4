"""Who a source is: pronouns and roles resolved to a named antecedent, then an identity.

"he" is the nearest person named before it; "it" or "they" the actor named by a recent
sentence's subject; "the ministry" or "the spokesman" the nearest earlier source with that head
noun. The identity (actor id, kind, country, side) comes from the actor catalog where the name
is known, from "Russian-installed" style modifiers, otherwise from the head noun ("spokesman"
is an official, "analysts" are experts).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..._document import Document
from ...schema import Source, SourceKind
from ._attribution import Attribution
from ._identity import (
    Identity,
    controlling_power,
    identify_name,
    identify_phrase,
    kind_from_head,
    role_noun,
)
from ._lexicon import SOURCES

_KINDS_OF_ROLE: frozenset[SourceKind] = frozenset({"official", "anonymous", "expert", "witness"})
"""Kinds a source's own words settle ("a military spokesman" speaks as an official)."""
_PEOPLE_KINDS: frozenset[SourceKind] = frozenset(
    {"person", "official", "military", "expert", "witness", "intelligence"}
)


@dataclass(frozen=True)
class _Named:
    """A name seen earlier in the article (entity or source), a candidate antecedent."""

    start: int
    end: int
    name: str
    person: bool
    role: str
    """The role noun of the phrase ("spokesman", "ministry"), or its head word."""
    identity: Identity | None


class SourceResolver:
    """Resolves and identifies the sources of one document, in text order."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.publisher = _publisher(document)
        self._sentences = list(document.doc.sents)
        self._named: list[_Named] = [
            _Named(
                ent.start_char,
                ent.end_char,
                ent.text,
                _is_person(ent, identity),
                _title_of(ent) or ent.root.lemma_.lower(),
                identity,
            )
            for ent in document.doc.ents
            if ent.label_ in ("PERSON", "ORG", "GPE", "NORP")
            for identity in (identify_name(ent.text),)
        ]

    def resolve(self, attribution: Attribution) -> Source:
        """The attribution's source (anonymous when none is written); remembered for later roles."""
        if attribution.kind == "appearance":
            return Source(name=self.publisher, kind="publisher")
        if attribution.source is None or attribution.source_token is None:
            return Source(name="unnamed source", kind="anonymous")
        before = min(attribution.source[0], *(start for start, _ in attribution.content))
        head = self.document.doc[attribution.source_token]
        source = self._titled(head, self.identify(head, attribution.source, before))
        if source.span is not None:
            self._named = [
                n for n in self._named if not source.span.start <= n.start < source.span.end
            ]
            self._named.append(
                _Named(
                    source.span.start,
                    source.span.end,
                    source.name,
                    source.kind in _PEOPLE_KINDS
                    and head.pos_ != "PRON"
                    and head.ent_type_ != "ORG",
                    role_noun(head) or head.lemma_.lower(),
                    Identity(
                        source.name, source.kind, source.actor_id, source.country, source.side
                    ),
                )
            )
        return source

    def identify(
        self, head: Token, extent: tuple[int, int] | None = None, before: int | None = None
    ) -> Source:
        """The Source for a noun phrase headed by ``head``; pronouns and roles resolve to a name
        mentioned before ``before`` (by default the phrase itself)."""
        if extent is None:
            extent = (head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text))
        written = self.document.span(*extent)
        antecedent = self._antecedent(head, extent[0] if before is None else before)
        if antecedent is not None:
            identity = antecedent.identity
            return Source(
                name=identity.name if identity else antecedent.name,
                span=written,
                kind=identity.kind if identity else kind_from_head(head, antecedent.name),
                actor_id=identity.actor_id if identity else None,
                country=identity.country if identity else None,
                side=identity.side if identity else None,
                resolved_from=self.document.span(antecedent.start, antecedent.end),
            )
        person = _person_named(head)
        if person is not None:
            name = self._full_name(person.text.split("\n")[-1].strip(), written.start)
            identity = identify_name(name)
            if identity is not None:
                name = identity.name
            else:
                affiliation = controlling_power(written.text) or _phrase_identity(head)
                if affiliation is not None:
                    identity = Identity(
                        name,
                        kind_from_head(head, written.text),
                        None,
                        affiliation.country,
                        affiliation.side,
                    )
        else:
            identity = controlling_power(written.text) or _phrase_identity(head)
            name = written.text
        kind = kind_from_head(head, written.text)
        if identity is not None and kind not in _KINDS_OF_ROLE:
            kind = identity.kind
            role = role_noun(head)
            named = role is None or role in identity.name.lower() or _names_itself(head, identity)
            if person is None and not identity.composed and named:
                name = identity.name  # "Moscow" is the Russian government; "the embassy" stays
        return Source(
            name=name,
            span=written,
            kind=kind,
            actor_id=identity.actor_id if identity else None,
            country=identity.country if identity else None,
            side=identity.side if identity else None,
        )

    def _titled(self, head: Token, source: Source) -> Source:
        """A person speaks in the role a title gives them: "military expert X" is an expert,
        and a later "X said" (or the surname alone) is the person X was introduced as."""
        if source.kind not in _PEOPLE_KINDS or source.span is None:
            return source
        if role_noun(head) is not None and kind_from_head(head, source.span.text) in _KINDS_OF_ROLE:
            return source.model_copy(update={"kind": kind_from_head(head, source.span.text)})
        earlier = self._nearest(
            source.span.start,
            lambda n: (
                n.person and n.identity is not None and source.name in (n.name, n.name.split()[-1])
            ),
        )
        if earlier is None or earlier.identity is None:
            return source
        identity = earlier.identity
        return source.model_copy(
            update={
                "name": identity.name,
                "kind": identity.kind,
                "actor_id": source.actor_id or identity.actor_id,
                "country": source.country or identity.country,
                "side": source.side or identity.side,
            }
        )

    def _full_name(self, name: str, before: int) -> str:
        """A surname alone ("Prokudin") is the person named in full earlier in the article."""
        if " " in name.strip():
            return name
        earlier = self._nearest(
            before, lambda n: n.person and n.name.split()[-1] == name and n.name != name
        )
        return earlier.name if earlier is not None else name

    def _antecedent(self, head: Token, before: int) -> _Named | None:
        word = head.lower_
        if head.pos_ == "PRON" and word in SOURCES.person_pronouns:
            return self._nearest(before, lambda n: n.person)
        if head.pos_ == "PRON" and word in SOURCES.group_pronouns:
            if word in SOURCES.relative_pronouns:
                noun = _relative_head(head)
                if noun is not None:
                    return self._named_phrase(noun)
            return self._previous_subject(before) or self._nearest(before, lambda n: not n.person)
        if head.pos_ != "NOUN" or any(
            c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" for c in head.children
        ):
            return None
        lemma = head.lemma_.lower()
        determiner = next((c for c in head.children if c.dep_ in ("det", "poss")), None)
        if determiner is not None and determiner.lower_ in SOURCES.role_determiners:
            earlier = self._nearest(
                before, lambda n: n.role == lemma or lemma in n.name.lower().split()
            )
            return earlier or (self._named_next(head, lemma) if lemma in SOURCES.titles else None)
        if determiner is None and head.i - head.sent.start < 12 and lemma in SOURCES.titles:
            later = [n for n in self._named if n.start > before and n.person and n.role == lemma]
            return min(later, key=lambda n: n.start) if later else None
        return None

    def _named_next(self, head: Token, title: str) -> _Named | None:
        """A wire lead's "the regional governor said" is the governor the next sentence or two
        name ("Vadym Filashkin, governor of Donetsk region, said"): the same title, a person."""
        sentence = head.sent
        following = [s for s in self._sentences if s.start >= sentence.end][:2]
        if not following:
            return None
        end = following[-1].end_char
        later = [
            n
            for n in self._named
            if sentence.end_char <= n.start < end and n.person and n.role == title
        ]
        return min(later, key=lambda n: n.start) if later else None

    def _named_phrase(self, noun: Token) -> _Named:
        doc = noun.doc
        phrase = doc[noun.left_edge.i : noun.i + 1]
        person = _person_named(noun)
        identity = identify_name(person.text) if person is not None else _phrase_identity(noun)
        return _Named(
            phrase.start_char,
            phrase.end_char,
            person.text if person is not None else phrase.text,
            person is not None,
            noun.lemma_.lower(),
            identity,
        )

    def _previous_subject(self, before: int) -> _Named | None:
        """The actor named by the subject of one of the two sentences before ("The update ...
        It said")."""
        sentences = [sentence for sentence in self._sentences if sentence.end_char <= before]
        for sentence in reversed(sentences[-2:]):
            subject = next(
                (c for c in sentence.root.children if c.dep_ in ("nsubj", "nsubjpass")), None
            )
            if subject is None or subject.pos_ == "PRON":
                continue
            phrase = sentence.doc[subject.left_edge.i : subject.right_edge.i + 1]
            identity = identify_phrase(phrase.text)
            if identity is not None:
                return _Named(
                    phrase.start_char,
                    phrase.end_char,
                    identity.name,
                    False,
                    subject.lemma_.lower(),
                    identity,
                )
        return None

    def _nearest(self, before: int, accept: Callable[[_Named], bool]) -> _Named | None:
        candidates = [n for n in self._named if n.end <= before and accept(n)]
        return max(candidates, key=lambda n: n.start) if candidates else None


def _is_person(ent: SpacySpan, identity: Identity | None) -> bool:
    """A person entity the catalog does not know as something else: the model may tag a
    capital speaking ("Kyiv would never accept") as a person, but "he" is never Kyiv."""
    return ent.label_ == "PERSON" and (identity is None or identity.kind in _PEOPLE_KINDS)


def _title_of(ent: SpacySpan) -> str | None:
    """The title written before a person's name ("regional governor Oleksandr Prokudin") or in
    apposition after it ("Vadym Filashkin, governor of Donetsk region") -> governor."""
    for token in reversed(ent.doc[max(ent.start - 3, ent.sent.start) : ent.start]):
        if token.lemma_.lower() in SOURCES.titles:
            return token.lemma_.lower()
        if token.pos_ not in ("NOUN", "PROPN", "ADJ"):
            break
    for child in ent.root.children:
        if child.dep_ == "appos" and child.i >= ent.end and child.lemma_.lower() in SOURCES.titles:
            return child.lemma_.lower()
    return None


def _phrase_identity(head: Token) -> Identity | None:
    """The catalog actor of a source phrase: its words up to the head, else its "for/of"
    complement."""
    doc = head.doc
    identity = identify_phrase(doc[head.left_edge.i : head.i + 1].text)
    if identity is not None:
        return identity
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in SOURCES.affiliation_prepositions:
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects:
                return identify_phrase(doc[objects[0].left_edge.i : objects[0].i + 1].text)
    return None


def _names_itself(head: Token, identity: Identity) -> bool:
    """ "RIA news agency": a proper noun before the role noun is the actor's own name."""
    return any(
        child.dep_ == "compound"
        and child.pos_ == "PROPN"
        and (named := identify_name(child.text)) is not None
        and named.actor_id == identity.actor_id
        for child in head.children
    )


def _person_named(head: Token) -> SpacySpan | None:
    """The person a source phrase names: the head's own entity or one in apposition to it."""
    for ent in head.doc[head.left_edge.i : head.right_edge.i + 1].ents:
        if ent.label_ == "PERSON" and (
            ent.start <= head.i < ent.end
            or ent.root.head == head
            and ent.root.dep_ in ("compound", "nmod")
            or ent.root.dep_ == "appos"
            and ent.root.head.i < ent.start
        ):
            return ent
    return None


def _relative_head(pronoun: Token) -> Token | None:
    """The noun a relative pronoun stands for: the head of its relative clause."""
    clause = pronoun.head
    while clause.dep_ not in ("relcl", "acl") and clause.head.i != clause.i:
        clause = clause.head
    return clause.head if clause.dep_ in ("relcl", "acl") else None


def _publisher(document: Document) -> str:
    article = document.article
    if article.publisher:
        return article.publisher
    if article.dateline is not None and article.dateline.agency:
        return article.dateline.agency
    return "publisher"
