"""Cell values the exports share: names, counts, dates, countries, source chains, CSV text."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from .._output import spreadsheet_safe
from ..gazetteer import countries
from ..schema import Analysis, Claim, Count, Event, Participant, Place


def places_by_id(analysis: Analysis) -> dict[str, Place]:
    return {place.id: place for place in analysis.places}


def claims_by_id(analysis: Analysis) -> dict[str, Claim]:
    return {claim.id: claim for claim in analysis.claims}


def event_id(analysis: Analysis, event: Event, digits: int = 8) -> str:
    """An event id unique across articles: the start of the article's content hash, the event's
    id in the article."""
    return f"{analysis.article.content_hash[:digits]}-{event.id}"


def csv_text(
    columns: Sequence[str],
    analyses: Sequence[Analysis],
    rows: Callable[[Analysis], Iterator[dict[str, Any]]],
) -> str:
    """The ``rows`` of each analysis under a header of ``columns``; None is an empty cell, and a
    text a spreadsheet would run as a formula (``=HYPERLINK(...)``) is quoted with ``'``."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in (row for analysis in analyses for row in rows(analysis)):
        writer.writerow(
            {key: "" if value is None else spreadsheet_safe(value) for key, value in row.items()}
        )
    return buffer.getvalue()


def sources(event: Event, claims: dict[str, Claim]) -> list[str]:
    """The source chain of each claim the event rests on, publisher first:
    "Reuters < TASS < embassy"."""
    found = []
    for claim_id in event.claim_ids:
        claim = claims.get(claim_id)
        if claim is not None:
            chain = [link.name for link in claim.chain] or [claim.source.name]
            found.append(" < ".join(chain))
    return found


def country(place: Place | None) -> tuple[str, int | str]:
    """The (name, numeric ISO code) of a place's country, as ACLED and UCDP write them."""
    if place is None or place.country_code is None:
        return "", ""
    return countries().get(place.country_code.upper(), (place.country_code, ""))


def name(participant: Participant | None) -> str:
    return participant.name if participant is not None else ""


def sector(participant: Participant | None) -> str | None:
    return participant.sector if participant is not None else None


def count_value(count: Count | None) -> int | None:
    """The one number a table has room for: best, else the lowest sure figure, else the ceiling."""
    if count is None:
        return None
    for value in (count.best, count.low, count.high):
        if value is not None:
            return value
    return None


def iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date is not None else None
