"""Throughput of the whole pipeline beside raw ``nlp.pipe`` of the same model, in one run.

Each configuration runs in a fresh subprocess, so its peak RSS is its own:

    raw-1, raw-2            nlp.pipe on 1 process / n_process=2 (the budget)
    foundation-1            ingest + parse + mentions + JSON output (this foundation's overhead)
    pipeline-1, pipeline-2  ingest + the default pipeline + JSON output, 1 and 2 processes

"vs raw" is the ratio of wall-clock rates; "CPU vs raw" the ratio of CPU time per article over
the whole process tree, which stays comparable when the shared machine is busy. The
configurations run in turn, ``--repeat`` rounds of them (so a busy spell of the machine hits
all alike); each figure is the configuration's best round, and "rounds" the range of the
per-round ratios to raw. Both sides are timed warm: the model is loaded, and the pipeline's
stages set up (their imports, gazetteer, catalogs), before the clock starts; the set-up is
paid once per process and printed apart.

Articles: the GeoWebNews texts from ../shared when present (200 news articles), otherwise the
bundled examples repeated.
Usage: ``python bench/throughput.py [--articles N] [--repeat R] [--model NAME]``.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GWN = ROOT.parent / "shared" / "bench" / "geo" / "GWN.xml"
CONFIGS = ("raw-1", "raw-2", "foundation-1", "pipeline-1", "pipeline-2")


def corpus(count: int) -> list[str]:
    """``count`` article texts: GeoWebNews when available, else the bundled examples."""
    if GWN.exists():
        texts = [node.text or "" for node in ET.parse(GWN).getroot().iter("text")]
    else:
        texts = [
            path.read_text(encoding="utf-8") for path in sorted((ROOT / "examples").glob("*.txt"))
        ]
    return [f"{texts[n % len(texts)]}\n\n(copy {n})" for n in range(count)]


def run_one(config: str, count: int, model: str) -> dict[str, float]:
    """Time one configuration in this process and return its figures."""
    from wirecoder import Analysis, Config, Pipeline, analyze_stream, load_model
    from wirecoder.exports import ANALYSIS_FORMATS
    from wirecoder.ingest import article_from_text

    to_jsonl = ANALYSIS_FORMATS.get("jsonl").render
    texts = corpus(count)
    kind, workers = config.rsplit("-", 1)
    processes = int(workers)
    base = Config.default().with_model(model)
    nlp = load_model(base.model)
    nlp("warm up")
    stages = ("mentions.v1",) if kind == "foundation" else base.stages
    pipeline_config = Config(
        model=base.model, stages=stages, settings=base.settings, batch_size=base.batch_size
    )
    setup = time.perf_counter()
    if kind != "raw":
        Pipeline(pipeline_config)  # set up once per process, as the model is loaded once
    setup = time.perf_counter() - setup
    cpu_before = _cpu_seconds()
    start = time.perf_counter()
    if kind == "raw":
        for _ in nlp.pipe(texts, batch_size=base.batch_size, n_process=processes):
            pass
    else:
        articles = (
            article_from_text(text, published="2023-04-07", source=str(n))
            for n, text in enumerate(texts)
        )
        for result in analyze_stream(articles, pipeline_config, workers=processes):
            assert isinstance(result, Analysis), result
            to_jsonl([result])
    elapsed = time.perf_counter() - start
    cpu = _cpu_seconds() - cpu_before
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "seconds": elapsed,
        "articles_per_s": count / elapsed,
        "cpu_ms_per_article": 1000 * cpu / count,
        "peak_rss_mb": own,
        "peak_worker_rss_mb": children,
        "setup_s": setup,
    }


def _cpu_seconds() -> float:
    """User + system CPU time of this process and its finished children (the workers)."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3, help="rounds of all configurations")
    parser.add_argument("--model", default=None, help="another installed spaCy pipeline")
    parser.add_argument("--one", choices=CONFIGS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    from wirecoder import Config

    model = args.model or Config.default().model
    if args.one:
        print(json.dumps(run_one(args.one, args.articles, model)))
        return
    rounds: dict[str, list[dict[str, float]]] = {config: [] for config in CONFIGS}
    for _ in range(args.repeat):
        for config in CONFIGS:
            command = [
                sys.executable,
                __file__,
                "--one",
                config,
                "--articles",
                str(args.articles),
                "--model",
                model,
            ]
            output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            rounds[config].append(json.loads(output.strip().splitlines()[-1]))
    print(
        f"{args.articles} articles, model {model}, "
        f"source {'GeoWebNews' if GWN.exists() else 'examples'}, best of {args.repeat} rounds"
    )
    print(
        f"{'config':<14}{'art/s':>9}{'vs raw':>9}{'rounds':>12}{'CPU ms/art':>12}{'CPU vs raw':>12}"
        f"{'peak RSS MB':>13}{'worker RSS MB':>15}{'set-up s':>10}"
    )
    for config, runs in rounds.items():
        raw_runs = rounds[f"raw-{config.rsplit('-', 1)[1]}"]
        best, raw = _best(runs), _best(raw_runs)
        ratios = [
            run["articles_per_s"] / raw_run["articles_per_s"]
            for run, raw_run in zip(runs, raw_runs, strict=True)
        ]
        print(
            f"{config:<14}{best['articles_per_s']:>9.1f}"
            f"{best['articles_per_s'] / raw['articles_per_s']:>9.2f}"
            f"{f'{min(ratios):.2f}-{max(ratios):.2f}':>12}"
            f"{best['cpu_ms_per_article']:>12.1f}"
            f"{raw['cpu_ms_per_article'] / best['cpu_ms_per_article']:>12.2f}"
            f"{max(run['peak_rss_mb'] for run in runs):>13.0f}"
            f"{max(run['peak_worker_rss_mb'] for run in runs):>15.0f}"
            f"{min(run['setup_s'] for run in runs):>10.2f}"
        )


def _best(runs: list[dict[str, float]]) -> dict[str, float]:
    """A configuration's least disturbed round: the fastest rate and the least CPU per article."""
    return {
        "articles_per_s": max(run["articles_per_s"] for run in runs),
        "cpu_ms_per_article": min(run["cpu_ms_per_article"] for run in runs),
    }


if __name__ == "__main__":
    main()
