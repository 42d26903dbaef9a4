"""Event-location linking on Halterman's gold sentences, scored as "Geolocating Political Events
in Text" (Halterman 2019) scores it.

Each row is one sentence with one marked event verb and the LOCATION tokens of the place where
*that* event happened (none: the sentence gives no place for it). Two modes:

- end to end: the sentence is analysed by the default pipeline; the event whose trigger overlaps
  the verb is ours, and the tokens of its place's mentions in the sentence are the prediction
  (no event, or an event without a place, predicts no tokens);
- verb given: the place linking alone, :func:`wirecoder.stages.events.place_of_trigger` (the
  function the events stage itself uses) on the verb's token, whether or not the stage made an
  event of it.

Figures: token precision, recall and F1, micro over rows (a token of a predicted place counts
when it is a gold LOCATION token of the row), as the paper reports them; exact-span F1 (a mention
counts when a gold span has the same first and last token); the share of rows whose predicted
token set is exactly the gold one (an empty gold set predicted empty counts); the share of rows
with no gold place where nothing was predicted; and, end to end, the share of marked verbs that
got an event. Gold spans are read by their token indices (``token_start``/``token_end``,
inclusive): some re-labelled rows give token indices in their character fields.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import Config, Document, Pipeline
from ..schema import Article, Event, Place
from ..stages.events import place_of_trigger
from ._report import Report, prf

PUBLISHED = {"precision": 0.83, "recall": 0.83}
"""Halterman (2019): the neural model's token precision and recall are "over 0.83" (lower
bounds; the paper gives no F1)."""

Tokens = frozenset[int]
_FOUND = "verb given, rows whose places the places stage found"
_SCORES = "token and span scores"


@dataclass(frozen=True)
class Row:
    """One gold sentence: its tokens by character offsets, the verb and the gold place spans."""

    id: str
    text: str
    tokens: tuple[tuple[int, int], ...]
    verb: tuple[int, int]
    """First and last token of the marked verb."""
    gold: tuple[tuple[int, int], ...]
    """First and last token of each LOCATION span."""

    @property
    def verb_chars(self) -> tuple[int, int]:
        return self.tokens[self.verb[0]][0], self.tokens[self.verb[1]][1]

    @property
    def gold_tokens(self) -> Tokens:
        return frozenset(i for first, last in self.gold for i in range(first, last + 1))

    def name_part(self, span: tuple[int, int]) -> tuple[int, int] | None:
        """The span without the lower-case words around the name ("al-" before it stays)."""
        first, last = span
        words = [self.text[start:end] for start, end in self.tokens]
        while first <= last and not (
            words[first][:1].isupper()
            or first < last
            and words[first].isalpha()
            and words[first + 1] == "-"
        ):
            first += 1
        while last >= first and not words[last][:1].isupper():
            last -= 1
        return (first, last) if first <= last else None

    def covered(self, start: int, end: int) -> tuple[int, int] | None:
        """The first and last token of the row that a character span overlaps."""
        inside = [i for i, (s, e) in enumerate(self.tokens) if s < end and start < e]
        return (inside[0], inside[-1]) if inside else None


def read_rows(path: Path) -> tuple[list[Row], int]:
    """The rows with a marked verb (``.jsonl`` or ``.jsonl.gz``), and how many were left out."""
    opener = gzip.open if path.suffix == ".gz" else open
    rows: list[Row] = []
    skipped = 0
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = _row(json.loads(line))
            if row is None:
                skipped += 1
            else:
                rows.append(row)
    return rows, skipped


def _row(item: dict[str, Any]) -> Row | None:
    spans = item.get("spans") or []
    verbs = [s for s in spans if s.get("label") == "VERB"]
    if len(verbs) != 1:
        return None
    tokens = tuple((int(t["start"]), int(t["end"])) for t in item["tokens"])
    places = sorted(
        (int(s["token_start"]), int(s["token_end"])) for s in spans if s.get("label") == "LOCATION"
    )
    return Row(
        id=str(item.get("_id", "")),
        text=item["text"],
        tokens=tokens,
        verb=(int(verbs[0]["token_start"]), int(verbs[0]["token_end"])),
        gold=tuple(places),
    )


@dataclass
class Prediction:
    """What one mode predicted for one row: the place's mention spans, as row tokens."""

    spans: tuple[tuple[int, int], ...] = ()
    event: bool = False

    @property
    def tokens(self) -> Tokens:
        return frozenset(i for first, last in self.spans for i in range(first, last + 1))


def mention_spans(
    row: Row, place: Place | None, places: dict[str, Place], names: bool = True
) -> tuple[tuple[int, int], ...]:
    """The row tokens of the place's mention nearest the verb, and of each mention of a place
    coordinated with it is not counted: an event has one place.

    With ``names``, the tokens that name the place, as Halterman's annotators mark them: a
    relative place counts by its anchor ("10 km west of Bakhmut" is "Bakhmut"), and words
    around the name in lower case ("northern", "province", "the city") are left out, so that
    "northern Aleppo province" counts as "Aleppo" ("al-" before a name stays)."""
    if place is None or not place.mentions:
        return ()
    verb = row.verb_chars[0]
    mention = min(place.mentions, key=lambda span: abs(span.start - verb))
    tokens = row.covered(mention.start, mention.end)
    if tokens is None:
        return ()
    if not names:
        return (tokens,)
    anchor = places.get(place.relative.anchor_id) if place.relative is not None else None
    if anchor is not None and anchor.mentions:
        # "10 km west of Bakhmut" is Bakhmut; "west of the city" is the city named before
        inner = [m for m in anchor.mentions if mention.start <= m.start and m.end <= mention.end]
        named = inner[0] if inner else min(anchor.mentions, key=lambda m: abs(m.start - verb))
        tokens = row.covered(named.start, named.end) or tokens
    name = row.name_part(tokens)
    return (name,) if name is not None else ()


