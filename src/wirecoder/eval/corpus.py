"""Cross-report event clustering and origin counting on a multi-outlet corpus with gold.

A corpus folder holds articles (text with JSON sidecars, or HTML pages) and ``gold.toml`` (see
``_corpus_gold``). The articles are read and analysed by the default pipeline, stored in a
temporary SQLite store and folded by ``corpus.rebuild``, as ``wirecoder ingest`` does. Then:

- **Clusters**: every stored event mention of a gold event's type is labelled by the gold (the
  event of the quote its trigger falls in, else the article's event; each mention in a
  background quote is a cluster of its own). MUC, B-cubed and CEAF-e over these mentions, and
  the CoNLL average; an (article, event) pair with no mention at all counts as a missed mention,
  a singleton of its own.
- **Origins**: per gold event, the independent origins of the cluster holding most of its
  mentions against the gold's count; exact when equal.
- **Look-alikes**: pairs of events the gold declares look-alikes (same city next day, same day in
  another city) whose mentions share a cluster: each is a wrong merge.
- **Order**: the same articles stored in reverse order must give the same clusters and counts.
"""

from __future__ import annotations

import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from .._config import Config
from .._errors import Failure, InputError
from ..corpus import rebuild
from ..ingest import read_inputs
from ..schema import Analysis, Article
from ..store import ArticleRow, ClusterRow, ClusterSourceRow, EventRow, Store, open_store
from ._clusters import b_cubed, ceaf_e, clusters, conll_f1, muc
from ._corpus_gold import (
    BACKGROUND,
    GoldArticle,
    GoldCorpus,
    GoldEvent,
    label_of,
    read_gold,
    unaligned_quotes,
)
from ._report import Report
from ._run import analyses

PUBLISHED = (
    ("Barhom et al. 2019, ECB+ events, gold mentions", 0.795),
    ("Cattan et al. 2021, ECB+ events, gold mentions", 0.810),
    ("Held et al. 2021, ECB+ events, gold mentions", 0.857),
)
"""Published CoNLL F1 of cross-document event coreference on ECB+: another corpus (news topics,
annotated mentions), shown for scale, not comparable figure for figure."""
BAR = {"conll": 0.90, "b3": 0.90, "origins": 0.85}
__all__ = [
    "BAR",
    "CorpusScore",
    "GoldCorpus",
    "b_cubed",
    "ceaf_e",
    "conll_f1",
    "evaluate",
    "muc",
    "read_gold",
    "score",
]

Key = tuple[str, str]
"""(article file, event local id), or (article file, "missing:<event>") for a missed mention."""


@dataclass
class Predicted:
    """What the store holds after the rebuild, by mention key."""

    cluster: dict[Key, int] = field(default_factory=dict)
    type: dict[Key, str] = field(default_factory=dict)
    origins: dict[int, int] = field(default_factory=dict)
    voices: dict[int, dict[str, list[str]]] = field(default_factory=dict)
    """Per cluster, the voices' names by role."""
    killed: dict[int, tuple[int | None, int | None]] = field(default_factory=dict)
    injured: dict[int, tuple[int | None, int | None]] = field(default_factory=dict)

    def partition(self) -> frozenset[tuple[frozenset[Key], int]]:
        """The clusters as sets of mention keys, each with its origin count: equal for equal
        results, whatever the database ids."""
        members: dict[int, set[Key]] = defaultdict(set)
        for key, cluster in self.cluster.items():
            members[cluster].add(key)
        return frozenset((frozenset(keys), self.origins[c]) for c, keys in members.items())


def evaluate(folder: Path) -> Report:
    """Cluster, origin and look-alike figures of the corpus step on ``folder``."""
    gold = read_gold(folder)
    articles = _read(folder, gold)
    analysed = list(analyses(Config.default().stages, articles.values()))
    files = {article.content_hash: name for name, article in articles.items()}
    with tempfile.TemporaryDirectory(prefix="wirecoder-corpus-eval-") as scratch:
        predicted = _stored(Path(scratch) / "forward.db", analysed, files)
        reverse = _stored(Path(scratch) / "reverse.db", analysed[::-1], files)
    return score(gold, analysed, files, predicted, reverse).report(folder)


def _read(folder: Path, gold: GoldCorpus) -> dict[str, Article]:
    articles: dict[str, Article] = {}
    for entry in gold.article:
        items = list(read_inputs([folder / entry.file]))
        failures = [item for item in items if isinstance(item, Failure)]
        if failures or len(items) != 1:
            raise InputError(entry.file, str(failures[0]) if failures else "not one article")
        item = items[0]
        assert isinstance(item, Article)
        articles[entry.file] = item
    return articles


