"""The pipeline's side of "one bad item never stops a run", and long texts in windows: the merged
analysis is one analysis of the whole text (spans slice it, ids are unique and resolve, a place
met in several windows is one place)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from pydantic import BaseModel

from wirecoder import Analysis, Config, Failure, InputError, Pipeline, analyze_stream
from wirecoder.ingest import article_from_text
from wirecoder.schema import Article, Span

PARAGRAPHS = [
    "Russian forces shelled the centre of Kherson on Monday, killing two civilians and wounding "
    "five, the regional governor Oleksandr Prokudin said on Telegram.",
    "In the Sudanese city of El Fasher, the Rapid Support Forces attacked a displacement camp "
    "on Sunday, local volunteers said, adding that at least 14 people were killed.",
    "Myanmar's military carried out air strikes on a village in Sagaing region on Saturday, "
    "a spokesman for the local resistance force told reporters.",
    "Israeli strikes hit a school sheltering displaced families in Gaza City overnight, the "
    "civil defence agency said, and the Israeli military said it had targeted militants.",
    "M23 rebels seized the town of Sake near Goma on Friday, according to two Congolese army "
    "officers who spoke on condition of anonymity.",
]


def long_story(paragraphs: int) -> str:
    """A text of ``paragraphs`` paragraphs, going round the conflicts above."""
    return "\n\n".join(PARAGRAPHS[number % len(PARAGRAPHS)] for number in range(paragraphs))


@pytest.fixture(scope="module")
def small_windows(pipeline: Pipeline) -> Pipeline:
    """The default pipeline, cutting texts into windows of 1,000 characters."""
    windowed = Pipeline.__new__(Pipeline)
    windowed.__dict__.update(pipeline.__dict__)
    windowed.config = replace(pipeline.config, window_chars=1000)
    return windowed


def spans(value: Any) -> Iterator[Span]:
    if isinstance(value, Span):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from spans(getattr(value, name))
    elif isinstance(value, list):
        for element in value:
            yield from spans(element)


def check_whole(analysis: Analysis) -> None:
    """Every span slices the article's text; every id is unique; every reference resolves."""
    text = analysis.article.text
    for part in (analysis.mentions, analysis.places, analysis.times, analysis.claims):
        for span in spans(part):
            assert text[span.start : span.end] == span.text
    for span in spans(analysis.events):
        assert text[span.start : span.end] == span.text
    ids: dict[str, set[str]] = {}
    for name in ("places", "times", "actors", "claims", "events"):
        found = [item.id for item in getattr(analysis, name)]
        assert len(found) == len(set(found)), (name, found)
        ids[name] = set(found)
    for event in analysis.events:
        assert event.place_id is None or event.place_id in ids["places"]
        assert event.time_id is None or event.time_id in ids["times"]
        assert set(event.claim_ids) <= ids["claims"]
        for participant in (event.actor, event.recipient):
            assert participant is None or participant.actor_id in (None, *ids["actors"])
    for place in analysis.places:
        if place.relative is not None:
            assert place.relative.anchor_id in ids["places"]
    for claim in analysis.claims:
        assert claim.source.actor_id is None or claim.source.actor_id in ids["actors"]


