"""Head nouns that say which PLOVER sector a group of people belongs to, read from
``data/sectors.toml``.

"Russian *forces*" are MIL, "Ukrainian *civilians*" CVL, "gunmen" REB. The catalog composes a
demonym with these nouns; the events stage uses them alone for actors no catalog names.
"""

from __future__ import annotations

from types import MappingProxyType

from pydantic import model_validator

from ..lexicon import Lexicon, OrderedWords, Words, load
from ._fold import fold, fold_word

LEXICON_FILE = "sectors"
"""The catalog's language data in ``data/``: not an actor file."""


class _Sector(Lexicon):
    label: str
    kind: str | None = None
    nouns: OrderedWords


class _Groups(Lexicon):
    state: Words
    armed: Words
    combatant: Words
    title: Words


class _Sectors(Lexicon):
    modifiers: Words
    groups: _Groups
    sectors: dict[str, _Sector]

    @model_validator(mode="after")
    def _groups_of_known_sectors(self) -> _Sectors:
        grouped = self.groups.state | self.groups.armed | self.groups.combatant | self.groups.title
        unknown = sorted(grouped - set(self.sectors))
        if unknown:
            raise ValueError(f"groups name sectors that have no table: {', '.join(unknown)}")
        return self


_DATA = load("wirecoder.actors", LEXICON_FILE, _Sectors)

SECTOR_LABELS = MappingProxyType({code: sector.label for code, sector in _DATA.sectors.items()})
"""A readable name for the sector part of a composed actor ("Russian military")."""

SECTOR_KINDS = MappingProxyType(
    {code: sector.kind for code, sector in _DATA.sectors.items() if sector.kind is not None}
)
"""The ``kind`` of a composed actor; sectors not listed are populations or groups."""

STATE_SECTORS = _DATA.groups.state
"""Sectors of a state: its government, armed forces, police and intelligence services."""

ARMED_SECTORS = _DATA.groups.armed
"""Sectors that carry arms: armed forces, armed groups, police."""

COMBATANT_SECTORS = _DATA.groups.combatant
"""Sectors that fight: armed forces and armed groups."""

TITLE_SECTORS = _DATA.groups.title
"""Sectors whose composed phrase can be a title before a name: "Turkish Foreign Minister X"."""

SECTOR_NOUNS: dict[tuple[str, ...], str] = {
    fold(noun): code for code, sector in _DATA.sectors.items() for noun in sector.nouns
}
"""Folded head noun (one or more words) -> PLOVER sector code."""

LONGEST_NOUN = max(len(key) for key in SECTOR_NOUNS)

MODIFIERS = frozenset(fold_word(word) for word in _DATA.modifiers)
"""Folded words that may stand between a demonym and its head noun: "Russian *state-owned*
news agency"."""


def sector_of(noun: str) -> str | None:
    """The sector a head noun names ("troops" -> MIL), or None."""
    return SECTOR_NOUNS.get(fold(noun))
