"""The formats an analysis is written in (the registry, with JSON, JSONL and Markdown; the event
exports register theirs in ``wirecoder.exports``), and writing files atomically."""

from __future__ import annotations

import importlib
import io
import os
import re
import stat
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from ._errors import OutputError
from ._formats import FormatRegistry
from .schema import Analysis, Claim, Event, Place, TimeExpression

AnalysisRenderer = Callable[[Sequence[Analysis]], str]


def _import_exports() -> object:
    return importlib.import_module("wirecoder.exports")


ANALYSIS_FORMATS: FormatRegistry[AnalysisRenderer] = FormatRegistry("analyze", _import_exports)
"""The formats of ``wirecoder analyze --format``: these three, then the event exports."""


def check_output(path: Path) -> None:
    """OutputError now, before any work, when ``path`` is no place ``write_output`` can write:
    a directory, a block device or socket, or a folder that cannot be written in."""
    _target(Path(path))


def write_output(path: Path, text: str) -> None:
    """Write ``text`` to ``path``; OutputError (naming it and why) when that fails.

    A regular file (or a new one) is replaced atomically, via a temporary file in its folder
    and a rename: whole or not at all, with the permissions of the file it replaces, or, for a
    new file, those the umask allows (as the shell's ``>`` would). A symbolic link is followed
    and its target written the same way, so the link stays a link. A character device or a named
    pipe (``/dev/stdout``, a FIFO) is written to directly: it cannot be replaced, and replacing
    it with a regular file would lose what it is. A directory, block device or socket is refused.
    """
    target, stream = _target(Path(path))
    try:
        if stream:
            with target.open("w", encoding="utf-8") as handle:
                handle.write(text)
        else:
            _replace(target, text)
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None


write_atomic = write_output


def _target(path: Path) -> tuple[Path, bool]:
    """Where writing ``path`` writes (a link's target), and whether it is written as a stream
    (a device or pipe) rather than replaced."""
    target = path.resolve() if path.is_symlink() else path
    try:
        mode = path.stat().st_mode  # through links, the kernel's own (/dev/stdout) included
    except (FileNotFoundError, NotADirectoryError):
        _check_folder(path, target.parent)
        return target, False
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return path, True
    if stat.S_ISREG(mode):
        _check_folder(path, target.parent)
        return target, False
    kind = "a directory" if stat.S_ISDIR(mode) else "not a regular file, device or pipe"
    if stat.S_ISBLK(mode):
        kind = "a block device (a disk); refusing to write over it"
    shown = f"{path} (a link to {target})" if target != path else str(path)
    raise OutputError(f"cannot write {shown}: it is {kind}")


def _check_folder(path: Path, folder: Path) -> None:
    """OutputError unless ``folder`` exists as a writable directory or can be made."""
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise OutputError(f"cannot write {path}: {existing} is not a directory")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write {path}: no permission to write in {existing}")


def _replace(target: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``target`` and rename it over ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fchmod(stream.fileno(), mode)
            os.fsync(stream.fileno())
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    """The process's umask: from /proc on Linux, else by setting it and setting it back."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_stdout(text: str) -> None:
    """Write ``text`` to standard output and flush it; OutputError when that fails (a full
    disk). A reader that closed the pipe (``| head``) ends the output quietly."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except UnicodeEncodeError as error:
        raise OutputError(
            f"standard output takes only {error.encoding} text; write to a file with --output "
            "or set PYTHONIOENCODING=utf-8"
        ) from None
    except OSError as error:
        _silence_stdout()
        raise OutputError(f"cannot write to standard output: {error.strerror or error}") from None


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so the flush at exit does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass  # not a real file (a test's capture): nothing is flushed at exit


@ANALYSIS_FORMATS.register(
    "json",
    suffix=".json",
    media_type="application/json",
    doc="the whole analysis: one JSON object, or an array of several",
)
def to_json(analyses: Sequence[Analysis]) -> str:
    """One analysis as a JSON object; several as a JSON array."""
    if len(analyses) == 1:
        return analyses[0].model_dump_json(indent=2) + "\n"
    items = ",\n".join(analysis.model_dump_json(indent=2) for analysis in analyses)
    return f"[\n{items}\n]\n"


@ANALYSIS_FORMATS.register(
    "jsonl",
    suffix=".jsonl",
    media_type="application/x-ndjson",
    doc="the whole analysis, one article per line",
)
def to_jsonl(analyses: Sequence[Analysis]) -> str:
    """One analysis per line."""
    return "".join(analysis.model_dump_json() + "\n" for analysis in analyses)


@ANALYSIS_FORMATS.register(
    "markdown",
    suffix=".md",
    media_type="text/markdown",
    doc="a report a person reads: the article's metadata, then claims, events, places and dates",
)
def to_markdown(analyses: Sequence[Analysis]) -> str:
    """A report a person reads: metadata, then claims, events, places and dates in tables."""
    return "\n\n---\n\n".join(_article_markdown(analysis) for analysis in analyses) + "\n"


def _article_markdown(analysis: Analysis) -> str:
    article = analysis.article
    title = article.title or (article.source or "Article")
    facts = [
        ("Publisher", article.publisher),
        ("Published", article.published.isoformat() if article.published else None),
        ("Dateline", article.dateline.text if article.dateline else None),
        ("Credits", "; ".join(credit.text for credit in article.credits) or None),
        ("Source", article.source),
        ("Content hash", article.content_hash[:16]),
    ]
    lines = [f"# {_cell(title)}", ""]
    lines += [f"- **{name}:** {_cell(value)}" for name, value in facts if value]
    places = {place.id: place for place in analysis.places}
    lines += _section(
        "Claims",
        _claim_rows(analysis.claims),
        ["#", "Source", "Chain", "Cue", "Content", "Certainty", "Stance"],
    )
    lines += _section(
        "Events",
        _event_rows(analysis.events, places),
        ["#", "Type", "Actor", "Recipient", "Place", "Date", "Killed", "Aux", "Claims"],
    )
    lines += _section(
        "Places",
        _place_rows(analysis.places),
        ["#", "Place", "Role", "Kind", "GeoNames", "Lat, lon", "Precision", "Mentions"],
    )
    lines += _section(
        "Dates", _time_rows(analysis.times), ["#", "Text", "Type", "Value", "Interval", "Precision"]
    )
    return "\n".join(lines)


def _section(title: str, rows: list[list[str]], header: list[str]) -> list[str]:
    lines = ["", f"## {title} ({len(rows)})", ""]
    if not rows:
        return [*lines, "None found."]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "---|" * len(header))
    lines += ["| " + " | ".join(_cell(value) for value in row) + " |" for row in rows]
    return lines