def test_a_long_text_is_analysed_in_windows_as_one_analysis(small_windows: Pipeline) -> None:
    article = article_from_text(long_story(30), published="2024-06-03", source="live-blog")
    assert len(article.text) > 4 * small_windows.window_chars
    analysis = small_windows.analyze(article)
    assert analysis.article == article
    check_whole(analysis)
    # events and claims are found all along the text, in every window
    thousands = set(range(len(article.text) // 1000 + 1))
    assert {event.trigger.start // 1000 for event in analysis.events} == thousands
    assert {claim.content[0].start // 1000 for claim in analysis.claims} == thousands
    goma = [place for place in analysis.places if place.name == "Goma"]
    assert len(goma) == 1, "a place met in six windows is one place"
    assert len(goma[0].mentions) == 6
    near = [place for place in analysis.places if place.relative is not None]
    assert [place.name for place in near] == ["near Goma"], "and so is a place relative to it"
    assert near[0].relative is not None and near[0].relative.anchor_id == goma[0].id
    assert [int(place.id[1:]) for place in analysis.places] == list(
        range(1, len(analysis.places) + 1)
    )


def test_windows_give_what_the_whole_text_gives_paragraph_by_paragraph(
    pipeline: Pipeline, small_windows: Pipeline
) -> None:
    article = article_from_text(long_story(10), published="2024-06-03")
    whole, windowed = pipeline.analyze(article), small_windows.analyze(article)
    assert len(article.text) < pipeline.window_chars
    found = {(event.type, event.trigger.start) for event in windowed.events}
    assert {(event.type, event.trigger.start) for event in whole.events} <= found
    # An event reported again in another window is not folded into the first (the corpus
    # clusters it): the same events, some more than once.
    assert {(event.type, event.trigger.text) for event in windowed.events} == {
        (event.type, event.trigger.text) for event in whole.events
    }
    assert {place.name for place in windowed.places} == {place.name for place in whole.places}


def test_the_batch_path_windows_too(small_windows: Pipeline) -> None:
    short = article_from_text(PARAGRAPHS[0], published="2024-06-03", source="short")
    long = article_from_text(long_story(12), published="2024-06-03", source="long")
    results = small_windows.analyze_batch([short, long, short])
    assert [type(result) for result in results] == [Analysis, Analysis, Analysis]
    assert isinstance(results[1], Analysis)
    check_whole(results[1])
    assert results[1] == small_windows.analyze(long)


def test_text_over_spacys_max_length_is_analysed(pipeline: Pipeline) -> None:
    """Not refused with E088: cut into windows (here the limit is lowered to keep it quick)."""
    article = article_from_text(long_story(40), published="2024-06-03")
    limit = pipeline.nlp.max_length
    pipeline.nlp.max_length = 3000
    try:
        assert pipeline.window_chars == 3000 < len(article.text)
        [analysis] = pipeline.analyze_batch([article])
    finally:
        pipeline.nlp.max_length = limit
    assert isinstance(analysis, Analysis)
    check_whole(analysis)


def test_an_article_holding_a_lone_surrogate_fails_alone(pipeline: Pipeline) -> None:
    bad = Article(text="Shelling hit Gao \ud800 on Monday, officials said.", source="by-hand")
    good = article_from_text(PARAGRAPHS[1], published="2024-06-03")
    results = pipeline.analyze_batch([good, bad, good])
    assert [type(result) for result in results] == [Analysis, Failure, Analysis]
    assert results[1] == Failure(
        "by-hand",
        "the text holds a lone surrogate (U+D800 at character 17), which is no character; "
        "replace it with U+FFFD",
    )
    with pytest.raises(InputError):
        pipeline.analyze(bad)


def test_the_text_the_parser_fails_on_fails_alone(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever the parser raises on one text, the others of its batch are parsed."""
    articles = [
        article_from_text(text, published="2024-06-03", source=f"item{number}")
        for number, text in enumerate([PARAGRAPHS[0], "POISON " + PARAGRAPHS[1], PARAGRAPHS[2]])
    ]
    real_call, real_pipe = type(pipeline.nlp).__call__, type(pipeline.nlp).pipe

    def call(self: Any, text: str, *args: Any, **kwargs: Any) -> Any:
        if text.startswith("POISON"):
            raise ValueError("[E088] Text of length 2000000 exceeds maximum")
        return real_call(self, text, *args, **kwargs)

    def pipe(self: Any, texts: Any, *args: Any, **kwargs: Any) -> Any:
        texts = list(texts)
        if any(text.startswith("POISON") for text in texts):
            raise ValueError("[E088] Text of length 2000000 exceeds maximum")
        return real_pipe(self, texts, *args, **kwargs)

    monkeypatch.setattr(type(pipeline.nlp), "__call__", call)
    monkeypatch.setattr(type(pipeline.nlp), "pipe", pipe)
    results = pipeline.analyze_batch(articles)
    assert [type(result) for result in results] == [Analysis, Failure, Analysis]
    assert isinstance(results[1], Failure) and results[1].source == "item1"
    assert "E088" in results[1].reason


def test_a_stage_failing_on_one_window_fails_its_article_only(
    small_windows: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec, run = small_windows.stages[-1]

    def fussy(document: Any) -> None:
        if "Sake" in document.text and "Kherson" in document.text:
            raise RuntimeError("stage bug")
        run(document)

    stages = [*small_windows.stages[:-1], (spec, fussy)]
    monkeypatch.setattr(small_windows, "stages", stages)
    long = article_from_text(long_story(12), published="2024-06-03", source="long")
    short = article_from_text(PARAGRAPHS[4], published="2024-06-03", source="short")
    results = small_windows.analyze_batch([long, short])
    assert isinstance(results[0], Failure) and isinstance(results[1], Analysis)
    assert results[0].source == "long"
    assert results[0].reason.startswith("analysis failed (in characters ")
    assert "stage bug" in results[0].reason


def test_superscript_digits_are_no_count(pipeline: Pipeline) -> None:
    """ "1²" passes str.isdigit() but not int(): it is no casualty figure, and no crash."""
    for text in (
        "Shelling killed 1² people in Gao on Monday, officials said.",
        "At least ²³ soldiers were killed and 4⁵ wounded near Menaka, the army said.",
        "Fighting killed 12345678901234567890123 people, a figure officials gave.",
    ):
        analysis = pipeline.analyze(article_from_text(text, published="2024-06-03"))
        check_whole(analysis)


def test_stream_reports_failures_in_place(pipeline: Pipeline) -> None:
    bad = Article(text="Gunmen attacked \udfff a convoy.", source="bad")
    good = article_from_text(PARAGRAPHS[2], published="2024-06-03", source="good")
    results = list(analyze_stream([good, bad, good], pipeline.config))
    assert [type(result) for result in results] == [Analysis, Failure, Analysis]


def test_windows_are_configured_and_checked() -> None:
    default = Config.default()
    assert default.window_chars == 30_000
    text = Config.default().model
    with pytest.raises(Exception, match="window_chars"):
        Config.from_toml(
            f'[nlp]\nmodel = "{text}"\nwindow_chars = 10\n[pipeline]\nstages = []\n', "test"
        )
