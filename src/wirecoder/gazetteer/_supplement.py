"""The curated supplement: rivers, roads, waters, small villages and disputed names, with
sources."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files
from typing import Any

from ._entry import FEATURES, SupplementEntry


def _read(name: str) -> dict[str, Any]:
    return tomllib.loads(files("wirecoder.gazetteer").joinpath(name).read_text(encoding="utf-8"))


@cache
def load_supplement() -> tuple[SupplementEntry, ...]:
    """Every curated place; unknown kinds or missing fields fail loudly."""
    items = []
    for raw in _read("supplement.toml")["place"]:
        if raw["kind"] not in FEATURES:
            raise ValueError(f"supplement entry {raw['id']}: unknown kind {raw['kind']!r}")
        line = (
            tuple((float(lat), float(lon)) for lat, lon in raw["line"]) if "line" in raw else None
        )
        items.append(
            SupplementEntry(
                id=raw["id"],
                names=tuple(raw["names"]),
                kind=raw["kind"],
                latitude=float(raw["latitude"]),
                longitude=float(raw["longitude"]),
                source=raw["source"],
                country=raw.get("country"),
                admin1=raw.get("admin1"),
                admin2=raw.get("admin2"),
                line=line,
                population=int(raw.get("population", 0)),
            )
        )
    return tuple(items)


@cache
def load_aliases() -> dict[int, tuple[str, ...]]:
    """Names GeoNames lacks for its own places ("Holy See"), by GeoNames id."""
    return {
        int(raw["geonameid"]): tuple(raw["names"])
        for raw in _read("supplement.toml").get("alias", [])
    }


@cache
def load_senses() -> dict[str, int]:
    """A bare name and the GeoNames id of the place it means in conflict copy ("Gaza": the
    Strip, not the city, which copy calls "Gaza City")."""
    return {raw["name"]: int(raw["geonameid"]) for raw in _read("supplement.toml").get("sense", [])}


@cache
def road_regions() -> dict[str, str]:
    """Oblast name by the two-digit code in Ukrainian T and O road numbers."""
    return dict(_read("supplement.toml")["road_regions"])


@cache
def demonyms() -> dict[str, str]:
    """Place adjective or demonym -> ISO country code or place name."""
    return dict(_read("demonyms.toml")["demonyms"])
