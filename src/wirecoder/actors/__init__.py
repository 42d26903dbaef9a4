"""The offline actor catalog: who is who in conflict reporting, with country and PLOVER sector.

``catalog()`` loads every actor file (``*.toml``) in ``wirecoder/actors/data/`` once per process;
``sectors.toml`` there is not one: it holds the sector nouns, labels and groups.
``ActorCatalog.lookup(name)`` folds case, accents, transliteration ("Zelenskiy", "Zelensky",
"Zelenskyy") and aliases; ``ActorCatalog.find_in(text)`` lists ``(start, end, ActorEntry)`` for
every actor named in a text, composing demonym + sector noun ("Ukrainian civilians" is UKR/CVL).

Data format (shared by ``actors.toml``, ``countries.toml`` and ``sources.toml``): one array of
tables named ``actor``; unknown fields are errors::

    [[actor]]
    id = "ukr.zelenskyy"        # unique over all files; "<iso3>.<sector>" overrides a
                                # composed actor
    name = "Volodymyr Zelenskyy"  # preferred name
    kind = "person"             # person, country, government, military, agency, group, party,
                                # igo, organization, media, legislature ...
    country = "UKR"             # ISO 3166 alpha-3; omit for international bodies and
                                # transnational groups
    sector = "GOV"              # PLOVER sector: GOV MIL COP SPY REB OPP PTY LEG JUD CVL JRN ...
    side = "Ukraine"            # optional: the camp it fights or speaks for
    aliases = ["Zelenskiy", "Zelensky"]   # other names; all-caps ones (FSB, WHO) match case-exactly
    demonyms = []               # countries only: "Ukrainian" composes "Ukrainian forces"
    capitals = []               # countries only: "Kyiv said" names the state

Names are matched word by word after folding (``fold``), so list each spelling family once;
a capitalised alias only matches capitalised text.
"""

from __future__ import annotations

from ._catalog import ActorCatalog, ActorEntry, Match, catalog, data_files, load_catalog
from ._fold import fold, fold_word
from ._sectors import (
    ARMED_SECTORS,
    COMBATANT_SECTORS,
    SECTOR_LABELS,
    STATE_SECTORS,
    TITLE_SECTORS,
    sector_of,
)

__all__ = [
    "ARMED_SECTORS",
    "COMBATANT_SECTORS",
    "STATE_SECTORS",
    "TITLE_SECTORS",
    "SECTOR_LABELS",
    "ActorCatalog",
    "ActorEntry",
    "Match",
    "catalog",
    "data_files",
    "fold",
    "fold_word",
    "load_catalog",
    "sector_of",
]
