"""What the object of a trigger says about it (``data/objects.toml``): the object's words, and the
rules by which a verb's object decides whether and as what it is an event.

"halted aid" is a SANCTION, "halted the advance" nothing; "gave weapons" is military AID;
"protested to Kyiv" a diplomatic accusation.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from spacy.tokens import Token

from ..._errors import ConfigError
from ...actors import ARMED_SECTORS, sector_of
from ...lexicon import Lexicon, Words, load
from ._lexicon import CUES, VERBS, ObjectRule, Trigger, VerbTrigger
from ._names import PLACE_LABELS


class _Objects(Lexicon):
    weapon_finds: Words
    troop_moves: Words
    fired_at: Words
    capturing: Words
    capturing_ground: Words
    freeing: Words
    holding_people: Words
    held_to_account: Words
    holding_ground: Words
    keeping_ground: Words
    releasing: Words
    not_freed: Words
    signing: Words
    forming: Words
    handing_over: Words
    territory: Words
    weapons: Words
    bases: Words
    people: Words
    formed_units: Words
    aid: Words
    routes: Words
    ties: Words
    relations: Words
    lifted: Words
    relaxed: Words
    publications: Words
    agreements: Words
    truces: Words
    mobilizable: Words
    withdrawn: Words
    demanded_terms: Words
    military_objects: Words
    supply_lines: Words
    institutions: Words
    protested_to: Words
    forces_of_nature: Words
    aid_modes: dict[str, Words]
    fired_weapons: dict[str, str]
    wanted: dict[str, Words]


OBJECTS = load("wirecoder.stages.events", "objects", _Objects)


_ACCESS = Trigger(type="RETREAT", mode="access")
_ACCUSE = Trigger(type="ACCUSE")
_CONCEDE = Trigger(type="CONCEDE")
_SEVER = Trigger(type="SANCTION", mode="sever")
_CANCEL = Trigger(type="SANCTION", mode="cancel")
_CENSOR = Trigger(type="COERCE", mode="censor")
_CLASH = Trigger(type="ASSAULT", mode="clash", context=("military",))
_RECALL = Trigger(type="SANCTION", mode="withdraw")
_RELATIONS = Trigger(type="SUPPORT", context=("diplomatic",))


@dataclass(frozen=True)
class Seen:
    """A candidate trigger and what its object shows: the object (the first of ``objects``)
    and its words."""

    head: Token
    trigger: Trigger
    places: set[int]
    phrase: bool
    lemma: str
    objects: list[Token]
    words: set[str]

    @classmethod
    def at(cls, head: Token, trigger: Trigger, places: set[int], phrase: bool) -> Seen:
        """``trigger`` at ``head``, with the object the parse gives it."""
        objects = [c for c in head.children if c.dep_ in ("dobj", "obj", "nsubjpass", "attr")] or [
            c  # "captured Bakhmut" with the town parsed as an adverb of the verb
            for c in head.children
            if c.dep_ == "advmod" and c.i == head.i + 1 and is_place(c, places)
        ]
        if not objects and head.pos_ in ("NOUN", "PROPN"):
            objects = _of_object(head)  # "the capture of Andriivka"
        if not objects and head.dep_ == "relcl" and any(c.dep_ == "auxpass" for c in head.children):
            objects = [head.head]
        words = _object_words(objects[0]) if objects else set()
        return cls(head, trigger, places, phrase, head.lemma_.lower(), objects, words)

    @property
    def obj(self) -> Token | None:
        return self.objects[0] if self.objects else None

    @property
    def ground(self) -> bool:
        """The object is ground: a town, a position, a place."""
        return self.obj is not None and bool(
            self.words & OBJECTS.territory or is_place(self.obj, self.places)
        )


Rule = Callable[[Seen], Trigger | None]
"""Reads a candidate trigger's object: the trigger it is, or None for no event."""


def _of_object(noun: Token) -> list[Token]:
    """What a noun trigger acts on, in its "of" phrase: "the capture of the town"."""
    return [
        g
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ][:1]


def _object_words(obj: Token) -> set[str]:
    """The object's head word and, through "of", what it holds: "a shipment of rifles"."""
    found = {obj.lemma_.lower(), obj.lower_}
    found |= {c.lemma_.lower() for c in obj.children if c.dep_ in ("compound", "amod")}
    for clause in obj.children:
        if clause.dep_ in ("acl", "relcl"):  # "a depot containing weapons"
            found |= {g.lemma_.lower() for g in clause.children if g.dep_ in ("dobj", "obj")}
    for child in obj.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for inner in child.children:
                if inner.dep_ == "pobj":
                    found |= {inner.lemma_.lower(), inner.lower_}
                    found |= {c.lemma_.lower() for c in inner.children if c.dep_ == "conj"}
    found |= {c.lemma_.lower() for c in obj.children if c.dep_ == "conj"}
    return found


def is_place(token: Token, places: set[int]) -> bool:
    """The token, or the object of a preposition below it, is a place name."""
    if token.i in places or token.ent_type_ in PLACE_LABELS:
        return True
    return any(
        t.i in places or t.ent_type_ in PLACE_LABELS for t in token.subtree if t.dep_ == "pobj"
    )


