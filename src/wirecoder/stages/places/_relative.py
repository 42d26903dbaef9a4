"""Relative locations: "10 km south of Bakhmut", "west of the town", "near Kramatorsk", "some
10 km from the city of Pokrovsk".

The phrase keeps its anchor place and direction. The anchor is the toponym the phrase names, or,
for "the town" / "the city" / "the region", the last place of that kind mentioned before it.
With a distance the point is moved along the bearing; without one it stays at the anchor.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from ...schema import Place
from ._lexicon import RELATIVE

_DIRECTIONS = RELATIVE.bearings
_UNITS = RELATIVE.units
_NS = "|".join(RELATIVE.meridians)
_EW = "|".join(RELATIVE.parallels)
_PARTS = "|".join(RELATIVE.parts)
_NEAR = "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in RELATIVE.near)
_DIRECTION = rf"(?P<direction>(?:{_NS})(?:[- ]?(?:{_EW}))?|{_EW})(?:ern)?"
_DISTANCE = (
    rf"(?:(?:{'|'.join(RELATIVE.hedges)})\s+)?(?P<distance>\d+(?:\.\d+)?)\s*"
    rf"(?P<unit>{'|'.join(_UNITS)})\b\s+(?:\(\d+\s*\w+\)\s+)?"
)
_FROM = "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in RELATIVE.away)
PATTERN = re.compile(
    rf"\b(?:{_DISTANCE})?(?:(?:to\s+the\s+)?{_DIRECTION}(?:\s+(?:{_PARTS}))?\s+of\s+"
    rf"|(?P<near>{_NEAR})\s+|(?P<away>{_FROM})\s+)",
    re.IGNORECASE,
)
"""A relative phrase up to its anchor: "10 km south of", "near", "some 10 km from" (a bare
"from" is no relative phrase: it needs its distance)."""
ANCHOR_NOUNS = "|".join(RELATIVE.anchor_nouns)
ANCHOR_LEAD = re.compile(rf"(?:the\s+)?(?:(?:{ANCHOR_NOUNS})\s+of\s+)?", re.IGNORECASE)
"""What may stand between a relative phrase and its anchor's name: "the", "the city of"."""
PART_PATTERN = re.compile(
    rf"\b(?P<direction>(?:{_NS})-?(?:{_EW})|{_NS}|{_EW})ern\s+(?!{_PARTS})",
    re.IGNORECASE,
)
"""A part of a country or province: "eastern Ukraine", "southern Kherson region"."""
ANAPHORS = MappingProxyType(RELATIVE.anaphors)
"""Anaphor noun ("the town") -> the feature class it refers back to: P populated, A area."""
ANAPHOR = re.compile(r"the\s+(?P<noun>" + "|".join(ANAPHORS) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class RelativePhrase:
    """A relative phrase ending where its anchor begins."""

    start: int
    anchor_start: int
    direction: str | None
    distance_km: float | None
    part: bool = False
    """A part of the anchor ("eastern Ukraine"), not a place beside it."""


def find_phrases(text: str) -> list[RelativePhrase]:
    """Every relative phrase of the text, in the order the patterns find them."""
    return list(_phrases(text))


@lru_cache(maxsize=8)
def _phrases(text: str) -> tuple[RelativePhrase, ...]:
    """The phrases of a text, once: the recognizer and the stage both read them."""
    phrases = []
    for match in PATTERN.finditer(text):
        direction = match.group("direction")
        distance = match.group("distance")
        if match.group("away") and not distance:
            continue
        km = None
        if distance:
            km = float(distance) * _UNITS[match.group("unit").lower()]
        normalised = direction.lower().replace("-", "").replace(" ", "") if direction else None
        phrases.append(RelativePhrase(match.start(), match.end(), normalised, km))
    for match in PART_PATTERN.finditer(text):
        direction = match.group("direction").lower().replace("-", "")
        phrases.append(RelativePhrase(match.start(), match.end(), direction, None, part=True))
    return tuple(phrases)


def anchor_start(text: str, start: int) -> int:
    """Where the anchor's name begins after a phrase ending at ``start``: past "the" and "the
    city of" ("10 km from the city of Pokrovsk")."""
    return ANCHOR_LEAD.match(text, start).end()  # type: ignore[union-attr]  # it matches ""


def anaphor_at(text: str, start: int) -> tuple[int, str] | None:
    """``(end, feature class)`` when "the town" (or the like) begins at ``start``."""
    match = ANAPHOR.match(text, start)
    return (match.end(), ANAPHORS[match.group("noun").lower()]) if match else None


def offset(
    latitude: float, longitude: float, direction: str | None, km: float | None
) -> tuple[float, float]:
    """The point ``km`` from the given one along the compass ``direction`` (spherical earth)."""
    if not direction or not km or direction not in _DIRECTIONS:
        return latitude, longitude
    bearing = math.radians(_DIRECTIONS[direction])
    angular = km / 6371.0
    phi1, lam1 = math.radians(latitude), math.radians(longitude)
    phi2 = math.asin(
        math.sin(phi1) * math.cos(angular) + math.cos(phi1) * math.sin(angular) * math.cos(bearing)
    )
    lam2 = lam1 + math.atan2(
        math.sin(bearing) * math.sin(angular) * math.cos(phi1),
        math.cos(angular) - math.sin(phi1) * math.sin(phi2),
    )
    return math.degrees(phi2), (math.degrees(lam2) + 540) % 360 - 180


def bearing(direction: str) -> float:
    """The compass bearing of a direction word ("northeast" is 45 degrees)."""
    return float(_DIRECTIONS[direction])


def direction_word(direction: str | None) -> str | None:
    """ "northeast" -> "north-east", the way copy prints it."""
    if direction and len(direction) > 5 and direction[:5] in ("north", "south"):
        return f"{direction[:5]}-{direction[5:]}"
    return direction


def antecedent(ordered: list[tuple[int, Place]], position: int, fclass: str) -> Place | None:
    """What "the town" (or "the region") means: of the places of that kind mentioned before
    ``position``, the one mentioned most often so far, the latest on a tie."""
    wanted = {
        "P": ("capital", "city", "town", "village"),
        "A": ("admin1", "admin2", "region", "country"),
    }[fclass]
    counts: dict[str, int] = {}
    latest: dict[str, tuple[int, Place]] = {}
    for start, place in ordered:
        if start < position and place.role == "location" and place.feature in wanted:
            counts[place.id] = counts.get(place.id, 0) + 1
            latest[place.id] = (start, place)
    if not counts:
        return None
    best = max(counts, key=lambda place_id: (counts[place_id], latest[place_id][0]))
    return latest[best][1]
