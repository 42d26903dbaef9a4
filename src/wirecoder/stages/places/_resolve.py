"""Resolution: choose one gazetteer entry per toponym, and give it a UCDP precision code.

Each candidate entry is scored on its own merits (population, feature type, whether the text's
spelling is its main name, what the text says it is: "province", "river") and then on the
article's context: the countries the article names or the dateline gives, the places already
resolved without doubt (spatial coherence), and the conflict areas the settings name. Two passes:
the first resolves every toponym alone; the second rescored against the context the first built.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from ...gazetteer import Entry, Gazetteer, name_key, same_spelling
from ...schema._places import WherePrecision
from ._geography import Clue, Placement, fits, haversine_km, placed_by, usable
from ._lexicon import KIND_CODES, KIND_SUFFIXES, Hint
from ._recognize import Candidate

_FEATURE_BONUS = {
    "PCLI": 3.0,
    "CONT": 2.5,
    "ADM1": 0.0,
    "PPLC": 2.0,
    "PPL": 1.0,
    "RGN": 1.0,
    "ADM2": 0.0,
}
"""A country wins over a town of its name; a city over the province named after it."""
_COHERENCE_KM = 400.0
_PROVINCE_BONUS = 1.5
"""Of namesake villages, one in a province the article names ("in the Donetsk region") over the
others: villages share names by the dozen, towns and cities seldom."""
_VILLAGE = 20_000
_CONTEXT_CAP = 4.0
_NAMES_KEPT = 50_000
_SENSE_BONUS = 3.0
"""The area a bare name means in conflict copy ("Gaza": the Strip) over the city of its name;
a country named in the article that has another place of the name can still outweigh it."""
_SUPPLEMENT_BASE = {"village": 2.7, "ocean": 8.0, "sea": 7.0}
"""Curated facts carry no population; they score like a place of a million people (a village
like one of 500), so a city of the same name still wins unless the text says "river"."""


def precision_of(entry: Entry) -> WherePrecision:
    """UCDP where_prec for a resolved entry."""
    code = entry.fcode
    if entry.fclass in ("P", "S"):
        return 1
    if code in ("ADM2", "ADM3", "ADM4", "ADM5", "ADMD"):
        return 3
    if code == "ADM1":
        return 4
    if code in ("STM", "RD"):
        return 5
    if code in ("SEA", "GULF", "STRT", "RSV", "LK", "BAY"):
        return 7
    if code == "RGN":
        return 4 if entry.country else 6
    return 6


def feature_of(entry: Entry) -> str:
    """A plain word for what the entry is."""
    if entry.supplement is not None:
        return entry.supplement.kind
    if entry.fclass == "P":
        return (
            "capital"
            if entry.fcode == "PPLC"
            else (
                "city"
                if entry.population >= 100_000
                else "town"
                if entry.population >= 10_000
                else "village"
            )
        )
    return {
        "PCLI": "country",
        "ADM1": "admin1",
        "ADM2": "admin2",
        "ADM3": "admin3",
        "ADM4": "admin4",
        "ADM5": "admin5",
        "ADMD": "admin division",
        "CONT": "continent",
        "RGN": "region",
    }.get(entry.fcode, "area")


@dataclass(frozen=True)
class Context:
    """What the article says about where it is: countries with weights, and anchor points."""

    countries: Counter[str]
    admin1s: Counter[str]
    points: tuple[tuple[float, float], ...]
    provinces: frozenset[str] = frozenset()
    """The first-order divisions the article names ("the Donetsk region"): its focus."""

    @classmethod
    def empty(cls) -> Context:
        return cls(Counter(), Counter(), ())


def _own_score(entry: Entry, key: str, hint: Hint, acronym: bool) -> float:
    """How likely the entry is meant, the text aside: size, kind, and whether the text uses its
    main name. A city or province reached through an alternate spelling gets no bonus ("Tunis" is
    not Tunisia); a country's English short forms ("US", "Holland") count as its names."""
    if entry.supplement is not None:
        score = _SUPPLEMENT_BASE.get(entry.supplement.kind, 6.0) + 2.0
    else:
        score = math.log10(entry.population + 1)
        own = name_key(entry.name)
        if own == key or entry.alias or (not entry.spelled and same_spelling(own, key)):
            score += 2.0 + _FEATURE_BONUS.get(entry.fcode, 0.0)
        elif own == f"{key} city":
            score += 2.0 + _FEATURE_BONUS["PPL"]
        elif entry.fcode == "PCLI":
            score += 2.0
        elif entry.fclass != "P":
            score -= 1.0
        else:  # a transliteration resembles the main name: "Sloviansk" is Slovyansk
            score += _likeness(own, key)
        if acronym and not entry.name.isupper() and entry.fcode not in ("PCLI", "ADM1", "CONT"):
            score -= 2.0
    if hint is not None:
        score += 6.0 if entry.fcode in KIND_CODES[hint] else -4.0
    elif entry.fcode in ("STM", "RD"):
        score -= 2.0
    return score


