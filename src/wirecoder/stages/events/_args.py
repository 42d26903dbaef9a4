"""Who did what to whom: the actor and recipient of a trigger, from the dependency parse.

Verbs take their subject as actor and their object as recipient (swapped in the passive, with the
"by" phrase as actor); nouns take a possessor, a national or actor modifier ("Ukrainian artillery
strikes") or a "by" phrase as actor ("shelling by Ukraine's forces", "an attack carried out by RSF
fighters"), and an "on"/"against"/"of" phrase as recipient. A noun that is the object of a light
verb ("launched an offensive") takes the verb's subject; the subject of a verb of reporting,
witnessing or fleeing ("reported heavy fighting", "fled the fighting") is no participant, and that
of a verb of fending off or enduring ("repelled an attack", "came under shelling") the target.
The speaker is not the doer of what is said, unless the content says so ("the army said it
struck"); the one accused or held responsible is ("accused Russia of shelling Kherson"). Who each
noun phrase names is ``_names``' business.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..._document import Document
from ...actors import ARMED_SECTORS, STATE_SECTORS, catalog, fold, sector_of
from ...schema import Participant
from ._aux import denied
from ._clauses import speech_verb
from ._lexicon import NOUNS, REPORTING_VERBS, VERBS
from ._names import PLACE_LABELS, Names
from ._words import SUBJECTS, WORDS

_PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
_PREP_OBJECTS = ("pobj", "pcomp")
_OBJECTS = ("dobj", "obj")
_ADDRESSEE_PREPS = WORDS.recipient_preps | WORDS.partner_preps | WORDS.addressee_preps
"""Prepositions of whom an act is aimed at: "gave aid to", "withdrew from", "talks with"."""
_NOUN_RECIPIENT_PREPS = WORDS.recipient_preps | WORDS.partner_preps | {"of"}
_DOING = WORDS.light_verbs | WORDS.doing_participles
_NOT_DOING = WORDS.bystanders | WORDS.enduring | WORDS.receiving
"""Verbs whose subject does not do the event their object names."""
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
        passive = _reduced_passive(verb) or any(
            child.dep_ in _PASSIVE_SUBJECTS or child.dep_ == "auxpass" for child in verb.children
        )
        if passive:
            actor = self._agent(verb) or self._at_hands(verb)
            recipient = self._first(verb, _PASSIVE_SUBJECTS)
        elif verb.lemma_.lower() in WORDS.falling_to:
            return self._prep_object(verb, frozenset({"to"})), None
        else:
            actor = self._first(verb, SUBJECTS, loose=True)
            recipient = self._first(verb, _OBJECTS)
        if actor is None and not passive and not _has_subject(verb):
            actor = (
                self._gerund_agent(verb)
                or self._clause_owner(verb)
                or self._accused(verb)
                or self._inherited_subject(verb)
            )
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
        if recipient is None and verb.dep_ in ("relcl", "acl") and passive:
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
            actor = (
                self._agent(noun)
                or self._prep_object(noun, WORDS.agent_preps)
                or self.names.doer_by(noun)
                or self._accused(noun)
            )
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
        if actor is None and anchor is not noun:
            actor = self.names.doer_by(anchor)  # "a series of shootings carried out by IS"
        governor = anchor.head
        if governor.pos_ == "VERB":
            actor, recipient = self._governed(anchor, governor, actor, recipient)
        if noun.dep_ in _PREP_OBJECTS and governor.dep_ == "prep" and governor.head.pos_ == "VERB":
            actor, recipient = self._undergoing(governor, actor, recipient)
        return actor, recipient

    def _governed(
        self, noun: Token, verb: Token, actor: Participant | None, recipient: Participant | None
    ) -> tuple[Participant | None, Participant | None]:
        """The doer of a noun trigger by the verb it is the object of: the subject of a light
        verb ("launched an offensive"), of a passive one its "by" phrase ("the attack was carried
        out by RSF fighters"); the subject of "repelled an attack" is its target, and the one
        who reports, witnesses or flees it ("reported heavy fighting") no participant."""
        lemma = verb.lemma_.lower()
        if noun.dep_ in _OBJECTS and lemma in WORDS.enduring:
            return actor, recipient or self._first(verb, SUBJECTS)
        if noun.dep_ in _OBJECTS and lemma in WORDS.receiving:
            giver = actor or self._prep_object(verb, frozenset({"from"}))
            return giver, recipient or self._first(verb, SUBJECTS)
        if actor is not None:
            return actor, recipient
        if noun.dep_ in _PASSIVE_SUBJECTS and lemma in _DOING:
            return self._agent(verb), recipient
        if noun.dep_ in _OBJECTS and (
            lemma in WORDS.light_verbs or lemma not in VERBS and lemma not in _NOT_DOING
        ):
            actor = self._first(verb, SUBJECTS, loose=True) or self._inherited_subject(verb)
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
            if actor is None and child.dep_ == "compound":
                actor = self._armed_modifier(child)
            elif actor is not None and child.dep_ == "compound" and not _may_act(actor):
                continue  # "the Aramco attacks", "a UN convoy attack": what was attacked
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
        self, preposition: Token, actor: Participant | None, recipient: Participant | None
    ) -> tuple[Participant | None, Participant | None]:
        """A noun trigger in a verb's prepositional phrase: "were killed in a strike", "died in a
        strike", "came under shelling": the subject suffered it; "shelled the town in an
        offensive": the subject did; "fled after shelling": the subject did not."""
        verb = preposition.head
        lemma = verb.lemma_.lower()
        passive = any(c.dep_ in _PASSIVE_SUBJECTS for c in verb.children)
        suffered = lemma in WORDS.suffered or preposition.lower_ in WORDS.undergoing_preps
        if suffered and recipient is None:
            recipient = self._first(verb, SUBJECTS)
        if recipient is None:
            recipient = self._first(verb, _PASSIVE_SUBJECTS if passive else _OBJECTS)
        undergone = passive or suffered
        if (
            actor is None
            and not undergone
            and preposition.lower_ not in WORDS.circumstance_preps
            and lemma not in REPORTING_VERBS
            and lemma not in _NOT_DOING
        ):
            actor = self._first(verb, SUBJECTS)
        return actor, recipient

    def armed(self, actor: Participant | None) -> Participant | None:
        """The doer of an attack: "Russians pressing attacks" are Russia's forces, not its
        civilians (a bare nationality in the plural)."""
        if actor is None or actor.sector != "CVL" or actor.span is None:
            return actor
        if catalog().demonym(actor.span.text) is None:
            return actor
        return self.names.forces_of(actor)

    def speaker(self, token: Token) -> Participant | None:
        """Who reports the clause ``token`` is in: "Syria says it will withdraw" -> Syria."""
        verb = speech_verb(token)
        return self._first(verb, SUBJECTS) if verb is not None else None

    def _first(self, head: Token, deps: tuple[str, ...], loose: bool = False) -> Participant | None:
        """The participant in the first ``deps`` child; ``loose`` names an unknown noun too."""
        for child in head.children:
            if child.dep_ in deps:
                found = self.names.participant(child)
                if found is None and loose:
                    found = self.names.loose(child)
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
        """The doer in a "by" phrase: "was shelled by Russian forces"; through the attack or
        weapon it names, "killed by shelling by Ukraine's forces", "killed by a drone launched
        by Russian forces"."""
        for child in head.children:
            if child.dep_ == "agent":
                found = self._first(child, ("pobj",))
                means = next((g for g in child.children if g.dep_ == "pobj"), None)
                if found is None and means is not None and means.lemma_.lower() in NOUNS:
                    found = self._modifier_actor(means, True) or self.names.doer_by(means)
                return found
        return None

    def _accused(self, token: Token) -> Participant | None:
        """The doer someone is said to be: "accused Russia of shelling Kherson", "blamed the RSF
        for the attack", "blamed the attack on the RSF", "the group was responsible for the
        attack", "Israel was accused of striking the school"."""
        head = token.head
        on = frozenset({"on"})
        if token.dep_ in _OBJECTS and head.lemma_.lower() in WORDS.accusing:
            # the parser may hang "on the RSF" on the attack
            return self._prep_object(head, on) or self._prep_object(token, on)
        if token.dep_ not in _PREP_OBJECTS or head.lower_ not in ("of", "for"):
            return None
        verb = head.head
        if verb.lemma_.lower() in WORDS.answerable:
            if verb.dep_ == "amod":  # "held the Houthis responsible", parsed as a modifier
                return self.names.participant(verb.head)
            holder = verb.head  # "was responsible for", "claimed responsibility for"
            if denied(holder):
                return None  # "denied it was responsible for the attack"
            return self._first(holder, _OBJECTS, loose=True) or self._first(
                holder, SUBJECTS, loose=True
            )
        if verb.lemma_.lower() in WORDS.accusing:
            return self._first(verb, _OBJECTS, loose=True) or self._first(
                verb, _PASSIVE_SUBJECTS, loose=True
            )
        return None

    def _at_hands(self, verb: Token) -> Participant | None:
        """ "killed at the hands of RSF fighters"."""
        for prep in (c for c in verb.children if c.dep_ == "prep"):
            for noun in (g for g in prep.children if g.dep_ == "pobj"):
                if noun.lower_ in WORDS.agent_nouns:
                    return self._prep_object(noun, frozenset({"of"}))
        return None

    def _gerund_agent(self, verb: Token) -> Participant | None:
        """ "shelling by Ukraine's armed forces": a gerund's "by" phrase names its doer."""
        if verb.tag_ != "VBG" or any(c.dep_ in SUBJECTS for c in verb.children):
            return None
        return self._prep_object(verb, frozenset({"by"}))

    def _clause_owner(self, verb: Token) -> Participant | None:
        """ "17 attempts by Russian forces to advance", "Russia's bid to encircle the town": the
        doer of the noun the clause completes."""
        noun = verb.head
        if verb.dep_ != "acl" or noun.pos_ != "NOUN" or verb.tag_ == "VBN":
            return None
        return (
            self._modifier_actor(noun, True)
            or self._agent(noun)
            or self._prep_object(noun, WORDS.agent_preps)
        )

    def _armed_modifier(self, modifier: Token) -> Participant | None:
        """ "an army attack", "a rebel assault", "a police raid": an armed group named by a
        sector noun before the event."""
        if sector_of(modifier.lemma_) not in ARMED_SECTORS:
            return None
        return self.names.participant(modifier)

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
                if head.dep_ in _OBJECTS and head.head.lemma_.lower() in _NOT_DOING:
                    return None  # "repelled attempts to advance": not the repellers' advance
                head = head.head if head.dep_ in _OBJECTS + ("pobj",) else head
            if _not_shared(token, head):
                return None
            if head.pos_ != "ADP" and _has_subject(head):
                # the nearest subject, named or not: "two bombs exploded, killing seven" is
                # not the doing of whoever reports it; but a place is no doer, and a clause
                # hung on its verb may belong higher up ("as Hamburg hosts the summit, setting
                # up barricades")
                found = self._first(head, SUBJECTS, loose=True)
                if found is not None or not self._place_subject(head):
                    return found
            token = head
        return None

    def _place_subject(self, verb: Token) -> bool:
        """The verb's subject is a place name."""
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        return subject is not None and (
            subject.ent_type_ in PLACE_LABELS or fold(subject.text) in self.names.place_words
        )


def _not_shared(token: Token, head: Token) -> bool:
    """The subject of ``head`` does not do what ``token`` says: a speaker does not do what is
    reported ("told X to" is X's), nor one who reports a gerund ("the governor reported shelling
    of two villages"), nor an accuser what the accused is said to have done."""
    lemma = head.lemma_.lower()
    if lemma in REPORTING_VERBS and (
        token.dep_ == "ccomp" or any(c.dep_ == "dobj" for c in head.children)
    ):
        return True
    if lemma in WORDS.bystanders and (
        token.dep_ == "ccomp"
        or token.dep_ == "xcomp"
        and (token.tag_ == "VBG" or any(c.dep_ in _OBJECTS for c in head.children))
    ):
        return True  # "reported shelling", "witnessed a bomb explode"
    if lemma in WORDS.enduring and token.dep_ == "xcomp" and token.tag_ == "VB":
        return True  # "foiled a plot to blow up the checkpoint"
    return (
        token.dep_ in _PREP_OBJECTS
        and head.lower_ in ("of", "for")
        and head.head.lemma_.lower() in WORDS.accusing | WORDS.answerable
    )


def _reduced_passive(verb: Token) -> bool:
    """ "four aid workers kidnapped by gunmen": a past participle describing a noun (not "air
    strikes killed 12 people", a verb with its object that the parser may hang the same way)."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.head.pos_ in ("NOUN", "PROPN")
        and not any(c.dep_ in _OBJECTS for c in verb.children)
    )


def _has_subject(verb: Token) -> bool:
    """The verb has a subject of its own, named or not ("a container exploded")."""
    return any(c.dep_ in SUBJECTS or c.dep_ == "expl" for c in verb.children)


def _may_act(participant: Participant) -> bool:
    """A participant that may do an attack named after it: a state, an armed or state body."""
    return participant.sector in ARMED_SECTORS | STATE_SECTORS or (
        participant.country is not None and participant.sector is None
    )
