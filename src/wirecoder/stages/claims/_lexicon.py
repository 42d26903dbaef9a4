"""Word lists behind attribution, read from ``data/``: cue verbs (``cues.toml``), source nouns,
titles and pronouns (``sources.toml``), and the words that set a claim's strength and stance
(``stance.toml``). Each list is described in its file."""

from __future__ import annotations

from types import MappingProxyType

from ...lexicon import Lexicon, OrderedWords, Words, load
from ...schema import SourceKind

_PACKAGE = "wirecoder.stages.claims"


class _Cues(Lexicon):
    speech_verbs: Words
    finding_verbs: Words
    cognition_verbs: Words
    infinitive_verbs: Words
    object_verbs: Words
    stance_verbs: Words
    appearance_verbs: Words
    view_verbs: Words
    citing_verbs: Words
    question_verbs: Words
    setting_nouns: Words
    channel_nouns: Words
    circumstance_marks: Words
    content_openers: Words
    lemma_fixes: dict[str, str]
    object_prepositions: dict[str, Words]


class _Sources(Lexicon):
    speaker_nouns: Words
    cited_nouns: Words
    not_speakers: Words
    titles: Words
    person_pronouns: Words
    subject_person_pronouns: Words
    group_pronouns: Words
    relative_pronouns: Words
    role_determiners: Words
    affiliation_prepositions: Words
    anonymous_cues: OrderedWords
    controlling_participles: OrderedWords
    source_nouns: dict[SourceKind, Words]


class _Stance(Lexicon):
    weak_verbs: Words
    strong_verbs: Words
    denial_verbs: Words
    forecast_verbs: Words
    conditional_marks: Words
    future_modals: Words
    possible_modals: Words


CUES = load(_PACKAGE, "cues", _Cues)
SOURCES = load(_PACKAGE, "sources", _Sources)
STANCE = load(_PACKAGE, "stance", _Stance)

LEMMA_FIXES = MappingProxyType(CUES.lemma_fixes)
OBJECT_PREPOSITIONS = MappingProxyType(CUES.object_prepositions)

CUE_VERBS = CUES.speech_verbs | CUES.cognition_verbs | CUES.finding_verbs | CUES.object_verbs
"""Every verb that can be the cue of an attribution."""

SOURCE_NOUNS = MappingProxyType(SOURCES.source_nouns)

ANONYMOUS_NOUNS = SOURCE_NOUNS["anonymous"]
"""Unnamed speakers that may head a headline attribution ("Insiders: ...")."""

KIND_BY_HEAD: MappingProxyType[str, SourceKind] = MappingProxyType(
    {word: kind for kind, nouns in SOURCE_NOUNS.items() for word in nouns}
)
"""Kinds by the head noun of an unnamed source phrase."""
