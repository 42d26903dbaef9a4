"""GeoJSON: a FeatureCollection of the events that have a located place, one Point each."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from .._output import ANALYSIS_FORMATS
from ..schema import Analysis, Event, Place
from ._common import count_value, event_id, iso, name, places_by_id
from ._crosswalk import acled_type, neighbours


@ANALYSIS_FORMATS.register(
    "geojson",
    suffix=".geojson",
    media_type="application/geo+json",
    doc="a FeatureCollection: one Point per event whose place has coordinates",
)
def to_geojson(analyses: Sequence[Analysis]) -> str:
    """A FeatureCollection of the events that have a located place, one Point each."""
    features = [feature for analysis in analyses for feature in _features(analysis)]
    return (
        json.dumps(
            {"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1
        )
        + "\n"
    )


def _features(analysis: Analysis) -> Iterator[dict[str, Any]]:
    places = places_by_id(analysis)
    for event in analysis.events:
        place = places.get(event.place_id or "")
        if place is None or place.latitude is None or place.longitude is None:
            continue
        yield {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [place.longitude, place.latitude]},
            "properties": _properties(analysis, event, place),
        }


def _properties(analysis: Analysis, event: Event, place: Place) -> dict[str, Any]:
    crosswalked = acled_type(event, neighbours(event, analysis.events, analysis.article.text))
    return {
        "id": event_id(analysis, event),
        "type": event.type,
        "mode": event.mode,
        "aux": event.aux,
        "acled_sub_event_type": crosswalked[1] if crosswalked else None,
        "actor": name(event.actor) or None,
        "recipient": name(event.recipient) or None,
        "place": place.name,
        "where_precision": event.where_precision,
        "date_start": iso(event.date_start),
        "date_end": iso(event.date_end),
        "date_precision": event.date_precision,
        "fatalities": count_value(event.size.killed),
        "claims": event.claim_ids,
        "text": event.trigger.text,
        "source": analysis.article.url or analysis.article.source,
    }
