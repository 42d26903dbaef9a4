"""Event exports in the formats conflict researchers load: PLOVER JSONL, ACLED- and UCDP-GED-style
CSV, and GeoJSON.

ACLED types come from a PLOVER -> ACLED crosswalk (``acled_type``): the PLOVER type and mode
decide, the actors' sectors split attacks on civilians from armed clashes and a state's territorial
gains from a non-state group's, and the events around a protest decide whether it was peaceful,
met with intervention or with excessive force. Events that did not happen (negated, future,
hypothetical) are PLOVER records but never ACLED or UCDP rows, nor are events an article only
recalls (historical) or promises (AGREE to withdraw, release ...).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator, Sequence
from typing import Any

from .actors import STATE_SECTORS
from .gazetteer import countries
from .schema import UNREAL_AUX, Analysis, Claim, Count, Event, Participant, Place

AcledType = tuple[str, str]

_ARMED = STATE_SECTORS | {"REB", "UAF", "PRM"}
_BACKGROUND = frozenset({"historical"})
"""Events recalled long after (the 2022 invasion in a 2023 story) are coded where they were news."""
_EXPLOSIONS = "Explosions/Remote violence"
_CIVILIANS = "Violence against civilians"
_STRATEGIC = "Strategic developments"
_BY_MODE: dict[str, AcledType] = {
    "chemical": (_EXPLOSIONS, "Chemical weapon"),
    "aerial": (_EXPLOSIONS, "Air/drone strike"),
    "drone": (_EXPLOSIONS, "Air/drone strike"),
    "suicide-attack": (_EXPLOSIONS, "Suicide bomb"),
    "heavy-weapons": (_EXPLOSIONS, "Shelling/artillery/missile attack"),
    "grenade": (_EXPLOSIONS, "Grenade"),
    "explosives": (_EXPLOSIONS, "Remote explosive/landmine/IED"),
    "abduct": (_CIVILIANS, "Abduction/forced disappearance"),
    "sexual": (_CIVILIANS, "Sexual violence"),
    "destroy": (_STRATEGIC, "Looting/property destruction"),
    "advance": ("Battles", "Armed clash"),
    "clash": ("Battles", "Armed clash"),
}
_SCHRODT = {
    "ASSAULT": -9.3,
    "COERCE": -7.2,
    "PROTEST": -6.6,
    "MOBILIZE": -5.3,
    "SANCTION": -5.2,
    "THREATEN": -5.1,
    "REQUEST": -5.0,
    "REJECT": -4.2,
    "ACCUSE": -2.0,
    "CONSULT": 2.1,
    "AGREE": 4.2,
    "SUPPORT": 4.6,
    "CONCEDE": 5.0,
    "COOPERATE": 6.8,
    "AID": 7.4,
    "RETREAT": 7.6,
}
"""PLOVER's conflict-cooperation scale ("Schrodt scores", PLOVER manual table 2.x)."""
_QUADS = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "SANCTION", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}
_AUX_CONTEXT = {
    "negated": "negation",
    "future": "future",
    "hypothetical": "hypothetical",
    "historical": "historical",
}


def acled_type(event: Event, nearby: Sequence[Event] = ()) -> AcledType | None:
    """The ACLED (event_type, sub_event_type) of a PLOVER event, or None when ACLED has none.

    ``nearby`` are the other events of the same paragraph (see ``neighbours``): a protest with an
    arrest or tear gas beside it is a protest with intervention.
    """
    if set(event.aux) & (UNREAL_AUX | _BACKGROUND):
        return None
    kind, mode = event.type, event.mode
    if kind == "PROTEST":
        return _protest(event, nearby)
    if kind == "ASSAULT":
        return _assault(event, nearby)
    if kind == "COERCE":
        if any(n.type == "PROTEST" for n in nearby) and mode in ("arrest", "restrict"):
            return None
        if mode == "arrest":
            return (_STRATEGIC, "Arrests")
        if mode == "defuse" or mode == "confiscate":
            return (_STRATEGIC, "Disrupted weapons use")
        return (_STRATEGIC, "Other")
    if kind == "MOBILIZE":
        if mode == "base":
            return (_STRATEGIC, "Headquarters or base established")
        return (_STRATEGIC, "Change to group/activity")
    if kind == "RETREAT":
        if mode == "withdraw":
            taken = any(n.type == "ASSAULT" and n.mode == "capture" for n in nearby)
            return (
                _STRATEGIC,
                "Non-violent transfer of territory" if taken else "Change to group/activity",
            )
        if mode in ("surrender", "release", "ceasefire", "disarm"):
            return (_STRATEGIC, "Agreement")
        return (_STRATEGIC, "Other")
    if kind == "AGREE" and mode is not None:
        return None  # a promise to withdraw or release is not yet an agreement ACLED codes
    if kind in ("AGREE", "CONCEDE") or kind == "SUPPORT" and "diplomatic" in event.context:
        return (_STRATEGIC, "Agreement")
    return None