def _stored(path: Path, analysed: list[Analysis], files: dict[str, str]) -> Predicted:
    with open_store(str(path)) as store:
        for analysis in analysed:
            store.save(analysis)
        rebuild(store)
        return _read_back(store, files)


def _read_back(store: Store, files: dict[str, str]) -> Predicted:
    predicted = Predicted()
    with store.session() as session:
        rows = session.execute(
            select(ArticleRow.content_hash, EventRow.local_id, EventRow.type, EventRow.cluster_id)
            .join(ArticleRow, ArticleRow.id == EventRow.article_id)
            .where(EventRow.current)
        )
        for digest, local_id, kind, cluster in rows:
            key = (files[digest], local_id)
            predicted.type[key] = kind
            if cluster is not None:
                predicted.cluster[key] = cluster
        for row in session.execute(
            select(
                ClusterRow.id,
                ClusterRow.origins,
                ClusterRow.killed_low,
                ClusterRow.killed_high,
                ClusterRow.injured_low,
                ClusterRow.injured_high,
            )
        ):
            predicted.origins[row.id] = row.origins
            predicted.killed[row.id] = (row.killed_low, row.killed_high)
            predicted.injured[row.id] = (row.injured_low, row.injured_high)
        for cluster_id, name, role in session.execute(
            select(ClusterSourceRow.cluster_id, ClusterSourceRow.name, ClusterSourceRow.role)
        ):
            predicted.voices.setdefault(cluster_id, {}).setdefault(role, []).append(name)
    return predicted


@dataclass
class CorpusScore:
    """The labelled mentions, the two partitions and the per-event comparisons."""

    gold_labels: dict[Key, str]
    system_labels: dict[Key, str]
    events: list[dict[str, Any]]
    look_alike_merges: list[str]
    other_merges: list[str]
    background_merged: int
    skipped_types: int
    missed: int
    order_independent: bool
    warnings: list[str]

    def report(self, folder: Path) -> Report:
        mentions = len(self.gold_labels)
        report = Report(f"Multi-outlet corpus {folder} ({mentions} event mentions scored)")
        for name, scorer in (("MUC", muc), ("B-cubed", b_cubed), ("CEAF-e", ceaf_e)):
            scores = scorer(self.gold_labels, self.system_labels)
            report.add_row("clusters", metric=name, **_prf(scores.as_dict()))
        conll = conll_f1(self.gold_labels, self.system_labels)
        report.add_row("clusters", metric="CoNLL (mean F1)", f1=conll)
        for label, published in PUBLISHED:
            report.add_row("clusters", metric=f"{label}, published", f1=published)
        exact = [row for row in self.events if row["origins exact"]]
        gold_events = len(self.events)
        report.add_row(
            "summary",
            **{
                "gold events": gold_events,
                "gold clusters": len(clusters(self.gold_labels)),
                "system clusters": len(clusters(self.system_labels)),
                "origins exact": f"{len(exact)}/{gold_events}",
                "origins exact share": len(exact) / gold_events if gold_events else 0.0,
                "look-alike merges": len(self.look_alike_merges),
                "other wrong merges": len(self.other_merges),
                "background merged": self.background_merged,
                "missed mentions": self.missed,
                "order independent": "yes" if self.order_independent else "NO",
            },
        )
        for row in self.events:
            report.add_row("events", **row)
        report.notes += [f"look-alikes merged: {merge}" for merge in self.look_alike_merges]
        report.notes += [f"other events merged: {merge}" for merge in self.other_merges]
        report.notes.append(
            f"{self.skipped_types} mentions of other types than their gold event's left unscored"
        )
        report.notes.append(
            f"bar: CoNLL and B-cubed F1 >= {BAR['conll']:.2f}, origins exact >= "
            f"{BAR['origins']:.2f}, no look-alike merge; published figures are ECB+ (another "
            "corpus), for scale"
        )
        report.notes += self.warnings
        return report


def _prf(scores: dict[str, float]) -> dict[str, float]:
    return {name: scores[name] for name in ("precision", "recall", "f1")}


