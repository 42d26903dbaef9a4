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
    "\"The enemy again targeted a place where civilians gather,\" the governor said.\r\n"
    "\r\n"
    "(Reporting by Daria Melnyk in Kyiv; Editing by Tomas Reyes)\r\n"
)


@pytest.mark.parametrize(
    ("line", "printed", "place", "date_text", "agency"),
    [
        ("KYIV, April 7 (Reuters) - Troops", "KYIV, April 7 (Reuters)", "KYIV", "April 7", "Reuters"),
        ("KYIV/MOSCOW, April 7 (Reuters) - Troops", "KYIV/MOSCOW, April 7 (Reuters)", "KYIV/MOSCOW", "April 7", "Reuters"),
        ("UNITED NATIONS (AP) — Envoys", "UNITED NATIONS (AP)", "UNITED NATIONS", None, "AP"),
        ("Kyiv, Ukraine (CNN) — Drones", "Kyiv, Ukraine (CNN)", "Kyiv, Ukraine", None, "CNN"),
        ("ODESA, Ukraine, March 14 (Reuters) – Ports", "ODESA, Ukraine, March 14 (Reuters)", "ODESA, Ukraine", "March 14", "Reuters"),
        ("Kyiv (AFP) - Sirens", "Kyiv (AFP)", "Kyiv", None, "AFP"),
        ("Goma, 2 February 2025 (AFP) - Rebels", "Goma, 2 February 2025 (AFP)", "Goma", "2 February 2025", "AFP"),
        ("PORT-AU-PRINCE, Haiti (AP) — Gangs", "PORT-AU-PRINCE, Haiti (AP)", "PORT-AU-PRINCE, Haiti", None, "AP"),
        ("KHARTOUM, Sept. 12, 2024 (Reuters) -- Fighting", "KHARTOUM, Sept. 12, 2024 (Reuters)", "KHARTOUM", "Sept. 12, 2024", "Reuters"),
        ("GAZA CITY, March 3 — Strikes", "GAZA CITY, March 3", "GAZA CITY", "March 3", None),
        ("BEIRUT, Lebanon — Sirens", "BEIRUT, Lebanon", "BEIRUT, Lebanon", None, None),
    ],
)
def test_dateline_forms(line: str, printed: str, place: str, date_text: str | None, agency: str | None) -> None:
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
        "Officials in the city said on Friday that the attack, which (they said) began at dawn - killed 3",
        "KYIV, April 7 (Reuters) -",
    ],
)
def test_text_that_is_not_a_dateline(line: str) -> None:
    assert match_dateline(line) is None


def test_reuters_credit_line_with_places_and_roles() -> None:
    credits = parse_credit_line(
        "(Reporting by Oksana Hrytsenko in Kyiv, Piotr Lasek in Warsaw and Ivan Sorokin in London; "
        "Additional reporting by Mira Anand; Writing by Dan Okafor and Lena Voss; "
        "Editing by Carla Mendes, Hugo Brandt and Sami Haddad)"
    )
    assert credits is not None
    assert [(credit.role, credit.names) for credit in credits] == [
        ("reporting", ["Oksana Hrytsenko", "Piotr Lasek", "Ivan Sorokin"]),
        ("additional_reporting", ["Mira Anand"]),
        ("writing", ["Dan Okafor", "Lena Voss"]),
        ("editing", ["Carla Mendes", "Hugo Brandt", "Sami Haddad"]),
    ]
    assert credits[1].text == "Additional reporting by Mira Anand"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("(Additional reporting by Nika Berg and Reuters bureaux: Writing by Joel Park; Editing by Ana Ruiz)",
         [("additional_reporting", ["Nika Berg", "Reuters bureaux"]), ("writing", ["Joel Park"]), ("editing", ["Ana Ruiz"])]),
        ("Reporting by Amir Saleh; editing by Rhea Collins",
         [("reporting", ["Amir Saleh"]), ("editing", ["Rhea Collins"])]),
        ("(Compiled by Mei Tanaka; Editing by Owen Marsh)",
         [("writing", ["Mei Tanaka"]), ("editing", ["Owen Marsh"])]),
        ("(Editing by Paul Levant)", [("editing", ["Paul Levant"])]),
        ("(Reporting by Reuters bureaux in Kyiv and Moscow; Writing by the Kyiv desk)",
         [("reporting", ["Reuters bureaux"]), ("writing", ["the Kyiv desk"])]),
        ("Associated Press writer Ilona Kravets in Kyiv contributed to this report.",
         [("additional_reporting", ["Ilona Kravets"])]),
        ("(Graphics by Noor Aziz, Reporting by Tariq Bashir at the United Nations)",
         [("other", ["Noor Aziz"]), ("reporting", ["Tariq Bashir"])]),
    ],
)
def test_credit_line_forms(line: str, expected: list[tuple[str, list[str]]]) -> None:
    credits = parse_credit_line(line)
    assert credits is not None
    assert [(credit.role, credit.names) for credit in credits] == expected


