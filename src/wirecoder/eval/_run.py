"""Run a part of the default pipeline over gold articles, as a user's run would."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .._config import Config
from .._errors import Failure
from .._pipeline import Pipeline
from ..schema import Analysis, Article


def analyses(stages: tuple[str, ...], articles: Iterable[Article]) -> Iterator[Analysis]:
    """Each article analysed by the default config's ``stages``, in order; an article the
    pipeline fails on fails the evaluation, loudly, rather than scoring as empty."""
    for result in results(stages, articles):
        if isinstance(result, Failure):
            raise RuntimeError(str(result))
        yield result


def results(stages: tuple[str, ...], articles: Iterable[Article]) -> Iterator[Analysis | Failure]:
    """Each article analysed, or the Failure that names it: for a scorer of whole documents,
    where one article the pipeline fails on is a wrong record to report, not a lost run."""
    pipeline = Pipeline(Config.default().with_stages(stages))
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) == pipeline.config.batch_size:
            yield from pipeline.analyze_batch(batch)
            batch = []
    yield from pipeline.analyze_batch(batch)


def stages_up_to(last: str) -> tuple[str, ...]:
    """The default pipeline's stages up to and including ``last``."""
    stages = Config.default().stages
    return stages[: stages.index(last) + 1]
