"""Bad inputs: each fails alone with one message naming it, and the rest of the batch is read."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest

from wirecoder import Failure
from wirecoder.ingest import read_inputs
from wirecoder.schema import Article

GOOD_STORY = (
    "DONETSK, May 2 (Reuters) - Shelling hit a bus station in Donetsk on Tuesday, officials said."
)
CP1252_STORY = (
    "Fighting around Kharkiv’s northern suburbs intensified on Monday – the regional governor said "
    "two civilians were wounded and a café near the ring road was destroyed by a glide bomb."
)


def failure_of(path: Path, **options: Any) -> Failure:
    """Read ``path`` between two good stories: exactly it fails, and the good ones still come
    through."""
    good = path.parent / "zz-good.txt"
    good.write_text(GOOD_STORY, encoding="utf-8")
    items = list(read_inputs([good, path, good], **options))
    assert [type(item) for item in items] == [Article, Failure, Article], items
    failure = items[1]
    assert isinstance(failure, Failure)
    return failure


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b" \n\t\r\n  \n", "file holds only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (contains NUL bytes), not text"),
        (
            bytes(range(1, 256)) * 8,
            "not UTF-8 text, and no other text encoding fits it with confidence",
        ),
        (
            b"\xff\xfe" + "x".encode("utf-16-le") + b"\x00\xd8",
            "starts with a utf-16 byte-order mark but is not utf-16 text",
        ),
    ],
)
def test_unreadable_contents(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(content)
    assert failure_of(path) == Failure(str(path), reason)


def test_missing_path(tmp_path: Path) -> None:
    assert failure_of(tmp_path / "nowhere.txt") == Failure(
        str(tmp_path / "nowhere.txt"), "no such file or directory"
    )


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Shelling continued. " * 20)
    assert failure_of(path, max_bytes=300) == Failure(
        str(path), "file is larger than the limit of 300 bytes"
    )


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(GOOD_STORY)
    real_open = Path.open

    def refuse_locked(self: Path, *args: Any, **kwargs: Any) -> IO[Any]:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        opened: IO[Any] = real_open(self, *args, **kwargs)
        return opened

    monkeypatch.setattr(Path, "open", refuse_locked)
    assert failure_of(path) == Failure(str(path), "cannot read the file: permission denied")


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16"])
def test_other_encodings_are_decoded(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "story.txt"
    text = (
        CP1252_STORY if encoding == "cp1252" else CP1252_STORY.replace("’", "'").replace("–", "-")
    )
    path.write_bytes(text.encode(encoding))
    [article] = read_inputs([path])
    assert isinstance(article, Article)
    assert article.text == text


def test_html_without_an_article_body(tmp_path: Path) -> None:
    path = tmp_path / "index.html"
    path.write_text(
        "<html><head><title>Home</title></head>"
        "<body><nav><a href='/'>Home</a> | Sport</nav></body></html>"
    )
    assert failure_of(path) == Failure(str(path), "no article body found in the HTML page")


def test_feed_without_entries(tmp_path: Path) -> None:
    path = tmp_path / "quiet.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>'
    )
    assert failure_of(path) == Failure(str(path), "feed has no entries")


def test_malformed_feed_xml(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</ti')
    failure = failure_of(path)
    assert failure.source == str(path)
    assert failure.reason.startswith("malformed feed XML")


@pytest.mark.parametrize(
    ("sidecar", "reason"),
    [
        ("{not json", "sidecar metadata is not valid JSON"),
        ('["a list"]', "sidecar metadata must be a JSON object"),
        ('{"published": "whenever"}', "'whenever' is not a date (use YYYY-MM-DD)"),
        ('{"byline": 42}', "'byline' must be a string or a list of strings"),
    ],
)
def test_malformed_sidecar_is_named(tmp_path: Path, sidecar: str, reason: str) -> None:
    story = tmp_path / "story.txt"
    story.write_text(GOOD_STORY)
    (tmp_path / "story.json").write_text(sidecar)
    failure = failure_of(story)
    assert failure.source.startswith(str(tmp_path / "story.json"))
    assert failure.reason.startswith(reason)


def test_lone_json_file_is_not_an_article(tmp_path: Path) -> None:
    path = tmp_path / "metadata.json"
    path.write_text('{"text": "Not read this way."}')
    assert "use .jsonl for articles" in failure_of(path).reason


def test_unreadable_folder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD_STORY)
    real_scandir = os.scandir

    def refuse_inbox(path: str) -> Iterator[os.DirEntry[str]]:
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr("os.scandir", refuse_inbox)
    assert list(read_inputs([folder])) == [
        Failure(str(folder), "cannot read the folder: Permission denied")
    ]
