"""The headline stage: which event an article is about, on wire stories written for these tests
(several conflicts; statements, threats, recalled events and diplomacy beside the violence), and
the rule on hand-built events."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from wirecoder import Config, Pipeline, get_stage
from wirecoder.ingest import article_from_text
from wirecoder.schema import (
    Analysis,
    Article,
    AuxMode,
    Count,
    Event,
    Participant,
    PipelineInfo,
    PloverType,
    Size,
    Span,
    StageRef,
)
from wirecoder.stages.headline import main_event, rank, stem

# (title, published, text, the main event's trigger word, its type)
STORIES = [
    (
        "Paramilitary fighters kill 14 in North Darfur village",
        "2024-05-08",
        "KHARTOUM, May 8 (Reuters) - The army on Wednesday condemned what it called a massacre "
        "after paramilitary fighters stormed a village in North Darfur and killed at least 14 "
        "civilians on Tuesday, local activists said.\n\nThe Rapid Support Forces did not respond "
        "to a request for comment. Aid groups said hundreds of families had fled towards El "
        "Fasher.\n\nThe army has called for an international investigation into the killings.",
        "stormed",
        "ASSAULT",
    ),
    (
        "Russian missiles hit Odesa port, two dead",
        "2023-07-24",
        "KYIV, July 24 (Reuters) - Ukraine's foreign minister on Monday accused Moscow of "
        "deliberately targeting grain infrastructure after Russian missiles struck the port of "
        "Odesa overnight, killing two dock workers.\n\nThe minister called on partners to send "
        "more air defence systems. Russia's defence ministry said it had hit military targets."
        "\n\nThe strikes came a week after Moscow quit a deal that let Ukraine ship grain through "
        "the Black Sea.",
        "struck",
        "ASSAULT",
    ),
    (
        "Military court jails Myanmar photographer for ten years",
        "2023-09-07",
        "YANGON, Sept 7 (AP) - A military court in Yangon sentenced a freelance photographer to "
        "ten years in prison on Wednesday for covering the aftermath of a cyclone, his lawyer "
        "said.\n\nHe was first detained in May after soldiers raided his home. Rights groups said "
        "at least 150 journalists have been arrested since the 2021 coup.\n\nThe junta's "
        "spokesman did not answer calls seeking comment.",
        "sentenced",
        "COERCE",
    ),
    (
        "Israel vows to keep up strikes after school hit",
        "2024-08-11",
        "JERUSALEM, Aug 11 - Israeli jets will keep striking Hamas positions across Gaza, the "
        "defence minister said on Sunday, hours after an air strike on a school sheltering "
        "displaced families in Gaza City killed nine people, according to the territory's civil "
        "defence agency.\n\nThe military said it had targeted a command room inside the compound. "
        "Hamas denied that its fighters used the school.\n\nNeither side would say whether talks "
        "on a ceasefire would resume next week.",
        "air strike",
        "ASSAULT",
    ),
    (
        "Yemen's warring sides agree to swap hundreds of detainees",
        "2023-03-20",
        "GENEVA, March 20 - Yemen's government and the Houthi movement agreed on Monday to "
        "exchange nearly 900 detainees after ten days of talks in Geneva, the United Nations envoy "
        "said.\n\nThe envoy called the deal a step towards a wider truce and said the release "
        "would begin within weeks.\n\nFighting continued on several front lines. Shelling near "
        "Marib killed three soldiers on Sunday, a military official said.",
        "agreed",
        "AGREE",
    ),
    (
        "Gunmen abduct dozens of women in northern Burkina Faso",
        "2023-01-16",
        "OUAGADOUGOU, Jan 16 - Suspected jihadists abducted about 50 women who were gathering wild "
        "fruit near Arbinda in northern Burkina Faso on Thursday and Friday, the regional governor "
        "said in a statement on Monday.\n\nThe governor said security forces had launched a "
        "search. No group claimed the kidnappings.\n\nBurkina Faso has suffered repeated attacks "
        "since 2015 by groups linked to al Qaeda and Islamic State.",
        "abducted",
        "ASSAULT",
    ),
    (
        "Congo army says it retook town from M23 rebels",
        "2024-02-12",
        "GOMA, Feb 12 - Congolese troops recaptured the town of Kitshanga in North Kivu on "
        "Sunday after two days of fighting with M23 rebels, an army spokesman said on Monday.\n\n"
        "The rebels denied losing the town and accused the army of shelling homes. The United "
        "Nations urged both sides to spare civilians.",
        "recaptured",
        "ASSAULT",
    ),
]


@pytest.fixture(scope="module")
def stories(pipeline: Pipeline) -> list[Analysis]:
    return [
        pipeline.analyze(article_from_text(text, published=published, title=title))
        for title, published, text, _, _ in STORIES
    ]


@pytest.mark.parametrize("index", range(len(STORIES)), ids=[s[0][:40] for s in STORIES])
def test_the_main_event_is_the_one_the_title_and_lead_report(
    stories: list[Analysis], index: int
) -> None:
    analysis = stories[index]
    _, _, _, word, kind = STORIES[index]
    marked = [event for event in analysis.events if event.main]
    assert len(marked) == 1, [(e.id, e.type, e.trigger.text) for e in analysis.events]
    main = marked[0]
    triggers = [main.trigger.text, *(span.text for span in main.joined)]
    assert any(word in trigger for trigger in triggers) and main.type == kind, (triggers, main.type)
    assert not set(main.aux) & {"negated", "future", "hypothetical"}


def test_the_stage_is_in_the_default_pipeline_after_the_events() -> None:
    stages = Config.default().stages
    assert stages.index("headline.v1") > stages.index("events.v1")
    spec = get_stage("headline.v1")
    assert spec.assigns == ("events",) and spec.requires == ("events",)
    assert set(spec.reads) == {"claims", "places", "times"}


def test_an_article_without_events_has_no_main_event(pipeline: Pipeline) -> None:
    text = "The weather in the capital stayed mild this week, forecasters said on Friday."
    analysis = pipeline.analyze(article_from_text(text, published="2024-03-01"))
    assert not any(event.main for event in analysis.events)


def test_the_stage_marks_one_event_however_often_it_runs(pipeline: Pipeline) -> None:
    title, published, text, _, _ = STORIES[1]
    article = article_from_text(text, published=published, title=title)
    document = _document(pipeline, article)
    stage = get_stage("headline.v1").build(pipeline.nlp, {})
    stage(document)
    stage(document)
    assert sum(event.main for event in document.events) == 1


def _document(pipeline: Pipeline, article: Article) -> Any:
    from wirecoder import Document

    document = Document(article=article, doc=pipeline.nlp(article.text))
    for spec, run in pipeline.stages:
        if spec.name != "headline":
            run(document)
    return document


# ------------------------------------------------------------------- the rule, by hand


TEXT = (
    "In 2019 the same unit had shelled the village. Officials condemned the raid on Tuesday. "
    "Soldiers detained three activists in Mandalay.\n\nThe ministry denied any abuse."
)
SENTENCES = [match.span() for match in re.finditer(r"[^.\n ][^.\n]*\.", TEXT)]
STAGE = StageRef(name="test", version="1")


def _event(
    event_id: str,
    kind: PloverType,
    word: str,
    *,
    aux: tuple[AuxMode, ...] = (),
    actor: str | None = None,
    killed: int | None = None,
) -> Event:
    start = TEXT.index(word)
    sentence_start, sentence_end = next((a, b) for a, b in SENTENCES if a <= start < b)
    return Event(
        id=event_id,
        stage=STAGE,
        type=kind,
        trigger=Span.of(TEXT, start, start + len(word)),
        spans=[Span.of(TEXT, sentence_start, sentence_end)],
        actor=Participant(name=actor) if actor else None,
        aux=list(aux),
        size=Size(killed=Count(best=killed)) if killed is not None else Size(),
    )


def _analysis(events: list[Event], title: str | None = None) -> Analysis:
    return Analysis(
        article=Article(text=TEXT, title=title, published=dt.date(2024, 3, 6)),
        pipeline=PipelineInfo(model="none", model_version="0", stages=[], wirecoder_version="0"),
        events=events,
    )


def test_an_event_that_did_not_happen_is_never_main_beside_one_that_did() -> None:
    for aux in ("negated", "future", "hypothetical"):
        events = [
            _event("E1", "ASSAULT", "raid", aux=(aux,), actor="Soldiers", killed=4),
            _event("E2", "ACCUSE", "denied"),
        ]
        chosen = main_event(_analysis(events, title="Soldiers raid village"))
        assert chosen is not None and chosen.id == "E2", aux


def test_when_nothing_happened_the_first_event_is_still_the_story() -> None:
    events = [
        _event("E1", "ASSAULT", "raid", aux=("future",)),
        _event("E2", "COERCE", "detained", aux=("negated",)),
    ]
    chosen = main_event(_analysis(events))
    assert chosen is not None and chosen.id == "E1"


def test_violence_goes_before_the_words_about_it() -> None:
    events = [
        _event("E1", "ACCUSE", "condemned", actor="Officials"),
        _event("E2", "COERCE", "detained", actor="Soldiers"),
    ]
    ranked = rank(_analysis(events))
    assert [item.event.id for item in ranked] == ["E2", "E1"]
    assert "violent" in ranked[0].reasons and "statement" in ranked[1].reasons


def test_words_are_not_put_last_when_the_lead_reports_no_violence() -> None:
    events = [_event("E1", "ACCUSE", "condemned"), _event("E2", "REJECT", "denied")]
    ranked = rank(_analysis(events))
    assert ranked[0].event.id == "E1"
    assert all("statement" not in item.reasons for item in ranked)
    assert "lead" in ranked[0].reasons and "lead" not in ranked[1].reasons


def test_a_recalled_event_loses_to_the_news_of_the_day_though_told_first() -> None:
    recalled = _event("E1", "ASSAULT", "shelled", aux=("historical",), actor="the same unit")
    today = _event("E2", "COERCE", "detained", actor="Soldiers")
    assert main_event(_analysis([recalled, today])).id == "E2"  # type: ignore[union-attr]
    recalled.aux = []
    assert main_event(_analysis([recalled, today])).id == "E1"  # type: ignore[union-attr]


def test_the_title_ties_an_event_to_it_across_inflections() -> None:
    events = [
        _event("E1", "COERCE", "detained", actor="Soldiers"),
        _event("E2", "ASSAULT", "shelled", actor="the same unit"),
    ]
    ranked = rank(_analysis(events, title="Army shelling of village recalled"))
    assert "title_trigger" in next(i for i in ranked if i.event.id == "E2").reasons
    assert "title_trigger" not in next(i for i in ranked if i.event.id == "E1").reasons
    assert stem("Kidnapped") == stem("kidnapping") == "kidnapp"
    assert stem("detains") == stem("detained") == "detain"


def test_a_toll_makes_an_event_more_specific() -> None:
    events = [
        _event("E1", "ASSAULT", "raid"),
        _event("E2", "ASSAULT", "shelled", killed=3),
    ]
    weighed = {item.event.id: item for item in rank(_analysis(events))}
    assert "toll" in weighed["E2"].reasons and "toll" not in weighed["E1"].reasons
