"""Whether a trigger word is an event, and which, as its object and subject show it.

"took control" is a capture, "took part" is nothing; "seized the town" is a capture, "seized
weapons" a disrupted weapons use, "seized two suspects" an arrest; "floods hit parts of Japan"
is no attack. The checks are tried in order; the first that applies decides.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ...actors import ARMED_SECTORS, COMBATANT_SECTORS, sector_of
from ._lexicon import Trigger
from ._objects import BY_OBJECT, OBJECTS, Seen, aid, has_xcomp, is_place

_DEFUSE = Trigger(type="COERCE", mode="defuse", context=("military",))
_TROOPS = Trigger(type="MOBILIZE", mode="troops", context=("military",))
_REALIGN = Trigger(type="MOBILIZE", mode="realign", context=("military",))
_CAPTURE = Trigger(type="ASSAULT", mode="capture", context=("territory",))
_ARREST = Trigger(type="COERCE", mode="arrest")
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def checked(
    head: Token, trigger: Trigger, places: set[int], phrase: bool = False
) -> Trigger | None:
    """The trigger as its object shows it to be, or None when the words mean no event.

    ``places`` holds the token indices of place names; ``phrase`` says the trigger is a phrase,
    whose words say what it is without the object rules of its head verb.
    """
    seen = Seen.at(head, trigger, places, phrase)
    for applies, decide in _CHECKS:
        if applies(seen):
            return decide(seen)
    return trigger


def _no_event(seen: Seen) -> Trigger | None:
    return None


def _defused(seen: Seen) -> Trigger | None:
    return _DEFUSE


def _troops(seen: Seen) -> Trigger | None:
    return _TROOPS


def _struck_by_nature(seen: Seen) -> bool:
    """ "floods hit parts of Japan", "was hit by an earthquake"."""
    if seen.trigger.type != "ASSAULT":
        return False
    head = seen.head
    doers = [c for c in head.children if c.dep_ == "nsubj"]
    doers += [g for c in head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return any(d.lemma_.lower() in OBJECTS.forces_of_nature for d in doers)


def _standing_control(seen: Seen) -> bool:
    """ "Russia now occupies a fifth of the country", "rebels control the north": a state of
    control in the simple present says who holds ground, not that it was taken that day."""
    verb = seen.head
    if seen.trigger.mode != "capture" or seen.lemma not in OBJECTS.holding_ground:
        return False
    tags = _PRESENT_TAGS | {"VBD"} if seen.lemma in OBJECTS.keeping_ground else _PRESENT_TAGS
    if verb.tag_ not in tags:
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _releasing(seen: Seen) -> bool:
    return seen.trigger.mode == "release" and seen.lemma in OBJECTS.releasing


def _people_set_free(seen: Seen) -> Trigger | None:
    """People set free: "released 12 hostages", "she was released", "the release of the
    detainees", "his release"; not "a press release", "a Central Command release", "released a
    video", "released toxic gas"."""
    head = seen.head
    before = {
        c.lemma_.lower() for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i
    }
    if (seen.words | before) & OBJECTS.not_freed:
        return None
    if seen.obj is not None:
        return seen.trigger
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    # "after his release": someone's; "a U.S. Central Command release": a statement
    person = owner is not None and (owner.pos_ == "PRON" or owner.ent_type_ == "PERSON")
    return seen.trigger if person else None


def _weapons_found(seen: Seen) -> bool:
    """ "a cache of arms was found": weapons found, seized or defused."""
    return seen.lemma in OBJECTS.weapon_finds and bool(seen.words & OBJECTS.weapons)


def _nothing_found(seen: Seen) -> bool:
    """A find of anything but weapons is no event."""
    return seen.trigger.mode == "defuse" and seen.trigger.needs_object


def _forces_moved(seen: Seen) -> bool:
    """ "moved troops to the border": armed forces sent somewhere."""
    return seen.lemma in OBJECTS.troop_moves and any(
        sector_of(word) in ARMED_SECTORS for word in seen.words
    )


def _ruled_by_object(seen: Seen) -> bool:
    return not seen.phrase and seen.lemma in BY_OBJECT


def _by_object_rule(seen: Seen) -> Trigger | None:
    return BY_OBJECT[seen.lemma](seen)


def _handed_over(seen: Seen) -> bool:
    return seen.phrase and seen.lemma in OBJECTS.handing_over


def _hand_over(seen: Seen) -> Trigger | None:
    """Aid handed over is aid; else a withdrawal from ground (or from what is not named)."""
    if seen.words & OBJECTS.aid:
        return aid(seen)
    return seen.trigger if seen.obj is None or seen.ground else None


def _troops_sent(seen: Seen) -> bool:
    trigger = seen.trigger
    return trigger.type == "MOBILIZE" and trigger.needs_object and seen.lemma in OBJECTS.troop_moves