def score(
    gold: GoldCorpus,
    analysed: list[Analysis],
    files: dict[str, str],
    predicted: Predicted,
    reverse: Predicted | None = None,
) -> CorpusScore:
    """Compare the stored clusters with the gold."""
    by_file = {entry.file: entry for entry in gold.article}
    events = gold.events
    gold_labels: dict[Key, str] = {}
    system_labels: dict[Key, str] = {}
    skipped = 0
    warnings: list[str] = []
    for analysis in analysed:
        name = files[analysis.article.content_hash]
        entry = by_file[name]
        warnings += [
            f"{name}: quote not in the article as read: {q!r}"
            for q in unaligned_quotes(entry, analysis.article.text)
        ]
        labelled = _label(entry, analysis, events, predicted)
        skipped += sum(1 for item in labelled if item is None)
        for key, label in (item for item in labelled if item is not None):
            gold_labels[key] = label
            cluster = predicted.cluster.get(key)
            system_labels[key] = f"cluster {cluster}" if cluster is not None else f"alone {key}"
    missed = 0
    for entry in gold.article:
        told = {entry.event, *entry.spans.values()}
        found = {label for (name, _), label in gold_labels.items() if name == entry.file}
        for event in sorted(told - found):
            key = (entry.file, f"missing:{event}")
            gold_labels[key], system_labels[key] = event, f"missed {key}"
            missed += 1
    look_alikes, others, background = _merges(gold, gold_labels, system_labels)
    rows = [_event_row(event, gold_labels, system_labels, predicted) for event in gold.event]
    return CorpusScore(
        gold_labels=gold_labels,
        system_labels=system_labels,
        events=rows,
        look_alike_merges=look_alikes,
        other_merges=others,
        background_merged=background,
        skipped_types=skipped,
        missed=missed,
        order_independent=reverse is None or reverse.partition() == predicted.partition(),
        warnings=warnings,
    )


def _label(
    entry: GoldArticle,
    analysis: Analysis,
    events: dict[str, GoldEvent],
    predicted: Predicted,
) -> list[tuple[Key, str] | None]:
    """Each event mention's key and gold label; None for one of another type than its event
    (background mentions are scored when of a type some gold event has)."""
    types = {event.type for event in events.values()}
    labelled: list[tuple[Key, str] | None] = []
    for event in analysis.events:
        key = (entry.file, event.id)
        label = label_of(entry, analysis.article.text, event.trigger.start)
        wanted = types if label is None or label == BACKGROUND else {events[label].type}
        if event.type not in wanted or key not in predicted.type:
            labelled.append(None)
            continue
        if label == BACKGROUND:
            label = f"{BACKGROUND} {entry.file} {event.id}"
        labelled.append((key, label or entry.event))
    return labelled


def _merges(
    gold: GoldCorpus, gold_labels: dict[Key, str], system_labels: dict[Key, str]
) -> tuple[list[str], list[str], int]:
    """Look-alike pairs merged, other distinct events merged, background mentions merged into a
    cluster holding an event."""
    by_cluster: dict[str, set[str]] = defaultdict(set)
    for key, cluster in system_labels.items():
        by_cluster[cluster].add(gold_labels[key])
    look_alike_pairs = gold.look_alike_pairs()
    look_alikes: set[str] = set()
    others: set[str] = set()
    background = 0
    for labels in by_cluster.values():
        named = sorted(label for label in labels if not label.startswith(BACKGROUND))
        if named:
            background += sum(1 for label in labels if label.startswith(BACKGROUND))
        for index, first in enumerate(named):
            for second in named[index + 1 :]:
                pair = f"{first} + {second}"
                if frozenset((first, second)) in look_alike_pairs:
                    look_alikes.add(pair)
                else:
                    others.add(pair)
    return sorted(look_alikes), sorted(others), background


def _event_row(
    event: GoldEvent,
    gold_labels: dict[Key, str],
    system_labels: dict[Key, str],
    predicted: Predicted,
) -> dict[str, Any]:
    mine = [key for key, label in gold_labels.items() if label == event.id]
    held = Counter(system_labels[key] for key in mine)
    main = min(held, key=lambda cluster: (-held[cluster], cluster)) if held else None
    cluster_id = int(main.split()[1]) if main and main.startswith("cluster ") else None
    origins = predicted.origins.get(cluster_id) if cluster_id is not None else 0
    voices = predicted.voices.get(cluster_id, {}) if cluster_id is not None else {}
    killed = predicted.killed.get(cluster_id, (None, None)) if cluster_id is not None else None
    row: dict[str, Any] = {
        "event": event.id,
        "reports": len({key[0] for key in mine}),
        "mentions": len(mine),
        "clusters": len(held),
        "in main": f"{held[main]}/{len(mine)}" if main else "0/0",
        "origins gold": len(event.origins),
        "origins ours": origins,
        "origins exact": origins == len(event.origins),
        "killed gold": _range(event.killed),
        "killed ours": _range(killed),
        "ours": "; ".join(sorted(voices.get("corroborating", []))),
        "contesting": "; ".join(sorted(voices.get("contesting", []))),
    }
    return row


def _range(figures: tuple[int | None, int | None] | None) -> str:
    if figures is None or figures[0] is None:
        return "-"
    low, high = figures
    return str(low) if low == high else f"{low}-{high}"
