"""Long fuzzing runs: the properties of tests/test_fuzz.py on many random cases.

The suite runs a fixed small sample of each property; this runs ``--cases`` random cases of each
(a seed printed, so a run can be repeated), counts them, and counts crashes: distinct failing
cases hypothesis found (each shrunk to a minimal example, printed). A crash is any broken
property: an exception out of a reader or the command line, an item neither analysed nor named
as failed, a stage raising on text the readers accepted, an analysis that does not validate
against schema/analysis.schema.json or a span that does not slice its text.

Usage: ``python bench/fuzz.py [--cases N] [--only readers,jsonl,pipeline,cli] [--seed S]``.
The pipeline and cli properties load the spaCy model and run it (about 10 and 100 cases a
minute on one core); the readers' run thousands a minute.
"""

from __future__ import annotations

import argparse
import functools
import logging
import random
import sys
import time
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # tests/ is on the path only from here

import test_fuzz  # noqa: E402 - after the path is set
from hypothesis import given, seed, settings  # noqa: E402


def run(name: str, cases: int, at: int) -> tuple[int, int, float]:
    """Cases run, crashes found and seconds taken for property ``name``."""
    check, strategies, _ = test_fuzz.PROPERTIES[name]
    count = 0

    @functools.wraps(check)  # hypothesis reads the arguments from the signature
    def counted(*args: Any, **kwargs: Any) -> None:
        nonlocal count
        count += 1
        check(*args, **kwargs)

    test = seed(at)(
        settings(test_fuzz.budget(cases, derandomize=False), report_multiple_bugs=True)(
            given(*strategies)(counted)
        )
    )
    start = time.perf_counter()
    crashes = 0
    try:
        test()
    except BaseException as error:  # noqa: BLE001 - what was found is the result
        found = error.exceptions if isinstance(error, BaseExceptionGroup) else [error]
        crashes = len(found)
        for failure in found:
            print(f"--- {name}: crash", file=sys.stderr)
            traceback.print_exception(failure, file=sys.stderr)
    return count, crashes, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", type=int, default=2000, help="random cases per property")
    parser.add_argument("--only", default=",".join(test_fuzz.PROPERTIES))
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    logging.getLogger("wirecoder").addHandler(logging.NullHandler())  # warnings are expected
    at = args.seed if args.seed is not None else random.randrange(2**32)
    print(f"seed {at}")
    print(f"{'property':<10} {'cases':>7} {'crashes':>8} {'seconds':>8}")
    total = 0
    for name in args.only.split(","):
        cases, crashes, seconds = run(name, args.cases, at)
        total += crashes
        print(f"{name:<10} {cases:>7} {crashes:>8} {seconds:>8.0f}", flush=True)
    sys.exit(1 if total else 0)


if __name__ == "__main__":
    main()
