"""Who did what to whom: the actor and recipient of a trigger, from the dependency parse.

Verbs take their subject as actor and their object as recipient (swapped in the passive, with the
"by" phrase as actor); nouns take a possessor, a national or actor modifier ("Ukrainian artillery
strikes") or a "by" phrase as actor, and an "on"/"against"/"of" phrase as recipient. A noun that
is the object of a light verb ("launched an offensive") takes the verb's subject. Pronouns take
the subject of the reporting verb they hang from ("Moscow says it invaded") or the last actor
before them; "his troops" takes the country of whoever "his" is. Unnamed groups ("gunmen",
"seven civilians") become participants with their PLOVER sector and no actor id.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Token

from ...actors import ActorEntry, catalog, fold, sector_of
from ...schema import Actor, Participant, Span
from ._lexicon import LIGHT_VERBS, MILITARY_TARGETS, REPORTING_VERBS, VERBS

_SUBJECTS = ("nsubj", "csubj")
_PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
_OBJECTS = ("dobj", "obj")
_RECIPIENT_PREPS = frozenset({"on", "against", "at", "upon", "targeting"})
_PARTNER_PREPS = frozenset({"with", "between"})
_ADDRESSEE_PREPS = (
    _RECIPIENT_PREPS
    | _PARTNER_PREPS
    | frozenset({"to", "from", "for", "toward", "towards", "into", "over"})
)
"""Prepositions that introduce who an act is aimed at: "gave aid to", "withdrew from", "talks with"."""
_SUFFERED = frozenset({"die", "perish", "suffer", "drown", "burn"})
"""Verbs whose subject undergoes the event of their "in" phrase ("died in a strike")."""


def _main_subject(verb: Token, pronoun: Token) -> Token | None:
    """The subject a pronoun in an adverbial clause stands for: "the troops would pull back if
    they came under risk". When the main clause has an object of the pronoun's number as well
    ("would meet the envoy if he ..."), either may be meant, and none is taken."""
    plural = pronoun.lower_ in ("they", "them", "we")

    def agrees(token: Token) -> bool:
        return (token.tag_ in ("NNS", "NNPS")) == plural

    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS and c.pos_ != "PRON"), None)
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj") and agrees(c)]
    return subject if subject is not None and agrees(subject) and not objects else None


def state_named(name: str) -> ActorEntry | None:
    """The country a name or capital stands for ("Israel", "the Ivory Coast", "Kyiv"), or None."""
    entry = catalog().lookup(name)
    return entry if entry is not None and entry.kind == "country" and entry.country else None


def _own_forces(actor: Participant, recipient: Participant) -> bool:
    return (
        bool(actor.country)
        and recipient.country == actor.country
        and recipient.sector in ("MIL", None)
    )


_PERSONAL = frozenset({"he", "she", "him", "her", "his", "hers"})
_IMPERSONAL = frozenset({"it", "its", "they", "them", "their", "theirs"})
_SPANS_OF = frozenset(
    {
        "day",
        "week",
        "month",
        "hour",
        "night",
        "series",
        "wave",
        "round",
        "spate",
        "string",
        "campaign",
        "week-end",
        "weekend",
    }
)
"""Nouns that only measure the event they hold: "ten days of war games"."""
_WEAPONS = frozenset(
    {
        "missile",
        "rocket",
        "shell",
        "bomb",
        "mortar",
        "grenade",
        "projectile",
        "bullet",
        "round",
        "mine",
        "ied",
        "explosive",
        "device",
        "fire",
        "artillery",
        "shelling",
        "barrage",
        "drone",
        "strike",
        "airstrike",
    }
)
"""Subjects that are weapons: "a Russian missile struck" names Russia's forces, "shells hit" no one."""
_SHARING = frozenset({"xcomp", "conj", "advcl", "acl", "ccomp", "pcomp", "prep", "acomp"})
"""Links through which a verb shares the subject of the word above it."""
_QUANTITIES = frozenset(
    {
        "ten",
        "tens",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "dozen",
        "dozens",
        "scores",
        "million",
        "millions",
        "group",
        "groups",
        "crowd",
        "number",
        "some",
        "many",
        "several",
        "all",
        "most",
    }
)
_GENERIC_HEADS = frozenset(
    {
        "member",
        "members",
        "personnel",
        "staff",
        "officer",
        "officers",
        "unit",
        "units",
        "agent",
        "agents",
    }
)
_SKIP_HEADS = frozenset({"who", "which", "that", "what", "whom", "this", "these", "those", "there"})


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

    def before(self, offset: int, lower: int, person: bool | None) -> tuple[int, int, Actor] | None:
        """The last mention ending before ``offset`` and after ``lower``, of a person or not."""
        index = bisect_right(self.starts, offset) - 1
        while index >= 0:
            start, end, actor = self.mentions[index]
            if start < lower:
                return None
            if end <= offset and (person is None or (actor.kind == "person") == person):
                return start, end, actor
            index -= 1
        return None


