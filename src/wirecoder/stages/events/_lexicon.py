"""The event lexicon: the words and phrases that trigger PLOVER events (``data/triggers.toml``,
where the modes and contexts are explained) and the words around them that say what they report
(``data/cues.toml``)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal

from ...lexicon import Lexicon, OrderedWords, Words, load
from ...schema import PloverType

ObjectRule = Literal[
    "aid",
    "lift",
    "sever",
    "cancel",
    "suspend",
    "defy",
    "mobilize",
    "defend",
    "establish",
    "withdraw",
    "accept",
    "protest",
    "threaten",
]
"""The rules that read a verb's object to decide what it is (see ``data/triggers.toml``)."""


class Trigger(Lexicon):
    """What a trigger word means: PLOVER type, mode and contexts, and how it behaves."""

    type: PloverType
    mode: str | None = None
    context: OrderedWords = ()
    casualty: bool = False
    """"killed", "wounded": a harm that joins a more specific attack in its sentence."""
    needs_object: bool = False
    """Only a trigger with a fitting object ("took the town", "threatened to strike")."""


class VerbTrigger(Trigger):
    """A verb's trigger, with how its object decides whether and as what it is an event."""

    object_rule: ObjectRule | None = None
    object_in: str | None = None
    """The name of the object words it needs, in ``data/objects.toml``'s ``[wanted]``."""


class _Triggers(Lexicon):
    verbs: dict[str, VerbTrigger]
    nouns: dict[str, Trigger]
    phrases: dict[str, Trigger]


class _Cues(Lexicon):
    reporting_verbs: Words
    speech_words: Words
    relative_pronouns: Words
    obligations: Words
    demand_heads: Words
    event_heads: Words
    not_event_compounds: Words
    references: Words
    lodged_nouns: Words
    lodging: Words
    strike_nouns: Words
    labour_strike: Words
    general_strike: Words
    labour_cues: Words
    commenting: Words
    awaiting: Words
    topic_links: Words
    parties: OrderedWords
    violent_protest: Words
    topics: Words
    reported_by: Words
    habitual: Words
    accidents: Words
    industrial: Words
    aggregates: Words
    abroad: OrderedWords


_TRIGGERS = load("wirecoder.stages.events", "triggers", _Triggers)

VERBS: Mapping[str, VerbTrigger] = MappingProxyType(_TRIGGERS.verbs)
"""Verb lemma -> trigger."""
NOUNS: Mapping[str, Trigger] = MappingProxyType(_TRIGGERS.nouns)
"""Noun lemma -> trigger."""
PHRASES: Mapping[tuple[str, ...], Trigger] = MappingProxyType(
    {tuple(phrase.split()): trigger for phrase, trigger in _TRIGGERS.phrases.items()}
)
"""Lemma sequences -> trigger; they win over the single words they contain."""

CUES = load("wirecoder.stages.events", "cues", _Cues)
REPORTING_VERBS = CUES.reporting_verbs