@pytest.mark.parametrize(
    "line",
    ["(Corrects casualty figure in paragraph 3)", "(Reporting by )", "The strike was reported by Reuters."],
)
def test_text_that_is_not_a_credit_line(line: str) -> None:
    assert parse_credit_line(line) is None


def test_split_names_keeps_people_apart_from_their_places() -> None:
    assert split_names("Ana Ruiz in Kyiv, Joel Park and Nika Berg in Lviv and Odesa.") == [
        "Ana Ruiz",
        "Joel Park",
        "Nika Berg",
    ]


def test_normalize_keeps_paragraphs_and_folds_the_rest() -> None:
    text = "\ufeffFirst\u00a0 line\t here.\r\nSame paragraph.\u200b\r\n\r\n\r\n\r\n  Second\u2029Third\x07 "
    assert normalize_text(text) == "First line here.\nSame paragraph.\n\nSecond\n\nThird"


def test_article_lifts_headline_dateline_and_credit_line_out_of_the_body() -> None:
    article = article_from_text(STORY, published="2023-11-03")
    assert article.title == "Shelling hits Kherson market, regional governor says"
    assert article.dateline is not None and article.dateline.place == "KHERSON, Ukraine"
    assert article.publisher == "Reuters"
    assert article.published == dt.date(2023, 11, 3)
    assert article.text.startswith("Russian shelling struck a market")
    assert article.text.endswith("the governor said.")
    assert "\n\n\"The enemy" in article.text and "\n\n\n" not in article.text
    assert "Reuters" not in article.text and "Reporting" not in article.text
    assert [(credit.role, credit.names) for credit in article.credits] == [
        ("reporting", ["Daria Melnyk"]),
        ("editing", ["Tomas Reyes"]),
    ]
    assert article.byline == ["Daria Melnyk", "Tomas Reyes"]


def test_given_metadata_wins_over_what_the_text_says() -> None:
    article = article_from_text(STORY, title="Kherson market hit", publisher="Wire Desk", language="uk")
    assert (article.title, article.publisher, article.language) == ("Kherson market hit", "Wire Desk", "uk")


def test_byline_above_the_dateline_and_a_credit_appended_to_the_last_paragraph() -> None:
    article = article_from_text(
        "By Selin Kaya and Marek Duda, Reuters\n\n"
        "BEIRUT, Oct 2 (Reuters) - Israeli jets struck southern suburbs overnight, residents said. "
        "(Reporting by Hadi Nasser; Editing by Jo Blake)"
    )
    assert article.title is None
    assert article.credits[0].role == "byline"
    assert article.credits[0].names == ["Selin Kaya", "Marek Duda"]
    assert article.text == "Israeli jets struck southern suburbs overnight, residents said."
    assert [credit.role for credit in article.credits] == ["byline", "reporting", "editing"]


def test_top_byline_without_dateline_and_byline_from_metadata() -> None:
    article = article_from_text("By Rosa Lind\n\nSudanese army units advanced on Friday.")
    assert article.text == "Sudanese army units advanced on Friday."
    assert article.byline == ["Rosa Lind"]
    assert article.dateline is None
    from_metadata = article_from_text("Sudanese army units advanced.", byline=["Rosa Lind", "Ezra Moll"])
    assert from_metadata.credits[0].role == "byline"
    assert from_metadata.byline == ["Rosa Lind", "Ezra Moll"]


def test_text_without_header_or_credits_is_kept_whole() -> None:
    text = "Militants attacked a checkpoint near Gao.\n\nThe army said three soldiers died."
    article = article_from_text(text)
    assert article.text == text
    assert (article.title, article.dateline, article.credits, article.publisher) == (None, None, [], None)


def test_datetime_published_keeps_the_time() -> None:
    at = dt.datetime(2024, 5, 1, 6, 30, tzinfo=dt.UTC)
    article = article_from_text("Strikes hit Kharkiv.", published=at)
    assert (article.published, article.published_at) == (dt.date(2024, 5, 1), at)
    assert article_from_text("Strikes hit Kharkiv.", published="2024-05-01T06:30:00Z").published_at == at


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
    assert [credit.role for credit in article.credits] == ["additional_reporting", "writing", "editing"]
    assert "Reuters bureaux" in article.credits[0].names
    assert len(article.credits[2].names) == 3
    assert "Editing by" not in article.text and "Writing by" not in article.text
    assert article.text.endswith("proposals for dialogue.")
    assert "\n\n\n" not in article.text
