"""PLOVER's auxiliary modes: negated, future, hypothetical, historical.

Read from the grammar around the trigger: "not"/"no"/"never", "deny"/"fail to"/"yet to"
(negated); "will", "plans to", "efforts to" (future); "would", "could", "if", "unless", "until"
(hypothetical); and from the date: an event that ended more than a month before publication is
historical ("Russia invaded in February 2022" in an April 2023 story).
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

from ...lexicon import Lexicon, OrderedWords, Words, load
from ...schema import AuxMode


class _Modality(Lexicon):
    reporting: Words
    negating_heads: Words
    negators: Words
    negating_before: OrderedWords
    intent_heads: Words
    declared_intent: Words
    future_aux: Words
    reported_future_aux: Words
    hypothetical_aux: Words
    conditional_marks: Words
    unrealised: Words


_MODALITY = load("wirecoder.stages.events", "modality", _Modality)
_HISTORICAL_AFTER = dt.timedelta(days=31)


def aux_modes(
    trigger: Token,
    published: dt.date | None,
    date_start: dt.date | None,
    date_end: dt.date | None,
) -> list[AuxMode]:
    """The auxiliary modes of the event whose trigger is ``trigger``."""
    found: list[AuxMode] = []
    chain = _clause_chain(trigger)
    if _negated(trigger, chain):
        found.append("negated")
    if _future(chain) or (
        published is not None and date_start is not None and date_start > published
    ):
        found.append("future")
    if _hypothetical(chain):
        found.append("hypothetical")
    if (
        published is not None
        and date_end is not None
        and date_end < published - _HISTORICAL_AFTER
        and "future" not in found
    ):
        found.append("historical")
    return found


def _clause_chain(trigger: Token) -> list[Token]:
    """The trigger and the heads it hangs from, up to the clause that reports it."""
    chain = [trigger]
    token = trigger
    while token.head != token and len(chain) < 6:
        if (
            token.dep_ in ("ccomp", "parataxis")
            and token.head.lemma_.lower() in _MODALITY.reporting
        ):
            break
        if token.dep_ in ("conj",) and token.head.pos_ == "VERB":
            break
        token = token.head
        chain.append(token)
        if token.dep_ == "ROOT":
            break
    return chain


def _negated(trigger: Token, chain: list[Token]) -> bool:
    """Negated by its own "not"/"never"/"no", by a negated light verb over a noun ("did not
    launch an attack"), by "deny"/"fail" above it, or by "yet to"/"without"."""
    own = [trigger]
    if (
        trigger.pos_ == "NOUN"
        and trigger.dep_ in ("dobj", "nsubjpass", "attr", "pobj")
        or trigger.dep_ == "xcomp"
    ):
        own.append(trigger.head if trigger.dep_ != "pobj" else trigger.head.head)
    for token in own:
        for child in token.children:
            if (
                child.dep_ == "neg"
                or child.lower_ in _MODALITY.negators
                and child.dep_ in ("det", "advmod", "neg")
            ):
                return True
    doc = trigger.doc
    before = " ".join(t.lower_ for t in doc[max(trigger.i - 3, 0) : trigger.i])
    if before.endswith(_MODALITY.negating_before):
        return True
    return any(
        token.lemma_.lower() in _MODALITY.negating_heads and token != trigger
        for token in chain[1:3]
    )


def denied(verb: Token) -> bool:
    """The clause of ``verb`` is negated or denied: "was not responsible", "denied it was
    responsible", "denied responsibility"."""
    if verb.lemma_.lower() in _MODALITY.negating_heads or any(
        c.dep_ == "neg" for c in verb.children
    ):
        return True  # "denied responsibility for the attack", "was not responsible"
    return verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_.lower() in _MODALITY.negating_heads


def conditions(trigger: Token) -> list[Token]:
    """The verbs of the "if"/"unless"/"until" clauses of the trigger's clause."""
    clause = trigger if trigger.pos_ == "VERB" else trigger.head
    return [
        child
        for child in clause.children
        if child.dep_ == "advcl"
        and any(
            m.dep_ == "mark" and m.lower_ in _MODALITY.conditional_marks for m in child.children
        )
    ]


def conditional(trigger: Token) -> bool:
    """The trigger's clause has an "if"/"unless"/"until" clause: "will withdraw unless ..."."""
    return bool(conditions(trigger))


def _reported(verb: Token) -> bool:
    """A clause reported by a speech verb, where "would" is a reported "will"."""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _MODALITY.reporting


def intent(trigger: Token) -> str | None:
    """How an act is announced: "declared" by the actor itself ("vowed to", "is ready to"),
    "future" ("will", a reported "would"), "conditional" ("may ... if", "would ... unless"), or
    None."""
    chain = _clause_chain(trigger)
    for token in chain[1:3]:
        if token.lemma_.lower() in _MODALITY.declared_intent:
            return "declared"
    for token in chain[:3]:
        for child in token.children:
            if child.dep_ != "aux":
                continue
            if child.lower_ in _MODALITY.hypothetical_aux and conditional(trigger):
                return "conditional"  # a reported "would ... if" too
            if (
                child.lower_ in _MODALITY.future_aux
                or child.lower_ in _MODALITY.reported_future_aux
                and _reported(token)
            ):
                return "future"
    return None


def _future(chain: list[Token]) -> bool:
    for token in chain[:3]:
        if any(c.dep_ == "aux" and c.lower_ in _MODALITY.future_aux for c in token.children):
            return True
        if any(
            c.dep_ == "aux" and c.lower_ in _MODALITY.reported_future_aux for c in token.children
        ) and _reported(token):
            return True
        if any(c.lower_ == "going" for c in token.children) and any(
            c.lower_ == "to" for c in token.children
        ):
            return True
    return any(token.lemma_.lower() in _MODALITY.intent_heads for token in chain[1:3])


def _hypothetical(chain: list[Token]) -> bool:
    if chain[0].pos_ == "NOUN" and any(c.lower_ in _MODALITY.unrealised for c in chain[0].children):
        return True
    if conditional(chain[0]):
        return True
    for token in chain[:3]:
        for child in token.children:
            if (
                child.dep_ == "aux"
                and child.lower_ in _MODALITY.hypothetical_aux
                and not _reported(token)
            ):
                return True
            if child.dep_ == "mark" and child.lower_ in _MODALITY.conditional_marks:
                return True
        if token.dep_ == "advcl" and any(
            c.lower_ in _MODALITY.conditional_marks for c in token.children
        ):
            return True
    return False
