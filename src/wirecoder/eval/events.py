"""Event typing and arguments against two gold sets.

CASE 2021 Task 2 (``--case2021``): each snippet is analysed with the actors and events stages;
its main event (the first sentence that holds an event ACLED codes, the most specific sub-type
in it) goes through the PLOVER -> ACLED crosswalk (``wirecoder.exports.acled_type``). Scores are
weighted and macro F1 over the ACLED sub-types (Subtask 1: rows whose gold label is one of the 25
ACLED types), as the shared task computed them, plus the same over all 30 labels with the five
non-ACLED ones (DIPLO, ATTRIB, ORG_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER) read from PLOVER
types and contexts. No ACLED data was used to build the rules.

PLOVER gold-standard records (``--plover-gsr``): for each record the event whose trigger overlaps
the gold event text, or one of its words (else the first event), is compared with the gold: event
type (the records' PLOVER 0.5 vocabulary mapped: DEMAND -> REQUEST, DISAPPROVE/INVESTIGATE ->
ACCUSE, FIGHT -> ASSAULT), and the first source and target actor's code (ISO alpha-3 or IGO/NGO) and
sector.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..exports import acled_type, neighbours
from ..schema import Analysis, Article, Event, Participant
from ._report import Report, prf
from ._run import analyses

STAGES = ("actors.v1", "events.v1")

CASE_LABELS = {
    "Abduction/forced disappearance": "ABDUCT_DISSAP",
    "Agreement": "AGREEMENT",
    "Air/drone strike": "AIR_STRIKE",
    "Armed clash": "ARMED_CLASH",
    "Arrests": "ARREST",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK",
    "Attack": "ATTACK",
    "Change to group/activity": "CHANGE_TO_GROUP_ACT",
    "Chemical weapon": "CHEM_WEAP",
    "Disrupted weapons use": "DISR_WEAP",
    "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
    "Government regains territory": "GOV_REGAINS_TERIT",
    "Grenade": "GRENADE",
    "Headquarters or base established": "HQ_ESTABLISHED",
    "Mob violence": "MOB_VIOL",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER",
    "Other": "OTHER",
    "Peaceful protest": "PEACE_PROTEST",
    "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Protest with intervention": "PROTEST_WITH_INTER",
    "Remote explosive/landmine/IED": "REM_EXPLOS",
    "Sexual violence": "SEX_VIOL",
    "Suicide bomb": "SUIC_BOMB",
    "Violent demonstration": "VIOL_DEMONSTR",
}
"""ACLED sub-event type -> CASE 2021 label."""

ACLED_LABELS = frozenset(CASE_LABELS.values())
NO_EVENT = "NONE"
PUBLISHED_BEST = 0.839
"""Best published Subtask 1 weighted F1 (a model fine-tuned on ACLED data)."""

_SPECIFICITY = (
    "CHEM_WEAP",
    "SUIC_BOMB",
    "AIR_STRIKE",
    "GRENADE",
    "REM_EXPLOS",
    "ART_MISS_ATTACK",
    "FORCE_AGAINST_PROTEST",
    "PROTEST_WITH_INTER",
    "VIOL_DEMONSTR",
    "MOB_VIOL",
    "SEX_VIOL",
    "ABDUCT_DISSAP",
    "GOV_REGAINS_TERIT",
    "NON_STATE_ACTOR_OVERTAKES_TER",
    "NON_VIOL_TERRIT_TRANSFER",
    "HQ_ESTABLISHED",
    "DISR_WEAP",
    "PEACE_PROTEST",
    "ARREST",
    "ARMED_CLASH",
    "ATTACK",
    "PROPERTY_DISTRUCT",
    "AGREEMENT",
    "CHANGE_TO_GROUP_ACT",
    "OTHER",
)
"""When one sentence holds several ACLED events, the more specific sub-type is the story."""

_PLOVER_05 = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}


def evaluate(case2021: Path | None = None, plover_gsr: Path | None = None) -> Report:
    """Score event typing on CASE 2021 snippets and/or the PLOVER gold-standard records."""
    report = Report(title="Events: ACLED sub-types (CASE 2021 Task 2) and PLOVER records")
    if case2021 is not None:
        _score_case(report, case2021)
    if plover_gsr is not None:
        _score_gsr(report, plover_gsr)
    return report


# ----------------------------------------------------------------------------------- CASE 2021


def snippet_label(analysis: Analysis) -> str:
    """The CASE label of a snippet: its main event through the crosswalk, or a non-ACLED label."""
    events = analysis.events
    text = analysis.article.text
    typed = [(event, acled_type(event, neighbours(event, events, text))) for event in events]
    acled = [(event, CASE_LABELS[kind[1]]) for event, kind in typed if kind is not None]
    if acled:
        first_sentence = min(event.spans[0].start for event, _ in acled)
        in_first = [label for event, label in acled if event.spans[0].start == first_sentence]
        return min(in_first, key=_SPECIFICITY.index)
    return _non_acled_label(events)


def _non_acled_label(events: Sequence[Event]) -> str:
    real = [e for e in events if "negated" not in e.aux]
    contexts = {context for event in real for context in event.context}
    if "crime" in contexts or "crime_theft" in contexts or "crime_drugs" in contexts:
        return "ORG_CRIME"
    for event in real:
        if event.type == "ACCUSE" or event.type == "REJECT" and event.mode == "responsibility":
            return "ATTRIB"
        if event.type in (
            "CONSULT",
            "SANCTION",
            "SUPPORT",
            "COOPERATE",
            "REQUEST",
            "THREATEN",
            "REJECT",
        ):
            return "DIPLO"
    return NO_EVENT


@dataclass(frozen=True)
class _Row:
    id: str
    text: str
    gold: str


def _read_case(path: Path) -> list[_Row]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [_Row(row["id"], row["EventSnippet"], row["SubType"].strip()) for row in reader]


def _score_case(report: Report, path: Path) -> None:
    rows = _read_case(path)
    articles = [Article(text=row.text, source=f"{path.name}:{row.id}") for row in rows]
    predicted = [snippet_label(analysis) for analysis in analyses(STAGES, articles)]
    pairs = [(row.gold, label) for row, label in zip(rows, predicted, strict=True)]
    acled_pairs = [(gold, label) for gold, label in pairs if gold in ACLED_LABELS]
    for name, scored in (
        ("ACLED sub-types (Subtask 1)", acled_pairs),
        ("all 30 labels (Subtask 3)", pairs),
    ):
        weighted, macro, accuracy = _f1s(scored)
        report.add_row(
            "CASE 2021 Task 2",
            labels=name,
            snippets=len(scored),
            weighted_f1=weighted,
            macro_f1=macro,
            accuracy=accuracy,
        )
    report.add_row(
        "CASE 2021 Task 2",
        labels="best published, Subtask 1 (trained on ACLED)",
        snippets=None,
        weighted_f1=PUBLISHED_BEST,
        macro_f1=None,
        accuracy=None,
    )
    for label, scores, support in _per_class(pairs):
        report.add_row(
            "per class",
            label=label,
            acled=label in ACLED_LABELS,
            support=support,
            predicted=scores.predicted,
            precision=scores.precision,
            recall=scores.recall,
            f1=scores.f1,
        )
    report.notes.append(
        f"{path}: {len(rows)} snippets; pipeline {', '.join(STAGES)}; labels from the PLOVER -> "
        "ACLED crosswalk of each snippet's main event; rules and lexicons only, "
        "no ACLED training data"
    )


def _f1s(pairs: Sequence[tuple[str, str]]) -> tuple[float, float, float]:
    """Weighted F1 (by gold support), macro F1 over the gold labels, and accuracy."""
    classes = _per_class(pairs)
    gold_classes = [(scores, support) for _, scores, support in classes if support]
    total = sum(support for _, support in gold_classes)
    weighted = (
        sum(scores.f1 * support for scores, support in gold_classes) / total if total else 0.0
    )
    macro = (
        sum(scores.f1 for scores, _ in gold_classes) / len(gold_classes) if gold_classes else 0.0
    )
    accuracy = sum(gold == label for gold, label in pairs) / len(pairs) if pairs else 0.0
    return weighted, macro, accuracy


def _per_class(pairs: Sequence[tuple[str, str]]) -> list[tuple[str, Any, int]]:
    gold = Counter(g for g, _ in pairs)
    predicted = Counter(p for _, p in pairs)
    correct = Counter(g for g, p in pairs if g == p)
    labels = sorted(set(gold) | (set(predicted) - {NO_EVENT}))
    return [
        (label, prf(correct[label], predicted[label], gold[label]), gold[label]) for label in labels
    ]


# ----------------------------------------------------------------------------------- PLOVER GSR


@dataclass(frozen=True)
class _Record:
    id: str
    text: str
    date: dt.date | None
    event: str
    event_text: str
    sources: list[dict[str, str]]
    targets: list[dict[str, str]]


def _read_gsr(path: Path) -> list[_Record]:
    records = []
    for item in json.loads(path.read_text(encoding="utf-8")):
        if "text" not in item or item.get("event") == "DOCUMENT":
            continue
        records.append(
            _Record(
                id=item["id"],
                text=item["text"],
                date=_date(item.get("date")),
                event=_PLOVER_05.get(item["event"], item["event"]),
                event_text=item.get("eventText", ""),
                sources=_actors(item.get("source")),
                targets=_actors(item.get("target")),
            )
        )
    return records


def _actors(value: Any) -> list[dict[str, str]]:
    return (
        [a for a in value if isinstance(a, dict) and a.get("code")]
        if isinstance(value, list)
        else []
    )


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _score_gsr(report: Report, path: Path) -> None:
    records = _read_gsr(path)
    articles = [
        Article(text=r.text, published=r.date, source=f"{path.name}:{r.id}") for r in records
    ]
    tallies: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    for record, analysis in zip(records, analyses(STAGES, articles), strict=True):
        event = _matching_event(record, analysis.events)
        predicted = event.type if event is not None else NO_EVENT
        tallies["records"] += 1
        tallies["type_correct"] += predicted == record.event
        confusion[(record.event, predicted)] += 1
        kinds = {actor.id: actor.kind for actor in analysis.actors}
        for role, gold, participant in (
            ("actor", record.sources, event.actor if event else None),
            ("recipient", record.targets, event.recipient if event else None),
        ):
            if not gold:
                continue
            tallies[f"{role}_gold"] += 1
            tallies[f"{role}_country"] += _code(participant, kinds) == gold[0]["code"]
            if gold[0].get("sector"):
                tallies[f"{role}_sector_gold"] += 1
                tallies[f"{role}_sector"] += bool(
                    participant and participant.sector == gold[0]["sector"][:3]
                )
    report.add_row(
        "PLOVER gold records",
        measure="event type accuracy",
        correct=tallies["type_correct"],
        total=tallies["records"],
        accuracy=_ratio(tallies["type_correct"], tallies["records"]),
    )
    for role in ("actor", "recipient"):
        report.add_row(
            "PLOVER gold records",
            measure=f"{role} code (ISO alpha-3 / IGO) accuracy",
            correct=tallies[f"{role}_country"],
            total=tallies[f"{role}_gold"],
            accuracy=_ratio(tallies[f"{role}_country"], tallies[f"{role}_gold"]),
        )
        report.add_row(
            "PLOVER gold records",
            measure=f"{role} sector accuracy",
            correct=tallies[f"{role}_sector"],
            total=tallies[f"{role}_sector_gold"],
            accuracy=_ratio(tallies[f"{role}_sector"], tallies[f"{role}_sector_gold"]),
        )
    for gold_type in sorted({gold for gold, _ in confusion}):
        row = {pred: n for (gold, pred), n in confusion.items() if gold == gold_type}
        total = sum(row.values())
        report.add_row(
            "PLOVER type by gold type",
            gold=gold_type,
            records=total,
            accuracy=_ratio(row.get(gold_type, 0), total),
            most_predicted=", ".join(f"{p} {n}" for p, n in Counter(row).most_common(3)),
        )
    report.notes.append(
        f"{path}: {tallies['records']} records with text; PLOVER 0.5 types mapped DEMAND->REQUEST, "
        "DISAPPROVE/INVESTIGATE->ACCUSE, FIGHT->ASSAULT; the event compared is the one whose "
        "trigger overlaps the gold event text or one of its words, else the first"
    )


def _matching_event(record: _Record, events: Iterable[Event]) -> Event | None:
    events = list(events)
    if not events:
        return None
    for cue in (record.event_text, *record.event_text.split()):
        start = record.text.find(cue) if cue else -1
        if start < 0:
            continue
        end = start + len(cue)
        overlapping = [e for e in events if e.trigger.start < end and start < e.trigger.end]
        if overlapping:
            return overlapping[0]
    real = [e for e in events if "negated" not in e.aux]
    return (real or events)[0]


def _code(participant: Participant | None, kinds: dict[str, str | None]) -> str | None:
    if participant is None:
        return None
    kind = kinds.get(participant.actor_id or "")
    if kind == "igo":
        return "IGO"
    if kind == "organization" and participant.country is None:
        return "NGO"
    return participant.country


def _ratio(part: float, whole: float) -> float | None:
    return part / whole if whole else None
