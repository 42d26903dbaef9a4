"""Which event an article is about: each event that happened is weighed by where it is reported
(the title, the lead, how early), how specific it is (a place below the country, a day, a toll,
a named victim) and what it is (violence before words about it when the lead reports violence;
an event recalled from the past last). The weights and word lists are ``data/headline.toml``.

The rule reads only what earlier stages assigned (the article, its events, actors and places),
so an analysis read back from JSON is ranked as the pipeline ranked it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from ...lexicon import Lexicon, OrderedWords, Words, load
from ...schema import UNREAL_AUX, Actor, Article, Event, Participant, Place


class _Weights(Lexicon):
    title_trigger: float
    title_argument: float
    lead: float
    late: float
    late_cap: int
    place: float
    dated: float
    day: float
    toll: float
    doer: float
    named_victim: float
    violent: float
    statement: float
    historical: float


class _Headline(Lexicon):
    lead_min_words: int
    lead_sentences: int
    suffixes: OrderedWords
    title_stopwords: Words
    violent_types: Words
    statement_types: Words
    weights: _Weights


_DATA = load("wirecoder.stages.headline", "headline", _Headline)
_SUFFIXES = tuple(sorted(_DATA.suffixes, key=len, reverse=True))
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_MIN_STEM = 3


class Analysed(Protocol):
    """What the rule reads: a pipeline ``Document`` or an ``Analysis``."""

    @property
    def article(self) -> Article: ...
    @property
    def events(self) -> list[Event]: ...
    @property
    def actors(self) -> list[Actor]: ...
    @property
    def places(self) -> list[Place]: ...


@dataclass(frozen=True)
class Weighed:
    """An event with what its weight was made of."""

    event: Event
    score: float
    reasons: tuple[str, ...]


def stem(word: str) -> str:
    """A word folded for comparison across inflections: "Kidnapped" and "kidnapping" are
    ``kidnapp``; too short a remainder keeps the whole word."""
    word = word.lower().replace("’", "'")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            return word[: -len(suffix)]
    return word


def _stems(text: str) -> set[str]:
    return {stem(word) for word in _WORD.findall(text) if word.lower() not in _DATA.title_stopwords}


def _meets(first: set[str], second: set[str]) -> bool:
    """Some word of one set is a word of the other, or begins it ("kill" and "killer")."""
    return any(a == b or a.startswith(b) or b.startswith(a) for a in first for b in second)


def rank(parts: Analysed) -> list[Weighed]:
    """The events that happened, heaviest first (of equal weight, the first reported); when none
    did, every event, so that an article of threats or plans still has its main one."""
    events = parts.events
    real = [event for event in events if not set(event.aux) & UNREAL_AUX] or list(events)
    if not real:
        return []
    context = _Context(parts)
    weighed = [context.weigh(event) for event in real]
    order = {event.id: index for index, event in enumerate(events)}
    return sorted(weighed, key=lambda item: (-item.score, order[item.event.id]))


def main_event(parts: Analysed) -> Event | None:
    """The event the article is about, or None when it reports none."""
    ranked = rank(parts)
    return ranked[0].event if ranked else None


class _Context:
    """What the weighing of one article's events needs: its title, lead, places and persons."""

    def __init__(self, parts: Analysed) -> None:
        article = parts.article
        self.title = _stems(article.title or "")
        self.lead = _lead(article.text, parts.events)
        self.sentences = sorted({_sentence(event) for event in parts.events})
        self.places = {place.id: place for place in parts.places}
        self.persons = {actor.id for actor in parts.actors if actor.kind == "person"}
        headline = [event for event in parts.events if self._in_headline(event)]
        self.violent_lead = any(
            event.type in _DATA.violent_types and not set(event.aux) & UNREAL_AUX
            for event in headline
        )

    def _in_headline(self, event: Event) -> bool:
        return _sentence(event) in self.lead or _meets(_stems(event.trigger.text), self.title)

    def weigh(self, event: Event) -> Weighed:
        weights = _DATA.weights
        reasons: dict[str, float] = {}
        if _meets(_stems(event.trigger.text), self.title):
            reasons["title_trigger"] = weights.title_trigger
        if self._argument_in_title(event):
            reasons["title_argument"] = weights.title_argument
        if _sentence(event) in self.lead:
            reasons["lead"] = weights.lead
        earlier = min(self.sentences.index(_sentence(event)), weights.late_cap)
        if earlier:
            reasons["late"] = -weights.late * earlier
        for name, holds in self._specific(event).items():
            if holds:
                reasons[name] = getattr(weights, name)
        if self.violent_lead and event.type in _DATA.violent_types:
            reasons["violent"] = weights.violent
        if self.violent_lead and event.type in _DATA.statement_types:
            reasons["statement"] = weights.statement
        if "historical" in event.aux:
            reasons["historical"] = weights.historical
        return Weighed(event, sum(reasons.values()), tuple(reasons))

    def _specific(self, event: Event) -> dict[str, bool]:
        size = event.size
        place = self.places.get(event.place_id or "")
        return {
            "place": place is not None and (event.where_precision or 9) < 6,
            "dated": event.time_id is not None,
            "day": event.time_id is not None and event.date_precision == 1,
            "toll": any(count is not None for count in (size.killed, size.injured, size.arrested)),
            "doer": event.actor is not None,
            "named_victim": self._person(event.recipient),
        }

    def _person(self, participant: Participant | None) -> bool:
        return participant is not None and participant.actor_id in self.persons

    def _argument_in_title(self, event: Event) -> bool:
        if not self.title:
            return False
        names: list[str] = []
        place = self.places.get(event.place_id or "")
        if place is not None and (event.where_precision or 9) < 6:
            names += [place.name, *(span.text for span in place.mentions)]
        names += [p.name for p in (event.actor, event.recipient) if self._person(p) and p]
        return any(_stems(name) and _stems(name) <= self.title for name in names)


def _sentence(event: Event) -> int:
    """Where the sentence that reports the event starts."""
    return event.spans[0].start if event.spans else event.trigger.start


def _lead(text: str, events: Sequence[Event]) -> set[int]:
    """The sentences (by start) of the lead: the first ``lead_sentences`` that report events in
    the first paragraph of ``lead_min_words`` words or more."""
    start = 0
    for paragraph in text.split("\n\n"):
        end = start + len(paragraph)
        if len(paragraph.split()) >= _DATA.lead_min_words:
            inside = sorted({s for e in events if start <= (s := _sentence(e)) < end})
            return set(inside[: _DATA.lead_sentences])
        start = end + 2
    return set()
