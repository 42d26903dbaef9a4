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

from ._lexicon import words

_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a": 1,
    "an": 1,
    "dozen": 12,
}
_MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_VAGUE: dict[str, tuple[int, int, int]] = {
    "dozens": (24, 36, 99),
    "scores": (40, 60, 99),
    "hundreds": (200, 300, 999),
    "thousands": (2000, 3000, 9999),
    "several": (3, 4, 9),
    "few": (2, 3, 5),
    "many": (5, 10, 99),
    "numerous": (5, 10, 99),
    "some": (2, 5, 20),
}
_AT_LEAST = ("at least", "more than", "over", "no fewer than", "upwards of", "in excess of")
_AT_MOST = ("up to", "as many as", "fewer than", "less than", "nearly", "almost", "under")
_ABOUT = ("about", "around", "some", "approximately", "roughly", "an estimated", "estimated")

KILLED = words(
    "kill killed dead die died death deaths toll fatality fatalities life lives massacre "
    "massacred murder murdered execute executed behead beheaded slay slain"
)
INJURED = words("wound wounded injure injured injury injuries hurt maim maimed casualties")
ARRESTED = words(
    "arrest arrested detain detained jail jailed imprison imprisoned apprehend apprehended "
    "nab nabbed held hold custody"
)


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
    lower = token.lower_
    if lower in _VAGUE and (token.pos_ in ("NOUN", "ADJ", "NUM", "PRON", "DET")):
        if lower in ("some", "many", "few") and token.dep_ not in (
            "nummod",
            "amod",
            "nsubjpass",
            "nsubj",
            "dobj",
        ):
            return None
        low, best, high = _VAGUE[lower]
        start = token.i - (
            1 if token.i > 0 and token.nbor(-1).lower_ == "a" and lower == "few" else 0
        )
        return Reported(low, best, high, start, token.i + 1)
    value = _value(token)
    if value is None or token.dep_ in ("npadvmod",) or _is_date_or_time(token):
        return None
    for child in token.children:
        if child.dep_ == "compound" and _value(child) is not None and child.i < token.i:
            return None
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
    if before.endswith(_AT_LEAST):
        return Reported(value, value, None, start, token.i + 1)
    if before.endswith(_AT_MOST):
        return Reported(None, None, value, start, token.i + 1)
    return Reported(value, value, value, start, token.i + 1)


def _value(token: Token) -> int | None:
    text = token.lower_.replace(",", "")
    if text.isdigit():
        return int(text) if len(text) < 8 else None
    if token.pos_ in ("NUM",) or token.like_num:
        return _WORDS.get(text) or _MULTIPLIERS.get(text)
    return None


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
        elif text.isdigit():
            current = int(text)
        elif text.replace(".", "", 1).isdigit():
            current = int(float(text))
        elif text in _WORDS:
            current += _WORDS[text]
        else:
            return None
    return total + current or None


def _range_low(token: Token) -> int | None:
    """ "between 5 and 9" / "5 to 9" / "5-9": the low end, when ``token`` is the high end."""
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].lower_ in ("and", "to", "-", "–"):
        low = _value(doc[token.i - 2])
        if low is not None and low < (_value(token) or 0):
            return low
    return None


_TIME_WORDS = words(
    "day days week weeks month months year years hour hours minute minutes decade decades century"
)


def _range_high(token: Token) -> int | None:
    """ "between 5 and 9" / "5 to 9": the high end, when ``token`` is the low end."""
    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].lower_ in ("and", "to", "-", "–"):
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
        token.head.lemma_.lower() in _TIME_WORDS
        or token.head.pos_ == "PROPN"
        or token.head == token
    )


def _casualty_of(token: Token) -> str | None:
    """Which count a number belongs to, from the word it quantifies and that word's verb."""
    head = token.head if token.dep_ in ("nummod", "quantmod", "amod", "compound", "det") else token
    if head.lower_ in _VAGUE and head == token:
        head = token
    candidates = [head, head.head]
    if head.dep_ == "pobj" and head.head.dep_ == "prep":
        candidates.append(head.head.head)
        candidates.extend(
            c for c in head.head.head.children if c.dep_ == "nsubj" and c.lemma_ == "toll"
        )
        if head.head.head.dep_ in ("prep", "agent"):
            candidates.append(head.head.head.head)
    if head.dep_ in ("appos", "conj"):
        candidates.append(head.head.head)
    for child in head.children:
        if child.dep_ in ("amod", "acl", "relcl", "advmod"):
            candidates.append(child)
    for candidate in candidates:
        kind = _kind(candidate)
        if kind is not None and (
            candidate != head or candidate.lower_ in ("dead", "injured", "wounded")
        ):
            if candidate.lemma_ == "toll":
                return kind
            if candidate == head.head and head.dep_ not in (
                "nsubjpass",
                "dobj",
                "nsubj",
                "attr",
                "pobj",
                "npadvmod",
                "appos",
                "conj",
                "dep",
                "oprd",
            ):
                continue
            if candidate == head.head and head.dep_ == "nsubj" and _has_object(candidate):
                continue  # "two strikes killed seven": the subject did the killing
            return kind
    return None


def _has_object(verb: Token) -> bool:
    return any(child.dep_ in ("dobj", "obj") for child in verb.children)


def _kind(token: Token) -> str | None:
    words = {token.lower_, token.lemma_.lower()}
    if words & KILLED:
        return "killed"
    if words & INJURED:
        return "injured"
    if words & ARRESTED:
        return "arrested"
    return None
