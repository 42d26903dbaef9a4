"""Time and memory of one long article (a live blog, a report, a transcript) against its length.

A text longer than the config's ``window_chars`` is analysed in windows cut at paragraph breaks,
so the cost per character should stay flat as the text grows: "s/100k" is the figure to watch.
Each size runs in a fresh subprocess, so its peak RSS (model included) is its own; the model is
loaded and the stages set up before the clock starts; "CPU s" is the process's own CPU time,
which stays comparable when the shared machine is busy. ``--window N`` sets ``window_chars`` (a
large one analyses the text whole, to compare).

Text: the GeoWebNews articles from ../shared joined as paragraphs of one long text (news wording
throughout, many places and sources); otherwise the synthetic corpus's reports.
Usage: ``python bench/long_text.py [--sizes 100000,300000,1000000] [--window N]``.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GWN = ROOT.parent / "shared" / "bench" / "geo" / "GWN.xml"


def long_text(chars: int) -> str:
    """About ``chars`` characters of news text as paragraphs, ending at a paragraph."""
    if GWN.exists():
        texts = [node.text or "" for node in ET.parse(GWN).getroot().iter("text")]
    else:
        from wirecoder.testing import generate

        texts = [analysis.article.text for analysis in generate(reports_per_incident=8).analyses]
    paragraphs: list[str] = []
    total = 0
    while total < chars:
        for paragraph in texts[len(paragraphs) % len(texts)].split("\n\n"):
            paragraphs.append(" ".join(paragraph.split()))
            total += len(paragraphs[-1]) + 2
    return "\n\n".join(part for part in paragraphs if part)[:chars]


def run_one(chars: int, window: int | None) -> dict[str, float]:
    from wirecoder import Config, Failure, Pipeline
    from wirecoder.ingest import article_from_text

    config = Config.default()
    if window is not None:
        config = replace(config, window_chars=window)
    pipeline = Pipeline(config)
    pipeline.analyze(article_from_text("Shelling hit Donetsk on Monday, officials said."))
    article = article_from_text(long_text(chars), published="2019-03-01")
    start, cpu = time.perf_counter(), time.process_time()
    [analysis] = pipeline.analyze_batch([article])  # as `wirecoder analyze` and `ingest` do
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    assert not isinstance(analysis, Failure), analysis
    return {
        "chars": len(article.text),
        "windows": -(-len(article.text) // pipeline.window_chars),
        "seconds": seconds,
        "cpu": cpu,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "places": len(analysis.places),
        "claims": len(analysis.claims),
        "events": len(analysis.events),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="100000,300000,1000000")
    parser.add_argument("--window", type=int, default=None, help="window_chars to use")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.window)))
        return
    print(
        f"{'chars':>9} {'windows':>7} {'seconds':>8} {'CPU s':>6} {'s/100k':>7} {'peak MB':>8}"
        "  places/claims/events"
    )
    for size in (int(part) for part in args.sizes.split(",")):
        command = [sys.executable, __file__, "--one", str(size)]
        if args.window is not None:
            command += ["--window", str(args.window)]
        done = subprocess.run(command, check=True, capture_output=True, text=True)
        row = json.loads(done.stdout.strip().splitlines()[-1])
        print(
            f"{row['chars']:>9,.0f} {row['windows']:>7.0f} {row['seconds']:>8.1f} "
            f"{row['cpu']:>6.1f} {100_000 * row['seconds'] / row['chars']:>7.2f} "
            f"{row['rss_mb']:>8.0f}  "
            f"{row['places']:.0f}/{row['claims']:.0f}/{row['events']:.0f}"
        )


if __name__ == "__main__":
    main()
