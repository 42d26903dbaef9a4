"""The events the issue lists for the shared Bakhmut wire story (skipped when ../shared is
absent)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import shared_path

from wirecoder import Pipeline
from wirecoder.schema import Analysis, Article, Event

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def analysis(pipeline: Pipeline) -> Analysis:
    text_path = shared_path("examples", "bakhmut-2023-04-07.txt")
    meta = json.loads(
        shared_path("examples", "bakhmut-2023-04-07.json").read_text(encoding="utf-8")
    )
    article = Article(text=text_path.read_text(encoding="utf-8"), published=meta["published"])
    return pipeline.analyze(article)


def _events(analysis: Analysis, kind: str, mode: str | None, trigger_word: str) -> list[Event]:
    return [
        e
        for e in analysis.events
        if e.type == kind and (mode is None or e.mode == mode) and trigger_word in e.trigger.text
    ]


def _place_name(analysis: Analysis, event: Event) -> str | None:
    return next((p.name for p in analysis.places if p.id == event.place_id), None)


def test_capture_of_the_centre_of_bakhmut_by_russian_forces(analysis: Analysis) -> None:
    captures = _events(analysis, "ASSAULT", "capture", "seized")
    first = min(captures, key=lambda e: e.trigger.start)
    assert first.actor is not None and (first.actor.country, first.actor.sector) == ("RUS", "MIL")
    assert first.aux == []
    if analysis.places:
        assert _place_name(analysis, first) == "Bakhmut"
    if analysis.claims:
        claims = [c for c in analysis.claims if c.id in first.claim_ids]
        assert any(
            "British" in c.source.name or "intelligence" in c.source.name.lower() for c in claims
        )


def test_two_artillery_strikes_killing_seven_civilians(analysis: Analysis) -> None:
    (strike,) = _events(analysis, "ASSAULT", "heavy-weapons", "strikes")
    assert strike.actor is not None and (strike.actor.country, strike.actor.sector) == (
        "UKR",
        "MIL",
    )
    assert strike.recipient is not None and strike.recipient.sector == "CVL"
    assert strike.size.killed is not None and strike.size.killed.best == 7
    if any(stage.name == "times" for stage in analysis.pipeline.stages):
        assert (strike.date_start, strike.date_end, strike.date_precision) == (
            dt.date(2023, 4, 6),
        ) * 2 + (1,)
    assert strike.claim_ids or not analysis.claims


def test_lavrov_and_cavusoglu_meet_in_ankara(analysis: Analysis) -> None:
    meetings = [e for e in analysis.events if e.type == "CONSULT" and e.actor and e.recipient]
    pairs = [
        {e.actor.actor_id, e.recipient.actor_id}
        for e in meetings
        if e.actor is not None and e.recipient is not None
    ]
    assert {"rus.lavrov", "tur.cavusoglu"} in pairs
    if analysis.places:
        meeting = meetings[pairs.index({"rus.lavrov", "tur.cavusoglu"})]
        assert _place_name(analysis, meeting) == "Ankara"


def test_moskalyov_held_in_belarus_is_an_arrest(analysis: Analysis) -> None:
    (held,) = _events(analysis, "COERCE", "arrest", "held")
    assert held.recipient is not None and held.recipient.actor_id == "rus.moskalyov"
    if analysis.places:
        assert _place_name(analysis, held) == "Belarus"


def test_the_invasion_of_february_2022_is_historical(analysis: Analysis) -> None:
    (invasion,) = _events(analysis, "ASSAULT", None, "invaded")
    assert invasion.actor is not None and invasion.actor.country == "RUS"
    if any(stage.name == "times" for stage in analysis.pipeline.stages):
        assert "historical" in invasion.aux
