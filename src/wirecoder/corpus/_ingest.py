"""Ingest: analyse the articles a store does not hold yet and save each in its own transaction.

Resumable by construction: every article is committed as soon as it is analysed, and a rerun
skips every content hash already stored before spending any time on analysis.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING

from .._config import Config
from .._errors import Failure, StoreError
from .._pipeline import analyze_stream
from ..schema import Analysis, Article
from ..store import SaveOutcome, Store
from ._rebuild import CorpusSummary, rebuild

if TYPE_CHECKING:
    from distributed import Client

LOOKUP_CHUNK = 256


@dataclass
class IngestSummary:
    """What one ingest run did, article by article."""

    stored: int = 0
    unchanged: int = 0
    superseded: int = 0
    failures: list[Failure] = field(default_factory=list)
    corpus: CorpusSummary | None = None

    def count(self, outcome: SaveOutcome) -> None:
        setattr(self, outcome.value, getattr(self, outcome.value) + 1)

    def __str__(self) -> str:
        line = (
            f"{self.stored} stored, {self.unchanged} unchanged, {self.superseded} superseded, "
            f"{len(self.failures)} failed"
        )
        if self.corpus:
            line += (
                f"; {self.corpus.events} events in {self.corpus.clusters} clusters, "
                f"{self.corpus.contradictions} contradictions"
            )
        return line


def fresh_articles(
    items: Iterable[Article | Failure], store: Store, summary: IngestSummary
) -> Iterator[Article]:
    """The articles whose text is not stored yet (nor seen earlier in this run); read failures
    and already-stored articles are counted in ``summary``."""
    seen: set[str] = set()
    iterator = iter(items)
    while chunk := list(islice(iterator, LOOKUP_CHUNK)):
        articles = [item for item in chunk if isinstance(item, Article)]
        summary.failures.extend(item for item in chunk if isinstance(item, Failure))
        known = store.known_hashes(article.content_hash for article in articles)
        for article in articles:
            digest = article.content_hash
            if digest in known or digest in seen:
                summary.unchanged += 1
                continue
            seen.add(digest)
            yield article


def ingest(
    items: Iterable[Article | Failure],
    store: Store,
    *,
    config: Config | None = None,
    workers: int = 1,
    dask: str | Client | None = None,
    progress: Callable[
        [Iterable[Analysis | Failure]], Iterable[Analysis | Failure]
    ] = lambda results: results,
) -> IngestSummary:
    """Analyse the new articles among ``items`` (on ``workers`` processes, or on a Dask cluster
    when ``dask`` is an address, ``"local"`` or a client), save each, then rebuild the corpus."""
    summary = IngestSummary()
    articles = fresh_articles(items, store, summary)
    if dask is None:
        results: Iterable[Analysis | Failure] = analyze_stream(articles, config, workers)
    else:
        from ._dask import analyze_on_dask

        results = analyze_on_dask(articles, config, dask, workers)
    for result in progress(results):
        if isinstance(result, Failure):
            summary.failures.append(result)
            continue
        try:
            summary.count(store.save(result))
        except StoreError as error:
            summary.failures.append(
                Failure(result.article.source or result.article.url or "article", str(error))
            )
    summary.corpus = rebuild(store)
    return summary
