"""The time in focus: the day a paragraph, or the story's lead, is about.

News tells one happening over several sentences and dates it once: "Russian missiles struck
Kyiv on Thursday ... The strikes hit a hospital." A time is in focus when it dates what its
sentence tells, in the past: a day, a week or a month (not a year, nor "now"), attached to a
verb that is not one of saying ("said on Friday" dates the report) and not inside a phrase about
something else ("a law passed in 2019", "Crimea, annexed in 2014", "since January"). An undated
event takes the nearest time in focus earlier in its paragraph, else the last of the paragraph
just before when that is within a month of publication, else the lead's: the first time in
focus of the story's first paragraph, again within a month of publication (background history
sets no focus for what follows it).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Token

from ..._document import Document, text_of
from ...lexicon import Lexicon, Words, load
from ...schema import DateSource, TimeExpression
from ._clauses import verbal
from ._counts import revises_toll
from ._lexicon import REPORTING_VERBS


class _Dating(Lexicon):
    between: Words
    since: Words
    firsts: Words
    since_anaphors: Words
    relative_preps: Words
    stretch_preps: Words


DATING = load("wirecoder.stages.events", "dating", _Dating)
_FOCUS_PRECISION = 4
"""The coarsest precision a time in focus may have: a month."""
_RECENT = dt.timedelta(days=31)
"""A lead's time older than this sets no focus for the rest of the story."""
PREMODIFIERS = frozenset({"compound", "nummod", "poss", "amod", "nmod"})
"""Roles of a time inside the noun phrase it qualifies: "the 2014 annexation", "Thursday's
vote"."""
_TOLD_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "ROOT"})
"""Roles of a noun whose own time is the sentence's: "Thursday's strike killed five"."""
_COMPARISON_REACH = 8
"""How many words before "since" a superlative makes it a comparison."""
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_LINE_BREAK = re.compile(r"\n")


@dataclass(frozen=True)
class _InFocus:
    time: TimeExpression
    paragraph: int


class Focus:
    """The times in focus of one document, by paragraph."""

    def __init__(self, document: Document) -> None:
        text = text_of(document.doc) if len(document.doc) else document.text
        breaks = _PARAGRAPH_BREAK if _PARAGRAPH_BREAK.search(text) else _LINE_BREAK
        self._starts = [0] + [match.end() for match in breaks.finditer(text)]
        published = document.article.published
        self._times = [
            _InFocus(time, self.paragraph(time.span.start))
            for time in sorted(document.times, key=lambda t: t.span.start)
            if _in_focus(document, time, published)
        ]
        self._published = published
        self._lead = next(
            (
                found.time
                for found in self._times
                if found.paragraph == 0 and self._recent(found.time)
            ),
            None,
        )

    def _recent(self, time: TimeExpression) -> bool:
        """Within a month of publication (or no publication date to tell)."""
        published = self._published
        return published is None or time.end is not None and time.end >= published - _RECENT

    def paragraph(self, offset: int) -> int:
        """The index of the paragraph holding the character at ``offset``."""
        return bisect_right(self._starts, offset) - 1

    def before(self, offset: int) -> tuple[TimeExpression, DateSource] | None:
        """For a trigger at character ``offset``: the nearest time in focus before it in its
        paragraph, else the last of the paragraph before it (when recent), else the lead's."""
        paragraph = self.paragraph(offset)
        earlier = [
            found.time
            for found in self._times
            if found.paragraph == paragraph and found.time.span.start < offset
        ]
        if earlier:
            return earlier[-1], "paragraph"
        before = [found.time for found in self._times if found.paragraph == paragraph - 1]
        if before and paragraph > 1 and self._recent(before[-1]):
            return before[-1], "paragraph"
        return (self._lead, "lead") if self._lead is not None else None


def _in_focus(document: Document, time: TimeExpression, published: dt.date | None) -> bool:
    if time.type not in ("DATE", "TIME") or time.start is None or time.end is None:
        return False
    if time.value == "PRESENT_REF" or (time.precision or 5) > _FOCUS_PRECISION:
        return False
    if published is not None and time.end > published:
        return False
    tokens = document.doc.char_span(time.span.start, time.span.end, alignment_mode="expand")
    if tokens is None:
        return False
    return _tells(tokens.root)


def _tells(time_root: Token) -> bool:
    """The time dates what its sentence tells: not the saying, not a phrase about something
    else, not the start of a stretch."""
    noun = time_root.head
    if time_root.dep_ in PREMODIFIERS and noun.dep_ not in _TOLD_ROLES:
        # "killed in Thursday's strike" tells the strike's day; "after the March 3 agreement"
        # and "since the 2014 annexation" do not tell the sentence's
        told = DATING.relative_preps | DATING.since
        if noun.dep_ != "pobj" or noun.head.lower_ in told:
            return False
    current = time_root
    while current.head != current and not verbal(current):
        current = current.head
        if current.lower_ in DATING.since:
            return False
    if background_clause(current) or revises_toll(current):
        return False
    return (
        current.lemma_.lower() not in REPORTING_VERBS or told_before_saying(time_root) is not None
    )


def told_before_saying(time_root: Token) -> Token | None:
    """The reported clause a time belongs to when the parser hung it on the verb of saying
    that follows both ("killed 11 people on Tuesday, a group said"): the clause, else None.
    A time after the verb of saying ("officials said on Friday") dates the saying."""
    verb = time_root.head
    if time_root.dep_ == "pobj" and verb.pos_ == "ADP":
        verb = verb.head
    if verb.lemma_.lower() not in REPORTING_VERBS or not time_root.i < verb.i:
        return None
    return next(
        (
            clause
            for clause in verb.children
            if clause.dep_ in ("ccomp", "parataxis") and clause.right_edge.i < time_root.i
        ),
        None,
    )


def background_clause(clause: Token) -> bool:
    """A relative clause, or a reduced one in the past participle ("born in 2021", "a law
    passed in 2019"): what it tells is background to the sentence. A present participle
    ("a school sheltering families") is not: the parser often hangs the sentence's own time
    on it; nor a "participle" with an object ("air strikes killed 41 people" taken for a
    reduced relative: a passive takes no object, so it is the sentence's verb)."""
    if clause.dep_ == "relcl":
        return verbal(clause)
    return (
        clause.dep_ == "acl"
        and clause.tag_ == "VBN"
        and not any(child.dep_ == "dobj" for child in clause.children)
    )


def compared(since: Token) -> bool:
    """A "since" that compares ("the deadliest attack on the city since 2014", "the first
    strike since March"): a superlative (not "at least") or "first" shortly before it; it
    starts no stretch."""
    start = max(since.sent.start, since.i - _COMPARISON_REACH)
    return any(
        (token.tag_ in ("JJS", "RBS") and not (token.i and token.nbor(-1).lower_ == "at"))
        or token.lower_ in DATING.firsts
        for token in since.doc[start : since.i]
    )
