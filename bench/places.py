"""What the places stage costs: gazetteer build and load time, and per-article cost as a share
of the spaCy parse of the same articles, in one run.

The parse is timed with ``nlp.pipe``; the stage (with the ``mentions`` stage it follows in the
default pipeline left out: places reads only the parse) is timed twice over the parsed documents,
first with the gazetteer's lookup cache empty (what the first articles of a batch pay) and then
warm. Set-up (opening the index, reading the supplement, loading word frequencies) is paid once
per process and reported apart; ``--build`` also times compiling the index from the packages.

Articles: the GeoWebNews texts from ../shared when present, otherwise the bundled examples.
Usage: ``python bench/places.py [--articles N] [--build]``.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from throughput import corpus

from wirecoder import Config, Document, get_stage, load_model
from wirecoder.gazetteer import Gazetteer, build, load
from wirecoder.ingest import article_from_text


def _seconds(action) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--build", action="store_true", help="also time compiling the index")
    args = parser.parse_args()
    config = Config.default()
    index = load().path  # built here if this machine has none yet

    if args.build:
        with tempfile.TemporaryDirectory() as folder:
            seconds = _seconds(lambda: build(Path(folder) / "gazetteer.sqlite"))
        print(f"gazetteer build: {seconds:.1f} s ({index.stat().st_size / 1e6:.0f} MB index)")
    opening = _seconds(lambda: Gazetteer(index))
    print(f"gazetteer open (index, supplement, aliases): {1000 * opening:.1f} ms")

    nlp = load_model(config.model)
    setup = _seconds(
        lambda: get_stage("places.v1").build(nlp, config.settings.get("places.v1", {}))
    )
    print(f"places.v1 set-up in a process that already has a gazetteer: {1000 * setup:.1f} ms")
    run = get_stage("places.v1").build(nlp, config.settings.get("places.v1", {}))

    articles = [
        article_from_text(text, published="2023-04-07", source=str(n))
        for n, text in enumerate(corpus(args.articles))
    ]
    nlp("warm up")
    start = time.perf_counter()
    docs = list(nlp.pipe([article.text for article in articles], batch_size=config.batch_size))
    parse = time.perf_counter() - start

    timings = []
    for _ in ("cold", "warm"):
        documents = [
            Document(article=article, doc=doc) for article, doc in zip(articles, docs, strict=True)
        ]
        timings.append(
            _seconds(lambda documents=documents: [run(document) for document in documents])
        )
    per_article = 1000 / len(articles)
    places = sum(len(document.places) for document in documents)
    per_place = places / len(articles)
    print(f"{len(articles)} articles, model {config.model}, {per_place:.1f} places/article")
    print(f"{'':<22}{'ms/article':>12}{'% of parse':>12}")
    print(f"{'parse':<22}{parse * per_article:>12.2f}{100.0:>12.1f}")
    for label, seconds in zip(("places, cold cache", "places, warm cache"), timings, strict=True):
        print(f"{label:<22}{seconds * per_article:>12.2f}{100 * seconds / parse:>12.1f}")


if __name__ == "__main__":
    main()