@lru_cache(maxsize=65_536)
def _likeness(name: str, written: str) -> float:
    """How much a place's main name resembles the spelling in the text (0 to 1)."""
    return SequenceMatcher(None, name, written).ratio()


def _context_score(entry: Entry, context: Context) -> float:
    """Agreement with the rest of the article: same country, same province, nearby places. At
    most :data:`_CONTEXT_CAP` points, so context settles near-ties but a country never loses to
    a hamlet."""
    score = 0.0
    total = sum(context.countries.values())
    if entry.country and total:
        share = context.countries[entry.country] / total
        score += 2.0 * share + (0.5 if share else 0.0)
    if entry.admin1 and entry.fcode not in ("PCLI", "ADM1") and context.admin1s[entry.admin1]:
        score += 1.5
    if context.points and entry.fcode not in ("PCLI", "CONT", "RGN", "OCN"):
        nearest = min(
            haversine_km(entry.latitude, entry.longitude, lat, lon) for lat, lon in context.points
        )
        score += 2.0 * max(0.0, 1.0 - nearest / _COHERENCE_KM)
    return min(score, _CONTEXT_CAP)


class Resolver:
    """Chooses entries for candidates, with the article's context."""

    def __init__(self, gazetteer: Gazetteer, focus_countries: tuple[str, ...] = ()) -> None:
        self.gazetteer = gazetteer
        self.focus = focus_countries
        self._names: dict[tuple[str, Hint], tuple[str, bool, int | None]] = {}

    def entries(self, candidate: Candidate) -> list[Entry]:
        """Gazetteer entries the candidate may name (demonyms: the place they derive from)."""
        if candidate.role == "demonym" and candidate.demonym_target:
            target = candidate.demonym_target
            if len(target) == 2 and target.isupper():
                country = self.gazetteer.country(target)
                return [country] if country else []
            return self.gazetteer.lookup(target)
        suffix = KIND_SUFFIXES.get(candidate.hint) if candidate.hint is not None else None
        if suffix is not None:
            # "Donetsk province", "Bakhmutka River", "Donetsk is a province": the name with the
            # kind word may be a name itself.
            whole = self.gazetteer.lookup(f"{candidate.name} {suffix}")
            if whole:
                return whole
        if candidate.hint == "road":
            return self.gazetteer.lookup(candidate.name) or self.gazetteer.lookup(
                candidate.name[1:]
            )
        return self.gazetteer.lookup(candidate.name)

    def context(self, chosen: list[Entry], dateline: Entry | None) -> Context:
        """Countries (the dateline's count double), provinces and points of the given entries."""
        countries: Counter[str] = Counter(self.focus)
        admin1s: Counter[str] = Counter()
        points: list[tuple[float, float]] = []
        provinces: set[str] = set()
        for entry in [*chosen, dateline, dateline]:
            if entry is None:
                continue
            if entry.country:
                countries[entry.country] += 1
            if entry.admin1 and entry.fcode != "PCLI":
                admin1s[entry.admin1] += 1
            if entry.admin1 and entry.fcode == "ADM1":
                provinces.add(entry.admin1)
            if entry.fclass in ("P", "H", "R", "S") or entry.fcode in ("ADM2", "ADM3"):
                points.append((entry.latitude, entry.longitude))
        return Context(countries, admin1s, tuple(points), frozenset(provinces))

    def _read(self, name: str, hint: Hint) -> tuple[str, bool, int | None]:
        """A name's key, whether it is an acronym, and the area it means bare, once per name."""
        read = self._names.get((name, hint))
        if read is None:
            letters = [char for char in name if char.isalpha()]
            acronym = 1 < len(letters) <= 5 and all(char.isupper() for char in letters)
            sense = self.gazetteer.sense(name) if hint is None else None
            read = self._names[(name, hint)] = (name_key(name), acronym, sense)
            if len(self._names) > _NAMES_KEPT:
                self._names.clear()
        return read

    def score(self, candidate: Candidate, entry: Entry, context: Context) -> float:
        """How well ``entry`` fits the candidate: its own merits, the article's context, and
        the area a bare name means in conflict copy ("Gaza": the Strip)."""
        key, acronym, sense = self._read(candidate.name, candidate.hint)
        return (
            _own_score(entry, key, candidate.hint, acronym)
            + _context_score(entry, context)
            + (_SENSE_BONUS if sense is not None and entry.geonameid == sense else 0.0)
        )

    def choose(self, candidate: Candidate, entries: list[Entry], context: Context) -> Entry | None:
        """The best-scoring entry; of namesake villages, one in a province the article names
        gets :data:`_PROVINCE_BONUS` more."""
        if not entries:
            return None
        villages = all(entry.fclass == "P" and entry.population < _VILLAGE for entry in entries)
        provinces = context.provinces if villages else frozenset()
        return max(
            entries,
            key=lambda entry: (
                self.score(candidate, entry, context)
                + (_PROVINCE_BONUS if entry.admin1 in provinces else 0.0)
            ),
        )

    def resolve(self, candidates: list[Candidate], dateline: Entry | None) -> list[Resolution]:
        """The chosen entry, the number of entries weighed and, for a name no entry fits where
        the text puts it, where it is placed instead, per candidate.

        The first pass chooses each name alone; the second rescores each name against the
        first-pass choices for every *other* name, so that no name supports itself. Demonyms
        give no context: in conflict copy they name who acts, not where ("Russian-installed
        authorities in Donetsk" are in Ukraine's Donetsk). Last, the text's own geography
        (:mod:`._geography`) overrules both where it says where a name lies."""
        options = [self.entries(candidate) for candidate in candidates]
        first = [
            self.choose(c, o, Context.empty()) for c, o in zip(candidates, options, strict=True)
        ]
        keys = [name_key(candidate.name) for candidate in candidates]
        contexts = {
            key: self.context(
                [
                    e
                    for e, k, c in zip(first, keys, candidates, strict=True)
                    if e is not None and k != key and c.role != "demonym"
                ],
                dateline,
            )
            for key in set(keys)
        }
        chosen = [
            self.choose(c, o, contexts[k])
            for c, o, k in zip(candidates, options, keys, strict=True)
        ]
        return _Located(self, candidates, options, [contexts[k] for k in keys]).apply(chosen)


