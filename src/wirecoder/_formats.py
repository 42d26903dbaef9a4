"""The output-format registries: each format of a command, listed once, with what it is.

Like the stage registry, a renderer is registered where it is written
(``@ANALYSIS_FORMATS.register("acled", suffix=".csv", media_type="text/csv", doc=...)``), and
everything that lists formats reads the registry: the command line's choices, the error for an
unknown format, and the test that keeps the README's formats table equal to it. A registry keeps
the order its formats were registered in: the order they are offered in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar, cast

RenderT = TypeVar("RenderT", bound=Callable[..., str])


@dataclass(frozen=True)
class OutputFormat(Generic[RenderT]):
    """A registered format: its name, its renderer, the file suffix and media type of what the
    renderer writes, and one line that says what it is."""

    name: str
    render: RenderT
    suffix: str
    media_type: str
    doc: str


class FormatRegistry(Generic[RenderT]):
    """The output formats of one command (``analyze``, ``sitrep`` ...), in the order registered.

    ``load`` imports the modules that register formats of their own, on the first look-up.
    """

    def __init__(self, command: str, load: Callable[[], object] | None = None) -> None:
        self.command = command
        self._load = load
        self._formats: dict[str, OutputFormat[RenderT]] = {}

    def register(
        self, name: str, *, suffix: str, media_type: str, doc: str
    ) -> Callable[[RenderT], RenderT]:
        """Register the decorated renderer as the format ``name``."""

        def add(render: RenderT) -> RenderT:
            if name in self._formats:
                raise ValueError(f"format {name!r} of {self.command} is registered twice")
            self._formats[name] = OutputFormat(name, render, suffix, media_type, doc)
            return render

        return add

    def __iter__(self) -> Iterator[OutputFormat[RenderT]]:
        return iter(self._loaded().values())

    def names(self) -> tuple[str, ...]:
        return tuple(self._loaded())

    def get(self, name: str) -> OutputFormat[RenderT]:
        """The format ``name``; an unknown one is a ``ValueError`` that lists the known ones."""
        formats = self._loaded()
        try:
            return formats[name]
        except KeyError:
            known = ", ".join(formats)
            raise ValueError(f"unknown format {name!r} (known: {known})") from None

    def choices(self, enum_name: str) -> type[StrEnum]:
        """The format names as a string Enum: what a typer option offers as its choices."""
        members = [(name, name) for name in self.names()]
        # the functional API makes a class; the stubs type what it returns as a member
        return cast("type[StrEnum]", StrEnum(enum_name, members))

    def _loaded(self) -> dict[str, OutputFormat[RenderT]]:
        if self._load is not None:
            self._load()
        return self._formats
