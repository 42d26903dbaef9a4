"""Who a noun phrase names: an actor the actors stage found, a state, a nation's forces, a pronoun's
antecedent, or an unnamed group of a PLOVER sector ("gunmen", "seven civilians").

Pronouns take the subject of the reporting verb they hang from ("Moscow says it invaded"), the
last actor before them in their sentence, or the doer of the sentence before, when they agree with
it (``_antecedents``); "his troops" takes the country of whoever "his" is, and "the rebels" the
armed group named just before. Words that name nobody ("others", "the area", "the weekend") are no
participant.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Token

from ..._document import Document
from ...actors import COMBATANT_SECTORS, ActorEntry, catalog, fold, sector_of
from ...schema import Actor, Participant, Span
from ._antecedents import agrees, previous_subject
from ._lexicon import REPORTING_VERBS
from ._words import SUBJECTS, WORDS

_PRONOUNS = WORDS.personal | WORDS.impersonal
_DOING_PARTICIPLES = WORDS.light_verbs | WORDS.doing_participles
_MODIFIERS = frozenset({"amod", "compound", "nmod"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
"""Entity labels of places."""
_PRONOUN_TAGS = frozenset({"PRP", "PRP$", "WP", "WP$", "WDT", "DT", "EX"})
_NOT_NAMES = PLACE_LABELS | frozenset(
    {
        "DATE",
        "TIME",
        "CARDINAL",
        "ORDINAL",
        "QUANTITY",
        "PERCENT",
        "MONEY",
        "LAW",
        "WORK_OF_ART",
        "PRODUCT",
        "EVENT",
        "LANGUAGE",
    }
)
"""Entity labels of what is no doer: places, dates, times and numbers."""
_RELATIVE_TAGS = frozenset({"WP", "WDT"})
"""Tags of a relative pronoun: "who", "which", "that"."""
_NAMED_KINDS = ("PERSON", "ORG", "NORP")
"""Entity labels of a name that is a participant with no sector of its own."""


def state_named(name: str) -> ActorEntry | None:
    """The country a name or capital stands for ("Israel", "the Ivory Coast", "Kyiv"), or None."""
    entry = catalog().lookup(name)
    return entry if entry is not None and entry.kind == "country" and entry.country else None


@dataclass
class ActorIndex:
    """The document's actor mentions by character offset, for looking up who a token names."""

    starts: list[int]
    mentions: list[tuple[int, int, Actor]]

    @classmethod
    def build(cls, actors: list[Actor]) -> ActorIndex:
        mentions = sorted(
            ((span.start, span.end, actor) for actor in actors for span in actor.mentions),
            key=lambda item: item[0],
        )
        return cls([start for start, _, _ in mentions], mentions)

    def at(self, offset: int) -> tuple[int, int, Actor] | None:
        """The mention covering character ``offset``."""
        index = bisect_right(self.starts, offset) - 1
        if index >= 0:
            start, end, actor = self.mentions[index]
            if start <= offset < end:
                return start, end, actor
        return None

    def before(
        self, offset: int, lower: int, person: bool | None, sector: str | None = None
    ) -> tuple[int, int, Actor] | None:
        """The last mention ending before ``offset`` and after ``lower``, of a person or not (and
        of ``sector``, when given)."""
        index = bisect_right(self.starts, offset) - 1
        while index >= 0:
            start, end, actor = self.mentions[index]
            if start < lower:
                return None
            if (
                end <= offset
                and (person is None or (actor.kind == "person") == person)
                and (sector is None or actor.sector == sector)
            ):
                return start, end, actor
            index -= 1
        return None


def _nation_before(weapon: Token) -> ActorEntry | None:
    """The nation a weapon's modifiers name: "Russian missiles", "Ukrainian artillery and rocket
    fire" (where the parser hangs the adjective on the first of the coordinated weapons)."""
    modifiers = [c for c in weapon.children if c.i < weapon.i and c.dep_ in _MODIFIERS]
    modifiers += [
        g
        for c in modifiers
        if c.dep_ in ("compound", "nmod")
        for g in c.children
        if g.i < c.i and g.dep_ in _MODIFIERS
    ]
    for modifier in modifiers:
        nation = catalog().demonym(modifier.text)
        if nation is not None:
            return nation
    return None


