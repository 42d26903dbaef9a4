"""The benchmarks still run: each one on a few articles, so a change to the API they use shows
here rather than when someone next measures (the figures themselves are not checked)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.mark.slow
@pytest.mark.parametrize(
    "command",
    [
        ["stages.py", "--articles", "3", "--repeat", "1"],
        ["places.py", "--articles", "3"],
        ["query.py", "--events", "500", "--repeats", "1", "--only", "sqlite"],
        ["throughput.py", "--articles", "4", "--repeat", "1"],
        ["ingest.py", "--articles", "4"],
        ["dedup.py", "--seeds", "7", "--reports", "4"],
        ["long_text.py", "--sizes", "3000", "--window", "1000"],
        ["fuzz.py", "--cases", "3", "--only", "readers,jsonl,cli", "--seed", "1"],
    ],
    ids=lambda command: command[0],
)
def test_bench_runs(command: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH / command[0]), *command[1:]],
        cwd=BENCH.parent,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip(), "the bench printed no figures"
