"""The gazetteer: the compiled GeoNames index plus the curated supplement, looked up by name."""

from __future__ import annotations

import fcntl
import math
import os
import sqlite3
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

from ._build import SCHEMA_VERSION, build
from ._entry import Entry, SupplementEntry
from ._names import SPELLING_MIN, name_key, spelling_key
from ._supplement import load_aliases, load_senses, load_supplement

_CACHE_SIZE = 100_000
_PART_TOWN = 5_000
"""Towns of at least this many people place the parts of an area."""
_COLUMNS = (
    "geonameid, name, fclass, fcode, country, admin1, admin2, population, latitude, longitude"
)


def default_path() -> Path:
    """Where the index lives: ``$WIRECODER_GAZETTEER`` or the user cache directory."""
    configured = os.environ.get("WIRECODER_GAZETTEER")
    if configured:
        return Path(configured)
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "wirecoder" / f"gazetteer-v{SCHEMA_VERSION}.sqlite"


def _current(path: Path) -> bool:
    if not path.exists():
        return False
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            row = connection.execute(
                "SELECT value FROM meta WHERE key = 'schema_version'"
            ).fetchone()
    except sqlite3.DatabaseError:
        return False
    return row is not None and row[0] == str(SCHEMA_VERSION)


def _build_once(path: Path) -> None:
    """Build under a lock, so that processes starting together build the index once."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not _current(path):
                build(path)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


class Gazetteer:
    """Name lookups over GeoNames and the supplement. Opening is cheap once the index is built."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        if not _current(self.path):
            _build_once(self.path)
        self._connection = sqlite3.connect(
            f"file:{self.path}?mode=ro", uri=True, check_same_thread=False
        )
        self._lock = threading.Lock()
        self.supplement = load_supplement()
        # Curated names and aliases by table: under their folded keys ("names") and under their
        # spelling keys ("spellings"), as the index stores GeoNames' names.
        self._supplement_names: dict[str, dict[str, list[SupplementEntry]]] = {}
        self._aliases: dict[str, dict[str, list[int]]] = {}
        self._senses = {name_key(name): geonameid for name, geonameid in load_senses().items()}
        aliases = [*load_aliases().items(), *((id_, (key,)) for key, id_ in self._senses.items())]
        for table, fold in (("names", name_key), ("spellings", _spelling)):
            by_name = self._supplement_names.setdefault(table, {})
            for item in self.supplement:
                for key in {fold(name) for name in item.names}:
                    by_name.setdefault(key, []).append(item)
            by_alias = self._aliases.setdefault(table, {})
            for geonameid, names in aliases:
                for key in {fold(name) for name in names}:
                    by_alias.setdefault(key, []).append(geonameid)
        self._cache: dict[str, list[Entry]] = {}
        self._parts: dict[tuple[str, str | None, float], tuple[float, float] | None] = {}
        with self._lock:
            rows = self._connection.execute(
                f"SELECT {_COLUMNS} FROM places WHERE fcode = 'PCLI' ORDER BY population"
            ).fetchall()
        self._countries = {entry.country: entry for entry in map(_entry, rows) if entry.country}

    def lookup(self, name: str) -> list[Entry]:
        """Every place called ``name`` (any spelling GeoNames or the supplement knows), by
        population. A name no spelling matches is looked up again by its :func:`spelling_key`
        ("Deir Al-Balah" finds GeoNames' "Dayr al Balah")."""
        key = name_key(name)
        found = self._cache.get(key)
        if found is None:
            found = self._found(key, "names")
            spelling = spelling_key(key)
            if not found and len(spelling) >= SPELLING_MIN:
                found = [
                    replace(entry, spelled=True) for entry in self._found(spelling, "spellings")
                ]
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()  # a long ingest must not grow without bound
            self._cache[key] = found
        return found

    def sense(self, name: str) -> int | None:
        """The GeoNames id of the place a bare ``name`` means in conflict copy ("Gaza" is the
        Strip), when the supplement gives one."""
        return self._senses.get(name_key(name))

    def _found(self, key: str, table: str) -> list[Entry]:
        """The places stored under ``key`` in ``table`` (names or spellings), the supplement's
        and the aliases', by population."""
        with self._lock:
            rows = self._connection.execute(
                f"SELECT {_COLUMNS} FROM {table} JOIN places USING (geonameid) WHERE key = ?",
                (key,),
            ).fetchall()
        found = [item.entry() for item in self._supplement_names[table].get(key, ())]
        found += [_entry(row) for row in rows]
        seen = {entry.geonameid for entry in found}
        found += [
            replace(entry, alias=True)
            for geonameid in self._aliases[table].get(key, ())
            if geonameid not in seen and (entry := self.get(geonameid)) is not None
        ]
        found.sort(key=lambda entry: -entry.population)
        return found

    def get(self, geonameid: int) -> Entry | None:
        with self._lock:
            row = self._connection.execute(
                f"SELECT {_COLUMNS} FROM places WHERE geonameid = ?", (geonameid,)
            ).fetchone()
        return _entry(row) if row else None

    def country(self, code: str) -> Entry | None:
        """The country entry for an ISO alpha-2 code."""
        return self._countries.get(code)

    def part_centre(
        self, country: str, admin1: str | None, bearing: float
    ) -> tuple[float, float] | None:
        """Where "eastern Ukraine" is: the mean point of the towns of a country (or of its
        province ``admin1``) that lie furthest along the compass ``bearing`` (the third of them
        that is most eastern), since the area's own point is its middle, hundreds of km off."""
        key = (country, admin1, bearing)
        if key not in self._parts:
            self._parts[key] = self._part_centre(*key)
        return self._parts[key]

    def _part_centre(
        self, country: str, admin1: str | None, bearing: float
    ) -> tuple[float, float] | None:
        query = "SELECT latitude, longitude FROM places WHERE fclass = 'P' AND population >= ?"
        query += " AND country = ?" + (" AND admin1 = ?" if admin1 else "")
        arguments = (_PART_TOWN, country, admin1) if admin1 else (_PART_TOWN, country)
        with self._lock:
            towns = self._connection.execute(query, arguments).fetchall()
        if len(towns) < 3:
            return None
        east, north = math.sin(math.radians(bearing)), math.cos(math.radians(bearing))
        squeeze = math.cos(math.radians(sum(lat for lat, _ in towns) / len(towns)))
        towns.sort(key=lambda town: -(east * town[1] * squeeze + north * town[0]))
        part = towns[: max(1, len(towns) // 3)]
        return sum(lat for lat, _ in part) / len(part), sum(lon for _, lon in part) / len(part)


def _spelling(name: str) -> str:
    return spelling_key(name_key(name))


def _entry(row: tuple[Any, ...]) -> Entry:
    geonameid, name, fclass, fcode, country, admin1, admin2, population, latitude, longitude = row
    return Entry(
        name, fclass, fcode, country, admin1, admin2, population, latitude, longitude, geonameid
    )


_SHARED: dict[Path, Gazetteer] = {}


def load(path: Path | None = None) -> Gazetteer:
    """The process-wide gazetteer for ``path`` (built on first use)."""
    resolved = path or default_path()
    if resolved not in _SHARED:
        _SHARED[resolved] = Gazetteer(resolved)
    return _SHARED[resolved]
