"""The command line: a thin layer over the importable functions."""

from __future__ import annotations

import sys
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
from ._corpus_cli import register as register_corpus_commands
from ._output import ANALYSIS_FORMATS

app = typer.Typer(
    help="Turn news reports about armed conflict into provenance-first events and claims.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Score wirecoder against gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
register_corpus_commands(app)


# The choices of ``analyze --format`` are the registered formats of an analysis; mypy cannot see
# members made at run time, so to it they are any StrEnum.
if TYPE_CHECKING:
    from enum import StrEnum as OutputFormat
else:
    OutputFormat = ANALYSIS_FORMATS.choices("OutputFormat")
DEFAULT_FORMAT = OutputFormat["json"]


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


@app.command()
def analyze(
    paths: Annotated[
        list[Path], typer.Argument(help="Files or directories: .txt, .html, feeds, .jsonl.")
    ],
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD), overrides metadata.")
    ] = None,
    publisher: PublisherOption = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = DEFAULT_FORMAT,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write here (atomically) instead of stdout."),
    ] = None,
    model: ModelOption = None,
    config: ConfigOption = None,
    workers: Annotated[
        int, typer.Option(min=1, max=MAX_WORKERS, help="Processes to analyse on.")
    ] = 1,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
) -> None:
    """Analyse articles and print claims, events, places and times."""
    from . import _analyze_cmd

    code = _analyze_cmd.run(
        paths,
        published=published,
        publisher=publisher,
        output_format=output_format.value,
        output=output,
        model=model,
        config_path=config,
        workers=workers,
        max_bytes=max_bytes,
    )
    raise typer.Exit(code)


@app.command()
def schema(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the JSON Schema here.")
    ] = None,
) -> None:
    """Print (or write) the JSON Schema of an analysis."""
    from ._errors import OutputError
    from ._output import write_output, write_stdout
    from .schema import json_schema_text

    text = json_schema_text()
    try:
        if output is None:
            write_stdout(text)
        else:
            write_output(output, text)
    except OutputError as error:
        raise _fail(str(error)) from None


@eval_app.command("attribution")
def eval_attribution(
    polnear: Annotated[Path, typer.Option(help="PolNeAR data folder (with train/ and dev/).")],
    split: Annotated[str, typer.Option(help="Which split to score.")] = "dev",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Source, cue and content span P/R/F1 (exact and begin-match) on PolNeAR."""
    from .eval.attribution import evaluate

    _print_report(evaluate(polnear, split=split), as_json)


@eval_app.command("geoparsing")
def eval_geoparsing(
    gwn: Annotated[Path, typer.Option(help="GeoWebNews GWN.xml.")],
    eupeg: Annotated[
        Path | None, typer.Option(help="Folder of EUPEG outputs to score beside ours.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Toponym P/R/F1, accuracy@161 km, mean/median error and AUC, as EUPEG computes them."""
    from .eval.geoparsing import evaluate

    _print_report(evaluate(gwn, eupeg=eupeg), as_json)


@eval_app.command("timex")
def eval_timex(
    timeml: Annotated[Path, typer.Option(help="Folder of TimeML files.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """TempEval-3 Task A: strict and relaxed span P/R/F1 and value F1."""
    from .eval.timex import evaluate

    _print_report(evaluate(timeml), as_json)


@eval_app.command("events")
def eval_events(
    case2021: Annotated[
        Path | None, typer.Option(help="CASE 2021 Task 2 TSV (id, snippet, subtype).")
    ] = None,
    plover_gsr: Annotated[
        Path | None, typer.Option(help="PLOVER gold-standard records JSON.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Event typing: weighted/macro F1 over ACLED sub-types, PLOVER type and actor accuracy."""
    from .eval.events import evaluate

    if case2021 is None and plover_gsr is None:
        raise _fail("give --case2021 FILE or --plover-gsr FILE (or both)")
    _print_report(evaluate(case2021=case2021, plover_gsr=plover_gsr), as_json)


@eval_app.command("wire")
def eval_wire(
    directory: Annotated[
        Path, typer.Argument(help="Folder of wire reports (.txt) with .gold.json records.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Event records fully right, per field and per error class, on wire reports with gold."""
    from .eval.wire_records import evaluate

    if not directory.is_dir():
        raise _fail(f"not a folder: {directory}")
    _print_report(evaluate(directory), as_json)


@eval_app.command("records")
def eval_records(
    hrdsattack: Annotated[Path, typer.Option(help="HRDsAttack split (train.json or dev.json).")],
    details: Annotated[
        Path | None,
        typer.Option(help="Write one JSON line per article: gold record, ours, main event."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Document records from each article's main event: perpetrator, violation types, date,
    place and victims, with the published T5-large row beside ours."""
    from .eval.records import evaluate

    _print_report(evaluate(hrdsattack, details=details), as_json)


@eval_app.command("event-location")
def eval_event_location(
    halterman: Annotated[
        Path, typer.Option(help="Halterman's event-location rows (.jsonl or .jsonl.gz).")
    ],
    limit: Annotated[int | None, typer.Option(min=1, help="Score only the first N rows.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Token P/R/F1 of the place of each marked event verb, end to end and with the verb given."""
    from .eval.event_location import evaluate

    _print_report(evaluate(halterman, limit=limit), as_json)


@eval_app.command("corpus")
def eval_corpus(
    folder: Annotated[Path, typer.Argument(help="A corpus folder: articles and gold.toml.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Cross-report clusters (MUC, B-cubed, CEAF-e, CoNLL F1), origin counts and look-alike
    merges on a multi-outlet corpus with gold."""
    from ._errors import InputError
    from .eval.corpus import evaluate

    try:
        report = evaluate(folder)
    except InputError as error:
        raise _fail(str(error)) from None
    _print_report(report, as_json)


def _print_report(report: object, as_json: bool) -> None:
    from .eval import Report

    assert isinstance(report, Report)
    sys.stdout.write(report.to_json() + "\n" if as_json else report.to_text())


def main() -> None:
    """Entry point of the ``wirecoder`` command."""
    app()


if __name__ == "__main__":
    main()