def _protest(event: Event, nearby: Sequence[Event]) -> AcledType:
    if event.mode == "riot":
        return ("Riots", "Violent demonstration")
    forced = [
        n
        for n in nearby
        if n.type == "ASSAULT" and not set(n.aux) & UNREAL_AUX and _sector(n.actor) in STATE_SECTORS
    ]
    if forced and any(n.size.killed or n.size.injured or n.mode == "firearms" for n in forced):
        return ("Protests", "Excessive force against protesters")
    intervened = event.size.arrested is not None or any(
        n.type == "COERCE"
        and n.mode in ("arrest", "restrict")
        and (_sector(n.actor) in STATE_SECTORS or _sector(n.recipient) == "OPP")
        for n in nearby
    )
    return ("Protests", "Protest with intervention" if intervened or forced else "Peaceful protest")


def _assault(event: Event, nearby: Sequence[Event]) -> AcledType:
    mode = event.mode
    actor, recipient = _sector(event.actor), _sector(event.recipient)
    if mode == "capture":
        if "without resistance" in _text(event) or any(n.type == "RETREAT" for n in nearby):
            return (_STRATEGIC, "Non-violent transfer of territory")
        if actor in STATE_SECTORS or (
            event.actor is not None and actor is None and event.actor.country
        ):
            return ("Battles", "Government regains territory")
        if event.actor is None and recipient not in STATE_SECTORS:
            return ("Battles", "Government regains territory")
        return ("Battles", "Non-state actor overtakes territory")
    if actor == "OPP" or (recipient == "OPP" and actor is None and mode == "clash"):
        return ("Riots", "Violent demonstration")
    protest_nearby = any(
        n.type == "PROTEST" or n.type == "COERCE" and n.mode == "restrict" for n in nearby
    )
    if (
        actor in STATE_SECTORS
        and (recipient == "OPP" or protest_nearby)
        and mode not in _BY_MODE.keys() - {"clash"}
    ):
        return ("Protests", "Excessive force against protesters")
    if mode in _BY_MODE:
        return _BY_MODE[mode]
    if _is_mob(event.actor):
        return ("Riots", "Mob violence")
    if actor in _ARMED and (recipient in _ARMED or recipient is None):
        return ("Battles", "Armed clash")
    if recipient in _ARMED and actor is None and mode in (None, "firearms"):
        return ("Battles", "Armed clash")
    return (_CIVILIANS, "Attack")


def _is_mob(participant: Participant | None) -> bool:
    return participant is not None and any(
        word in participant.name.lower() for word in ("mob", "crowd", "vigilante", "villagers")
    )


def _sector(participant: Participant | None) -> str | None:
    return participant.sector if participant is not None else None


def _text(event: Event) -> str:
    return " ".join(span.text for span in event.spans).lower()


def neighbours(event: Event, events: Sequence[Event], text: str) -> list[Event]:
    """The other events reported in a paragraph that reports ``event``: the arrests beside a
    protest, the capture after a withdrawal."""
    own = {_paragraph(text, span.start) for span in event.spans}
    return [
        other
        for other in events
        if other is not event and own & {_paragraph(text, span.start) for span in other.spans}
    ]


def _paragraph(text: str, offset: int) -> int:
    """Where the paragraph holding ``offset`` starts."""
    return text.rfind("\n\n", 0, offset) + 1


# ----------------------------------------------------------------------------------- PLOVER JSONL


def to_plover_jsonl(analyses: Sequence[Analysis]) -> str:
    """One PLOVER record per event, newline-delimited, with the PLOVER manual's field names."""
    lines = [
        json.dumps(_plover_record(analysis, event), ensure_ascii=False, sort_keys=True)
        for analysis in analyses
        for event in analysis.events
    ]
    return "".join(line + "\n" for line in lines)


