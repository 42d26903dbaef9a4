"""Story text into an Article: whitespace, datelines, bylines and credit lines."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import shared_path

from wirecoder import InputError
from wirecoder.ingest import (
    article_from_text,
    match_dateline,
    normalize_text,
    parse_credit_line,
    parse_published,
    split_names,
)

STORY = (
    "Shelling hits Kherson market, regional governor says\r\n"
    "\r\n"
    "KHERSON, Ukraine, Nov. 3 (Reuters) - Russian shelling struck a market in the southern city\r\n"
    "of Kherson on Friday, killing two people, the regional governor said.\r\n"
    "\r\n"
    "\r\n"
    "\r\n"
    '"The enemy again targeted a place where civilians gather," the governor said.\r\n'
    "\r\n"
    "(Reporting by the Kherson stringer in Kyiv; Editing by the Europe desk)\r\n"
)


@pytest.mark.parametrize(
    ("line", "printed", "place", "date_text", "agency"),
    [
        (
            "KYIV, April 7 (Reuters) - Troops",
            "KYIV, April 7 (Reuters)",
            "KYIV",
            "April 7",
            "Reuters",
        ),
        (
            "KYIV/MOSCOW, April 7 (Reuters) - Troops",
            "KYIV/MOSCOW, April 7 (Reuters)",
            "KYIV/MOSCOW",
            "April 7",
            "Reuters",
        ),
        ("UNITED NATIONS (AP) — Envoys", "UNITED NATIONS (AP)", "UNITED NATIONS", None, "AP"),
        ("Kyiv, Ukraine (CNN) — Drones", "Kyiv, Ukraine (CNN)", "Kyiv, Ukraine", None, "CNN"),
        (
            "ODESA, Ukraine, March 14 (Reuters) – Ports",
            "ODESA, Ukraine, March 14 (Reuters)",
            "ODESA, Ukraine",
            "March 14",
            "Reuters",
        ),
        ("Kyiv (AFP) - Sirens", "Kyiv (AFP)", "Kyiv", None, "AFP"),
        (
            "Goma, 2 February 2025 (AFP) - Rebels",
            "Goma, 2 February 2025 (AFP)",
            "Goma",
            "2 February 2025",
            "AFP",
        ),
        (
            "PORT-AU-PRINCE, Haiti (AP) — Gangs",
            "PORT-AU-PRINCE, Haiti (AP)",
            "PORT-AU-PRINCE, Haiti",
            None,
            "AP",
        ),
        (
            "KHARTOUM, Sept. 12, 2024 (Reuters) -- Fighting",
            "KHARTOUM, Sept. 12, 2024 (Reuters)",
            "KHARTOUM",
            "Sept. 12, 2024",
            "Reuters",
        ),
        ("GAZA CITY, March 3 — Strikes", "GAZA CITY, March 3", "GAZA CITY", "March 3", None),
        ("BEIRUT, Lebanon — Sirens", "BEIRUT, Lebanon", "BEIRUT, Lebanon", None, None),
    ],
)
def test_dateline_forms(
    line: str, printed: str, place: str, date_text: str | None, agency: str | None
) -> None:
    found = match_dateline(line)
    assert found is not None
    assert (found.dateline.text, found.dateline.place) == (printed, place)
    assert (found.dateline.date_text, found.dateline.agency) == (date_text, agency)
    assert line[found.body_start :] == line.split()[-1]


@pytest.mark.parametrize(
    "line",
    [
        "Russian forces shelled the town - officials said",
        "Gaza - a strip of land",
        "Officials in the city said on Friday that the attack, which (they said) began at dawn "
        "- killed 3",
    ],
)
def test_text_that_is_not_a_dateline(line: str) -> None:
    assert match_dateline(line) is None


def test_reuters_credit_line_with_places_and_roles() -> None:
    credits = parse_credit_line(
        "(Reporting by Kyiv Staff in Kyiv, Warsaw Staff in Warsaw and London Staff in London; "
        "Additional reporting by Delhi Staff; Writing by Kyiv Desk and Berlin Desk; "
        "Editing by Europe Desk, World Desk and Copy Desk)"
    )
    assert credits is not None
    assert [(credit.role, credit.names) for credit in credits] == [
        ("reporting", ["Kyiv Staff", "Warsaw Staff", "London Staff"]),
        ("additional_reporting", ["Delhi Staff"]),
        ("writing", ["Kyiv Desk", "Berlin Desk"]),
        ("editing", ["Europe Desk", "World Desk", "Copy Desk"]),
    ]
    assert credits[1].text == "Additional reporting by Delhi Staff"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "(Additional reporting by Riga Staff and Reuters bureaux: Writing by Seoul Desk; "
            "Editing by Madrid Desk)",
            [
                ("additional_reporting", ["Riga Staff", "Reuters bureaux"]),
                ("writing", ["Seoul Desk"]),
                ("editing", ["Madrid Desk"]),
            ],
        ),
        (
            "Reporting by Cairo Staff; editing by Africa Desk",
            [("reporting", ["Cairo Staff"]), ("editing", ["Africa Desk"])],
        ),
        (
            "(Compiled by Tokyo Desk; Editing by Asia Desk)",
            [("writing", ["Tokyo Desk"]), ("editing", ["Asia Desk"])],
        ),
        ("(Editing by Night Desk)", [("editing", ["Night Desk"])]),
        (
            "(Reporting by Reuters bureaux in Kyiv and Moscow; Writing by the Kyiv desk)",
            [("reporting", ["Reuters bureaux"]), ("writing", ["the Kyiv desk"])],
        ),
        (
            "Associated Press writer Kyiv Staff in Kyiv contributed to this report.",
            [("additional_reporting", ["Kyiv Staff"])],
        ),
        (
            "(Graphics by Graphics Desk, Reporting by UN Staff at the United Nations)",
            [("other", ["Graphics Desk"]), ("reporting", ["UN Staff"])],
        ),
    ],
)
def test_credit_line_forms(line: str, expected: list[tuple[str, list[str]]]) -> None:
    credits = parse_credit_line(line)
    assert credits is not None
    assert [(credit.role, credit.names) for credit in credits] == expected


@pytest.mark.parametrize(
    "line",
    [
        "(Corrects casualty figure in paragraph 3)",
        "(Reporting by )",
        "The strike was reported by Reuters.",
    ],
)
def test_text_that_is_not_a_credit_line(line: str) -> None:
    assert parse_credit_line(line) is None


def test_split_names_keeps_people_apart_from_their_places() -> None:
    assert split_names("Madrid Desk in Kyiv, Seoul Desk and Riga Staff in Lviv and Odesa.") == [
        "Madrid Desk",
        "Seoul Desk",
        "Riga Staff",
    ]


def test_normalize_keeps_paragraphs_and_folds_the_rest() -> None:
    text = (
        "\ufeffFirst\u00a0 line\t here.\r\nSame paragraph.\u200b\r\n\r\n\r\n\r\n"
        "  Second\u2029Third\x07 "
    )
    assert normalize_text(text) == "First line here.\nSame paragraph.\n\nSecond\n\nThird"


def test_article_lifts_headline_dateline_and_credit_line_out_of_the_body() -> None:
    article = article_from_text(STORY, published="2023-11-03")
    assert article.title == "Shelling hits Kherson market, regional governor says"
    assert article.dateline is not None and article.dateline.place == "KHERSON, Ukraine"
    assert article.publisher == "Reuters"
    assert article.published == dt.date(2023, 11, 3)
    assert article.text.startswith("Russian shelling struck a market")
    assert article.text.endswith("the governor said.")
    assert '\n\n"The enemy' in article.text and "\n\n\n" not in article.text
    assert "Reuters" not in article.text and "Reporting" not in article.text
    assert [(credit.role, credit.names) for credit in article.credits] == [
        ("reporting", ["the Kherson stringer"]),
        ("editing", ["the Europe desk"]),
    ]
    assert article.byline == ["the Kherson stringer", "the Europe desk"]


def test_given_metadata_wins_over_what_the_text_says() -> None:
    article = article_from_text(
        STORY, title="Kherson market hit", publisher="Wire Desk", language="uk"
    )
    assert (article.title, article.publisher, article.language) == (
        "Kherson market hit",
        "Wire Desk",
        "uk",
    )


def test_byline_above_the_dateline_and_a_credit_appended_to_the_last_paragraph() -> None:
    article = article_from_text(
        "By Istanbul Staff and Warsaw Staff, Reuters\n\n"
        "BEIRUT, Oct 2 (Reuters) - Israeli jets struck southern suburbs overnight, residents said. "
        "(Reporting by Beirut Staff; Editing by Mideast Desk)"
    )
    assert article.title is None
    assert article.credits[0].role == "byline"
    assert article.credits[0].names == ["Istanbul Staff", "Warsaw Staff"]
    assert article.text == "Israeli jets struck southern suburbs overnight, residents said."
    assert [credit.role for credit in article.credits] == ["byline", "reporting", "editing"]


def test_top_byline_without_dateline_and_byline_from_metadata() -> None:
    article = article_from_text("By Stockholm Staff\n\nSudanese army units advanced on Friday.")
    assert article.text == "Sudanese army units advanced on Friday."
    assert article.byline == ["Stockholm Staff"]
    assert article.dateline is None
    from_metadata = article_from_text(
        "Sudanese army units advanced.", byline=["Stockholm Staff", "Ezra Moll"]
    )
    assert from_metadata.credits[0].role == "byline"
    assert from_metadata.byline == ["Stockholm Staff", "Ezra Moll"]


def test_text_without_header_or_credits_is_kept_whole() -> None:
    text = "Militants attacked a checkpoint near Gao.\n\nThe army said three soldiers died."
    article = article_from_text(text)
    assert article.text == text
    assert (article.title, article.dateline, article.credits, article.publisher) == (
        None,
        None,
        [],
        None,
    )


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (" \n\u200b\n", "empty text"),
        (
            "KYIV (Reuters) - \n\n(Editing by the Europe desk)",
            "no story text besides the dateline and credits",
        ),
    ],
)
def test_text_with_no_story_is_an_input_error(text: str, reason: str) -> None:
    with pytest.raises(InputError) as raised:
        article_from_text(text, source="wire:17")
    assert (raised.value.source, raised.value.reason) == ("wire:17", reason)


def test_datetime_published_keeps_the_time() -> None:
    at = dt.datetime(2024, 5, 1, 6, 30, tzinfo=dt.UTC)
    article = article_from_text("Strikes hit Kharkiv.", published=at)
    assert (article.published, article.published_at) == (dt.date(2024, 5, 1), at)
    assert (
        article_from_text("Strikes hit Kharkiv.", published="2024-05-01T06:30:00Z").published_at
        == at
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-04-07", dt.date(2023, 4, 7)),
        ("2023-04-07T21:15:00+03:00", dt.date(2023, 4, 7)),
        ("7 April 2023", dt.date(2023, 4, 7)),
        ("April 7, 2023", dt.date(2023, 4, 7)),
        ("Fri, 07 Apr 2023 09:00:00 GMT", dt.date(2023, 4, 7)),
    ],
)
def test_parse_published(value: str, expected: dt.date) -> None:
    assert parse_published(value, "--published") == expected


@pytest.mark.parametrize("value", ["yesterday-ish", "2023-13-45", "April 2023", ""])
def test_unparseable_published_names_the_input(value: str) -> None:
    with pytest.raises(InputError) as raised:
        parse_published(value, "--published")
    assert raised.value.source == "--published"
    assert "not a date" in raised.value.reason


def test_shared_example_credit_line() -> None:
    path = shared_path("examples", "bakhmut-2023-04-07.txt")
    article = article_from_text(path.read_text(encoding="utf-8"))
    assert [credit.role for credit in article.credits] == [
        "additional_reporting",
        "writing",
        "editing",
    ]
    assert "Reuters bureaux" in article.credits[0].names
    assert len(article.credits[2].names) == 3
    assert "Editing by" not in article.text and "Writing by" not in article.text
    assert article.text.endswith("proposals for dialogue.")
    assert "\n\n\n" not in article.text


def test_dateline_on_a_line_of_its_own() -> None:
    article = article_from_text(
        "KYIV, April 7 (Reuters) -\nAir raid sirens sounded across the capital overnight."
    )
    assert article.dateline is not None and article.dateline.place == "KYIV"
    assert article.text == "Air raid sirens sounded across the capital overnight."
