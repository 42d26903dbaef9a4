"""Queries, tables and the situation report over the generated corpus (SQLite and PostgreSQL),
and the events/claims/sitrep commands."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from postgres import postgres_server, store_url
from typer.testing import CliRunner

from wirecoder.cli import app
from wirecoder.corpus import rebuild
from wirecoder.report import (
    Incident,
    SituationReport,
    TimelineDay,
    build,
    render_rows,
    timeline_days,
    to_html,
    to_markdown,
)
from wirecoder.store import (
    Area,
    Filters,
    Store,
    claims,
    events,
    names_region,
    open_store,
    timeline,
)
from wirecoder.testing import INCIDENTS, generate

__all__ = ["postgres_server", "store_url"]  # the database fixtures these tests use

THURSDAY = dt.date(2023, 4, 6)
DONETSK_BOX = Area.parse("37.0,47.5,38.5,49.0")


def filled(url: str) -> Store:
    store = open_store(url)
    for analysis in generate(reports_per_incident=4).analyses:
        store.save(analysis)
    rebuild(store)
    return store


@pytest.fixture(scope="module")
def sqlite_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return filled(str(tmp_path_factory.mktemp("report") / "corpus.db"))


def test_event_filters_agree_on_both_databases(store_url: str) -> None:
    with filled(store_url) as store:
        day = events(store, Filters(since=THURSDAY, until=THURSDAY))
        assert day and all(row["date_start"] <= THURSDAY <= row["date_end"] for row in day)
        named = events(store, Filters(area=Area.parse("kharkiv")))
        assert {row["place"] for row in named} == {"Kupiansk"}
        everywhere = len(events(store, Filters()))
        for country in ("Ukraine", "UA", "ukr"):
            assert len(events(store, Filters(area=Area.parse(country)))) == everywhere
        assert events(store, Filters(area=Area.parse("Belarus"))) == []
        boxed = events(store, Filters(area=DONETSK_BOX))
        assert boxed and all(37.0 <= row["longitude"] <= 38.5 for row in boxed)
        assert {row["place"] for row in boxed} >= {"Bakhmut", "Avdiivka"}
        assert {row["type"] for row in events(store, Filters(type="coerce"))} == {"COERCE"}
        relayed = events(store, Filters(source="TASS"))
        assert relayed and len(relayed) < len(events(store, Filters()))
        assert sum(count for _, count in timeline(store, Filters(area=DONETSK_BOX))) == len(boxed)


def test_wide_intervals_still_match_the_window(sqlite_store: Store) -> None:
    vague = [row for row in events(sqlite_store, Filters()) if row["date_start"] != row["date_end"]]
    assert vague, "the generated corpus has vague dates"
    row = vague[0]
    inside = row["date_end"]
    assert row["id"] in {r["id"] for r in events(sqlite_store, Filters(since=inside, until=inside))}


def test_claims_by_source_chain_and_area(sqlite_store: Store) -> None:
    ministry = claims(sqlite_store, Filters(source="the Russian defense ministry"))
    assert ministry and {row["origin"] for row in ministry} == {"Russian Defence Ministry"}
    relayed = claims(sqlite_store, Filters(source="Interfax"))
    assert relayed and all("Interfax" in row["chain"] for row in relayed)
    kherson = claims(sqlite_store, Filters(area=Area.parse("Kherson")))
    assert kherson and all("Kherson" in row["content"] for row in kherson)


def test_rows_render_as_table_csv_and_json() -> None:
    rows: list[dict[str, Any]] = [
        {"id": 1, "day": dt.date(2023, 4, 6), "text": 'a, "quoted" b'},
        {"id": 2, "day": None, "text": ""},
    ]
    assert list(csv.reader(io.StringIO(render_rows(rows, "csv"))))[1] == [
        "1",
        "2023-04-06",
        'a, "quoted" b',
    ]
    assert json.loads(render_rows(rows, "json"))[0]["day"] == "2023-04-06"
    table = render_rows(rows, "table", ["id", "text"])
    assert "quoted" in table and "2 rows" in table and "day" not in table


def test_sitrep_attributes_every_incident_and_names_both_sides(sqlite_store: Store) -> None:
    report = build(sqlite_store, THURSDAY, days=2, area=Area.parse("Donetsk"))
    assert list(report.areas) == ["Donetsk"]
    bakhmut = next(i for i in report.incidents if i.place == "Bakhmut")
    assert bakhmut.headline.startswith("Reported assault")
    assert bakhmut.origins == ("British military intelligence", "Russian Defence Ministry")
    [dispute] = bakhmut.disputes
    assert (
        "control of Bakhmut" in dispute
        and "denied by Ukraine's Eastern Military Command" in dispute
    )
    avdiivka = next(i for i in report.incidents if i.place == "Avdiivka")
    assert any("figures differ" in dispute for dispute in avdiivka.disputes)
    markdown = to_markdown(report)
    assert "## Donetsk" in markdown and "Independent origins:** 2" in markdown
    assert "Kherson" not in markdown


def test_sitrep_and_events_give_one_toll_per_event_with_who_says_what(sqlite_store: Store) -> None:
    """One toll per event: the range of the voices' latest figures, then each voice's; the
    side denying the capture is listed as contesting it, not among its origins."""
    report = build(sqlite_store, THURSDAY, days=2, area=Area.parse("Donetsk"))
    avdiivka = next(i for i in report.incidents if i.place == "Avdiivka")
    low_high, *voices = avdiivka.toll
    assert low_high.startswith("killed ") and len(voices) == 2
    assert {voice.split(":")[0] for voice in voices} == set(avdiivka.origins)
    bakhmut = next(i for i in report.incidents if i.place == "Bakhmut")
    assert bakhmut.contesting == ("Ukraine's Eastern Military Command",)
    assert "Ukraine's Eastern Military Command" not in bakhmut.origins
    markdown = to_markdown(report)
    assert "**Toll:**" in markdown and "**Contested by:** Ukraine's Eastern" in markdown
    rows = events(sqlite_store, Filters(area=Area.parse("Avdiivka")))
    assert {row["toll_killed"] for row in rows} == {low_high.removeprefix("killed ")}
    assert all(row["cluster_kind"] == "event" for row in rows)


def test_sitrep_html_embeds_a_map_and_a_timeline(sqlite_store: Store) -> None:
    page = to_html(build(sqlite_store, THURSDAY, days=7))
    assert page.count("data:image/png;base64,") == 2
    assert "<h2>Kharkiv</h2>" in page


def _incident(start: dt.date | None, end: dt.date | None) -> Incident:
    return Incident(
        headline="Reported assault", place=None, latitude=None, longitude=None,
        date_start=start, date_end=end, sentence=None, sentence_publisher="Kestrel News",
        reports=1, publishers=("Kestrel News",), origins=(), voices=(), disputes=(),
        merge_reasons=(),
    )  # fmt: skip


def test_the_timeline_shows_the_reports_days_and_a_week_dated_incident_inside_them() -> None:
    week = _incident(dt.date(2023, 4, 1), dt.date(2023, 4, 7))
    day = _incident(dt.date(2023, 4, 6), dt.date(2023, 4, 6))
    before = _incident(dt.date(2023, 3, 20), dt.date(2023, 3, 20))
    report = SituationReport(dt.date(2023, 4, 5), dt.date(2023, 4, 7), None)
    report.areas = {"Donetsk": [week, day, before, _incident(None, None)]}
    assert timeline_days(report) == [
        TimelineDay(dt.date(2023, 4, 5), dated=0, spanned=1),
        TimelineDay(dt.date(2023, 4, 6), dated=1, spanned=1),
        TimelineDay(dt.date(2023, 4, 7), dated=0, spanned=1),
    ]
    assert "hatched, dated only to a span of days" in to_html(report)


def test_empty_window_says_so(sqlite_store: Store) -> None:
    report = build(sqlite_store, dt.date(2020, 1, 1))
    assert "No events stored for this window." in to_markdown(report)
    assert "data:image/png" not in to_html(report)


def test_headline_says_denied_or_foreseen_when_no_report_says_it_happened(tmp_path: Path) -> None:
    [capture] = [incident for incident in INCIDENTS if incident.key == "vuhledar-capture"]
    reports = generate(reports_per_incident=4, incidents=[capture]).analyses
    denials = [a for a in reports if all("negated" in event.aux for event in a.events)]
    foreseen = [
        a.model_copy(
            update={"events": [e.model_copy(update={"aux": ["future"]}) for e in a.events]}
        )
        for a in reports
        if a not in denials
    ][:1]
    with open_store(str(tmp_path / "denied.db")) as store:
        for analysis in [*denials, *foreseen]:
            store.save(analysis)
        rebuild(store)
        report = build(store, capture.day, days=3)
    headlines = sorted(incident.headline.split()[0] for incident in report.incidents)
    assert headlines == ["Denied", "Foreseen"], [i.headline for i in report.incidents]
    assert all(incident.origins == () for incident in report.incidents)


def test_query_and_sitrep_commands(tmp_path: Path) -> None:
    database = str(tmp_path / "cli.db")
    filled(database).close()
    runner = CliRunner()
    result = runner.invoke(
        app, ["events", "--db", database, "--area", "Bakhmut", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert {row["place"] for row in json.loads(result.stdout)} == {"Bakhmut"}
    result = runner.invoke(app, ["claims", "--db", database, "--source", "TASS", "-f", "csv"])
    assert result.exit_code == 0 and result.stdout.startswith("id,published,publisher")
    report = tmp_path / "sitrep.html"
    result = runner.invoke(
        app,
        [
            "sitrep",
            "--db",
            database,
            "--date",
            "2023-04-06",
            "--days",
            "3",
            "--html",
            "-o",
            str(report),
        ],
    )
    assert result.exit_code == 0, result.output
    assert report.read_text().startswith("<!doctype html>")
    result = runner.invoke(app, ["events", "--db", database, "--since", "last week"])
    assert result.exit_code == 2 and "--since" in result.stderr
    result = runner.invoke(
        app, ["sitrep", "--db", database, "--date", "2023-04-06", "--area", "40,50,30,45"]
    )
    assert result.exit_code == 2 and "west<=east" in result.stderr


@pytest.mark.parametrize(
    ("short", "region", "names"),
    [
        ("donetsk", "donetska oblast", True),
        ("kharkiv", "kharkivska oblast", True),
        ("donetsk", "donetsk", True),
        ("region 1", "region 10", False),
        ("don", "donetska oblast", False),
        ("kyiv", "kyiv city", False),
    ],
)
def test_a_short_name_stands_for_its_region(short: str, region: str, names: bool) -> None:
    assert names_region(short, region) is names


def test_an_area_is_a_province_else_a_country_by_name() -> None:
    from wirecoder.report import area_name
    from wirecoder.store import PlaceRow

    town = PlaceRow(key="t", name="Mazyr", feature="town", country_code="BY", admin1="Homel")
    country = PlaceRow(key="c", name="Belarus", feature="country", country_code="BY")
    lake = PlaceRow(key="l", name="Lake Naroch", feature="lake", country_code="BY")
    assert [area_name(place) for place in (town, country, lake)] == ["Homel", "Belarus", "Belarus"]
