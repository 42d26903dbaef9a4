"""Exports: PLOVER JSONL, ACLED and UCDP-GED CSV, GeoJSON, the PLOVER -> ACLED crosswalk, and the
registry of the formats an analysis is written in."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from wirecoder import Config, Pipeline
from wirecoder.exports import (
    ACLED_COLUMNS,
    ANALYSIS_FORMATS,
    UCDP_COLUMNS,
    acled_type,
    to_acled_csv,
    to_geojson,
    to_plover_jsonl,
    to_ucdp_csv,
)
from wirecoder.schema import (
    Analysis,
    Article,
    AuxMode,
    Count,
    Event,
    Participant,
    Place,
    PloverType,
    Size,
    Span,
    StageRef,
)

STAGE = StageRef(name="test", version="1")
TEXT = (
    "Israeli air strikes killed at least 12 people in the town of Khan Younis on Sunday, "
    "medics said. "
    "Hamas fighters did not fire rockets at Ashkelon, the army said. "
    "Police arrested 40 protesters in Tel Aviv."
)


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    pipeline = Pipeline(Config(model=Config.default().model, stages=("actors.v1", "events.v1")))
    result = pipeline.analyze(
        Article(
            text=TEXT,
            published=dt.date(2024, 2, 12),
            publisher="Test Wire",
            url="https://example.invalid/a",
        )
    )
    start = TEXT.index("Khan Younis")
    place = Place(
        id="P1",
        stage=STAGE,
        name="Khan Younis",
        mentions=[Span.of(TEXT, start, start + 11)],
        latitude=31.34,
        longitude=34.30,
        country_code="PS",
        precision=1,
        feature="city",
    )
    events = [
        e.model_copy(update={"place_id": "P1", "where_precision": 1}) if e.mode == "aerial" else e
        for e in result.events
    ]
    return result.model_copy(update={"places": [place], "events": events})


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_plover_jsonl_has_the_manuals_fields(analysis: Analysis) -> None:
    records = [json.loads(line) for line in to_plover_jsonl([analysis]).splitlines()]
    strike = next(r for r in records if r["mode"] == ["aerial"])
    assert strike["event"] == ["ASSAULT"]
    assert strike["source"][0]["code"] == "ISR" and strike["source"][0]["sector"] == "MIL"
    assert strike["size"]["dead"] == 12 and strike["dead"] == 12
    assert strike["event_loc"]["name"] == "Khan Younis" and strike["event_loc"]["latitude"] == 31.34
    assert strike["quad_code"] == 4 and strike["event_scale"] == -9.3
    assert strike["cite_info"]["url"] == "https://example.invalid/a"
    rockets = next(
        r for r in records if r["source"] and r["source"][0]["identifier_id"] == "pse.hamas"
    )
    assert "negation" in rockets["context"]


def test_acled_rows_only_for_events_that_happened(analysis: Analysis) -> None:
    rows = _rows(to_acled_csv([analysis]))
    kinds = {(row["event_type"], row["sub_event_type"]) for row in rows}
    assert ("Explosions/Remote violence", "Air/drone strike") in kinds
    assert ("Strategic developments", "Arrests") in kinds
    assert all(row["plover_mode"] != "heavy-weapons" for row in rows)  # the rockets were not fired
    strike = next(row for row in rows if row["sub_event_type"] == "Air/drone strike")
    assert (
        strike["fatalities"] == "12"
        and strike["geo_precision"] == "1"
        and strike["location"] == "Khan Younis"
    )
    assert strike["inter1"] == "1" and strike["actor1"]
    assert (strike["country"], strike["iso"]) == ("Palestinian Territory", "275")


def test_ucdp_rows_are_fatal_events_with_ranges(analysis: Analysis) -> None:
    rows = _rows(to_ucdp_csv([analysis]))
    assert len(rows) == 1
    (row,) = rows
    assert (row["best"], row["low"], row["high"]) == ("12", "12", "12")
    assert row["type_of_violence"] == "3" and row["where_prec"] == "1"
    assert row["geom_wkt"] == "POINT (34.3 31.34)"


def test_geojson_points_for_located_events(analysis: Analysis) -> None:
    collection = json.loads(to_geojson([analysis]))
    assert collection["type"] == "FeatureCollection"
    (feature,) = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [34.30, 31.34]}
    assert feature["properties"]["acled_sub_event_type"] == "Air/drone strike"


def _event(
    kind: PloverType,
    mode: str | None,
    actor: str | None = None,
    recipient: str | None = None,
    aux: list[AuxMode] | None = None,
    **size: Count,
) -> Event:
    span = Span(start=0, end=4, text="text")
    return Event(
        id="E1",
        stage=STAGE,
        type=kind,
        mode=mode,
        trigger=span,
        spans=[span],
        actor=Participant(name="a", sector=actor) if actor else None,
        recipient=Participant(name="r", sector=recipient) if recipient else None,
        aux=aux or [],
        size=Size(**size),
    )


@pytest.mark.parametrize(
    ("event", "neighbours", "expected"),
    [
        (
            _event("ASSAULT", "capture", actor="MIL"),
            [],
            ("Battles", "Government regains territory"),
        ),
        (
            _event("ASSAULT", "capture", actor="REB"),
            [],
            ("Battles", "Non-state actor overtakes territory"),
        ),
        (
            _event("ASSAULT", "firearms", actor="REB", recipient="CVL"),
            [],
            ("Violence against civilians", "Attack"),
        ),
        (
            _event("ASSAULT", "firearms", actor="REB", recipient="MIL"),
            [],
            ("Battles", "Armed clash"),
        ),
        (_event("ASSAULT", "grenade"), [], ("Explosions/Remote violence", "Grenade")),
        (_event("PROTEST", "demo"), [], ("Protests", "Peaceful protest")),
        (
            _event("PROTEST", "demo"),
            [_event("COERCE", "arrest", actor="COP")],
            ("Protests", "Protest with intervention"),
        ),
        (
            _event("PROTEST", "demo"),
            [_event("ASSAULT", "firearms", actor="COP", killed=Count(low=2, best=2, high=2))],
            ("Protests", "Excessive force against protesters"),
        ),
        (_event("PROTEST", "riot"), [], ("Riots", "Violent demonstration")),
        # an arrest the protest is about ("rallied over the detention of X") is no intervention
        (_event("PROTEST", "demo"), [_event("COERCE", "arrest")], ("Protests", "Peaceful protest")),
        (
            _event("ASSAULT", "clash", actor="OPP", recipient="COP"),
            [],
            ("Riots", "Violent demonstration"),
        ),
        (
            _event("ASSAULT", "firearms", actor="COP", recipient="OPP"),
            [],
            ("Protests", "Excessive force against protesters"),
        ),
        (
            _event("MOBILIZE", "base"),
            [],
            ("Strategic developments", "Headquarters or base established"),
        ),
        (_event("COERCE", "defuse"), [], ("Strategic developments", "Disrupted weapons use")),
        (
            _event("RETREAT", "withdraw"),
            [_event("ASSAULT", "capture", actor="REB")],
            ("Strategic developments", "Non-violent transfer of territory"),
        ),
        (_event("AGREE", None), [], ("Strategic developments", "Agreement")),
        (_event("ASSAULT", "aerial", aux=["negated"]), [], None),
        (_event("ASSAULT", "advance", aux=["historical"]), [], None),
        (_event("AGREE", "withdraw"), [], None),
        (_event("CONSULT", "visit"), [], None),
    ],
)
def test_crosswalk(event: Event, neighbours: list[Event], expected: tuple[str, str] | None) -> None:
    assert acled_type(event, neighbours) == expected


def test_the_formats_of_an_analysis_are_registered_in_the_order_offered() -> None:
    assert ANALYSIS_FORMATS.names() == (
        "json",
        "jsonl",
        "markdown",
        "plover",
        "acled",
        "ucdp",
        "geojson",
    )
    assert ANALYSIS_FORMATS.get("acled").render is to_acled_csv
    assert ANALYSIS_FORMATS.get("geojson").media_type == "application/geo+json"
    with pytest.raises(ValueError, match=r"unknown format 'xml' \(known: json, jsonl, markdown"):
        ANALYSIS_FORMATS.get("xml")


def test_every_format_renders_no_analyses(analysis: Analysis) -> None:
    """With nothing analysed, a table is its header and a collection is empty."""
    empty = {fmt.name: fmt.render([]) for fmt in ANALYSIS_FORMATS if fmt.name != "json"}
    assert empty["acled"] == ",".join(ACLED_COLUMNS) + "\n"
    assert empty["ucdp"] == ",".join(UCDP_COLUMNS) + "\n"
    assert json.loads(empty["geojson"]) == {"type": "FeatureCollection", "features": []}
    assert empty["jsonl"] == empty["plover"] == ""
    for fmt in ANALYSIS_FORMATS:
        assert fmt.render([analysis]).endswith("\n")
