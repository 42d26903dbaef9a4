"""What a lookup returns: a gazetteer place (a GeoNames row or a curated supplement fact), and
the supplement fact itself, which turns into a place of the GeoNames feature its kind names."""

from __future__ import annotations

from dataclasses import dataclass

from ._names import name_key, same_spelling

FEATURES = {
    "river": ("H", "STM"),
    "sea": ("H", "SEA"),
    "gulf": ("H", "GULF"),
    "strait": ("H", "STRT"),
    "reservoir": ("H", "RSV"),
    "ocean": ("H", "OCN"),
    "road": ("R", "RD"),
    "village": ("P", "PPL"),
    "region": ("L", "RGN"),
    "landmark": ("S", "BLDG"),
}
"""Supplement kind -> GeoNames feature class and code."""


@dataclass(frozen=True)
class SupplementEntry:
    """One curated fact: names, kind, where it is (a point, and a line for rivers and roads),
    source."""

    id: str
    names: tuple[str, ...]
    kind: str
    latitude: float
    longitude: float
    source: str
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    line: tuple[tuple[float, float], ...] | None = None
    population: int = 0

    def entry(self) -> Entry:
        fclass, fcode = FEATURES[self.kind]
        return Entry(
            self.names[0],
            fclass,
            fcode,
            self.country,
            self.admin1,
            self.admin2,
            self.population,
            self.latitude,
            self.longitude,
            None,
            self,
        )


@dataclass(frozen=True)
class Entry:
    """One gazetteer place: a GeoNames row or a supplement fact."""

    name: str
    fclass: str
    fcode: str
    country: str | None
    admin1: str | None
    admin2: str | None
    population: int
    latitude: float
    longitude: float
    geonameid: int | None = None
    supplement: SupplementEntry | None = None
    alias: bool = False
    """Found under a name the supplement gives it ("Holy See"), which counts as its own name."""
    spelled: bool = False
    """Found only by the looser spelling key ("Deir Al-Balah" for Dayr al Balah): weaker
    evidence that the words name a place, never its own name."""

    def is_named(self, key: str) -> bool:
        """The folded ``key`` is this entry's main name ("new york" for New York City too), or
        spells it another way word for word ("Andriivka" for Andriyivka), not one of its
        alternate names. An entry found only by its spelling key is never named so."""
        if self.spelled:
            return False
        own = name_key(self.name)
        return (
            own == key
            or own == f"{key} city"
            or self.supplement is not None
            or self.alias
            or same_spelling(own, key)
        )

    @property
    def key(self) -> str:
        """A stable identity: the GeoNames id, or the supplement id."""
        if self.geonameid is not None:
            return str(self.geonameid)
        assert self.supplement is not None  # an entry is a GeoNames row or a supplement fact
        return f"s:{self.supplement.id}"