@dataclass(frozen=True)
class Resolution:
    """What a candidate resolved to: an entry, or a placement by its anchor, or neither."""

    entry: Entry | None
    weighed: int
    placed: Placement | None = None
    anchor: int | None = None
    """The index of the candidate whose place the placement was made from."""


_MAJOR = 100_000
"""A place this size, a capital, a province or a country is never replaced by a placement."""


def _settlement(entry: Entry | None) -> bool:
    """A town, village, site or minor division: what a clue may move or place."""
    return entry is not None and (entry.fclass in ("P", "S") or entry.fcode in ("ADM2", "ADM3"))


def _placeable(options: list[Entry], best: Entry | None, settlement: bool) -> bool:
    """A name the text locates may be placed by its anchor when every entry of it is a town,
    village or site and none of note (a minor settlement the gazetteer has elsewhere), or any
    size when the text says it is a settlement ("Boni, a village near Hombori in central Mali"
    is no Bonn)."""
    return (
        best is not None
        and all(entry.fclass in ("P", "S") for entry in options)
        and (settlement or (best.population < _MAJOR and best.fcode != "PPLC"))
    )


class _Located:
    """The clues' pass: each located name's entry checked against its anchor's."""

    def __init__(
        self,
        resolver: Resolver,
        candidates: list[Candidate],
        options: list[list[Entry]],
        contexts: list[Context],
    ) -> None:
        self.resolver, self.candidates, self.options = resolver, candidates, options
        self.contexts = contexts
        self.index = {candidate.start: i for i, candidate in enumerate(candidates)}

    def apply(self, chosen: list[Entry | None]) -> list[Resolution]:
        placed: dict[int, tuple[Placement, int]] = {}
        settled: dict[str, int] = {}
        for _ in range(2):  # an anchor may itself be located by a later clue
            for i, candidate in enumerate(self.candidates):
                if self._settle(i, candidate, chosen, placed):
                    settled.setdefault(name_key(candidate.name), i)
        for i, candidate in enumerate(self.candidates):  # one sense per name
            first = settled.get(name_key(candidate.name))
            if first is None or first == i or candidate.clue is not None:
                continue
            if candidate.role != "demonym" and candidate.hint == self.candidates[first].hint:
                chosen[i] = chosen[first]
                if first in placed:
                    placed[i] = placed[first]
        return [
            Resolution(entry, len(options), *placed.get(i, (None, None)))
            for i, (entry, options) in enumerate(zip(chosen, self.options, strict=True))
        ]

    def _anchor(self, at: int, clue: Clue, chosen: list[Entry | None]) -> Entry | None:
        """The anchor's entry, of the kind the clue needs: "15 km north-west of Amran" is
        measured from the town, not the governorate of its name, and the anchor is the town."""
        anchor = chosen[at]
        if anchor is None or usable(clue, anchor):
            return anchor
        named = self.candidates[at]
        if clue.inside or named.hint is not None:
            return None
        points = [entry for entry in self.options[at] if usable(clue, entry)]
        if not points:
            return None
        context = self.contexts[at]
        chosen[at] = max(points, key=lambda entry: self.resolver.score(named, entry, context))
        return chosen[at]

    def _other_area(
        self, i: int, at: int, clue: Clue, chosen: list[Entry | None], anchor: Entry
    ) -> tuple[Entry, list[Entry]]:
        """ "Atlanta, Georgia": when no entry of the name lies in the area chosen for the
        anchor, another area of the anchor's name that holds one is meant (the US state, not
        the country); the anchor becomes that area."""
        named, context = self.candidates[at], self.contexts[at]
        areas = [
            (area, fitting)
            for area in self.options[at]
            if usable(clue, area)
            and (fitting := [entry for entry in self.options[i] if fits(entry, area, clue)])
        ]
        if not areas:
            return anchor, []
        area, fitting = max(areas, key=lambda pair: self.resolver.score(named, pair[0], context))
        chosen[at] = area
        return area, fitting

    def _settle(
        self,
        i: int,
        candidate: Candidate,
        chosen: list[Entry | None],
        placed: dict[int, tuple[Placement, int]],
    ) -> bool:
        """Choose the best entry that fits the candidate's clue, or place it by the anchor."""
        clue = candidate.clue
        at = self.index.get(clue.anchor) if clue is not None else None
        if clue is None or at is None:
            return False
        anchor = self._anchor(at, clue, chosen)
        if anchor is None:
            return False
        if not _settlement(chosen[i]) and i not in placed:
            return False  # "Oaxaca State, Mexico": a province is not moved by its country
        fitting = [entry for entry in self.options[i] if fits(entry, anchor, clue)]
        if not fitting and clue.inside:
            anchor, fitting = self._other_area(i, at, clue, chosen, anchor)
        if fitting:
            context = self.contexts[i]
            chosen[i] = max(
                fitting, key=lambda entry: self.resolver.score(candidate, entry, context)
            )
            placed.pop(i, None)
            return True
        settlement = candidate.hint == "populated"
        if i in placed or not _placeable(self.options[i], chosen[i], settlement):
            return i in placed
        if clue.inside and anchor.fcode not in ("ADM1", "ADM2", "ADM3", "PCLI"):
            return False
        chosen[i] = None
        placed[i] = (placed_by(anchor, clue), at)
        return True