def _main_subject(verb: Token, pronoun: Token) -> Token | None:
    """The subject a pronoun in an adverbial clause stands for: "the troops would pull back if
    they came under risk". When the main clause has an object of the pronoun's number as well
    ("would meet the envoy if he ..."), either may be meant, and none is taken."""
    plural = pronoun.lower_ in WORDS.plural

    def agrees(token: Token) -> bool:
        return (token.tag_ in ("NNS", "NNPS")) == plural

    subject = next(
        (c for c in verb.children if c.dep_ in SUBJECTS + ("nsubjpass",) and c.pos_ != "PRON"),
        None,
    )
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj") and agrees(c)]
    return subject if subject is not None and agrees(subject) and not objects else None


class Names:
    """Finds who the noun phrases of one document name."""

    def __init__(self, document: Document) -> None:
        self.text = document.text
        self.place_words = _place_words(document)
        self.index = ActorIndex.build(document.actors)
        self.by_id = {actor.id: actor for actor in document.actors}

    def participant(self, token: Token, modifier: bool = False) -> Participant | None:
        """The participant a noun-phrase head names, or None when it names no one; a
        ``modifier`` ("Russian", "Israel's") names only a nation or an actor."""
        if token.tag_ in _RELATIVE_TAGS and token.head.dep_ == "relcl":
            # "the rebels, who shelled the town": the noun the clause describes
            return self.participant(token.head.head, modifier)
        if token.lower_ in WORDS.skip_heads:
            return None
        members = _members(token)
        if members is not None:
            return self.participant(members, modifier)
        named = self._mentioned(token, modifier)
        if named is not None:
            return named
        if token.pos_ == "PRON":
            return self._pronoun(token)
        if not modifier and token.lemma_.lower() in WORDS.weapons:
            return self._weapon_owner(token)
        state = self._state(token) if not modifier and token.ent_type_ == "GPE" else None
        if state is not None:
            return state
        if token.dep_ == "amod" or modifier and token.pos_ in ("ADJ", "PROPN"):
            nation = self._nation(token)
            if nation is None and token.dep_ == "poss" and token.ent_type_ == "GPE":
                return self._state(token)  # "Israel's bid to encircle Jabalia"
            return nation
        return None if modifier else self._group(token)

    def loose(self, token: Token) -> Participant | None:
        """A doer that names no known actor or sector: "the assailants", "dozens of attackers",
        "Karapatan"."""
        members = _members(token)
        if members is not None:
            return self.participant(members) or self.loose(members)
        if not _unknown_name(token) or fold(token.text) in self.place_words:
            return None
        start, end = token.doc[token.left_edge.i].idx, token.idx + len(token)
        return Participant(name=self.text[start:end], span=self.span(start, end))

    def forces_of(self, nation: Participant) -> Participant:
        """The armed forces of the nation ``nation`` names."""
        state = catalog().country(nation.country or "")
        if state is None:
            return nation
        forces = catalog().composed(state, "MIL")
        linked = self.by_id.get(forces.id)
        return nation.model_copy(
            update={"actor_id": linked.id if linked else None, "name": forces.name, "sector": "MIL"}
        )

    def span(self, start: int, end: int) -> Span:
        return Span.of(self.text, start, end)

    def _mentioned(self, token: Token, modifier: bool) -> Participant | None:
        """The actor mentioned at the head or at one of its modifiers; "Israel's high court" is
        a court, of Israel, not Israel."""
        generic = not modifier and sector_of(token.lemma_) is not None
        modifiers = [c for c in token.children if c.dep_ in ("appos", "compound", "amod", "poss")]
        for candidate in (token, *modifiers):
            found = self.index.at(candidate.idx)
            if found is None:
                continue
            start, end, actor = found
            if generic and candidate != token and (actor.kind == "country" or actor.sector is None):
                continue
            return self._named(actor, start, end)
        return None

    def _weapon_owner(self, weapon: Token) -> Participant | None:
        """ "a Russian missile struck": Russia's forces; "a drone launched by the Houthis": the
        Houthis; "shells hit": no one."""
        nation = _nation_before(weapon)
        if nation is None or not nation.country:
            return self.doer_by(weapon)
        return self.forces_of(Participant(name=nation.name, country=nation.country))

    def doer_by(self, noun: Token) -> Participant | None:
        """Who a noun's "by" phrase says did it: "shelling by Ukraine's armed forces", "an attack
        carried out by RSF fighters", "a drone launched by Russian forces"."""
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "by":
                found = self._by_object(child)
                if found is not None:
                    return found
            if child.dep_ == "acl" and child.lemma_.lower() in _DOING_PARTICIPLES:
                agent = next((g for g in child.children if g.dep_ == "agent"), None)
                found = self._by_object(agent) if agent is not None else None
                if found is not None:
                    return found
        return None

    def _by_object(self, by: Token) -> Participant | None:
        target = next((g for g in by.children if g.dep_ == "pobj"), None)
        return self.participant(target) if target is not None else None

    def _state(self, token: Token) -> Participant | None:
        """The state a place name stands for: "Norway", "the United States" (the whole name)."""
        entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        words = (
            entity
            if entity is not None and entity.label_ == "GPE"
            else token.doc[token.i : token.i + 1]
        )
        state = catalog().lookup(words.text) or catalog().lookup(token.text)
        if state is None or state.kind != "country" or not state.country:
            return None
        linked = self.by_id.get(state.id)
        return Participant(
            actor_id=linked.id if linked else None,
            name=state.name,
            span=self.span(words.start_char, words.end_char),
            country=state.country,
        )

    def _nation(self, token: Token) -> Participant | None:
        """The nation a demonym names: "Russian"."""
        nation = catalog().demonym(token.text)
        if nation is None or not nation.country:
            return None
        return Participant(
            name=nation.name,
            span=self.span(token.idx, token.idx + len(token)),
            country=nation.country,
        )

    def _group(self, token: Token) -> Participant | None:
        """An unnamed group of a sector ("gunmen", "Ukrainian soldiers"), or a name the parse
        gives a person, an organization or a nationality."""
        sector = (
            sector_of(token.lemma_) or sector_of(token.text) or self._sector_of_modifiers(token)
        )
        if sector is None and token.lemma_.lower() in WORDS.military_targets:
            sector = "MIL"
        if sector is None and (
            token.ent_type_ not in _NAMED_KINDS or fold(token.text) in self.place_words
        ):
            return None
        left = min((c.left_edge.i for c in token.children if c.i < token.i), default=token.i)
        start = token.doc[left].idx
        end = token.idx + len(token)
        country = self._country_before(token) or _country_after(token)
        if country is None and sector in COMBATANT_SECTORS and _definite(token):
            named = self._named_before(token, sector)
            if named is not None:
                return named.model_copy(
                    update={"name": self.text[start:end], "span": self.span(start, end)}
                )
        actor_id = None
        if country and sector:
            linked = self.by_id.get(f"{country.lower()}.{sector.lower()}")
            actor_id = linked.id if linked else None
        return Participant(
            actor_id=actor_id,
            name=self.text[start:end],
            span=self.span(start, end),
            country=country,
            sector=sector,
        )

    def _named_before(self, token: Token, sector: str) -> Participant | None:
        """ "M23 rebels seized Rubaya. The rebels then shelled ...": the last actor of the sector
        named in this sentence or the one before."""
        sentence = token.sent
        lower = token.doc[sentence.start - 1].sent.start_char if sentence.start else 0
        found = self.index.before(token.idx, lower, False, sector)
        if found is None:
            return None
        start, end, actor = found
        return self._named(actor, start, end)

    def _country_before(self, token: Token) -> str | None:
        """The country a modifier names: "Ukrainian soldiers", "Israel's army", "his troops"."""
        for child in token.children:
            if child.i < token.i and child.dep_ in ("amod", "compound", "poss"):
                owner = self._pronoun(child) if child.pos_ == "PRON" else None
                entry = catalog().demonym(child.text) or state_named(child.text)
                country = (owner.country if owner else None) or (entry.country if entry else None)
                if country:
                    return country
        return None

    @staticmethod
    def _sector_of_modifiers(token: Token) -> str | None:
        """ "security force members", "army personnel": the sector of a generic head's modifier."""
        if token.lemma_.lower() not in WORDS.generic_heads:
            return None
        for child in token.children:
            if child.dep_ in ("compound", "amod") and child.i < token.i:
                phrase = token.doc[child.left_edge.i : child.i + 1].text
                found = sector_of(phrase) or sector_of(child.lemma_)
                if found is not None:
                    return found
        return None

    def _named(self, actor: Actor, start: int, end: int) -> Participant:
        return Participant(
            actor_id=actor.id,
            name=actor.name,
            span=self.span(start, end),
            country=actor.country,
            sector=actor.sector,
        )

    def _pronoun(self, pronoun: Token) -> Participant | None:
        """The actor a pronoun stands for: the reporting verb's subject, else the last one named
        in its sentence, else the doer of the sentence before (its main subject, or the last
        one named there). A pronoun of a state or a group stands for no single person, and a
        "they" in what one person says not for the speaker."""
        if pronoun.lower_ not in _PRONOUNS:
            return None
        person = pronoun.lower_ in WORDS.personal
        sentence = pronoun.sent
        lower = sentence.start_char
        if pronoun.dep_ in SUBJECTS:
            found, speaker = self._subject_antecedent(pronoun)
            if found is not None:
                return found
            if speaker is not None:
                lower = max(lower, speaker.doc[speaker.right_edge.i].idx + 1)
        found = self._mention_before(pronoun, lower, person)
        if found is not None or sentence.start == 0:
            return found
        if not person:
            subject = previous_subject(pronoun)
            found = self.participant(subject) if subject is not None else None
            if found is not None:
                return found
        previous = pronoun.doc[sentence.start - 1].sent
        return self._mention_before(pronoun, previous.start_char, person, sentence.start_char)

    def _mention_before(
        self, pronoun: Token, lower: int, person: bool, upper: int | None = None
    ) -> Participant | None:
        """The last actor named between ``lower`` and the pronoun (or ``upper``) that the
        pronoun agrees with."""
        offset = pronoun.idx if upper is None else upper
        for _ in range(4):
            found = self.index.before(offset, lower, person)
            if found is None:
                return None
            start, end, actor = found
            span = pronoun.doc.char_span(start, end, alignment_mode="expand")
            reporter = not person and actor.sector == "JRN"  # "Reuters reported ... they"
            if not reporter and (person or span is None or agrees(pronoun, span.root)):
                return self._named(actor, start, end)
            offset = start
        return None

    def _subject_antecedent(self, pronoun: Token) -> tuple[Participant | None, Token | None]:
        """Whom a subject pronoun stands for in its sentence: the subject of the verb its own is
        coordinated with, of the main clause of its "if" clause, or the speaker of its clause;
        with the speaker it may not stand for ("the commander said they ...")."""
        verb = pronoun.head
        if verb.dep_ == "conj":
            sibling = next(
                (c for c in verb.head.children if c.dep_ in SUBJECTS and c.pos_ != "PRON"), None
            )
            found = self.participant(sibling) if sibling is not None else None
            if found is not None:
                return found, None
        if verb.dep_ == "advcl":
            main = _main_subject(verb.head, pronoun)
            found = self.participant(main) or self.loose(main) if main is not None else None
            if found is not None:
                return found, None
        if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING_VERBS:
            speaker = next((c for c in verb.head.children if c.dep_ in SUBJECTS), None)
            if speaker is None or speaker.pos_ == "PRON":
                return None, None
            if pronoun.lower_ not in WORDS.personal and not agrees(pronoun, speaker):
                return None, speaker
            found = self.participant(speaker)
            if found is not None and (found.sector is not None or found.country):
                return found, None
        return None, None


