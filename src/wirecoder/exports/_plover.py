"""PLOVER JSONL: one record per event, with the PLOVER manual's field names."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from .._output import ANALYSIS_FORMATS
from ..lexicon import Lexicon, load
from ..schema import Analysis, Claim, Event, Participant, Place
from ._common import claims_by_id, count_value, event_id, iso, places_by_id


class _PloverCodes(Lexicon):
    actor_kind_code: dict[str, str]
    aux_context: dict[str, str]
    event_scale: dict[str, float]
    quad_code: dict[str, int]


_CODES = load("wirecoder.exports", "plover", _PloverCodes)


@ANALYSIS_FORMATS.register(
    "plover",
    suffix=".jsonl",
    media_type="application/x-ndjson",
    doc="one PLOVER record per event, with the PLOVER manual's field names",
)
def to_plover_jsonl(analyses: Sequence[Analysis]) -> str:
    """One PLOVER record per event, newline-delimited, with the PLOVER manual's field names."""
    lines = [
        json.dumps(_plover_record(analysis, event), ensure_ascii=False, sort_keys=True)
        for analysis in analyses
        for event in analysis.events
    ]
    return "".join(line + "\n" for line in lines)


def _plover_record(analysis: Analysis, event: Event) -> dict[str, Any]:
    claims = claims_by_id(analysis)
    kinds = {actor.id: actor.kind for actor in analysis.actors}
    article = analysis.article
    record: dict[str, Any] = {
        "id": event_id(analysis, event, digits=12),
        "has_event": True,
        "date": iso(event.date_start),
        "enddate": iso(event.date_end),
        "source": [_plover_actor(event.actor, kinds)] if event.actor else [],
        "recipient": [_plover_actor(event.recipient, kinds)] if event.recipient else [],
        "event": [event.type],
        "mode": [event.mode] if event.mode else [],
        "context": [*event.context, *(_CODES.aux_context[aux] for aux in event.aux)],
        "event_text": [event.trigger.text],
        "quad_code": _CODES.quad_code[event.type],
        "event_scale": _CODES.event_scale[event.type],
        "text": " ".join(span.text for span in event.spans),
        "text_info": {"start": event.trigger.start, "end": event.trigger.end, "is_story": False},
        "cite_info": {
            "url": article.url,
            "title": article.title,
            "language": article.language,
            "publication": article.publisher,
            "coder": "wirecoder",
        },
        "coder": f"wirecoder {event.stage}",
        "coded_date": dt.date.today().isoformat(),
        "date_precision": event.date_precision,
        "where_precision": event.where_precision,
        "claims": [_claim_summary(claims[c]) for c in event.claim_ids if c in claims],
    }
    size = _size(event)
    if size:
        record["size"] = size
        record.update({name: value for name, value in size.items() if name in ("dead", "injured")})
    place = places_by_id(analysis).get(event.place_id or "")
    if place is not None:
        record["event_loc"] = _plover_location(place)
    return record


def _size(event: Event) -> dict[str, int | None]:
    """The counts the article gives: dead, injured, arrested."""
    return {
        name: count_value(count)
        for name, count in (
            ("dead", event.size.killed),
            ("injured", event.size.injured),
            ("arrested", event.size.arrested),
        )
        if count is not None
    }


def _plover_actor(participant: Participant, kinds: dict[str, str | None]) -> dict[str, Any]:
    kind = kinds.get(participant.actor_id or "")
    code = participant.country or _CODES.actor_kind_code.get(kind or "")
    return {
        "code": code,
        "sector": participant.sector,
        "actor_text": participant.span.text if participant.span else participant.name,
        "identifier_id": participant.actor_id,
        "identifier_text": participant.name,
    }


def _plover_location(place: Place) -> dict[str, Any]:
    return {
        "geonameid": place.geonames_id,
        "name": place.name,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "feature_code": place.feature,
        "country_code": place.country_code,
        "admin1_code": place.admin1,
        "admin2_code": place.admin2,
    }


def _claim_summary(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "source": claim.source.name,
        "chain": [link.name for link in claim.chain],
        "stance": claim.stance,
        "certainty": [
            {"phrase": c.phrase, "scale": c.scale, "low": c.low, "high": c.high}
            for c in claim.certainty
        ],
    }
