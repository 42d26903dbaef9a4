"""Certainty stage: estimative phrases read on the PHIA or ICD 203 yardstick, phrase kept."""

from __future__ import annotations

import pytest

from wirecoder import Config, Pipeline
from wirecoder.schema import Analysis, Article, Claim

ARTICLE = """\
Ukrainian forces have highly likely pushed Russian troops back from the village of Robotyne, \
British military intelligence said on Saturday.

It is a realistic possibility that Russia will redeploy airborne units to the area, the \
intelligence update said.

A U.S. intelligence official said Russia would very likely try to retake the village within \
weeks, but that a breakthrough toward Zaporizhzhia was unlikely.

Local commanders said an attack on the town was likely, and a Russian-installed official \
said there was almost no chance of evacuating civilians.

Ukraine's army said it had taken the village.

British defence intelligence said Moscow would very likely keep the bridgehead, and a U.S. \
defense official said the Ukrainian push had highly likely stalled.
"""


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    config = Config(
        model=Config.default().model, stages=("mentions.v1", "claims.v1", "certainty.v1")
    )
    return Pipeline(config).analyze(Article(text=ARTICLE, publisher="Reuters"))


def claim_with(analysis: Analysis, words: str) -> Claim:
    return next(
        c for c in analysis.claims if c.attributed and any(words in s.text for s in c.content)
    )


def readings(claim: Claim) -> list[tuple[str, str, str, float, float]]:
    return [(c.phrase, c.scale, c.label, c.low, c.high) for c in claim.certainty]


def test_british_intelligence_reads_on_phia(analysis: Analysis) -> None:
    claim = claim_with(analysis, "pushed Russian troops back")
    assert readings(claim) == [("highly likely", "PHIA", "highly likely", 0.80, 0.90)]
    span = claim.certainty[0].span
    assert analysis.article.text[span.start : span.end] == "highly likely"


def test_role_source_resolved_to_british_intelligence_keeps_phia(analysis: Analysis) -> None:
    claim = claim_with(analysis, "redeploy airborne units")
    assert readings(claim) == [
        ("realistic possibility", "PHIA", "realistic possibility", 0.40, 0.50)
    ]


def test_us_intelligence_reads_on_icd_203(analysis: Analysis) -> None:
    claim = claim_with(analysis, "try to retake the village")
    assert claim.source.country == "USA"
    assert readings(claim) == [
        ("very likely", "ICD203", "very likely", 0.80, 0.95),
        ("unlikely", "ICD203", "unlikely", 0.20, 0.45),
    ]


def test_other_sources_use_the_yardstick_whose_term_it_is(analysis: Analysis) -> None:
    commanders = claim_with(analysis, "attack on the town")
    assert readings(commanders) == [("likely", "none", "likely or probable", 0.55, 0.80)]
    official = claim_with(analysis, "evacuating civilians")
    assert readings(official) == [("almost no chance", "ICD203", "almost no chance", 0.01, 0.05)]


def test_claims_without_estimative_language_have_no_certainty(analysis: Analysis) -> None:
    assert claim_with(analysis, "taken the village").certainty == []


def test_a_term_of_one_yardstick_is_read_on_it_whoever_says_it(analysis: Analysis) -> None:
    british = claim_with(analysis, "keep the bridgehead")
    assert british.source.country == "GBR"
    assert readings(british) == [("very likely", "ICD203", "very likely", 0.80, 0.95)]
    american = claim_with(analysis, "push had highly likely stalled")
    assert american.source.country == "USA"
    assert readings(american) == [("highly likely", "PHIA", "highly likely", 0.80, 0.90)]
