"""HRDsAttack items read into articles and normalised gold records.

Each item has ``sample`` (``Input.title``, ``Input.publish_date``, ``Input.article_interface``:
the article as HTML paragraphs) and ``merged_sample``, the record to score against. Crowd values
are normalised as the dataset's own loader does: ``null``, ``"None"``, ``"N/A"`` and
``"unknown"`` are no value; years and days come as ``"2021.0"``; months as numbers or English
names (a few misspelt).
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..ingest import article_from_text, html_to_text
from ..schema import Article

_NONE = frozenset({"", "none", "n/a", "n//a", "na", "unknown", "null", "nan"})
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH_PREFIX = 3
_NEAR = 0.8


@dataclass(frozen=True)
class Gold:
    """One merged crowd record."""

    perpetrator_mentioned: bool | None
    perpetrator_type: str | None
    violation_types: frozenset[str]
    year: int | None
    month: int | None
    day: int | None
    city: str | None
    region: str | None
    country: str | None
    victims: tuple[str, ...]


@dataclass(frozen=True)
class Item:
    """An article to analyse and the record to score it against."""

    id: str
    article: Article
    gold: Gold


def read_items(path: Path) -> list[Item]:
    """The items of an HRDsAttack split (a JSON array)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path}: not an HRDsAttack split (a JSON array of items)")
    return [_item(raw, f"{Path(path).name}:{index}") for index, raw in enumerate(data)]


def _item(raw: dict[str, Any], source: str) -> Item:
    sample = raw["sample"]
    identifier = str(sample.get("Input.GLOBALEVENTID") or source)
    text = html_to_text(sample.get("Input.article_interface") or "")
    article = article_from_text(
        text,
        published=_text(sample.get("Input.publish_date")),
        title=_text(sample.get("Input.title")),
        source=source,
    )
    return Item(identifier, article, gold_record(raw.get("merged_sample") or {}))


def gold_record(merged: dict[str, Any]) -> Gold:
    """A merged sample as a :class:`Gold` record."""
    violations = {str(kind).strip().lower() for kind in merged.get("violation_types") or ()}
    if len(violations) > 1:
        violations.discard("unknown")  # the dataset's loader drops it beside a real type
    mentioned = merged.get("perpetrator_mention")
    return Gold(
        perpetrator_mentioned=mentioned if isinstance(mentioned, bool) else None,
        perpetrator_type=_text(merged.get("perpetrator_type")),
        violation_types=frozenset(violations or {"unknown"}),
        year=_number(merged.get("year")),
        month=month_number(merged.get("month")),
        day=_number(merged.get("date")),
        city=_text(merged.get("city")),
        region=_text(merged.get("region")),
        country=_text(merged.get("country")),
        victims=tuple(
            name
            for victim in merged.get("victims") or ()
            if (name := _text(victim.get("victim_name"))) is not None
        ),
    )


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return None if text.lower() in _NONE else text


def _number(value: object) -> int | None:
    text = _text(value)
    if text is None:
        return None
    try:
        return int(float(text))
    except ValueError:
        return None


def month_number(value: object) -> int | None:
    """1-12 from ``"02"``, ``"2.0"``, ``"February"``, ``"Feb"`` or a near spelling of a month's
    name (``"Ocober"``, ``"Decenmber"``)."""
    number = _number(value)
    if number is not None:
        return number if 1 <= number <= len(_MONTHS) else None
    text = _text(value)
    if text is None:
        return None
    word = text.lower()
    found = next((i + 1 for i, name in enumerate(_MONTHS) if name[:_MONTH_PREFIX] == word), None)
    if found is not None:
        return found
    close = difflib.get_close_matches(word, _MONTHS, n=1, cutoff=_NEAR)
    return _MONTHS.index(close[0]) + 1 if close else None
