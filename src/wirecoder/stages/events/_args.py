"""Who did what to whom: the actor and recipient of a trigger, from the dependency parse.

Verbs take their subject as actor and their object as recipient (swapped in the passive, with the
"by" phrase as actor); nouns take a possessor, a national or actor modifier ("Ukrainian artillery
strikes") or a "by" phrase as actor, and an "on"/"against"/"of" phrase as recipient. A noun that
is the object of a light verb ("launched an offensive") takes the verb's subject. Who each noun
phrase names is ``_names``' business.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..._document import Document
from ...schema import Participant
from ._clauses import speech_verb
from ._lexicon import REPORTING_VERBS, VERBS
from ._names import SUBJECTS, WORDS, Names

_PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
_OBJECTS = ("dobj", "obj")
_ADDRESSEE_PREPS = WORDS.recipient_preps | WORDS.partner_preps | WORDS.addressee_preps
"""Prepositions of whom an act is aimed at: "gave aid to", "withdrew from", "talks with"."""
_NOUN_RECIPIENT_PREPS = WORDS.recipient_preps | WORDS.partner_preps | {"of"}
_SHARING = frozenset({"xcomp", "conj", "advcl", "acl", "ccomp", "pcomp", "prep", "acomp"})
"""Links through which a verb shares the subject of the word above it."""


def _own_forces(actor: Participant, recipient: Participant) -> bool:
    return (
        bool(actor.country)
        and recipient.country == actor.country
        and recipient.sector in ("MIL", None)
    )


class Arguments:
    """Finds the participants of triggers in one document."""

    def __init__(self, document: Document) -> None:
        self.names = Names(document)

    def of_verb(self, verb: Token) -> tuple[Participant | None, Participant | None]:
        """Actor and recipient of a verb trigger."""
        passive = any(
            child.dep_ in _PASSIVE_SUBJECTS or child.dep_ == "auxpass" for child in verb.children
        )
        if passive:
            actor = self._agent(verb)
            recipient = self._first(verb, _PASSIVE_SUBJECTS)
        elif verb.lemma_.lower() in WORDS.falling_to:
            return self._prep_object(verb, frozenset({"to"})), None
        else:
            actor = self._first(verb, SUBJECTS, loose=True)
            recipient = self._first(verb, _OBJECTS)
        if actor is None and not passive:
            actor = self._inherited_subject(verb)
        if recipient is not None and actor is not None and _own_forces(actor, recipient):
            recipient = None  # "offered its troops to Lebanon": the troops are the offer
        if recipient is None:
            recipient = self._other_recipient(verb, actor, passive)
        return actor, recipient

    def _other_recipient(
        self, verb: Token, actor: Participant | None, passive: bool
    ) -> Participant | None:
        """A verb's recipient when it has no object: whom it is addressed to, whose the abstract
        object is, whom a demanded clause addresses, or the object of an open clause."""
        recipient = self._first(verb, ("dative",)) or self._prep_object(verb, _ADDRESSEE_PREPS)
        if recipient is None and not passive:
            recipient = self._inside_object(verb) or self._clause_subject(verb)
        if recipient is None:
            recipient = self._open_clause_recipient(verb, actor)
        if recipient is None and verb.dep_ == "relcl" and passive:
            recipient = self.names.participant(verb.head)
        return recipient

    def _open_clause_recipient(self, verb: Token, actor: Participant | None) -> Participant | None:
        """ "agreed to give aid to Lebanon": the recipient of the verb's open clause."""
        for child in verb.children:
            if child.dep_ == "xcomp" and child.pos_ == "VERB":
                recipient = self._first(child, ("dative",) + _OBJECTS) or self._prep_object(
                    child, _ADDRESSEE_PREPS
                )
                if recipient is not None and actor is not None and _own_forces(actor, recipient):
                    return None
                return recipient
        return None

    def of_noun(
        self, noun: Token, forces: bool = False
    ) -> tuple[Participant | None, Participant | None]:
        """Actor and recipient of a noun trigger ("Russia's invasion", "strikes on Kyiv").

        With ``forces``, a bare national adjective names the nation's military ("Ukrainian
        rocket strikes" are the Ukrainian forces' strikes).
        """
        actor = self._modifier_actor(noun, forces)
        if actor is None:
            actor = self._agent(noun) or self._prep_object(noun, WORDS.agent_preps)
        recipient = self._prep_object(noun, _NOUN_RECIPIENT_PREPS)
        if actor is None and recipient is None:
            holder = noun.head if noun.dep_ in SUBJECTS and noun.head.pos_ == "VERB" else noun
            actor, recipient = self._between(holder)
        anchor = noun
        while (
            anchor.dep_ == "pobj"
            and anchor.head.lower_ == "of"
            and anchor.head.head.lemma_.lower() in WORDS.spans_of
        ):
            anchor = anchor.head.head  # "launched ten days of war games": the days are launched
        governor = anchor.head
        light = governor.lemma_.lower() in WORDS.light_verbs or governor.lemma_.lower() not in VERBS
        if actor is None and anchor.dep_ in _OBJECTS and governor.pos_ == "VERB" and light:
            actor = self._first(governor, SUBJECTS, loose=True) or self._inherited_subject(governor)
        if noun.dep_ == "pobj" and governor.dep_ == "prep" and governor.head.pos_ == "VERB":
            actor, recipient = self._undergoing(governor.head, actor, recipient)
        return actor, recipient

    def _modifier_actor(self, noun: Token, forces: bool) -> Participant | None:
        """The actor a noun's possessor or modifier names: "Russia's invasion"."""
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
            actor = self.names.participant(child, modifier=True)
            if actor is not None:
                if (
                    forces
                    and actor.actor_id is None
                    and actor.sector is None
                    and child.pos_ == "ADJ"
                ):
                    actor = self.names.forces_of(actor)
                return actor
        return None

    def _undergoing(
        self, verb: Token, actor: Participant | None, recipient: Participant | None
    ) -> tuple[Participant | None, Participant | None]:
        """A noun trigger in a verb's prepositional phrase: "were killed in a strike", "died in a
        strike": the subject suffered it; "shelled the town in an offensive": the subject did."""
        passive = any(c.dep_ in _PASSIVE_SUBJECTS for c in verb.children)
        suffered = verb.lemma_.lower() in WORDS.suffered
        if suffered and recipient is None:
            recipient = self._first(verb, SUBJECTS)
        if recipient is None:
            recipient = self._first(verb, _PASSIVE_SUBJECTS if passive else _OBJECTS)
        undergone = passive or suffered
        if actor is None and not undergone and verb.lemma_.lower() not in REPORTING_VERBS:
            actor = self._first(verb, SUBJECTS)
        return actor, recipient

    def speaker(self, token: Token) -> Participant | None:
        """Who reports the clause ``token`` is in: "Syria says it will withdraw" -> Syria."""
        verb = speech_verb(token)
        return self._first(verb, SUBJECTS) if verb is not None else None

    def _first(self, head: Token, deps: tuple[str, ...], loose: bool = False) -> Participant | None:
        """The participant in the first ``deps`` child; ``loose`` names an unknown noun too."""
        for child in head.children:
            if child.dep_ in deps:
                found = self.names.participant(child)
                if found is None and loose and _unknown_name(child):
                    left = child.left_edge.i
                    start, end = child.doc[left].idx, child.idx + len(child)
                    found = Participant(
                        name=self.names.text[start:end], span=self.names.span(start, end)
                    )
                if found is None:
                    conj = next((c for c in child.children if c.dep_ == "conj"), None)
                    found = self.names.participant(conj) if conj is not None else None
                return found
        return None

    def _inside_object(self, verb: Token) -> Participant | None:
        """Who an abstract object belongs to: "rejected an Indian proposal", "demanded the
        withdrawal of Serbian forces", "rejected calls by Kofi Annan"."""
        for obj in (c for c in verb.children if c.dep_ in _OBJECTS):
            for child in obj.children:
                if child.dep_ == "poss" or child.dep_ == "amod" and child.i < obj.i:
                    found = self.names.participant(child, modifier=True)
                    if found is not None:
                        return found
            found = self._prep_object(obj, WORDS.owner_preps)
            if found is not None:
                return found
        return None

    def _clause_subject(self, verb: Token) -> Participant | None:
        """Whom a demand or a call addresses: "demanded that Israel ease restrictions"."""
        for clause in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp")):
            subject = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
            if subject is not None:
                return self.names.participant(subject)
        return None

    def _between(self, head: Token) -> tuple[Participant | None, Participant | None]:
        """ "clashes (broke out) between police and protesters": the two sides."""
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "between":
                sides = [g for g in child.children if g.dep_ == "pobj"]
                if sides:
                    other = next((c for c in sides[0].children if c.dep_ == "conj"), None)
                    return self.names.participant(sides[0]), self.names.participant(
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
                found = self._first(head, SUBJECTS)
                if found is not None:
                    return found
            token = head
        return None


def _unknown_name(token: Token) -> bool:
    """A noun that names no known actor or sector but may still be a doer ("the assailants");
    not a weapon."""
    return (
        token.pos_ in ("NOUN", "PROPN")
        and token.lower_ not in WORDS.skip_heads
        and token.lemma_.lower() not in WORDS.weapons
    )
