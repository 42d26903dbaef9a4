"""Reading paths: text with sidecars, HTML pages, RSS and Atom feeds, JSONL, directories."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

from conftest import shared_path

from wirecoder import Failure
from wirecoder.ingest import html_to_text, read_inputs
from wirecoder.schema import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def read_all(*paths: Path | str, **options: Any) -> list[Article | Failure]:
    return list(read_inputs(paths, **options))


def read_one(path: Path | str, **options: Any) -> Article:
    [article] = read_all(path, **options)
    assert isinstance(article, Article), article
    return article


def test_text_with_sidecar() -> None:
    article = read_one(FIXTURES / "sumy-drone.txt")
    assert article.source == str(FIXTURES / "sumy-drone.txt")
    assert article.title == "Drone strike damages power station in Sumy region"
    assert article.published == dt.date(2024, 2, 11)
    assert article.url == "https://wire.example/sumy-drone"
    assert article.publisher == "Reuters"
    assert article.dateline is not None and article.dateline.place == "SUMY, Ukraine"
    assert article.text.startswith("A Russian drone struck")
    assert article.text.endswith("civilian infrastructure.")
    assert [credit.role for credit in article.credits] == ["byline", "reporting", "editing"]


def test_sidecar_names_a_byline_the_text_lacks(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("Fighting resumed near Avdiivka, officials said.")
    (tmp_path / "story.txt.json").write_text('{"author": "Ilya Marchenko", "language": "en"}')
    assert read_one(tmp_path / "story.txt").byline == ["Ilya Marchenko"]


def test_published_argument_overrides_and_publisher_only_fills(tmp_path: Path) -> None:
    article = read_one(
        FIXTURES / "sumy-drone.txt", published=dt.date(2024, 2, 12), publisher="Other"
    )
    assert (article.published, article.publisher) == (dt.date(2024, 2, 12), "Reuters")
    (tmp_path / "plain.txt").write_text("Clashes were reported in Darfur on Monday.")
    plain = read_one(tmp_path / "plain.txt", publisher="Field Desk")
    assert (plain.publisher, plain.published) == ("Field Desk", None)


def test_html_page() -> None:
    article = read_one(FIXTURES / "mogadishu-blast.html")
    assert article.title == "Car bomb kills five near Mogadishu checkpoint"
    assert article.published == dt.date(2024, 6, 9)
    assert article.url == "https://hornwire.example/2024/06/09/mogadishu-blast"
    assert article.publisher == "Horn Wire"
    assert article.dateline is not None and article.dateline.place == "MOGADISHU"
    assert article.text.startswith("A car bomb exploded")
    assert "\n\nAl Shabaab claimed" in article.text
    assert "Home" not in article.text and "rights reserved" not in article.text
    assert [credit.role for credit in article.credits] == ["byline", "reporting", "editing"]


def test_rss_feed_entries() -> None:
    source = str(FIXTURES / "sahel-wire.rss")
    first, second, empty = read_all(source)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.source == f"{source}#1"
    assert first.url == "https://sahelwire.example/burkina-village-attack"
    assert first.published_at == dt.datetime(2024, 3, 4, 9, 30, tzinfo=dt.UTC)
    assert first.title == "Gunmen attack village in northern Burkina Faso"
    assert first.publisher == "Reuters"
    assert first.text.startswith("Gunmen on motorbikes attacked")
    assert "\n\nThe army did not respond" in first.text
    assert "<p>" not in first.text and "Editing by" not in first.text
    assert first.byline == ["Bamako Staff", "Bamako Staff", "Africa Desk"]
    assert second.publisher == "Sahel Wire"
    assert second.text.startswith("Mali's military government") and "&amp;" not in second.text
    assert empty == Failure(f"{source}#3", "feed entry has no text")


def test_atom_feed_entry() -> None:
    article = read_one(FIXTURES / "levant-desk.atom")
    assert article.source == f"{FIXTURES / 'levant-desk.atom'}#1"
    assert article.publisher == "AP"
    assert article.dateline is not None and article.dateline.place == "BEIRUT"
    assert article.text.endswith("There was no immediate word on casualties.")
    assert article.published == dt.date(2024, 10, 2)


def test_jsonl_reads_good_lines_and_fails_bad_ones_alone() -> None:
    source = str(FIXTURES / "yemen-batch.jsonl")
    items = read_all(source)
    assert len(items) == 6
    first, last = items[0], items[-1]
    assert isinstance(first, Article) and isinstance(last, Article)
    assert (first.source, first.title, first.published) == (
        f"{source}:1",
        "Houthis fire missile at ship",
        dt.date(2024, 1, 12),
    )
    assert (
        first.text
        == "Houthi forces fired a missile at a commercial ship in the Red Sea on Friday, a "
        "maritime security firm said.\n\nThe ship reported no damage."
    )
    assert (last.source, last.publisher, last.byline) == (
        f"{source}:7",
        "Gulf Wire",
        ["Nadia Rahim", "Omar Saleh"],
    )
    failures = {item.source: item.reason for item in items[1:-1] if isinstance(item, Failure)}
    assert failures.keys() == {f"{source}:{line}" for line in (2, 3, 4, 5)}
    assert failures[f"{source}:2"].startswith("not JSON")
    assert failures[f"{source}:3"] == "not a JSON object but list"
    assert failures[f"{source}:4"] == "no 'text' field"
    assert failures[f"{source}:5"] == "empty text"


def test_jsonl_metadata_of_the_wrong_type(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        '{"text": "Shelling in Kharkiv.", "title": 7}\n'
        '{"text": "Shelling.", "published": "soonish"}\n'
    )
    reasons = [item.reason for item in read_all(path) if isinstance(item, Failure)]
    assert reasons == [
        "'title' must be a string, not int",
        "'soonish' is not a date (use YYYY-MM-DD)",
    ]


def test_directory_mixed_content_sorted_skipping_hidden_files_and_sidecars(tmp_path: Path) -> None:
    for name in ("sumy-drone.txt", "sumy-drone.json", "levant-desk.atom"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    nested = tmp_path / "b-pages"
    nested.mkdir()
    shutil.copy(FIXTURES / "mogadishu-blast.html", nested / "page.html")
    (nested / "notes").write_text("Aid convoys reached Khan Younis on Tuesday, the UN said.")
    (tmp_path / ".hidden.txt").write_text("Not to be read.")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "x.txt").write_text("Not to be read either.")
    (tmp_path / "empty.txt").write_bytes(b"")
    items = read_all(tmp_path)
    assert [Path(item.source or "").relative_to(tmp_path).as_posix() for item in items] == [
        "b-pages/notes",
        "b-pages/page.html",
        "empty.txt",
        "levant-desk.atom#1",
        "sumy-drone.txt",
    ]
    assert isinstance(items[2], Failure) and items[2].reason == "empty file"


def test_sidecar_named_among_the_inputs_is_not_read_as_an_article() -> None:
    items = read_all(FIXTURES / "sumy-drone.txt", FIXTURES / "sumy-drone.json")
    assert [type(item) for item in items] == [Article]


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "levant-desk.atom", tmp_path / "feed.download")
    shutil.copy(FIXTURES / "mogadishu-blast.html", tmp_path / "page.download")
    feed_entry, page = read_all(tmp_path / "feed.download", tmp_path / "page.download")
    assert (
        isinstance(feed_entry, Article) and feed_entry.source == f"{tmp_path / 'feed.download'}#1"
    )
    assert isinstance(page, Article) and page.publisher == "Horn Wire"


def test_html_fragment_to_text() -> None:
    fragment = (
        "<div><h2>Update</h2><p>Shelling   resumed<br>at dawn.</p><script>var x;</script>"
        "<p>Two &amp; more</p></div>"
    )
    assert [line.strip() for line in html_to_text(fragment).split("\n") if line.strip()] == [
        "Update",
        "Shelling resumed",
        "at dawn.",
        "Two & more",
    ]


def test_shared_example_with_its_sidecar() -> None:
    path = shared_path("examples", "bakhmut-2023-04-07.txt")
    article = read_one(path)
    assert (article.published, article.publisher) == (dt.date(2023, 4, 7), "Reuters")
    assert [credit.role for credit in article.credits] == [
        "additional_reporting",
        "writing",
        "editing",
    ]
    assert article.text.endswith("proposals for dialogue.")
