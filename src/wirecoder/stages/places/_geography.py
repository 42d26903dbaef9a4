"""The text's own geography: where a sentence says a named place lies, relative to another named
place, so that of several places of one name the one that fits is chosen.

- beside a point: "Krasnyi Yar, some 10 km from the city of Pokrovsk", "Andriivka, a village
  west of Kurakhove", "Makiivka near Donetsk" (a relative phrase right after the name, or after
  an apposition naming what it is);
- inside an area: "Lyman in Donetsk region", "Deir al-Balah in central Gaza", "Kupiansk,
  Kharkiv region", "Pokrovsk (Donetsk region)".

A :class:`Clue` records the anchor by where its name begins; resolution checks each candidate
entry against the anchor's entry (:func:`fits`) and, when no entry of the name fits, places it by
its anchor (:func:`placed_by`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ...gazetteer import Entry
from ...schema._places import WherePrecision
from ._lexicon import RELATIVE
from ._relative import PATTERN, anchor_start, bearing, find_phrases, offset

_APPOSITION = re.compile(
    r"\s*(?:[,(—–]\s*)?"
    r"(?:(?:a|an|the)\s+(?:[a-z][\w-]*\s+){0,2}?"
    rf"(?:{'|'.join(RELATIVE.appositions)})\s*,?\s*)?"
    r"(?:(?:(?:which|that)\s+(?:is|lies|sits)|located|situated|lying|just|only)\s+)*",
    re.IGNORECASE,
)
"""Between a name and the phrase that locates it: nothing, a comma, "a (small) village"."""
_INSIDE = re.compile(
    r"\s*(?:,\s*(?:(?:a|an|the)\s+(?:[a-z][\w-]*\s+){0,2}?"
    rf"(?:{'|'.join(RELATIVE.appositions)})(?:\s+[\w'’-]+){{0,4}}?\s*,?\s+)?)?"
    r"in\s+(?:the\s+)?(?:(?:[a-z-]*ern|central)\s+)?",
    re.IGNORECASE,
)
"""Between a name and the area it lies in: "in", "in the", ", in eastern", ", a village near
Hombori in central" (no other name recognised between)."""
_APPOSED = re.compile(r"\s*[,(]\s*")
"""Between a name and an area named beside it: "Kupiansk, Kharkiv region", "Pokrovsk (Donetsk"."""
_POSSESSIVE = re.compile(r"['’]s\b")

NEAR_KM = 30.0
"""How far "near X" or "outside X" reaches."""
SIDE_KM = 40.0
"""How far "west of X" reaches without a distance."""
AREA_KM = 75.0
"""A place within this distance of an area's point counts as in it, whatever admin1 name the
gazetteer gives it (the Gaza Strip's towns carry their governorate's)."""
REGION_KM = 300.0
"""The reach of a region without divisions of its own ("Darfur", "Donbas")."""
MAX_DISTANCE_KM = 100.0
"""A distance beyond this ("500 km from Moscow") describes, it does not locate."""
_TURN = 67.5
"""The widest angle off the stated direction a fitting place may lie at."""


@dataclass(frozen=True)
class Clue:
    """What the sentence says about where a name lies: beside the anchor (at a distance, in a
    direction) or inside it, with the anchor named at ``anchor`` (a character offset)."""

    anchor: int
    inside: bool = False
    direction: str | None = None
    distance_km: float | None = None


def clues(text: str, starts: list[int], ends: list[int], located: list[bool]) -> dict[int, Clue]:
    """Clues by the index of the name they are about. ``starts``/``ends`` are the candidates'
    offsets in text order; ``located`` says which may be located or anchor (not demonyms)."""
    found: dict[int, Clue] = {}
    by_start = {start: index for index, start in enumerate(starts) if located[index]}
    for phrase in find_phrases(text):
        if phrase.part or (phrase.distance_km or 0.0) > MAX_DISTANCE_KM:
            continue
        anchor = anchor_start(text, phrase.anchor_start)
        if anchor not in by_start:
            continue
        before = [i for i, end in enumerate(ends) if end <= phrase.start and located[i]]
        if before and _APPOSITION.fullmatch(text, ends[before[-1]], phrase.start):
            found[before[-1]] = Clue(anchor, False, phrase.direction, phrase.distance_km)
    for index in range(len(starts) - 1):
        if index in found or not located[index] or not located[index + 1]:
            continue
        gap = (ends[index], starts[index + 1])
        following = ends[index + 1]
        if _POSSESSIVE.match(text, following):
            continue  # "in Russia's war": Russia says whose, not where
        if _INSIDE.fullmatch(text, *gap) or _APPOSED.fullmatch(text, *gap):
            found[index] = Clue(starts[index + 1], inside=True)
    return found


