"""ACLED-style CSV: one row per event ACLED codes, typed through the PLOVER -> ACLED crosswalk."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from .._output import ANALYSIS_FORMATS
from ..lexicon import Lexicon, load
from ..schema import Analysis, Event
from ._common import (
    claims_by_id,
    count_value,
    country,
    csv_text,
    event_id,
    iso,
    name,
    places_by_id,
    sector,
    sources,
)
from ._crosswalk import acled_type, neighbours

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "inter1",
    "actor2",
    "inter2",
    "civilian_targeting",
    "iso",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "tags",
    "plover_type",
    "plover_mode",
)


class _AcledCodes(Lexicon):
    inter: dict[str, int]


_CODES = load("wirecoder.exports", "acled", _AcledCodes)


@ANALYSIS_FORMATS.register(
    "acled",
    suffix=".csv",
    media_type="text/csv",
    doc="ACLED-style rows: the events that happened, typed through the PLOVER -> ACLED crosswalk",
)
def to_acled_csv(analyses: Sequence[Analysis]) -> str:
    """ACLED-style rows, one per event that ACLED codes, through the PLOVER -> ACLED crosswalk."""
    return csv_text(ACLED_COLUMNS, analyses, _acled_rows)


def _acled_rows(analysis: Analysis) -> Iterator[dict[str, Any]]:
    places = places_by_id(analysis)
    claims = claims_by_id(analysis)
    for event in analysis.events:
        crosswalked = acled_type(event, neighbours(event, analysis.events, analysis.article.text))
        if crosswalked is None or event.date_start is None:
            continue
        place = places.get(event.place_id or "")
        cited = sources(event, claims) or [analysis.article.publisher or ""]
        yield {
            "event_id_cnty": event_id(analysis, event),
            "event_date": iso(event.date_start),
            "year": event.date_start.year,
            "time_precision": _acled_time_precision(event.date_precision),
            "event_type": crosswalked[0],
            "sub_event_type": crosswalked[1],
            "actor1": name(event.actor),
            "inter1": _CODES.inter.get(sector(event.actor) or "", ""),
            "actor2": name(event.recipient),
            "inter2": _CODES.inter.get(sector(event.recipient) or "", ""),
            "civilian_targeting": "Civilian targeting" if sector(event.recipient) == "CVL" else "",
            "iso": country(place)[1],
            "country": country(place)[0],
            "admin1": place.admin1 if place else "",
            "admin2": place.admin2 if place else "",
            "location": place.name if place else "",
            "latitude": place.latitude if place else "",
            "longitude": place.longitude if place else "",
            "geo_precision": _acled_geo_precision(event.where_precision),
            "source": "; ".join(dict.fromkeys(cited)),
            "notes": " ".join(span.text for span in event.spans),
            "fatalities": count_value(event.size.killed) or 0,
            "tags": _tags(event),
            "plover_type": event.type,
            "plover_mode": event.mode or "",
        }


def _acled_time_precision(precision: int | None) -> int | str:
    """UCDP date_prec 1 -> ACLED 1 (day), 2-3 -> 2 (week), 4-5 -> 3 (month or more)."""
    if precision is None:
        return ""
    return 1 if precision == 1 else 2 if precision <= 3 else 3


def _acled_geo_precision(precision: int | None) -> int | str:
    """UCDP where_prec 1 -> ACLED 1 (the place), 2/3/5 -> 2 (near it, its district, a line),
    4/6/7 -> 3 (only the province, the country or waters)."""
    if precision is None:
        return ""
    return {1: 1, 2: 2, 3: 2, 5: 2}.get(precision, 3)


def _tags(event: Event) -> str:
    tags = []
    for label, count in (
        ("killed", event.size.killed),
        ("injured", event.size.injured),
        ("arrested", event.size.arrested),
    ):
        if count is not None and count.span is not None:
            tags.append(f"{label}: {count.span.text}")
    tags += [f"aux: {aux}" for aux in event.aux]
    return "; ".join(tags)
