"""The offline gazetteer: GeoNames spellings, the curated supplement, folding of names."""

from __future__ import annotations

import pytest

from wirecoder.gazetteer import (
    Gazetteer,
    demonyms,
    load,
    load_supplement,
    name_key,
    road_regions,
    same_spelling,
    spelling_key,
)

BAKHMUT, SLOVIANSK, KYIV, DONETSK_OBLAST = 713174, 693468, 703448, 709716


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load()


def ids(entries: list) -> list[int | None]:  # type: ignore[type-arg]
    return [entry.geonameid for entry in entries]


@pytest.mark.parametrize("spelling", ["Bakhmut", "Artemivsk", "Artyomovsk", "BAKHMUT"])
def test_bakhmut_under_its_old_and_new_names(gazetteer: Gazetteer, spelling: str) -> None:
    assert BAKHMUT in ids(gazetteer.lookup(spelling))


@pytest.mark.parametrize("spelling", ["Sloviansk", "Slovyansk", "Slavyansk", "Slov'yans'k"])
def test_sloviansk_transliterations(gazetteer: Gazetteer, spelling: str) -> None:
    assert SLOVIANSK in ids(gazetteer.lookup(spelling))


@pytest.mark.parametrize("spelling", ["Kyiv", "Kiev", "KIEV"])
def test_kyiv_is_the_capital(gazetteer: Gazetteer, spelling: str) -> None:
    capital = next(entry for entry in gazetteer.lookup(spelling) if entry.geonameid == KYIV)
    assert capital.fcode == "PPLC" and capital.country == "UA"


def test_entries_carry_admin_names_population_and_coordinates(gazetteer: Gazetteer) -> None:
    bakhmut = gazetteer.get(BAKHMUT)
    assert bakhmut is not None
    assert bakhmut.admin1 == "Donetska oblast" and bakhmut.admin2 == "Bakhmut Raion"
    assert bakhmut.population > 50_000
    assert abs(bakhmut.latitude - 48.59) < 0.05 and abs(bakhmut.longitude - 37.99) < 0.05


def test_divisions_and_countries(gazetteer: Gazetteer) -> None:
    assert DONETSK_OBLAST in ids(gazetteer.lookup("Donetsk Oblast"))
    oblast = gazetteer.get(DONETSK_OBLAST)
    assert oblast is not None and oblast.fcode == "ADM1"
    belarus = gazetteer.country("BY")
    assert belarus is not None and belarus.name == "Belarus" and belarus.fcode == "PCLI"
    assert any(entry.fcode == "PCLI" for entry in gazetteer.lookup("U.S."))


