"""A progress bar on a terminal, and nothing when output goes to a file or pipe."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

Item = TypeVar("Item")


def progress(items: Iterable[Item], total: int | None, description: str) -> Iterator[Item]:
    """Yield ``items``, drawing a bar on stderr when it is a terminal and there is more than one."""
    if not sys.stderr.isatty() or (total is not None and total < 2):
        yield from items
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    # A stream of unknown length shows how many are done and for how long; a known one, M/N and ETA.
    counted = MofNCompleteColumn() if total is not None else TextColumn("{task.completed} done")
    remaining = TimeRemainingColumn() if total is not None else TimeElapsedColumn()
    columns = (TextColumn("{task.description}"), BarColumn(), counted, remaining)
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task(description, total=total)
        for item in items:
            yield item
            bar.advance(task)
