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


_CUES = load(_PACKAGE, "cues", _Cues)
_SOURCES = load(_PACKAGE, "sources", _Sources)
_STANCE = load(_PACKAGE, "stance", _Stance)

SPEECH_VERBS = _CUES.speech_verbs
FINDING_VERBS = _CUES.finding_verbs
COGNITION_VERBS = _CUES.cognition_verbs
INFINITIVE_VERBS = _CUES.infinitive_verbs
OBJECT_VERBS = _CUES.object_verbs
STANCE_VERBS = _CUES.stance_verbs
APPEARANCE_VERBS = _CUES.appearance_verbs
VIEW_VERBS = _CUES.view_verbs
CITING_VERBS = _CUES.citing_verbs
QUESTION_VERBS = _CUES.question_verbs
SETTING_NOUNS = _CUES.setting_nouns
CHANNEL_NOUNS = _CUES.channel_nouns
CIRCUMSTANCE_MARKS = _CUES.circumstance_marks
CONTENT_OPENERS = _CUES.content_openers
LEMMA_FIXES = MappingProxyType(_CUES.lemma_fixes)
OBJECT_PREPOSITIONS = MappingProxyType(_CUES.object_prepositions)

CUE_VERBS = SPEECH_VERBS | COGNITION_VERBS | FINDING_VERBS | OBJECT_VERBS
"""Every verb that can be the cue of an attribution."""

SPEAKER_NOUNS = _SOURCES.speaker_nouns
CITED_NOUNS = _SOURCES.cited_nouns
NOT_SPEAKERS = _SOURCES.not_speakers
TITLES = _SOURCES.titles
PERSON_PRONOUNS = _SOURCES.person_pronouns
SUBJECT_PERSON_PRONOUNS = _SOURCES.subject_person_pronouns
GROUP_PRONOUNS = _SOURCES.group_pronouns
RELATIVE_PRONOUNS = _SOURCES.relative_pronouns
ROLE_DETERMINERS = _SOURCES.role_determiners
AFFILIATION_PREPOSITIONS = _SOURCES.affiliation_prepositions
ANONYMOUS_CUES = _SOURCES.anonymous_cues
CONTROLLING_PARTICIPLES = _SOURCES.controlling_participles
SOURCE_NOUNS = MappingProxyType(_SOURCES.source_nouns)

ANONYMOUS_NOUNS = SOURCE_NOUNS["anonymous"]
"""Unnamed speakers that may head a headline attribution ("Insiders: ...")."""

KIND_BY_HEAD: MappingProxyType[str, SourceKind] = MappingProxyType(
    {word: kind for kind, nouns in SOURCE_NOUNS.items() for word in nouns}
)
"""Kinds by the head noun of an unnamed source phrase."""

WEAK_VERBS = _STANCE.weak_verbs
STRONG_VERBS = _STANCE.strong_verbs
DENIAL_VERBS = _STANCE.denial_verbs
FORECAST_VERBS = _STANCE.forecast_verbs
CONDITIONAL_MARKS = _STANCE.conditional_marks
FUTURE_MODALS = _STANCE.future_modals
POSSIBLE_MODALS = _STANCE.possible_modals
