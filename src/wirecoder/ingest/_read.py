"""Paths into articles: pick a reader per file, walk directories, report each bad input, go on."""

from __future__ import annotations

import datetime as dt
import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

from .._errors import Failure, InputError
from ..schema import Article
from ._decode import read_bytes, read_text
from ._feed import read_feed
from ._html import read_html
from ._jsonl import load_json, read_jsonl
from ._metadata import Metadata, metadata_from_mapping, with_overrides

Kind = Literal["text", "html", "feed", "jsonl"]
_KIND_BY_SUFFIX: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
SIDECAR_SUFFIX = ".json"
_SNIFF_CHARS = 1000


def read_inputs(
    paths: Iterable[Path | str],
    *,
    published: dt.date | None = None,
    publisher: str | None = None,
    max_bytes: int = 5_000_000,
) -> Iterator[Article | Failure]:
    """Articles from files, directories, pages, feeds and JSONL, in order; a Failure per bad input.

    ``published`` replaces any date the inputs give; ``publisher`` fills in where they give none.
    Directories are read recursively in sorted order, skipping hidden files and sidecars.
    """
    for path in map(Path, paths):
        for item in _read_path(path, max_bytes):
            yield item if isinstance(item, Failure) else with_overrides(item, published, publisher)


def _read_path(path: Path, max_bytes: int) -> Iterator[Article | Failure]:
    if path.is_dir():
        for file_or_failure in _directory_files(path):
            if isinstance(file_or_failure, Failure):
                yield file_or_failure
            else:
                yield from _read_file(file_or_failure, max_bytes)
    elif not path.exists():
        yield Failure(display_path(path), "no such file or directory")
    elif not _is_sidecar(path):
        yield from _read_file(path, max_bytes)


def _directory_files(directory: Path) -> Iterator[Path | Failure]:
    """Visible non-sidecar files under ``directory`` sorted by path; a Failure per unreadable
    folder."""
    errors: list[OSError] = []
    files: list[Path] = []
    for folder, subfolders, names in os.walk(directory, onerror=errors.append):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        files.extend(Path(folder, name) for name in names if not name.startswith("."))
    yield from sorted(
        (path for path in files if not _is_sidecar(path)), key=lambda path: path.parts
    )
    for error in errors:
        yield Failure(
            display_path(error.filename or directory), f"cannot read the folder: {error.strerror}"
        )


def _sidecar_candidates(path: Path) -> list[Path]:
    """Where the metadata of ``path`` may sit: ``story.json`` or ``story.txt.json``."""
    return [path.with_suffix(SIDECAR_SUFFIX), path.with_name(path.name + SIDECAR_SUFFIX)]


def _is_sidecar(path: Path) -> bool:
    """A ``.json`` file beside an article of the same name holds that article's metadata."""
    if path.suffix.lower() != SIDECAR_SUFFIX:
        return False
    named = path.with_suffix("")
    siblings = path.parent.glob(glob.escape(named.name) + ".*")
    return named.is_file() or any(
        sibling != path and sibling.stem == named.name and sibling.is_file() for sibling in siblings
    )


def display_path(path: Path | str) -> str:
    """The path as text that can be printed and written as UTF-8: bytes of a file name that are
    not UTF-8 (kept by Python as lone surrogates) become U+FFFD."""
    return os.fsencode(path).decode("utf-8", errors="replace")


def _read_file(path: Path, max_bytes: int) -> Iterator[Article | Failure]:
    source = display_path(path)
    try:
        yield from _read_kind(path, source, max_bytes)
    except InputError as error:
        yield Failure(error.source, error.reason)
    except Exception as error:  # noqa: BLE001 - a reader's bug must not stop the run
        yield Failure(source, f"could not be read ({type(error).__name__}: {error})")


def _read_kind(path: Path, source: str, max_bytes: int) -> Iterator[Article | Failure]:
    """The articles of one file by its kind; an InputError for a file that is no input."""
    if path.suffix.lower() == SIDECAR_SUFFIX:
        raise InputError(
            source,
            "a .json file is read only as the metadata of an article beside it; "
            "use .jsonl for articles",
        )
    text = read_text(path, source, max_bytes)
    kind = _kind(path, text)
    if kind == "jsonl":
        yield from read_jsonl(text, source)
    elif kind == "feed":
        yield from read_feed(text, source)
    else:
        body, metadata = read_html(text, source) if kind == "html" else (text, Metadata())
        yield metadata.overlaid(_sidecar(path, max_bytes)).article(body, source)


def _kind(path: Path, text: str) -> Kind:
    """The reader by extension, else by what the text starts with."""
    if path.suffix.lower() in _KIND_BY_SUFFIX:
        return _KIND_BY_SUFFIX[path.suffix.lower()]
    head = text.lstrip("\ufeff \t\r\n")[:_SNIFF_CHARS].lower()
    if not head.startswith("<"):
        return "text"
    if any(tag in head for tag in ("<rss", "<feed", "<rdf:rdf")):
        return "feed"
    return "html" if "<html" in head or head.startswith("<!doctype html") else "text"


def _sidecar(path: Path, max_bytes: int) -> Metadata:
    """Metadata from the sidecar beside ``path``, if there is one; a bad sidecar names itself."""
    sidecar = next(
        (candidate for candidate in _sidecar_candidates(path) if candidate.is_file()), None
    )
    if sidecar is None:
        return Metadata()
    source = display_path(sidecar)
    record = load_json(
        read_bytes(sidecar, source, max_bytes), source, "sidecar metadata is not valid JSON"
    )
    if not isinstance(record, dict):
        raise InputError(source, "sidecar metadata must be a JSON object")
    return metadata_from_mapping(record, source)
