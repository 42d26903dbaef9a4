"""When an event happened, from the times stage's expressions.

The date is, in this order:

1. the time expression of the trigger's own clause, or of a verb coordinated with it under the
   same subject ("on Thursday", "overnight", "late on Monday"); not that of the reporting verb
   ("said on Friday"), nor "now" for an act in the perfect, nor a time that belongs to something
   else in the sentence ("a child born in 2021", "a law passed in 2019", "since the 2014
   annexation" inside another phrase). A time under "since" is a stretch from it to publication
   ("since Jan. 11"); a bare length the event ran over is a stretch of that length up to
   publication ("over more than a year", "in 18 months of fighting");
2. the nearest time in focus earlier in the trigger's paragraph, or at the end of the paragraph
   just before it (``_focus``);
3. the time in focus of the lead;
4. else the week before publication, marked as a fallback (``date_from = "publication"``).

A stretch of more than a week up to publication makes a toll over it a running total
(:attr:`When.running`): such a toll is dated by its stretch, never by the paragraph or the lead.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..._document import Document
from ...schema import DatePrecision, DateSource, TimeExpression
from ..times import date_precision
from ._clauses import clause_root, verbal
from ._counts import revises_toll
from ._focus import (
    DATING,
    PREMODIFIERS,
    Focus,
    background_clause,
    compared,
    told_before_saying,
)
from ._lexicon import NOUNS, REPORTING_VERBS

_FALLBACK_WINDOW = dt.timedelta(days=6)
_FALLBACK_PRECISION: DatePrecision = 2
"""An undated event is put in the week before publication: UCDP date precision 2."""
_RUNNING_AFTER = dt.timedelta(days=7)
"""A stretch up to publication longer than this makes a toll over it a running total."""
_LENGTH = re.compile(r"P(?P<time>T)?(?P<amount>\d+(?:\.\d+)?)(?P<unit>[HDWMY])")
_DAYS = {"H": 1 / 24, "D": 1.0, "W": 7.0, "M": 30.44, "Y": 365.25}

Dates = tuple[dt.date | None, dt.date | None, DatePrecision | None]
"""First day, last day and UCDP precision of an event's date."""


@dataclass(frozen=True)
class When:
    """An event's date: the expression it was read from, its days, precision and source."""

    time: TimeExpression | None
    start: dt.date | None
    end: dt.date | None
    precision: DatePrecision | None
    source: DateSource | None
    running: bool = False
    """A stretch of more than a week up to publication: a toll over it is a running total."""


NO_DATE = When(None, None, None, None, None)


def precision_of(start: dt.date, end: dt.date) -> DatePrecision:
    """UCDP ``date_prec`` of the days from ``start`` to ``end``."""
    value = date_precision(start, end)
    return 1 if value <= 1 else 2 if value == 2 else 3 if value == 3 else 4 if value == 4 else 5


