"""The HRDsAttack record scorer on a tiny gold file written for these tests (same JSON shape):
gold normalisation, places compared through the gazetteer, the dataset's accuracy and micro
F1, fuzzy victim names; and the whole evaluation, pipeline included."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import shared_path

from wirecoder.eval.records import PUBLISHED, Record, evaluate, read_items, score
from wirecoder.schema import Place, Span, StageRef

GOLD = Path(__file__).parent / "fixtures" / "records" / "hrds_mini.json"
STAGE = StageRef(name="test", version="1")


def _place(
    name: str, feature: str, country: str, admin1: str | None, geonames: int | None
) -> Place:
    return Place(
        id=f"P-{name}",
        stage=STAGE,
        name=name,
        mentions=[Span(start=0, end=len(name), text=name)],
        feature=feature,
        country_code=country,
        admin1=admin1,
        geonames_id=geonames,
    )


def _row(rows: list[dict[str, Any]], **match: str) -> dict[str, Any]:
    return next(row for row in rows if all(row[key] == value for key, value in match.items()))


def test_gold_values_are_normalised_as_the_dataset_loader_does() -> None:
    items = read_items(GOLD)
    assert [item.id for item in items] == ["1001", "1002", "1003", "1004", "1005"]
    first, second, third, _, last = (item.gold for item in items)
    assert (first.year, first.month, first.day) == (2023, 6, 14)
    assert (second.month, second.day) == (4, 12)  # "April", "12"
    assert third.month == 3 and third.day is None and third.region is None  # "Mar", null, "None"
    assert third.victims == ()  # a victim without a name is no name
    assert (last.year, last.month, last.day, last.city, last.country) == (None,) * 5
    assert last.violation_types == {"unknown"} and last.perpetrator_mentioned is False
    article = items[0].article
    assert article.title == "Gunmen seize two aid workers from Nyala clinic"
    assert article.published is not None and article.published.isoformat() == "2023-06-16"
    assert "\n\n" in article.text and "<p>" not in article.text


def _records() -> list[Record]:
    nyala = _place("Nyala", "city", "SD", "South Darfur", None)
    minneapolis = _place("Minneapolis", "city", "US", "Minnesota", None)
    kyiv = _place("Kyiv", "capital", "UA", "Kyiv", 703448)
    return [
        Record(
            event_id="E1",
            perpetrator_mentioned=True,
            perpetrator_type="other actors without permissions",
            violation_types=frozenset({"kidnapping", "other"}),
            year=2023,
            month=6,
            day=14,
            place=nyala,
            country="SD",
            victims=("Amal Idris", "Karar"),
        ),
        Record(  # the wrong day; "USA" is our US; the region is the city's admin1
            event_id="E1",
            perpetrator_mentioned=True,
            perpetrator_type="state actor",
            violation_types=frozenset({"arbitrary detention"}),
            year=2021,
            month=4,
            day=13,
            place=minneapolis,
            country="US",
        ),
        Record(  # China by its ISO code; no place below it; a day the gold does not have
            event_id="E1",
            perpetrator_mentioned=True,
            perpetrator_type="state actor",
            violation_types=frozenset({"arbitrary detention"}),
            year=2021,
            month=3,
            day=18,
            dated="event",
            country="CN",
        ),
        Record(  # "Kiev" is our Kyiv, by GeoNames id
            event_id="E1",
            perpetrator_mentioned=False,
            violation_types=frozenset({"killing"}),
            year=2022,
            month=3,
            day=1,
            place=kyiv,
            country="UA",
            victims=("Marchuk", "Ukraine's prosecutor general"),
        ),
        Record(),
    ]


def test_the_scorer_counts_as_the_dataset_does_and_compares_places_by_identity() -> None:
    report = score(read_items(GOLD), _records(), title="mini")
    fields = {row["field"]: row for row in report.tables["fields"]}
    assert fields["country"]["accuracy"] == 1.0  # Sudan, USA, China, Kiev's Ukraine, none
    assert fields["city"]["accuracy_with_gold"] == 0.75  # Beijing is missing
    assert fields["city"]["accuracy"] == 0.8  # no city on both sides of the last item is right
    assert fields["region"]["with_gold"] == 2 and fields["region"]["accuracy_with_gold"] == 1.0
    assert fields["region"]["accuracy"] == 0.8  # ours has Kyiv's province where the gold has none
    assert fields["day"]["accuracy_with_gold"] == pytest.approx(2 / 3)
    assert fields["day"]["accuracy"] == pytest.approx(3 / 5)
    assert fields["perpetrator mentioned"]["accuracy"] == 0.8
    assert fields["perpetrator type"]["t5_large_published"] == PUBLISHED["perpetrator type"]
    sets = report.tables["sets"]
    kinds = _row(sets, field="violation types", scope="the article's events")
    # ours: 2 + 1 + 1 + 1 + 1 labels, gold: 1 + 1 + 2 + 1 + 1; shared: 1 + 1 + 1 + 1 + 1
    assert kinds["precision"] == pytest.approx(5 / 6) and kinds["recall"] == pytest.approx(5 / 6)
    names = _row(sets, field="victim names", scope="the article's events")
    # ours: Amal Idris, Karar (within Yousif Karar), Marchuk, a non-name; gold: four names
    assert names["precision"] == pytest.approx(3 / 4) and names["recall"] == pytest.approx(3 / 4)
    causes = {(row["field"], row["cause"]) for row in report.tables["errors"]}
    assert ("day", "gold has none, ours from its own date") in causes
    assert ("day", "another value (no date)") in causes
    assert ("perpetrator mentioned", "no actor") in causes
    assert ("region", "gold has none, ours given") in causes


def test_the_whole_evaluation_runs_the_pipeline_and_writes_details(tmp_path: Path) -> None:
    details = tmp_path / "details.jsonl"
    report = evaluate(GOLD, details=details)
    fields = {row["field"]: row for row in report.tables["fields"]}
    assert set(fields) == {
        "perpetrator mentioned",
        "perpetrator type",
        "year",
        "month",
        "day",
        "city",
        "region",
        "country",
    }
    assert all(row["items"] == 5 for row in fields.values())
    assert fields["country"]["accuracy_with_gold"] >= 0.75
    assert fields["year"]["accuracy_with_gold"] >= 0.75
    assert fields["country"]["any_event"] >= fields["country"]["accuracy_with_gold"] - 1e-9
    rows = [json.loads(line) for line in details.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows] == ["1001", "1002", "1003", "1004", "1005"]
    assert rows[0]["main_event"]["main"] is True
    assert rows[-1]["main_event"] is None and rows[-1]["ours"]["event_id"] is None
    text = report.to_text()
    assert "t5_large_published" in text and "46-50" in text


@pytest.mark.shared
@pytest.mark.slow
def test_shared_dev_split_reads_and_scores() -> None:
    items = read_items(shared_path("bench", "records", "hrdsattack", "dev.json"))
    assert len(items) == 100
    report = score(items, [Record() for _ in items])
    fields = {row["field"]: row for row in report.tables["fields"]}
    assert fields["country"]["accuracy_with_gold"] == 0.0
