"""Claims on wire-style sentences: citing chains, agency names, namings inside someone's words,
and a lead's role source named in the next paragraph."""

from __future__ import annotations

import pytest
from test_claims import claim_by_cue, contents

from wirecoder import Config, Pipeline
from wirecoder.schema import Analysis, Article


@pytest.fixture(scope="module")
def claims_pipeline() -> Pipeline:
    return Pipeline(Config(model=Config.default().model, stages=("mentions.v1", "claims.v1")))


def analyze(pipeline: Pipeline, text: str) -> Analysis:
    return pipeline.analyze(Article(text=text, publisher="Reuters"))


@pytest.mark.parametrize(
    ("text", "agency", "originator"),
    [
        (
            (
                "Russia's TASS news agency, citing the Moscow-appointed governor of Zaporizhzhia, "
                "reported that a drone had hit a power line near Enerhodar."
            ),
            "src.tass",
            "the Moscow-appointed governor of Zaporizhzhia",
        ),
        (
            (
                "Russia's TASS news agency reported, citing the Moscow-appointed governor of "
                "Zaporizhzhia, that a drone had hit a power line near Enerhodar."
            ),
            "src.tass",
            "the Moscow-appointed governor of Zaporizhzhia",
        ),
        (
            (
                "A drone hit a power line near Enerhodar, Russia's TASS news agency said, "
                "citing the "
                "Moscow-appointed governor of Zaporizhzhia."
            ),
            "src.tass",
            "the Moscow-appointed governor of Zaporizhzhia",
        ),
        (
            (
                "Ukraine's Ukrinform news agency reported, citing military sources, that two "
                "pontoon bridges over the Dnipro had been hit."
            ),
            "src.ukrinform",
            "military sources",
        ),
        (
            (
                "Interfax, quoting a police official in Belgorod, said the fire at the fuel depot "
                "was out by morning."
            ),
            "src.interfax",
            "a police official",
        ),
        (
            (
                "A teacher fined over an anti-war post is being held in Kazakhstan, Russia's RIA "
                "news agency reported, citing the Russian consulate in Almaty."
            ),
            "src.ria",
            "the Russian consulate in Almaty",
        ),
    ],
)
def test_citing_a_source_is_a_chain_link_not_a_claim(
    claims_pipeline: Pipeline, text: str, agency: str, originator: str
) -> None:
    attributed = [c for c in analyze(claims_pipeline, text).claims if c.attributed]
    assert len(attributed) == 1, [(c.cue and c.cue.text, contents(c)) for c in attributed]
    (claim,) = attributed
    assert claim.cue is not None and claim.cue.text in ("reported", "said")
    assert not any(text.startswith(("citing", "quoting")) for text in contents(claim))
    assert claim.source.span is not None and "citing" not in claim.source.span.text
    assert "quoting" not in claim.source.span.text
    assert (claim.source.actor_id, claim.source.kind) == (agency, "news_agency")
    assert [link.role for link in claim.chain] == ["publisher", "agency", "originator"]
    assert claim.chain[-1].span is not None and claim.chain[-1].span.text.startswith(originator)
    assert claim.chain[-1].cue is not None and claim.chain[-1].cue.text in ("citing", "quoting")


def test_citing_a_reason_stays_a_statement(claims_pipeline: Pipeline) -> None:
    text = "The minister said the talks had stalled, citing the collapse of a prisoner exchange."
    analysis = analyze(claims_pipeline, text)
    assert contents(claim_by_cue(analysis, "citing")) == ["the collapse of a prisoner exchange"]
    assert [link.role for link in claim_by_cue(analysis, "said").chain] == [
        "publisher",
        "originator",
    ]


@pytest.mark.parametrize(
    ("written", "actor_id"),
    [
        ("Russia's RIA news agency", "src.ria"),
        ("RIA", "src.ria"),
        ("RIA Novosti", "src.ria"),
        ("Russia's TASS news agency", "src.tass"),
        ("Interfax", "src.interfax"),
        ("Ukraine's Ukrinform", "src.ukrinform"),
    ],
)
def test_an_agency_owned_by_a_country_is_the_agency(
    claims_pipeline: Pipeline, written: str, actor_id: str
) -> None:
    analysis = analyze(claims_pipeline, f"{written} reported that two bridges had been damaged.")
    claim = claim_by_cue(analysis, "reported")
    assert (claim.source.actor_id, claim.source.kind) == (actor_id, "news_agency")


@pytest.mark.parametrize(
    ("text", "naming"),
    [
        (
            (
                "Moldovan President Maia Sandu dismissed the offer, saying Chisinau would not bow "
                "to what she described as blackmail."
            ),
            "described",
        ),
        (
            (
                "Foreign Minister Andrii Sybiha rejected the demand on Thursday, saying Kyiv would "
                "never accept what he called an ultimatum."
            ),
            "called",
        ),
    ],
)
def test_a_naming_inside_someones_words_is_part_of_them(
    claims_pipeline: Pipeline, text: str, naming: str
) -> None:
    analysis = analyze(claims_pipeline, text)
    assert not any(c.cue is not None and c.cue.text == naming for c in analysis.claims)
    saying = claim_by_cue(analysis, "saying")
    assert any(naming in piece for piece in contents(saying))
    assert saying.source.kind != "government"


