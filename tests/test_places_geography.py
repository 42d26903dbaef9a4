"""Toponym resolution with the document's own geography (issue 12, classes 3 to 5): namesakes
chosen by where the sentence puts them, regions in lists and the area a bare name means, and
names that are no places (dates, outlets, ships) or no persons. Sentences written for these
tests, in wire style, from several conflicts."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from wirecoder import Document, get_stage
from wirecoder.schema import Article, Place

Run = Callable[[str], Document]


@pytest.fixture(scope="module")
def analyse(nlp) -> Run:  # type: ignore[no-untyped-def]
    places = get_stage("places.v1").build(nlp, {})
    actors = get_stage("actors.v1").build(nlp, {})

    def run(text: str) -> Document:
        document = Document(article=Article(text=text), doc=nlp(text))
        places(document)
        actors(document)
        return document

    return run


def named(document: Document, surface: str) -> Place:
    """The place (not a relative phrase) with a mention reading ``surface``."""
    for place in document.places:
        if place.relative is None and any(span.text == surface for span in place.mentions):
            return place
    raise AssertionError(f"{surface!r} is not a place: {[p.name for p in document.places]}")


def surfaces(document: Document) -> set[str]:
    return {span.text for place in document.places for span in place.mentions}


def km(first: Place, second: Place) -> float:
    assert first.latitude is not None and first.longitude is not None
    assert second.latitude is not None and second.longitude is not None
    phi1, phi2 = math.radians(first.latitude), math.radians(second.latitude)
    a = (
        math.sin((phi2 - phi1) / 2) ** 2
        + math.cos(phi1)
        * math.cos(phi2)
        * math.sin(math.radians(second.longitude - first.longitude) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(a))


# --- Class 3: namesakes chosen by where the sentence puts them --------------------------------


@pytest.mark.parametrize(
    ("text", "name", "anchor", "geonames_id"),
    [
        (
            "Shelling damaged homes in Andriivka, roughly 20 km west of Druzhkivka, the "
            "regional governor said on Monday.",
            "Andriivka",
            "Druzhkivka",
            713445,
        ),
        (
            "Saudi-led jets struck Shibam, about 15 km south of Amran, the Houthi-run health "
            "office said, adding that four people were hurt.",
            "Shibam",
            "Amran",
            70677,
        ),
    ],
)
def test_the_namesake_at_the_stated_distance_and_direction(
    analyse: Run, text: str, name: str, anchor: str, geonames_id: int
) -> None:
    """Of several villages of one name, the one lying where "N km <direction> of X" says, not
    the most populous one elsewhere in the country."""
    document = analyse(text)
    place = named(document, name)
    assert place.geonames_id == geonames_id
    assert km(place, named(document, anchor)) < 30


@pytest.mark.parametrize(
    ("text", "name", "anchor", "country"),
    [
        (
            "Ukrainian officials said Russian units reached Novoselivka, about 15 km north of "
            "Svatove, on Saturday, after weeks of assaults.",
            "Novoselivka",
            "Svatove",
            "UA",
        ),
        (
            "Fighting was reported near Kamianka, just outside Avdiivka, where Russian troops "
            "pressed on after dark, the army said.",
            "Kamianka",
            "Avdiivka",
            "UA",
        ),
        (
            "Russian forces pushed into Ivanivka, a village some 8 km south-west of Chasiv Yar, "
            "a military blogger claimed; Kyiv did not confirm it.",
            "Ivanivka",
            "Chasiv Yar",
            "UA",
        ),
    ],
)
def test_a_village_the_gazetteer_has_only_elsewhere_is_put_by_its_anchor(
    analyse: Run, text: str, name: str, anchor: str, country: str
) -> None:
    """No namesake lies where the text says: the village keeps its name, is put beside the
    anchor (moved by the distance along the direction), with UCDP precision 2 and no id."""
    document = analyse(text)
    place, town = named(document, name), named(document, anchor)
    assert place.geonames_id is None and place.feature == "village"
    assert place.precision == 2 and place.country_code == country
    assert km(place, town) < 20 and place.admin1 == town.admin1


def test_the_distance_moves_the_point_along_the_direction(analyse: Run) -> None:
    document = analyse(
        "Ukrainian officials said Russian units reached Novoselivka, about 15 km north of "
        "Svatove, on Saturday."
    )
    village, town = named(document, "Novoselivka"), named(document, "Svatove")
    assert village.latitude is not None and town.latitude is not None
    assert 10 < km(village, town) < 20 and village.latitude > town.latitude


def test_one_name_keeps_one_place_in_the_article(analyse: Run) -> None:
    """A later bare mention of a village the text located is the same village."""
    document = analyse(
        "Russian units reached Novoselivka, about 15 km north of Svatove, on Saturday. "
        "Novoselivka was shelled again on Sunday, the regional governor said."
    )
    village = named(document, "Novoselivka")
    assert len(village.mentions) == 2 and village.geonames_id is None


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        (
            "Two civilians were wounded in Andriivka in the Zaporizhzhia region when a drone "
            "dropped explosives, officials said.",
            "Andriivka",
            "Zaporizka oblast",
        ),
        (
            "Junta jets bombed Kyaukme, a town in northern Shan state, residents said, and "
            "power was cut across the district.",
            "Kyaukme",
            "Shan",
        ),
    ],
)
def test_a_place_said_to_lie_in_a_province_is_chosen_there(
    analyse: Run, text: str, name: str, admin1: str
) -> None:
    assert named(analyse(text), name).admin1 == admin1


def test_a_village_in_a_country_with_no_namesake_there_is_placed_in_the_country(
    analyse: Run,
) -> None:
    """ "Boni, a village ... in central Mali" is no Bonn: with no Malian entry it is placed in
    Mali at country precision, keeping its name."""
    document = analyse(
        "Gunmen on motorbikes attacked Boni, a village near Hombori in central Mali, killing "
        "at least seven civilians, local officials said."
    )
    boni = named(document, "Boni")
    assert boni.country_code == "ML" and boni.precision == 6 and boni.geonames_id is None


@pytest.mark.parametrize(
    ("text", "town", "state"),
    [
        ("The former president spoke at a rally in Flint, Mich., on Monday.", "Flint", "Mich."),
        ("Hundreds marched in Atlanta, Georgia, on Saturday.", "Atlanta", "Georgia"),
    ],
)
def test_a_town_and_its_state_are_chosen_together(
    analyse: Run, text: str, town: str, state: str
) -> None:
    """The state named after a town is the one the town lies in: "Mich." is Michigan, not
    Michoacan; "Georgia" after Atlanta is the US state, not the country."""
    document = analyse(text)
    place, area = named(document, town), named(document, state)
    assert place.country_code == area.country_code == "US"
    assert area.feature == "admin1" and place.admin1 == area.admin1


def test_a_village_name_leans_to_the_province_the_article_names(analyse: Run) -> None:
    """Of a dozen villages of one name, one in the province the article is about."""
    document = analyse(
        "Russian forces shelled Kostiantynivka and Druzhkivka in the Donetsk region on Monday, "
        "the governor said. Andriivka was also hit, and two people were wounded there."
    )
    assert named(document, "Druzhkivka").admin1 == "Donetska oblast"
    assert named(document, "Andriivka").admin1 == "Donetska oblast"


def test_a_description_far_off_does_not_move_a_city(analyse: Run) -> None:
    """ "Kyiv, some 750 km from Moscow" describes; nothing near Moscow replaces the capital."""
    document = analyse("Kyiv, some 750 km from Moscow, was attacked again overnight.")
    assert named(document, "Kyiv").geonames_id == 703448


def test_a_province_named_beside_its_country_stays_a_province(analyse: Run) -> None:
    document = analyse("Migrants camped out in Matias Romero, Oaxaca State, Mexico, on Friday.")
    assert named(document, "Oaxaca State").precision == 4


# --- Class 4: regions, lists of regions and the area a bare name means ------------------------


@pytest.mark.parametrize(
    ("text", "names", "country"),
    [
        (
            "Overnight drone attacks hit the Kharkiv and Sumy regions, the air force said.",
            ("Kharkiv", "Sumy"),
            "UA",
        ),
        (
            "Power was cut in the Odesa, Mykolaiv and Kherson regions after the strikes.",
            ("Odesa", "Mykolaiv", "Kherson"),
            "UA",
        ),
        (
            "Moscow claims the provinces of Zaporizhzhia and Kherson as its own.",
            ("Zaporizhzhia", "Kherson"),
            "UA",
        ),
        (
            "Aid agencies said fighting had spread to the Sennar and Gezira states.",
            ("Sennar", "Gezira"),
            "SD",
        ),
        (
            "Resistance forces clashed with troops in the Sagaing and Magway regions.",
            ("Sagaing", "Magway"),
            "MM",
        ),
        (
            "In Ituri and North Kivu provinces, militia attacks displaced thousands.",
            ("Ituri", "North Kivu"),
            "CD",
        ),
    ],
)
def test_every_name_of_a_list_of_regions_is_a_province(
    analyse: Run, text: str, names: tuple[str, ...], country: str
) -> None:
    document = analyse(text)
    for name in names:
        place = named(document, name)
        assert (place.feature, place.precision, place.country_code) == ("admin1", 4, country)
    assert "In" not in surfaces(document)


def test_a_district_of_a_town_is_a_part_of_the_town(analyse: Run) -> None:
    """ "the station district of Bakhmut" is in the town; "the besieged city of El Fasher" is
    the city; a "town hall" names no town."""
    document = analyse(
        "Russian forces captured the railway station district of Bakhmut, a town in the "
        "Donetsk region, and RSF fighters stormed the besieged city of El Fasher. She spoke at "
        "a BET town hall."
    )
    assert named(document, "Bakhmut").geonames_id == 713174
    assert named(document, "El Fasher").precision == 1
    assert "BET" not in surfaces(document)


def test_a_plural_kind_after_one_name_is_no_kind_of_it(analyse: Run) -> None:
    """ "Kentucky counties" are counties in Kentucky; "a US city" is some city in the US."""
    document = analyse("Several Kentucky counties and a U.S. city sued the company.")
    assert named(document, "Kentucky").precision == 4
    assert named(document, "U.S.").feature == "country"


@pytest.mark.parametrize(
    "text",
    [
        "Israeli strikes across Gaza killed at least 30 people overnight, medics said.",
        "Aid trucks entered Gaza through the Kerem Shalom crossing on Tuesday.",
    ],
)
def test_bare_gaza_is_the_strip(analyse: Run, text: str) -> None:
    gaza = named(analyse(text), "Gaza")
    assert gaza.geonames_id == 281132 and gaza.precision == 4


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Thousands of residents fled Gaza City for the south on foot.", "Gaza City"),
        ("Tanks moved towards the city of Gaza from the east, witnesses said.", "Gaza"),
        ("Families sheltered in schools in Gaza city as the shelling went on.", "Gaza"),
    ],
)
def test_the_city_of_gaza_is_the_city(analyse: Run, text: str, surface: str) -> None:
    city = named(analyse(text), surface)
    assert city.geonames_id == 281133 and city.precision == 1


def test_gaza_province_of_mozambique_is_not_the_strip(analyse: Run) -> None:
    document = analyse("Floods hit Gaza province in southern Mozambique, officials in Maputo said.")
    assert named(document, "Gaza province").country_code == "MZ"


# --- Class 5: no places in dates, outlets and ships; no persons in places ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "The army said on Friday (Sep 6) that it had repelled three attacks near Kupiansk.",
        "Rebels shelled the camp again (Oct 12), the UN said, and Dec talks were called off.",
    ],
)
def test_month_abbreviations_are_no_places(analyse: Run, text: str) -> None:
    found = surfaces(analyse(text))
    assert not found & {"Sep", "Oct", "Dec"}


@pytest.mark.parametrize(
    ("text", "not_places", "places"),
    [
        (
            "Eleven people died, according to Khartoum Al Nour television, which cited "
            "witnesses in Omdurman.",
            {"Khartoum"},
            {"Omdurman"},
        ),
        (
            "The strike was reported by Saba news agency and denied by officials in Aden.",
            {"Saba"},
            {"Aden"},
        ),
        (
            "The Kyiv Independent reported blasts in Lviv on Sunday.",
            {"Kyiv"},
            {"Lviv"},
        ),
        (
            "Iran state TV said a drone fell near Isfahan.",
            set(),
            {"Iran", "Isfahan"},
        ),
    ],
)
def test_nothing_in_an_outlets_name_is_a_place(
    analyse: Run, text: str, not_places: set[str], places: set[str]
) -> None:
    found = surfaces(analyse(text))
    assert not found & not_places and places <= found


@pytest.mark.parametrize(
    ("text", "ship", "place"),
    [
        ("The USS Carney shot down drones launched from Yemen.", "Carney", "Yemen"),
        (
            "Kyiv said sea drones damaged the Novocherkassk landing ship in Feodosia.",
            "Novocherkassk",
            "Feodosia",
        ),
        (
            "The frigate Admiral Essen fired cruise missiles at Odesa, the navy said.",
            "Essen",
            "Odesa",
        ),
        (
            "Houthi fighters attacked the tanker Sounion off Hodeidah on Wednesday.",
            "Sounion",
            "Hodeidah",
        ),
        ("The Moskva cruiser sank after an explosion near Odesa.", "Moskva", "Odesa"),
    ],
)
def test_a_ships_name_is_no_place(analyse: Run, text: str, ship: str, place: str) -> None:
    found = surfaces(analyse(text))
    assert ship not in found and place in found


def test_the_ship_a_country_sent_keeps_the_country(analyse: Run) -> None:
    assert "Russia" in surfaces(analyse("The ship Russia sent was hit near Crimea."))


def test_a_group_named_like_a_road_is_no_road(analyse: Run) -> None:
    document = analyse("M23 rebels seized Rubaya, some 50 km north-west of Goma, on Tuesday.")
    assert "M23" not in surfaces(document) and "Goma" in surfaces(document)


def test_a_place_the_stage_resolved_is_no_person(analyse: Run) -> None:
    """The tagger calls "Zaporizhzhia" a person in both sentences; once the places stage has
    it on the map, no person actor of that name is made."""
    document = analyse(
        "Two drones hit Zaporizhzhia overnight, the governor said. Zaporizhzhia officials "
        "said power was restored by morning."
    )
    assert named(document, "Zaporizhzhia").country_code == "UA"
    assert not any(
        actor.kind == "person" and "Zaporizhzhia" in actor.name for actor in document.actors
    )


def test_a_country_inside_a_city_name_is_no_actor(analyse: Run) -> None:
    document = analyse("Residents fled Gaza City for the south, witnesses said.")
    assert not any(
        actor.kind == "country" and any(span.text == "Gaza" for span in actor.mentions)
        for actor in document.actors
    )


@pytest.mark.parametrize(
    ("text", "surface", "geonames_id"),
    [
        (
            "An air strike on Deir Al-Balah killed nine people, medics said.",
            "Deir Al-Balah",
            281141,
        ),
        ("Shelling hit homes in Beit Hanoun overnight.", "Beit Hanoun", 281146),
        ("A tanker was struck off Hodeidah, the operator said.", "Hodeidah", 79415),
    ],
)
def test_spellings_of_arabic_names_resolve(
    analyse: Run, text: str, surface: str, geonames_id: int
) -> None:
    """The article written Al, al or el, Deir or Dayr, Beit or Bayt, a final h or none."""
    assert named(analyse(text), surface).geonames_id == geonames_id
