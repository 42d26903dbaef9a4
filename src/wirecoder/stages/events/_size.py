"""How many were killed, injured or arrested, as low/best/high ranges.

"at least 7" is low 7 best 7; "up to 20" is high 20; "dozens" low 24 best 36 high 99; "between 5
and 9" low 5 high 9 best 7. A number counts for the casualty word it stands with ("seven civilians
were killed", "killing 12", "death toll rose to 66", "3 dead", "more than 180 arrested"), never
for the number of strikes or days, nor for the subject that did the killing ("two strikes killed
seven").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...lexicon import NUMBER_WORDS, Lexicon, OrderedWords, Words, load


class _Range(Lexicon):
    low: int
    best: int
    high: int


class _Counts(Lexicon):
    killed: Words
    injured: Words
    arrested: Words
    casualty_heads: Words
    tolls: Words
    at_least: OrderedWords
    at_most: OrderedWords
    range_joiners: Words
    time_words: Words
    vague_in_role: Words
    numbers: dict[str, int]
    multipliers: dict[str, int]
    vague: dict[str, _Range]


_COUNTS = load("wirecoder.stages.events", "counts", _Counts)
_NUMBERS = {**NUMBER_WORDS, **_COUNTS.numbers}
_MULTIPLIERS = _COUNTS.multipliers
_VAGUE = _COUNTS.vague


@dataclass(frozen=True)
class Reported:
    """One reported number: its range and the tokens that said it."""

    low: int | None
    best: int | None
    high: int | None
    start: int
    end: int


def counts(sentence: SpacySpan) -> dict[str, Reported]:
    """The killed, injured and arrested counts of a sentence, each from its own casualty word."""
    found: dict[str, Reported] = {}
    for token in sentence:
        number = _number_at(token)
        if number is None:
            continue
        kind = _casualty_of(token)
        if kind is not None and kind not in found:
            found[kind] = number
    return found


def _number_at(token: Token) -> Reported | None:
    """The number whose head word is ``token`` (a numeral or a vague quantity), with its hedge."""
    if token.lower_ in _VAGUE and (token.pos_ in ("NOUN", "ADJ", "NUM", "PRON", "DET")):
        return _vague_at(token)
    value = _value(token)
    if value is None or token.dep_ in ("npadvmod",) or _is_date_or_time(token):
        return None
    for child in token.children:
        if child.dep_ == "compound" and _value(child) is not None and child.i < token.i:
            return None
    return _numeral_at(token, value)


def _vague_at(token: Token) -> Reported | None:
    """ "dozens", "a few", "many" (only as a subject, an object or a modifier)."""
    lower = token.lower_
    if lower in _COUNTS.vague_in_role and token.dep_ not in (
        "nummod",
        "amod",
        "nsubjpass",
        "nsubj",
        "dobj",
    ):
        return None
    vague = _VAGUE[lower]
    start = token.i - (1 if token.i > 0 and token.nbor(-1).lower_ == "a" and lower == "few" else 0)
    return Reported(vague.low, vague.best, vague.high, start, token.i + 1)


def _numeral_at(token: Token, value: int) -> Reported:
    """A numeral ending at ``token`` ("two hundred", "1.5 million"), with its range or hedge."""
    start = token.i
    while start > token.sent.start and _value(token.doc[start - 1]) is not None:
        start -= 1
    value = _combined(token.doc[start : token.i + 1]) or value
    before = token.doc[max(token.sent.start, start - 4) : start].text.lower()
    range_high = _range_high(token)
    if range_high is not None:
        return Reported(value, (value + range_high) // 2, range_high, start, token.i + 3)
    range_low = _range_low(token)
    if range_low is not None:
        return Reported(range_low, (range_low + value) // 2, value, start, token.i + 1)
    if before.endswith(_COUNTS.at_least):
        return Reported(value, value, None, start, token.i + 1)
    if before.endswith(_COUNTS.at_most):
        return Reported(None, None, value, start, token.i + 1)
    return Reported(value, value, value, start, token.i + 1)


def _value(token: Token) -> int | None:
    text = token.lower_.replace(",", "")
    if text.isdecimal():  # not isdigit(): "²" is a digit int() refuses
        return int(text) if len(text) < 8 else None
    if token.pos_ in ("NUM",) or token.like_num:
        return _NUMBERS.get(text) or _MULTIPLIERS.get(text)
    return None


_LONGEST_NUMBER = 16
"""Longer runs of digits count no people (and past 4,300 digits int() refuses them)."""


def _combined(tokens: SpacySpan) -> int | None:
    """ "two hundred", "1.5 million" -> the number."""
    total = 0
    current = 0
    for token in tokens:
        text = token.lower_.replace(",", "")
        if text in _MULTIPLIERS:
            current = max(current, 1) * _MULTIPLIERS[text]
            total += current
            current = 0
        elif text.isdecimal() and len(text) < _LONGEST_NUMBER:
            current = int(text)
        elif text.replace(".", "", 1).isdecimal() and len(text) < _LONGEST_NUMBER:
            current = int(float(text))
        elif text in _NUMBERS:
            current += _NUMBERS[text]
        else:
            return None
    return total + current or None


def _range_low(token: Token) -> int | None:
    """ "between 5 and 9" / "5 to 9" / "5-9": the low end, when ``token`` is the high end."""
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].lower_ in _COUNTS.range_joiners:
        low = _value(doc[token.i - 2])
        if low is not None and low < (_value(token) or 0):
            return low
    return None


def _range_high(token: Token) -> int | None:
    """ "between 5 and 9" / "5 to 9": the high end, when ``token`` is the low end."""
    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].lower_ in _COUNTS.range_joiners:
        high = _value(doc[token.i + 2])
        if (
            high is not None
            and high > (_value(token) or high)
            and (
                doc[token.i + 1].lower_ != "and"
                or token.i > 0
                and doc[token.i - 1].lower_ == "between"
            )
        ):
            return high
    return None


def _is_date_or_time(token: Token) -> bool:
    """A number that counts time, money or measures, not people ("14 December", "2022", "3 km")."""
    if token.ent_type_ in ("TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"):
        return True
    if token.ent_type_ != "DATE":
        return False
    if token.text.isdigit() and len(token.text) == 4:
        return True
    return (
        token.head.lemma_.lower() in _COUNTS.time_words
        or token.head.pos_ == "PROPN"
        or token.head == token
    )


def _casualty_of(token: Token) -> str | None:
    """Which count a number belongs to, from the word it quantifies and that word's verb."""
    head = token.head if token.dep_ in ("nummod", "quantmod", "amod", "compound", "det") else token
    for candidate in _candidates(head):
        kind = _kind(candidate)
        if kind is not None and _counts_for(candidate, head):
            return kind
    return None