def test_a_naming_on_its_own_belongs_to_the_pronouns_person_not_the_capital(
    claims_pipeline: Pipeline,
) -> None:
    text = (
        "Ukrainian Foreign Minister Andrii Sybiha met European envoys in Brussels on Friday.\n\n"
        "Kyiv would never accept what he called an ultimatum from Moscow.\n"
    )
    claim = claim_by_cue(analyze(claims_pipeline, text), "called")
    assert claim.source.name == "Andrii Sybiha"
    assert claim.source.resolved_from is not None
    assert claim.source.resolved_from.text == "Andrii Sybiha"


LEAD = (
    "Russian glide bombs hit two apartment blocks in the centre of Zaporizhzhia on Sunday, "
    "killing at least four people, the {role} said.\n\n"
)


def test_a_leads_role_source_is_the_holder_named_next(claims_pipeline: Pipeline) -> None:
    text = LEAD.format(role="regional governor") + (
        "Ivan Fedorov, governor of Zaporizhzhia region, said on Telegram that rescuers were "
        "still searching the rubble.\n"
    )
    claim = claim_by_cue(analyze(claims_pipeline, text), "said", "the regional governor")
    assert claim.source.name == "Ivan Fedorov"
    assert claim.source.resolved_from is not None
    assert claim.source.resolved_from.text == "Ivan Fedorov"


@pytest.mark.parametrize(
    "follow_up",
    [
        (
            "Ivan Fedorov, mayor of the city, said on Telegram that rescuers were still searching "
            "the rubble.\n"
        ),
        (
            "Rescuers worked through the night. Cranes arrived from Dnipro on Monday. "
            "Power was cut in three districts.\n\nIvan Fedorov, governor of Zaporizhzhia region, "
            "said on Telegram "
            "that the search was over.\n"
        ),
    ],
)
def test_a_leads_role_source_stays_unnamed_without_the_same_title_close_by(
    claims_pipeline: Pipeline, follow_up: str
) -> None:
    text = LEAD.format(role="regional governor") + follow_up
    claim = claim_by_cue(analyze(claims_pipeline, text), "said", "the regional governor")
    assert claim.source.name == "the regional governor"
    assert claim.source.resolved_from is None


@pytest.mark.parametrize(
    ("text", "agency", "originator", "content"),
    [
        (
            "Regional officials told reporters four people were hurt when a drone hit a depot in "
            "Kherson overnight, TASS reported.",
            "src.tass",
            "Regional officials",
            "four people were hurt when a drone hit a depot in Kherson overnight",
        ),
        (
            "The district governor said two schools were damaged by shelling on Tuesday, "
            "the Interfax news agency reported, citing emergency services.",
            "src.interfax",
            "The district governor",
            "two schools were damaged by shelling on Tuesday",
        ),
        (
            "Moscow-installed officials in Luhansk said in a statement nine civilians were hurt "
            "when rockets hit Sievierodonetsk on Monday, Ukrinform reported.",
            "src.ukrinform",
            "Moscow-installed officials in Luhansk",
            "nine civilians were hurt when rockets hit Sievierodonetsk on Monday",
        ),
    ],
)
def test_a_report_appended_after_someone_said_relays_them(
    claims_pipeline: Pipeline, text: str, agency: str, originator: str, content: str
) -> None:
    """The parse may hang ", TASS reported" on the earlier "said" as its complement; the agency
    still relays the officials, who stay the originator (corroboration counts them, not TASS)."""
    attributed = [c for c in analyze(claims_pipeline, text).claims if c.attributed]
    assert len(attributed) == 1, [(c.cue and c.cue.text, contents(c)) for c in attributed]
    (claim,) = attributed
    assert claim.source.name == originator
    assert contents(claim) == [content]
    assert [link.role for link in claim.chain][:2] == ["publisher", "agency"]
    assert claim.chain[1].actor_id == agency
    assert claim.chain[-1].name == originator


def test_a_title_settles_how_a_person_speaks_every_time(claims_pipeline: Pipeline) -> None:
    """ "military expert X" is an expert, not the military; a later bare "X said" speaks in the
    role X was introduced with, so one person keeps one kind across an article."""
    text = (
        "Southern Command spokeswoman Nataliia Humeniuk said the shelling had eased.\n\n"
        '"The enemy is regrouping," Humeniuk said on national television.\n\n'
        "Defence analyst Mykola Bielieskov said the lull would not last."
    )
    kinds = {
        (c.source.name, c.source.kind)
        for c in analyze(claims_pipeline, text).claims
        if c.attributed
    }
    assert kinds == {("Nataliia Humeniuk", "official"), ("Mykola Bielieskov", "expert")}, kinds