def _nation_before(weapon: Token) -> ActorEntry | None:
    """The nation a weapon's modifiers name: "Russian missiles", "Ukrainian artillery and rocket
    fire" (where the parser hangs the adjective on the first of the coordinated weapons)."""
    modifiers = [c for c in weapon.children if c.i < weapon.i and c.dep_ in _WEAPON_MODIFIERS]
    modifiers += [
        g
        for c in modifiers
        if c.dep_ in ("compound", "nmod")
        for g in c.children
        if g.i < c.i and g.dep_ in _WEAPON_MODIFIERS
    ]
    for modifier in modifiers:
        nation = catalog().demonym(modifier.text)
        if nation is not None:
            return nation
    return None


_WEAPON_MODIFIERS = frozenset({"amod", "compound", "nmod"})


class Arguments:
    """Finds the participants of triggers in one document."""

    def __init__(self, text: str, actors: list[Actor], place_words: set[tuple[str, ...]]) -> None:
        self.text = text
        self.place_words = place_words
        self.index = ActorIndex.build(actors)
        self.by_id = {actor.id: actor for actor in actors}

    def of_verb(self, verb: Token) -> tuple[Participant | None, Participant | None]:
        """Actor and recipient of a verb trigger."""
        passive = any(
            child.dep_ in _PASSIVE_SUBJECTS or child.dep_ == "auxpass" for child in verb.children
        )
        if passive:
            actor = self._agent(verb)
            recipient = self._first(verb, _PASSIVE_SUBJECTS)
        elif verb.lemma_.lower() == "fall":
            return self._prep_object(verb, frozenset({"to"})), None
        else:
            actor = self._first(verb, _SUBJECTS, loose=True)
            recipient = self._first(verb, _OBJECTS)
        if actor is None and not passive:
            actor = self._inherited_subject(verb)
        if recipient is not None and actor is not None and _own_forces(actor, recipient):
            recipient = None  # "offered its troops to Lebanon": the troops are the offer
        if recipient is None:
            recipient = self._first(verb, ("dative",)) or self._prep_object(verb, _ADDRESSEE_PREPS)
        if recipient is None and not passive:
            recipient = self._inside_object(verb) or self._clause_subject(verb)
        if recipient is None:
            for child in verb.children:
                if child.dep_ == "xcomp" and child.pos_ == "VERB":
                    recipient = self._first(child, ("dative",) + _OBJECTS) or self._prep_object(
                        child, _ADDRESSEE_PREPS
                    )
                    if (
                        recipient is not None
                        and actor is not None
                        and _own_forces(actor, recipient)
                    ):
                        recipient = None
                    break
        if recipient is None and verb.dep_ == "relcl" and passive:
            recipient = self.participant(verb.head)
        return actor, recipient

    def of_noun(
        self, noun: Token, forces: bool = False
    ) -> tuple[Participant | None, Participant | None]:
        """Actor and recipient of a noun trigger ("Russia's invasion", "strikes on Kyiv").

        With ``forces``, a bare national adjective names the nation's military ("Ukrainian
        rocket strikes" are the Ukrainian forces' strikes).
        """
        actor = None
        modifiers = [
            c
            for c in noun.children
            if c.dep_ == "poss" or c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i
        ]
        modifiers += [
            g
            for c in modifiers
            if c.dep_ in ("compound", "nmod")
            for g in c.children
            if g.dep_ in ("amod", "compound", "poss") and g.i < c.i
        ]  # "a Russian drone and missile strike": the nation qualifies the coordinated weapons
        for child in modifiers:
            actor = self.participant(child, modifier=True)
            if actor is not None:
                if (
                    forces
                    and actor.actor_id is None
                    and actor.sector is None
                    and child.pos_ == "ADJ"
                ):
                    actor = self._forces_of(actor)
                break
        if actor is None:
            actor = self._agent(noun) or self._prep_object(noun, frozenset({"by", "from"}))
        recipient = self._prep_object(noun, _RECIPIENT_PREPS | _PARTNER_PREPS | {"of"})
        if actor is None and recipient is None:
            holder = noun.head if noun.dep_ in _SUBJECTS and noun.head.pos_ == "VERB" else noun
            actor, recipient = self._between(holder)
        anchor = noun
        while (
            anchor.dep_ == "pobj"
            and anchor.head.lower_ == "of"
            and anchor.head.head.lemma_.lower() in _SPANS_OF
        ):
            anchor = anchor.head.head  # "launched ten days of war games": the days are launched
        governor = anchor.head
        light = governor.lemma_.lower() in LIGHT_VERBS or governor.lemma_.lower() not in VERBS
        if actor is None and anchor.dep_ in _OBJECTS and governor.pos_ == "VERB" and light:
            actor = self._first(governor, _SUBJECTS, loose=True) or self._inherited_subject(
                governor
            )
        if noun.dep_ == "pobj" and governor.dep_ == "prep" and governor.head.pos_ == "VERB":
            verb = governor.head
            # "were killed in a strike", "died in a strike": the subject suffered it
            passive = any(c.dep_ in _PASSIVE_SUBJECTS for c in verb.children)
            if verb.lemma_.lower() in _SUFFERED and recipient is None:
                recipient = self._first(verb, _SUBJECTS)
            if recipient is None:
                recipient = self._first(verb, _PASSIVE_SUBJECTS if passive else _OBJECTS)
            undergone = passive or verb.lemma_.lower() in _SUFFERED
            if actor is None and not undergone and verb.lemma_.lower() not in REPORTING_VERBS:
                actor = self._first(verb, _SUBJECTS)
        if actor is None and noun.dep_ in _SUBJECTS + _PASSIVE_SUBJECTS:
            actor = None
        return actor, recipient

    def participant(self, token: Token, modifier: bool = False) -> Participant | None:
        """The participant a noun-phrase head names, or None when it names no one."""
        if token.lower_ in _SKIP_HEADS:
            return None
        if token.lemma_.lower() in _QUANTITIES or token.pos_ == "NUM":
            members = [
                g
                for c in token.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ == "pobj"
            ]
            if members:
                return self.participant(members[0], modifier)
        generic = not modifier and sector_of(token.lemma_) is not None
        modifiers = [c for c in token.children if c.dep_ in ("appos", "compound", "amod", "poss")]
        for candidate in (token, *modifiers):
            found = self.index.at(candidate.idx)
            if found is None:
                continue
            start, end, actor = found
            if generic and candidate != token and (actor.kind == "country" or actor.sector is None):
                continue  # "Israel's high court" is a court, of Israel: typed below
            return self._named(actor, start, end)
        if token.pos_ == "PRON":
            return self._pronoun(token)
        if token.lemma_.lower() in _WEAPONS and not modifier:
            nation = _nation_before(token)
            if nation is None or not nation.country:
                return None
            return self._forces_of(Participant(name=nation.name, country=nation.country))
        if token.ent_type_ == "GPE" and not modifier:
            state = catalog().lookup(token.text)
            if state is not None and state.kind == "country" and state.country:
                linked = self.by_id.get(state.id)
                return Participant(
                    actor_id=linked.id if linked else None,
                    name=state.name,
                    span=self._span(token.idx, token.idx + len(token)),
                    country=state.country,
                )
        if token.dep_ == "amod" or modifier and token.pos_ in ("ADJ", "PROPN"):
            nation = catalog().demonym(token.text)
            if nation is not None and nation.country:
                return Participant(
                    name=nation.name,
                    span=self._span(token.idx, token.idx + len(token)),
                    country=nation.country,
                )
            return None
        if modifier:
            return None
        sector = (
            sector_of(token.lemma_) or sector_of(token.text) or self._sector_of_modifiers(token)
        )
        if sector is None and token.lemma_.lower() in MILITARY_TARGETS:
            sector = "MIL"
        if sector is None and (
            token.ent_type_ not in ("PERSON", "ORG", "NORP") or fold(token.text) in self.place_words
        ):
            return None
        left = min((c.left_edge.i for c in token.children if c.i < token.i), default=token.i)
        start = token.doc[left].idx
        end = token.idx + len(token)
        country = None
        for child in token.children:
            if child.i < token.i and child.dep_ in ("amod", "compound", "poss"):
                owner = self._pronoun(child) if child.pos_ == "PRON" else None
                entry = catalog().demonym(child.text) or state_named(child.text)
                country = (owner.country if owner else None) or (entry.country if entry else None)
                if country:
                    break
        if country is None:  # "rebels in the Ivory Coast", "students throughout Indonesia"
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in ("in", "from", "of", "throughout"):
                    place = next((g for g in child.children if g.dep_ == "pobj"), None)
                    entry = (
                        state_named(token.doc[place.left_edge.i : place.i + 1].text)
                        if place is not None
                        else None
                    )
                    if entry is not None:
                        country = entry.country
                        break
        actor_id = None
        if country and sector:
            linked = self.by_id.get(f"{country.lower()}.{sector.lower()}")
            actor_id = linked.id if linked else None
        return Participant(
            actor_id=actor_id,
            name=self.text[start:end],
            span=self._span(start, end),
            country=country,
            sector=sector,
        )

    @staticmethod
    def _sector_of_modifiers(token: Token) -> str | None:
        """ "security force members", "army personnel": the sector of a generic head's modifier."""
        if token.lemma_.lower() not in _GENERIC_HEADS:
            return None
        for child in token.children:
            if child.dep_ in ("compound", "amod") and child.i < token.i:
                phrase = token.doc[child.left_edge.i : child.i + 1].text
                found = sector_of(phrase) or sector_of(child.lemma_)
                if found is not None:
                    return found
        return None

    def speaker(self, token: Token) -> Participant | None:
        """Who reports the clause ``token`` is in: "Syria says it will withdraw" -> Syria."""
        current = token
        for _ in range(6):
            if current.head == current:
                return None
            if (
                current.dep_ in ("ccomp", "xcomp", "parataxis")
                and current.head.lemma_.lower() in REPORTING_VERBS
            ):
                return self._first(current.head, _SUBJECTS)
            current = current.head
        return None

    def _forces_of(self, nation: Participant) -> Participant:
        state = catalog().country(nation.country or "")
        if state is None:
            return nation
        forces = catalog().composed(state, "MIL")
        linked = self.by_id.get(forces.id)
        return nation.model_copy(
            update={"actor_id": linked.id if linked else None, "name": forces.name, "sector": "MIL"}
        )

    def _named(self, actor: Actor, start: int, end: int) -> Participant:
        return Participant(
            actor_id=actor.id,
            name=actor.name,
            span=self._span(start, end),
            country=actor.country,
            sector=actor.sector,
        )

    def _span(self, start: int, end: int) -> Span:
        return Span.of(self.text, start, end)

    def _first(self, head: Token, deps: tuple[str, ...], loose: bool = False) -> Participant | None:
        """The participant in the first ``deps`` child; ``loose`` names an unknown noun too."""
        for child in head.children:
            if child.dep_ in deps:
                found = self.participant(child)
                if (
                    found is None
                    and loose
                    and child.pos_ in ("NOUN", "PROPN")
                    and child.lower_ not in _SKIP_HEADS
                    and child.lemma_.lower() not in _WEAPONS
                ):
                    left = child.left_edge.i
                    start, end = child.doc[left].idx, child.idx + len(child)
                    found = Participant(name=self.text[start:end], span=self._span(start, end))
                if found is None:
                    for conj in child.children:
                        if conj.dep_ == "conj":
                            found = self.participant(conj)
                            break
                return found
        return None

    def _inside_object(self, verb: Token) -> Participant | None:
        """Who an abstract object belongs to: "rejected an Indian proposal", "demanded the
        withdrawal of Serbian forces", "rejected calls by Kofi Annan"."""
        for obj in (c for c in verb.children if c.dep_ in _OBJECTS):
            for child in obj.children:
                if child.dep_ == "poss" or child.dep_ == "amod" and child.i < obj.i:
                    found = self.participant(child, modifier=True)
                    if found is not None:
                        return found
            found = self._prep_object(obj, frozenset({"of", "by", "from"}))
            if found is not None:
                return found
        return None

    def _clause_subject(self, verb: Token) -> Participant | None:
        """Whom a demand or a call addresses: "demanded that Israel ease restrictions"."""
        for clause in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp")):
            subject = next((c for c in clause.children if c.dep_ in _SUBJECTS), None)
            if subject is not None:
                return self.participant(subject)
        return None

    def _between(self, head: Token) -> tuple[Participant | None, Participant | None]:
        """ "clashes (broke out) between police and protesters": the two sides."""
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "between":
                sides = [g for g in child.children if g.dep_ == "pobj"]
                if sides:
                    other = next((c for c in sides[0].children if c.dep_ == "conj"), None)
                    return self.participant(sides[0]), self.participant(
                        other
                    ) if other is not None else None
        return None, None

    def _agent(self, head: Token) -> Participant | None:
        for child in head.children:
            if child.dep_ == "agent":
                return self._first(child, ("pobj",))
        return None

    def _prep_object(self, head: Token, preps: frozenset[str]) -> Participant | None:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                found = self._first(child, ("pobj",))
                if found is not None:
                    return found
        return None

    def _inherited_subject(self, verb: Token) -> Participant | None:
        """The subject a verb shares with the word it hangs from: "pledged to withdraw", "is ready
        to contribute", "achieved a victory by controlling"."""
        token = verb
        for _ in range(5):
            if token.dep_ not in _SHARING or token.head == token:
                return None
            head = token.head
            if token.dep_ == "acl" and head.pos_ == "NOUN":
                head = head.head if head.dep_ in _OBJECTS + ("pobj",) else head
            if head.lemma_.lower() in REPORTING_VERBS and (
                token.dep_ == "ccomp" or any(c.dep_ == "dobj" for c in head.children)
            ):
                return None  # the speaker does not do what is reported; "told X to" is X's
            if head.pos_ != "ADP":
                found = self._first(head, _SUBJECTS)
                if found is not None:
                    return found
            token = head
        return None

    def _pronoun(self, pronoun: Token) -> Participant | None:
        """The actor a pronoun stands for: the reporting verb's subject, else the last one named."""
        lower = pronoun.lower_
        if lower not in _PERSONAL | _IMPERSONAL:
            return None
        person = lower in _PERSONAL
        token = pronoun.head
        if pronoun.dep_ in _SUBJECTS and token.dep_ == "conj":
            sibling = next(
                (c for c in token.head.children if c.dep_ in _SUBJECTS and c.pos_ != "PRON"), None
            )
            if sibling is not None:
                found = self.participant(sibling)
                if found is not None:
                    return found
        if pronoun.dep_ in _SUBJECTS and token.dep_ == "advcl":
            main = _main_subject(token.head, pronoun)
            if main is not None and (found := self.participant(main)) is not None:
                return found
        for _ in range(1 if pronoun.dep_ in _SUBJECTS else 0):
            if token.dep_ == "ccomp" and token.head.lemma_.lower() in REPORTING_VERBS:
                speaker = next((c for c in token.head.children if c.dep_ in _SUBJECTS), None)
                if speaker is not None and speaker.pos_ != "PRON":
                    found = self.participant(speaker)
                    if found is not None and (found.sector is not None or found.country):
                        return found
                break
            if token.head == token:
                break
            token = token.head
        sentence = pronoun.sent
        lower_bound = sentence.start_char
        previous = pronoun.doc[sentence.start - 1].sent if sentence.start > 0 else None
        if previous is not None:
            lower_bound = previous.start_char
        found_mention = self.index.before(pronoun.idx, lower_bound, person if person else None)
        if found_mention is None:
            return None
        start, end, actor = found_mention
        return self._named(actor, start, end)
