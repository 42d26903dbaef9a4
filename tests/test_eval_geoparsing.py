"""The geoparsing scorer: EUPEG's rule on hand-made files, our row on a hand-made GWN file, and
the archived peer outputs reproducing EUPEG's published figures."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from conftest import shared_path

from wirecoder.eval.geoparsing import (
    PUBLISHED,
    PUBLISHED_F1,
    Toponym,
    auc,
    evaluate,
    haversine_km,
    overlaps,
    read_eupeg,
    read_gwn,
    score,
)

FIXTURES = Path(__file__).parent / "fixtures" / "places"


def test_read_eupeg_drops_nothing_but_keeps_null_coordinates_unlocated() -> None:
    articles = read_eupeg(FIXTURES / "eupeg" / "GeoWebNews_Toy.txt")
    assert [len(article) for article in articles] == [2, 3]
    rhone = articles[1][2]
    assert rhone.name == "Rhone" and not rhone.located


def test_eupeg_rule_needs_the_same_string_near_the_same_place() -> None:
    gold = read_eupeg(FIXTURES / "eupeg" / "GeoWebNews_gold.txt")
    toy = read_eupeg(FIXTURES / "eupeg" / "GeoWebNews_Toy.txt")
    result = score(toy, gold)
    # Kharkiv, Lyon and Paris match; "Kiev" is not the gold's "Kyiv"; Rhone has no coordinates.
    assert (result.tp, result.predicted, result.gold) == (3, 4, 4)
    row = result.row("Toy")
    assert row["precision"] == pytest.approx(0.75) and row["recall"] == pytest.approx(0.75)
    assert row["acc@161"] == pytest.approx(2 / 3)
    assert max(result.errors_km) > 7000  # Paris, Texas


def test_haversine_and_auc() -> None:
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.19, abs=0.01)
    assert auc([0.0, 0.0]) == 0.0
    worst = 20039.0
    assert auc([worst, worst]) == pytest.approx(1.0, abs=1e-4)
    errors = [0.0, 10.0, 100.0]
    heights = [math.log(1 + error) / math.log(worst) for error in errors]
    assert auc(errors) == pytest.approx((heights[0] / 2 + heights[1] + heights[2] / 2) / 2)


def test_read_gwn_counts_toponyms_with_coordinates_and_sets_demonyms_aside() -> None:
    articles = read_gwn(FIXTURES / "gwn-tiny.xml")
    assert [toponym.name for toponym in articles[0].gold] == ["Kharkiv", "Kyiv"]
    assert [toponym.name for toponym in articles[0].uncounted] == ["Ukrainian"]
    assert articles[1].text[articles[1].gold[1].start : articles[1].gold[1].end] == "Paris"


def test_overlapping_span_match_is_one_to_one() -> None:
    gold = [[Toponym(0, 10, 1.0, 1.0, "a"), Toponym(5, 15, 1.0, 1.0, "b")]]
    guess = [[Toponym(4, 8, 1.0, 1.0, "x")]]
    result = score(guess, gold, matches=overlaps)
    assert (result.tp, result.predicted, result.gold) == (1, 1, 2)


def test_evaluate_scores_our_stage_beside_the_peers() -> None:
    report = evaluate(FIXTURES / "gwn-tiny.xml", eupeg=FIXTURES / "eupeg")
    ours = report.tables["GWN.xml, overlapping spans"][0]
    assert ours["gold"] == 4 and ours["recall"] == 1.0 and ours["acc@161"] == 1.0
    assert ours["precision"] == 1.0  # "Ukrainian" overlaps an uncounted demonym: set aside
    peers = {
        row["system"]: row
        for row in report.tables["EUPEG gold, same string with midpoint within 10 chars"]
    }
    assert peers["Toy"]["acc@161"] == pytest.approx(2 / 3)


@pytest.mark.shared
def test_archived_peer_outputs_reproduce_published_accuracy() -> None:
    folder = shared_path("bench", "geo", "eupeg")
    gold = read_eupeg(folder / "GeoWebNews_gold.txt")
    for system, published in PUBLISHED.items():
        row = score(read_eupeg(folder / f"GeoWebNews_{system}.txt"), gold).row(system)
        assert round(row["acc@161"], 3) == published
        assert round(row["f1"], 3) == PUBLISHED_F1[system]
