"""The event-location scorer on a small gold file in Halterman's format written for these tests,
and on ../shared when present."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import shared_path

from wirecoder.eval.event_location import (
    Prediction,
    Row,
    Tally,
    evaluate,
    mention_spans,
    read_rows,
)
from wirecoder.schema import Place, RelativeLocation, Span, StageRef

MINI = Path(__file__).parent / "fixtures" / "event_location" / "mini.jsonl"
STAGE = StageRef(name="test", version="1")


def _row(report_rows: list[dict[str, Any]], system: str) -> dict[str, Any]:
    return next(row for row in report_rows if row["system"] == system)


def _sentence(text: str, verb: str, *places: str) -> Row:
    words: list[tuple[int, int]] = []
    position = 0
    for word in text.split():
        start = text.index(word, position)
        words.append((start, start + len(word)))
        position = start + len(word)
    index = {text[s:e]: i for i, (s, e) in enumerate(words)}
    gold = tuple((index[name.split()[0]], index[name.split()[-1]]) for name in places)
    return Row("t", text, tuple(words), (index[verb], index[verb]), gold)


def _place(text: str, place_id: str, phrase: str, anchor: str | None = None) -> Place:
    start = text.index(phrase)
    span = Span.of(text, start, start + len(phrase))
    relative = RelativeLocation(anchor_id=anchor, span=span) if anchor else None
    return Place(id=place_id, stage=STAGE, name=phrase, mentions=[span], relative=relative)


def test_rows_are_read_by_token_index_and_rows_without_a_verb_left_out() -> None:
    rows, skipped = read_rows(MINI)
    assert (len(rows), skipped) == (6, 1)
    jenin = next(row for row in rows if "Jenin" in row.text)
    # this row gives token indices in its character fields, as some re-labelled rows do
    ((first, last),) = jenin.gold
    assert jenin.text[jenin.tokens[first][0] : jenin.tokens[last][1]] == "Jenin"
    two = next(row for row in rows if "Mandalay" in row.text)
    assert len(two.gold) == 2 and len(two.gold_tokens) == 2


def test_the_place_counts_by_the_words_that_name_it() -> None:
    text = "Jets bombed villages in northern Aleppo province on Friday"
    row = _sentence(text, "bombed", "Aleppo")
    place = _place(text, "P1", "northern Aleppo province")
    assert mention_spans(row, place, {"P1": place}) == ((5, 5),)
    assert mention_spans(row, place, {"P1": place}, names=False) == ((4, 6),)


def test_a_relative_place_counts_by_its_anchor() -> None:
    text = "Shelling hit a school in the city. Later guns fired 10 km west of the city"
    row = _sentence(text, "fired")
    anchor = Place(
        id="P1",
        stage=STAGE,
        name="Bakhmut",
        mentions=[Span.of(text, text.index("city"), text.index("city") + 4)],
    )
    relative = _place(text, "P2", "10 km west of the city", anchor="P1")
    # the anchor is named outside the relative phrase: its mention, lower case, names nothing
    assert mention_spans(row, relative, {"P1": anchor, "P2": relative}) == ()
    text = "Guns fired 10 km west of Bakhmut overnight"
    row = _sentence(text, "fired", "Bakhmut")
    anchor = _place(text, "P1", "Bakhmut")
    relative = _place(text, "P2", "10 km west of Bakhmut", anchor="P1")
    assert mention_spans(row, relative, {"P1": anchor, "P2": relative}) == row.gold


def test_token_span_and_row_tallies() -> None:
    text = "Troops raided Jenin and Tubas at dawn"
    row = _sentence(text, "raided", "Jenin", "Tubas")
    tally = Tally()
    tally.add(row, Prediction(((2, 2),), True))
    assert (tally.token_tp, tally.token_predicted, tally.token_gold) == (1, 1, 2)
    assert (tally.span_tp, tally.span_predicted, tally.span_gold) == (1, 1, 2)
    assert tally.exact == 0
    empty = _sentence("Two soldiers were killed", "killed")
    tally.add(empty, Prediction((), False))
    assert (tally.exact, tally.placeless, tally.placeless_right, tally.events) == (1, 1, 1, 1)


def test_scores_both_modes_with_the_published_figures_beside() -> None:
    report = evaluate(MINI)
    rows = report.tables["token and span scores"]
    given = _row(rows, "wirecoder, verb given")
    end = _row(rows, "wirecoder, end to end")
    assert given["rows"] == end["rows"] == 6
    # Kharkiv, El Fasher (two tokens), Jenin and one of Mandalay and Yangon: an event has one
    # place
    assert given["token_r"] == pytest.approx(5 / 6)
    assert given["token_p"] == 1.0
    assert given["no_place_right"] == 1.0  # neither the clashes nor the depot told of in Port Sudan
    assert end["verbs_with_event"] == 1.0
    assert _row(rows, "Halterman (2019) neural model, published (P and R 'over 0.83')")[
        "token_p"
    ] == pytest.approx(0.83)
    assert "mention as written" in report.to_text()


@pytest.mark.shared
@pytest.mark.slow
def test_the_halterman_dev_set_holds_its_figures() -> None:
    report = evaluate(shared_path("bench", "events", "event_location", "dev.jsonl"))
    rows = report.tables["token and span scores"]
    assert float(_row(rows, "wirecoder, verb given")["token_f1"]) >= 0.57
    assert float(_row(rows, "wirecoder, end to end")["token_f1"]) >= 0.50
    found = _row(rows, "wirecoder, verb given, rows whose places the places stage found")
    assert float(found["token_f1"]) >= 0.84
