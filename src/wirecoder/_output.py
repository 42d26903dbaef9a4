"""The formats an analysis is written in (the registry, with JSON, JSONL and Markdown; the event
exports register theirs in ``wirecoder.exports``), and writing files atomically."""

from __future__ import annotations

import importlib
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from ._formats import FormatRegistry
from .schema import Analysis, Claim, Event, Place, TimeExpression

AnalysisRenderer = Callable[[Sequence[Analysis]], str]


def _import_exports() -> object:
    return importlib.import_module("wirecoder.exports")


ANALYSIS_FORMATS: FormatRegistry[AnalysisRenderer] = FormatRegistry("analyze", _import_exports)
"""The formats of ``wirecoder analyze --format``: these three, then the event exports."""


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file and a rename: never half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


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


def _cell(value: object) -> str:
    return " ".join(str(value).split()).replace("|", "\\|")
