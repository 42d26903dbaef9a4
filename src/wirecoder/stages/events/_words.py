"""The words that say who a participant is (``data/participants.toml``), shared by the modules
that find an event's participants."""

from __future__ import annotations

from ...lexicon import Lexicon, OrderedWords, Words, load


class _Participants(Lexicon):
    light_verbs: Words
    bystanders: Words
    enduring: Words
    receiving: Words
    doing_participles: Words
    accusing: Words
    answerable: Words
    agent_nouns: Words
    suffered: Words
    falling_to: Words
    recipient_preps: Words
    partner_preps: Words
    addressee_preps: Words
    undergoing_preps: Words
    circumstance_preps: Words
    agent_preps: Words
    owner_preps: Words
    country_preps: Words
    skip_heads: Words
    doer_nouns: Words
    agent_endings: OrderedWords
    not_agents: Words
    roles: Words
    quantities: Words
    generic_heads: Words
    spans_of: Words
    weapons: Words
    military_targets: Words
    personal: Words
    impersonal: Words
    plural: Words


WORDS = load("wirecoder.stages.events", "participants", _Participants)
"""The words that say who a participant is (``data/participants.toml``)."""

SUBJECTS = ("nsubj", "csubj")
"""Dependencies of a clause's active subject."""
