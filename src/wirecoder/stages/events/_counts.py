"""The words of counting the harmed (``data/counts.toml``), shared by the counts of a sentence
(``_size``) and the dating of events (``_focus``, ``_when``): a time on "the toll rose to 30 on
Wednesday" dates the report of the toll, not the attack."""

from __future__ import annotations

from spacy.tokens import Token

from ...lexicon import Lexicon, OrderedWords, Words, load


class _Counts(Lexicon):
    killed: Words
    injured: Words
    arrested: Words
    casualty_heads: Words
    tolls: Words
    time_words: Words
    part_preps: Words
    part_wholes: Words
    part_pronouns: Words
    to_date: OrderedWords
    totals: Words
    aggregates: Words
    update_verbs: Words
    superseded: Words
    victim_killing: Words
    victim_wounding: Words
    victim_dead_after: Words
    one_person_pronouns: Words


COUNTS = load("wirecoder.stages.events", "counts", _Counts)


def revises_toll(verb: Token) -> bool:
    """A verb that tells a toll changed ("the death toll rose to 51", "raised the toll to 10"):
    its time is when the toll was told, not when the attack was."""
    if verb.lemma_.lower() not in COUNTS.update_verbs:
        return False
    return any(
        child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.lemma_.lower() in COUNTS.tolls
        for child in verb.children
    )
