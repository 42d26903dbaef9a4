"""Victims named one by one, with no number: "killing a three-year-old girl and her
grandmother" is 2 killed, "a sniper shot dead a boy" 1, "a woman was killed and a man was
wounded" 1 killed and 1 wounded. A plural or counted victim ("civilians", "five people") is not
counted here: a number counts it (``_size``) or nothing does.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...actors import sector_of
from ._counts import COUNTS
from ._size import Reported, counts

_ONE = frozenset({"NN", "NNP"})
"""Tags of a noun that names one person."""


def tolls_of(sentence: SpacySpan) -> list[Reported]:
    """Every count of a sentence: those its numbers give (``counts``), then the victims its
    verbs name one by one where no number counts for them."""
    numbers = counts(sentence)
    return numbers + named_victims(sentence, {number.word for number in numbers})


def named_victims(sentence: SpacySpan, counted: set[int]) -> list[Reported]:
    """The victims a sentence's verbs of killing and wounding name one by one, for the verbs
    whose indices are not in ``counted`` (those a number already counts for)."""
    found = []
    for verb in sentence:
        kind = _victim_kind(verb)
        if kind is None or verb.i in counted:
            continue
        victims = _victims(verb)
        if not victims:
            continue
        start = min(victim.left_edge.i for victim in victims)
        end = max(victim.right_edge.i for victim in victims) + 1
        found.append(Reported(kind, len(victims), len(victims), len(victims), start, end, verb.i))
    return found


def _victim_kind(verb: Token) -> str | None:
    """ "killed", "wounded": the count a verb names its victims for; "shot dead" kills."""
    if verb.pos_ != "VERB":
        return None
    lemma = verb.lemma_.lower()
    if lemma in COUNTS.victim_killing:
        return "killed"
    if lemma in COUNTS.victim_wounding:
        return "injured"
    if lemma in COUNTS.victim_dead_after and any(
        child.lower_ in COUNTS.casualty_heads & COUNTS.killed for child in verb.children
    ):
        return "killed"
    return None


def _victims(verb: Token) -> list[Token] | None:
    """The persons a verb names as its victims, one by one; None when one of them is plural,
    counted or not a person's word."""
    passive = any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children)
    role = "nsubjpass" if passive else "dobj"
    first = next((child for child in verb.children if child.dep_ == role), None)
    if first is None:
        return None
    victims = [first]
    pending = [first]
    while pending:
        noun = pending.pop()
        for child in noun.children:
            if child.dep_ == "conj":
                victims.append(child)
                pending.append(child)
    return victims if all(_one_person(noun) for noun in victims) else None


def _one_person(noun: Token) -> bool:
    """One person: a singular word for people ("a boy", "a soldier"), a relative ("her
    grandmother"), someone aged ("a 70-year-old"), a person's name, or "him" / "her"."""
    if any(child.dep_ == "nummod" for child in noun.children):
        return False
    if noun.pos_ == "PRON":
        return noun.lower_ in COUNTS.one_person_pronouns
    if noun.tag_ not in _ONE:
        return False
    if noun.pos_ == "PROPN":
        return noun.ent_type_ == "PERSON"
    words = [noun, *(child for child in noun.children if child.dep_ == "compound")]
    return (
        any(sector_of(word.lemma_.lower()) is not None for word in words)  # "a police officer"
        or any(child.dep_ == "poss" for child in noun.children)
        or any(child.lower_.endswith("-old") or child.lower_ == "old" for child in noun.subtree)
    )