def matching_event(row: Row, events: Iterable[Event]) -> Event | None:
    """Our event whose trigger overlaps the marked verb, or one of the words joined to it
    ("killed" joined to "the bombardment of X")."""
    start, end = row.verb_chars
    events = list(events)
    for words in (lambda e: [e.trigger], lambda e: e.joined):
        for event in events:
            if any(span.start < end and start < span.end for span in words(event)):
                return event
    return None


def predict(row: Row, document: Document, names: bool = True) -> tuple[Prediction, Prediction]:
    """End to end and verb given, for one analysed row (``names``: see :func:`mention_spans`)."""
    places = {place.id: place for place in document.places}
    event = matching_event(row, document.events)
    place = places.get(event.place_id) if event is not None and event.place_id else None
    start, end = row.verb_chars
    verb = document.doc.char_span(start, end, alignment_mode="expand")
    given = place_of_trigger(document, verb.root) if verb is not None else None
    return (
        Prediction(mention_spans(row, place, places, names), event is not None),
        Prediction(mention_spans(row, given, places, names), True),
    )


def found(row: Row, document: Document) -> bool:
    """Every gold place token of the row lies in a location the places stage recognised."""
    covered = {
        i
        for place in document.places
        if place.role == "location"
        for mention in place.mentions
        if (span := row.covered(mention.start, mention.end)) is not None
        for i in range(span[0], span[1] + 1)
    }
    return row.gold_tokens <= covered


def analysed(rows: list[Row]) -> Iterator[tuple[Row, Document]]:
    """Each row's sentence run through the default pipeline, as its working document."""
    pipeline = Pipeline(Config.default())
    size = pipeline.config.batch_size
    for first in range(0, len(rows), size):
        batch = rows[first : first + size]
        docs = pipeline.nlp.pipe([row.text for row in batch], batch_size=size)
        for row, doc in zip(batch, docs, strict=True):
            yield row, pipeline.document(Article(text=row.text, source=row.id), doc)


@dataclass
class Tally:
    """Counts over rows for one mode."""

    rows: int = 0
    events: int = 0
    token_tp: int = 0
    token_predicted: int = 0
    token_gold: int = 0
    span_tp: int = 0
    span_predicted: int = 0
    span_gold: int = 0
    exact: int = 0
    placeless: int = 0
    placeless_right: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, row: Row, prediction: Prediction) -> None:
        gold, predicted = row.gold_tokens, prediction.tokens
        self.rows += 1
        self.events += prediction.event
        self.token_tp += len(gold & predicted)
        self.token_predicted += len(predicted)
        self.token_gold += len(gold)
        self.span_tp += len(set(row.gold) & set(prediction.spans))
        self.span_predicted += len(prediction.spans)
        self.span_gold += len(row.gold)
        self.exact += gold == predicted
        if not gold:
            self.placeless += 1
            self.placeless_right += not predicted
        if gold != predicted:
            self.misses.append(row.id)


def evaluate(halterman: Path, limit: int | None = None) -> Report:
    """Score event-location linking on Halterman's rows, end to end and with the verb given."""
    rows, skipped = read_rows(halterman)
    if limit is not None:
        rows = rows[:limit]
    named = {"end to end": Tally(), "verb given": Tally(), _FOUND: Tally()}
    written = {"end to end": Tally(), "verb given": Tally()}
    for row, document in analysed(rows):
        end_to_end, given = predict(row, document)
        named["end to end"].add(row, end_to_end)
        named["verb given"].add(row, given)
        if found(row, document):
            named[_FOUND].add(row, given)
        end_to_end, given = predict(row, document, names=False)
        written["end to end"].add(row, end_to_end)
        written["verb given"].add(row, given)
    report = Report(title="Event location: the place of a marked event verb (Halterman 2019)")
    for mode, tally in named.items():
        tokens = prf(tally.token_tp, tally.token_predicted, tally.token_gold)
        spans = prf(tally.span_tp, tally.span_predicted, tally.span_gold)
        report.add_row(
            _SCORES,
            system=f"wirecoder, {mode}",
            rows=tally.rows,
            token_p=tokens.precision,
            token_r=tokens.recall,
            token_f1=tokens.f1,
            exact_span_f1=spans.f1,
            rows_exact=_ratio(tally.exact, tally.rows),
            no_place_right=_ratio(tally.placeless_right, tally.placeless),
            verbs_with_event=_ratio(tally.events, tally.rows) if mode == "end to end" else None,
        )
    report.add_row(
        _SCORES,
        system="Halterman (2019) neural model, published (P and R 'over 0.83')",
        rows=None,
        token_p=PUBLISHED["precision"],
        token_r=PUBLISHED["recall"],
    )
    for mode, tally in written.items():
        tokens = prf(tally.token_tp, tally.token_predicted, tally.token_gold)
        report.add_row(
            "the mention as written (kind words and bearings counted)",
            system=f"wirecoder, {mode}",
            token_p=tokens.precision,
            token_r=tokens.recall,
            token_f1=tokens.f1,
        )
    report.notes.append(
        f"{halterman}: {len(rows)} rows with one marked verb ({skipped} without one left out); "
        "default pipeline on each sentence alone; token scores micro over rows, of the tokens "
        "that name the place (as the gold marks them: 'Aleppo' of 'Aleppo province')"
    )
    return report


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None
