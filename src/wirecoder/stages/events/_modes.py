"""How an attack was carried out and in what context, from the words around its trigger.

"seven civilians were killed" says nothing about the weapon; "in two artillery strikes" does.
Weapon cues refine the mode of a generic trigger; keyword cues give PLOVER contexts
(terrorism, cbrn, crime, enviro_disaster ...).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ._lexicon import words

_WEAPON_CUES: tuple[tuple[str, frozenset[str]], ...] = (
    (
        "chemical",
        words("chlorine sarin mustard poison poisonous toxic nerve chemical gas"),
    ),
    ("suicide-attack", words("suicide kamikaze self-detonate")),
    (
        "aerial",
        words(
            "warplane warplanes jet jets aircraft airstrike airstrikes air-strike helicopter gunship "
            "gunships bomber bombers plane planes airforce airstrike"
        ),
    ),
    ("drone", words("drone drones uav uavs unmanned quadcopter")),
    (
        "heavy-weapons",
        words(
            "artillery shell shells shelling mortar mortars rocket rockets missile missiles howitzer "
            "howitzers tank tanks grad himars mlrs barrage bombardment katyusha cannon"
        ),
    ),
    ("grenade", words("grenade grenades")),
    (
        "explosives",
        words(
            "ied ieds bomb bombs explosive explosives landmine landmines mine mines blast explosion "
            "detonate detonated dynamite roadside device"
        ),
    ),
    (
        "firearms",
        words(
            "gunman gunmen gun guns gunfire rifle rifles pistol bullet bullets shot shoot shooting "
            "sniper snipers firearm firearms ak-47 machine-gun"
        ),
    ),
    (
        "primitive",
        words(
            "machete machetes knife knives axe axes stone stones rock rocks stick sticks club clubs "
            "arrow arrows acid arson stab stabbed hacked torched"
        ),
    ),
)
"""Weapon cue words by mode, most specific first: a suicide bomb is not just explosives."""

_REFINABLE = frozenset({None, "explosives", "firearms", "heavy-weapons"})
"""Modes a cue may sharpen: a "bombing" by warplanes is aerial, a "shooting" by a sniper stays."""

_NOT_WEAPON = frozenset({"water", "tear", "down"})
"""Words that make the next cue harmless: water cannon, tear gas, shot down."""

_CONTEXT_CUES: dict[str, frozenset[str]] = {
    "terrorism": words(
        "terrorist terrorists terror terrorism jihadist jihadists isis isil daesh qaeda shabaab "
        "shabab boko haram extremist extremists"
    ),
    "cbrn": words("chemical chlorine sarin nuclear radiological biological mustard"),
    "crime": words(
        "gang gangs robbery robber robbers criminal criminals smuggle smuggling smuggler smugglers "
        "cartel theft thief thieves burglary drug drugs narcotics trafficking trafficker "
        "traffickers extortion ransom fraud counterfeit poaching poachers"
    ),
    "crime_drugs": words("drug drugs narcotics cocaine heroin methamphetamine cannabis marijuana"),
    "crime_theft": words(
        "robbery robber robbers theft thief thieves steal stole burglary loot looted"
    ),
    "enviro_disaster": words(
        "flood floods flooding earthquake quake landslide landslides mudslide cyclone hurricane "
        "typhoon wildfire wildfires drought tsunami eruption leak spill derailment collapse "
        "downpour downpours rains accident crash stampede blaze"
    ),
    "migration": words("refugee refugees migrant migrants asylum displaced"),
    "humanitarian": words("humanitarian relief"),
    "election": words("election elections vote voting ballot ballots polls electoral"),
    "human_rights": words("rights"),
    "military": words("troops army military soldiers forces"),
    "diplomatic": words("diplomat diplomats embassy ambassador envoy diplomatic"),
    "economic": words("economy economic trade tariffs investment"),
}


def weapon_mode(trigger: Token, sentence: SpacySpan, current: str | None) -> str | None:
    """The mode the weapon words of the sentence give an attack, or ``current`` if none fits."""
    if current not in _REFINABLE:
        return current
    words = _lower_words(sentence)
    for mode, cues in _WEAPON_CUES:
        if mode == current:
            return current
        if any(word in cues and previous not in _NOT_WEAPON for previous, word in words):
            return mode
    return current


def contexts(sentence: SpacySpan, given: Iterable[str]) -> list[str]:
    """PLOVER contexts: the trigger's own, then those the sentence's words cue."""
    words = {word for _, word in _lower_words(sentence)}
    found = list(dict.fromkeys(given))
    for context, cues in _CONTEXT_CUES.items():
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
