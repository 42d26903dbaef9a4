"""Ingest throughput into a SQLite store beside raw ``nlp.pipe`` of the same model.

Each configuration runs in a fresh subprocess; a sampler records the peak RSS of every process
in its tree, so the figures are per worker, and the CPU time of the whole tree is counted, so
the work per article can be compared even when the shared machine is busy:

    raw-1          nlp.pipe on one process (the budget)
    ingest-1       wirecoder ingest: analyse + save + corpus rebuild, one process
    ingest-2       the same with two worker processes (the writer is the parent)
    dask-local-2   the same on a Dask LocalCluster of two worker processes

Articles: the hand-written corpus under tests/fixtures/corpus, repeated with a copy number so
every text is new to the store. Usage: ``python bench/ingest.py [--articles N]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Self

import psutil

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "corpus"
CONFIGS = ("raw-1", "ingest-1", "ingest-2", "dask-local-2")


def texts(count: int) -> list[str]:
    originals = [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.txt"))]
    return [f"{originals[n % len(originals)]}\n\n(Copy {n}.)" for n in range(count)]


class RssSampler:
    """Samples the RSS of this process and all its descendants; keeps each one's peak."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self.peaks: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            for process in [me, *me.children(recursive=True)]:
                try:
                    self.peaks[process.pid] = max(
                        self.peaks.get(process.pid, 0), process.memory_info().rss
                    )
                except psutil.Error:
                    continue
            time.sleep(self.interval)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()


def cpu_seconds() -> float:
    """CPU time (user + system) of this process and of every descendant it has waited for:
    the work done, whatever else the shared machine was running meanwhile."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_one(config: str, count: int) -> dict[str, object]:
    """Time one configuration in this process and return its figures."""
    from wirecoder import Config, load_model
    from wirecoder.corpus import ingest
    from wirecoder.schema import Article
    from wirecoder.store import open_store

    pipeline_config = Config.default()
    articles = [
        Article(text=text, publisher="Bench Wire", published=dt.date(2023, 4, 7))
        for text in texts(count)
    ]
    with RssSampler() as sampler, tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        if config == "raw-1":
            nlp = load_model(pipeline_config.model)
            for _ in nlp.pipe(
                [article.text for article in articles], batch_size=pipeline_config.batch_size
            ):
                pass
            stages = "parse only"
        else:
            store = open_store(f"{folder}/bench.db")
            workers = int(config.rsplit("-", 1)[1])
            summary = ingest(
                articles,
                store,
                config=pipeline_config,
                workers=workers,
                dask="local" if config.startswith("dask") else None,
            )
            assert summary.stored == count and not summary.failures, summary
            store.close()
            stages = ",".join(pipeline_config.stages)
        elapsed = time.perf_counter() - started
    me = psutil.Process().pid
    workers_peak = [peak for pid, peak in sampler.peaks.items() if pid != me]
    return {
        "config": config,
        "articles_per_s": count / elapsed,
        "cpu_ms_per_article": 1000 * cpu_seconds() / count,
        "seconds": elapsed,
        "main_rss_mb": sampler.peaks.get(me, 0) / 2**20,
        "worker_rss_mb": max(workers_peak, default=0) / 2**20,
        "processes": len(sampler.peaks),
        "stages": stages,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--one", choices=CONFIGS, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.one:
        print(json.dumps(run_one(options.one, options.articles)))
        return
    results = []
    load_before = os.getloadavg()[0]
    for config in CONFIGS:
        output = subprocess.run(
            [sys.executable, __file__, "--one", config, "--articles", str(options.articles)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        results.append(json.loads(output.strip().splitlines()[-1]))
    budget = results[0]["articles_per_s"]
    print(f"{options.articles} articles; stages: {results[-1]['stages']}")
    print(f"load average before: {load_before:.1f} on {os.cpu_count()} cores")
    print(
        f"{'config':14} {'art/s':>8} {'x raw-1':>8} {'CPU ms/art':>10} {'main MB':>8}"
        f" {'worker MB':>10} {'procs':>6}"
    )
    for result in results:
        print(
            f"{result['config']:14} {result['articles_per_s']:8.1f}"
            f" {result['articles_per_s'] / budget:8.2f} {result['cpu_ms_per_article']:10.0f}"
            f" {result['main_rss_mb']:8.0f} {result['worker_rss_mb']:10.0f}"
            f" {result['processes']:6d}"
        )


if __name__ == "__main__":
    main()
