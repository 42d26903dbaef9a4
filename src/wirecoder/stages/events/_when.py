"""When an event happened, from the times stage's expressions.

The date is the time expression of the trigger's clause or of a verb coordinated with it under
the same subject (not of the reporting verb; not "now" for an act in the perfect), else the
publication date with a lower precision.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..._document import Document
from ...schema import DatePrecision, TimeExpression
from ._clauses import clause_root
from ._lexicon import REPORTING_VERBS

_FALLBACK_WINDOW = dt.timedelta(days=6)
_FALLBACK_PRECISION: DatePrecision = 2
"""An undated event is put in the week before publication: UCDP date precision 2."""

Dates = tuple[dt.date | None, dt.date | None, DatePrecision | None]
"""First day, last day and UCDP precision of an event's date."""


class Dating:
    """The document's time expressions, for dating the events of its sentences."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.published = document.article.published

    def time(self, sentence: SpacySpan, head: Token, speech: bool = False) -> TimeExpression | None:
        """The time expression of the trigger's own clause (with ``speech``, of the verb of
        saying ``head`` itself: "said on Wednesday")."""
        candidates: list[tuple[int, int, TimeExpression]] = []
        clause = clause_root(head)
        shared = _sharing_subject(clause)
        for time in self.document.times:
            if not self._may_date(time, sentence, clause, speech):
                continue
            tokens = self.document.doc.char_span(
                time.span.start, time.span.end, alignment_mode="expand"
            )
            if tokens is None:
                continue
            own = clause_root(tokens.root)
            if speech:
                if own != head and own.head != head:
                    continue
            elif _reported_at(tokens.root, head) or own not in shared:
                continue
            candidates.append((own != clause, abs(tokens.root.i - head.i), time))
        return min(candidates, key=lambda item: item[:2])[2] if candidates else None

    @staticmethod
    def _may_date(time: TimeExpression, sentence: SpacySpan, clause: Token, speech: bool) -> bool:
        """A resolved date in the sentence; not "now" for an act in the perfect ("has now
        seized": done by now, on a day the report does not give)."""
        if not (sentence.start_char <= time.span.start < sentence.end_char) or time.start is None:
            return False
        return _dating(time) and not (
            time.value == "PRESENT_REF" and not speech and _perfect(clause)
        )

    def dates(self, time: TimeExpression | None) -> Dates:
        """The dates of ``time``, else the week before publication."""
        if time is not None:
            return time.start, time.end, time.precision
        if self.published is None:
            return None, None, None
        return self.published - _FALLBACK_WINDOW, self.published, _FALLBACK_PRECISION


def _sharing_subject(clause: Token) -> set[Token]:
    """The clause with the verbs coordinated with it under one subject: in "killed 11 and
    wounded 30 on Thursday" the day dates both."""
    top = clause
    while top.dep_ == "conj" and top.head.pos_ == "VERB" and not _has_subject(top):
        top = top.head
    family = {top}
    pending = [top]
    while pending:
        verb = pending.pop()
        for child in verb.children:
            if child.dep_ == "conj" and child.pos_ == "VERB" and not _has_subject(child):
                family.add(child)
                pending.append(child)
    return family | {clause}


def _dating(time: TimeExpression) -> bool:
    """A date or time, or a stretch counted from one ("over the past week"), that can date an
    event; not a bare length ("for three years") nor a recurrence."""
    if time.type in ("DATE", "TIME"):
        return True
    return time.type == "DURATION" and time.end is not None and time.precision is not None


def _perfect(verb: Token) -> bool:
    """ "has seized", "have advanced": a completed act, reported as it stands now."""
    return (
        verb.tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
        or (verb.dep_ == "conj" and verb.tag_ == "VBN" and _perfect(verb.head))
    )


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)


def _reported_at(time_root: Token, trigger: Token) -> bool:
    """A time that dates the reporting ("said on Friday"), not the event itself."""
    current = time_root
    for _ in range(4):
        if current == trigger:
            return False
        if current.head == current:
            return False
        current = current.head
        if current == trigger:
            return False
        if current.pos_ == "VERB":
            return current.lemma_.lower() in REPORTING_VERBS
    return False
