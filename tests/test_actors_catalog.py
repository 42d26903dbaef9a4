"""The actor catalog: alias folding, composed actors, spotting actors in wire copy, the data
files."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecoder.actors import ActorEntry, catalog, data_files, fold, load_catalog, sector_of


@pytest.mark.parametrize(
    ("name", "actor_id"),
    [
        ("Zelenskiy", "ukr.zelenskyy"),
        ("Zelensky", "ukr.zelenskyy"),
        ("Zelenskyy", "ukr.zelenskyy"),
        ("ZELENSKII", "ukr.zelenskyy"),
        ("Volodymyr Zelenskiy", "ukr.zelenskyy"),
        ("Mevlüt Çavuşoğlu", "tur.cavusoglu"),
        ("Evgeniy Prigozhin", "rus.prigozhin"),
        ("Hizballah", "lbn.hezbollah"),
        ("al-Shabab", "som.shabaab"),
        ("the Kremlin", "rus.gov"),
        ("Wagner", "rus.wagner"),
        ("Moscow", "rus"),
        ("Türkiye", "tur"),
        ("U.S.", "usa"),
    ],
)
def test_lookup_folds_case_accents_transliteration_and_aliases(name: str, actor_id: str) -> None:
    entry = catalog().lookup(name)
    assert entry is not None, name
    assert entry.id == actor_id


@pytest.mark.parametrize(
    ("name", "country", "sector"),
    [
        ("Russian forces", "RUS", "MIL"),
        ("Ukraine's army", "UKR", "MIL"),
        ("Sudanese paramilitaries", "SDN", "REB"),
        ("Israeli police", "ISR", "COP"),
        ("Palestinian journalists", "PSE", "JRN"),
        ("Ukrainians", "UKR", "CVL"),
        ("Russian state-owned news agency", "RUS", "JRN"),
        ("Malian troops", "MLI", "MIL"),
    ],
)
def test_demonym_or_country_with_a_sector_noun_composes_an_actor(
    name: str, country: str, sector: str
) -> None:
    entry = catalog().lookup(name)
    assert entry is not None, name
    assert (entry.country, entry.sector) == (country, sector)


def test_a_listed_country_sector_entry_overrides_the_composed_one() -> None:
    assert catalog().lookup("Israeli troops").id == "isr.mil"  # type: ignore[union-attr]
    assert catalog().get("isr.mil").name == "Israel Defense Forces"  # type: ignore[union-attr]
    composed = catalog().get("pol.cvl")
    assert (
        composed is not None and composed.name == "Polish civilians" and composed.country == "POL"
    )


@pytest.mark.parametrize("name", ["who", "Russian", "a regional hub", "turkey sandwich", "is"])
def test_lowercase_words_and_bare_adjectives_are_not_actors(name: str) -> None:
    assert catalog().lookup(name) is None


def test_find_in_wire_copy_returns_offsets_titles_and_composed_actors() -> None:
    text = (
        "Sudanese army drones hit a market in El Fasher on Sunday, killing 12 civilians, a local "
        "monitor said, while the RSF blamed Burhan. Egyptian Foreign Minister Badr Abdelatty met "
        "his Turkish counterpart Hakan Fidan in Cairo; who else attended was not disclosed."
    )
    found = [(text[start:end], entry.id) for start, end, entry in catalog().find_in(text)]
    assert found == [
        ("Sudanese army", "sdn.saf"),
        ("RSF", "sdn.rsf"),
        ("Burhan", "sdn.burhan"),
        ("Egyptian Foreign Minister", "egy.gov"),
        ("Turkish counterpart Hakan Fidan", "tur.fidan"),
        ("Cairo", "egy"),
    ]


def test_fold_is_per_word_and_drops_a_leading_article() -> None:
    assert fold("The Zelenskyy  administration") == fold("zelenskiy Administration")
    assert fold("the") == ("the",)
    assert sector_of("Troops") == "MIL" and sector_of("teapot") is None


def test_every_data_file_loads_and_ids_are_unique_across_files() -> None:
    files = data_files()
    assert {path.name for path in files} >= {"actors.toml", "countries.toml"}
    assert "sectors.toml" not in {path.name for path in files}  # language data, not actors
    entries = list(catalog())
    assert len({entry.id for entry in entries}) == len(entries)
    assert all(entry.country is None or len(entry.country) == 3 for entry in entries)
    assert all(entry.sector is None or entry.sector.isupper() for entry in entries)


def test_a_bad_record_names_its_file_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[[actor]]\nid = "x.y"\nname = "Y"\nkind = "group"\nsecter = "REB"\n', encoding="utf-8"
    )
    with pytest.raises(ValueError, match=r"bad\.toml.*secter"):
        load_catalog([bad])
    twice = tmp_path / "twice.toml"
    twice.write_text('[[actor]]\nid = "a"\nname = "A"\nkind = "group"\n' * 2, encoding="utf-8")
    with pytest.raises(ValueError, match="listed twice"):
        load_catalog([twice])


def test_extra_files_extend_the_catalog(tmp_path: Path) -> None:
    extra = tmp_path / "extra.toml"
    extra.write_text(
        '[[actor]]\nid = "ukr.kherson.admin"\nname = "Kherson regional administration"\n'
        'kind = "government"\ncountry = "UKR"\nsector = "GOV"\naliases = ["Kherson governor"]\n',
        encoding="utf-8",
    )
    extended = load_catalog([*data_files(), extra])
    entry = extended.lookup("kherson Governor")
    assert isinstance(entry, ActorEntry) and entry.id == "ukr.kherson.admin"
