"""The dateline through the whole pipeline: where a story was filed is not where its events
happened, not the start of a claim's words and not an actor; it only helps choose among places of
one name. Stories written for these tests, from several conflicts."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

import wirecoder
from wirecoder import Document, get_stage
from wirecoder.schema import Analysis, Article, Dateline


def _folded(text: str) -> str:
    return " ".join(text.replace("-", " ").casefold().split())


def _event_places(analysis: Analysis) -> list[str]:
    places = {place.id: place for place in analysis.places}
    return [places[event.place_id].name for event in analysis.events if event.place_id]


FILED_ELSEWHERE = [
    (
        "BANGKOK: Myanmar army jets bombed a monastery in northern Shan state on Tuesday, killing "
        "11 villagers who had sheltered there, a relief group working in the area said.",
        "Bangkok",
        "Shan",
    ),
    (
        "Jihadists kill nine soldiers in central Mali\n\n"
        "BAMAKO, Mali, Oct 2 (Reuters) - Islamist fighters attacked an army post near Mopti on "
        "Sunday, killing at least nine soldiers, two security sources said.",
        "Bamako",
        "Mopti",
    ),
    (
        "By a Staff Reporter\n\n"
        "PORT SUDAN, Sudan (AP) — Rapid Support Forces fighters shelled a camp for displaced "
        "families outside El Fasher on Saturday, killing 14 people, the regional governor said.",
        "Port Sudan",
        "El Fasher",
    ),
    (
        "ADEN, Yemen, Oct 3 (Xinhua) -- Houthi drones struck a government military camp in "
        "Marib province on Thursday, killing four soldiers, a military official said.",
        "Aden",
        "Ma",
    ),
    (
        "CAIRO, (Reuters) - Israeli air strikes killed at least 12 people in Khan Younis in the "
        "southern Gaza Strip overnight, Palestinian health officials said.",
        "Cairo",
        "Kh",
    ),
    (
        "KYIV, Ukraine, Oct 3 (Reuters) - Russian guided bombs hit an apartment block in Kharkiv "
        "on Thursday, wounding 18 people, the regional governor said.",
        "Kyiv",
        "Kharkiv",
    ),
    (
        "Ambush kills 12 Niger soldiers near Malian border\n\nBy Reuters\n\n"
        "October 3, 2024 4:10 PM GMT+1 Updated 3 hours ago\n\n2 min read\n\n"
        "NIAMEY, Oct 3 (Reuters) - Jihadist fighters killed 12 soldiers in an ambush near "
        "Tillaberi on Wednesday, Niger's defence ministry said in a statement.",
        "Niamey",
        "Till",
    ),
    (
        "KINSHASA (AFP) - M23 rebels shelled the outskirts of Sake in North Kivu on Monday, "
        "killing five civilians, a local official said.",
        "Kinshasa",
        None,
    ),
]


@pytest.mark.parametrize(("text", "filed", "happened"), FILED_ELSEWHERE)
def test_the_filing_city_is_no_event_place_claim_start_or_actor(
    text: str, filed: str, happened: str | None
) -> None:
    analysis = wirecoder.analyze(text, published="2024-10-04")
    dateline = analysis.article.dateline
    assert dateline is not None and _folded(dateline.place or "").startswith(_folded(filed))
    assert _folded(filed) not in _folded(analysis.article.text)
    assert analysis.events, "the story reports an event"
    assert all(_folded(filed) not in _folded(name) for name in _event_places(analysis))
    if happened is not None:
        assert any(happened in name for name in _event_places(analysis))
    for claim in analysis.claims:
        for span in claim.content:
            assert not _folded(span.text).startswith(_folded(filed))
    assert all(_folded(filed) not in _folded(actor.name) for actor in analysis.actors)
    assert all(_folded(filed) not in _folded(place.name) for place in analysis.places)


def test_the_filing_city_is_the_event_place_when_the_text_says_so() -> None:
    analysis = wirecoder.analyze(
        "KHARKIV, Ukraine (AP) — Russian missiles struck Kharkiv overnight, damaging a power "
        "plant on the edge of the city, the mayor said.",
        published="2024-10-04",
    )
    assert analysis.article.dateline is not None
    assert analysis.article.dateline.place == "KHARKIV, Ukraine"
    assert "Kharkiv" in _event_places(analysis)


def test_a_news_conference_in_the_filing_city_does_not_move_the_killing_there() -> None:
    analysis = wirecoder.analyze(
        "BANGKOK (Reuters) - Myanmar military air strikes on a village in Sagaing region killed "
        "at least 20 people on Monday, an opposition spokesman told a news conference in Bangkok.",
        published="2024-10-04",
    )
    places = {place.id: place for place in analysis.places}
    killings = [event for event in analysis.events if event.type == "ASSAULT"]
    assert killings and all(
        event.place_id and places[event.place_id].name == "Sagaing" for event in killings
    )


@pytest.fixture(scope="module")
def places_stage(nlp: Language) -> Callable[[Document], None]:
    return get_stage("places.v1").build(nlp, {})


@pytest.mark.parametrize(
    ("filed", "country"),
    [(None, "EG"), ("PARIS", "EG"), ("PARIS, Texas", "US"), ("WASHINGTON", "US")],
)
def test_the_dateline_and_its_region_choose_among_namesakes(
    nlp: Language,
    places_stage: Callable[[Document], None],
    filed: str | None,
    country: str,
) -> None:
    text = "Firefighters put out a blaze at a warehouse in Alexandria late on Tuesday, police said."
    dateline = Dateline(text=filed, place=filed) if filed else None
    document = Document(article=Article(text=text, dateline=dateline), doc=nlp(text))
    places_stage(document)
    assert [(place.name, place.country_code) for place in document.places] == [
        ("Alexandria", country)
    ]
