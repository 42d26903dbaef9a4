"""The stage registry: stages are small functions registered under versioned names.

A stage is built by a factory ``factory(nlp, settings) -> StageFn`` so it can load its resources
(gazetteer, lexicons) once per process; the built function is then called once per document.
Like spaCy's components, each stage declares which parts of the document it requires and which
it assigns, and the pipeline checks the order before it runs anything. A stage may also read a
part it can do without (``reads``): when the pipeline has a stage that assigns it, that stage
must run first. Its settings are a typed
model (a subclass of :class:`Settings`): a misspelled setting is an error that names it.

Stages are found by name: ``places.v1`` lives in the package ``wirecoder.stages.places``. Other
packages add stages through the ``wirecoder.stages`` entry-point group.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from ._errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language

    from ._document import Document

StageFn = Callable[["Document"], None]

DOCUMENT_PARTS = frozenset({"doc", "mentions", "times", "places", "actors", "claims", "events"})
"""What a stage may require or assign. ``doc`` (the parse) is there before any stage runs."""


class Settings(BaseModel):
    """Base of a stage's settings: unknown keys are errors, values are checked and read-only."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class NoSettings(Settings):
    """The settings of a stage that has none."""


SettingsT = TypeVar("SettingsT", bound=Settings)
StageFactory = Callable[["Language", SettingsT], StageFn]


@dataclass(frozen=True)
class StageSpec:
    """A registered stage: its name, version, factory, settings model, and what it reads and
    writes."""

    name: str
    version: str
    factory: Callable[[Language, Any], StageFn]
    assigns: tuple[str, ...]
    requires: tuple[str, ...]
    settings: type[Settings] = NoSettings
    reads: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.name}.v{self.version}"

    def configure(self, values: Mapping[str, Any] | Settings | None = None) -> Settings:
        """The stage's settings from a config table; an unknown or ill-typed one is an error."""
        if isinstance(values, Settings):
            return values
        try:
            return self.settings.model_validate(dict(values or {}))
        except ValidationError as error:
            problems = "; ".join(
                f"{'.'.join(str(part) for part in problem['loc'])}: {problem['msg']}"
                for problem in error.errors()
            )
            known = ", ".join(self.settings.model_fields) or "none"
            raise ConfigError(
                f"settings of stage {self.key}: {problems} (its settings: {known})"
            ) from None

    def build(self, nlp: Language, values: Mapping[str, Any] | Settings | None = None) -> StageFn:
        """Load the stage's resources and return the function that runs it on a document."""
        return self.factory(nlp, self.configure(values))


_STAGES: dict[str, StageSpec] = {}


def stage(
    name: str,
    version: str,
    *,
    assigns: tuple[str, ...],
    requires: tuple[str, ...] = ("doc",),
    reads: tuple[str, ...] = (),
    settings: type[SettingsT] = NoSettings,  # type: ignore[assignment]
) -> Callable[[StageFactory[SettingsT]], StageFactory[SettingsT]]:
    """Register a stage factory under ``name.v<version>``: the parts it ``assigns``, those it
    ``requires`` an earlier stage to assign, those it ``reads`` when present, and the model of
    its settings."""
    unknown = (set(assigns) | set(requires) | set(reads)) - DOCUMENT_PARTS
    if unknown:
        raise ConfigError(
            f"stage {name}.v{version} names unknown document parts: {sorted(unknown)}"
        )

    def register(factory: StageFactory[SettingsT]) -> StageFactory[SettingsT]:
        spec = StageSpec(
            name, version, factory, tuple(assigns), tuple(requires), settings, tuple(reads)
        )
        _STAGES[spec.key] = spec
        return factory

    return register


def get_stage(key: str) -> StageSpec:
    """The stage registered as ``key`` (``name.vN``), importing its package on first use."""
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


def check_settings(settings: Mapping[str, Mapping[str, Any]]) -> None:
    """Fail on a settings table for a stage that does not exist or a setting it does not have."""
    for key, values in settings.items():
        get_stage(key).configure(values)


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
    """Fail unless every stage's requirements are assigned by a stage before it, and no part a
    stage reads is assigned by a stage after it."""
    available = {"doc"}
    for position, spec in enumerate(specs):
        missing = set(spec.requires) - available
        if missing:
            raise ConfigError(
                f"stage {spec.key} requires {sorted(missing)}, which no earlier stage assigns"
            )
        for later in specs[position + 1 :]:
            late = sorted(set(spec.reads) & set(later.assigns))
            if late:
                raise ConfigError(
                    f"stage {spec.key} reads {late}, which {later.key} assigns after it: "
                    f"put {later.key} first"
                )
        available.update(spec.assigns)
