"""Query results (``wirecoder events``, ``claims``) as a terminal table, CSV or JSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Sequence
from typing import Any

from .._formats import FormatRegistry
from .._output import spreadsheet_safe, terminal_text

TABLE_CELL_WIDTH = 60

Rows = Sequence[dict[str, Any]]
RowsRenderer = Callable[[Rows, Sequence[str] | None], str]

ROW_FORMATS: FormatRegistry[RowsRenderer] = FormatRegistry("events, claims")
"""The formats of ``wirecoder events --format`` and ``claims --format``."""


def render_rows(rows: Rows, output_format: str, columns: Sequence[str] | None = None) -> str:
    """``rows`` (dicts with the same keys) as ``table``, ``csv`` or ``json`` text; ``columns``
    (else the keys of the first row) for a table or CSV."""
    return ROW_FORMATS.get(output_format).render(rows, columns)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _names(rows: Rows, columns: Sequence[str] | None) -> list[str]:
    return list(columns or (rows[0].keys() if rows else []))


@ROW_FORMATS.register(
    "table",
    suffix=".txt",
    media_type="text/plain",
    doc="a table to read in a terminal, cells cut at 60 characters, and the row count",
)
def _table(rows: Rows, columns: Sequence[str] | None) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    names = _names(rows, columns)
    table = Table(*names, show_lines=False)
    for row in rows:
        # Text, not str: rich would read "[link=...]" in a title as its markup
        table.add_row(
            *(Text(terminal_text(_text(row.get(name)))[:TABLE_CELL_WIDTH]) for name in names)
        )
    buffer = io.StringIO()
    console = Console(file=buffer, width=240, color_system=None)
    console.print(table)
    console.print(f"{len(rows)} rows")
    return buffer.getvalue()


@ROW_FORMATS.register(
    "csv", suffix=".csv", media_type="text/csv", doc="the rows as CSV under a header of the columns"
)
def _csv(rows: Rows, columns: Sequence[str] | None) -> str:
    """CSV; a text a spreadsheet would run as a formula is quoted with ``'``."""
    names = _names(rows, columns)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(names)
    writer.writerows([_text(spreadsheet_safe(row.get(name))) for name in names] for row in rows)
    return buffer.getvalue()


@ROW_FORMATS.register(
    "json",
    suffix=".json",
    media_type="application/json",
    doc="the rows as a JSON array of objects, every field",
)
def _json(rows: Rows, columns: Sequence[str] | None) -> str:
    return json.dumps(list(rows), default=_text, ensure_ascii=False, indent=1) + "\n"
