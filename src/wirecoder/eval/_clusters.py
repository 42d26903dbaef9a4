"""Coreference cluster scores: MUC, B-cubed, CEAF-e and their CoNLL average.

Each scorer takes two partitions of the same mentions, ``{mention: cluster label}`` for the
gold and for the system, and returns :class:`Scores` (precision, recall, F1). The definitions are
those of the CoNLL-2012 reference scorer (Pradhan et al. 2014): MUC counts links (Vilain et al.
1995), B-cubed averages per-mention overlap (Bagga and Baldwin 1998), CEAF-e aligns entities one
to one by their phi-4 similarity (Luo 2005).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping
from typing import TypeVar

from ._report import Scores, prf

Mention = TypeVar("Mention", bound=Hashable)


def clusters(partition: Mapping[Mention, Hashable]) -> list[frozenset[Mention]]:
    """The clusters of a ``{mention: label}`` partition, in a stable order."""
    grouped: dict[Hashable, set[Mention]] = defaultdict(set)
    for mention, label in partition.items():
        grouped[label].add(mention)
    return sorted(
        (frozenset(group) for group in grouped.values()), key=lambda g: sorted(map(str, g))
    )


def muc(gold: Mapping[Mention, Hashable], system: Mapping[Mention, Hashable]) -> Scores:
    """Links kept: recall sums, over gold clusters, size minus the parts the system splits it into;
    precision the same with the roles swapped."""

    def links(key: Mapping[Mention, Hashable], response: Mapping[Mention, Hashable]) -> float:
        kept = 0
        for cluster in clusters(key):
            parts = {response.get(mention, ("alone", mention)) for mention in cluster}
            kept += len(cluster) - len(parts)
        return float(kept)

    total_gold = sum(len(c) - 1 for c in clusters(gold))
    total_system = sum(len(c) - 1 for c in clusters(system))
    recall_tp, precision_tp = links(gold, system), links(system, gold)
    return _from_ratios(precision_tp, total_system, recall_tp, total_gold)


def b_cubed(gold: Mapping[Mention, Hashable], system: Mapping[Mention, Hashable]) -> Scores:
    """Per mention, the share of its system cluster in its gold cluster (precision) and of its gold
    cluster in its system cluster (recall), averaged over mentions."""
    gold_of = {m: c for c in clusters(gold) for m in c}
    system_of = {m: c for c in clusters(system) for m in c}
    mentions = list(gold_of)
    precision = sum(len(gold_of[m] & system_of[m]) / len(system_of[m]) for m in mentions)
    recall = sum(len(gold_of[m] & system_of[m]) / len(gold_of[m]) for m in mentions)
    return _from_ratios(precision, len(mentions), recall, len(mentions))


def ceaf_e(gold: Mapping[Mention, Hashable], system: Mapping[Mention, Hashable]) -> Scores:
    """Entity-level CEAF: the best one-to-one alignment of gold and system clusters by
    phi-4 = 2|K & R| / (|K| + |R|); precision divides by the system clusters, recall by gold."""
    keys, responses = clusters(gold), clusters(system)
    weights = [[2 * len(k & r) / (len(k) + len(r)) for r in responses] for k in keys]
    best = _max_assignment(weights)
    return _from_ratios(best, len(responses), best, len(keys))


def conll_f1(gold: Mapping[Mention, Hashable], system: Mapping[Mention, Hashable]) -> float:
    """The CoNLL score: the mean of the MUC, B-cubed and CEAF-e F1."""
    return (muc(gold, system).f1 + b_cubed(gold, system).f1 + ceaf_e(gold, system).f1) / 3


def _from_ratios(precision_sum: float, predicted: int, recall_sum: float, gold: int) -> Scores:
    """Scores whose precision is ``precision_sum / predicted`` and recall ``recall_sum / gold``.

    ``Scores`` holds one true-positive count for both; when the two sums differ (B-cubed, MUC)
    the precision is expressed through a scaled predicted total."""
    if not predicted or not gold:
        return prf(0.0, float(predicted), float(gold))
    precision, recall = precision_sum / predicted, recall_sum / gold
    if precision == 0.0:
        return prf(0.0, float(predicted), float(gold))
    tp = recall * gold
    return prf(tp, tp / precision, float(gold))


def _max_assignment(weights: list[list[float]]) -> float:
    """The largest total weight of a one-to-one assignment of rows to columns (Hungarian method
    on the negated matrix, padded square)."""
    rows = len(weights)
    columns = len(weights[0]) if weights else 0
    size = max(rows, columns)
    if size == 0:
        return 0.0
    top = max((w for row in weights for w in row), default=0.0)
    cost = [
        [top - (weights[i][j] if i < rows and j < columns else 0.0) for j in range(size)]
        for i in range(size)
    ]
    assignment = _hungarian(cost)
    return sum(
        weights[i][j] for i, j in enumerate(assignment) if i < rows and j < columns and j >= 0
    )


def _hungarian(cost: list[list[float]]) -> list[int]:
    """For a square cost matrix, the column assigned to each row in a minimum-cost assignment
    (the O(n^3) potentials form of Kuhn-Munkres)."""
    solver = _Potentials(cost)
    for row in range(1, len(cost) + 1):
        solver.add_row(row)
    assignment = [-1] * len(cost)
    for column, row in enumerate(solver.owner[1:], start=1):
        if row:
            assignment[row - 1] = column - 1
    return assignment


class _Potentials:
    """Row and column potentials, and which row owns each column (1-based, 0 for none)."""

    def __init__(self, cost: list[list[float]]) -> None:
        self.cost = cost
        size = len(cost) + 1
        self.u, self.v = [0.0] * size, [0.0] * size
        self.owner, self.way = [0] * size, [0] * size

    def add_row(self, row: int) -> None:
        """Assign ``row`` along the shortest augmenting path, re-assigning others as needed."""
        self.owner[0] = row
        column = 0
        slack = [float("inf")] * len(self.owner)
        used = [False] * len(self.owner)
        while True:
            used[column] = True
            delta, nearest = self._relax(self.owner[column], column, slack, used)
            for j in range(len(self.owner)):
                if used[j]:
                    self.u[self.owner[j]] += delta
                    self.v[j] -= delta
                else:
                    slack[j] -= delta
            column = nearest
            if self.owner[column] == 0:
                break
        while column:
            previous = self.way[column]
            self.owner[column] = self.owner[previous]
            column = previous

    def _relax(
        self, current: int, column: int, slack: list[float], used: list[bool]
    ) -> tuple[float, int]:
        """Lower the slack of the free columns through ``current``; the least slack and where."""
        delta, nearest = float("inf"), 0
        for j in range(1, len(self.owner)):
            if used[j]:
                continue
            reduced = self.cost[current - 1][j - 1] - self.u[current] - self.v[j]
            if reduced < slack[j]:
                slack[j], self.way[j] = reduced, column
            if slack[j] < delta:
                delta, nearest = slack[j], j
        return delta, nearest
