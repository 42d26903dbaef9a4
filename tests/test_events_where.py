"""Where an event happened: the place comes from the trigger's own phrases, not from where
someone spoke, whose a person is, the dateline or the country of a party. Sentences written for
these tests, with hand-built places standing in for the places stage."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import TEST_STAGE, Run, place_named

from wirecoder import Document
from wirecoder.schema import (
    PLACE_SOURCES,
    Dateline,
    Event,
    Place,
    PlaceRole,
    RelativeLocation,
    Span,
    WherePrecision,
)
from wirecoder.stages.events import place_of_trigger

Build = Callable[..., Document]


def _place(
    text: str,
    place_id: str,
    name: str,
    precision: WherePrecision = 1,
    feature: str | None = "town",
    role: PlaceRole = "location",
    relative: RelativeLocation | None = None,
) -> Place:
    return place_named(
        text, place_id, name, role=role, precision=precision, feature=feature, relative=relative
    )


def _document(
    make_document: Build, text: str, *places: tuple[str, WherePrecision, str]
) -> Document:
    """A document of ``text`` with places (name, precision, feature) numbered P1, P2 ..."""
    document = make_document(text)
    document.places += [
        _place(text, f"P{number}", name, precision, feature)
        for number, (name, precision, feature) in enumerate(places, 1)
    ]
    return document


def _event(events: list[Event], trigger: str) -> Event:
    """The event whose trigger, or a word joined to it, is ``trigger``."""
    found = [
        e
        for e in events
        if trigger in e.trigger.text.split() or any(word.text == trigger for word in e.joined)
    ]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in events]
    return found[0]


def _where(document: Document, event: Event) -> tuple[str | None, str | None]:
    names = {place.id: place.name for place in document.places}
    return names.get(event.place_id or ""), event.place_from


# ---------------------------------------------------------------- the trigger's own phrases


@pytest.mark.parametrize(
    ("text", "trigger", "places", "expected"),
    [
        (
            "Two civilians were killed in an air strike on a market in El Fasher on Sunday.",
            "strike",
            [("El Fasher", 1, "city")],
            "El Fasher",
        ),
        (
            "Paramilitary fighters shelled Omdurman overnight, residents said.",
            "shelled",
            [("Omdurman", 1, "city")],
            "Omdurman",
        ),
        (
            "Rebels of the M23 seized the town of Rubaya after two days of fighting.",
            "seized",
            [("Rubaya", 1, "town")],
            "Rubaya",
        ),
        (
            "A policeman in Tillaberi was shot dead by unidentified gunmen on Friday.",
            "shot",
            [("Tillaberi", 1, "town")],
            "Tillaberi",
        ),
        (
            "The bombardment of the Saltivka district lasted most of the night.",
            "bombardment",
            [("Saltivka", 1, "village")],
            "Saltivka",
        ),
        (
            "A drone attack on a fuel depot near Hodeidah caused a large fire.",
            "attack",
            [("Hodeidah", 1, "city")],
            "Hodeidah",
        ),
        (
            "Ukrainian troops withdrew from Avdiivka to avoid encirclement.",
            "withdrew",
            [("Avdiivka", 1, "town")],
            "Avdiivka",
        ),
        (
            "Fighters shelled a camp for displaced families outside Zalingei on Friday.",
            "shelled",
            [("Zalingei", 1, "town")],
            "Zalingei",
        ),
        (
            "Gunmen stormed a school for girls in Kankara before dawn, police said.",
            "stormed",
            [("Kankara", 1, "town")],
            "Kankara",
        ),
        (
            "Hundreds of soldiers have died in the battle for Bakhmut since the summer.",
            "battle",
            [("Bakhmut", 1, "town")],
            "Bakhmut",
        ),
    ],
)
def test_the_place_of_the_trigger_s_own_phrase(
    make_document: Build,
    run: Run,
    text: str,
    trigger: str,
    places: list[tuple[str, WherePrecision, str]],
    expected: str,
) -> None:
    document = _document(make_document, text, *places)
    assert _where(document, _event(run(document), trigger)) == (expected, "trigger")


def test_casualties_joined_to_the_attack_take_its_place(make_document: Build, run: Run) -> None:
    text = "At least seven civilians were killed in the shelling of the Saltivka district."
    document = _document(make_document, text, ("Saltivka", 1, "village"))
    shelling = _event(run(document), "shelling")
    assert [word.text for word in shelling.joined] == ["killed"]
    assert _where(document, shelling) == ("Saltivka", "trigger")
    killed = document.doc[next(t.i for t in document.doc if t.text == "killed")]
    place = place_of_trigger(document, killed)
    assert place is not None and place.name == "Saltivka"


def test_a_clause_bound_to_the_trigger_gives_the_place(make_document: Build, run: Run) -> None:
    text = "Three soldiers were killed when militants ambushed their convoy near Menaka."
    document = _document(make_document, text, ("Menaka", 1, "town"))
    assert _where(document, _event(run(document), "ambushed")) == ("Menaka", "trigger")
    killed = next(t for t in document.doc if t.text == "killed")
    place = place_of_trigger(document, killed)
    assert place is not None and place.name == "Menaka"


def test_coordinated_acts_share_the_place_phrase(make_document: Build, run: Run) -> None:
    text = "Gunmen shot and killed a village chief in Djibo on Tuesday."
    document = _document(make_document, text, ("Djibo", 1, "town"))
    shot = next(t for t in document.doc if t.text == "shot")
    place = place_of_trigger(document, shot)
    assert place is not None and place.name == "Djibo"


def test_two_acts_of_one_sentence_each_keep_their_own_place(make_document: Build, run: Run) -> None:
    text = (
        "Israeli strikes killed 12 people in Rafah, while troops raided a hospital in Jenin "
        "hours later."
    )
    document = _document(make_document, text, ("Rafah", 1, "city"), ("Jenin", 1, "city"))
    events = run(document)
    assert _where(document, _event(events, "strikes"))[0] == "Rafah"
    assert _where(document, _event(events, "raided"))[0] == "Jenin"


# ---------------------------------------------------------- the most specific, not the container


@pytest.mark.parametrize(
    ("text", "trigger", "places", "expected"),
    [
        (
            "A drone struck a house in the Zeitoun neighbourhood of Gaza City, killing four.",
            "struck",
            [("Zeitoun", 1, "village"), ("Gaza City", 1, "city")],
            "Zeitoun",
        ),
        (
            "Russian missiles hit an apartment block in Kharkiv's Saltivka district on Friday.",
            "hit",
            [("Kharkiv", 1, "city"), ("Saltivka", 1, "village")],
            "Saltivka",
        ),
        (
            "Jets bombed a monastery in Kani township in Sagaing region, killing 11.",
            "bombed",
            [("Kani", 3, "admin2"), ("Sagaing", 4, "admin1")],
            "Kani",
        ),
        (
            "Houthi fighters attacked a checkpoint in Hays, south of Hodeidah.",
            "attacked",
            [("Hays", 1, "town"), ("Hodeidah", 1, "city")],
            "Hays",
        ),
        (
            "In Sudan's North Darfur state, paramilitaries torched the village of Um Kadada.",
            "torched",
            [("Sudan", 6, "country"), ("North Darfur", 4, "admin1"), ("Um Kadada", 1, "village")],
            "Um Kadada",
        ),
    ],
)
def test_the_most_specific_place_not_its_container(
    make_document: Build,
    run: Run,
    text: str,
    trigger: str,
    places: list[tuple[str, WherePrecision, str]],
    expected: str,
) -> None:
    document = _document(make_document, text, *places)
    token = next(t for t in document.doc if t.text == trigger)
    place = place_of_trigger(document, token)
    assert place is not None and place.name == expected


def test_near_a_town_is_the_town(make_document: Build, run: Run) -> None:
    text = "Four people were killed in shelling near Kramatorsk on Wednesday."
    document = make_document(text)
    town = _place(text, "P1", "Kramatorsk", 1, "city")
    near = _place(
        text,
        "P2",
        "near Kramatorsk",
        2,
        "city",
        relative=RelativeLocation(anchor_id="P1", span=Span.of(text, 41, 56)),
    )
    document.places += [town, near]
    shelling = _event(run(document), "shelling")
    assert (shelling.place_id, shelling.where_precision, shelling.place_from) == (
        "P1",
        1,
        "trigger",
    )


# ------------------------------------------------------ not where someone spoke, nor whose, nor who


def test_a_press_conference_is_not_the_event_s_place(make_document: Build, run: Run) -> None:
    text = (
        "At a news conference in Geneva, a UN official said paramilitary fighters had stormed "
        "a displacement camp near El Geneina."
    )
    document = _document(make_document, text, ("Geneva", 1, "city"), ("El Geneina", 1, "city"))
    assert _where(document, _event(run(document), "stormed")) == ("El Geneina", "trigger")


def test_where_a_speaker_told_reporters_is_no_place_at_all(make_document: Build, run: Run) -> None:
    text = (
        "Drones hit a fuel depot and a power station overnight, the governor told reporters "
        "in Port Sudan."
    )
    document = _document(make_document, text, ("Port Sudan", 1, "city"))
    hit = _event(run(document), "hit")
    assert (hit.place_id, hit.place_from) == (None, None)


def test_a_speech_place_before_is_no_fallback_either(make_document: Build, run: Run) -> None:
    text = (
        "The army spokesman spoke to journalists in Port Sudan on Monday. Paramilitary forces "
        "killed dozens of villagers, he said."
    )
    document = _document(make_document, text, ("Port Sudan", 1, "city"))
    killed = _event(run(document), "killed")
    assert killed.place_id is None


def test_the_speaker_s_office_is_not_the_place(make_document: Build, run: Run) -> None:
    from wirecoder.schema import Claim, Source

    text = "The governor of Zaporizhzhia region said a missile destroyed a warehouse."
    document = _document(make_document, text, ("Zaporizhzhia", 4, "admin1"))
    start = text.index("The governor")
    document.claims.append(
        Claim(
            id="C1",
            stage=TEST_STAGE,
            source=Source(
                name="governor",
                kind="official",
                span=Span.of(text, start, start + len("The governor of Zaporizhzhia region")),
            ),
            content=[Span.of(text, text.index("a missile"), len(text) - 1)],
        )
    )
    destroyed = _event(run(document), "destroyed")
    assert destroyed.place_id is None


@pytest.mark.parametrize(
    ("text", "trigger", "places", "expected"),
    [
        # the doer named by its country
        (
            "Azerbaijan took the town of Lachin in a swift offensive.",
            "took",
            [("Azerbaijan", 6, "country"), ("Lachin", 1, "town")],
            "Lachin",
        ),
        # the other side of a clash
        (
            "Clashes with Sudan's army erupted in Omdurman on Thursday.",
            "Clashes",
            [("Sudan", 6, "country"), ("Omdurman", 1, "city")],
            "Omdurman",
        ),
        # the country of an attack
        (
            "A Ukraine drone strike hit a refinery in Novoshakhtinsk overnight.",
            "strike",
            [("Ukraine", 6, "country"), ("Novoshakhtinsk", 1, "city")],
            "Novoshakhtinsk",
        ),
        # a person's origin
        (
            "A Goma resident was shot dead by soldiers in Sake.",
            "shot",
            [("Goma", 1, "city"), ("Sake", 1, "town")],
            "Sake",
        ),
    ],
)
def test_a_doer_a_party_or_a_person_s_origin_is_not_the_place(
    make_document: Build,
    run: Run,
    text: str,
    trigger: str,
    places: list[tuple[str, WherePrecision, str]],
    expected: str,
) -> None:
    document = _document(make_document, text, *places)
    token = next(t for t in document.doc if t.text == trigger)
    place = place_of_trigger(document, token)
    assert place is not None and place.name == expected


def test_a_person_s_origin_alone_gives_no_place(make_document: Build, run: Run) -> None:
    text = "A Goma resident was shot dead by soldiers on Saturday."
    document = _document(make_document, text, ("Goma", 1, "city"))
    shot = next(t for t in document.doc if t.text == "shot")
    assert place_of_trigger(document, shot) is None


# ------------------------------------------------------------------- the sentence and beyond


def test_a_scene_before_the_reporting_verb_is_the_sentence_s_place(
    make_document: Build, run: Run
) -> None:
    text = "In Khartoum, residents said artillery shells hit a hospital on Sunday."
    document = _document(make_document, text, ("Khartoum", 1, "capital"))
    assert _where(document, _event(run(document), "hit")) == ("Khartoum", "sentence")


@pytest.mark.parametrize(
    "text",
    [
        "Officials in the city of Horlivka said a rocket strike killed nine people at a market.",
        "A police source in Hodeidah said an air strike had killed four fishermen.",
    ],
)
def test_where_the_local_sources_are_is_the_sentence_s_place(
    make_document: Build, run: Run, text: str
) -> None:
    name = "Horlivka" if "Horlivka" in text else "Hodeidah"
    document = _document(make_document, text, (name, 1, "city"))
    assert _where(document, _event(run(document), "strike")) == (name, "sentence")


def test_a_place_named_before_in_the_paragraph_is_a_marked_inference(
    make_document: Build, run: Run
) -> None:
    text = (
        "Heavy fighting was reported around Pokrovsk on Monday. Two soldiers were killed and "
        "four wounded in an artillery strike, the general staff said."
    )
    document = _document(make_document, text, ("Pokrovsk", 1, "town"))
    strike = _event(run(document), "strike")
    assert _where(document, strike) == ("Pokrovsk", "paragraph")
    assert strike.where_precision == 2


def test_the_article_s_place_is_the_last_resort_and_is_coarse(
    make_document: Build, run: Run
) -> None:
    text = (
        "Explosions shook Kherson overnight, and Kherson officials ordered a curfew.\n\n"
        "A power station was shelled and two workers were wounded, the utility said."
    )
    document = _document(make_document, text, ("Kherson", 1, "city"))
    shelled = _event(run(document), "shelled")
    assert _where(document, shelled) == ("Kherson", "article")
    assert shelled.where_precision == 4


def test_no_article_place_for_a_statement_nor_beside_another_place(
    make_document: Build, run: Run
) -> None:
    text = (
        "Sudanese army jets bombed El Obeid overnight, killing six.\n\n"
        "The paramilitary leader rejected the truce proposal.\n\n"
        "Fighters detained aid workers in Kadugli.\n\n"
        "Militiamen looted a shop owned by a trader from Kadugli."
    )
    document = _document(make_document, text, ("El Obeid", 1, "city"), ("Kadugli", 1, "town"))
    events = run(document)
    assert _event(events, "rejected").place_id is None  # said somewhere the article does not say
    assert _where(document, _event(events, "detained")) == ("Kadugli", "trigger")
    # the sentence names a place, of another act: not the article's for the looting
    assert _event(events, "looted").place_id is None


def test_the_dateline_is_a_place_only_when_the_text_says_here(
    make_document: Build, run: Run
) -> None:
    text = (
        "Residents of Sanaa woke to loud blasts. Air strikes hit a military camp here on "
        "Tuesday, witnesses said."
    )
    document = make_document(text, dateline=Dateline(text="SANAA", place="Sanaa"))
    document.places.append(_place(text, "P1", "Sanaa", 1, "capital"))
    assert _where(document, _event(run(document), "strikes")) == ("Sanaa", "dateline")


def test_the_dateline_alone_places_nothing(make_document: Build, run: Run) -> None:
    text = "Military air strikes in northern Shan state killed 11 people, a rescue worker said."
    document = make_document(text, dateline=Dateline(text="BANGKOK", place="Bangkok"))
    document.places.append(_place(text, "P1", "Shan", 4, "admin1"))
    assert _where(document, _event(run(document), "strikes")) == ("Shan", "trigger")
    other = make_document(
        "Eleven people were killed in air strikes, a rescue worker said.",
        dateline=Dateline(text="BANGKOK", place="Bangkok"),
    )
    assert _event(run(other), "strikes").place_id is None


def test_place_sources_run_from_the_surest_to_the_weakest() -> None:
    assert PLACE_SOURCES[:3] == ("trigger", "clause", "sentence")
    assert PLACE_SOURCES[-2:] == ("paragraph", "article")
