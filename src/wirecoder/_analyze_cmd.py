"""``wirecoder analyze``: read inputs, analyse them, render, report failures by input."""

from __future__ import annotations

import logging
from pathlib import Path

import typer

from ._config import Config
from ._errors import ConfigError, Failure, InputError, OutputError
from ._output import ANALYSIS_FORMATS, check_output, terminal_text, write_output, write_stdout
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
    rendered); 2: nothing could run (bad option, config or model, an output that cannot be
    written; an output that is a directory is known before the analysis runs).
    """
    from .ingest import parse_published, read_inputs

    show_warnings()
    try:
        published_date = parse_published(published, "--published") if published else None
        config = (Config.from_path(config_path) if config_path else Config.default()).with_model(
            model
        )
        render = ANALYSIS_FORMATS.get(output_format).render
        if output is not None:
            check_output(output)
    except (InputError, ConfigError, OutputError, ValueError) as error:
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
    if analyses and not _deliver(render(analyses), output):
        return EXIT_USAGE
    if failures:
        typer.echo(f"{len(analyses)} analysed, {len(failures)} failed", err=True)
        return EXIT_INPUT_FAILED
    return 0


def _deliver(text: str, output: Path | None) -> bool:
    """Write ``text`` to ``output`` (else stdout); False, with the reason on stderr, when it
    cannot be written."""
    try:
        if output is None:
            write_stdout(text)
        else:
            write_output(output, text)
    except OutputError as error:
        _error(str(error))
        return False
    return True


def _error(message: str) -> None:
    typer.echo(f"error: {terminal_text(message)}", err=True)


class _Warnings(logging.Handler):
    """Prints the readers' warnings on stderr as ``warning: SOURCE: what is wrong``."""

    def emit(self, record: logging.LogRecord) -> None:
        typer.echo(f"warning: {terminal_text(record.getMessage())}", err=True)


def show_warnings() -> None:
    """Print wirecoder's warnings (a stray byte replaced, a broken feed read) on stderr."""
    logger = logging.getLogger("wirecoder")
    if not any(isinstance(handler, _Warnings) for handler in logger.handlers):
        logger.addHandler(_Warnings(logging.WARNING))
    if logger.getEffectiveLevel() > logging.WARNING:
        logger.setLevel(logging.WARNING)
