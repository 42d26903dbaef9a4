"""Actors stage: catalog actors folded over aliases, titles typing unknown names, places skipped."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from wirecoder import Document, get_stage
from wirecoder.schema import Place, Span, StageRef

Build = Callable[..., Document]


def _actors(
    nlp: Language, document: Document
) -> dict[str, tuple[str | None, str | None, list[str]]]:
    get_stage("actors.v1").build(nlp, {})(document)
    return {a.id: (a.country, a.sector, [m.text for m in a.mentions]) for a in document.actors}


def test_aliases_and_transliterations_fold_into_one_actor(
    nlp: Language, make_document: Build
) -> None:
    text = (
        "President Volodymyr Zelenskyy met troops near the front. Zelensky later told reporters "
        "that Zelenskiy's office would publish the details."
    )
    found = _actors(nlp, make_document(text))
    assert found["ukr.zelenskyy"] == (
        "UKR",
        "GOV",
        ["Volodymyr Zelenskyy", "Zelensky", "Zelenskiy"],
    )


def test_a_title_types_a_person_the_catalog_lacks_and_a_surname_joins_the_full_name(
    nlp: Language, make_document: Build
) -> None:
    text = (
        "Russian ambassador Dmitry Volkonsky was summoned on Monday. Volkonsky declined to "
        "comment, and the Estonian foreign ministry said the talks were over."
    )
    document = make_document(text)
    get_stage("actors.v1").build(nlp, {})(document)
    person = next(a for a in document.actors if a.name == "Dmitry Volkonsky")
    assert (person.kind, person.country, person.sector) == ("person", "RUS", "GOV")
    assert [m.text for m in person.mentions] == ["Dmitry Volkonsky", "Volkonsky"]
    assert all(a.id != "rus.gov" for a in document.actors)
    ministry = next(a for a in document.actors if a.id == "est.gov")
    assert [m.text for m in ministry.mentions] == ["Estonian foreign ministry"]


def test_countries_as_locations_are_not_actors_but_as_agents_they_are(
    nlp: Language, make_document: Build
) -> None:
    text = (
        "Shelling continued in eastern Ukraine overnight. Ukraine said Russia had fired 40 "
        "missiles."
    )
    found = _actors(nlp, make_document(text))
    assert found["ukr"][2] == ["Ukraine"]
    assert found["ukr"][2] and text.index("Ukraine said") == text.index(
        found["ukr"][2][0] + " said"
    )
    assert found["rus"] == ("RUS", None, ["Russia"])


def test_places_stage_roles_decide_when_present(nlp: Language, make_document: Build) -> None:
    text = "Kyiv rejected the plan, officials in Kyiv said."
    document = make_document(text)
    first, second = text.index("Kyiv"), text.index("Kyiv", 5)
    stage = StageRef(name="test", version="1")
    document.places += [
        Place(
            id="P1",
            stage=stage,
            name="Kyiv",
            role="metonym",
            mentions=[Span.of(text, first, first + 4)],
        ),
        Place(
            id="P2",
            stage=stage,
            name="Kyiv",
            role="location",
            mentions=[Span.of(text, second, second + 4)],
        ),
    ]
    found = _actors(nlp, document)
    assert found["ukr"] == ("UKR", None, ["Kyiv"])
    assert found["ukr"][2] == [text[first : first + 4]]
    assert len(next(a for a in document.actors if a.id == "ukr").mentions) == 1


def test_a_bare_title_gives_the_sector_and_of_country_the_country(
    nlp: Language, make_document: Build
) -> None:
    text = "King Abdullah of Jordan met envoys on Sunday. Judge Maria Okafor adjourned the trial."
    document = make_document(text)
    get_stage("actors.v1").build(nlp, {})(document)
    people = {a.name: (a.country, a.sector) for a in document.actors if a.kind == "person"}
    assert people["Abdullah"] == ("JOR", "GOV")
    assert people["Maria Okafor"] == (None, "JUD")
