"""Inputs an attacker or a careless export makes: each fails alone, named, or is read with a
warning; the Python API refuses what is not an article with the documented InputError."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import pytest

import wirecoder
from wirecoder import Failure, InputError
from wirecoder.ingest import article_from_text, parse_published, read_inputs
from wirecoder.schema import Article

STORY = (
    "KHARTOUM, June 3 (Reuters) - Paramilitary fighters shelled a market in Omdurman on Sunday, "
    "killing at least nine people, a local aid group said."
)
OTHER_STORY = (
    "Drone strikes hit fuel depots near the port of Hodeidah overnight, the Houthi-run health "
    "ministry said on Tuesday, adding that four workers were wounded."
)


def read_all(*paths: Path) -> list[Article | Failure]:
    return list(read_inputs(paths))


def kinds(items: list[Article | Failure]) -> list[str]:
    return [type(item).__name__ for item in items]


def jsonl_line(record: object) -> str:
    return json.dumps(record) + "\n"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"text": "Shelling in Gao.", "views": ' + "7" * 5001 + "}", "4300 digits"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"text": "Shelling in Gao.", "deep": ' + "[" * 50_000 + "]" * 50_000 + "}", "nested"),
        ('{"text": "unterminated', "not JSON (Unterminated string"),
    ],
    ids=["5001-digit number", "100k-deep array", "deep field", "broken line"],
)
def test_a_jsonl_line_json_cannot_hold_fails_alone(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text(jsonl_line({"text": STORY}) + line + "\n" + jsonl_line({"text": OTHER_STORY}))
    items = read_all(path)
    assert kinds(items) == ["Article", "Failure", "Article"]
    failure = items[1]
    assert isinstance(failure, Failure) and failure.source == f"{path}:2"
    assert reason in failure.reason


@pytest.mark.parametrize(
    "sidecar",
    ['{"title": ' + "[" * 100_000 + "]" * 100_000 + "}", '{"title": "x", "n": ' + "9" * 6000 + "}"],
    ids=["deep", "long number"],
)
def test_a_sidecar_json_cannot_hold_names_itself(tmp_path: Path, sidecar: str) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "a.json").write_text(sidecar)
    (tmp_path / "b.txt").write_text(OTHER_STORY)
    items = read_all(tmp_path)
    assert kinds(items) == ["Failure", "Article"]
    assert isinstance(items[0], Failure)
    assert items[0].source == str(tmp_path / "a.json")
    assert items[0].reason.startswith("sidecar metadata is not valid JSON")


def test_lone_surrogates_in_jsonl_become_replacement_characters(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "wire.jsonl"
    text = "Fighters stormed a village near Bunia \\ud800 on Friday, the army said."
    path.write_text(
        f'{{"text": "{text}", "title": "Ituri \\udfff attack", "publisher": "Radio \\ud83d"}}\n'
    )
    with caplog.at_level(logging.WARNING, "wirecoder"):
        [article] = read_all(path)
    assert isinstance(article, Article)
    assert "\ufffd" in article.text and article.title == "Ituri \ufffd attack"
    assert article.publisher == "Radio \ufffd"
    article.model_dump_json()  # writable as UTF-8
    assert f"{path}:1" in caplog.text and "surrogate" in caplog.text


@pytest.mark.parametrize(
    "reference", ["&#55296;", "&#xDFFF;", "&#0;", "&#1114112;", "&#99999999999;"]
)
def test_feed_character_references_to_no_character(tmp_path: Path, reference: str) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Sahel Monitor</title>'
        f"<item><title>Attack in Menaka {reference}</title><description>Gunmen attacked a "
        f"convoy near Menaka {reference} on Monday, killing six soldiers, the army said."
        "</description></item><item><title>Second</title><description>"
        f"{OTHER_STORY}</description></item></channel></rss>"
    )
    items = read_all(path)
    assert kinds(items) == ["Article", "Article"]
    first = items[0]
    assert isinstance(first, Article) and "Menaka" in first.text
    first.model_dump_json()


def test_broken_but_parsable_feed_is_read_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "broken.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>'
        f"<item><title>Yemen</title><description>{OTHER_STORY} & more</description></item>"
        "</channel>"
    )
    with caplog.at_level(logging.WARNING, "wirecoder"):
        items = read_all(path)
    assert kinds(items) == ["Article"]
    assert f"{path}: malformed feed XML" in caplog.text and "read 1 entry" in caplog.text


def deep_page(levels: int) -> str:
    first = f"<p>{STORY}</p>"
    nested = (
        "<p>Residents said the shelling resumed at dusk and that hospitals in the city were "
        "overwhelmed with wounded people from the market district.</p>"
    )
    return (
        "<html><head><title>Omdurman market shelled</title></head><body><article>"
        f"{first}{'<div>' * levels}{nested}{'</div>' * levels}</article></body></html>"
    )


def test_html_deeper_than_255_levels_is_read_whole_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "page.html"
    path.write_text(deep_page(400))
    with caplog.at_level(logging.WARNING, "wirecoder"):
        [article] = read_all(path)
    assert isinstance(article, Article)
    assert "overwhelmed with wounded" in article.text
    assert f"{path}: the HTML nests elements more than 255 levels deep" in caplog.text


def test_html_of_ordinary_depth_gives_no_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "page.html"
    path.write_text(deep_page(20))
    with caplog.at_level(logging.WARNING, "wirecoder"):
        [article] = read_all(path)
    assert isinstance(article, Article) and "overwhelmed" in article.text
    assert not caplog.text


UTF8_STORY = (
    "Kramatorsk’s mayor said a Russian missile hit a café near the station – “the third strike "
    "this week” – and that rescuers in Sloviansk and Druzhkivka were on alert."
)


@pytest.mark.parametrize(
    ("data", "stray"),
    [
        (UTF8_STORY.encode() + b" \xe9", "one Latin-1 byte at the end"),
        (UTF8_STORY.encode().replace(b"\xe2\x80\x93", b"\x96", 1), "one cp1252 dash"),
        (UTF8_STORY.encode() + b" \xe2\x80", "a character cut short"),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_a_stray_byte_leaves_utf8_text_utf8(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, data: bytes, stray: str
) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    with caplog.at_level(logging.WARNING, "wirecoder"):
        [article] = read_all(path)
    assert isinstance(article, Article), stray
    assert (
        "Kramatorsk’s" in article.text and "café" in article.text and "“the third" in article.text
    )
    assert "\ufffd" in article.text
    assert f"{path}: 1 invalid UTF-8 byte sequence" in caplog.text


def test_a_single_byte_encoding_is_still_detected_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(UTF8_STORY.encode("cp1252"))
    with caplog.at_level(logging.WARNING, "wirecoder"):
        [article] = read_all(path)
    assert isinstance(article, Article) and article.text == UTF8_STORY
    assert "not UTF-8; decoded as" in caplog.text


@pytest.mark.parametrize(
    "value",
    [
        "0001-01-01",
        "9999-12-31",
        "1799-12-31",
        "2200-01-01",
        "yesterday",
        "tomorrow",
        "3 days ago",
        "now",
        "in 2 weeks",
        "1700000000",
    ],
)
def test_published_is_an_absolute_date_in_range(value: str) -> None:
    with pytest.raises(InputError) as raised:
        parse_published(value, "--published")
    assert raised.value.source == "--published"


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2024-02-29", dt.date(2024, 2, 29)),
        ("7 April 2023", dt.date(2023, 4, 7)),
        ("Fri, 07 Apr 2023 10:00:00 GMT", dt.date(2023, 4, 7)),
        ("1800-01-01", dt.date(1800, 1, 1)),
    ],
)
def test_published_dates_still_read(value: str, day: dt.date) -> None:
    assert parse_published(value, "--published") == day


def test_a_jsonl_record_dated_out_of_range_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text(
        jsonl_line({"text": STORY, "published": "0001-01-01"})
        + jsonl_line({"text": OTHER_STORY, "published": "yesterday"})
        + jsonl_line({"text": OTHER_STORY, "published": "2024-05-07"})
    )
    items = read_all(path)
    assert kinds(items) == ["Failure", "Failure", "Article"]
    assert "outside the dates accepted" in str(items[0])
    assert "'yesterday' is not a date" in str(items[1])


@pytest.mark.parametrize("text", [None, b"Shelling in Gao on Monday.", 42, 3.5, ["Shelling"]])
def test_analyze_refuses_what_is_not_text(text: object) -> None:
    with pytest.raises(InputError, match="must be a str"):
        wirecoder.analyze(text)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "published",
    [0, 1_700_000_000, True, 2023.5, dt.date(1, 1, 1), dt.date(9999, 12, 31), "tomorrow"],
)
def test_analyze_refuses_what_is_not_a_publication_date(published: object) -> None:
    with pytest.raises(InputError):
        wirecoder.analyze(STORY, published=published)  # type: ignore[arg-type]


@pytest.mark.parametrize("field", ["publisher", "title"])
def test_analyze_refuses_metadata_that_is_not_a_string(field: str) -> None:
    with pytest.raises(InputError, match=field):
        wirecoder.analyze(STORY, **{field: 7})  # type: ignore[arg-type]


def test_metadata_is_cleaned_to_one_line_without_controls() -> None:
    article = article_from_text(
        OTHER_STORY, title="Hodeidah\x1b[2J\n depots\u0085hit", publisher=" Wire\x9b31m "
    )
    assert article.title == "Hodeidah[2J depots hit"
    assert article.publisher == "Wire31m"


def test_a_text_control_sequence_is_dropped() -> None:
    article = article_from_text("Shelling hit Gao\x1b]0;owned\x07 on Monday.\x9b2J Officials said.")
    assert "\x1b" not in article.text and "\x9b" not in article.text and "\x07" not in article.text


def test_an_undecodable_file_name_is_named_printably(tmp_path: Path) -> None:
    raw = bytes(tmp_path) + b"/story-\xff.txt"
    with open(raw, "w", encoding="utf-8") as stream:
        stream.write(OTHER_STORY)
    [article] = read_all(tmp_path)
    assert isinstance(article, Article)
    assert article.source == f"{tmp_path}/story-\ufffd.txt"
    article.model_dump_json()
