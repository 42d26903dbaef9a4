"""The motivating wire story (../shared, skipped when absent): every attribution comes out whole."""

from __future__ import annotations

import pytest
from conftest import shared_path

from wirecoder import Pipeline
from wirecoder.schema import Analysis, Article, Claim


@pytest.fixture(scope="module")
def bakhmut(pipeline: Pipeline) -> Analysis:
    text = shared_path("examples", "bakhmut-2023-04-07.txt").read_text(encoding="utf-8")
    return pipeline.analyze(Article(text=text, publisher="Reuters", published="2023-04-07"))


def by_content(analysis: Analysis, words: str) -> Claim:
    found = [c for c in analysis.claims if c.attributed and any(words in s.text for s in c.content)]
    assert found, f"no attributed claim says {words!r}"
    return found[0]


def test_every_attributed_statement_is_whole(bakhmut: Analysis) -> None:
    attributed = [claim for claim in bakhmut.claims if claim.attributed]
    assert len(attributed) >= 18
    for claim in attributed:
        assert claim.source.span is not None and claim.cue is not None and claim.content
        assert claim.chain[0].role == "publisher" and claim.chain[0].name == "Reuters"
        assert claim.chain[-1].role == "originator"


def test_british_intelligence_hedges_read_on_their_yardsticks(bakhmut: Analysis) -> None:
    lead = by_content(bakhmut, "seized the centre of the fiercely contested city")
    assert (lead.source.actor_id, lead.source.kind, lead.source.country) == (
        "gbr.spy",
        "intelligence",
        "GBR",
    )
    assert [(c.phrase, c.scale, c.label, c.low, c.high) for c in lead.certainty] == [
        ("very likely", "ICD203", "very likely", 0.80, 0.95)
    ]
    update = by_content(bakhmut, "has now highly likely advanced into the town centre")
    assert (
        update.direct_quote and update.source.span is not None and update.source.span.text == "it"
    )
    assert update.source.actor_id == "gbr.spy"
    assert [(c.phrase, c.scale, c.low, c.high) for c in update.certainty] == [
        ("highly likely", "PHIA", 0.80, 0.90),
        ("likely", "PHIA", 0.55, 0.75),
    ]


def test_tass_reports_citing_the_embassy(bakhmut: Analysis) -> None:
    claim = by_content(bakhmut, "is being held in Belarus")
    assert (claim.source.actor_id, claim.source.kind) == ("src.tass", "news_agency")
    roles = [(link.role, link.name) for link in claim.chain]
    assert roles[:2] == [("publisher", "Reuters"), ("agency", "TASS")]
    assert roles[-1][0] == "originator"
    originator = claim.chain[-1]
    assert originator.span is not None and "Russian embassy" in originator.span.text
    assert originator.cue is not None and originator.cue.text == "citing"


def test_authorities_through_russian_news_agencies(bakhmut: Analysis) -> None:
    claim = by_content(bakhmut, "seven civilians were killed on Thursday")
    assert claim.source.span is not None
    assert claim.source.span.text == "Authorities in Russian-controlled areas of eastern Ukraine"
    assert (claim.source.country, claim.source.side) == ("RUS", "Russia")
    relay = claim.chain[1]
    assert relay.span is not None and relay.span.text == "Russian news agencies"
    assert relay.role == "agency" and relay.cue is not None and relay.cue.text == "reported"


def test_sources_fold_to_one_actor(bakhmut: Analysis) -> None:
    zelenskiy = by_content(bakhmut, "his troops would pull back from the small city")
    assert zelenskiy.source.actor_id == "ukr.zelenskyy" and zelenskiy.stance == "hypothetical"
    assert by_content(bakhmut, "it will not consider peace").source.actor_id == "rus.gov"
    assert by_content(bakhmut, "because its moves towards the West").source.actor_id == "rus.gov"
    quote = by_content(bakhmut, "they will have to move to other defensive positions")
    assert quote.source.span is not None and quote.source.span.text == "he"
    assert quote.source.name == "Vladyslav Selezniov" and quote.source.resolved_from is not None
    assert by_content(bakhmut, "targeting civilians").stance == "denied"


def test_reporter_voice_is_unattributed(bakhmut: Analysis) -> None:
    own = {claim.content[0].text for claim in bakhmut.claims if not claim.attributed}
    assert "Belarus is a close ally of Russia." in own
    assert not any("highly likely advanced" in text for text in own)