def _combatants_sent(seen: Seen) -> Trigger | None:
    obj = seen.obj
    return _TROOPS if obj is not None and sector_of(obj.lemma_) in COMBATANT_SECTORS else None


def _forming(seen: Seen) -> bool:
    return seen.trigger.mode == "realign" and seen.lemma in OBJECTS.forming


def _formed(seen: Seen) -> Trigger | None:
    """ "formed a brigade": a force or unit formed."""
    formed = [
        o
        for o in seen.objects
        if sector_of(o.lemma_) in COMBATANT_SECTORS or o.lemma_.lower() in OBJECTS.formed_units
    ]
    return _REALIGN if formed else None


def _signing(seen: Seen) -> bool:
    return seen.lemma in OBJECTS.signing


def _signed(seen: Seen) -> Trigger | None:
    return seen.trigger if seen.words & OBJECTS.agreements else None


def _capturing_ground(seen: Seen) -> bool:
    return seen.trigger.mode == "capture" and seen.lemma in OBJECTS.capturing_ground


def _on_ground(seen: Seen) -> Trigger | None:
    return seen.trigger if seen.ground else None


def _ground_freed(seen: Seen) -> bool:
    return seen.lemma in OBJECTS.freeing and seen.ground


def _captured(seen: Seen) -> Trigger | None:
    return _CAPTURE


def _capturing(seen: Seen) -> bool:
    return seen.trigger.mode == "capture" and seen.lemma in OBJECTS.capturing


def _what_was_taken(seen: Seen) -> Trigger | None:
    """Ground taken is a capture, weapons a disrupted weapons use, people an arrest."""
    obj = seen.obj
    if obj is None:
        return None
    if seen.words & OBJECTS.weapons:
        return _DEFUSE
    people = bool(seen.words & OBJECTS.people)
    if is_place(obj, seen.places) and not people:
        return seen.trigger  # the places stage took it for ground, whatever the tagger says
    if people or obj.ent_type_ == "PERSON":
        return _ARREST
    return seen.trigger if seen.words & OBJECTS.territory else None


def _holding(seen: Seen) -> bool:
    return seen.lemma in OBJECTS.holding_people and seen.trigger.type == "COERCE"


def _held(seen: Seen) -> Trigger | None:
    """People held, in the passive or as the object: "the suspects were held"."""
    head = seen.head
    passive = any(c.dep_ == "auxpass" for c in head.children) or any(
        c.dep_ in ("dobj", "obj") for c in head.children
    )
    complements = [*head.children, *(seen.obj.children if seen.obj is not None else ())]
    if any(c.lemma_.lower() in OBJECTS.held_to_account for c in complements):
        return None  # "held Russia responsible for the strike": blamed, not detained
    if seen.obj is not None and is_place(seen.obj, seen.places):
        return None  # "who held Andriivka": ground held, not people
    people = _people(seen.obj) or bool(seen.words & OBJECTS.people)
    return seen.trigger if passive and people else None


def _people(held: Token | None) -> bool:
    if held is None:
        return False
    return (
        held.ent_type_ == "PERSON"
        or held.pos_ == "PROPN"
        or held.lemma_.lower() in OBJECTS.people
        or any(c.dep_ == "appos" and c.lemma_.lower() in OBJECTS.people for c in held.children)
    )


def _base(seen: Seen) -> bool:
    return seen.trigger.mode == "base"


def _base_set_up(seen: Seen) -> Trigger | None:
    return seen.trigger if seen.words & OBJECTS.bases else None


def _threat(seen: Seen) -> bool:
    return seen.trigger.type == "THREATEN" and seen.trigger.needs_object


def _threat_made(seen: Seen) -> Trigger | None:
    """A threat to do something, or to someone named: "vowed to strike back"."""
    has_clause = any(c.dep_ in ("xcomp", "ccomp") for c in seen.head.children)
    obj = seen.obj
    return (
        seen.trigger if has_clause or (obj is not None and obj.pos_ in ("PROPN", "PRON")) else None
    )


def _object_missing(seen: Seen) -> bool:
    return seen.trigger.needs_object and seen.obj is None and not has_xcomp(seen.head)


_CHECKS: tuple[tuple[Callable[[Seen], bool], Callable[[Seen], Trigger | None]], ...] = (
    (_struck_by_nature, _no_event),
    (_standing_control, _no_event),
    (_weapons_found, _defused),
    (_nothing_found, _no_event),
    (_forces_moved, _troops),
    (_ruled_by_object, _by_object_rule),
    (_handed_over, _hand_over),
    (_troops_sent, _combatants_sent),
    (_forming, _formed),
    (_signing, _signed),
    (_capturing_ground, _on_ground),
    (_ground_freed, _captured),
    (_capturing, _what_was_taken),
    (_holding, _held),
    (_releasing, _people_set_free),
    (_base, _base_set_up),
    (_threat, _threat_made),
    (_object_missing, _no_event),
)
"""(applies, decides) in order: the first check that applies decides."""