class Dating:
    """The document's time expressions, for dating the events of its sentences."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.published = document.article.published
        self.focus = Focus(document)

    def own(
        self, sentence: SpacySpan, head: Token, speech: bool = False, kind: str | None = None
    ) -> When | None:
        """The date of the trigger's own clause (with ``speech``, of the verb of saying
        ``head`` itself: "said on Wednesday"), or None; ``kind`` is the trigger's PLOVER type."""
        time = self.time(sentence, head, speech, kind)
        if time is None:
            return None
        tokens = self._tokens(time)
        since = tokens is not None and not speech and _under_since(tokens.root, head)
        if time.end is None or since:
            return self._stretch(time, since, head)
        other = self._between(time, tokens)
        if other is not None and other.start is not None and other.end is not None:
            assert time.start is not None
            start, end = min(time.start, other.start), max(time.end, other.end)
            return When(time, start, end, precision_of(start, end), "sentence")
        running = (
            self.published is not None
            and time.start is not None
            and time.end >= self.published - dt.timedelta(days=1)
            and time.end - time.start > _RUNNING_AFTER
            and (time.type == "DURATION" or _perfect(clause_root(head)))
        )
        return When(time, time.start, time.end, time.precision, "sentence", running)

    def inherited(self, head: Token) -> When | None:
        """The nearest time in focus before the trigger in its paragraph (its own sentence's,
        in another clause, counts as the sentence's), else the lead's."""
        found = self.focus.before(head.idx)
        if found is None:
            return None
        time, source = found
        sentence = head.sent
        if sentence.start_char <= time.span.start < sentence.end_char:
            source = "sentence"  # the sentence's own time, in another of its clauses
        return When(time, time.start, time.end, time.precision, source)

    def since_focus(self, head: Token) -> When | None:
        """A running total "since then" ("since that day", "have since detained"): from the
        time in focus up to publication."""
        if self.published is None or not _since_then(head):
            return None
        found = self.inherited(head)
        if found is None or found.start is None or found.start > self.published:
            return None
        start, end = found.start, self.published
        return When(found.time, start, end, precision_of(start, end), found.source, True)

    def fallback(self) -> When:
        """The week before publication: the text dates the event nowhere."""
        if self.published is None:
            return NO_DATE
        return When(
            None,
            self.published - _FALLBACK_WINDOW,
            self.published,
            _FALLBACK_PRECISION,
            "publication",
        )

    def to_date(self) -> When:
        """A running total with no start the text dates ("since the war began"): up to
        publication, from a day the report does not give."""
        if self.published is None:
            return NO_DATE
        return When(None, None, self.published, 5, "sentence", running=True)

    def time(
        self, sentence: SpacySpan, head: Token, speech: bool = False, kind: str | None = None
    ) -> TimeExpression | None:
        """The time expression of the trigger's own clause (with ``speech``, of the verb of
        saying ``head`` itself: "said on Wednesday"); ``kind`` is the trigger's PLOVER type."""
        candidates: list[tuple[int, int, TimeExpression]] = []
        clause = clause_root(head)
        shared = _sharing_subject(clause)
        for time in self.document.times:
            if not self._may_date(time, sentence, clause, speech):
                continue
            tokens = self._tokens(time)
            if tokens is None or time.start is None and not _ran_over(tokens.root, head):
                continue
            content = told_before_saying(tokens.root)
            own = content or clause_root(tokens.root)
            if speech:
                if content is not None or own != head and own.head != head:
                    continue
            elif (
                own not in shared
                or (content is None and _reported_at(tokens.root, head))
                or _toll_told(tokens.root)
                or _elsewhere(tokens.root, head, shared, kind)
                or (_under_since(tokens.root, head) and not _runs_on(head))
                or _compared_since(tokens.root)
            ):
                continue
            candidates.append((own != clause, abs(tokens.root.i - head.i), time))
        return min(candidates, key=lambda item: item[:2])[2] if candidates else None

    def _between(self, time: TimeExpression, tokens: SpacySpan | None) -> TimeExpression | None:
        """The other end of "between Wednesday and Friday", when ``time`` is one end."""
        if tokens is None:
            return None
        root = tokens.root
        first = root.head if root.dep_ == "conj" else root
        if first.dep_ != "pobj" or first.head.lower_ not in DATING.between:
            return None
        ends = {first.i, *(c.i for c in first.children if c.dep_ == "conj")}
        for other in self.document.times:
            span = self._tokens(other)
            if other is not time and span is not None and span.root.i in ends - {root.i}:
                return other
        return None

    def _tokens(self, time: TimeExpression) -> SpacySpan | None:
        return self.document.doc.char_span(time.span.start, time.span.end, alignment_mode="expand")

    def _may_date(
        self, time: TimeExpression, sentence: SpacySpan, clause: Token, speech: bool
    ) -> bool:
        """A resolved date in the sentence, or a length of time it can stretch back from
        publication; not "now" for an act in the perfect ("has now seized": done by now, on a
        day the report does not give)."""
        if not (sentence.start_char <= time.span.start < sentence.end_char):
            return False
        if time.start is None and not (self._length(time) and not speech):
            return False
        return _dating(time) and not (
            time.value == "PRESENT_REF" and not speech and _perfect(clause)
        )

    def _length(self, time: TimeExpression) -> dt.timedelta | None:
        """The length of a duration no date anchors ("more than a year"), when publication
        gives it an end."""
        match = _LENGTH.fullmatch(time.value)
        if time.type != "DURATION" or match is None or self.published is None:
            return None
        unit = match.group("unit")
        if unit == "M" and match.group("time"):
            return None  # PT5M: minutes
        days = float(match.group("amount")) * _DAYS[unit]
        return dt.timedelta(days=max(1, math.ceil(days)))

    def _stretch(self, time: TimeExpression, since: bool, head: Token) -> When | None:
        """A time as a stretch up to publication: "since Jan. 11", "over more than a year"."""
        if self.published is None:
            return None
        if since and time.start is not None:
            start = time.start
        else:
            length = self._length(time)
            tokens = self._tokens(time)
            if length is None or tokens is None or not _ran_over(tokens.root, head):
                return None
            start = self.published - length + dt.timedelta(days=1)
        end = self.published
        start = min(start, end)
        return When(
            time, start, end, precision_of(start, end), "sentence", end - start > _RUNNING_AFTER
        )


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


