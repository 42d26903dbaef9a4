"""Toponym recognition: the parse's entities checked against the gazetteer, and the gazetteer's
names found where the small model mislabels them (it tags "Bakhmut" ORG and "Kyiv" PERSON).

A candidate is a character span with a hint of what kind of place it names ("Donetsk province"
names a first-order division, "the Bakhmutka River" a river, "the 0506 route" a road) and a role:
``demonym`` for place adjectives and people-nouns ("Turkish", "Ukrainians"), ``metonym`` for a
place standing for its government or forces ("Moscow said", "Kyiv accepts"), else ``location``.
People and outlets never become places: multi-word PERSON entities, surnames seen in them, and
organisation names with an organisation word ("NV Radio", "Eastern Military Command") are skipped.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.attrs import IDX, LENGTH  # type: ignore[import-not-found]  # compiled, no stubs
from spacy.tokens import Doc, Span
from wordfreq import zipf_frequency

from ..._document import text_of
from ...gazetteer import Entry, Gazetteer, demonyms, name_key
from ._cues import (
    Role,
    after_locative,
    after_the,
    beside_a_place,
    coordinated_names,
    ground_position,
    kind_word,
    listed_with_a_place,
    metonym_role,
    seized,
    titled,
)
from ._geography import Clue, clues, in_a_relative_phrase
from ._lexicon import (
    CONNECTORS,
    GROUP_NOUNS,
    MEDIA_WORDS,
    NOT_PLACES,
    ORG_WORDS,
    OTHER_NAME_LABELS,
    OUTLETS,
    PLACE_LABELS,
    ROAD_WORDS,
    Hint,
)
from ._unplaced import outlet_name, ship_name

ROAD_PATTERN = re.compile(
    r"\b(?:(?P<letter>[MHPTOmhpto])[-\s]?(?P<lettered>\d{2}(?:\d{2})?)|(?P<bare>\d{4}))\b"
)
_MAX_TOKENS = 5
NEARBY_KM = 120.0
EMBEDDED_CITY = 500_000
"""A city named inside an organisation's name counts as its place only from this size up."""
FOCAL_POPULATION = 1_000
"""A populated place of the article's focus area this size or more is taken on its position
alone."""
COMMON_ZIPF = 4.0
"""Words at least this frequent in English (wordfreq's Zipf scale: once per 100,000 words) are
taken for places only with the parser's or the gazetteer's strong support."""


@dataclass(frozen=True)
class Candidate:
    """A toponym in the text, with what the text says about its kind and role."""

    start: int
    end: int
    name: str
    hint: Hint = None
    role: Role = "location"
    demonym_target: str | None = None
    clue: Clue | None = None
    """Where the sentence says the place lies, relative to another candidate."""


def _with_clues(text: str, found: list[Candidate]) -> list[Candidate]:
    """The candidates, each with what the text says about where it lies (:func:`clues`):
    only a place a town or village may be is located, and only by another such name."""
    located = [
        candidate.role != "demonym" and candidate.hint not in ("road", "river", "water")
        for candidate in found
    ]
    said = clues(text, [item.start for item in found], [item.end for item in found], located)
    return [replace(item, clue=said.get(index)) for index, item in enumerate(found)]


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word == "-"


def _bare_start(entity: Span) -> int:
    """Where the entity's name begins: "the Middle East" is the name "Middle East"."""
    return entity.start + 1 if entity[0].lower_ == "the" and len(entity) > 1 else entity.start


def _acronym(span: Span) -> bool:
    letters = [char for char in span.text if char.isalpha()]
    return len(span) <= 2 and len(letters) <= 5 and all(char.isupper() for char in letters)


def _common_word(span: Span) -> bool:
    """Every word of the name is a common English word ("Centre", "Star", "West Coast")."""
    return all(
        zipf_frequency(token.lower_, "en") >= COMMON_ZIPF
        for token in span
        if token.lower_ not in CONNECTORS
    )


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance: precise enough below a few hundred km."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


def _wordlike(word: str) -> bool:
    """Words and dotted abbreviations ("U.S.", "Calif."), not numbers or punctuation."""
    return word.isalpha() or (
        any(char.isalpha() for char in word) and all(char.isalpha() or char == "." for char in word)
    )


