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

from ..gazetteer import Entry, Gazetteer, name_key
from ..schema._places import WherePrecision
from ._places_lexicon import Hint
from ._places_recognize import Candidate

_HINT_CODES: dict[str, frozenset[str]] = {
    "admin1": frozenset({"ADM1", "RGN"}),
    "admin2": frozenset({"ADM2", "ADM3"}),
    "river": frozenset({"STM"}),
    "road": frozenset({"RD"}),
    "water": frozenset({"SEA", "GULF", "STRT", "RSV", "LK", "BAY"}),
}
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


def precision_of(entry: Entry) -> WherePrecision:
    """UCDP where_prec for a resolved entry."""
    code = entry.fcode
    if entry.fclass == "P":
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


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin(math.radians(lat2 - lat1) / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


@dataclass(frozen=True)
class Context:
    """What the article says about where it is: countries with weights, and anchor points."""

    countries: Counter[str]
    points: tuple[tuple[float, float], ...]

    @classmethod
    def empty(cls) -> Context:
        return cls(Counter(), ())


def _own_score(entry: Entry, key: str, hint: Hint) -> float:
    score = math.log10(entry.population + 1)
    score += _FEATURE_BONUS.get(entry.fcode, 0.0)
    if name_key(entry.name) == key or (entry.supplement is not None):
        score += 2.0
    if entry.supplement is not None:
        score += 4.0 if entry.supplement.kind != "village" else 2.0
    if hint is not None:
        score += 6.0 if entry.fcode in _HINT_CODES[hint] else -4.0
    elif entry.fcode in ("STM", "RD"):
        score -= 2.0
    return score


def _context_score(entry: Entry, context: Context) -> float:
    score = 0.0
    total = sum(context.countries.values())
    if entry.country and total:
        score += 3.0 * context.countries[entry.country] / total + (
            1.0 if context.countries[entry.country] else 0.0
        )
    if context.points and entry.fcode not in ("PCLI", "CONT"):
        nearest = min(
            haversine_km(entry.latitude, entry.longitude, lat, lon) for lat, lon in context.points
        )
        score += 2.0 * max(0.0, 1.0 - nearest / _COHERENCE_KM)
    return score


class Resolver:
    """Chooses entries for candidates, with the article's context."""

    def __init__(self, gazetteer: Gazetteer, focus_countries: tuple[str, ...] = ()) -> None:
        self.gazetteer = gazetteer
        self.focus = focus_countries

    def entries(self, candidate: Candidate) -> list[Entry]:
        """Gazetteer entries the candidate may name (demonyms: the place they derive from)."""
        if candidate.role == "demonym" and candidate.demonym_target:
            target = candidate.demonym_target
            if len(target) == 2 and target.isupper():
                country = self.gazetteer.country(target)
                return [country] if country else []
            return self.gazetteer.lookup(target)
        if candidate.hint is not None and candidate.end - candidate.start > len(candidate.name):
            # "Donetsk province", "Bakhmutka River": the whole phrase may be a name itself.
            whole = self.gazetteer.lookup(candidate.name + " " + self._suffix(candidate))
            if whole:
                return whole
        if candidate.hint == "road":
            return self.gazetteer.lookup(candidate.name) or self.gazetteer.lookup(
                candidate.name[1:]
            )
        return self.gazetteer.lookup(candidate.name)

    @staticmethod
    def _suffix(candidate: Candidate) -> str:
        return {"admin1": "oblast", "admin2": "raion", "river": "river", "water": "sea"}.get(
            candidate.hint or "", ""
        )

    def context(self, chosen: list[Entry | None], dateline: Entry | None) -> Context:
        countries: Counter[str] = Counter(self.focus)
        points: list[tuple[float, float]] = []
        for entry in [*chosen, dateline]:
            if entry is None:
                continue
            if entry.country:
                countries[entry.country] += 1
            if entry.fclass in ("P", "H", "R") or entry.fcode in ("ADM2", "ADM3"):
                points.append((entry.latitude, entry.longitude))
        if dateline is not None and dateline.country:
            countries[dateline.country] += 2
        return Context(countries, tuple(points))

    def choose(self, candidate: Candidate, entries: list[Entry], context: Context) -> Entry | None:
        if not entries:
            return None
        key = name_key(candidate.name)
        return max(
            entries,
            key=lambda entry: (
                _own_score(entry, key, candidate.hint) + _context_score(entry, context)
            ),
        )

    def resolve(
        self, candidates: list[Candidate], dateline: str | None
    ) -> list[tuple[Entry | None, int]]:
        """The chosen entry and the number of entries weighed, per candidate."""
        options = [self.entries(candidate) for candidate in candidates]
        dateline_entry = None
        if dateline:
            found = self.gazetteer.lookup(dateline)
            dateline_entry = (
                self.choose(Candidate(0, 0, dateline), found, Context.empty()) if found else None
            )
        first = [
            self.choose(c, o, Context.empty()) for c, o in zip(candidates, options, strict=True)
        ]
        confident = [
            entry if len(option) == 1 or (entry is not None and entry.fcode == "PCLI") else None
            for entry, option in zip(first, options, strict=True)
        ]
        context = self.context(confident, dateline_entry)
        if not context.points and not context.countries:
            context = self.context(first, dateline_entry)
        return [
            (self.choose(c, o, context), len(o)) for c, o in zip(candidates, options, strict=True)
        ]