def _claim_rows(claims: list[Claim]) -> list[list[str]]:
    return [
        [
            claim.id,
            f"{claim.source.name} ({claim.source.kind})",
            " ← ".join(link.name for link in claim.chain),
            claim.cue.text if claim.cue else "",
            " … ".join(span.text for span in claim.content),
            ", ".join(f"{c.phrase} ({c.scale} {c.low:.0%}–{c.high:.0%})" for c in claim.certainty),
            claim.stance,
        ]
        for claim in claims
    ]


_DATE_FROM = {"paragraph": ", from paragraph", "lead": ", from lead", "publication": ", fallback"}
"""How a date not read from the event's own sentence is marked in the Markdown report."""


def _event_rows(events: list[Event], places: dict[str, Place]) -> list[list[str]]:
    rows = []
    for event in events:
        place = places.get(event.place_id or "")
        date = ""
        if event.date_start:
            date = event.date_start.isoformat()
            if event.date_end and event.date_end != event.date_start:
                date += f" – {event.date_end.isoformat()}"
            date += f" (prec {event.date_precision}{_DATE_FROM.get(event.date_from or '', '')})"
        killed = event.size.killed
        rows.append(
            [
                f"**{event.id} (main)**" if event.main else event.id,
                event.type + (f":{event.mode}" if event.mode else ""),
                _participant(event.actor),
                _participant(event.recipient),
                f"{place.name} (prec {event.where_precision})" if place else "",
                date,
                _count(killed) if killed else "",
                ", ".join(event.aux),
                ", ".join(event.claim_ids),
            ]
        )
    return rows


def _participant(participant: object) -> str:
    if participant is None:
        return ""
    name = getattr(participant, "name", "")
    tags = "/".join(
        t
        for t in (getattr(participant, "country", None), getattr(participant, "sector", None))
        if t
    )
    return f"{name} ({tags})" if tags else name


def _count(count: object) -> str:
    low, best, high = (getattr(count, key) for key in ("low", "best", "high"))
    return "/".join("?" if value is None else str(value) for value in (low, best, high))


def _place_rows(places: list[Place]) -> list[list[str]]:
    return [
        [
            place.id,
            place.name,
            place.role,
            place.feature or "",
            str(place.geonames_id or place.supplement_id or ""),
            f"{place.latitude:.4f}, {place.longitude:.4f}"
            if place.latitude is not None and place.longitude is not None
            else "",
            str(place.precision or ""),
            str(len(place.mentions)),
        ]
        for place in places
    ]


def _time_rows(times: list[TimeExpression]) -> list[list[str]]:
    return [
        [
            time.id,
            time.span.text,
            time.type,
            time.value,
            f"{time.start} – {time.end}" if time.start else "",
            str(time.precision or ""),
        ]
        for time in times
    ]


_MARKDOWN_SPECIAL = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;"} | {char: "\\" + char for char in "\\`[]|"}
)


def markdown_text(value: object) -> str:
    """``value`` as inline Markdown text that shows as written and does nothing else: on one
    line, HTML (``<script>``, ``<img onerror=...>``) as entities, and the characters that make
    links, images, code and table cells (``[ ] ` | \\``) escaped. Emphasis marks (``*``, ``_``)
    are left: at worst they italicise."""
    return " ".join(str(value).split()).translate(_MARKDOWN_SPECIAL)


_cell = markdown_text

_FORMULA_STARTS = tuple("=+-@\t\r") + ("\uff1d", "\uff0b", "\uff0d", "\uff20")
"""What makes a spreadsheet read a cell as a formula (OWASP's list, and the full-width forms
some spreadsheets also take)."""


def spreadsheet_safe(value: object) -> object:
    """A CSV cell that a spreadsheet shows as text: a string starting with ``=``, ``+``, ``-``,
    ``@``, a tab or a carriage return gets a leading ``'`` (as OWASP recommends against formula
    injection). Numbers are left as they are: a negative longitude stays a number."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


_TERMINAL_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Control characters (ESC starts a terminal escape sequence) and the bidirectional overrides
that make a terminal show text in another order than it is."""


def terminal_text(value: str) -> str:
    """``value`` with what a terminal would act on (escape sequences, bidi overrides) removed,
    and line breaks and tabs as spaces."""
    return _TERMINAL_UNSAFE.sub(lambda found: " " if found[0] in "\n\r\t" else "", value)
