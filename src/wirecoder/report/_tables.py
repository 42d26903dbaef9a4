"""Query results as a terminal table, CSV or JSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from typing import Any

TABLE_CELL_WIDTH = 60


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def render_rows(
    rows: Sequence[dict[str, Any]], output_format: str, columns: Sequence[str] | None = None
) -> str:
    """``rows`` (dicts with the same keys) as ``table``, ``csv`` or ``json`` text."""
    if output_format == "json":
        return json.dumps(list(rows), default=_text, ensure_ascii=False, indent=1) + "\n"
    names = list(columns or (rows[0].keys() if rows else []))
    if output_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(names)
        writer.writerows([_text(row.get(name)) for name in names] for row in rows)
        return buffer.getvalue()
    if output_format != "table":
        raise ValueError(f"unknown format {output_format!r} (table, csv, json)")
    from rich.console import Console
    from rich.table import Table

    table = Table(*names, show_lines=False)
    for row in rows:
        table.add_row(*(_text(row.get(name))[:TABLE_CELL_WIDTH] for name in names))
    console = Console(file=io.StringIO(), width=240, color_system=None)
    console.print(table)
    console.print(f"{len(rows)} rows")
    return console.file.getvalue()  # type: ignore[attr-defined]
