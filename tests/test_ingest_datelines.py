"""Wire datelines in the forms agencies and papers print them, lifted out of the story body.

Every line here is written for these tests, in wire style, from several conflicts.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from importlib.resources import files

import pytest

from wirecoder.ingest import article_from_text, match_dateline

PUBLISHED = dt.date(2024, 10, 4)


@pytest.mark.parametrize(
    ("line", "place", "date", "agency", "body"),
    [
        # The three forms of issue #12.
        (
            "BANGKOK: Myanmar's army said on Friday that rebel groups in northern Shan state had "
            "agreed to a ceasefire brokered by China, a claim the groups denied.",
            "BANGKOK",
            None,
            None,
            "Myanmar's",
        ),
        (
            "CAIRO, (Reuters) - Egyptian mediators pressed on with talks",
            "CAIRO",
            None,
            "Reuters",
            "Egyptian",
        ),
        (
            "KYIV, Ukraine, Oct 3 (Reuters) - Russian drones hit",
            "KYIV, Ukraine",
            "2024-10-03",
            "Reuters",
            "Russian",
        ),
        # Month spellings, with and without a year.
        (
            "KHARKIV, October 2 (Reuters) - Glide bombs struck",
            "KHARKIV",
            "2024-10-02",
            "Reuters",
            "Glide",
        ),
        ("ODESA, 1 October (AFP) - A drone hit a grain silo", "ODESA", "2024-10-01", "AFP", "A"),
        (
            "ZAPORIZHZHIA, Ukraine, Sept. 29 (Reuters) -- Shelling cut power",
            "ZAPORIZHZHIA, Ukraine",
            "2024-09-29",
            "Reuters",
            "Shelling",
        ),
        (
            "KHERSON, Oct. 3, 2023 (Reuters) - Russian artillery",
            "KHERSON",
            "2023-10-03",
            "Reuters",
            "Russian",
        ),
        ("DNIPRO, 14 Aug 2024 (AFP) - Rescuers pulled", "DNIPRO", "2024-08-14", "AFP", "Rescuers"),
        (
            "KYIV, Tuesday (Reuters) - Air raid alerts sounded",
            "KYIV",
            "2024-10-01",
            "Reuters",
            "Air",
        ),
        # Agencies.
        (
            "GAZA, Oct 2 (Xinhua) -- Israeli strikes on a school",
            "GAZA",
            "2024-10-02",
            "Xinhua",
            "Israeli",
        ),
        ("ANKARA (Anadolu) - Turkish officials condemned", "ANKARA", None, "Anadolu", "Turkish"),
        (
            "MOSCOW, October 3. /TASS/. Russian air defences downed",
            "MOSCOW",
            "2024-10-03",
            "TASS",
            "Russian",
        ),
        (
            "MOSCOW. Oct 3 (Interfax) - The defence ministry",
            "MOSCOW",
            "2024-10-03",
            "Interfax",
            "The",
        ),
        ("(Reuters) - Gunmen abducted a district official", None, None, "Reuters", "Gunmen"),
        ("Goma (AFP) - M23 rebels and the Congolese army traded fire", "Goma", None, "AFP", "M23"),
        # Separators.
        ("BAMAKO — Gunmen killed four soldiers", "BAMAKO", None, None, "Gunmen"),
        ("NIAMEY -- Niger's junta ordered", "NIAMEY", None, None, "Niger's"),
        (
            "OUAGADOUGOU, Burkina Faso – Jihadists besieged",
            "OUAGADOUGOU, Burkina Faso",
            None,
            None,
            "Jihadists",
        ),
        ("MOGADISHU -Al Shabaab fighters stormed", "MOGADISHU", None, None, "Al"),
        ("TRIPOLI— Rival militias clashed", "TRIPOLI", None, None, "Rival"),
        # Multi-word cities, in capitals and in capitalised words.
        (
            "PORT SUDAN, Sudan (AP) — The army-aligned government",
            "PORT SUDAN, Sudan",
            None,
            "AP",
            "The",
        ),
        (
            "EL FASHER, Sudan, Oct 1 (Reuters) - Paramilitary shelling",
            "EL FASHER, Sudan",
            "2024-10-01",
            "Reuters",
            "Paramilitary",
        ),
        ("El Fasher (AFP) - Residents said", "El Fasher", None, "AFP", "Residents"),
        (
            "DEIR AL-BALAH, Gaza Strip (AP) — A strike on a tent camp",
            "DEIR AL-BALAH, Gaza Strip",
            None,
            "AP",
            "A",
        ),
        (
            "Deir al-Balah, Gaza Strip (AFP) - Families sheltering",
            "Deir al-Balah, Gaza Strip",
            None,
            "AFP",
            "Families",
        ),
        ("NEW YORK (Reuters) - The U.N. Security Council", "NEW YORK", None, "Reuters", "The"),
        ("UNITED NATIONS (AP) — Diplomats said", "UNITED NATIONS", None, "AP", "Diplomats"),
        (
            "THE HAGUE, Netherlands (AP) — Judges at the International Criminal Court",
            "THE HAGUE, Netherlands",
            None,
            "AP",
            "Judges",
        ),
        (
            "SANA'A, Yemen, Sept 30 (Xinhua) -- Houthi authorities",
            "SANA'A, Yemen",
            "2024-09-30",
            "Xinhua",
            "Houthi",
        ),
        (
            "GOMA, Democratic Republic of the Congo (AP) — Displaced families",
            "GOMA, Democratic Republic of the Congo",
            None,
            "AP",
            "Displaced",
        ),
        (
            "YANGON/BANGKOK, Sept 30 (Reuters) - Myanmar's junta",
            "YANGON/BANGKOK",
            "2024-09-30",
            "Reuters",
            "Myanmar's",
        ),
        ("ST. PETERSBURG, Russia (AP) — A court jailed", "ST. PETERSBURG, Russia", None, "AP", "A"),
        # A dateline on a line of its own, and rights groups' bracketed form.
        ("MARIB, Yemen (AP) —", "MARIB, Yemen", None, "AP", ""),
        (
            "(Beirut, October 2, 2024) – Lebanese authorities should",
            "Beirut",
            "2024-10-02",
            None,
            "Lebanese",
        ),
        ("(Nairobi) – Kenyan police should investigate", "Nairobi", None, None, "Kenyan"),
        # Before a colon, a place needs a lede after it (a long one when not in capitals).
        (
            "KYIV: Russia launched 40 drones overnight, Ukraine's air force said.",
            "KYIV",
            None,
            None,
            "Russia",
        ),
        (
            "Srinagar: Security forces in the valley said on Thursday that two militants had been "
            "killed in an overnight gunfight near the Line of Control.",
            "Srinagar",
            None,
            None,
            "Security",
        ),
    ],
)
def test_dateline_forms(
    line: str, place: str | None, date: str | None, agency: str | None, body: str
) -> None:
    found = match_dateline(line, PUBLISHED)
    assert found is not None, line
    dateline = found.dateline
    assert (dateline.place, dateline.agency) == (place, agency)
    assert dateline.date == (dt.date.fromisoformat(date) if date else None)
    assert line[found.body_start :].split(" ")[0] == body
    assert body == "" or not line[found.body_start :].startswith(" ")


@pytest.mark.parametrize(
    "line",
    [
        "Russian forces said: the village of Krasnohorivka is now fully under our control.",
        "Russian forces shelled the town - officials said",
        "Gaza - a strip of land",
        "Officials in the city said on Friday that the attack, which (they said) began at dawn "
        "- killed 3",
        "UPDATE, OCT 3: The death toll has risen to 14, the ministry said.",
        "UPDATE 2 - Sudan's army says it retook a bridge",
        "FILE PHOTO: A destroyed tank lies on a road outside the village, in this picture taken "
        "on a government-organised tour for the press.",
        "File photo - Smoke rises over the city",
        "EXCLUSIVE: Wagner fighters are regrouping in Libya, three sources say.",
        "Gaza: strikes go on as talks stall",
        "Zelenskiy: We Will Not Trade Land For A Ceasefire, Ever.",
        "Poll: most Israelis back a hostage deal, a survey carried out for a television channel "
        "found this week.",
        "In Kyiv: sirens, shelters and a long night for residents of the capital's left bank.",
        "AP: Sudan army retakes state capital",
        "The governor's office (Kherson) - a statement said",
        "Ukraine's army (ZSU) - a spokesman said",
        "Witnesses said - without giving evidence - that the army had fired first.",
        "Kyiv Oblast officials: no casualties",
        "WARNING: This story contains descriptions of violence that some readers may find "
        "distressing, including killings of civilians.",
        "Summary: Israel says it killed a Hezbollah commander",
        "KHARKIV: Power restored.",
        "BREAKING: Explosions heard across the capital as air defences engage drones.",
        "Dec 3 - Sudanese army drones hit a fuel depot",
        "US: strikes on Houthi targets will continue",
    ],
)
def test_lines_that_are_not_datelines(line: str) -> None:
    assert match_dateline(line, PUBLISHED) is None


@pytest.mark.parametrize(
    ("line", "published", "expected"),
    [
        ("KYIV, Dec 31 (Reuters) - A", dt.date(2025, 1, 2), dt.date(2024, 12, 31)),
        ("KYIV, Jan 1 (Reuters) - A", dt.date(2024, 12, 31), dt.date(2025, 1, 1)),
        ("KYIV, March 3 (Reuters) - A", dt.date(2024, 10, 4), dt.date(2024, 3, 3)),
        ("KYIV, Feb 29 (Reuters) - A", dt.date(2025, 3, 1), dt.date(2024, 2, 29)),
        ("KYIV, Oct 3, 2022 (Reuters) - A", dt.date(2024, 10, 4), dt.date(2022, 10, 3)),
        ("KYIV, Oct 3, 2022 (Reuters) - A", None, dt.date(2022, 10, 3)),
        ("KYIV, Oct 3 (Reuters) - A", None, None),
        ("KYIV, Sunday (Reuters) - A", dt.date(2024, 10, 6), dt.date(2024, 10, 6)),
        ("KYIV, Saturday (Reuters) - A", dt.date(2024, 10, 6), dt.date(2024, 10, 5)),
    ],
)
def test_dateline_date_against_the_publication_date(
    line: str, published: dt.date | None, expected: dt.date | None
) -> None:
    found = match_dateline(line, published)
    assert found is not None and found.dateline.date == expected


def test_every_listed_agency_signs_a_dateline() -> None:
    data = tomllib.loads(
        files("wirecoder.ingest").joinpath("data", "datelines.toml").read_text(encoding="utf-8")
    )
    for agency in data["agencies"]:
        found = match_dateline(f"MARIB ({agency}) - Houthi fighters attacked", PUBLISHED)
        assert found is not None and found.dateline.agency == agency, agency
        alone = match_dateline(f"({agency}) - Houthi fighters attacked", PUBLISHED)
        assert alone is not None and (alone.dateline.place, alone.dateline.agency) == (
            None,
            agency,
        )


STORY_BODY = (
    "Rapid Support Forces fighters shelled a camp for displaced people outside El Fasher on "
    "Saturday, killing at least 14, a local aid group said.\n\n"
    "The group said the dead included six children."
)


@pytest.mark.parametrize(
    "header",
    [
        "PORT SUDAN, Sudan, Oct 3 (Reuters) - ",
        "Shelling kills 14 at Darfur camp, aid group says\n\nPORT SUDAN, Sudan, Oct 3 (Reuters) - ",
        "By Khalid Abdelaziz\n\nPORT SUDAN, Sudan, Oct 3 (Reuters) - ",
        "Shelling kills 14 at Darfur camp, aid group says\n\nBy Khalid Abdelaziz\n\n"
        "October 3, 2024 6:42 PM GMT+3 Updated 2 hours ago\n\n3 min read\n\n"
        "PORT SUDAN, Sudan, Oct 3 (Reuters) - ",
        "Shelling kills 14 at Darfur camp, aid group says\n\n"
        "A paramilitary force has besieged the city since May, cutting off food and medicine to "
        "hundreds of thousands of people.\n\nPORT SUDAN, Sudan, Oct 3 (Reuters) - ",
        "PORT SUDAN, Sudan, Oct 3 (Reuters) -\n\n",
        "By Khalid Abdelaziz. PORT SUDAN, Sudan, Oct 3 (Reuters) - ",
    ],
)
def test_the_dateline_is_lifted_out_of_the_body(header: str) -> None:
    article = article_from_text(header + STORY_BODY, published="2024-10-04")
    assert article.text == STORY_BODY
    assert article.dateline is not None
    assert (article.dateline.place, article.dateline.date, article.dateline.agency) == (
        "PORT SUDAN, Sudan",
        dt.date(2024, 10, 3),
        "Reuters",
    )
    if header.startswith("Shelling"):
        assert article.title == "Shelling kills 14 at Darfur camp, aid group says"
    if "By Khalid" in header:
        assert article.byline == ["Khalid Abdelaziz"]


def test_a_headline_with_a_colon_is_the_title_and_the_dateline_below_it_counts() -> None:
    article = article_from_text(
        "Gaza: Israeli strike on school shelter kills 20, officials say.\n\n"
        "DEIR AL-BALAH, Gaza Strip (AP) — An Israeli strike hit a school sheltering displaced "
        "families in central Gaza on Thursday, health officials said."
    )
    assert article.title == "Gaza: Israeli strike on school shelter kills 20, officials say."
    assert article.dateline is not None and article.dateline.place == "DEIR AL-BALAH, Gaza Strip"
    assert article.text.startswith("An Israeli strike hit a school")


def test_a_dateline_without_agency_or_date_counts_only_before_the_story() -> None:
    story = (
        "Russian forces pressed their assault on Pokrovsk on Friday, Ukraine's general staff "
        "said, reporting 40 attacks along that stretch of the front.\n\n"
        "ZELENSKIY: Our soldiers are holding every position that the enemy has tried to take "
        "this week, and they will go on holding them.\n\n"
        "The general staff gave no figures for losses."
    )
    article = article_from_text(story)
    assert article.dateline is None and article.text == story


def test_a_dateline_that_prints_its_year_dates_an_undated_story() -> None:
    article = article_from_text(
        "KHARTOUM, Sudan, 12 June 2024 (AFP) - Army drones struck positions held by paramilitary "
        "fighters in the east of the capital on Wednesday, residents said."
    )
    assert article.published == dt.date(2024, 6, 12)
    dated = article_from_text(
        "KHARTOUM, Sudan, 12 June 2024 (AFP) - Army drones struck.", published="2024-06-13"
    )
    assert dated.published == dt.date(2024, 6, 13)


def test_a_label_in_brackets_is_no_agency() -> None:
    found = match_dateline("MANILA, Philippines (UPDATED) – Police arrested", PUBLISHED)
    assert found is not None
    assert (found.dateline.place, found.dateline.agency) == ("MANILA, Philippines", None)


def test_an_outlet_before_a_dash_is_the_agency_not_a_place() -> None:
    found = match_dateline("KYIV INDEPENDENT NEWS – Russian troops advanced", PUBLISHED)
    assert found is not None
    assert (found.dateline.place, found.dateline.agency) == (None, "KYIV INDEPENDENT NEWS")


def test_agency_then_place_on_a_line_of_its_own() -> None:
    article = article_from_text(
        "Tunisian court jails critic\n\nAFP, TUNIS\n\nA Tunisian court on Wednesday sentenced a "
        "prominent critic of the president to two years in prison."
    )
    assert article.dateline is not None
    assert (article.dateline.place, article.dateline.agency) == ("TUNIS", "AFP")
    assert article.text.startswith("A Tunisian court")