def _person_words(doc: Doc, is_place: Callable[[str], bool]) -> set[str]:
    """Every word of multi-word PERSON entities: "Lavrov" later is the same man. All-capital
    words are left out: they are the tagger running a name into "US" or "UK"."""
    words: set[str] = set()
    for entity in doc.ents:
        if entity.label_ == "PERSON" and len(entity) > 1 and not is_place(entity.text):
            words.update(
                token.lower_
                for token in entity
                if token.is_alpha and len(token) > 1 and not token.is_upper
            )
    return words


def _strong(entries: list[Entry], key: str, common: bool = False, big: int = 100_000) -> bool:
    """A name that, alone, very likely means a place: a country, province, capital or city of
    ``big`` people under its own name. For a common word ("Mobile", "Nice") only a country, a
    big city or a curated fact will do."""
    for entry in entries:
        if entry.supplement is not None and entry.supplement.kind != "village":
            return True
        if not entry.is_named(key):
            continue
        if entry.fcode in ("PCLI", "PPLC", "CONT") or (
            entry.fclass == "P" and entry.population >= big
        ):
            return True
        if not common and entry.fcode in ("ADM1", "RGN"):
            return True
    return False


def _plausible(entries: list[Entry]) -> bool:
    """A name good enough for a word the parser sees as a proper noun outside any entity."""
    return any(
        entry.population >= 1_000 or entry.fclass != "P" or entry.supplement is not None
        for entry in entries
    )


def _doubtful(span: Span, key: str, entries: list[Entry]) -> bool:
    """An acronym the gazetteer knows only as a minor place, a name it knows only under a looser
    spelling, or a common English word that is no country, big city or curated fact: without
    other support, not a place."""
    if _acronym(span) and not any(
        entry.fcode == "PCLI" or entry.supplement or entry.alias for entry in entries
    ):
        return True
    if all(entry.spelled for entry in entries) and not after_locative(span):
        return True  # found only under a looser spelling: "Fourth" is no "Fürth"
    return _common_word(span) and not _strong(entries, key, common=True)


def _outlet(entity: Span | None) -> bool:
    """An organisation that is a news outlet: one named so, or with a media word in its name."""
    return (
        entity is not None
        and entity.label_ == "ORG"
        and (
            bool({token.lower_ for token in entity} & MEDIA_WORDS)
            or name_key(entity.text) in OUTLETS
        )
    )


def _institution(entity: Span | None, whole: bool) -> bool:
    """A name inside an institution's name stands for the state or city it belongs to ("Bank of
    Japan", "US Special Forces"), unless the "organisation" is a list of places."""
    if entity is None or entity.label_ != "ORG" or coordinated_names(entity):
        return False
    return not whole or bool({token.lower_ for token in entity} & ORG_WORDS)


@dataclass(frozen=True)
class _View:
    """What the scans read of a parse, computed once per document: spaCy token access is slow."""

    text: str
    lowers: list[str]
    name_like: list[bool]
    starts: list[int]
    begins: list[int]
    ends: list[int]
    entity_of: dict[int, Span]

    @classmethod
    def of(cls, doc: Doc) -> _View:
        text = text_of(doc)
        begins, lengths = (
            zip(*doc.to_array([IDX, LENGTH]).tolist(), strict=True) if len(doc) else ((), ())
        )
        words = [
            text[begin : begin + length] for begin, length in zip(begins, lengths, strict=True)
        ]
        lowers = [word.lower() for word in words]
        capital = [_capitalised(word) for word in words]
        name_like = [cap or lower in CONNECTORS for cap, lower in zip(capital, lowers, strict=True)]
        starts = [i for i, word in enumerate(words) if capital[i] and _wordlike(word)]
        ends = [begin + length for begin, length in zip(begins, lengths, strict=True)]
        entity_of = {
            index: entity for entity in doc.ents for index in range(entity.start, entity.end)
        }
        return cls(text, lowers, name_like, starts, list(begins), ends, entity_of)