def _plover_record(analysis: Analysis, event: Event) -> dict[str, Any]:
    places = {place.id: place for place in analysis.places}
    claims = {claim.id: claim for claim in analysis.claims}
    kinds = {actor.id: actor.kind for actor in analysis.actors}
    article = analysis.article
    record: dict[str, Any] = {
        "id": f"{article.content_hash[:12]}-{event.id}",
        "has_event": True,
        "date": _iso(event.date_start),
        "enddate": _iso(event.date_end),
        "source": [_plover_actor(event.actor, kinds)] if event.actor else [],
        "recipient": [_plover_actor(event.recipient, kinds)] if event.recipient else [],
        "event": [event.type],
        "mode": [event.mode] if event.mode else [],
        "context": [*event.context, *(_AUX_CONTEXT[aux] for aux in event.aux)],
        "event_text": [event.trigger.text],
        "quad_code": _QUADS[event.type],
        "event_scale": _SCHRODT[event.type],
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
    size = {
        name: _count_value(count)
        for name, count in (
            ("dead", event.size.killed),
            ("injured", event.size.injured),
            ("arrested", event.size.arrested),
        )
        if count is not None
    }
    if size:
        record["size"] = size
        record.update({name: value for name, value in size.items() if name in ("dead", "injured")})
    place = places.get(event.place_id or "")
    if place is not None:
        record["event_loc"] = _plover_location(place)
    return record


def _plover_actor(participant: Participant, kinds: dict[str, str | None]) -> dict[str, Any]:
    kind = kinds.get(participant.actor_id or "")
    code = participant.country or {"igo": "IGO", "organization": "NGO"}.get(kind or "")
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


# ----------------------------------------------------------------------------------- ACLED CSV

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
_INTER = {
    "MIL": 1,
    "GOV": 1,
    "COP": 1,
    "SPY": 1,
    "REB": 2,
    "PRM": 3,
    "OPP": 6,
    "CVL": 7,
    "JRN": 7,
    "REF": 7,
}


def to_acled_csv(analyses: Sequence[Analysis]) -> str:
    """ACLED-style rows, one per event that ACLED codes, through the PLOVER -> ACLED crosswalk."""
    return _csv(ACLED_COLUMNS, (row for analysis in analyses for row in _acled_rows(analysis)))


def _acled_rows(analysis: Analysis) -> Iterator[dict[str, Any]]:
    places = {place.id: place for place in analysis.places}
    claims = {claim.id: claim for claim in analysis.claims}
    for event in analysis.events:
        crosswalked = acled_type(event, neighbours(event, analysis.events, analysis.article.text))
        if crosswalked is None or event.date_start is None:
            continue
        place = places.get(event.place_id or "")
        sources = _sources(event, claims) or [analysis.article.publisher or ""]
        yield {
            "event_id_cnty": f"{analysis.article.content_hash[:8]}-{event.id}",
            "event_date": _iso(event.date_start),
            "year": event.date_start.year,
            "time_precision": _acled_time_precision(event.date_precision),
            "event_type": crosswalked[0],
            "sub_event_type": crosswalked[1],
            "actor1": _name(event.actor),
            "inter1": _INTER.get(_sector(event.actor) or "", ""),
            "actor2": _name(event.recipient),
            "inter2": _INTER.get(_sector(event.recipient) or "", ""),
            "civilian_targeting": "Civilian targeting" if _sector(event.recipient) == "CVL" else "",
            "iso": _country(place)[1],
            "country": _country(place)[0],
            "admin1": place.admin1 if place else "",
            "admin2": place.admin2 if place else "",
            "location": place.name if place else "",
            "latitude": place.latitude if place else "",
            "longitude": place.longitude if place else "",
            "geo_precision": _acled_geo_precision(event.where_precision),
            "source": "; ".join(dict.fromkeys(sources)),
            "notes": " ".join(span.text for span in event.spans),
            "fatalities": _count_value(event.size.killed) or 0,
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
    for name, count in (
        ("killed", event.size.killed),
        ("injured", event.size.injured),
        ("arrested", event.size.arrested),
    ):
        if count is not None and count.span is not None:
            tags.append(f"{name}: {count.span.text}")
    tags += [f"aux: {aux}" for aux in event.aux]
    return "; ".join(tags)


# ----------------------------------------------------------------------------------- UCDP GED CSV

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


def to_ucdp_csv(analyses: Sequence[Analysis]) -> str:
    """UCDP-GED-style rows: one per fatal violent event that happened, deaths as best/low/high."""
    return _csv(UCDP_COLUMNS, (row for analysis in analyses for row in _ucdp_rows(analysis)))


def _ucdp_rows(analysis: Analysis) -> Iterator[dict[str, Any]]:
    places = {place.id: place for place in analysis.places}
    claims = {claim.id: claim for claim in analysis.claims}
    for event in analysis.events:
        killed = event.size.killed
        if (
            event.type != "ASSAULT"
            or set(event.aux) & UNREAL_AUX
            or killed is None
            or event.date_start is None
        ):
            continue
        place = places.get(event.place_id or "")
        located = place is not None and place.latitude is not None and place.longitude is not None
        yield {
            "id": f"{analysis.article.content_hash[:8]}-{event.id}",
            "year": event.date_start.year,
            "type_of_violence": _violence_type(event),
            "side_a": _name(event.actor),
            "side_b": _name(event.recipient),
            "source_article": analysis.article.url or analysis.article.source or "",
            "source_headline": analysis.article.title or "",
            "source_original": "; ".join(dict.fromkeys(_sources(event, claims))),
            "where_description": place.name if place else "",
            "adm_1": place.admin1 if place else "",
            "adm_2": place.admin2 if place else "",
            "latitude": place.latitude if located else "",  # type: ignore[union-attr]
            "longitude": place.longitude if located else "",  # type: ignore[union-attr]
            "geom_wkt": f"POINT ({place.longitude} {place.latitude})" if located else "",  # type: ignore[union-attr]
            "country": _country(place)[0],
            "event_clarity": 1 if event.actor is not None else 2,
            "date_prec": event.date_precision or "",
            "date_start": _iso(event.date_start),
            "date_end": _iso(event.date_end),
            "best": _count_value(killed),
            "high": killed.high if killed.high is not None else _count_value(killed),
            "low": killed.low if killed.low is not None else _count_value(killed),
            "where_prec": event.where_precision or "",
            "plover_type": event.type,
            "plover_mode": event.mode or "",
        }


def _violence_type(event: Event) -> int:
    """UCDP type of violence: 1 state-based, 2 non-state, 3 one-sided (against civilians)."""
    actor, recipient = _sector(event.actor), _sector(event.recipient)
    if recipient == "CVL":
        return 3
    if actor in STATE_SECTORS or recipient in STATE_SECTORS:
        return 1
    return 2


# ----------------------------------------------------------------------------------- GeoJSON


def to_geojson(analyses: Sequence[Analysis]) -> str:
    """A FeatureCollection of the events that have a located place, one Point each."""
    features = []
    for analysis in analyses:
        places = {place.id: place for place in analysis.places}
        for event in analysis.events:
            place = places.get(event.place_id or "")
            if place is None or place.latitude is None or place.longitude is None:
                continue
            crosswalked = acled_type(
                event, neighbours(event, analysis.events, analysis.article.text)
            )
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [place.longitude, place.latitude]},
                    "properties": {
                        "id": f"{analysis.article.content_hash[:8]}-{event.id}",
                        "type": event.type,
                        "mode": event.mode,
                        "aux": event.aux,
                        "acled_sub_event_type": crosswalked[1] if crosswalked else None,
                        "actor": _name(event.actor) or None,
                        "recipient": _name(event.recipient) or None,
                        "place": place.name,
                        "where_precision": event.where_precision,
                        "date_start": _iso(event.date_start),
                        "date_end": _iso(event.date_end),
                        "date_precision": event.date_precision,
                        "fatalities": _count_value(event.size.killed),
                        "claims": event.claim_ids,
                        "text": event.trigger.text,
                        "source": analysis.article.url or analysis.article.source,
                    },
                }
            )
    return (
        json.dumps(
            {"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1
        )
        + "\n"
    )


# ----------------------------------------------------------------------------------- helpers


def _csv(columns: Sequence[str], rows: Iterator[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: "" if value is None else value for key, value in row.items()})
    return buffer.getvalue()


def _sources(event: Event, claims: dict[str, Claim]) -> list[str]:
    """The source chain of each claim the event rests on, publisher first: "Reuters < TASS < embassy"."""
    found = []
    for claim_id in event.claim_ids:
        claim = claims.get(claim_id)
        if claim is not None:
            chain = [link.name for link in claim.chain] or [claim.source.name]
            found.append(" < ".join(chain))
    return found


def _country(place: Place | None) -> tuple[str, int | str]:
    """The (name, numeric ISO code) of a place's country, as ACLED and UCDP write them."""
    if place is None or place.country_code is None:
        return "", ""
    return countries().get(place.country_code.upper(), (place.country_code, ""))


def _name(participant: Participant | None) -> str:
    return participant.name if participant is not None else ""


def _count_value(count: Count | None) -> int | None:
    """The one number a table has room for: best, else the lowest sure figure, else the ceiling."""
    if count is None:
        return None
    for value in (count.best, count.low, count.high):
        if value is not None:
            return value
    return None


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date is not None else None
