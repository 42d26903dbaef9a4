"""The stage registry: stages are small functions registered under versioned names.

A stage is built by a factory ``factory(nlp, settings) -> StageFn`` so it can load its resources
(gazetteer, lexicons) once per process; the built function is then called once per document.
Like spaCy's components, each stage declares which parts of the document it requires and which
it assigns, and the pipeline checks the order before it runs anything.

Stages are found by name: ``places.v1`` lives in the package ``wirecoder.stages.places``. Other packages add
stages through the ``wirecoder.stages`` entry-point group.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Any

from ._errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language

    from ._document import Document

StageFn = Callable[["Document"], None]
StageFactory = Callable[["Language", Mapping[str, Any]], StageFn]

DOCUMENT_PARTS = frozenset({"doc", "mentions", "times", "places", "actors", "claims", "events"})
"""What a stage may require or assign. ``doc`` (the parse) is there before any stage runs."""


@dataclass(frozen=True)
class StageSpec:
    """A registered stage: its name, version, factory and what it reads and writes."""

    name: str
    version: str
    factory: StageFactory
    assigns: tuple[str, ...]
    requires: tuple[str, ...]

    @property
    def key(self) -> str:
        return f"{self.name}.v{self.version}"


_STAGES: dict[str, StageSpec] = {}


def stage(
    name: str, version: str, *, assigns: tuple[str, ...], requires: tuple[str, ...] = ("doc",)
) -> Callable[[StageFactory], StageFactory]:
    """Register a stage factory under ``name.v<version>``."""
    unknown = (set(assigns) | set(requires)) - DOCUMENT_PARTS
    if unknown:
        raise ConfigError(f"stage {name}.v{version} names unknown document parts: {sorted(unknown)}")

    def register(factory: StageFactory) -> StageFactory:
        spec = StageSpec(name, version, factory, tuple(assigns), tuple(requires))
        _STAGES[spec.key] = spec
        return factory

    return register


def get_stage(key: str) -> StageSpec:
    """The stage registered as ``key`` (``name.vN``), importing its module on first use."""
    if key not in _STAGES:
        name, _, version = key.rpartition(".v")
        if not name or not version:
            raise ConfigError(f"stage {key!r} is not of the form name.vN, e.g. places.v1")
        _load_stage_module(name)
    try:
        return _STAGES[key]
    except KeyError:
        known = ", ".join(sorted(_STAGES)) or "none"
        raise ConfigError(f"no stage registered as {key!r} (known: {known})") from None


def _load_stage_module(name: str) -> None:
    for entry in entry_points(group="wirecoder.stages"):
        if entry.name == name:
            entry.load()
            return
    try:
        importlib.import_module(f"wirecoder.stages.{name}")
    except ModuleNotFoundError as error:
        if error.name != f"wirecoder.stages.{name}":
            raise
        raise ConfigError(f"no stage module named {name!r}") from None


def check_order(specs: list[StageSpec]) -> None:
    """Fail unless every stage's requirements are assigned by a stage before it."""
    available = {"doc"}
    for spec in specs:
        missing = set(spec.requires) - available
        if missing:
            raise ConfigError(
                f"stage {spec.key} requires {sorted(missing)}, which no earlier stage assigns"
            )
        available.update(spec.assigns)
