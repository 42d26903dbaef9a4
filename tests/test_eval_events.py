"""The events scorer on small gold files written for these tests, and on ../shared when present."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import shared_path

from wirecoder.eval.events import evaluate

FIXTURES = Path(__file__).parent / "fixtures" / "events"


def _row(rows: list[dict[str, Any]], key: str, value: str) -> dict[str, Any]:
    return next(row for row in rows if row[key] == value)


def test_case_scores_weighted_and_macro_f1_with_a_per_class_table() -> None:
    report = evaluate(case2021=FIXTURES / "case_mini.tsv")
    summary = report.tables["CASE 2021 Task 2"]
    acled = _row(summary, "labels", "ACLED sub-types (Subtask 1)")
    everything = _row(summary, "labels", "all 30 labels (Subtask 3)")
    assert acled["snippets"] == 5 and everything["snippets"] == 6
    classes = {row["label"]: row for row in report.tables["per class"]}
    assert classes["SUIC_BOMB"]["f1"] == 1.0
    assert classes["GOV_REGAINS_TERIT"]["f1"] == 1.0
    assert classes["DISR_WEAP"]["f1"] == 1.0
    assert classes["DIPLO"]["acled"] is False
    assert 0.5 <= float(acled["weighted_f1"]) <= 1.0
    assert float(acled["macro_f1"]) <= 1.0
    assert "no ACLED training data" in report.to_text()


def test_plover_records_score_type_and_actor_codes() -> None:
    report = evaluate(plover_gsr=FIXTURES / "gsr_mini.json")
    rows = report.tables["PLOVER gold records"]
    types = _row(rows, "measure", "event type accuracy")
    assert types["total"] == 3
    assert types["correct"] == 3
    actors = _row(rows, "measure", "actor code (ISO alpha-3 / IGO) accuracy")
    assert actors["correct"] == 3 and actors["total"] == 3
    by_type = {row["gold"]: row for row in report.tables["PLOVER type by gold type"]}
    assert set(by_type) == {"ASSAULT", "REQUEST", "CONSULT"}


@pytest.mark.shared
@pytest.mark.slow
def test_shared_gold_sets_meet_the_bars() -> None:
    report = evaluate(
        case2021=shared_path("bench", "events", "case2021_task2", "dev.tsv"),
        plover_gsr=shared_path("bench", "events", "plover_gsr", "PLOVER_GSR_CAMEO.json"),
    )
    acled = _row(report.tables["CASE 2021 Task 2"], "labels", "ACLED sub-types (Subtask 1)")
    assert float(acled["weighted_f1"]) >= 0.70
    types = _row(report.tables["PLOVER gold records"], "measure", "event type accuracy")
    assert float(types["accuracy"]) >= 0.75
