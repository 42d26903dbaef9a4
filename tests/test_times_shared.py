"""Times on the shared motivating example (a wire story of Friday 7 April 2023)."""

from __future__ import annotations

from conftest import shared_path

from wirecoder import get_stage

EXPECTED_DATES = [
    ("Friday", "2023-04-07"),
    ("Wednesday", "2023-04-05"),
    ("last year", "2022"),
    ("Friday", "2023-04-07"),  # "Friday's daily update": the possessive stays outside
    ("last month", "2023-03"),
    ("Thursday", "2023-04-06"),
    ("Thursday", "2023-04-06"),
    ("February 2022", "2022-02"),
    ("the spring", "2023-SP"),
]
"""The seven distinct date expressions in text order, repeats included."""


def test_shared_example_dates_normalize(nlp, make_document) -> None:  # type: ignore[no-untyped-def]
    text = shared_path("examples", "bakhmut-2023-04-07.txt").read_text(encoding="utf-8")
    document = make_document(text, published="2023-04-07")
    get_stage("times.v1").build(nlp, {})(document)
    calendar_dates = [
        (t.span.text, t.value)
        for t in document.times
        if t.type == "DATE" and not t.value.endswith("_REF")
    ]
    assert calendar_dates == EXPECTED_DATES
    by_words = {t.span.text: t for t in document.times}
    assert (by_words["months"].type, by_words["months"].value) == ("DURATION", "PXM")
    assert [by_words[w].precision for w in ("Friday", "Thursday", "last month", "last year")] == [
        1,
        1,
        4,
        5,
    ]
