"""Temporal expressions, normalized against the article's publication date (the DCT).

The grammar in ``_rules`` finds and resolves the expressions; this stage supplies what the
grammar cannot see: the DCT, and the tense of the clause an expression sits in, read from the
parse (a weekday under "will", "would" or "is due to" points forward, under a past verb back,
as in a "when" clause of a past verb; a date inside a noun phrase takes no tense from the
sentence's verb). Each expression gets its TIMEX3 type, value and mod, the interval of days it
can denote, and the UCDP ``date_prec`` code of that interval, which the events stage uses for an
event's date.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..._document import Document
from ..._registry import NoSettings, StageFn, stage
from ...lexicon import Lexicon, Words, load
from ...schema import StageRef, TimeExpression
from ._calendar import add_months, date_precision
from ._normalize import Normalized, recognize
from ._resolution import Anchor, Candidate, Tense


class _Tense(Lexicon):
    future_governors: Words
    future_auxiliaries: Words
    perfect_auxiliaries: Words
    ongoing_perfect_auxiliaries: Words
    ongoing_progressive_auxiliaries: Words


_TENSE = load("wirecoder.stages.times", "tense", _Tense)


def _governs_future(verb: Token) -> bool:
    """An infinitive under a future-minded word, or under a present "is to" ("is to resume")."""
    head = verb.head
    if head.i == verb.i:
        return False
    if {head.lemma_.lower(), head.lower_} & _TENSE.future_governors:
        return True
    return head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP")


def _follows_a_past_clause(verb: Token) -> bool:
    """A bare base-form verb in a "when"/"after"/"as" clause of a past verb is past: the
    sequence of tenses rules out a present there, so "were killed when shells hit" is the past
    of a verb whose past looks like its present ("hit", "cut", "put"), tagged VBP."""
    return (
        verb.tag_ in ("VBP", "VB")
        and verb.dep_ == "advcl"
        and verb.head.i != verb.i
        and verb_tense(verb.head) == "past"
    )


def verb_tense(verb: Token) -> Tense:
    """The tense of a verb with its auxiliaries: future, past (incl. perfect), or present."""
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    words = {child.lower_ for child in auxiliaries}
    if words & _TENSE.future_auxiliaries:
        return "future"
    if "to" in words and _governs_future(verb):
        return "future"
    tags = {verb.tag_} | {child.tag_ for child in auxiliaries}
    if "VBD" in tags or (verb.tag_ == "VBN" and words & _TENSE.perfect_auxiliaries):
        return "past"
    if not auxiliaries and _follows_a_past_clause(verb):
        return "past"
    if tags & {"VBZ", "VBP"}:
        return "present"
    return None


def clause_tense(doc: Doc, start: int, end: int) -> Tense:
    """The tense of the verb the characters ``[start, end)`` modify, or None.

    Only a verb reached through prepositions counts ("said on Wednesday", "met Monday"): a date
    inside a noun phrase ("payable Dec. 1 to holders of record Nov. 10", "Wednesday's ruling")
    takes no tense from the sentence's verb, which may be about something else."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    while token.head.i != token.i:  # spaCy makes a new Token per access: compare indices
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return verb_tense(token)
        if token.pos_ != "ADP":
            return None
    return None


def publication_date(document: Document) -> dt.date | None:
    """The DCT: the publication date, or the day of the publication time."""
    article = document.article
    if article.published is not None:
        return article.published
    return article.published_at.date() if article.published_at is not None else None


def to_expression(
    document: Document, found: Normalized, number: int, ref: StageRef, dct: dt.date | None
) -> TimeExpression:
    resolution = found.resolution
    start, end = resolution.start, resolution.end
    precision = date_precision(start, end) if start is not None and end is not None else None
    if resolution.type == "DURATION" and end is None and dct is not None:
        running = _running_to_dct(document.doc, found, dct)
        if running is not None:
            start, end, precision = running
    return TimeExpression(
        id=f"T{number}",
        stage=ref,
        span=document.span(found.start, found.end),
        type=resolution.type,
        value=resolution.value,
        mod=resolution.mod,
        start=start,
        end=end,
        precision=precision,
        anchored=resolution.anchored or end is not None,
    )


_DURATION = re.compile(r"P(?P<amount>\d+(?:\.\d+)?|X)(?P<unit>[DWMY])")
_LEAST_DAYS = {"D": 2, "W": 14, "M": 60, "Y": 730}
"""An unknown number of days, weeks, months or years is at least two of them."""


def _running_to_dct(
    doc: Doc, found: Normalized, dct: dt.date
) -> tuple[dt.date | None, dt.date, int] | None:
    """A duration of something still going on runs up to the DCT: "has been shelled for
    months", "have been fighting for three weeks" end at publication (start unknown when the
    text gives no number); "fought for three weeks" may have ended any time, so has none."""
    match = _DURATION.fullmatch(found.resolution.value)
    span = doc.char_span(found.start, found.end, alignment_mode="expand")
    if match is None or span is None:
        return None
    preposition = span.root.head
    verb = preposition.head
    if preposition.lower_ != "for" or verb.pos_ not in ("VERB", "AUX"):
        return None
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    perfect = verb.tag_ in ("VBN", "VBG") and auxiliaries & _TENSE.ongoing_perfect_auxiliaries
    progressive = verb.tag_ == "VBG" and auxiliaries & _TENSE.ongoing_progressive_auxiliaries
    if not (perfect or progressive):
        return None
    unit = match.group("unit")
    if match.group("amount") == "X":
        return None, dct, date_precision(dct - dt.timedelta(days=_LEAST_DAYS[unit] - 1), dct)
    amount = float(match.group("amount"))
    if unit in "DW":
        start = dct - dt.timedelta(days=round(amount * (7 if unit == "W" else 1)) - 1)
    else:
        start = add_months(dct, -round(amount * (12 if unit == "Y" else 1))) + dt.timedelta(days=1)
    return start, dct, date_precision(start, dct)


@stage("times", "1", assigns=("times",), requires=("doc",))
def make_times(nlp: Language, settings: NoSettings) -> StageFn:
    """Recognize and normalize every temporal expression into ``Document.times``."""
    ref = StageRef(name="times", version="1")

    def times(document: Document) -> None:
        dct = publication_date(document)

        def anchor_of(candidate: Candidate) -> Anchor:
            needs_tense = dct is not None and candidate.rule.needs_tense
            tense = (
                clause_tense(document.doc, candidate.start, candidate.end) if needs_tense else None
            )
            return Anchor(dct, tense)

        first = len(document.times) + 1
        document.times.extend(
            to_expression(document, found, number, ref, dct)
            for number, found in enumerate(recognize(document.text, anchor_of), start=first)
        )

    return times