def test_unknown_name_finds_nothing(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Qwxzyplace") == []


def test_name_key_folds_case_accents_apostrophes_and_hyphens() -> None:
    assert name_key("Kramators'k") == name_key("KRAMATORSK")
    assert name_key("Zaporizhzhia-Oblast") == "zaporizhzhia oblast"
    assert name_key("Bogotá") == "bogota"
    assert name_key("U.S.") == "us"


def test_supplement_facts_have_names_kind_position_and_source() -> None:
    items = load_supplement()
    assert len({item.id for item in items}) == len(items)
    for item in items:
        assert item.names and item.source and -90 <= item.latitude <= 90
        if item.kind in ("river", "road"):
            assert item.line and len(item.line) >= 2


def test_supplement_rivers_roads_and_villages_are_found_by_name(gazetteer: Gazetteer) -> None:
    river = gazetteer.lookup("Bakhmutka River")
    assert [entry.supplement.id for entry in river if entry.supplement] == ["river:bakhmutka"]
    road = gazetteer.lookup("0506")
    assert road and road[0].supplement is not None and road[0].fcode == "RD"
    assert any(
        entry.supplement and entry.supplement.kind == "village"
        for entry in gazetteer.lookup("Klishchiivka")
    )
    assert any(
        entry.supplement and entry.supplement.id == "river:siverskyi-donets"
        for entry in gazetteer.lookup("Seversky Donets")
    )


def test_road_region_codes_and_demonyms() -> None:
    assert road_regions()["05"] == "Donetsk Oblast"
    assert len(road_regions()) == 25
    table = demonyms()
    assert table["Turkish"] == "TR" and table["Ukrainian"] == "UA" and table["European"] == "Europe"


def test_a_current_index_opens_without_a_rebuild(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    copy = tmp_path / "gazetteer.sqlite"
    copy.write_bytes(load().path.read_bytes())
    before = copy.stat().st_mtime_ns
    opened = Gazetteer(copy)
    assert BAKHMUT in ids(opened.lookup("Artemivsk"))
    assert copy.stat().st_mtime_ns == before
    monkeypatch.setenv("WIRECODER_GAZETTEER", str(copy))
    from wirecoder.gazetteer import default_path

    assert default_path() == copy


def test_supplement_admin_names_are_spelt_as_geonames_spells_them(gazetteer: Gazetteer) -> None:
    """A filter on admin1 must find curated places and GeoNames places alike."""
    import sqlite3

    with sqlite3.connect(gazetteer.path) as connection:
        admin1s = {row[0] for row in connection.execute("SELECT DISTINCT admin1 FROM places")}
        admin2s = {row[0] for row in connection.execute("SELECT DISTINCT admin2 FROM places")}
    for item in load_supplement():
        assert item.admin1 is None or item.admin1 in admin1s, item.id
        assert item.admin2 is None or item.admin2 in admin2s, item.id


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("Deir Al-Balah", "Dayr al Balah"),
        ("Deir el-Balah", "Dayr al Balah"),
        ("Beit Lahia", "Bayt Lahya"),
        ("Andriivka", "Andriyivka"),
        ("Krasnyi Yar", "Krasnyy Yar"),
        ("Zaporizhzhia", "Zaporizhzhya"),
        ("Nuseirat", "An Nusayrat"),
        ("Khan Younis", "Khan Yunis"),
        ("Hudaydah", "Al Hudaydah"),
        ("Sheikh Radwan", "Shaykh Radwan"),
        ("Tel Abyad", "Tall Abyad"),
        ("Jebel Marra", "Jabal Marra"),
    ],
)
def test_spellings_of_one_name_share_a_spelling_key(written: str, stored: str) -> None:
    assert spelling_key(name_key(written)) == spelling_key(name_key(stored))


@pytest.mark.parametrize(
    ("first", "second"),
    [("Kyiv", "Kiev"), ("Salt", "As Salt"), ("Bakhmut", "Bakhmach"), ("Gaza", "Gaza City")],
)
def test_different_names_keep_different_spellings(first: str, second: str) -> None:
    assert not same_spelling(name_key(first), name_key(second))


def test_a_transliteration_word_for_word_spells_the_main_name(gazetteer: Gazetteer) -> None:
    """ "Andriivka" is the main name of the villages GeoNames spells "Andriyivka"; "Salt" is
    not the main name of "As Salt" (the article makes it another word count)."""
    assert any(
        entry.name == "Andriyivka" and entry.is_named(name_key("Andriivka"))
        for entry in gazetteer.lookup("Andriivka")
    )
    assert not any(
        entry.country == "JO" and entry.is_named("salt") for entry in gazetteer.lookup("Salt")
    )


@pytest.mark.parametrize(
    ("spelling", "geonames_id"),
    [("Deir Al-Balah", 281141), ("Hodeidah", 79415), ("Dair el-Balah", 281141)],
)
def test_a_name_no_spelling_matches_is_found_by_its_spelling_key(
    gazetteer: Gazetteer, spelling: str, geonames_id: int
) -> None:
    found = gazetteer.lookup(spelling)
    assert geonames_id in ids(found)
    assert all(entry.spelled and not entry.is_named(name_key(spelling)) for entry in found)
    assert not any(entry.spelled for entry in gazetteer.lookup("Dayr al Balah"))


def test_short_names_are_not_looked_up_by_spelling(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Qwxz") == []
    assert len(spelling_key(name_key("Hays"))) < 5


def test_bare_gaza_means_the_strip(gazetteer: Gazetteer) -> None:
    assert gazetteer.sense("Gaza") == 281132 and gazetteer.sense("Gaza City") is None
    strip = next(entry for entry in gazetteer.lookup("Gaza") if entry.geonameid == 281132)
    assert strip.fcode == "ADM1" and strip.country == "PS" and strip.name == "Gaza Strip"
