"""How many were killed, injured or arrested: each number of a sentence and what it counts.

A number counts for the casualty word it stands with ("seven civilians were killed", "killing
12", "death toll rose to 66", "3 dead", "more than 180 arrested"), never for the number of strikes
or days, nor for the subject that did the killing ("two strikes killed seven"). Its range comes
from ``_figures``. A number is also told apart by what it is to a toll:

- a part of one given beside it ("22 killed, including 10 children", "ten of them children",
  "among the dead were four women") is not a toll: it is left out;
- counts of different people under one word add up ("killed five soldiers and three
  civilians" is 8);
- a running total ("killed since October", "so far", "a total of", "the war's death toll") is
  ``cumulative``: not the toll of today's strike;
- a revised total ("the death toll rose to 30", "has climbed to", "now stands at") is an
  ``update``: it replaces the earlier figure of the same source, it does not add to it; the
  figure it replaces ("from 41", "had initially put the toll at eight") is left out.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ._counts import COUNTS
from ._figures import Figure, added, figure_at, vague
from ._focus import DATING, compared
from ._lexicon import REPORTING_VERBS

_TO_DATE = frozenset(COUNTS.to_date)


@dataclass(frozen=True)
class Reported:
    """One reported count: what it counts, its range, the tokens that said it (``end``
    exclusive), the casualty word it counts for, and what it is to a toll."""

    kind: str
    low: int | None
    best: int | None
    high: int | None
    start: int
    end: int
    word: int
    cumulative: bool = False
    update: bool = False
    toll: bool = False
    """Counted by a toll noun ("put the death toll at 48"): a toll told on its own."""


def counts(sentence: SpacySpan) -> list[Reported]:
    """The killed, injured and arrested counts of a sentence, in order, parts left out."""
    found: list[Reported] = []
    heads: dict[int, int] = {}  # the noun of each count -> its place in ``found``
    for token in sentence:
        if not vague(token) and (token.dep_ == "npadvmod" or _is_date_or_time(token)):
            continue
        figure = figure_at(token)
        if figure is None:
            continue
        casualty = _casualty_of(token)
        if casualty is None:
            continue
        kind, word = casualty
        noun = _noun_of(token)
        if _part(token, noun) or _superseded(token, word):
            continue
        earlier = heads.get(noun.head.i) if noun.dep_ == "conj" else None
        if earlier is not None and found[earlier].kind == kind and found[earlier].word == word.i:
            found[earlier] = _with(found[earlier], added(_figure(found[earlier]), figure))
            heads[noun.i] = earlier
            continue
        heads[noun.i] = len(found)
        found.append(
            Reported(
                kind,
                figure.low,
                figure.best,
                figure.high,
                figure.start,
                figure.end,
                word.i,
                cumulative=_cumulative(token, word),
                update=_update(token),
                toll=word.lemma_.lower() in COUNTS.tolls,
            )
        )
    return found


def _figure(reported: Reported) -> Figure:
    return Figure(reported.low, reported.best, reported.high, reported.start, reported.end)


def _with(reported: Reported, figure: Figure) -> Reported:
    return replace(
        reported,
        low=figure.low,
        best=figure.best,
        high=figure.high,
        start=figure.start,
        end=figure.end,
    )


def _noun_of(number: Token) -> Token:
    """The word a number quantifies: "seven" in "seven civilians" -> "civilians"."""
    if number.dep_ in ("nummod", "quantmod", "amod", "compound", "det"):
        return number.head
    return number


def _part(number: Token, noun: Token) -> bool:
    """A part of a toll given with it: "including 10 children", "ten of them", "four of the
    dead", "among them two children"."""
    if noun.head.lower_ in COUNTS.part_preps and noun.dep_ in ("pobj", "dobj"):
        return True
    holders = {number, noun}
    if noun.dep_ in ("nsubj", "attr") and noun.head.lemma_ == "be":
        holders.add(noun.head)  # "among the dead were four women"
    for holder in holders:
        for child in holder.children:
            if child.dep_ != "prep" or child.lower_ not in COUNTS.part_preps | {"of"}:
                continue
            if any(grand.dep_ == "pobj" and _whole(grand) for grand in child.children):
                return True
    return False


def _whole(noun: Token) -> bool:
    """The whole a part is of: "them", "whom", "those", or a definite "the dead", "the
    victims" (not "dozens of people", which counts the people)."""
    if noun.lower_ in COUNTS.part_pronouns:
        return True
    return noun.lemma_.lower() in COUNTS.part_wholes and any(
        child.dep_ in ("det", "poss") and child.lower_ not in ("a", "an") for child in noun.children
    )


def _cumulative(number: Token, word: Token) -> bool:
    """A running total: the number, its noun, its casualty word or that word's verb is bounded
    by a start ("since October", "since the war began"), said to be to date ("so far", "in
    total"), a total ("a total of", "the overall toll") or the toll of a whole war."""
    holders = _path(number, word)
    if word.dep_ in ("nsubj", "nsubjpass", "conj") or word.lemma_.lower() in COUNTS.tolls:
        holders.append(word.head)  # "... have been detained, and 400 arrested": one stretch
    holders += _governors(word)
    if _since_below(word):
        return True
    return any(
        token.lemma_.lower() in COUNTS.totals
        or any(_marks_total(child) for child in token.children)
        for token in holders
    )


