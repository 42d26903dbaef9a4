"""Event records on wire reports written for the project, against gold a careful coder wrote.

``wirecoder eval wire DIR`` reads each ``<name>.txt`` of DIR that has a ``<name>.gold.json``
beside it (metadata in the ``<name>.json`` sidecar, as ``analyze`` reads it), runs the default
pipeline on it, and compares each gold event with the predicted event that stands for it.

**Alignment.** A predicted event stands for a gold event when its trigger lies in the gold
event's sentence (located by a unique piece of it; ``also`` names further sentences about the
same event, such as the detail paragraph under a lead) and its PLOVER type is of the same quad
class (verbal/material cooperation/conflict). Pairs are made one to one, the likeliest first:
most fields right, then a trigger on the gold trigger, then the nearest trigger.

**What "right" means, per field** (a record is *fully right* when it is found and every field is):

- *type*: the same PLOVER type, and the same mode where the gold gives one (``capture``,
  ``aerial``, ``drone`` ...).
- *actor*, *recipient*: the same (country ISO alpha-3, PLOVER sector) pair; a gold ``null`` wants
  no actor (or one with neither country nor sector).
- *place*: at gold where-precision 1-3, 5 and 7 (a point, near a point, a district, a line,
  waters) the same gazetteer entry (GeoNames id, or supplement id); at precision 4 (a province)
  a place in the same admin1 and country, named no finer than a province (precision 4 or 5:
  "Donetsk region" resolved to the city of Donetsk is wrong); at 6 the same country, named as a
  country. A place given only relative to another ("near the town", "10 km south of X") counts
  as the place it is measured from.
- *date*: the same interval (``date_start``, ``date_end``).
- *toll*: the same killed and injured (and arrested, where the gold gives it) as low/best/high;
  a count of nothing (no figure, or zero) equals no count.
- *occurred*: the event is a dataset row: not negated, future, hypothetical or historical. A
  gold event with ``occurred`` false is right when no row stands for it.
- *main*: the event carries the article's main-event mark (``Event.main``) as the gold does.

Where-precision and date-precision agreement are reported beside the fields, not in "fully right".

**Per report**, beyond its records: the dateline as lifted by the reader (place, date, agency as
printed); the *toll total*, the killed a dataset sums from the report's rows (best estimates)
against the gold's, so that one toll counted twice (a lead and its detail, a later total, a
cumulative figure) shows; and the *must not* items: rows that must not exist (an event at the
dateline city, a capture for "it was unclear who controlled X", an AID event for people who
gathered to receive aid), places that are not places ("(Sep 6)", outlets, ships) and places
taken for persons. A report is fully right when all of these hold.

**Per error class** (the nine of issue #12, tagged on reports, records and must-not items): the
reports and records of the class fully right, the share of its records whose field the class is
about is right (place for 1, 3, 4, 5; date for 6; actor for 7; toll for 8), its must-not items
held, and its reports' datelines lifted. Invented rows are dataset rows that stand for no gold
event and that a must-not item forbids.

The gold conventions (how hedged tolls map to low/best/high, relative dates to intervals,
unnamed victims to actor codes) are written down beside the gold, in the folder's README.

No published figure exists for this set; beside ours the report prints the hand judgement of
issue #12 on ten real wire stories written by others (50 of 105 records fully right).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .._config import Config
from .._errors import Failure
from ..ingest import read_inputs
from ..schema import Analysis, Article
from ._report import Report
from ._run import analyses
from ._wire_gold import (
    ERROR_CLASSES,
    GoldError,
    GoldReport,
    gold_path,
    load_gold,
    report_paths,
)
from ._wire_match import (
    FIELDS,
    EventScore,
    align,
    dateline_right,
    is_row,
    toll_totals,
    violations,
)

PUBLISHED_REAL_NEWS = (50, 105)
"""Issue #12: records fully right on ten real wire stories, judged by hand field by field."""