_WINDOW = 80
"""How far before a name a relative phrase that names it as its anchor may begin."""


def _locating(match: re.Match[str] | None) -> bool:
    """A relative phrase that gives a distance or a direction ("20 km from", "west of")."""
    return match is not None and bool(match.group("distance") or match.group("direction"))


def in_a_relative_phrase(text: str, start: int, end: int) -> bool:
    """The name is the anchor of a phrase with a distance or direction ("20 km west of
    Druzhkivka") or is located by one ("Andriivka, roughly 20 km west of"): words that speak
    of places, whatever the tagger took the name for."""
    window = max(0, start - _WINDOW)
    for match in PATTERN.finditer(text, window, start):
        if _locating(match) and anchor_start(text, match.end()) == start:
            return True
    gap = _APPOSITION.match(text, end)
    return gap is not None and _locating(PATTERN.match(text, gap.end()))


def _point(entry: Entry) -> bool:
    """An anchor a distance can be measured from: a town, a village, a site."""
    return entry.fclass in ("P", "S")


def _area(entry: Entry) -> bool:
    """An anchor a place can lie inside: a country, a division, a region."""
    return entry.fcode in ("PCLI", "ADM1", "ADM2", "ADM3", "RGN")


def usable(clue: Clue, anchor: Entry) -> bool:
    """The anchor's entry is of the kind the clue needs: a point beside, an area inside."""
    return _area(anchor) if clue.inside else _point(anchor)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin(math.radians(lat2 - lat1) / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _distance(first: Entry, second: Entry) -> float:
    return haversine_km(first.latitude, first.longitude, second.latitude, second.longitude)


def _bearing_from(anchor: Entry, entry: Entry) -> float:
    phi1, phi2 = math.radians(anchor.latitude), math.radians(entry.latitude)
    delta = math.radians(entry.longitude - anchor.longitude)
    y = math.sin(delta) * math.cos(phi2)
    x = math.cos(phi1) * math.sin(phi2) - math.sin(phi1) * math.cos(phi2) * math.cos(delta)
    return math.degrees(math.atan2(y, x)) % 360


def fits(entry: Entry, anchor: Entry, clue: Clue) -> bool:
    """Whether ``entry`` lies where the clue puts it, given the anchor's entry. Only a place,
    site or minor division can fit; a country or province is never moved by a clue."""
    if entry.fclass not in ("P", "S") and entry.fcode not in ("ADM2", "ADM3"):
        return False
    if clue.inside:
        return _inside(entry, anchor)
    apart = _distance(entry, anchor)
    if clue.distance_km is not None:
        if abs(apart - clue.distance_km) > max(8.0, clue.distance_km / 2):
            return False
    elif apart > (SIDE_KM if clue.direction else NEAR_KM):
        return False
    if clue.direction is None or apart < 3.0:
        return True
    turn = abs((_bearing_from(anchor, entry) - bearing(clue.direction) + 180) % 360 - 180)
    return turn <= _TURN


def _inside(entry: Entry, area: Entry) -> bool:
    if area.fcode == "PCLI":
        return entry.country == area.country
    if entry.country != area.country:
        return False
    if area.fcode == "ADM1" and entry.admin1 == area.admin1:
        return True
    if area.fcode == "ADM2" and entry.admin2 == area.admin2:
        return True
    return _distance(entry, area) <= (REGION_KM if area.fcode == "RGN" else AREA_KM)


@dataclass(frozen=True)
class Placement:
    """Where a name no gazetteer entry fits is put: by its anchor (the anchor's point moved
    along the direction by the distance, or the area's point), with UCDP precision."""

    latitude: float
    longitude: float
    precision: WherePrecision
    country: str | None
    admin1: str | None
    admin2: str | None


def placed_by(anchor: Entry, clue: Clue) -> Placement:
    """A name the gazetteer has nowhere near where the text puts it: beside a town within 25 km
    is UCDP precision 2, further 3; inside a division or country its precision (3, 4 or 6)."""
    if clue.inside:
        precision: WherePrecision = {"ADM1": 4, "PCLI": 6}.get(anchor.fcode, 3)  # type: ignore[assignment]
        return Placement(
            anchor.latitude, anchor.longitude, precision, anchor.country, anchor.admin1, None
        )
    latitude, longitude = offset(
        anchor.latitude, anchor.longitude, clue.direction, clue.distance_km
    )
    precision = 2 if (clue.distance_km or 0.0) <= 25 else 3
    return Placement(latitude, longitude, precision, anchor.country, anchor.admin1, anchor.admin2)
