"""PolNeAR attribution (source, cue, content spans), scored the way CofeNet reports it.

Each article of the split is analysed by the default pipeline up to the claims stage. Gold and
predicted spans are mapped onto one word tokenization (words and single punctuation marks, as
the CoNLL-style data CofeNet scores), and then, per article and per role:

- exact match: a predicted span counts when a gold span has the same first and last token;
- begin match: a predicted span counts when a gold span starts at the same token.

Spans are sets per article (a tag sequence cannot hold a span twice); a discontinuous gold span
counts as one span per fragment, as its tags do. Only the outermost attribution is annotated in
PolNeAR, so a claim reported through an intermediary ("X said Y said ...") is scored by its
outer link. Articles with two annotators are scored against the first annotation file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..schema import Analysis, Article
from ._report import Report, prf

ROLES = ("source", "cue", "content")
PUBLISHED = (
    (
        "CofeNet (BERT), PolNeAR test, published",
        {"source": 0.832, "cue": 0.753, "content": 0.729},
        {"source": 0.871, "cue": 0.823, "content": 0.796},
    ),
)
"""Published figures (COLING 2022): exact and begin-match F1 per role."""

_TOKEN = re.compile(r"\w+|[^\w\s]")

Spans = dict[str, set[tuple[int, int]]]


@dataclass(frozen=True)
class PolnearArticle:
    """One annotated article: its text and gold character spans per role."""

    name: str
    text: str
    gold: dict[str, list[tuple[int, int]]]


def read_split(folder: Path, split: str) -> list[PolnearArticle]:
    """The articles of one split that have at least one annotation file."""
    base = folder / split
    if not (base / "text").is_dir():
        raise FileNotFoundError(f"{base}/text: not a PolNeAR split folder")
    articles = []
    for text_path in sorted((base / "text").glob("*.txt")):
        annotations = sorted((base / "attributions").glob(f"{text_path.stem}_*.ann"))
        if annotations:
            text = text_path.read_text(encoding="utf-8")
            articles.append(PolnearArticle(text_path.stem, text, read_brat(annotations[0])))
    return articles


def read_brat(path: Path) -> dict[str, list[tuple[int, int]]]:
    """Source, Cue and Content fragments of a brat standoff file, by role."""
    gold: dict[str, list[tuple[int, int]]] = {role: [] for role in ROLES}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if not line.startswith("T") or len(fields) < 2:
            continue
        kind, _, offsets = fields[1].partition(" ")
        role = kind.lower()
        if role in gold:
            for fragment in offsets.split(";"):
                start, end = fragment.split()
                gold[role].append((int(start), int(end)))
    return gold


def token_spans(text: str, spans: Iterable[tuple[int, int]]) -> set[tuple[int, int]]:
    """Character spans as (first token, last token) of the scoring tokenization."""
    starts, ends = [], []
    for match in _TOKEN.finditer(text):
        starts.append(match.start())
        ends.append(match.end())
    result = set()
    for start, end in spans:
        first = next((i for i, token_end in enumerate(ends) if token_end > start), None)
        last = next((i for i in range(len(starts) - 1, -1, -1) if starts[i] < end), None)
        if first is not None and last is not None and first <= last:
            result.add((first, last))
    return result


def _whole_span(span: tuple[int, int]) -> Hashable:
    return span


def _first_token(span: tuple[int, int]) -> Hashable:
    return span[0]


_MATCH_KEYS: tuple[tuple[str, Callable[[tuple[int, int]], Hashable]], ...] = (
    ("exact", _whole_span),
    ("begin", _first_token),
)
"""What two spans must share to match: their first and last token, or their first token."""


def evaluate(polnear: Path, split: str = "dev", limit: int | None = None) -> Report:
    """Exact and begin-match P/R/F1 per role over the split, beside the published figures."""
    from ._run import analyses, stages_up_to

    articles = read_split(Path(polnear), split)[:limit]
    inputs = [Article(text=a.text, source=a.name) for a in articles]
    counts = {(match, role): [0, 0, 0] for match in ("exact", "begin") for role in ROLES}
    for article, analysis in zip(
        articles, analyses(stages_up_to("claims.v1"), inputs), strict=True
    ):
        predicted = predicted_spans(analysis)
        for role in ROLES:
            gold = token_spans(article.text, article.gold[role])
            guess = token_spans(article.text, predicted[role])
            for match, key in _MATCH_KEYS:
                gold_keys = {key(s) for s in gold}
                guess_keys = {key(s) for s in guess}
                tally = counts[(match, role)]
                tally[0] += len(gold_keys & guess_keys)
                tally[1] += len(guess_keys)
                tally[2] += len(gold_keys)
    report = Report(f"Attribution on PolNeAR {split} ({len(articles)} articles)")
    for match in ("exact", "begin"):
        for role in ROLES:
            tp, predicted_total, gold_total = counts[(match, role)]
            scores = prf(tp, predicted_total, gold_total)
            report.add_row(f"{match} match", system="wirecoder", role=role, **scores.as_dict())
        for system, exact, begin in PUBLISHED:
            published = exact if match == "exact" else begin
            for role in ROLES:
                report.add_row(f"{match} match", system=system, role=role, f1=published[role])
    report.notes.append(
        "Spans are compared on word/punctuation tokens; exact = same first and last token, "
        "begin = same first token (CofeNet's exe/eval/evaluation.py)."
    )
    return report


def predicted_spans(analysis: Analysis) -> dict[str, list[tuple[int, int]]]:
    """Source, cue and content character spans of an analysis' claims that have a cue."""
    spans: dict[str, list[tuple[int, int]]] = {role: [] for role in ROLES}
    for claim in analysis.claims:
        if claim.cue is None:  # the reporter's own statements; a hedge ("seemed") has a cue
            continue
        outer = next(
            (
                link
                for link in claim.chain[1:-1]
                if link.span and link.cue and link.cue != claim.cue
            ),
            None,
        )
        if outer is not None and outer.span is not None and outer.cue is not None:
            inner = [s for s in (claim.source.span, claim.cue, *claim.content) if s is not None]
            spans["source"].append((outer.span.start, outer.span.end))
            spans["cue"].append((outer.cue.start, outer.cue.end))
            spans["content"].append((min(s.start for s in inner), max(s.end for s in inner)))
            continue
        if claim.source.span is not None:
            spans["source"].append((claim.source.span.start, claim.source.span.end))
        if claim.cue is not None:
            spans["cue"].append((claim.cue.start, claim.cue.end))
        spans["content"].extend((span.start, span.end) for span in claim.content)
    return spans
