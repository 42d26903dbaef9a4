"""``wirecoder analyze``: read inputs, analyse them, render, report failures by input."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ._config import Config
from ._errors import ConfigError, Failure, InputError
from ._output import ANALYSIS_FORMATS, write_atomic
from ._pipeline import analyze_stream
from ._progress import progress
from .schema import Analysis, Article

EXIT_INPUT_FAILED = 1
EXIT_USAGE = 2


def run(
    paths: list[Path],
    *,
    published: str | None,
    publisher: str | None,
    output_format: str,
    output: Path | None,
    model: str | None,
    config_path: Path | None,
    workers: int,
    max_bytes: int,
) -> int:
    """Analyse ``paths`` and print or write the result; return the exit code.

    0: every input analysed; 1: some inputs failed (each named on stderr, the others still
    rendered); 2: nothing could run (bad option, config or model).
    """
    from .ingest import parse_published, read_inputs

    try:
        published_date = parse_published(published, "--published") if published else None
        config = (Config.from_path(config_path) if config_path else Config.default()).with_model(
            model
        )
        render = ANALYSIS_FORMATS.get(output_format).render
    except (InputError, ConfigError, ValueError) as error:
        _error(str(error))
        return EXIT_USAGE

    items = list(
        read_inputs(paths, published=published_date, publisher=publisher, max_bytes=max_bytes)
    )
    failures = [item for item in items if isinstance(item, Failure)]
    articles = [item for item in items if isinstance(item, Article)]
    analyses: list[Analysis] = []
    try:
        for result in progress(
            analyze_stream(articles, config, workers), len(articles), "Analysing"
        ):
            if isinstance(result, Failure):
                failures.append(result)
            else:
                analyses.append(result)
    except ConfigError as error:
        _error(str(error))
        return EXIT_USAGE

    for failure in failures:
        _error(str(failure))
    if analyses:
        text = render(analyses)
        if output is None:
            sys.stdout.write(text)
        else:
            write_atomic(output, text)
    if failures:
        typer.echo(f"{len(analyses)} analysed, {len(failures)} failed", err=True)
        return EXIT_INPUT_FAILED
    return 0


def _error(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
