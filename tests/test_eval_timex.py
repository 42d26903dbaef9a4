"""TempEval-3 Task A scorer: TimeML reading, one-to-one alignment and the reported figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecoder.eval.timex import Tally, Timex, align, evaluate, read_timeml

FIXTURES = Path(__file__).parent / "fixtures" / "times"


def timex(start: int, end: int, value: str = "2023-01-02", kind: str = "DATE") -> Timex:
    return Timex(start, end, kind, value, "")


def test_read_timeml_offsets_point_into_the_text() -> None:
    document = read_timeml(FIXTURES / "wire_ceasefire.tml")
    assert str(document.dct) == "2023-01-04"
    assert [document.text[g.start : g.end] for g in document.gold] == [
        g.text for g in document.gold
    ]
    assert [g.text for g in document.gold][:3] == ["on Monday", "overnight", "Wednesday"]
    assert len(document.gold) == 8  # the DCT is not among the scored expressions


def test_align_prefers_exact_extents_and_is_one_to_one() -> None:
    gold = [timex(0, 10), timex(12, 20)]
    system = [timex(5, 15), timex(12, 20), timex(0, 3)]
    pairs = align(gold, system)
    assert [(g.start, s.start, s.end) for g, s in pairs] == [(12, 12, 20), (0, 5, 15)]


def test_tally_figures_follow_te3() -> None:
    tally = Tally()
    gold = [timex(0, 9, "2023-01-02"), timex(20, 29, "P3W", "DURATION"), timex(40, 45)]
    system = [timex(3, 9, "2023-01-02"), timex(20, 29, "P2W", "DURATION"), timex(60, 64)]
    tally.add("doc", gold, system)
    span, attributes = tally.report("t").tables["span"], tally.report("t").tables["attributes"]
    strict, relaxed = span
    assert (strict["tp"], relaxed["tp"]) == (1, 2)
    assert relaxed["precision"] == pytest.approx(2 / 3) and relaxed["recall"] == pytest.approx(
        2 / 3
    )
    value = attributes[0]
    assert value["accuracy"] == pytest.approx(0.5)
    assert value["f1"] == pytest.approx(0.5 * 2 / 3)
    kinds = sorted((g is None, s is None) for _, g, s in tally.errors)
    assert kinds == [(False, False), (False, True), (True, False)]  # wrong value, miss, false alarm


def test_evaluate_runs_the_times_stage_on_a_folder() -> None:
    report = evaluate(FIXTURES)
    strict, relaxed = report.tables["span"]
    assert relaxed["gold"] == 8
    # "a while back" is annotated but not a temporal expression the stage knows
    assert relaxed["tp"] == 7 and relaxed["system"] == 7
    assert strict["tp"] == 6  # "on Monday": the stage leaves the preposition out
    value = report.tables["attributes"][0]
    assert value["correct"] == 7
    assert "HeidelTime" in report.to_text()


def test_evaluate_refuses_an_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        evaluate(tmp_path)
