"""Dedup and corroboration on the real stages' output of generated corpora.

Each generated corpus re-reports a set of incidents in several wordings, by several outlets,
with other figures and relays (``wirecoder.testing``). The texts are analysed by the
default pipeline and ingested into a temporary SQLite store; then, per corpus:

    P, R        pairwise precision and recall of merged event pairs (two asserted events of one
                type from two stories are one real-world event when their stories tell one incident)
    origins     incidents whose largest cluster counts exactly the independent origins the
                generator knows, and the mean absolute miscount over incidents

Usage: ``python bench/dedup.py [--seeds 7 11] [--reports 4 5]``.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from wirecoder import Config
from wirecoder.corpus import ingest
from wirecoder.store import open_store
from wirecoder.testing import generate, origin_miscounts, score_stories


def with_focus(config: Config, focus: tuple[str, ...]) -> Config:
    """The config with the places stage leaning towards ``focus`` countries."""
    places = {**config.settings.get("places.v1", {}), "focus_countries": list(focus)}
    return Config(
        model=config.model,
        stages=config.stages,
        settings={**config.settings, "places.v1": places},
        batch_size=config.batch_size,
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seeds", type=int, nargs="+", default=[7, 11])
    parser.add_argument(
        "--reports", type=int, nargs="+", default=[4, 5], help="reports per incident"
    )
    args = parser.parse_args()
    base = Config.default()
    print(
        f"{'seed':>4} {'reports':>7} {'focus':>5} {'stories':>7} {'P':>6} {'R':>6} {'pairs':>11} "
        f"{'origins exact':>13} {'mean |miscount|':>15}"
    )
    for seed in args.seeds:
        for reports in args.reports:
            corpus = generate(seed=seed, reports_per_incident=reports)
            for focus in ((), ("UA",)):
                with (
                    tempfile.TemporaryDirectory() as folder,
                    open_store(str(Path(folder) / "dedup.db")) as store,
                ):
                    articles = [analysis.article for analysis in corpus.analyses]
                    ingest(articles, store, config=with_focus(base, focus))
                    score = score_stories(store, corpus)
                    miscounts = origin_miscounts(store, corpus)
                exact = sum(1 for miscount in miscounts if miscount == 0)
                mean = sum(abs(miscount) for miscount in miscounts) / len(miscounts)
                print(
                    f"{seed:>4} {reports:>7} {','.join(focus) or '-':>5} {len(corpus.analyses):>7} "
                    f"{score.precision:>6.3f} {score.recall:>6.3f} "
                    f"{score.predicted_pairs:>5}/{score.true_pairs:<5} "
                    f"{exact:>6}/{len(miscounts):<6} {mean:>15.2f}"
                )


if __name__ == "__main__":
    main()