def _candidates(head: Token) -> list[Token]:
    """The words that may say what the number ``head`` counts: itself, its verb, the verb of its
    preposition, the toll it is the figure of, its modifiers."""
    candidates = [head, head.head]
    if head.dep_ == "pobj" and head.head.dep_ == "prep":
        candidates.append(head.head.head)
        candidates.extend(
            c for c in head.head.head.children if c.dep_ == "nsubj" and c.lemma_ in _COUNTS.tolls
        )
        if head.head.head.dep_ in ("prep", "agent"):
            candidates.append(head.head.head.head)
    if head.dep_ in ("appos", "conj"):
        candidates.append(head.head.head)
    candidates.extend(c for c in head.children if c.dep_ in ("amod", "acl", "relcl", "advmod"))
    return candidates


_COUNTED_ROLES = frozenset(
    {"nsubjpass", "dobj", "nsubj", "attr", "pobj", "npadvmod", "appos", "conj", "dep", "oprd"}
)
"""Roles of a number whose verb says what it counts ("killed seven", "seven were killed")."""


def _counts_for(candidate: Token, head: Token) -> bool:
    """The casualty word ``candidate`` says what the number ``head`` counts."""
    if candidate == head and candidate.lower_ not in _COUNTS.casualty_heads:
        return False
    if candidate.lemma_ in _COUNTS.tolls:
        return True
    if candidate == head.head and head.dep_ not in _COUNTED_ROLES:
        return False
    # "two strikes killed seven": the subject did the killing
    return not (candidate == head.head and head.dep_ == "nsubj" and _has_object(candidate))


def _has_object(verb: Token) -> bool:
    return any(child.dep_ in ("dobj", "obj") for child in verb.children)


def _kind(token: Token) -> str | None:
    words = {token.lower_, token.lemma_.lower()}
    if words & _COUNTS.killed:
        return "killed"
    if words & _COUNTS.injured:
        return "injured"
    if words & _COUNTS.arrested:
        return "arrested"
    return None