def _since_below(word: Token) -> bool:
    """A "since" phrase inside the casualty word's own clause, wherever the parser hung it
    ("killed by shelling and drone strikes since the start of the year"); not one of a clause
    inside it ("a town that has been shelled since January"), nor a superlative's ("in the
    deadliest attack since 2014")."""
    for token in word.subtree:
        if token.lower_ not in DATING.since or token.dep_ not in ("prep", "mark"):
            continue
        if compared(token):
            continue
        current = token.head
        while current != word and current.head != current:
            if current.dep_ in ("relcl", "ccomp", "advcl", "acl"):
                break
            current = current.head
        else:
            if current == word:
                return True
    return False


def _governors(word: Token) -> list[Token]:
    """The words a casualty word's phrase hangs from, up to the verb of its clause: "violence
    has surged since 2023, with hundreds of people killed" (the stretch is the verb's). Not past
    a verb of saying, nor into a clause coordinated under its own subject."""
    found: list[Token] = []
    current = word
    while current.head != current and len(found) < 6:
        if current.dep_ in ("conj", "ccomp", "parataxis", "relcl", "advcl"):
            break
        current = current.head
        if current.pos_ == "VERB" and current.lemma_.lower() in REPORTING_VERBS:
            break
        found.append(current)
        if current.pos_ == "VERB":
            break
    return found


def _path(number: Token, word: Token) -> list[Token]:
    """The number and the words from it up to its casualty word (at most five)."""
    path = [number]
    current = number
    for _ in range(5):
        if current == word or current.head == current:
            break
        current = current.head
        path.append(current)
    if word not in path:
        path.append(word)
    return path


def _marks_total(child: Token) -> bool:
    """A dependent that makes its head a running total."""
    lower = child.lower_
    if lower in DATING.since and child.dep_ in ("prep", "mark", "advmod"):
        return not compared(child)
    if child.dep_ == "advcl" and any(
        mark.dep_ == "mark" and mark.lower_ in DATING.since for mark in child.children
    ):
        return True
    if child.dep_ in ("advmod", "npadvmod", "prep") and child.right_edge.i - child.left_edge.i < 3:
        phrase = child.doc[child.left_edge.i : child.right_edge.i + 1].text.lower()
        if phrase in _TO_DATE:
            return True
    if child.dep_ in ("amod", "compound") and child.lemma_.lower() in COUNTS.totals:
        return True
    if child.dep_ == "poss" and child.lemma_.lower() in COUNTS.aggregates:
        return True
    return child.dep_ == "prep" and any(
        grand.dep_ == "pobj" and grand.lemma_.lower() in COUNTS.aggregates
        for grand in child.children
    )


def _superseded(number: Token, word: Token) -> bool:
    """A figure the sentence says was replaced: "rose to 51 from 41", "had initially put the
    toll at eight"."""
    head = number.head
    if number.dep_ == "pobj" and head.lower_ == "from":
        return head.head.lemma_.lower() in COUNTS.update_verbs
    verbs = {token for token in (number.head, head.head, word, word.head) if token.pos_ == "VERB"}
    return any(
        child.dep_ == "advmod" and child.lower_ in COUNTS.superseded
        for verb in verbs
        for child in verb.children
    )


def _update(number: Token) -> bool:
    """A revised total: "rose to 30", "has climbed to 30", "reached 30", "now stands at 30"."""
    head = number.head
    if number.dep_ == "pobj" and head.lower_ in ("to", "at"):
        return head.head.lemma_.lower() in COUNTS.update_verbs
    return number.dep_ == "dobj" and head.lemma_.lower() in ("reach", "hit", "top", "pass")


def _is_date_or_time(token: Token) -> bool:
    """A number that counts time, money or measures, not people ("14 December", "2022", "3 km")."""
    if token.ent_type_ in ("TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"):
        return True
    if token.ent_type_ != "DATE":
        return False
    if token.text.isdigit() and len(token.text) == 4:
        return True
    return (
        token.head.lemma_.lower() in COUNTS.time_words
        or token.head.pos_ == "PROPN"
        or token.head == token
    )


def _casualty_of(token: Token) -> tuple[str, Token] | None:
    """Which count a number belongs to, and the casualty word that says so, from the word it
    quantifies and that word's verb."""
    head = _noun_of(token)
    for candidate in _candidates(head):
        kind = _kind(candidate)
        if kind is not None and _counts_for(candidate, head):
            return kind, candidate
    return None


def _candidates(head: Token) -> list[Token]:
    """The words that may say what the number ``head`` counts: itself, its verb, the verb of its
    preposition, the toll it is the figure of ("the toll rose to 30", "put the toll at 48"),
    its modifiers."""
    candidates = [head, head.head]
    if head.dep_ == "pobj" and head.head.dep_ == "prep":
        candidates.append(head.head.head)
        candidates.extend(
            c
            for c in head.head.head.children
            if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lemma_ in COUNTS.tolls
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
    if candidate == head and candidate.lower_ not in COUNTS.casualty_heads:
        return False
    if candidate.lemma_ in COUNTS.tolls:
        return True
    if candidate == head.head and head.dep_ not in _COUNTED_ROLES:
        return False
    # "two strikes killed seven": the subject did the killing
    return not (candidate == head.head and head.dep_ == "nsubj" and _has_object(candidate))


def _has_object(verb: Token) -> bool:
    return any(child.dep_ in ("dobj", "obj") for child in verb.children)


def _kind(token: Token) -> str | None:
    words = {token.lower_, token.lemma_.lower()}
    if words & COUNTS.killed:
        return "killed"
    if words & COUNTS.injured:
        return "injured"
    if words & COUNTS.arrested:
        return "arrested"
    return None