class Recognizer:
    """Finds toponym candidates in a parsed document."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.demonyms = {name_key(word): target for word, target in demonyms().items()}
        self._points: tuple[tuple[float, float], ...] = ()
        self._area: frozenset[str] = frozenset()
        self._parsed: tuple[Doc, _View, list[Candidate], set[int]] | None = None
        zipf_frequency("the", "en")  # load the word list now, as set-up, not in the first article

    def __call__(
        self,
        doc: Doc,
        points: tuple[tuple[float, float], ...] = (),
        area: frozenset[str] = frozenset(),
    ) -> list[Candidate]:
        """Two passes: the second also takes every other mention of a name the first accepted
        (one sense per article: "Bakhmut" tagged ORG is the town named in the line before).

        ``points`` are places already resolved in the article: a name the parser calls a person
        or an organisation, or a capitalised word at a sentence start, is taken as a place when
        the gazetteer has a place of that name within :data:`NEARBY_KM` of one of them
        ("Chasiv Yar" tagged PERSON in a story about Bakhmut).

        ``area`` holds the country codes of the article's focus area: a name the parser calls a
        person or an organisation, or misses, is taken as a place when it is a populated place
        there and stands where the sentence puts ground (:func:`ground_position`)."""
        self._points, self._area = points, area
        if self._parsed is None or self._parsed[0] is not doc:
            self._parsed = (doc, _View.of(doc), *self._roads(doc))
        _, view, roads, road_tokens = self._parsed
        people = _person_words(doc, self._near_place)
        known: frozenset[str] = frozenset()
        for _ in range(2):
            found = roads + self._scan(doc, view, people, known, road_tokens)
            known = frozenset(
                name_key(item.name)
                for item in found
                if item.role != "demonym" and item.hint != "road"
            )
        return _with_clues(view.text, sorted(found, key=lambda item: item.start))

    def _scan(
        self, doc: Doc, view: _View, people: set[str], known: frozenset[str], blocked: set[int]
    ) -> list[Candidate]:
        """Longest gazetteer match first at each capitalised word, left to right."""
        found: list[Candidate] = []
        next_free = 0
        for index in view.starts:
            if index < next_free or index in blocked:
                continue
            entity = view.entity_of.get(index)
            limit = index
            while (
                limit < len(doc)
                and limit - index < _MAX_TOKENS
                and view.name_like[limit]
                and limit not in blocked
            ):
                limit += 1
            for end in range(limit, index, -1):
                if view.lowers[end - 1] in CONNECTORS or not self._may_name(
                    view.text[view.begins[index] : view.ends[end - 1]]
                ):
                    continue
                candidate = self._candidate(doc, doc[index:end], entity, people, known)
                if candidate is not None:
                    found.append(candidate)
                    next_free = end + (1 if candidate.end > view.ends[end - 1] else 0)
                    break
        return found

    def _may_name(self, text: str) -> bool:
        """A cheap first test: the gazetteer or the demonym table knows the words."""
        key = name_key(text)
        return (
            key in self.demonyms or key[:-1] in self.demonyms or bool(self.gazetteer.lookup(text))
        )

    def _roads(self, doc: Doc) -> tuple[list[Candidate], set[int]]:
        """Numbered roads: "M03", "the H-20 highway", and bare numbers before a road word."""
        found: list[Candidate] = []
        tokens: set[int] = set()
        for match in ROAD_PATTERN.finditer(text_of(doc)):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None:
                continue
            following = {token.lower_ for token in doc[span.end : span.end + 3]}
            if match.group("bare") and not following & ROAD_WORDS:
                continue
            if span.end < len(doc) and doc[span.end].lower_ in GROUP_NOUNS:
                continue  # "M23 rebels"
            if match.group("letter") and not (
                match.group("letter").isupper() or following & ROAD_WORDS
            ):
                continue
            if match.group("bare") and any(
                token.ent_type_ in ("DATE", "TIME", "MONEY") for token in span
            ):
                continue
            name = match.group(0).upper().replace(" ", "").replace("-", "")
            found.append(Candidate(match.start(), match.end(), name, "road"))
            tokens.update(range(span.start, span.end))
        return found, tokens

    def _candidate(
        self, doc: Doc, span: Span, entity: Span | None, people: set[str], known: frozenset[str]
    ) -> Candidate | None:
        key = name_key(span.text)
        if key in NOT_PLACES or key in OUTLETS or _outlet(entity):
            return None  # nothing inside an outlet's name is a place: "NV Radio", "Kyiv Post"
        label = entity.label_ if entity is not None else None
        whole = entity is not None and _bare_start(entity) == span.start and entity.end == span.end
        demonym = self._demonym(span, key)
        if demonym is not None:
            if label == "PERSON" and not whole:
                return None
            return Candidate(
                span.start_char,
                span.end_char,
                span.text,
                role="demonym",
                demonym_target=demonym,
            )
        if len(span) == 1 and span[0].lower_ in people:
            return None
        hint, end = kind_word(doc, span)
        entries = self._entries(span, end)
        if not entries:
            return None
        if hint == "populated" and any(entry.fcode == "PCLI" for entry in entries):
            hint, end = None, span.end_char  # "U.S. cities": the country says where they are
        if hint is None and after_the(span) and any(entry.fcode == "STM" for entry in entries):
            hint = "river"  # "the Dnipro" is the river; the city takes no article
        sure = (label in PLACE_LABELS and whole) or key in known or hint is not None
        if not sure and (
            _doubtful(span, key, entries)
            or not self._accepted(span, key, entries, label, whole, known)
        ):
            return None
        if ship_name(span) or outlet_name(span, self._is_place_name):
            return None
        role: Role = "metonym" if _institution(entity, whole) else metonym_role(doc, span)
        return Candidate(span.start_char, end, span.text, hint, role=role)

    def _entries(self, span: Span, end: int) -> list[Entry]:
        """The places a name may be: with its kind word first when one follows ("Donetsk
        Oblast"), else the name alone."""
        entries = (
            self.gazetteer.lookup(span.doc[span.start : span.end + 1].text)
            if end != span.end_char
            else []
        )
        return entries or self.gazetteer.lookup(span.text)

    def _accepted(
        self,
        span: Span,
        key: str,
        entries: list[Entry],
        label: str | None,
        whole: bool,
        known: frozenset[str],
    ) -> bool:
        """Whether a name that neither the parse's place label, an earlier mention nor a kind
        word vouches for is a place, by what the parser took it for."""
        focal = (
            self._focal(entries)
            and (ground_position(span) or listed_with_a_place(span, known))
            or beside_a_place(span, known)
        )
        supported = _strong(entries, key) or self._near_place(span.text) or focal
        single = len(span) == 1 and _plausible(entries)
        located = single and in_a_relative_phrase(text_of(span.doc), span.start_char, span.end_char)
        if label == "PERSON":
            return (
                whole
                and not titled(span)
                and (supported or single and after_locative(span) or located)
            )
        if label == "ORG" and whole:
            return supported or single and (after_locative(span) or seized(span)) or located
        if label == "ORG":  # inside a name: "Bank of Japan", not "Orange Drugs Ltd"
            return _strong(entries, key, common=_common_word(span), big=EMBEDDED_CITY)
        if label in OTHER_NAME_LABELS:
            return whole and _strong(entries, key)
        if (
            (label is None or whole)
            and not titled(span)
            and (
                self._near_place(span.text)
                or focal
                or located
                or ((after_locative(span) or seized(span)) and _plausible(entries))
            )
        ):
            return True
        return span.root.pos_ == "PROPN" and (
            _strong(entries, key) or (_plausible(entries) and not span[0].is_sent_start)
        )

    def _is_place_name(self, name: str) -> bool:
        """The gazetteer knows a place of this name (under any of its spellings)."""
        return bool(self.gazetteer.lookup(name))

    def _near_place(self, name: str) -> bool:
        """A populated place, river or road of this name lies near a place already resolved."""
        if not self._points or name_key(name) in NOT_PLACES:
            return False
        for entry in self.gazetteer.lookup(name):
            if entry.fclass not in ("P", "H", "R"):
                continue
            if any(
                _distance_km(entry.latitude, entry.longitude, lat, lon) < NEARBY_KM
                for lat, lon in self._points
            ):
                return True
        return False

    def _focal(self, entries: list[Entry]) -> bool:
        """One of the entries is a populated place of some size in the article's focus area."""
        return any(
            entry.country in self._area
            and (entry.supplement is not None or entry.fclass == "P")
            and (entry.supplement is not None or entry.population >= FOCAL_POPULATION)
            for entry in entries
        )

    def _demonym(self, span: Span, key: str) -> str | None:
        if key in self.demonyms:
            return self.demonyms[key]
        if key.endswith("s") and key[:-1] in self.demonyms and span[-1].tag_ == "NNPS":
            return self.demonyms[key[:-1]]
        if key.endswith("s") and key[:-1] in self.demonyms and span[-1].pos_ in ("PROPN", "NOUN"):
            return self.demonyms[key[:-1]]
        return None
