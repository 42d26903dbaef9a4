"""The places stage on wire-style text written for these tests, and on the shared example."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import shared_path

from wirecoder import Document, get_stage
from wirecoder.schema import Article, Dateline, Place
from wirecoder.stages.places import find_phrases

FIXTURE = Path(__file__).parent / "fixtures" / "places" / "kupiansk-wire.txt"


@pytest.fixture(scope="module")
def run(nlp) -> Callable[[Document], None]:  # type: ignore[no-untyped-def]
    return get_stage("places.v1").build(nlp, {})


@pytest.fixture(scope="module")
def wire(nlp, run) -> Document:  # type: ignore[no-untyped-def]
    document = Document(
        article=Article(text=FIXTURE.read_text(encoding="utf-8")),
        doc=nlp(FIXTURE.read_text(encoding="utf-8")),
    )
    run(document)
    return document


def find(document: Document, surface: str, role: str | None = None) -> Place:
    for place in document.places:
        named = place.relative is None and any(span.text == surface for span in place.mentions)
        if named and (role is None or place.role == role):
            return place
    raise AssertionError(f"{surface!r} is not a place: {[p.name for p in document.places]}")


def surfaces(document: Document) -> set[str]:
    return {span.text for place in document.places for span in place.mentions}


def test_spans_point_into_the_text(wire: Document) -> None:
    for place in wire.places:
        for span in place.mentions:
            assert wire.text[span.start : span.end] == span.text
        assert place.stage.name == "places"


@pytest.mark.parametrize(
    ("surface", "geonames_id"),
    [
        ("Kupiansk", 703656),
        ("Kramatorsk", 704508),
        ("Sloviansk", 693468),
        ("Kiev", 703448),
        ("Kostiantynivka", 705104),
        ("Kharkiv", 706483),
        ("Istanbul", 745044),
    ],
)
def test_towns_mislabelled_by_the_parser_resolve(
    wire: Document, surface: str, geonames_id: int
) -> None:
    place = find(wire, surface)
    assert place.geonames_id == geonames_id
    assert place.precision == 1 and place.latitude is not None


def test_spellings_of_one_place_are_one_place(wire: Document) -> None:
    assert {"Kostiantynivka", "Kostyantynivka"} <= {
        span.text for span in find(wire, "Kostiantynivka").mentions
    }


def test_region_word_makes_a_province(wire: Document) -> None:
    region = find(wire, "Kharkiv region")
    assert region.feature == "admin1" and region.precision == 4 and region.country_code == "UA"


def test_river_road_and_village_from_the_supplement(wire: Document) -> None:
    river = find(wire, "Oskil River")
    assert river.supplement_id == "river:oskil" and river.precision == 5 and river.line
    road = find(wire, "H20")
    assert road.feature == "road" and road.precision == 5 and road.supplement_id == "road:h20"
    village = find(wire, "Synkivka")
    assert village.supplement_id == "village:synkivka" and village.precision == 1
    assert find(wire, "T0504").line


def test_governments_speaking_are_metonyms(wire: Document) -> None:
    assert find(wire, "Moscow").role == "metonym"
    assert find(wire, "Kyiv").role == "metonym"
    assert find(wire, "Belarus").role == "metonym"
    assert find(wire, "Kiev").role == "location"


def test_demonyms_name_their_country(wire: Document) -> None:
    turkish = find(wire, "Turkish")
    assert turkish.role == "demonym" and turkish.country_code == "TR" and turkish.precision == 6
    assert find(wire, "Polish").country_code == "PL"
    assert find(wire, "Russian").country_code == "RU"


def test_people_and_outlets_never_become_places(wire: Document) -> None:
    found = " ".join(surfaces(wire))
    for name in ("Pavlo", "Kyrylenko", "Telegram", "Suspilne", "Interfax"):
        assert name not in found


def test_relative_phrases_keep_anchor_direction_and_distance(wire: Document) -> None:
    relative = {place.name: place for place in wire.places if place.relative is not None}
    south = relative["12 km south of Kupiansk"]
    anchor = find(wire, "Kupiansk")
    assert south.relative.anchor_id == anchor.id and south.relative.direction == "south"  # type: ignore[union-attr]
    assert south.relative.distance_km == 12 and south.precision == 2  # type: ignore[union-attr]
    assert south.latitude < anchor.latitude - 0.09  # type: ignore[operator]
    outskirts = relative["eastern outskirts of Kramatorsk"]
    assert outskirts.relative.direction == "east"  # type: ignore[union-attr]
    west = relative["about 20 km west of Bakhmut"]
    assert west.longitude < find(wire, "Bakhmut").longitude  # type: ignore[operator]
    assert relative["near Synkivka"].relative.direction is None  # type: ignore[union-attr]


def test_a_direction_inside_a_word_is_no_relative_phrase() -> None:
    assert find_phrases("Envoys kept abreast of Kharkiv talks, linear to the end.") == []
    assert [phrase.direction for phrase in find_phrases("They moved east of Kharkiv.")] == ["east"]


def test_the_town_refers_to_the_place_named_most(nlp, run) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Fighting raged in Avdiivka on Sunday. Avdiivka has been shelled for weeks, and "
        "officials in Pokrovsk said the road north of the town was under fire."
    )
    document = Document(article=Article(text=text), doc=nlp(text))
    run(document)
    phrase = next(place for place in document.places if place.relative is not None)
    assert phrase.name == "north of the town"
    anchor = next(place for place in document.places if place.id == phrase.relative.anchor_id)  # type: ignore[union-attr]
    assert anchor.name.startswith("Avdi")


def test_dateline_and_context_choose_among_namesakes(nlp, run) -> None:  # type: ignore[no-untyped-def]
    text = "Police said two men were detained in Lyman on Sunday after a shooting."
    countries = {}
    for dateline in (None, "DENVER"):
        article = Article(
            text=text,
            dateline=Dateline(text=dateline, place=dateline.title()) if dateline else None,
        )
        document = Document(article=article, doc=nlp(text))
        run(document)
        countries[dateline] = find(document, "Lyman").country_code
    assert countries == {None: "UA", "DENVER": "US"}
    ukraine = "Shelling hit Druzhkivka and Kostiantynivka, near Kramatorsk, on Monday."
    document = Document(article=Article(text=ukraine), doc=nlp(ukraine))
    run(document)
    assert find(document, "Kostiantynivka").admin1 == "Donetska oblast"


def test_shared_example_places(nlp, run) -> None:  # type: ignore[no-untyped-def]
    text = shared_path("examples", "bakhmut-2023-04-07.txt").read_text(encoding="utf-8")
    document = Document(article=Article(text=text), doc=nlp(text))
    run(document)
    assert find(document, "Bakhmut").geonames_id == 713174
    assert find(document, "Kramatorsk").geonames_id == 704508
    assert find(document, "Sloviansk").geonames_id == 693468
    assert find(document, "Donetsk province").feature == "admin1"
    assert find(document, "Ankara").country_code == "TR"
    assert find(document, "Belarus").precision == 6
    assert find(document, "Bakhmutka River").supplement_id == "river:bakhmutka"
    assert find(document, "0506").supplement_id == "road:o0506"
    assert find(document, "Moscow").role == "metonym"
    found = " ".join(surfaces(document))
    for name in (
        "Zelenskiy",
        "Cherevatyi",
        "Selezniov",
        "Lavrov",
        "Cavusoglu",
        "Moskalyov",
        "Blinken",
        "Reuters",
        "CNN",
        "TASS",
        "NV Radio",
    ):
        assert name not in found


def test_outlets_institutions_and_common_words(nlp, run) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Kyiv Post reported on Monday that the National Bank of Ukraine kept rates on hold. "
        "The Centre for Defence Strategies said Russian troops had advanced near Vuhledar. "
        "US officials and the EU said the Pentagon would send more air defence systems."
    )
    document = Document(article=Article(text=text), doc=nlp(text))
    run(document)
    found = surfaces(document)
    assert "Kyiv" not in found and "Centre" not in found  # an outlet's name; a common word
    bank = find(document, "Ukraine")
    assert bank.role == "metonym"  # the state's bank, not a place where something happened
    pentagon = find(document, "Pentagon")
    assert pentagon.role == "metonym" and pentagon.precision == 1 and pentagon.country_code == "US"
    assert find(document, "EU").latitude is not None
    assert find(document, "Vuhledar").admin1 == "Donetska oblast"


@pytest.fixture(scope="module")
def south(nlp, run) -> Document:  # type: ignore[no-untyped-def]
    text = (FIXTURE.parent / "south-front-wire.txt").read_text(encoding="utf-8")
    document = Document(article=Article(text=text), doc=nlp(text))
    run(document)
    return document


def test_provinces_on_both_sides_of_the_border(south: Document) -> None:
    assert find(south, "Kherson region").admin1 == "Khersonska oblast"
    belgorod = find(south, "Belgorod region")
    assert belgorod.country_code == "RU" and belgorod.precision == 4
    assert find(south, "Luhansk region").precision == 4
    assert find(south, "Crimea").country_code == "UA"
    assert find(south, "Donbas").supplement_id == "region:donbas"


def test_the_river_and_the_city_of_one_name(south: Document) -> None:
    city = next(place for place in south.places if place.geonames_id == 709930)
    rivers = [place for place in south.places if place.supplement_id == "river:dnipro"]
    assert city.feature == "city" and city.precision == 1
    assert len(rivers) == 1 and {span.text for span in rivers[0].mentions} == {
        "Dnipro River",
        "Dnipro",
    }
    assert find(south, "Siverskyi Donets").precision == 5


def test_capitals_acting_together_and_possessive_offensives_are_metonyms(south: Document) -> None:
    assert find(south, "Kyiv").role == "metonym" and find(south, "Washington").role == "metonym"
    assert find(south, "Moscow").role == "metonym"
    assert (
        find(south, "Melitopol").role == "location" and find(south, "Sevastopol").role == "location"
    )


def test_compound_directions(south: Document) -> None:
    phrase = next(place for place in south.places if place.name == "5 km northwest of Vuhledar")
    assert phrase.relative.direction == "north-west" and phrase.relative.distance_km == 5  # type: ignore[union-attr]
    anchor = find(south, "Vuhledar")
    assert phrase.latitude > anchor.latitude and phrase.longitude < anchor.longitude  # type: ignore[operator]
    assert "Gladkov" not in " ".join(surfaces(south))


def test_parts_of_countries_and_provinces(nlp, run) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Shelling killed three people in eastern Ukraine, officials said. Fighting in "
        "eastern Ukraine and the southern Kherson region went on, but Western analysts saw no "
        "shift."
    )
    document = Document(article=Article(text=text), doc=nlp(text))
    run(document)
    east = [place for place in document.places if place.name == "eastern Ukraine"]
    assert len(east) == 1 and len(east[0].mentions) == 2
    relative = east[0].relative
    assert east[0].precision == 4 and east[0].feature == "region"
    assert relative is not None and relative.direction == "east"
    kherson = next(place for place in document.places if place.name == "southern Kherson region")
    assert kherson.precision == 4 and kherson.admin1 == "Khersonska oblast"
    assert not any(place.name.startswith("Western") for place in document.places)


def test_backers_are_metonyms_bases_are_places(nlp, run) -> None:  # type: ignore[no-untyped-def]
    text = "Moscow-backed separatists shelled the town, a Kyiv-based analyst said."
    document = Document(article=Article(text=text), doc=nlp(text))
    run(document)
    assert find(document, "Moscow").role == "metonym"
    assert find(document, "Kyiv").role == "location"


def test_conflict_area_setting_leans_towards_the_watched_countries(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Air raid sirens sounded in Druzhba overnight."
    countries = {}
    for focus in ((), ("UA",)):
        run = get_stage("places.v1").build(nlp, {"focus_countries": list(focus)})
        document = Document(article=Article(text=text), doc=nlp(text))
        run(document)
        countries[focus] = find(document, "Druzhba").country_code
    assert countries == {(): "UZ", ("UA",): "UA"}


def test_a_transliteration_of_a_main_name_counts_as_that_name(nlp, run) -> None:  # type: ignore[no-untyped-def]
    """ "Odessa" spells GeoNames' "Odesa" (a city of a million) as much as it names the Texas
    town, so without other context the Ukrainian city is meant."""
    text = "Air raid sirens sounded in Odessa overnight."
    document = Document(article=Article(text=text), doc=nlp(text))
    run(document)
    assert find(document, "Odessa").country_code == "UA"


def test_modern_spellings_and_small_front_line_villages(nlp, run) -> None:  # type: ignore[no-untyped-def]
    text = "Russian troops pressed towards Huliaipole and Berdychi, Ukrainian officials said."
    document = Document(article=Article(text=text), doc=nlp(text))
    run(document)
    assert find(document, "Huliaipole").geonames_id == 707898
    assert find(document, "Berdychi").supplement_id == "village:berdychi"


def test_numbered_roads_listed_and_unlisted(nlp, run) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Convoys used the M-03 highway north of Bakhmut and the T0513 road, while the 1945 "
        "route figures and 2023 plans were not discussed."
    )
    document = Document(article=Article(text=text), doc=nlp(text))
    run(document)
    assert find(document, "M-03").supplement_id == "road:m03"
    unlisted = find(document, "T0513")
    assert unlisted.feature == "road" and unlisted.precision == 5 and unlisted.geonames_id is None
    assert unlisted.admin1 == "Donetska oblast" and unlisted.latitude is not None
    assert not any(
        span.text in ("1945", "2023") for span in (m for p in document.places for m in p.mentions)
    )


@pytest.mark.parametrize(
    ("text", "town"),
    [
        (
            "Officials said three civilians were killed when shells hit Soledar on Thursday.",
            "Soledar",
        ),
        (
            "Officials said seven people died when shells hit Avdiivka on Friday.",
            "Avdiivka",
        ),
    ],
)
def test_a_town_of_the_focus_area_where_the_sentence_puts_ground(nlp, text: str, town: str) -> None:  # type: ignore[no-untyped-def]
    """The tagger calls these towns people or organisations; a desk watching Ukraine gets them."""
    focused = get_stage("places.v1").build(nlp, {"focus_countries": ["UA"]})
    document = Document(article=Article(text=text), doc=nlp(text))
    focused(document)
    place = find(document, town)
    assert (place.role, place.country_code, place.precision) == ("location", "UA", 1)
    unfocused = Document(article=Article(text=text), doc=nlp(text))
    get_stage("places.v1").build(nlp, {})(unfocused)
    assert town not in surfaces(unfocused)


def test_a_focus_area_town_named_as_a_speaker_or_agent_is_not_taken(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ukrainian officials said the men were detained by Soledar and questioned by Avdiivka."
    focused = get_stage("places.v1").build(nlp, {"focus_countries": ["UA"]})
    document = Document(article=Article(text=text), doc=nlp(text))
    focused(document)
    assert not {"Soledar", "Avdiivka"} & surfaces(document)


def test_a_capital_trying_or_wanting_is_its_government(nlp, run) -> None:  # type: ignore[no-untyped-def]
    text = "Shells hit the eastern Ukrainian town that Moscow has tried to take for months."
    document = Document(article=Article(text=text), doc=nlp(text))
    run(document)
    assert find(document, "Moscow").role == "metonym"


def test_a_demonym_names_who_acts_not_where(nlp, run) -> None:  # type: ignore[no-untyped-def]
    text = "Russian-installed authorities in Donetsk said the city was shelled overnight."
    document = Document(article=Article(text=text), doc=nlp(text))
    run(document)
    assert find(document, "Donetsk").country_code == "UA"


def test_a_country_owning_a_command_or_its_staff_is_its_state(nlp, run) -> None:  # type: ignore[no-untyped-def]
    text = "Ukraine's Eastern Military Command denied it, and Russia's general staff said nothing."
    document = Document(article=Article(text=text), doc=nlp(text))
    run(document)
    assert (
        find(document, "Ukraine").role == "metonym" and find(document, "Russia").role == "metonym"
    )


def test_a_capital_addressed_by_a_protest_is_its_government(nlp, run) -> None:  # type: ignore[no-untyped-def]
    text = "The minister protested to Kyiv over the drone, then flew to Moscow."
    document = Document(article=Article(text=text), doc=nlp(text))
    run(document)
    assert find(document, "Kyiv").role == "metonym" and find(document, "Moscow").role == "location"


def test_a_transliteration_is_the_town_whose_name_it_spells(nlp, run) -> None:  # type: ignore[no-untyped-def]
    """GeoNames lists "Sloviansk" among the alternate names of two towns of one size; the one
    whose main name it spells (Slovyansk) is meant, not Nikopol, whatever context is given."""
    for text in ("Shelling hit Sloviansk in Ukraine, officials said.", "Russia shelled Sloviansk."):
        document = Document(article=Article(text=text), doc=nlp(text))
        run(document)
        assert find(document, "Sloviansk").geonames_id == 693468


def test_what_the_sentence_says_a_place_is(nlp, run) -> None:  # type: ignore[no-untyped-def]
    """A province named bare, with what it is said to be away from its name."""
    for text in (
        "Zaporizhzhia is one of four provinces that Moscow claims as its own.",
        "Kherson, a southern province, was shelled again overnight.",
    ):
        document = Document(article=Article(text=text), doc=nlp(text))
        run(document)
        place = document.places[0]
        assert (place.feature, place.precision) == ("admin1", 4), (text, place)
    text = "Israel is a state that borders Lebanon."
    document = Document(article=Article(text=text), doc=nlp(text))
    run(document)
    assert find(document, "Israel").feature == "country"


def test_a_part_of_an_area_lies_in_that_part(nlp, run) -> None:  # type: ignore[no-untyped-def]
    """ "eastern Ukraine" is placed among the country's eastern towns, not at its middle;
    "Ukraine's eastern Donetsk province" is the province itself."""
    text = "Drones hit eastern Ukraine and western Ukraine overnight, officials in Kyiv said."
    document = Document(article=Article(text=text), doc=nlp(text))
    run(document)
    parts = {place.name: place for place in document.places if place.relative is not None}
    east, west = parts["eastern Ukraine"], parts["western Ukraine"]
    assert east.longitude is not None and west.longitude is not None
    assert east.longitude > 35.5 and west.longitude < 27.5
    text = "Shelling went on in Ukraine's eastern Donetsk province on Sunday."
    document = Document(article=Article(text=text), doc=nlp(text))
    run(document)
    assert all(place.relative is None for place in document.places)
    assert find(document, "Donetsk province").precision == 4


def test_the_target_of_a_blow_is_a_place(nlp, run) -> None:  # type: ignore[no-untyped-def]
    """ "a strike on X", "the shelling of X": the tagger's ORG or PERSON is the town, with or
    without a focus area; a person attacked stays a person."""
    text = (
        "Seven people died in an artillery strike on Kupiansk, and the shelling of Vovchansk "
        "went on."
    )
    document = Document(article=Article(text=text), doc=nlp(text))
    run(document)
    assert find(document, "Kupiansk").geonames_id == 703656
    assert find(document, "Vovchansk").country_code == "UA"
    text = "The attack on Zelenskiy was condemned by his allies."
    document = Document(article=Article(text=text), doc=nlp(text))
    run(document)
    assert "Zelenskiy" not in surfaces(document)


def test_ground_taken_or_lost_is_a_place(nlp, run) -> None:  # type: ignore[no-untyped-def]
    """ "captured Bakhmut" (the parser may call the town an adverb), "Vuhledar fell": the town;
    a man captured stays a man."""
    for text, town in (
        ("Russian forces captured Bakhmut on Thursday.", "Bakhmut"),
        ("The ministry said Vuhledar fell to its forces earlier this week.", "Vuhledar"),
    ):
        document = Document(article=Article(text=text), doc=nlp(text))
        run(document)
        assert find(document, town).country_code == "UA"
    text = "Police captured Ivanov on Thursday."
    document = Document(article=Article(text=text), doc=nlp(text))
    run(document)
    assert "Ivanov" not in surfaces(document)


def test_between_two_places_is_a_place_of_its_own(nlp, run) -> None:  # type: ignore[no-untyped-def]
    """ "between X and Y": both towns, and a place at their midpoint that keeps both anchors;
    two towns close together put it within 25 km (2), far apart "between places" (5)."""
    text = "Fighting raged between Bakhmut and Soledar, and drones flew between Kharkiv and Odesa."
    document = Document(article=Article(text=text), doc=nlp(text))
    run(document)
    near, far = (
        next(place for place in document.places if place.name == name)
        for name in ("between Bakhmut and Soledar", "between Kharkiv and Odesa")
    )
    assert (near.feature, near.precision, far.precision) == ("between", 2, 5)
    assert near.relative is not None and near.relative.between_id == find(document, "Soledar").id
    assert near.relative.anchor_id == find(document, "Bakhmut").id
    assert near.latitude is not None and 48.59 < near.latitude < 48.70
    assert find(document, "Kharkiv").role == "location"
