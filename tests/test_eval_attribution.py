"""PolNeAR attribution scorer: brat reading, token alignment, exact and begin match."""

from __future__ import annotations

from pathlib import Path

from wirecoder.eval.attribution import evaluate, read_brat, read_split, token_spans

POLNEAR = Path(__file__).parent / "fixtures" / "claims" / "polnear"


def test_brat_fragments_by_role(tmp_path: Path) -> None:
    ann = tmp_path / "a_x.ann"
    ann.write_text(
        "T1\tContent 0 5;9 12\tab cd\nT2\tCue 6 8\tsa\nT3\tDiscuss 0 2\tx\nE1\tAttribution:T9\n"
    )
    assert read_brat(ann) == {"source": [], "cue": [(6, 8)], "content": [(0, 5), (9, 12)]}


def test_spans_align_on_words_and_punctuation() -> None:
    text = 'He said: "We won."'
    assert token_spans(text, [(0, 2), (3, 8), (9, 18)]) == {(0, 0), (1, 2), (3, 7)}
    assert token_spans(text, [(4, 6)]) == {(1, 1)}  # a span inside a word covers the word


def test_scores_match_the_gold_of_a_hand_annotated_article() -> None:
    (article,) = read_split(POLNEAR, "dev")
    assert article.gold["cue"] == [(58, 62), (65, 77)]
    report = evaluate(POLNEAR, split="dev")
    ours = {
        (row["role"], name): row
        for name, rows in report.tables.items()
        for row in rows
        if row["system"] == "wirecoder"
    }
    for role in ("source", "cue", "content"):
        for match in ("exact match", "begin match"):
            assert ours[(role, match)]["f1"] == 1.0, (role, match)
    published = [row for row in report.tables["exact match"] if row["system"] != "wirecoder"]
    assert {row["role"]: row["f1"] for row in published} == {
        "source": 0.832,
        "cue": 0.753,
        "content": 0.729,
    }
