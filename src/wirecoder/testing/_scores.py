"""Scores of what a store made of the generated corpus, against the corpus' truth."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from sqlalchemy import select

from ..store import ArticleRow, ClusterRow, EventRow, Store
from ._incidents import INCIDENTS
from ._reports import SyntheticCorpus


@dataclass(frozen=True)
class ClusterScore:
    """Pairwise scores of the stored clusters against the corpus truth."""

    precision: float
    recall: float
    predicted_pairs: int
    true_pairs: int


def score_clusters(store: Store, corpus: SyntheticCorpus) -> ClusterScore:
    """Precision and recall of merged event pairs: a pair is merged when both share a cluster."""
    with store.session() as session:
        rows = session.execute(
            select(ArticleRow.content_hash, EventRow.local_id, EventRow.cluster_id)
            .join(ArticleRow, ArticleRow.id == EventRow.article_id)
            .where(EventRow.current)
        ).all()
    return _pair_score(
        [
            [
                ((digest, local), corpus.truth[(digest, local)], cluster)
                for digest, local, cluster in rows
                if (digest, local) in corpus.truth
            ]
        ]
    )


def score_stories(store: Store, corpus: SyntheticCorpus) -> ClusterScore:
    """The same scores for the corpus' texts analysed by the real pipeline, whose events the
    truth does not name: each story tells one incident, so two asserted events of one type from
    two stories are one real-world event exactly when their stories tell the same incident."""
    by_type: dict[str, list[tuple[object, str, int | None]]] = defaultdict(list)
    for digest, incident_key, event_type, cluster, _ in _asserted_story_events(store, corpus):
        by_type[event_type].append((digest, incident_key, cluster))
    return _pair_score(by_type.values())


def origin_miscounts(store: Store, corpus: SyntheticCorpus) -> list[int]:
    """Per incident, over the real pipeline's output: the independent origins its largest
    cluster counts, minus the origins the truth knows (0 is a right corroboration count)."""
    clusters: dict[str, Counter[tuple[int | None, int | None]]] = defaultdict(Counter)
    for _, incident_key, _, cluster, origins in _asserted_story_events(store, corpus):
        clusters[incident_key][(cluster, origins)] += 1
    miscounts = []
    for incident in INCIDENTS:
        known = len(corpus.origins(incident))
        if not clusters[incident.key]:
            miscounts.append(-known)
            continue
        (_, counted), _ = clusters[incident.key].most_common(1)[0]
        miscounts.append((counted or 0) - known)
    return miscounts


def _asserted_story_events(
    store: Store, corpus: SyntheticCorpus
) -> list[tuple[str, str, str, int | None, int | None]]:
    """(story hash, its incident, event type, cluster, cluster's origins) of every current,
    non-negated stored event of a generated story."""
    incident_of = {
        analysis.article.content_hash: corpus.truth[(analysis.article.content_hash, event.id)]
        for analysis in corpus.analyses
        for event in analysis.events
    }
    with store.session() as session:
        rows = session.execute(
            select(ArticleRow.content_hash, EventRow.type, EventRow.cluster_id, ClusterRow.origins)
            .join(ArticleRow, ArticleRow.id == EventRow.article_id)
            .outerjoin(ClusterRow, ClusterRow.id == EventRow.cluster_id)
            .where(EventRow.current, EventRow.negated.is_(False))
        ).all()
    return [
        (digest, incident_of[digest], event_type, cluster, origins)
        for digest, event_type, cluster, origins in rows
        if digest in incident_of
    ]


def _pair_score(groups: Iterable[list[tuple[object, str, int | None]]]) -> ClusterScore:
    """Pairwise precision and recall over (story, true incident, cluster) items, pairing items
    of one group from different stories."""
    predicted = true = both = 0
    for group in groups:
        for (story_a, truth_a, cluster_a), (story_b, truth_b, cluster_b) in combinations(group, 2):
            if story_a == story_b:
                continue
            same_cluster, same_truth = cluster_a == cluster_b, truth_a == truth_b
            predicted += same_cluster
            true += same_truth
            both += same_cluster and same_truth
    return ClusterScore(
        precision=both / predicted if predicted else 1.0,
        recall=both / true if true else 1.0,
        predicted_pairs=predicted,
        true_pairs=true,
    )
