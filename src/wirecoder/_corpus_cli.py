"""Corpus commands (ingest, sitrep, events, claims) added to the main CLI."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ._cli_options import (
    DEFAULT_MAX_BYTES,
    MAX_WORKERS,
    ConfigOption,
    MaxBytesOption,
    ModelOption,
    PublisherOption,
)
from ._errors import ConfigError, InputError, StoreError

EXIT_FAILED = 1
EXIT_USAGE = 2

if TYPE_CHECKING:
    from .store import Area, Store

DbOption = Annotated[
    str, typer.Option("--db", help="Database: a SQLite file path or URL, or postgresql://...")
]
AreaOption = Annotated[
    str | None,
    typer.Option(
        help="A place, region or country code (Donetsk, UA), or a box west,south,east,north."
    ),
]
SinceOption = Annotated[str | None, typer.Option(help="First day (YYYY-MM-DD).")]
UntilOption = Annotated[str | None, typer.Option(help="Last day (YYYY-MM-DD).")]
TypeOption = Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. ASSAULT.")]
SourceOption = Annotated[
    str | None, typer.Option(help="Only what this source said, relayed or published.")
]
MAX_LIMIT = 10_000_000
LimitOption = Annotated[
    int | None, typer.Option(min=1, max=MAX_LIMIT, help="At most this many rows.")
]
MAX_DAYS = 3660
"""The longest window of a situation report: ten years, one line of the timeline a day."""


class TableFormat(StrEnum):
    """The choices of ``events --format`` and ``claims --format``: the names of
    ``report.ROW_FORMATS``, written out so that the command line starts without importing the
    report package (a test keeps the two equal)."""

    table = "table"
    csv = "csv"
    json = "json"


EVENT_COLUMNS = (
    "id",
    "date_start",
    "date_end",
    "type",
    "mode",
    "negated",
    "actor",
    "place",
    "killed",
    "cluster",
    "reports",
    "origins",
    "toll_killed",
    "publisher",
    "sentence",
)
CLAIM_COLUMNS = ("id", "published", "publisher", "chain", "stance", "certainty", "content")


def _error(message: str) -> None:
    from ._output import terminal_text

    typer.echo(f"error: {terminal_text(message)}", err=True)


def ingest_command(
    inputs: Annotated[
        list[Path], typer.Argument(help="Files, directories or feeds: .txt, .html, .xml, .jsonl.")
    ],
    db: DbOption,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            max=MAX_WORKERS,
            help="Processes to analyse on (or Dask workers with --dask local).",
        ),
    ] = 1,
    dask: Annotated[
        str | None, typer.Option(help="Analyse on a Dask scheduler at this address, or 'local'.")
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) where inputs lack one.")
    ] = None,
    publisher: PublisherOption = None,
    model: ModelOption = None,
    config: ConfigOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
) -> None:
    """Analyse articles into a database: already-stored texts are skipped, corrections supersede,
    a rerun after a crash picks up where it stopped."""
    from ._analyze_cmd import show_warnings
    from ._config import Config
    from ._progress import progress
    from .corpus._ingest import ingest
    from .ingest import parse_published, read_inputs
    from .store import open_store

    show_warnings()
    try:
        published_date = parse_published(published, "--published") if published else None
        pipeline_config = (Config.from_path(config) if config else Config.default()).with_model(
            model
        )
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


def _day(text: str | None, option: str) -> dt.date | None:
    """The date an option gives (YYYY-MM-DD, 1800-2199), InputError naming the option else."""
    from .ingest import check_date

    if text is None:
        return None
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(option, f"{text[:40]!r} is not a date (YYYY-MM-DD)") from None
    check_date(day, option)
    return day


def _days(since: str | None, until: str | None) -> tuple[dt.date | None, dt.date | None]:
    """``--since`` and ``--until`` as dates, the first not after the second."""
    first, last = _day(since, "--since"), _day(until, "--until")
    if first is not None and last is not None and first > last:
        raise InputError("--since", f"{first} is after --until {last}: no day is in between")
    return first, last


def _open(db: str) -> Store:
    from .store import open_store

    return open_store(db)


_NUMBER_LIKE = re.compile(r"^\s*[-+.eE\d]*\d[-+.eE\d]*\s*$")


def _area(text: str | None) -> Area | None:
    """The ``--area`` named, or the box it gives (west,south,east,north in degrees: longitudes
    within +-180, latitudes within +-90); InputError naming the option for a bad box."""
    from .store import Area

    if not text or not text.strip():
        return None
    parts = text.split(",")
    if len(parts) == 4 and all(_NUMBER_LIKE.match(part) for part in parts):
        try:
            west, south, east, north = (float(part) for part in parts)
        except ValueError:
            raise InputError(
                "--area", f"{text!r} is not a box of four numbers (west,south,east,north)"
            ) from None
        for name, value, limit in (
            ("west", west, 180),
            ("south", south, 90),
            ("east", east, 180),
            ("north", north, 90),
        ):
            if not -limit <= value <= limit:
                raise InputError("--area", f"{name} {value:g} is outside -{limit}..{limit}")
        text = ",".join(f"{value:.9f}" for value in (west, south, east, north))
    try:
        return Area.parse(text)
    except ValueError as error:
        raise InputError("--area", f"{text!r}: {error}") from None


def _query_command(kind: str, columns: tuple[str, ...]) -> Callable[..., None]:
    """Build the ``events`` or ``claims`` command: the same filters, another query."""

    def command(
        db: DbOption,
        since: SinceOption = None,
        until: UntilOption = None,
        area: AreaOption = None,
        event_type: TypeOption = None,
        source: SourceOption = None,
        limit: LimitOption = None,
        output_format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
    ) -> None:
        from . import store as store_module
        from .report import render_rows

        try:
            first, last = _days(since, until)
            filters = store_module.Filters(
                since=first,
                until=last,
                area=_area(area),
                type=event_type,
                source=source,
                limit=limit,
            )
            with _open(db) as store:
                rows = getattr(store_module, kind)(store, filters)
        except (InputError, StoreError) as error:
            _error(str(error))
            raise typer.Exit(EXIT_USAGE) from None
        text = render_rows(
            rows, output_format.value, columns if output_format is TableFormat.table else None
        )
        _write(None, text)

    command.__doc__ = f"List stored {kind} by date, area, type and source, as a table, CSV or JSON."
    return command


def sitrep_command(
    db: DbOption,
    date: Annotated[str, typer.Option(help="Last day of the report (YYYY-MM-DD).")],
    days: Annotated[int, typer.Option(min=1, max=MAX_DAYS, help="How many days up to --date.")] = 1,
    area: AreaOption = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write here (atomically) instead of stdout."),
    ] = None,
    as_html: Annotated[
        bool, typer.Option("--html", help="HTML with a map and a timeline instead of Markdown.")
    ] = False,
) -> None:
    """Write a situation report: per area, what happened, who says so, how sure, how many
    independent origins, and what is disputed by whom."""
    from ._errors import OutputError
    from ._output import check_output
    from .ingest import check_date
    from .report import SITREP_FORMATS, build

    try:
        last_day = _day(date, "--date")
        assert last_day is not None
        check_date(last_day - dt.timedelta(days=days - 1), "--days")
        if output is not None:
            check_output(output)
        with _open(db) as store:
            report = build(store, last_day, days, _area(area))
    except (InputError, StoreError, OutputError) as error:
        _error(str(error))
        raise typer.Exit(EXIT_USAGE) from None
    _write(output, SITREP_FORMATS.get("html" if as_html else "markdown").render(report))


def _write(output: Path | None, text: str) -> None:
    """``text`` to ``output`` (else stdout); exit 2 with the reason when it cannot be written."""
    from ._errors import OutputError
    from ._output import write_output, write_stdout

    try:
        if output is None:
            write_stdout(text)
        else:
            write_output(output, text)
    except OutputError as error:
        _error(str(error))
        raise typer.Exit(EXIT_USAGE) from None


def register(app: typer.Typer) -> None:
    """Add the corpus commands to ``app``."""
    app.command("ingest")(ingest_command)
    app.command("sitrep")(sitrep_command)
    app.command("events")(_query_command("events", EVENT_COLUMNS))
    app.command("claims")(_query_command("claims", CLAIM_COLUMNS))
