"""The HRDsAttack record scorer on a tiny gold file written for these tests (same JSON shape):
gold normalisation, places compared through the gazetteer, the dataset's accuracy and micro
F1, fuzzy victim names; and the whole evaluation, pipeline included."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import shared_path

from wirecoder.eval.records import PUBLISHED, Record, evaluate, read_items, record_of, score
from wirecoder.schema import (
    Actor,
    Analysis,
    Article,
    Event,
    Participant,
    PipelineInfo,
    Place,
    Span,
    StageRef,
    TimeExpression,
)

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


# ------------------------------------------------------------- records from hand-built events

TEXT = (
    "Police in Nyala detained a lawyer, Hamid Osman, on Tuesday. Masked gunmen abducted two "
    "teachers. Officers of the Kano Police Command shot dead a trader.\n\nIn 2019 a court in "
    "Nyala jailed three unionists."
)


def _event(event_id: str, kind: str, word: str, **fields: Any) -> Event:
    start = TEXT.index(word)
    sentence = next(m.span() for m in re.finditer(r"[^.\n ][^.\n]*\.", TEXT) if m.end() > start)
    return Event.model_validate(
        {
            "id": event_id,
            "stage": STAGE,
            "type": kind,
            "trigger": Span.of(TEXT, start, start + len(word)),
            "spans": [Span.of(TEXT, *sentence)],
            **fields,
        }
    )


def _hand_analysis(events: list[Event], times: tuple[TimeExpression, ...] = ()) -> Analysis:
    nyala = _place("Nyala", "city", "SD", "South Darfur", None)
    nyala.mentions = [Span.of(TEXT, m.start(), m.end()) for m in re.finditer("Nyala", TEXT)]
    return Analysis(
        article=Article(text=TEXT, published=dt.date(2023, 6, 16)),
        pipeline=PipelineInfo(model="none", model_version="0", stages=[], wirecoder_version="0"),
        places=[nyala],
        times=list(times),
        actors=[Actor(id="A1", stage=STAGE, name="Hamid Osman", kind="person")],
        events=events,
    )


def test_a_record_takes_doer_place_date_and_harm_from_the_main_event_and_the_article() -> None:
    police = Participant(name="Police", sector="COP")
    lawyer = Participant(name="Hamid Osman", actor_id="A1")
    day = dt.date(2023, 6, 13)
    detained = _event(
        "E1",
        "COERCE",
        "detained",
        mode="arrest",
        actor=police,
        recipient=lawyer,
        place_id="P-Nyala",
        time_id="T1",
        date_start=day,
        date_end=day,
        date_precision=1,
        main=True,
    )
    abducted = _event(
        "E2", "ASSAULT", "abducted", mode="abduct", actor=Participant(name="Masked gunmen")
    )
    shot = _event(
        "E3",
        "ASSAULT",
        "shot dead",
        mode="firearms",
        actor=Participant(name="Officers of the Kano Police Command"),
        size={"killed": {"best": 1}},
    )
    jailed = _event("E4", "COERCE", "jailed", mode="arrest", aux=["historical"])
    threatened = _event("E5", "ASSAULT", "abducted", mode="abduct", aux=["future"])
    record = record_of(_hand_analysis([detained, abducted, shot, jailed, threatened]))
    assert record.event_id == "E1" and record.perpetrator_type == "state actor"
    assert (record.year, record.month, record.day, record.dated) == (2023, 6, 13, "event")
    assert record.city is not None and record.city.name == "Nyala" and record.located == "event"
    assert record.region == "South Darfur" and record.country == "SD"
    # every harm the article reports happened, the recalled jailing too; not the threatened one
    assert record.violation_types == {"arbitrary detention", "kidnapping", "killing", "other"}
    assert record.incident_violations == {"arbitrary detention"}
    assert record.victims == ("Hamid Osman",)


def test_the_article_fills_what_the_main_event_does_not_say() -> None:
    time = TimeExpression(
        id="T1",
        stage=STAGE,
        span=Span.of(TEXT, TEXT.index("2019"), TEXT.index("2019") + 4),
        type="DATE",
        value="2019",
        start=dt.date(2019, 1, 1),
        end=dt.date(2019, 12, 31),
    )
    shot = _event(
        "E1",
        "ASSAULT",
        "shot dead",
        mode="firearms",
        main=True,
        date_start=dt.date(2023, 6, 10),
        date_end=dt.date(2023, 6, 16),
        date_precision=2,
    )
    other = _event(
        "E2",
        "ASSAULT",
        "abducted",
        mode="abduct",
        actor=Participant(name="Officers of the Kano Police Command"),
    )
    record = record_of(_hand_analysis([shot, other], (time,)))
    # the doer of another assault, named by its words as police: the state's
    assert record.doer_from == "article" and record.perpetrator_type == "state actor"
    # no date of its own: the first date the article gives, at its precision
    assert (record.year, record.month, record.day, record.dated) == (2019, None, None, "article")
    # no place of its own: the town the article names most
    assert record.city is not None and record.city.name == "Nyala" and record.located == "article"
    arrest = _event("E1", "COERCE", "detained", mode="arrest", main=True)
    assert record_of(_hand_analysis([arrest])).perpetrator_type == "state actor"  # by its mode
    assert record_of(_hand_analysis([])) == Record()
