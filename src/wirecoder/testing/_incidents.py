"""The generated corpus' world: towns, first-hand sources, outlets, and the incidents told."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..schema import SourceKind


@dataclass(frozen=True)
class Town:
    name: str
    latitude: float
    longitude: float
    admin1: str
    country_code: str = "UA"


TOWNS = {
    town.name: town
    for town in [
        Town("Bakhmut", 48.5956, 38.0003, "Donetsk"),
        Town("Soledar", 48.6833, 38.0833, "Donetsk"),
        Town("Avdiivka", 48.1394, 37.7497, "Donetsk"),
        Town("Vuhledar", 47.7792, 37.2486, "Donetsk"),
        Town("Kramatorsk", 48.7233, 37.5563, "Donetsk"),
        Town("Kupiansk", 49.7106, 37.6156, "Kharkiv"),
        Town("Kharkiv", 49.9935, 36.2304, "Kharkiv"),
        Town("Kherson", 46.6354, 32.6169, "Kherson"),
        Town("Zaporizhzhia", 47.8388, 35.1396, "Zaporizhzhia"),
    ]
}


@dataclass(frozen=True)
class Origin:
    """A first-hand source, and the side it speaks for."""

    name: str
    kind: SourceKind
    country: str


RU_MOD = Origin("Russian Defence Ministry", "military", "RUS")
UA_STAFF = Origin("Ukrainian General Staff", "military", "UKR")
UA_EAST = Origin("Ukraine's Eastern Military Command", "military", "UKR")
UK_INTEL = Origin("British military intelligence", "intelligence", "GBR")
DONETSK_AUTH = Origin("Russian-installed authorities in Donetsk", "government", "RUS")
REGIONAL_GOV = Origin("Ukrainian regional officials", "official", "UKR")
ISW = Origin("Institute for the Study of War", "organization", "USA")

OUTLETS = [
    "Reuters",
    "Associated Press",
    "AFP",
    "Kyiv Independent",
    "BBC",
    "Al Jazeera",
    "Deutsche Welle",
]
AGENCIES = ["TASS", "RIA Novosti", "Interfax", "Ukrinform"]


@dataclass(frozen=True)
class Incident:
    """One real-world event: what, where, when, by whom, and who vouches for or disputes it."""

    key: str
    kind: str  # "shelling", "capture" or "arrests"
    town: str
    day: dt.date
    actor: tuple[str, str]
    killed: int | None
    asserted_by: tuple[Origin, ...]
    denied_by: tuple[Origin, ...] = ()
    disputed_figure: tuple[Origin, int] | None = None


INCIDENTS = [
    Incident(
        "bakhmut-capture",
        "capture",
        "Bakhmut",
        dt.date(2023, 4, 6),
        ("Russian forces", "RUS"),
        None,
        (RU_MOD, UK_INTEL),
        denied_by=(UA_EAST,),
    ),
    Incident(
        "donetsk-shelling",
        "shelling",
        "Avdiivka",
        dt.date(2023, 4, 6),
        ("Ukrainian forces", "UKR"),
        7,
        (DONETSK_AUTH,),
        disputed_figure=(UA_STAFF, 2),
    ),
    Incident(
        "kramatorsk-strike",
        "shelling",
        "Kramatorsk",
        dt.date(2023, 4, 5),
        ("Russian forces", "RUS"),
        11,
        (REGIONAL_GOV, UA_STAFF),
    ),
    Incident(
        "kramatorsk-earlier-strike",
        "shelling",
        "Kramatorsk",
        dt.date(2023, 4, 1),
        ("Russian forces", "RUS"),
        2,
        (REGIONAL_GOV,),
    ),
    Incident(
        "soledar-shelling",
        "shelling",
        "Soledar",
        dt.date(2023, 4, 6),
        ("Russian forces", "RUS"),
        3,
        (UA_STAFF,),
    ),
    Incident(
        "kupiansk-strike",
        "shelling",
        "Kupiansk",
        dt.date(2023, 4, 4),
        ("Russian forces", "RUS"),
        4,
        (REGIONAL_GOV, ISW),
    ),
    Incident(
        "kherson-shelling",
        "shelling",
        "Kherson",
        dt.date(2023, 4, 6),
        ("Russian forces", "RUS"),
        5,
        (REGIONAL_GOV,),
    ),
    Incident(
        "zaporizhzhia-arrests",
        "arrests",
        "Zaporizhzhia",
        dt.date(2023, 4, 3),
        ("Russian forces", "RUS"),
        None,
        (UA_STAFF, ISW),
    ),
    Incident(
        "vuhledar-capture",
        "capture",
        "Vuhledar",
        dt.date(2023, 4, 2),
        ("Russian forces", "RUS"),
        None,
        (RU_MOD,),
        denied_by=(UA_STAFF, UA_EAST),
    ),
]