def aid(seen: Seen) -> Trigger | None:
    """Aid given, of the mode of what is given; not a road that "supplies" somewhere."""
    if not seen.words & OBJECTS.aid or _route_giver(seen.head):
        return None
    mode = next((mode for mode, cues in OBJECTS.aid_modes.items() if seen.words & cues), None)
    return Trigger(type="AID", mode=mode, context=("military",) if mode == "military" else ())


def _route_giver(verb: Token) -> bool:
    """ "the highway that supplies troops": a road or corridor that supplies somewhere is
    logistics, not anyone giving aid."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if subject is None or subject.lower_ in CUES.relative_pronouns:
        subject = verb.head if verb.dep_ in ("relcl", "acl") else subject
    return subject is not None and subject.lemma_.lower() in OBJECTS.routes


def _lift(seen: Seen) -> Trigger | None:
    if seen.obj is None:
        return None
    return _ACCESS if seen.words & OBJECTS.lifted else seen.trigger


def _defy(seen: Seen) -> Trigger | None:
    if seen.words & OBJECTS.truces:
        return _CLASH
    return seen.trigger if seen.obj is not None else None


def _mobilize(seen: Seen) -> Trigger | None:
    obj = seen.obj
    if obj is None or sector_of(obj.lemma_) in ARMED_SECTORS or seen.words & OBJECTS.mobilizable:
        return seen.trigger
    return None


def _defend(seen: Seen) -> Trigger | None:
    if seen.obj is None or seen.words & OBJECTS.territory or seen.words & OBJECTS.military_objects:
        return None
    return seen.trigger


def _establish(seen: Seen) -> Trigger | None:
    if seen.words & OBJECTS.ties or seen.words & OBJECTS.relations:
        return _RELATIONS
    return seen.trigger if seen.words & OBJECTS.bases else None


def _withdraw(seen: Seen) -> Trigger | None:
    return _RECALL if seen.words & OBJECTS.withdrawn else seen.trigger


def _accept(seen: Seen) -> Trigger | None:
    if seen.words & OBJECTS.demanded_terms:
        return _CONCEDE
    return seen.trigger if seen.obj is not None or has_xcomp(seen.head) else None


def _protest(seen: Seen) -> Trigger | None:
    head = seen.head
    if any(c.dep_ == "prep" and c.lower_ in OBJECTS.protested_to for c in head.children):
        return _ACCUSE  # "protested to Kyiv": a diplomatic protest
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subject is not None and (
        subject.ent_type_ in ("ORG", "GPE", "NORP")
        or subject.lemma_.lower() in OBJECTS.institutions
    ):
        return _ACCUSE
    return seen.trigger


def _threaten(seen: Seen) -> Trigger | None:
    head = seen.head
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.pos_ == "NOUN" and sector_of(subject.lemma_) is None:
        return None  # "its moves threatened Russia's security": a danger, not a threat someone made
    if any(c.dep_ in ("xcomp", "ccomp") for c in head.children):
        return seen.trigger
    if seen.obj is None or seen.words & OBJECTS.territory or seen.words & OBJECTS.supply_lines:
        return None
    return seen.trigger


def has_xcomp(verb: Token) -> bool:
    """The verb has an open clause: "agreed to withdraw", "accepted to meet"."""
    return any(c.dep_ == "xcomp" for c in verb.children)


def _first_fit(*fits: tuple[frozenset[str], Trigger]) -> Rule:
    """The outcome of the first object words the object has, else no event."""

    def rule(seen: Seen) -> Trigger | None:
        return next((outcome for words, outcome in fits if seen.words & words), None)

    return rule


def _wanted(words: frozenset[str]) -> Rule:
    """The trigger itself when the object has one of ``words``, else no event."""

    def rule(seen: Seen) -> Trigger | None:
        return seen.trigger if seen.words & words else None

    return rule


_RULES: Mapping[ObjectRule, Rule] = MappingProxyType(
    {
        "aid": aid,
        "lift": _lift,
        "sever": _first_fit((OBJECTS.ties, _SEVER)),
        "cancel": _first_fit((OBJECTS.ties, _CANCEL), (OBJECTS.relaxed, _CONCEDE)),
        "suspend": _first_fit(
            (OBJECTS.ties, _SEVER), (OBJECTS.relaxed, _CONCEDE), (OBJECTS.publications, _CENSOR)
        ),
        "defy": _defy,
        "mobilize": _mobilize,
        "defend": _defend,
        "establish": _establish,
        "withdraw": _withdraw,
        "accept": _accept,
        "protest": _protest,
        "threaten": _threaten,
    }
)


def _rule_of(lemma: str, entry: VerbTrigger) -> Rule | None:
    if entry.object_rule is not None:
        return _RULES[entry.object_rule]
    if entry.object_in is None:
        return None
    if entry.object_in not in OBJECTS.wanted:
        raise ConfigError(
            f"wirecoder.stages.events: data/triggers.toml: verbs.{lemma}: object_in "
            f"{entry.object_in!r} is no list of [wanted] in data/objects.toml"
        )
    return _wanted(OBJECTS.wanted[entry.object_in])


BY_OBJECT: Mapping[str, Rule] = MappingProxyType(
    {lemma: rule for lemma, entry in VERBS.items() if (rule := _rule_of(lemma, entry)) is not None}
)
"""Verb lemma -> the rule by which its object decides whether and as what it is an event."""
