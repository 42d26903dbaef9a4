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
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task(description, total=total)
        for item in items:
            yield item
            bar.advance(task)
