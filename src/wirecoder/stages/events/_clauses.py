"""The clause a word belongs to, and the verb of saying that reports it."""

from __future__ import annotations

from spacy.tokens import Token

from ._lexicon import REPORTING_VERBS

_CLAUSE_DEPS = frozenset({"conj", "ROOT", "ccomp", "advcl", "relcl", "xcomp"})
_CLAUSE_ROOTS = frozenset({"ccomp", "ROOT", "conj", "advcl", "relcl"})


def verbal(token: Token) -> bool:
    """A verb, or a past tense the tagger took for an adjective heading a clause ("forces had
    almost certainly advanced", "... and torched vehicles")."""
    if token.pos_ == "VERB":
        return True
    return token.pos_ == "ADJ" and token.dep_ in _CLAUSE_DEPS and token.lower_.endswith("ed")


def clause_root(token: Token) -> Token:
    """The verb whose clause holds ``token`` (stopping below a reporting verb)."""
    current = token
    while current.head != current:
        if verbal(current) and current.dep_ in _CLAUSE_ROOTS:
            return current
        if current.head.lemma_.lower() in REPORTING_VERBS:
            return current
        current = current.head
    return current


def speech_verb(token: Token) -> Token | None:
    """The verb of saying that reports the clause holding ``token``."""
    current = token
    for _ in range(6):
        if current.head == current:
            return None
        if (
            current.dep_ in ("ccomp", "xcomp", "parataxis")
            and current.head.lemma_.lower() in REPORTING_VERBS
        ):
            return current.head
        current = current.head
    return None
