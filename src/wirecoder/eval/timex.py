"""TempEval-3 Task A (temporal expressions), scored the way the official TE3 scorer does.

Each TimeML document's text is analysed by the ``times`` stage with the document creation time
(the TIMEX3 with ``functionInDocument="CREATION_TIME"``) as publication date; the DCT itself is
given, not scored. System and gold expressions are aligned one to one by overlap (an exact
match preferred), as the TE3 TimeML-Normalizer does before scoring. Then, as in the official
``evaluate_entities.py``:

- strict P/R/F1 counts aligned pairs with identical extents, relaxed P/R/F1 all aligned pairs;
- value (type) accuracy is the share of aligned pairs with the identical value (type), and
  value (type) F1 = that accuracy x relaxed F1.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ._report import Report, prf

PUBLISHED = (
    ("HeidelTime (TE3 test, published)", 0.9030, 0.7761),
    ("SUTime (TE3 test, published)", None, 0.6738),
)
"""Published TempEval-3 platinum test results: (system, relaxed F1, value F1)."""


@dataclass(frozen=True)
class Timex:
    """A temporal expression by character offsets into the document text."""

    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass(frozen=True)
class TimemlDocument:
    """A TimeML file: the text inside TEXT, its DCT, and its gold expressions."""

    name: str
    text: str
    dct: dt.date
    gold: list[Timex]


def read_timeml(path: Path) -> TimemlDocument:
    """Parse a TimeML file; gold offsets are character offsets into the TEXT element's text."""
    root = ET.parse(path).getroot()
    creation = next(
        node for node in root.iter("TIMEX3") if node.get("functionInDocument") == "CREATION_TIME"
    )
    body = root.find("TEXT")
    if body is None:
        raise ValueError(f"{path}: no TEXT element")
    pieces: list[str] = []
    gold: list[Timex] = []
    _flatten(body, pieces, gold)
    return TimemlDocument(
        path.name, "".join(pieces), dt.date.fromisoformat(creation.get("value", "")[:10]), gold
    )


def _flatten(node: ET.Element, pieces: list[str], gold: list[Timex]) -> None:
    """Append the text under ``node`` to ``pieces``, recording each TIMEX3's offsets."""
    start = sum(map(len, pieces))
    pieces.append(node.text or "")
    for child in node:
        _flatten(child, pieces, gold)
        pieces.append(child.tail or "")
    if node.tag == "TIMEX3" and node.get("functionInDocument") != "CREATION_TIME":
        end = start + len("".join(node.itertext()))
        gold.append(
            Timex(start, end, node.get("type", ""), node.get("value", ""), "".join(node.itertext()))
        )


def align(gold: list[Timex], system: list[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one pairs of overlapping gold and system expressions, exact extents first."""
    used: set[int] = set()
    pairs: list[tuple[Timex, Timex]] = []
    for exact in (True, False):
        for item in gold:
            if any(pair[0] is item for pair in pairs):
                continue
            for index, guess in enumerate(system):
                same = (guess.start, guess.end) == (item.start, item.end)
                overlaps = guess.start < item.end and item.start < guess.end
                if index not in used and (same if exact else overlaps):
                    used.add(index)
                    pairs.append((item, guess))
                    break
    return pairs


@dataclass
class Tally:
    """Counts summed over documents, from which every TE3 figure follows."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    errors: list[tuple[str, Timex | None, Timex | None]] = field(default_factory=list)

    def add(self, name: str, gold: list[Timex], system: list[Timex]) -> None:
        """Score one document; misses, false alarms and wrong values go to ``errors``."""
        pairs = align(gold, system)
        self.gold += len(gold)
        self.system += len(system)
        self.relaxed += len(pairs)
        self.strict += sum((g.start, g.end) == (s.start, s.end) for g, s in pairs)
        self.value += sum(g.value == s.value for g, s in pairs)
        self.type += sum(g.type == s.type for g, s in pairs)
        matched = {id(item) for pair in pairs for item in pair}
        self.errors += [(name, g, None) for g in gold if id(g) not in matched]
        self.errors += [(name, None, s) for s in system if id(s) not in matched]
        self.errors += [(name, g, s) for g, s in pairs if g.value != s.value]

    def report(self, title: str) -> Report:
        strict = prf(self.strict, self.system, self.gold)
        relaxed = prf(self.relaxed, self.system, self.gold)
        report = Report(title)
        for name, scores in (("strict", strict), ("relaxed", relaxed)):
            report.add_row(
                "span",
                match=name,
                precision=scores.precision,
                recall=scores.recall,
                f1=scores.f1,
                tp=self.strict if name == "strict" else self.relaxed,
                system=self.system,
                gold=self.gold,
            )
        for name, correct in (("value", self.value), ("type", self.type)):
            accuracy = correct / self.relaxed if self.relaxed else 0.0
            report.add_row(
                "attributes",
                attribute=name,
                accuracy=accuracy,
                f1=accuracy * relaxed.f1,
                correct=correct,
                matched=self.relaxed,
            )
        report.add_row(
            "comparison",
            system="wirecoder times.v1 (this run)",
            relaxed_f1=relaxed.f1,
            value_f1=self.value / self.relaxed * relaxed.f1 if self.relaxed else 0.0,
        )
        for system, relaxed_f1, value_f1 in PUBLISHED:
            report.add_row("comparison", system=system, relaxed_f1=relaxed_f1, value_f1=value_f1)
        report.notes.append(
            "value/type F1 = accuracy over relaxed matches x relaxed F1 (TE3); "
            "the DCT is given and not scored; published rows are on the TE3 "
            "platinum test set, not on this corpus; the times rules were developed against "
            "TBAQ (TimeBank + AQUAINT), so figures on it are optimistic for unseen text"
        )
        return report


def timeml_files(folder: Path) -> list[Path]:
    """The TimeML files under ``folder``, in a stable order."""
    return sorted(path for path in folder.rglob("*.tml") if path.is_file())


def annotate(documents: Iterable[TimemlDocument]) -> Iterator[tuple[TimemlDocument, list[Timex]]]:
    """Run the parse and the ``times`` stage on each document, its DCT as publication date."""
    from ..schema import Article
    from ._run import analyses

    documents = list(documents)
    articles = (Article(text=item.text, published=item.dct) for item in documents)
    for item, analysis in zip(documents, analyses(("times.v1",), articles), strict=True):
        yield (
            item,
            [Timex(t.span.start, t.span.end, t.type, t.value, t.span.text) for t in analysis.times],
        )


def score(folder: Path, limit: int | None = None) -> Tally:
    """Tally the ``times`` stage against every (or the first ``limit``) TimeML file."""
    tally = Tally()
    documents = (read_timeml(path) for path in timeml_files(folder)[:limit])
    for item, system in annotate(documents):
        tally.add(item.name, item.gold, system)
    return tally


def evaluate(timeml_dir: Path, limit: int | None = None) -> Report:
    """TempEval-3 Task A figures of the ``times`` stage on a folder of TimeML files."""
    files = timeml_files(timeml_dir)
    if not files:
        raise FileNotFoundError(f"no .tml files under {timeml_dir}")
    count = len(files[:limit])
    return score(timeml_dir, limit).report(f"TempEval-3 Task A on {timeml_dir} ({count} documents)")
