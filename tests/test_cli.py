"""The command line end to end, in process: output contract, formats, bad input, exit codes."""

from __future__ import annotations

import json
from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_type_hints

import jsonschema  # type: ignore[import-untyped]
import pytest
from conftest import EXAMPLES, shared_path
from typer.testing import CliRunner

from wirecoder.cli import app
from wirecoder.exports import ANALYSIS_FORMATS, FormatRegistry
from wirecoder.report import ROW_FORMATS, SITREP_FORMATS
from wirecoder.schema import Analysis, json_schema

EXAMPLE = EXAMPLES / "kostiantynivka-2025-03-14.txt"
runner = CliRunner()


def invoke(*args: str | Path):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [str(arg) for arg in args])


def assert_valid(document: object) -> None:
    jsonschema.Draft202012Validator(json_schema()).validate(document)


def test_analyze_example_gives_schema_valid_json() -> None:
    result = invoke("analyze", EXAMPLE)
    assert result.exit_code == 0, result.output
    analysis = json.loads(result.stdout)
    assert_valid(analysis)
    assert Analysis.model_validate(analysis).model_dump(mode="json") == analysis  # reads back whole
    article = analysis["article"]
    assert article["publisher"] == "Reuters" and article["published"] == "2025-03-14"
    assert article["dateline"]["place"].startswith("KOSTIANTYNIVKA")
    assert not article["text"].startswith("KOSTIANTYNIVKA")
    assert "Editing by" not in article["text"]
    for mention in analysis["mentions"]:
        span = mention["span"]
        assert article["text"][span["start"] : span["end"]] == span["text"]


def test_markdown_report_has_the_tables_a_reader_needs() -> None:
    result = invoke("analyze", EXAMPLE, "--format", "markdown")
    assert result.exit_code == 0, result.output
    for heading in ("## Claims", "## Events", "## Places", "## Dates", "**Publisher:** Reuters"):
        assert heading in result.stdout


def test_jsonl_gives_one_line_per_article(tmp_path: Path) -> None:
    second = tmp_path / "second.txt"
    second.write_text(
        "Ukrainian drones hit an oil depot in Bryansk region overnight, the governor said."
    )
    result = invoke("analyze", EXAMPLE, second, "--format", "jsonl", "--published", "2025-03-15")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert all(json.loads(line)["article"]["published"] == "2025-03-15" for line in lines)


def test_output_file_is_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "out" / "analysis.json"
    result = invoke("analyze", EXAMPLE, "--output", target)
    assert result.exit_code == 0, result.output
    assert_valid(json.loads(target.read_text()))
    assert [p.name for p in target.parent.iterdir()] == ["analysis.json"]


def test_bad_inputs_are_named_and_the_batch_goes_on(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = invoke(
        "analyze", empty, EXAMPLE, binary, tmp_path / "missing.txt", "--format", "jsonl"
    )
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1
    for name in ("empty.txt", "image.txt", "missing.txt"):
        assert name in result.stderr
    assert "1 analysed, 3 failed" in result.stderr


def test_unparseable_published_date_stops_before_work() -> None:
    result = invoke("analyze", EXAMPLE, "--published", "the day after tomorrow-ish")
    assert result.exit_code == 2
    assert "--published" in result.stderr


def test_unknown_model_is_a_clear_error() -> None:
    result = invoke("analyze", EXAMPLE, "--model", "no_such_spacy_model_xyz")
    assert result.exit_code == 2
    assert "no_such_spacy_model_xyz" in result.stderr and "not installed" in result.stderr


def test_failed_run_does_not_touch_an_existing_output(tmp_path: Path) -> None:
    target = tmp_path / "analysis.json"
    target.write_text("previous result")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = invoke("analyze", empty, "--output", target)
    assert result.exit_code == 1
    assert target.read_text() == "previous result"


def test_schema_command_prints_the_contract() -> None:
    result = invoke("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json_schema()


@pytest.mark.shared
def test_shared_example_validates_against_the_schema() -> None:
    path = shared_path("examples", "bakhmut-2023-04-07.txt")
    result = invoke("analyze", path, "--published", "2023-04-07")
    assert result.exit_code == 0, result.output
    analysis = json.loads(result.stdout)
    assert_valid(analysis)
    assert analysis["article"]["publisher"] == "Reuters"
    assert {credit["role"] for credit in analysis["article"]["credits"]} >= {"writing", "editing"}


def test_the_readme_example_is_what_the_demo_prints() -> None:
    """Every line of the README's Example excerpt stands in the demo's output as it is now."""
    readme = (EXAMPLES.parent / "README.md").read_text(encoding="utf-8")
    excerpt = readme.split("## Example", 1)[1].split("```markdown\n", 1)[1].split("```", 1)[0]
    result = invoke("analyze", EXAMPLE, "--format", "markdown")
    assert result.exit_code == 0, result.output
    printed = set(result.stdout.splitlines())
    missing = [line for line in excerpt.splitlines() if line and line not in printed]
    assert not missing, missing


def _format_choices(command: str) -> list[str]:
    """The values the ``--format`` option of ``command`` accepts."""
    info = next(
        info
        for info in app.registered_commands
        if command in (info.name, getattr(info.callback, "__name__", None))
    )
    hints = get_type_hints(info.callback, include_extras=True)
    choices: type[Enum] = get_args(hints["output_format"])[0]
    return [choice.value for choice in choices]


def test_format_options_offer_the_registered_formats() -> None:
    assert _format_choices("analyze") == list(ANALYSIS_FORMATS.names())
    for command in ("events", "claims"):
        assert _format_choices(command) == list(ROW_FORMATS.names())


def _table_rows(registries: Iterable[FormatRegistry[Any]]) -> list[str]:
    return [
        f"| {registry.command} | `{fmt.name}` | `{fmt.suffix}` | `{fmt.media_type}` | {fmt.doc} |"
        for registry in registries
        for fmt in registry
    ]


def test_the_readme_formats_table_is_what_the_registries_say() -> None:
    """The README is written by hand; this keeps its formats table equal to the registries."""
    readme = (EXAMPLES.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Output formats\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")][2:]  # after the header
    assert rows == _table_rows((ANALYSIS_FORMATS, ROW_FORMATS, SITREP_FORMATS))
