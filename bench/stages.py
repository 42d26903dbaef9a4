"""What each stage costs, as a share of the spaCy parse of the same articles, in one run.

The parse is timed with ``nlp.pipe`` over all articles; then each stage of the configured pipeline
is timed over the parsed documents, in pipeline order (a stage sees what the stages before it
assigned, as in a real run). Stage set-up (loading a gazetteer or a lexicon) is timed apart,
because it is paid once per process, not per article.

Articles: the GeoWebNews texts from ../shared when present, otherwise the bundled examples.
Usage: ``python bench/stages.py [--articles N] [--config FILE] [--repeat R]``.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from throughput import corpus

from wirecoder import Config, Document, get_stage, load_model
from wirecoder.ingest import article_from_text


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--config", type=Path, help="a pipeline config (default: the built-in one)")
    parser.add_argument("--repeat", type=int, default=3, help="take the fastest of R timings")
    args = parser.parse_args()
    config = Config.from_path(args.config) if args.config else Config.default()
    nlp = load_model(config.model)
    articles = [
        article_from_text(text, published="2023-04-07", source=str(n))
        for n, text in enumerate(corpus(args.articles))
    ]
    nlp("warm up")

    parse_seconds = float("inf")
    for _ in range(args.repeat):
        start = time.perf_counter()
        docs = list(nlp.pipe([article.text for article in articles], batch_size=config.batch_size))
        parse_seconds = min(parse_seconds, time.perf_counter() - start)

    setup: dict[str, float] = {}
    runs = []
    for key in config.stages:
        spec = get_stage(key)
        start = time.perf_counter()
        runs.append((key, spec.build(nlp, config.settings.get(key))))
        setup[key] = time.perf_counter() - start

    costs = dict.fromkeys(config.stages, float("inf"))
    for _ in range(args.repeat):
        documents = [
            Document(article=article, doc=doc) for article, doc in zip(articles, docs, strict=True)
        ]
        for key, run in runs:
            start = time.perf_counter()
            for document in documents:
                run(document)
            costs[key] = min(costs[key], time.perf_counter() - start)

    per_article_ms = 1000 / len(articles)
    print(f"{len(articles)} articles, model {config.model}, best of {args.repeat}")
    print(f"{'stage':<16}{'ms/article':>12}{'% of parse':>12}{'set-up s':>10}")
    print(f"{'parse':<16}{parse_seconds * per_article_ms:>12.2f}{100.0:>12.1f}{'':>10}")
    for key in config.stages:
        print(
            f"{key:<16}{costs[key] * per_article_ms:>12.2f}"
            f"{100 * costs[key] / parse_seconds:>12.1f}{setup[key]:>10.2f}"
        )
    total = sum(costs.values())
    print(f"{'all stages':<16}{total * per_article_ms:>12.2f}{100 * total / parse_seconds:>12.1f}")


if __name__ == "__main__":
    main()