def _elsewhere(time_root: Token, trigger: Token, shared: set[Token], kind: str | None) -> bool:
    """A time that belongs to something else in the sentence: the verb of a reduced or
    relative clause ("a child born in 2021", "a law passed in 2019", "Crimea, which Russia
    annexed in 2014"), or another noun it qualifies ("deadliest since the 2014 annexation",
    "after the March 3 agreement"). A time in a phrase the parser hung on a noun ("abducted
    the bureau chief in Karachi in January") still dates the verb."""
    own = shared | {trigger}
    current = time_root
    while current not in own and current.head != current:
        if background_clause(current) and not _describes(current, own):
            return True
        current = current.head
    noun = time_root.head
    if time_root.dep_ not in PREMODIFIERS or noun in own or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if noun.dep_ == "pobj" and noun.head.head in own:
        preposition = noun.head.lower_
        if preposition in DATING.since:
            return False  # "killed since the 2014 annexation": from 2014
        if preposition in DATING.relative_preps:
            return True  # "after the March 3 agreement"
        # "killed in Thursday's strike", "nabbed on Human Rights Day 2020"; not "arrested in
        # the Sept. 30 home invasion", another kind of happening
        other = NOUNS.get(noun.lemma_.lower())
        return other is not None and kind is not None and other.type != kind
    return not (noun.dep_ in ("nsubj", "nsubjpass", "dobj") and noun.head in own)


def _describes(clause: Token, own: set[Token]) -> bool:
    """A reduced or relative clause on the trigger itself or on the subject of its verb ("a
    strike carried out on Thursday", "a drone that hit a market on Thursday killed five")."""
    noun = clause.head
    return noun in own or noun.dep_ in ("nsubj", "nsubjpass") and noun.head in own


def _under_since(time_root: Token, trigger: Token) -> bool:
    """The time starts a stretch the trigger runs over: "killed since Jan. 11", "since the
    2014 annexation", "since the invasion began in February 2022" (for the killing; the
    invasion itself, inside the "since" clause, began in February)."""
    current = time_root
    for _ in range(4):
        if current == trigger or current.head == current:
            return False
        if current.lower_ in DATING.since or any(
            c.dep_ == "mark" and c.lower_ in DATING.since for c in current.children
        ):
            return not current.is_ancestor(trigger) and not compared(current)
        current = current.head
    return False


def _since_then(head: Token) -> bool:
    """The trigger's clause (or the clause it is coordinated with) runs from a time told
    before: "since then", "since that day", "police have since detained"."""
    clause = clause_root(head)
    for verb in {head, clause, clause.head if clause.dep_ == "conj" else clause}:
        for child in verb.children:
            if child.lower_ not in DATING.since or child.dep_ not in ("advmod", "prep"):
                continue
            objects = [c for c in child.children if c.dep_ in ("pobj", "advmod")]
            if not objects or any(
                obj.lower_ in DATING.since_anaphors
                or any(det.lower_ in DATING.since_anaphors for det in obj.children)
                for obj in objects
            ):
                return True
    return False


def _compared_since(time_root: Token) -> bool:
    """A time a superlative compares with ("the deadliest attack since 2014"): no date."""
    current = time_root
    for _ in range(4):
        if current.head == current:
            return False
        current = current.head
        if current.lower_ in DATING.since:
            return compared(current)
    return False


def _runs_on(head: Token) -> bool:
    """A trigger that can run over a stretch "since" a time: a noun ("deaths since October"),
    or a verb in the perfect ("have been killed since"), not a one-off act in the simple past
    ("struck a ferry in the deadliest attack since 2014": the "since" is the superlative's)."""
    if not verbal(head):
        return True
    clause = clause_root(head)
    return _perfect(clause) or any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in clause.children
    )


def _ran_over(time_root: Token, trigger: Token) -> bool:
    """A length the event ran over: "over more than a year", "in 18 months of fighting", "for
    two years" (in the perfect), not a length in the future or of something else."""
    head = time_root.head
    if time_root.dep_ == "pobj" and head.lower_ in DATING.stretch_preps:
        return head.lower_ != "for" or _perfect(clause_root(trigger))
    # "18 months of fighting": the length measures the trigger noun
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in time_root.children)


def _dating(time: TimeExpression) -> bool:
    """A date or time, or a stretch counted from one ("over the past week"), that can date an
    event; not a recurrence."""
    if time.type in ("DATE", "TIME"):
        return True
    return time.type == "DURATION" and (time.end is None or time.precision is not None)


def _perfect(verb: Token) -> bool:
    """ "has seized", "have advanced": a completed act, reported as it stands now."""
    return (
        verb.tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
        or (verb.dep_ == "conj" and verb.tag_ == "VBN" and _perfect(verb.head))
    )


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)


def _toll_told(time_root: Token) -> bool:
    """A time of the report of a toll ("the death toll from the attack rose to 51 on
    Wednesday"), not of the attack."""
    current = time_root
    while current.head != current and current.pos_ != "VERB":
        current = current.head
    return revises_toll(current)


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
