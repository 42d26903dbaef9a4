"""The dateline as a hint: where a story was filed helps choose among places of one name.

"KYIV, Ukraine, Oct 3 (Reuters) -" says where the reporter was, not where anything happened. The
reader lifts it out of the body, so it is never a toponym of the text and never becomes a
``Place`` (nor, through one, an event's place); here it only weighs, as the context of the
resolution, for the same-name place nearest the filing city ("Lyman" in a story from DENVER).
"""

from __future__ import annotations

from ...gazetteer import Entry, Gazetteer
from ...schema import Dateline
from ._recognize import Candidate
from ._resolve import Resolver

_REGION_CODES = ("PCLI", "PCLD", "PCLS", "PCLF", "TERR", "ADM1")


def dateline_entry(
    gazetteer: Gazetteer, resolver: Resolver, dateline: Dateline | None
) -> Entry | None:
    """The gazetteer entry of the dateline's (first) city, chosen within the country or state it
    prints ("PARIS, Texas"); None when there is no dateline or the gazetteer lacks the city."""
    if dateline is None or not dateline.place:
        return None
    city, *regions = (part.strip() for part in dateline.place.split(","))
    name = city.split("/")[0].strip()
    entries = [entry for entry in gazetteer.lookup(name) if entry.fclass in ("P", "A")]
    if not entries:
        return None
    within = [
        region
        for printed in regions
        for region in gazetteer.lookup(printed)
        if region.fcode in _REGION_CODES
    ]
    inside = [
        entry
        for entry in entries
        if any(
            entry.country == region.country
            and (region.fcode != "ADM1" or entry.admin1 == region.admin1)
            for region in within
        )
    ]
    return resolver.choose(
        Candidate(0, len(name), name), inside or entries, resolver.context(within, None)
    )
