"""The actor catalog: alias lookup and actor spotting in running text."""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal

from ._fold import Words, fold
from ._sectors import (
    LEXICON_FILE,
    LONGEST_NOUN,
    MODIFIERS,
    SECTOR_KINDS,
    SECTOR_LABELS,
    SECTOR_NOUNS,
    TITLE_SECTORS,
)

_FIELDS = ("id", "name", "kind", "country", "sector", "side", "aliases", "demonyms", "capitals")


Match = tuple[int, int, "ActorEntry"]


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One actor of the catalog, or composed from a country and a sector ("Ukrainian civilians")."""

    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    side: str | None = None
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()

    @property
    def composed(self) -> bool:
        """True for an actor built from a demonym and a sector noun rather than listed by name."""
        code, _, sector = self.id.partition(".")
        return len(code) == 3 and sector.upper() in SECTOR_LABELS


Rule = Literal["name", "acronym", "demonym", "country"]


@dataclass(frozen=True, slots=True)
class _Alias:
    keys: tuple[str, ...]
    entry: ActorEntry
    rule: Rule
    surface: tuple[str, ...]


@dataclass
class ActorCatalog:
    """Every actor of the data files, indexed by folded alias and by first word for scanning."""

    entries: tuple[ActorEntry, ...]
    _by_id: dict[str, ActorEntry] = field(init=False, repr=False)
    _by_key: dict[tuple[str, ...], ActorEntry] = field(init=False, repr=False)
    _by_first: dict[str, list[_Alias]] = field(init=False, repr=False)
    _countries: dict[str, ActorEntry] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id = {}
        self._by_key = {}
        self._by_first = {}
        self._countries = {}
        for entry in self.entries:
            if entry.id in self._by_id:
                raise ValueError(f"actor id {entry.id!r} is listed twice")
            self._by_id[entry.id] = entry
            if entry.kind == "country" and entry.country:
                self._countries[entry.country] = entry
        # Countries first so a listed actor sharing an alias with a country wins.
        for entry in sorted(self.entries, key=lambda e: e.kind != "country"):
            plain: Rule = "country" if entry.kind == "country" else "name"
            for alias in (entry.name, *entry.aliases, *entry.capitals):
                self._index(alias, entry, "acronym" if _is_acronym(alias) else plain)
            for demonym in entry.demonyms:
                if _is_acronym(demonym):
                    self._index(demonym, entry, "acronym")
                else:
                    self._index(demonym, entry, "demonym")
                    self._index(f"{demonym}s", entry, "demonym")
        for candidates in self._by_first.values():
            candidates.sort(key=lambda alias: -len(alias.keys))

    def _index(self, alias: str, entry: ActorEntry, rule: Rule) -> None:
        keys = fold(alias)
        if not keys:
            return
        if rule not in ("demonym", "acronym"):
            self._by_key[keys] = entry
        bucket = self._by_first.setdefault(keys[0], [])
        if not any(existing.keys == keys and existing.rule == rule for existing in bucket):
            bucket.append(_Alias(keys, entry, rule, tuple(Words(alias).surfaces)))

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[ActorEntry]:
        return iter(self.entries)

    def get(self, actor_id: str) -> ActorEntry | None:
        """The entry with this id (composed ids such as "rus.mil" included), or None."""
        if actor_id in self._by_id:
            return self._by_id[actor_id]
        code, _, sector = actor_id.partition(".")
        country = self._countries.get(code.upper())
        if country is not None and sector.upper() in SECTOR_LABELS:
            return self.composed(country, sector.upper())
        return None

    def country(self, iso3: str) -> ActorEntry | None:
        """The entry of a state by its ISO 3166 alpha-3 code."""
        return self._countries.get(iso3.upper())

    def demonym(self, word: str) -> ActorEntry | None:
        """The country a demonym names ("Ukrainian" -> Ukraine), or None."""
        keys = fold(word)
        for alias in self._by_first.get(keys[0], ()) if keys else ():
            if (
                alias.keys == keys
                and alias.rule in ("demonym", "acronym")
                and alias.entry.kind == "country"
            ):
                return alias.entry
        return None

    def composed(self, country: ActorEntry, sector: str) -> ActorEntry:
        """The actor "<country> <sector>": a listed entry with id "<iso3>.<sector>" or a new one."""
        assert country.country is not None
        actor_id = f"{country.country.lower()}.{sector.lower()}"
        listed = self._by_id.get(actor_id)
        if listed is not None:
            return listed
        adjective = country.demonyms[0] if country.demonyms else country.name
        return ActorEntry(
            id=actor_id,
            name=f"{adjective} {SECTOR_LABELS[sector]}",
            kind=SECTOR_KINDS.get(sector, "group"),
            country=country.country,
            sector=sector,
        )

    def lookup(self, name: str) -> ActorEntry | None:
        """The actor a name denotes, folding case, accents, transliteration and aliases.

        A listed alias wins; otherwise the first actor found in the name ("Russian troops near
        Bakhmut" -> the Russian military), or None. Acronyms answer only in capitals.
        """
        exact = self._by_key.get(fold(name))
        if exact is not None:
            return exact
        found = self.find_in(name)
        return found[0][2] if found else None

    def find_in(self, text: str) -> list[Match]:
        """Every actor named in ``text`` as ``(start, end, entry)``, left to right, not overlapping.

        Longest match wins. A demonym or country followed by a sector noun composes an actor
        ("Ukrainian civilians", "Russia's defence ministry"); a title just before a listed person
        is folded into that person's match ("Turkish Foreign Minister Mevlut Cavusoglu").
        """
        tokens = Words(text)
        matches: list[Match] = []
        index = 0
        while index < len(tokens):
            found = self._match_at(text, tokens, index)
            if found is None:
                index += 1
                continue
            end_index, entry = found
            start, end = tokens.starts[index], tokens.ends[end_index - 1]
            if matches and _is_title_of(matches[-1], entry, text[matches[-1][1] : start]):
                start = matches.pop()[0]
            matches.append((start, end, entry))
            index = end_index
        return matches

    def _match_at(self, text: str, tokens: Words, index: int) -> tuple[int, ActorEntry] | None:
        for alias in self._by_first.get(tokens.keys[index], ()):
            end_index = index + len(alias.keys)
            if end_index > len(tokens) or tuple(tokens.keys[index:end_index]) != alias.keys:
                continue
            if not _case_fits(alias, tokens.surfaces[index:end_index]):
                continue
            if alias.rule in ("demonym", "country") or alias.entry.kind == "country":
                composed = self._compose(text, tokens, end_index, alias)
                if composed is not None:
                    return composed
                if alias.rule == "demonym":
                    if (
                        not alias.surface[-1].endswith("s")
                        or alias.surface[-1] in alias.entry.demonyms
                    ):
                        continue
                    return end_index, self.composed(alias.entry, "CVL")
            return end_index, alias.entry
        return None

    def _compose(
        self, text: str, tokens: Words, index: int, alias: _Alias
    ) -> tuple[int, ActorEntry] | None:
        """A sector noun after a demonym or country ("Russian troops", "Ukraine's army")."""
        if alias.entry.country is None:
            return None
        position = index
        if alias.rule != "demonym" and position < len(tokens) and tokens.keys[position] == "s":
            if text[tokens.ends[position - 1] : tokens.starts[position]] not in ("'", "’"):
                return None
            position += 1
        best: tuple[int, str] | None = None
        while position < len(tokens) and position - index <= 6:
            if text[tokens.ends[position - 1] : tokens.starts[position]].strip(" -'’"):
                break  # a comma or a bracket ends the phrase: "Liberia, Defence Minister X"
            head = _sector_noun_at(tokens, position)
            if head is not None:
                position, sector = head
                best = (position, sector)
                continue
            if tokens.keys[position] not in MODIFIERS:
                break
            position += 1
        if best is None:
            return None
        return best[0], self.composed(alias.entry, best[1])


def _sector_noun_at(tokens: Words, index: int) -> tuple[int, str] | None:
    for length in range(min(LONGEST_NOUN, len(tokens) - index), 0, -1):
        sector = SECTOR_NOUNS.get(tuple(tokens.keys[index : index + length]))
        if sector is not None:
            return index + length, sector
    return None


def _is_acronym(alias: str) -> bool:
    letters = [char for char in alias if char.isalpha()]
    return 0 < len(letters) <= 6 and all(char.isupper() for char in letters)


def _case_fits(alias: _Alias, surfaces: list[str]) -> bool:
    """Acronyms match exactly ("WHO", never "who"); a capitalised name needs a capital."""
    if alias.rule == "acronym":
        return tuple(surfaces) == alias.surface
    return surfaces[0][:1].isupper() or not alias.surface[0][:1].isupper()


def _is_title_of(previous: Match, entry: ActorEntry, gap: str) -> bool:
    title = previous[2]
    return (
        entry.kind == "person"
        and title.composed
        and title.sector in TITLE_SECTORS
        and gap.strip() == ""
        and (entry.country is None or title.country == entry.country)
    )


def _entry(record: dict[str, Any], source: Path) -> ActorEntry:
    unknown = set(record) - set(_FIELDS)
    missing = {"id", "name", "kind"} - set(record)
    if unknown or missing:
        problem = (
            f"unknown fields {sorted(unknown)}" if unknown else f"missing fields {sorted(missing)}"
        )
        raise ValueError(f"{source.name}: actor {record.get('id', '?')!r} has {problem}")
    values: dict[str, Any] = {
        key: tuple(value) if isinstance(value, list) else value for key, value in record.items()
    }
    return ActorEntry(**values)


def load_catalog(paths: Iterable[Path]) -> ActorCatalog:
    """A catalog of every ``[[actor]]`` table in the given TOML files."""
    entries: list[ActorEntry] = []
    for path in sorted(paths):
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        entries.extend(_entry(record, path) for record in data.get("actor", ()))
    return ActorCatalog(tuple(entries))


def data_files() -> list[Path]:
    """The bundled actor files: every ``*.toml`` in ``wirecoder/actors/data`` but the sector
    nouns, which are language data."""
    folder = Path(str(files("wirecoder.actors") / "data"))
    return sorted(path for path in folder.glob("*.toml") if path.stem != LEXICON_FILE)


@functools.cache
def catalog() -> ActorCatalog:
    """The bundled catalog, loaded once per process."""
    return load_catalog(data_files())
