"""UCDP-GED-style CSV: one row per fatal violent event that happened, deaths as best/low/high."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from .._output import ANALYSIS_FORMATS
from ..actors import STATE_SECTORS
from ..schema import UNREAL_AUX, Analysis, Count, Event
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

UCDP_COLUMNS = (
    "id",
    "year",
    "type_of_violence",
    "side_a",
    "side_b",
    "source_article",
    "source_headline",
    "source_original",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "geom_wkt",
    "country",
    "event_clarity",
    "date_prec",
    "date_start",
    "date_end",
    "best",
    "high",
    "low",
    "where_prec",
    "plover_type",
    "plover_mode",
)


@ANALYSIS_FORMATS.register(
    "ucdp",
    suffix=".csv",
    media_type="text/csv",
    doc="UCDP-GED-style rows: the fatal violent events that happened, deaths as best/low/high",
)
def to_ucdp_csv(analyses: Sequence[Analysis]) -> str:
    """UCDP-GED-style rows: one per fatal violent event that happened, deaths as best/low/high."""
    return csv_text(UCDP_COLUMNS, analyses, _ucdp_rows)


def _ucdp_rows(analysis: Analysis) -> Iterator[dict[str, Any]]:
    places = places_by_id(analysis)
    claims = claims_by_id(analysis)
    for event in analysis.events:
        killed = event.size.killed
        if killed is None or event.date_start is None or not _is_violent(event):
            continue
        place = places.get(event.place_id or "")
        latitude, longitude = (place.latitude, place.longitude) if place else (None, None)
        located = latitude is not None and longitude is not None
        yield {
            "id": event_id(analysis, event),
            "year": event.date_start.year,
            "type_of_violence": _violence_type(event),
            "side_a": name(event.actor),
            "side_b": name(event.recipient),
            "source_article": analysis.article.url or analysis.article.source or "",
            "source_headline": analysis.article.title or "",
            "source_original": "; ".join(dict.fromkeys(sources(event, claims))),
            "where_description": place.name if place else "",
            "adm_1": place.admin1 if place else "",
            "adm_2": place.admin2 if place else "",
            "latitude": latitude if located else "",
            "longitude": longitude if located else "",
            "geom_wkt": f"POINT ({longitude} {latitude})" if located else "",
            "country": country(place)[0],
            "event_clarity": 1 if event.actor is not None else 2,
            "date_prec": event.date_precision or "",
            "date_start": iso(event.date_start),
            "date_end": iso(event.date_end),
            **_deaths(killed),
            "where_prec": event.where_precision or "",
            "plover_type": event.type,
            "plover_mode": event.mode or "",
        }


def _is_violent(event: Event) -> bool:
    """An assault that happened: UCDP counts no threat, plan or denied attack."""
    return event.type == "ASSAULT" and not set(event.aux) & UNREAL_AUX


def _deaths(killed: Count) -> dict[str, int | None]:
    """UCDP's best estimate and its range; a range the article does not give is the estimate."""
    best = count_value(killed)
    return {
        "best": best,
        "high": killed.high if killed.high is not None else best,
        "low": killed.low if killed.low is not None else best,
    }


def _violence_type(event: Event) -> int:
    """UCDP type of violence: 1 state-based, 2 non-state, 3 one-sided (against civilians)."""
    actor, recipient = sector(event.actor), sector(event.recipient)
    if recipient == "CVL":
        return 3
    if actor in STATE_SECTORS or recipient in STATE_SECTORS:
        return 1
    return 2
