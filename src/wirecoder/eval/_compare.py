"""Gold places against ours through the gazetteer, and victim names by fuzzy match.

A crowd worker writes "USA", "People's Republic of China" or "Kiev"; we hold an ISO code and a
GeoNames place. The gold name is looked up in the gazetteer (the country's entries, or the
places of that name in the gold country) and compared by identity, not by string.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable

from ..actors import fold
from ..gazetteer import Entry, Gazetteer, countries, demonyms, load, name_key
from ..schema import Place

_COUNTRY_CODES = ("PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR")
_PARTS = {"HK": "CN", "MO": "CN"}
"""Territories GeoNames keeps apart that a reader counts as in their state: Hong Kong and Macau
are China."""


@functools.cache
def _gazetteer() -> Gazetteer:
    return load()


def country_codes(name: str | None) -> frozenset[str]:
    """The ISO alpha-2 codes a gold country value can mean: a country's name ("Congo": CD and
    CG), a demonym ("Yemeni"), a region's name ("England" is GB), each of a list ("Myanmar and
    Iran"), or a near spelling of a country's name ("Nigeia"); empty for a continent or what the
    gazetteer does not know."""
    if name is None:
        return frozenset()
    found = _one_country(name)
    if not found:
        for part in _LIST.split(name):
            found |= _one_country(part) if part.strip() else set()
    return frozenset(found)


_LIST = re.compile(r",|\(|\)|\band\b|;|/")


def _one_country(name: str) -> set[str]:
    entries = _gazetteer().lookup(name)
    states = {e.country for e in entries if e.fcode in _COUNTRY_CODES and e.country}
    if not states:
        states = {e.country for e in entries[:1] if e.fcode == "ADM1" and e.country}
    if not states and (code := _demonyms().get(name.strip())) is not None:
        states = {code}
    if not states:
        names = _country_names()
        close = difflib.get_close_matches(name_key(name), list(names), n=1, cutoff=_NEAR)
        states = {names[close[0]]} if close else set()
    return states


_NEAR = 0.85


@functools.cache
def _demonyms() -> dict[str, str]:
    return dict(demonyms())


@functools.cache
def _country_names() -> dict[str, str]:
    return {name_key(name): code for code, (name, _) in countries().items()}


def same_country(gold: frozenset[str], ours: str | None) -> bool:
    """Our ISO alpha-2 code is the gold country (or a territory of it)."""
    if ours is None:
        return False
    return ours in gold or _PARTS.get(ours) in gold


def _entries(name: str, countries: frozenset[str]) -> list[Entry]:
    entries = _gazetteer().lookup(name)
    inside = [entry for entry in entries if entry.country in countries]
    return inside if countries else entries


def same_place(gold: str | None, ours: Place | None, countries: frozenset[str]) -> bool:
    """Our place is the gold one: the gazetteer's places of the gold name (in the gold country)
    include ours, or the names fold alike."""
    if gold is None or ours is None:
        return False
    key = name_key(gold)
    if key in {name_key(ours.name), *(name_key(span.text) for span in ours.mentions)}:
        return True
    ids = {entry.geonameid for entry in _entries(gold, countries) if entry.geonameid is not None}
    return ours.geonames_id in ids


def same_region(gold: str | None, ours: Place | None, countries: frozenset[str]) -> bool:
    """Our place is the gold region, or lies in it (its admin1 is the gold region)."""
    if gold is None or ours is None:
        return False
    if same_place(gold, ours, countries) and ours.feature == "admin1":
        return True
    if ours.admin1 is None:
        return False
    admin1 = name_key(ours.admin1)
    names = {name_key(gold)}
    names |= {
        name_key(entry.admin1)
        for entry in _entries(gold, countries)
        if entry.fcode == "ADM1" and entry.admin1
    }
    return admin1 in names


def fuzzy_names(predicted: Iterable[str], gold: Iterable[str]) -> tuple[int, int, int, int]:
    """(predicted names that match a gold one, predicted, gold names matched, gold): a name
    matches when its folded words are all words of the other, or the other's all of its, as
    the published scorer counts one name within the other."""
    ours = _distinct(predicted)
    theirs = _distinct(gold)
    hits = sum(1 for name in ours if any(_within(name, other) for other in theirs))
    found = sum(1 for name in theirs if any(_within(name, other) for other in ours))
    return hits, len(ours), found, len(theirs)


def _distinct(names: Iterable[str]) -> list[tuple[str, ...]]:
    folded = list(dict.fromkeys(f for name in names if (f := fold(name))))
    return [name for name in folded if not any(set(name) < set(other) for other in folded)]


def _within(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    return set(first) <= set(second) or set(second) <= set(first)
