"""Wire reports written for the project, each with the records a careful coder makes from it
(tests/fixtures/records, conventions in its README); and the record scorer on cases whose
answer is known.

Each report is one test that asserts its records are fully right. The reports wirecoder gets
wrong today are strict xfails naming what is wrong: a fix that makes one right turns it into an
unexpected pass, and its marker must then be removed, so the set only ever ratchets up.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from wirecoder.cli import app
from wirecoder.eval.wire_records import (
    ERROR_CLASSES,
    GoldError,
    GoldReport,
    ReportScore,
    build_report,
    load_gold,
    report_paths,
    score_analysis,
    score_directory,
)
from wirecoder.gazetteer import load as load_gazetteer
from wirecoder.schema import (
    Analysis,
    Article,
    Count,
    Event,
    Participant,
    PipelineInfo,
    Place,
    Size,
    Span,
    StageRef,
)

FIXTURES = Path(__file__).parent / "fixtures" / "records"
REPORTS = report_paths(FIXTURES)

CIVILIANS = "unnamed victims get no country"
XFAIL = {
    "bf-djibo-post": "no actor for 'suspected jihadist fighters'; the soldiers' country is not "
    "coded; the second source's 'up to 45' is not the high toll",
    "drc-bukavu-capture": "the capture's loser and 'the rebels'' country are not coded; the "
    "Goma battle's toll and capture, recalled as background, become rows; 'under occupation' "
    "becomes a second capture",
    "drc-djugu-toll-rose": "the agent 'by CODECO militiamen' is dropped; the displaced victims "
    "are coded as military; the toll that 'rose to 51' is missed",
    "drc-kanyabayonga-briefing": f"{CIVILIANS}; an event is placed in Kinshasa, where the "
    "spokesman spoke",
    "drc-mangina-adf": f"{CIVILIANS}; "
    "the ADF loses its country; dated to the week, not 'shortly before "
    "midnight on Sunday'; a decade's toll of thousands becomes a row",
    "drc-sake-unclear-control": f"{CIVILIANS}; "
    "the 'Goma (DR Congo) (AFP)' dateline is not lifted; Sake is "
    "not recognised and the fighting is placed in Goma; M23 is taken for a place; gains since "
    "2021 become a capture",
    "gaza-beit-lahiya-cumulative": f"{CIVILIANS}; "
    "no advance for 'tanks pushed deeper'; the strike is placed "
    "in Gaza City and dated to the week; the running total since Oct. 5 becomes rows",
    "gaza-deir-al-balah": f"{CIVILIANS}; "
    "Deir al-Balah resolves to another place; the tent camp's victims "
    "are coded military; the Nuseirat shooting is dated to the week",
    "gaza-netzarim-release": "'on Sunday' and 'a day after' are not used (dated to the week); "
    "Deir al-Balah resolves to Bal'a in Tulkarm; 'Israel released' loses its actor; Ofer prison "
    "is taken for a person",
    "gaza-rafah-aid-crowd": f"{CIVILIANS}; "
    "'fired on crowds' has no firearms mode and is dated to the week; "
    "'nearly 20' gets no best estimate",
    "gaza-strip-overlapping-tolls": f"{CIVILIANS}; "
    "'across Gaza' resolves to Gaza City; the Strip-wide toll "
    "counts the strikes listed apart; the war's 53,000 becomes a row; the detail strikes lose "
    "the Israeli actor and the day",
    "mali-niafunke-boat": f"{CIVILIANS}; "
    "dated to the week; 'nearly 20' and the army's 17 give no best "
    "estimate; the boat's name is taken for a person",
    "mali-tessalit-drones": f"{CIVILIANS}; "
    "the agent 'by the Malian army' is dropped; placed in the Kidal "
    "region, not near Tessalit",
    "mm-conscription-arrests": f"{CIVILIANS}; 'detained by the authorities' loses its country",
    "mm-magway-outlets": "the military that speaks of its troops is not the actor; the 17 "
    "killed are missed; '(Sep 6)', MRTV and outlets named after Myanmar become places",
    "mm-rakhine-kyauktaw": f"{CIVILIANS}; "
    "the base's defenders and the junta's troops get no country; the "
    "Monday shelling has no place and is dated to the week",
    "mm-sagaing-yinmabin": "placed in the Sagaing region, not Yinmabin township; 'last week' "
    "is not narrowed to Wednesday-Friday; the six found shot dead are not its toll",
    "mm-shan-kyaukme-airstrike": f"{CIVILIANS}; "
    "the 'BANGKOK:' dateline is not lifted and the strike is "
    "placed in Bangkok; dated to the week",
    "niger-ouallam-convoy": "placed in the Tillaberi region, not near Ouallam; the 2023 coup "
    "becomes a row",
    "sudan-el-fasher-hospital": "the 'PORT SUDAN, Sudan:' dateline is not lifted; the RSF "
    "becomes 'Sudan'; events placed in Port Sudan; the WHO's toll since December and the 2023 "
    "advance on Khartoum become rows",
    "sudan-kordofan-bara": "the toll in the next sentence is not the attack's; 'an army drone "
    "strike' has no actor",
    "sudan-nyala-two-tolls": f"{CIVILIANS}; "
    "the doctor's 48 is not the high estimate; the RSF's words on the "
    "bombing become a second row",
    "sudan-omdurman-market": f"{CIVILIANS}; "
    "the 'CAIRO, (Reuters)' dateline is not lifted and the shelling is "
    "placed in Cairo; the agent 'by the Rapid Support Forces' is dropped; dated to the week; "
    "'still controls' and 'regained ground' become captures",
    "sudan-port-sudan-drones": "the RSF the army blames is not the actor",
    "sudan-wad-madani-recaptured": f"{CIVILIANS}; "
    "the recapture is dated to the report, not Saturday-Sunday; "
    "the 137 killed over more than a year are neither counted nor dated; the 2023 capture "
    "becomes a row",
    "ua-belgorod-bus": "placed in the Belgorod region, not near Shebekino; the year's 56 dead "
    "become a row",
    "ua-commander-kostiantynivka": "'near the town' is anchored on Kyiv, where the commander "
    "spoke; Andriivka resolves to a village in Poltava oblast; 'it was unclear who controlled' "
    "becomes a capture",
    "ua-ivanivka-kramatorsk": f"{CIVILIANS}; 'wounding a teenage boy' is not counted; "
    "Novoselivka resolves to the wrong one of its namesakes",
    "ua-kharkiv-born-since": f"{CIVILIANS}; 'a girl and her grandmother' is not counted as "
    "two killed; 'for more than a year' starts a day short of the year",
    "ua-kherson-zaporizhzhia-regions": "the lead's sum becomes a third row; events placed in "
    "the cities of Kherson and Zaporizhzhia for their regions",
    "ua-odesa-overnight": CIVILIANS,
    "ua-odesa-ship-outlet": "the Syrian crew is not the recipient; no event for 'a Russian "
    "drone damaged the bulk carrier'",
    "ua-zaporizhzhia-subject": f"the toll in the next sentence is not the attack's; {CIVILIANS}",
    "westbank-jenin-raid": "'the city of Jenin' resolves to the governorate; the raid since "
    "Tuesday is dated to the week; an event is placed in Ramallah; 'hundreds killed' since the "
    "Gaza war becomes a row",
    "yemen-hays-clash": "placed in Yemen as a country, not near Hays; each side's dead become "
    "rows beside the 14; Saba news agency becomes a place",
    "yemen-marib-camp": "placed in the governorate, not near the city of Marib; no advance for "
    "'pushed to within a few kilometres'",
    "yemen-red-sea-ship": "the agent 'fired by Yemen's Houthi rebels' is dropped; placed in "
    "Yemen, not the Red Sea; the ship's name is taken for a person; 'its forces' lose their "
    "country",
    "yemen-sanaa-centcom": "'U.S. air strikes' are coded as the country, not the military",
    "yemen-taiz-sniper": f"{CIVILIANS}; "
    "the Houthi fighters the health office blames are not the actor; the "
    "shootings since Jan. 1 become a row",
}


def _cases() -> list[Any]:
    return [
        pytest.param(
            path.stem,
            id=path.stem,
            marks=[pytest.mark.xfail(strict=True, reason=XFAIL[path.stem])]
            if path.stem in XFAIL
            else [],
        )
        for path in REPORTS
    ]


@pytest.fixture(scope="module")
def scores() -> dict[str, ReportScore]:
    return {score.gold.report: score for score in score_directory(FIXTURES)}


@pytest.mark.parametrize("name", _cases())
def test_report_records_are_fully_right(name: str, scores: dict[str, ReportScore]) -> None:
    score = scores[name]
    assert score.fully_right, "\n".join(score.problems())


def test_every_xfail_names_a_report() -> None:
    assert set(XFAIL) <= {path.stem for path in REPORTS}


# ------------------------------------------------------------------------------ the set itself


def test_the_set_covers_six_conflicts_and_every_error_class_three_times() -> None:
    golds = [load_gold(path.with_name(path.stem + ".gold.json")) for path in REPORTS]
    assert len(golds) >= 36
    assert len({gold.conflict for gold in golds}) >= 6
    per_class: Counter[int] = Counter(number for gold in golds for number in gold.all_classes)
    assert all(per_class[number] >= 3 for number in ERROR_CLASSES), per_class


@pytest.mark.parametrize("path", REPORTS, ids=[path.stem for path in REPORTS])
def test_each_report_is_a_short_wire_story_with_its_sidecar(path: Path) -> None:
    words = len(path.read_text(encoding="utf-8").split())
    assert 80 <= words <= 250
    sidecar = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert {"published", "publisher", "title"} <= set(sidecar)
    dt.date.fromisoformat(sidecar["published"])


def test_gold_places_are_the_gazetteer_entries_they_name() -> None:
    gazetteer = load_gazetteer()
    supplement = {entry.id: entry for entry in gazetteer.supplement}
    for path in REPORTS:
        gold = load_gold(path.with_name(path.stem + ".gold.json"))
        for event in gold.events:
            place = event.place
            if place is None:
                continue
            if place.geonames_id is None:
                assert place.supplement_id in supplement, (gold.report, place)
                continue
            entry = gazetteer.get(place.geonames_id)
            assert entry is not None, (gold.report, place)
            assert (entry.name, entry.admin1, entry.country) == (
                place.name,
                place.admin1,
                place.country,
            ), (gold.report, event.id)
            if place.precision == 4:
                assert entry.fcode == "ADM1", (gold.report, event.id)


# --------------------------------------------------------------- the scorer on known answers

TEXT = (
    "Artillery shelled the village of Zorya on Monday, killing three civilians. "
    "It was unclear who controlled Zorya afterwards. "
    "Drones struck the Polissia region on Tuesday."
)
SECOND = TEXT.index("It was")
THIRD = TEXT.index("Drones")
STAGE = StageRef(name="test", version="1")


def _span(piece: str) -> Span:
    start = TEXT.index(piece)
    return Span.of(TEXT, start, start + len(piece))


def _sentence(start: int, end: int) -> Span:
    return Span.of(TEXT, start, end)


def _place(ident: str, geonames_id: int, admin1: str, precision: int, word: str) -> Place:
    return Place.model_validate(
        {
            "id": ident,
            "stage": STAGE,
            "name": word,
            "mentions": [_span(word)],
            "geonames_id": geonames_id,
            "country_code": "UA",
            "admin1": admin1,
            "precision": precision,
        }
    )


def _event(ident: str, trigger: str, sentence: Span, **fields: Any) -> Event:
    return Event.model_validate(
        {"id": ident, "stage": STAGE, "trigger": _span(trigger), "spans": [sentence], **fields}
    )


def _analysis(events: list[Event], places: list[Place]) -> Analysis:
    article = Article(text=TEXT, published=dt.date(2025, 3, 5))
    info = PipelineInfo(model="none", model_version="0", stages=[], wirecoder_version="0")
    return Analysis(article=article, pipeline=info, places=places, events=events)


def _gold(**changes: Any) -> GoldReport:
    event: dict[str, Any] = {
        "id": "e1",
        "sentence": "Artillery shelled the village of Zorya",
        "trigger": "shelled",
        "type": "ASSAULT",
        "mode": "heavy-weapons",
        "actor": None,
        "recipient": {"country": "UKR", "sector": "CVL"},
        "place": {
            "geonames_id": 101,
            "name": "Zorya",
            "admin1": "Polisska oblast",
            "country": "UA",
            "precision": 1,
        },
        "date": {"start": "2025-03-03", "end": "2025-03-03", "precision": 1},
        "killed": {"low": 3, "best": 3, "high": 3},
        "main": True,
    }
    region = {
        "id": "e2",
        "sentence": "Drones struck the Polissia region",
        "trigger": "struck",
        "type": "ASSAULT",
        "place": {
            "geonames_id": 100,
            "name": "Polisska oblast",
            "admin1": "Polisska oblast",
            "country": "UA",
            "precision": 4,
        },
        "date": {"start": "2025-03-04", "end": "2025-03-04", "precision": 1},
    }
    gold: dict[str, Any] = {
        "report": "synthetic",
        "conflict": "test",
        "classes": [4, 9],
        "dateline": None,
        "events": [event | changes, region],
        "must_not": [
            {
                "kind": "event",
                "sentence": "It was unclear who controlled Zorya",
                "type": "ASSAULT",
                "mode": "capture",
                "classes": [9],
                "note": "unclear control is no capture",
            }
        ],
    }
    return GoldReport.model_validate(gold)


ZORYA = _place("P1", 101, "Polisska oblast", 1, "Zorya")
REGION = _place("P2", 100, "Polisska oblast", 4, "Polissia region")
CITY = _place("P3", 102, "Polisska oblast", 1, "Polissia")


def _shelling(**changes: Any) -> Event:
    fields: dict[str, Any] = {
        "type": "ASSAULT",
        "mode": "heavy-weapons",
        "recipient": Participant(name="three civilians", country="UKR", sector="CVL"),
        "place_id": "P1",
        "where_precision": 1,
        "date_start": dt.date(2025, 3, 3),
        "date_end": dt.date(2025, 3, 3),
        "size": Size(killed=Count(low=3, best=3, high=3)),
        "main": True,
    }
    return _event("E1", "shelled", _sentence(0, SECOND - 1), **(fields | changes))


def _drones(place_id: str, precision: int) -> Event:
    return _event(
        "E2",
        "struck",
        _sentence(THIRD, len(TEXT)),
        type="ASSAULT",
        place_id=place_id,
        where_precision=precision,
        date_start=dt.date(2025, 3, 4),
        date_end=dt.date(2025, 3, 4),
    )


def test_a_right_analysis_scores_every_record_and_the_report_right() -> None:
    analysis = _analysis([_shelling(), _drones("P2", 4)], [ZORYA, REGION, CITY])
    score = score_analysis(_gold(), analysis)
    assert [event.fully_right for event in score.events] == [True, True]
    assert score.toll_total == (3, 3)
    assert score.fully_right, score.problems()


def test_a_region_resolved_to_a_city_in_it_is_the_wrong_place() -> None:
    analysis = _analysis([_shelling(), _drones("P3", 1)], [ZORYA, REGION, CITY])
    score = score_analysis(_gold(), analysis)
    assert score.events[1].fields["place"] is False
    assert not score.fully_right


def test_each_field_is_judged_apart() -> None:
    wrong = _shelling(
        mode="aerial",
        date_start=dt.date(2025, 2, 27),
        size=Size(killed=Count(low=3, best=3, high=None)),
    )
    analysis = _analysis([wrong, _drones("P2", 4)], [ZORYA, REGION, CITY])
    fields = score_analysis(_gold(), analysis).events[0].fields
    assert fields["type"] is False and fields["date"] is False and fields["toll"] is False
    assert fields["actor"] and fields["recipient"] and fields["place"] and fields["occurred"]
    assert fields["date_precision"] is False  # the gold says one day; the output gave none


def test_an_invented_capture_breaks_its_must_not_item() -> None:
    capture = _event(
        "E3",
        "controlled",
        _sentence(SECOND, THIRD - 1),
        type="ASSAULT",
        mode="capture",
        place_id="P1",
    )
    analysis = _analysis([_shelling(), _drones("P2", 4), capture], [ZORYA, REGION, CITY])
    score = score_analysis(_gold(), analysis)
    assert all(event.fully_right for event in score.events)
    assert score.violations == {0: ["E3"]} and score.invented == {"E3"}
    assert not score.fully_right
    table = build_report([score], "t").tables["per error class"]
    row = next(row for row in table if row["error_class"] == 9)
    assert row["must_not"] == 1 and row["must_not_held"] == 0.0


def test_a_toll_counted_twice_shows_in_the_total() -> None:
    again = _event(
        "E4",
        "killing",
        _sentence(0, SECOND - 1),
        type="ASSAULT",
        size=Size(killed=Count(low=3, best=3, high=3)),
    )
    analysis = _analysis([_shelling(), again, _drones("P2", 4)], [ZORYA, REGION, CITY])
    score = score_analysis(_gold(), analysis)
    assert score.events[0].predicted is not None and score.events[0].predicted.id == "E1"
    assert score.toll_total == (3, 6)
    assert not score.fully_right


def test_a_missing_or_speculative_event_is_not_found_or_not_a_row() -> None:
    future = _shelling(aux=["future"])
    score = score_analysis(_gold(), _analysis([future, _drones("P2", 4)], [ZORYA, REGION]))
    assert score.events[0].fields["occurred"] is False
    assert score_analysis(_gold(occurred=False), _analysis([future], [ZORYA])).events[0].fully_right
    missing = score_analysis(_gold(), _analysis([_drones("P2", 4)], [REGION]))
    assert missing.events[0].predicted is None and not missing.events[0].fully_right


def test_gold_that_does_not_fit_its_text_fails_loudly(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="not in the report"):
        score_analysis(_gold(sentence="Tanks shelled the village"), _analysis([], []))
    broken = tmp_path / "broken.gold.json"
    broken.write_text('{"report": "x"}', encoding="utf-8")
    with pytest.raises(GoldError, match="broken.gold.json"):
        load_gold(broken)
    with pytest.raises(ValueError, match="exactly one event as main"):
        _gold(main=False)


def test_eval_wire_prints_fields_classes_and_the_published_figure(tmp_path: Path) -> None:
    for suffix in (".txt", ".json", ".gold.json"):
        name = "ua-odesa-overnight" + suffix
        (tmp_path / name).write_bytes((FIXTURES / name).read_bytes())
    result = CliRunner().invoke(app, ["eval", "wire", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for heading in ("fields", "per error class", "per report", "10 real wire stories"):
        assert heading in result.output
