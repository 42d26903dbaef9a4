"""Word lists of the places stage, read from ``data/*.toml``: what marks a province, a river, a
road, an outlet, a title, where a sentence puts ground, the verbs and nouns that make a place name
stand for its government or forces, and the words of relative phrases."""

from __future__ import annotations

from types import MappingProxyType
from typing import Literal

from pydantic import model_validator

from ...lexicon import Lexicon, OrderedWords, Words, load

_PACKAGE = "wirecoder.stages.places"

Kind = Literal["admin1", "admin2", "populated", "river", "road", "water"]
Hint = Kind | None


class _Kinds(Lexicon):
    unsaid: Words
    words: dict[Kind, Words]
    codes: dict[Kind, Words]
    suffixes: dict[Kind, str]

    @model_validator(mode="after")
    def _one_kind_per_word(self) -> _Kinds:
        words = [word for kind_words in self.words.values() for word in kind_words]
        twice = sorted({word for word in words if words.count(word) > 1})
        if twice:
            raise ValueError(f"kind words under more than one kind: {', '.join(twice)}")
        return self


class _Names(Lexicon):
    place_labels: Words
    other_name_labels: Words
    not_places: Words
    outlets: Words
    outlet_nouns: Words
    outlet_modifiers: Words
    news_words: Words
    vessel_prefixes: Words
    vessel_nouns: Words
    media_words: Words
    org_words: Words
    connectors: Words
    titles: Words


class _Ground(Lexicon):
    locatives: Words
    road_words: Words
    group_nouns: Words
    attack_nouns: Words
    attack_prepositions: Words
    seize_verbs: Words
    fall_verbs: Words
    agent_prepositions: Words


class _Roles(Lexicon):
    speech_verbs: Words
    action_verbs: Words
    agent_nouns: Words
    stance_adjectives: Words
    backing_words: Words
    addressee_prepositions: Words


class _Relative(Lexicon):
    meridians: OrderedWords
    parallels: OrderedWords
    hedges: OrderedWords
    parts: OrderedWords
    near: OrderedWords
    away: OrderedWords
    anchor_nouns: OrderedWords
    appositions: OrderedWords
    bearings: dict[str, int]
    units: dict[str, float]
    anaphors: dict[str, Literal["P", "A"]]


_KINDS = load(_PACKAGE, "kinds", _Kinds)
KIND_WORDS: MappingProxyType[str, Kind] = MappingProxyType(
    {word: kind for kind, words in _KINDS.words.items() for word in words}
)
UNSAID_KINDS = _KINDS.unsaid
KIND_CODES = MappingProxyType(_KINDS.codes)
KIND_SUFFIXES = MappingProxyType(_KINDS.suffixes)

_NAMES = load(_PACKAGE, "names", _Names)
PLACE_LABELS = _NAMES.place_labels
OTHER_NAME_LABELS = _NAMES.other_name_labels
NOT_PLACES = _NAMES.not_places
OUTLETS = _NAMES.outlets
OUTLET_NOUNS = _NAMES.outlet_nouns
OUTLET_MODIFIERS = _NAMES.outlet_modifiers
NEWS_WORDS = _NAMES.news_words
VESSEL_PREFIXES = _NAMES.vessel_prefixes
VESSEL_NOUNS = _NAMES.vessel_nouns
MEDIA_WORDS = _NAMES.media_words
ORG_WORDS = _NAMES.org_words
CONNECTORS = _NAMES.connectors
TITLES = _NAMES.titles

_GROUND = load(_PACKAGE, "ground", _Ground)
LOCATIVES = _GROUND.locatives
ROAD_WORDS = _GROUND.road_words
GROUP_NOUNS = _GROUND.group_nouns
ATTACK_NOUNS = _GROUND.attack_nouns
ATTACK_PREPOSITIONS = _GROUND.attack_prepositions
SEIZE_VERBS = _GROUND.seize_verbs
FALL_VERBS = _GROUND.fall_verbs
AGENT_PREPOSITIONS = _GROUND.agent_prepositions

_ROLES = load(_PACKAGE, "roles", _Roles)
SPEECH_VERBS = _ROLES.speech_verbs
ACTION_VERBS = _ROLES.action_verbs
AGENT_NOUNS = _ROLES.agent_nouns
STANCE_ADJECTIVES = _ROLES.stance_adjectives
BACKING_WORDS = _ROLES.backing_words
ADDRESSEE_PREPOSITIONS = _ROLES.addressee_prepositions

RELATIVE = load(_PACKAGE, "relative", _Relative)
"""The words of relative phrases, which ``_relative`` builds its patterns from."""
