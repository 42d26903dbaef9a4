"""Corpus commands (ingest, sitrep, events, claims) added to the main CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ._errors import ConfigError, InputError, StoreError

EXIT_FAILED = 1
EXIT_USAGE = 2

DbOption = Annotated[str, typer.Option("--db", help="Database: a SQLite file path or URL, or postgresql://...")]


def _error(message: str) -> None:
    typer.echo(f"error: {message}", err=True)


def ingest_command(
    inputs: Annotated[list[Path], typer.Argument(help="Files, directories or feeds: .txt, .html, .xml, .jsonl.")],
    db: DbOption,
    workers: Annotated[int, typer.Option(min=1, help="Processes to analyse on (or Dask workers with --dask local).")] = 1,
    dask: Annotated[Optional[str], typer.Option(help="Analyse on a Dask scheduler at this address, or 'local'.")] = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) where inputs lack one.")] = None,
    publisher: Annotated[Optional[str], typer.Option(help="Publisher, where the input does not say.")] = None,
    model: Annotated[Optional[str], typer.Option(help="Another installed spaCy pipeline by name.")] = None,
    config: Annotated[Optional[Path], typer.Option(help="A pipeline config TOML (see default.toml).")] = None,
    max_bytes: Annotated[int, typer.Option(help="Refuse inputs larger than this.")] = 5_000_000,
) -> None:
    """Analyse articles into a database: already-stored texts are skipped, corrections supersede,
    a rerun after a crash picks up where it stopped."""
    from ._config import Config
    from ._progress import progress
    from .corpus._ingest import ingest
    from .ingest import parse_published, read_inputs
    from .store import open_store

    try:
        published_date = parse_published(published, "--published") if published else None
        pipeline_config = (Config.from_path(config) if config else Config.default()).with_model(model)
        store = open_store(db)
    except (InputError, ConfigError, StoreError, ValueError) as error:
        _error(str(error))
        raise typer.Exit(EXIT_USAGE) from None
    items = read_inputs(inputs, published=published_date, publisher=publisher, max_bytes=max_bytes)
    with store:
        try:
            summary = ingest(
                items,
                store,
                config=pipeline_config,
                workers=workers,
                dask=dask,
                progress=lambda results: progress(results, None, "Ingesting"),
            )
        except (ConfigError, StoreError) as error:
            _error(str(error))
            raise typer.Exit(EXIT_USAGE) from None
    for failure in summary.failures:
        _error(str(failure))
    typer.echo(str(summary), err=True)
    raise typer.Exit(EXIT_FAILED if summary.failures else 0)


def register(app: typer.Typer) -> None:
    """Add the corpus commands to ``app``."""
    app.command("ingest")(ingest_command)