__all__ = [
    "ERROR_CLASSES",
    "EventScore",
    "GoldError",
    "GoldReport",
    "ReportScore",
    "build_report",
    "evaluate",
    "load_gold",
    "report_paths",
    "score_analysis",
    "score_directory",
]


@dataclass
class ReportScore:
    """One report: its records, dateline, toll total and the forbidden things found."""

    gold: GoldReport
    events: list[EventScore]
    dateline_right: bool
    toll_total: tuple[int, int]
    violations: dict[int, list[str]] = field(default_factory=dict)
    """The ids found against each broken must-not item, by the item's index in the gold."""
    rows: list[str] = field(default_factory=list)
    """The ids of the predicted events that are dataset rows."""

    @property
    def fully_right(self) -> bool:
        return (
            all(score.fully_right for score in self.events)
            and self.dateline_right
            and self.toll_total[0] == self.toll_total[1]
            and not self.violations
        )

    def problems(self) -> list[str]:
        """Everything wrong with the report, one line each."""
        found = [problem for score in self.events for problem in score.problems()]
        if not self.dateline_right:
            found.append(f"dateline not lifted as {self.gold.dateline}")
        if self.toll_total[0] != self.toll_total[1]:
            found.append(
                f"toll total: rows sum to {self.toll_total[1]} killed, gold {self.toll_total[0]}"
            )
        for index, ids in self.violations.items():
            found.append(f"must not ({self.gold.must_not[index].note}): {', '.join(ids)}")
        return found

    @property
    def aligned(self) -> set[str]:
        return {score.predicted.id for score in self.events if score.predicted is not None}

    @property
    def invented(self) -> set[str]:
        """Rows that stand for no gold event and that a must-not item forbids."""
        forbidden = {
            ident
            for index, ids in self.violations.items()
            if self.gold.must_not[index].kind == "event"
            for ident in ids
        }
        return forbidden - self.aligned

    @property
    def unmatched_rows(self) -> set[str]:
        """Rows that stand for no gold event (not all wrong: the gold lists no statements)."""
        return set(self.rows) - self.aligned


def score_analysis(gold: GoldReport, analysis: Analysis) -> ReportScore:
    """Score one analysed report against its gold."""
    places = {place.id: place for place in analysis.places}
    return ReportScore(
        gold=gold,
        events=align(gold, analysis, places),
        dateline_right=dateline_right(gold.dateline, analysis),
        toll_total=toll_totals(gold, analysis),
        violations=violations(gold, analysis, places),
        rows=[event.id for event in analysis.events if is_row(event)],
    )


def _articles(paths: Iterable[Path]) -> Iterator[Article]:
    for path in paths:
        for item in read_inputs([path]):
            if isinstance(item, Failure):
                raise GoldError(f"{path}: {item}")
            yield item


def score_directory(directory: Path) -> list[ReportScore]:
    """Every report of a gold folder, analysed by the default pipeline and scored."""
    paths = report_paths(directory)
    if not paths:
        raise FileNotFoundError(f"no report with a .gold.json beside it under {directory}")
    golds = [load_gold(gold_path(path)) for path in paths]
    results = analyses(Config.default().stages, _articles(paths))
    return [score_analysis(gold, analysis) for gold, analysis in zip(golds, results, strict=True)]


def _share(right: int, total: int) -> float | None:
    return right / total if total else None


def _field_rows(report: Report, events: list[EventScore]) -> None:
    occurred = [score for score in events if score.gold.occurred]
    found = [score for score in occurred if score.predicted is not None]
    report.add_row(
        "fields",
        field="found",
        right=len(found),
        total=len(occurred),
        share=_share(len(found), len(occurred)),
    )
    for name in (*FIELDS, "where_precision", "date_precision"):
        right = sum(score.fields.get(name) is True for score in found)
        report.add_row(
            "fields",
            field=name,
            right=right,
            total=len(occurred),
            share=_share(right, len(occurred)),
        )
    unreal = [score for score in events if not score.gold.occurred]
    right = sum(score.fully_right for score in unreal)
    report.add_row(
        "fields",
        field="not a row (gold: did not occur)",
        right=right,
        total=len(unreal),
        share=_share(right, len(unreal)),
    )


