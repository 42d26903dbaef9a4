"""Mentions of an event type that report no event: "proposals for dialogue", "the conflict, which
has killed thousands", "a campaign against bombings", a blast at a furnace."""

from __future__ import annotations

from spacy.tokens import Token

from ...actors import ARMED_SECTORS
from ...schema import Event
from ._clauses import verbal
from ._lexicon import CUES
from ._triggers import Found, paragraph_words
from ._words import WORDS

_ARMED_OR_UNIDENTIFIED = ARMED_SECTORS | {"UAF"}
"""Sectors of an armed actor, with unidentified armed forces."""
_MATERIAL = frozenset({"ASSAULT", "PROTEST", "MOBILIZE", "COERCE"})
"""Types of events done on the ground, not said."""
_SELF_EVIDENT = frozenset(
    {
        "demo",
        "riot",
        "destroy",
        "sexual",
        "chemical",
        "suicide-attack",
        "grenade",
        "explosives",
        "aerial",
        "drone",
        "heavy-weapons",
        "abduct",
    }
)
"""Modes whose noun alone reports a happening, with or without a named doer."""


def bare_mention(found: Found, event: Event) -> bool:
    """A noun naming an event type with nothing about it ("proposals for dialogue")."""
    size = event.size
    counted = size.killed is not None or size.injured is not None or size.arrested is not None
    if found.trigger.casualty and not found.absorbed:
        return _bare_harm(found, event, counted)
    anonymous = event.actor is None or not (event.actor.country or event.actor.sector)
    blast = "explosives" in (event.mode, found.trigger.mode)
    if blast and anonymous and _accident(found.head, industrial=True):
        return True  # a furnace or a storage tank that blew up is an accident, not an attack
    material = event.type in _MATERIAL
    if (
        material
        and event.mode in _SELF_EVIDENT
        and not _topic(found.head)
        and not _habitual(found.head)
    ):
        return False  # "the looting of shops", "G20 protests": the word is the report
    return (
        not verbal(found.head)
        and not found.absorbed
        and not _reported(found.head)
        and event.actor is None
        and event.recipient is None
        and (event.place_id is None or not material)
        and not counted
    )


def _bare_harm(found: Found, event: Event, counted: bool) -> bool:
    """A killing on its own: a running toll, nobody and no count, or an accident with no armed
    actor."""
    if _aggregate(found.head):
        return True
    armed = event.actor is not None and event.actor.sector in _ARMED_OR_UNIDENTIFIED
    nobody = event.actor is None and event.recipient is None
    return (nobody and not counted) or (_accident(found.head) and not armed)


def _habitual(noun: Token) -> bool:
    """ "regularly reports casualties from air strikes": a pattern, not one event."""
    current = noun
    for _ in range(7):
        if any(c.lower_ in CUES.habitual for c in current.children):
            return True
        if current.head == current:
            return False
        current = current.head
    return False


def _topic(noun: Token) -> bool:
    """A noun that is what something is about ("a campaign against bombings"), not a report;
    "months of protests" is the protests."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in CUES.topics:
        return False
    return not (noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in WORDS.spans_of)


def _reported(noun: Token) -> bool:
    """ "a commander reported fierce clashes", "witnesses described the strike": a noun someone
    reports is a report of the event, though nobody in it is named."""
    return noun.dep_ in ("dobj", "obj") and noun.head.lemma_.lower() in CUES.reported_by


def _accident(token: Token, industrial: bool = False) -> bool:
    """The paragraph speaks of a disaster or an accident (or, with ``industrial``, a plant)."""
    cues = CUES.accidents | CUES.industrial if industrial else CUES.accidents
    return bool(paragraph_words(token) & cues)


def _aggregate(verb: Token) -> bool:
    """ "the conflict, which has killed thousands": a running toll, not an event."""
    while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in CUES.relative_pronouns and verb.dep_ == "relcl":
        subject = verb.head
    return subject is not None and subject.lemma_.lower() in CUES.aggregates