def _definite(token: Token) -> bool:
    """ "the rebels": a group named again, with no nation of its own."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) and not any(
        c.dep_ in ("amod", "compound", "poss", "nmod") for c in token.children
    )


def _unknown_name(token: Token) -> bool:
    """A noun that names no known actor or sector but may still be a doer: a name that is no
    place or date ("Karapatan"), or a noun of people ("the assailants", "the group", "raiders");
    not "others", "the area", "the crisis", "the weekend", a weapon or a pronoun."""
    if token.pos_ not in ("NOUN", "PROPN") or token.tag_ in _PRONOUN_TAGS:
        return False
    if token.lower_ in WORDS.skip_heads or token.lemma_.lower() in WORDS.weapons:
        return False
    if token.ent_type_ in _NOT_NAMES:
        return False
    if token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG", "NORP"):
        return True
    lower = token.lower_
    if lower in WORDS.doer_nouns or token.lemma_.lower() in WORDS.doer_nouns:
        return True
    return (
        token.tag_ == "NNS"
        and lower.endswith(WORDS.agent_endings)
        and lower not in WORDS.not_agents
    )


def _place_words(document: Document) -> set[tuple[str, ...]]:
    """Names that are places here (the places stage's, or the parse's GPE/LOC/FAC)."""
    names = {fold(e.text) for e in document.doc.ents if e.label_ in PLACE_LABELS}
    names.update(fold(span.text) for place in document.places for span in place.mentions)
    return names


def _members(token: Token) -> Token | None:
    """The people a quantity counts: "dozens of soldiers" -> "soldiers"."""
    if (
        token.lemma_.lower() not in WORDS.quantities
        and token.lower_ not in WORDS.quantities
        and token.pos_ != "NUM"
    ):
        return None
    return next(
        (
            g
            for c in token.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ),
        None,
    )


def _country_after(token: Token) -> str | None:
    """The country a group is in or from: "rebels in the Ivory Coast", "students throughout
    Indonesia"."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in WORDS.country_preps:
            place = next((g for g in child.children if g.dep_ == "pobj"), None)
            entry = (
                state_named(token.doc[place.left_edge.i : place.i + 1].text)
                if place is not None
                else None
            )
            if entry is not None:
                return entry.country
    return None
