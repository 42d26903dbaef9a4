"""One loader for language data: TOML files validated against a typed model.

Word lists and rule tables live as data beside the stage that reads them
(``stages/<stage>/data/*.toml``), the shared ones here in ``lexicon/data/``. Each file is read
into a pydantic model that refuses unknown keys, values of the wrong type and a word listed twice,
with an error that names the file and the entry, so a typo in a list fails at set-up, not silently
at run time.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from importlib.resources import files
from typing import Annotated, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError

from .._errors import ConfigError


class Lexicon(BaseModel):
    """Base of every data-file model: unknown keys are errors and loaded data is read-only."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


def _listed_once(value: object) -> object:
    """A word list written as one whitespace-separated string or as an array of strings (phrases
    need the array); either way a word may appear only once."""
    items: object = value.split() if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        return value  # pydantic reports the wrong type
    seen: set[str] = set()
    twice = sorted({item for item in items if item in seen or seen.add(item)})  # type: ignore[func-returns-value]
    if twice:
        raise ValueError(f"listed more than once: {', '.join(repr(item) for item in twice)}")
    return tuple(items)


def _as_frozenset(value: object) -> object:
    return frozenset(value) if isinstance(value, tuple) else value


Words = Annotated[frozenset[str], BeforeValidator(_as_frozenset), BeforeValidator(_listed_once)]
"""A set of words: ``"say tell add"`` or ``["say", "go on"]``, each listed once."""

OrderedWords = Annotated[tuple[str, ...], BeforeValidator(_listed_once)]
"""Words whose order matters (alternatives of a pattern tried in turn), each listed once."""

LexiconT = TypeVar("LexiconT", bound=BaseModel)


def load(package: str, name: str, model: type[LexiconT]) -> LexiconT:
    """Read ``data/<name>.toml`` beside ``package`` (a dotted package name) into ``model``."""
    resource = files(package).joinpath("data", f"{name}.toml")
    return parse(resource.read_text(encoding="utf-8"), f"{package}: data/{name}.toml", model)


def parse(text: str, origin: str, model: type[LexiconT]) -> LexiconT:
    """Validate TOML ``text`` against ``model``; errors name ``origin`` and each bad entry."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{origin}: not valid TOML: {error}") from None
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise ConfigError(f"{origin}: {_problems(error.errors())}") from None


def _problems(errors: Iterable[object]) -> str:
    lines = []
    for error in errors:
        assert isinstance(error, dict)
        where = ".".join(
            str(part) for part in error["loc"] if not str(part).startswith("function-")
        )
        lines.append(f"{where or 'file'}: {error['msg']}")
    return "; ".join(lines)
