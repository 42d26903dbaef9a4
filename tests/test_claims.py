"""Claims stage: attribution spans, source resolution and identity, chains, stance and strength."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecoder import Config, Pipeline
from wirecoder.schema import Analysis, Article, Claim

FIXTURES = Path(__file__).parent / "fixtures" / "claims"


@pytest.fixture(scope="module")
def claims_pipeline() -> Pipeline:
    return Pipeline(Config(model=Config.default().model, stages=("mentions.v1", "claims.v1")))


@pytest.fixture(scope="module")
def kherson(claims_pipeline: Pipeline) -> Analysis:
    text = (FIXTURES / "kherson-shelling.txt").read_text(encoding="utf-8")
    return claims_pipeline.analyze(Article(text=text, publisher="Reuters", published="2024-03-12"))


def claim_by_cue(analysis: Analysis, cue: str, source: str | None = None) -> Claim:
    """The attributed claim with this cue text (and source text, when several share the cue)."""
    found = [
        claim
        for claim in analysis.claims
        if claim.cue is not None
        and claim.cue.text == cue
        and (source is None or (claim.source.span is not None and claim.source.span.text == source))
    ]
    assert found, f"no claim with cue {cue!r} and source {source!r}"
    return found[0]


def contents(claim: Claim) -> list[str]:
    return [span.text for span in claim.content]


def test_indirect_speech_after_the_content(kherson: Analysis) -> None:
    claim = claim_by_cue(kherson, "said", "regional governor Oleksandr Prokudin")
    lead = "Russian artillery hit a power substation in Kherson overnight, cutting electricity"
    assert contents(claim) == [f"{lead} to about half of the city"]
    assert claim.source.name == "Oleksandr Prokudin"
    assert claim.source.kind == "official"
    assert not claim.direct_quote


def test_headline_says_resolves_the_title_to_the_person_named_below(kherson: Analysis) -> None:
    claim = claim_by_cue(kherson, "says")
    assert contents(claim) == ["Shelling cut power to half of Kherson"]
    assert claim.source.span is not None and claim.source.span.text == "governor"
    assert claim.source.name == "Oleksandr Prokudin"


def test_direct_quote_runs_over_sentences_and_continues_after_the_cue(kherson: Analysis) -> None:
    claim = claim_by_cue(kherson, "wrote")
    assert claim.direct_quote
    assert contents(claim) == [
        '"The strike came shortly after midnight. Repair crews are already on site,"',
        '"We expect to restore supply within two days."',
    ]
    assert claim.source.name == "Oleksandr Prokudin"


def test_pronoun_source_resolves_to_the_named_antecedent(kherson: Analysis) -> None:
    claim = claim_by_cue(kherson, "added")
    assert claim.source.span is not None and claim.source.span.text == "he"
    assert claim.source.name == "Oleksandr Prokudin"
    assert claim.source.resolved_from is not None
    assert "Prokudin" in claim.source.resolved_from.text
    assert contents(claim) == ['"Residents should stay in shelters while the shelling continues,"']


def test_according_to(kherson: Analysis) -> None:
    claim = claim_by_cue(kherson, "according to")
    assert claim.source.span is not None and claim.source.span.text == "the regional administration"
    assert contents(claim) == ["Two people were wounded in the attack"]
    assert claim.source.kind == "government"


def test_told_reuters_with_role_and_later_role_reference(kherson: Analysis) -> None:
    told = claim_by_cue(kherson, "told")
    assert contents(told) == [
        "that Russian forces had fired more than 40 shells at the city since Monday"
    ]
    assert told.source.name == "Vladyslav Voloshyn"
    assert (told.source.kind, told.source.country) == ("official", "UKR")
    later = claim_by_cue(kherson, "said", "The spokesman")
    assert later.source.name == "Vladyslav Voloshyn"
    assert later.source.resolved_from is not None


def test_denial_and_weak_verb_with_the_ministry_resolved(kherson: Analysis) -> None:
    denied = claim_by_cue(kherson, "denied")
    assert denied.stance == "denied"
    assert (denied.source.actor_id, denied.source.country, denied.source.side) == (
        "rus.mil",
        "RUS",
        "Russia",
    )
    claimed = claim_by_cue(kherson, "claimed")
    assert claimed.verb_strength == "weak"
    assert claimed.source.span is not None and claimed.source.span.text == "The ministry"
    assert claimed.source.actor_id == "rus.mil"


def test_relayed_report_is_a_chain_with_the_originator_last(kherson: Analysis) -> None:
    claim = claim_by_cue(
        kherson,
        "said",
        "Local officials in the Russian-installed administration of the occupied left bank",
    )
    assert contents(claim) == ["Ukrainian shelling had killed a woman in Oleshky"]
    assert [link.role for link in claim.chain] == ["publisher", "agency", "originator"]
    assert claim.chain[0].name == "Reuters"
    relay = claim.chain[1]
    assert relay.span is not None and relay.span.text == "Russian news agencies"
    assert relay.cue is not None and relay.cue.text == "reported"
    assert claim.originator is not None and claim.originator.span == claim.source.span
    assert (claim.source.country, claim.source.side) == ("RUS", "Russia")


def test_citing_names_the_originator_behind_the_agency(kherson: Analysis) -> None:
    claim = claim_by_cue(kherson, "reported", "TASS")
    assert contents(claim) == ["Nine civilians were evacuated from a village near Beryslav"]
    assert (claim.source.actor_id, claim.source.kind) == ("src.tass", "news_agency")
    assert [(link.name, link.role) for link in claim.chain] == [
        ("Reuters", "publisher"),
        ("TASS", "agency"),
        ("the regional emergency services", "originator"),
    ]
    assert claim.chain[-1].cue is not None and claim.chain[-1].cue.text == "citing"


def test_metonym_speaks_for_the_government_and_stances(kherson: Analysis) -> None:
    moscow = claim_by_cue(kherson, "has said")
    assert (moscow.source.kind, moscow.source.country, moscow.source.side) == (
        "government",
        "RUS",
        "Russia",
    )
    assert moscow.stance == "negated"
    analyst = claim_by_cue(kherson, "said", "Military analyst Oleh Zhdanov")
    assert analyst.source.kind == "expert"
    assert analyst.stance == "hypothetical"


def test_reporter_voice_stays_unattributed(kherson: Analysis) -> None:
    own = [claim for claim in kherson.claims if not claim.attributed]
    texts = [claim.content[0].text for claim in own]
    assert (
        "Kherson has been shelled almost daily since Ukrainian troops retook it in November 2022."
        in texts
    )
    for claim in own:
        assert claim.cue is None
        assert claim.source.kind == "publisher" and claim.source.name == "Reuters"
        assert [link.role for link in claim.chain] == ["publisher"]
    assert not any(text.startswith('"') for text in texts)


def test_every_attributed_claim_has_source_cue_content_and_chain(kherson: Analysis) -> None:
    attributed = [claim for claim in kherson.claims if claim.attributed]
    assert len(attributed) >= 12
    for claim in attributed:
        assert claim.source.span is not None and claim.cue is not None and claim.content
        assert claim.chain[0].role == "publisher" and claim.chain[-1].role == "originator"
        for span in (claim.source.span, claim.cue, *claim.content):
            assert kherson.article.text[span.start : span.end] == span.text


def test_verbs_without_a_statement_are_not_claims(claims_pipeline: Pipeline) -> None:
    analysis = claims_pipeline.analyze(
        Article(
            text="The council met on Tuesday. "
            "Artillery backed the assault and troops pushed the enemy back."
        )
    )
    assert all(not claim.attributed for claim in analysis.claims)


def test_reports_without_a_named_speaker_are_anonymous(claims_pipeline: Pipeline) -> None:
    text = (
        "Russia is believed to have lost more than 300 tanks near Avdiivka since October. "
        "It was reported that the bridge had been hit.\n\n"
        "Asked about the losses, the Kremlin declined to comment."
    )
    analysis = claims_pipeline.analyze(Article(text=text, publisher="Reuters"))
    believed = claim_by_cue(analysis, "is believed")
    assert contents(believed) == [
        "Russia",
        "to have lost more than 300 tanks near Avdiivka since October",
    ]
    assert (believed.source.kind, believed.source.span) == ("anonymous", None)
    assert claim_by_cue(analysis, "was reported").source.kind == "anonymous"
    assert not any(c.cue is not None and c.cue.text.startswith("Asked") for c in analysis.claims)


def test_a_hedged_reading_stays_the_reporters_own(claims_pipeline: Pipeline) -> None:
    text = "The offensive appears to have stalled near Robotyne."
    analysis = claims_pipeline.analyze(Article(text=text, publisher="Reuters"))
    (claim,) = [c for c in analysis.claims if c.cue is not None]
    assert not claim.attributed and claim.cue is not None and claim.cue.text == "appears"
    assert contents(claim) == ["The offensive", "to have stalled near Robotyne"]
    assert claim.source.kind == "publisher" and [link.role for link in claim.chain] == ["publisher"]


def test_headline_colon_and_views(claims_pipeline: Pipeline) -> None:
    text = (
        "Zelenskiy: Russia will pay for Bucha\n\nUpdate: the bridge is closed.\n\n"
        "Residents see the curfew as a trap. I see a problem."
    )
    analysis = claims_pipeline.analyze(Article(text=text, publisher="Reuters"))
    headline = claim_by_cue(analysis, ":")
    assert headline.source.actor_id == "ukr.zelenskyy"
    assert contents(headline) == ["Russia will pay for Bucha"]
    assert contents(claim_by_cue(analysis, "see")) == ["the curfew as a trap"]
    attributed = [c for c in analysis.claims if c.attributed]
    assert len(attributed) == 2  # neither "Update:" nor "I see a problem" is an attribution


def test_parenthetical_attribution_and_shared_subject(claims_pipeline: Pipeline) -> None:
    text = (
        "In March, the mayor said, the city lost power for two days. "
        "The governor toured the damaged plant and said on Monday that repairs would take weeks."
    )
    analysis = claims_pipeline.analyze(Article(text=text, publisher="Reuters"))
    aside = claim_by_cue(analysis, "said", "the mayor")
    assert contents(aside) == ["In March", "the city lost power for two days"]
    toured = claim_by_cue(analysis, "said", "The governor")
    assert contents(toured) == ["that repairs would take weeks"]
