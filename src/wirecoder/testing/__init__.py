"""The synthetic-corpus generator for tests and benchmarks: a generated corpus with known truth.

A handful of real-world incidents, each re-reported by several outlets in other words, with other
date vagueness, other figures, and source chains that often end at the same ministry. Each report
is rendered as text and as the Analysis the pipeline should produce for it, so clustering,
corroboration and contradictions can be scored without depending on the extraction stages.

Nothing in wirecoder itself uses this package; it is public so tests and benches outside the
package can build the same corpus and score against it.
"""

from __future__ import annotations

from ._incidents import INCIDENTS, TOWNS, Incident, Origin, Town
from ._reports import SyntheticCorpus, generate
from ._scores import ClusterScore, origin_miscounts, score_clusters, score_stories

__all__ = [
    "INCIDENTS",
    "TOWNS",
    "ClusterScore",
    "Incident",
    "Origin",
    "SyntheticCorpus",
    "Town",
    "generate",
    "origin_miscounts",
    "score_clusters",
    "score_stories",
]
