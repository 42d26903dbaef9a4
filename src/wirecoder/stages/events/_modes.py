"""How an attack was carried out and in what context, from the words around its trigger.

"seven civilians were killed" says nothing about the weapon; "in two artillery strikes" does.
Weapon cues refine the mode of a generic trigger; keyword cues give PLOVER contexts
(terrorism, cbrn, crime, enviro_disaster ...).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span as SpacySpan

from ...lexicon import Lexicon, Words, load


class _Modes(Lexicon):
    not_weapon: Words
    weapon_cues: dict[str, Words]
    context_cues: dict[str, Words]


_MODES = load("wirecoder.stages.events", "modes", _Modes)

_REFINABLE = frozenset({None, "explosives", "firearms", "heavy-weapons"})
"""Modes a cue may sharpen: a "bombing" by warplanes is aerial, a "shooting" by a sniper stays."""


def weapon_mode(sentence: SpacySpan, current: str | None) -> str | None:
    """The mode the weapon words of the sentence give an attack, or ``current`` if none fits."""
    if current not in _REFINABLE:
        return current
    words = _lower_words(sentence)
    for mode, cues in _MODES.weapon_cues.items():
        if mode == current:
            return current
        if any(word in cues and previous not in _MODES.not_weapon for previous, word in words):
            return mode
    return current


def contexts(sentence: SpacySpan, given: Iterable[str]) -> list[str]:
    """PLOVER contexts: the trigger's own, then those the sentence's words cue."""
    words = {word for _, word in _lower_words(sentence)}
    found = list(dict.fromkeys(given))
    for context, cues in _MODES.context_cues.items():
        if context not in found and words & cues:
            found.append(context)
    if "human_rights" in found and "human" not in words:
        found.remove("human_rights")
    return found


def _lower_words(sentence: SpacySpan) -> list[tuple[str, str]]:
    """(previous word, word) pairs, lower-cased, with lemmas for verbs."""
    pairs: list[tuple[str, str]] = []
    previous = ""
    for token in sentence:
        word = token.lower_
        pairs.append((previous, word))
        if token.pos_ == "VERB" and token.lemma_.lower() != word:
            pairs.append((previous, token.lemma_.lower()))
        previous = word
    return pairs