CLASS_FIELDS = {1: "place", 3: "place", 4: "place", 5: "place", 6: "date", 7: "actor", 8: "toll"}
"""The record field each error class is about, reported for the class's records on its own."""


def _class_rows(report: Report, scores: list[ReportScore]) -> None:
    for number, description in ERROR_CLASSES.items():
        reports = [s for s in scores if number in s.gold.all_classes]
        events = [e for s in reports for e in s.events if number in e.gold.classes]
        name = CLASS_FIELDS.get(number)
        field_right = sum(e.fields.get(name) is True for e in events) if name else 0
        items = [i for s in reports for i in s.gold.must_not if number in i.classes]
        broken = sum(
            index in s.violations
            for s in reports
            for index, item in enumerate(s.gold.must_not)
            if number in item.classes
        )
        report.add_row(
            "per error class",
            error_class=number,
            what=description,
            reports=len(reports),
            reports_fully_right=_share(sum(s.fully_right for s in reports), len(reports)),
            datelines_right=_share(sum(s.dateline_right for s in reports), len(reports)),
            records=len(events),
            records_fully_right=_share(sum(e.fully_right for e in events), len(events)),
            its_field=name,
            field_right=_share(field_right, len(events)) if name else None,
            must_not=len(items),
            must_not_held=_share(len(items) - broken, len(items)),
        )


def _report_rows(report: Report, scores: list[ReportScore]) -> None:
    for score in scores:
        report.add_row(
            "per report",
            report=score.gold.report,
            conflict=score.gold.conflict,
            records=len(score.events),
            fully_right=sum(event.fully_right for event in score.events),
            dateline="ok" if score.dateline_right else "wrong",
            killed_rows_gold=f"{score.toll_total[1]}/{score.toll_total[0]}",
            must_not_broken=len(score.violations),
            invented_rows=len(score.invented),
            report_right=score.fully_right,
        )


def build_report(scores: list[ReportScore], title: str) -> Report:
    """The tables of ``wirecoder eval wire`` from scored reports."""
    report = Report(title=title)
    events = [event for score in scores for event in score.events]
    occurred = [event for event in events if event.gold.occurred]
    right = sum(event.fully_right for event in occurred)
    done, total = PUBLISHED_REAL_NEWS
    report.add_row(
        "records",
        set="ours (this folder)",
        reports=len(scores),
        records=len(occurred),
        fully_right=right,
        share=_share(right, len(occurred)),
    )
    report.add_row(
        "records",
        set="issue #12: 10 real wire stories, by hand",
        reports=10,
        records=total,
        fully_right=done,
        share=done / total,
    )
    report.add_row(
        "reports",
        reports=len(scores),
        fully_right=sum(score.fully_right for score in scores),
        datelines_right=sum(score.dateline_right for score in scores),
        toll_totals_right=sum(s.toll_total[0] == s.toll_total[1] for s in scores),
        with_must_not_broken=sum(bool(score.violations) for score in scores),
        invented_rows=sum(len(score.invented) for score in scores),
        rows_without_gold=sum(len(score.unmatched_rows) for score in scores),
    )
    _field_rows(report, events)
    _class_rows(report, scores)
    _report_rows(report, scores)
    report.notes.append(
        "a record is fully right when found and its type, actor, recipient, place, date, toll "
        "occurred and main fields are right; see "
        "wirecoder.eval.wire_records for the rule of each field"
    )
    report.notes.append(
        "invented rows: dataset rows that stand for no gold event and that a must-not item "
        "forbids; rows without gold also count statements and retellings the gold leaves out"
    )
    return report


def evaluate(directory: Path) -> Report:
    """Score the default pipeline on a folder of wire reports with gold records."""
    scores = score_directory(directory)
    return build_report(
        scores, f"Event records on wire reports ({directory}, {len(scores)} reports)"
    )
