"""The corpus step's language data (``corpus/data/*.toml``), read once, and a phrase matcher."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping

from ..lexicon import Lexicon, Words, load

PACKAGE = "wirecoder.corpus"


class Phrases:
    """Phrases matched lower-cased at word boundaries, the longest first."""

    def __init__(self, phrases: Iterable[str]) -> None:
        ordered = sorted({p.casefold() for p in phrases}, key=lambda p: (-len(p), p))
        alternatives = "|".join(re.escape(p) for p in ordered)
        self.pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])") if ordered else None

    def find(self, text: str) -> list[re.Match[str]]:
        """The matches in ``text`` (lower-cased, typographic apostrophes folded), left to right."""
        if self.pattern is None:
            return []
        return list(self.pattern.finditer(fold(text)))

    def any(self, text: str) -> bool:
        return bool(self.find(text))


class Families:
    """Named families of phrases: which families a text names."""

    def __init__(self, families: Mapping[str, Iterable[str]]) -> None:
        self.family_of = {p.casefold(): name for name, words in families.items() for p in words}
        self.phrases = Phrases(self.family_of)

    def named(self, text: str) -> frozenset[str]:
        return frozenset(self.family_of[m.group(0)] for m in self.phrases.find(text))

    def first(self, text: str) -> tuple[str, int] | None:
        """The family of the longest match starting first in ``text``, with where it starts."""
        found = self.phrases.find(text)
        return (self.family_of[found[0].group(0)], found[0].start()) if found else None


def _alternatives(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, the longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def fold(text: str) -> str:
    """Lower-cased, with typographic apostrophes as ASCII ones."""
    return text.casefold().replace("\u2019", "'")


class Summary(Lexicon):
    """A count of places or attacks: "attacks on two cities"."""

    counts: Words
    things: Words


class StoryData(Lexicon):
    """Cues of within-article coreference (``data/story.toml``)."""

    shift: dict[str, int]
    summary: Summary
    new_event: Words
    background: Words
    anchor: Words
    wide: Words
    aside_heads: Words
    vague_dates: Words
    determiners: Words
    relatives: Words
    taken: Words


class WeaponData(Lexicon):
    """Weapon families (``data/weapons.toml``)."""

    families: dict[str, Words]


class TargetData(Lexicon):
    """Kinds of target (``data/targets.toml``)."""

    kinds: dict[str, Words]


class Body(Lexicon):
    """A kind of body that speaks as a source, and whether it speaks for a state or authority."""

    official: bool
    words: Words


class SourceData(Lexicon):
    """Words that fold sources into origins (``data/sources.toml``)."""

    bodies: dict[str, Body]
    umbrella: dict[str, Words]
    unnamed: Words
    armed_descriptions: Words
    group_descriptions: Words
    not_sources: Words
    organisation_words: Words
    pronouns: Words
    titles: Words
    qualifiers: Words
    witnesses: Words
    staff: Words
    seeing: Words
    no_comment: Words
    aftermath: Words
    denied_acts: Words
    leads: Words
    units: dict[str, str]
    prepositions: Words
    articles: Words
    own: Words


class StoryWords:
    """The story cues, compiled."""

    def __init__(self, data: StoryData) -> None:
        self.shift = {fold(phrase): days for phrase, days in data.shift.items()}
        self.shifts = Phrases(self.shift)
        self.new_event = Phrases(data.new_event)
        self.background = Phrases(data.background)
        self.anchor = Phrases(data.anchor)
        self.wide = Phrases(data.wide)
        self.aside_heads = tuple(data.aside_heads)
        self.vague_dates = Phrases(data.vague_dates)
        determiners = _alternatives(data.determiners)
        self.definite = re.compile(
            rf"(?:\b(?:{determiners})|\w+'s)(?:\s+[\w-]+){{0,2}}\s*$", re.IGNORECASE
        )
        self.determiners = frozenset(fold(word) for word in data.determiners)
        self.relatives = _alternatives(data.relatives)
        self.taken = re.compile(rf"\b(?:{_alternatives(data.taken)})\b[^,.;]*", re.IGNORECASE)
        counts = "|".join(re.escape(fold(w)) for w in sorted(data.summary.counts, key=len)[::-1])
        things = "|".join(re.escape(fold(w)) for w in sorted(data.summary.things, key=len)[::-1])
        self.summary = re.compile(rf"\b(?:{counts})\s+(?:[\w'-]+\s+){{0,2}}(?:{things})\b")


class SourceWords:
    """The source words, compiled."""

    def __init__(self, data: SourceData) -> None:
        self.bodies = Families({name: body.words for name, body in data.bodies.items()})
        self.official = frozenset(name for name, body in data.bodies.items() if body.official)
        self.unnamed = Phrases(data.unnamed)
        self.armed_descriptions = Phrases(data.armed_descriptions)
        self.group_descriptions = Phrases(data.group_descriptions)
        self.not_sources = frozenset(fold(word) for word in data.not_sources)
        self.organisation_words = frozenset(fold(word) for word in data.organisation_words)
        self.pronouns = frozenset(fold(word) for word in data.pronouns)
        self.titles = frozenset(fold(word) for word in data.titles)
        self.qualifiers = tuple(fold(word) for word in data.qualifiers)
        self.umbrella = {
            member: parent for parent, members in data.umbrella.items() for member in members
        }
        self.witnesses = Phrases(data.witnesses)
        self.staff = Phrases(data.staff)
        self.seeing = Phrases(data.seeing)
        self.no_comment = Phrases(data.no_comment)
        self.aftermath = Phrases(data.aftermath)
        self.denied_acts = Phrases(data.denied_acts)
        self.leads = tuple(sorted(fold(w) for w in data.leads))
        self.preposition = re.compile(rf"\s(?:{_alternatives(data.prepositions)})\s", re.IGNORECASE)
        self.articles = frozenset(fold(word) for word in data.articles)
        self.own = tuple(fold(word) + " " for word in sorted(data.own))
        self.units = {fold(unit): kind for unit, kind in data.units.items()}


@functools.cache
def story_words() -> StoryWords:
    return StoryWords(load(PACKAGE, "story", StoryData))


@functools.cache
def weapons() -> Families:
    return Families(load(PACKAGE, "weapons", WeaponData).families)


@functools.cache
def targets() -> Families:
    return Families(load(PACKAGE, "targets", TargetData).kinds)


@functools.cache
def source_words() -> SourceWords:
    return SourceWords(load(PACKAGE, "sources", SourceData))
