"""A scorer's result: named tables of figures, printable as text or JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 from true positives and the two totals."""

    tp: float
    predicted: float
    gold: float

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "tp": self.tp,
            "predicted": self.predicted,
            "gold": self.gold,
        }


def prf(tp: float, predicted: float, gold: float) -> Scores:
    return Scores(tp, predicted, gold)


@dataclass
class Report:
    """Tables of rows, each row a label and its figures, plus free notes."""

    title: str
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def add_row(self, table: str, **row: Any) -> None:
        self.tables.setdefault(table, []).append(row)

    def as_dict(self) -> dict[str, Any]:
        return {"title": self.title, "tables": self.tables, "notes": self.notes}

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), indent=2, default=str)

    def to_text(self) -> str:
        lines = [self.title, "=" * len(self.title)]
        for name, rows in self.tables.items():
            lines += ["", name]
            columns = list(dict.fromkeys(key for row in rows for key in row))
            cells = [[_cell(row.get(column)) for column in columns] for row in rows]
            widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
            lines.append("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)))
            lines.append("  ".join("-" * w for w in widths))
            lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in cells]
        if self.notes:
            lines += [""] + [f"note: {note}" for note in self.notes]
        return "\n".join(lines) + "\n"


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)
