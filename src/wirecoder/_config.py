"""One config wires the pipeline: the spaCy model, the stage list, and each stage's settings."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from importlib.resources import files
from pathlib import Path
from typing import Any

from ._errors import ConfigError
from ._registry import check_settings


@dataclass(frozen=True)
class Config:
    """A pipeline configuration, as read from TOML."""

    model: str
    stages: tuple[str, ...]
    settings: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    batch_size: int = 32
    window_chars: int = 30_000
    """A longer text is analysed in windows of at most this many characters (cut at paragraph
    breaks), so its cost is linear in its length."""

    @classmethod
    def default(cls) -> Config:
        text = files("wirecoder").joinpath("default.toml").read_text(encoding="utf-8")
        return cls.from_toml(text, "the default config")

    @classmethod
    def from_path(cls, path: Path) -> Config:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise ConfigError(f"{path}: cannot read config: {error.strerror}") from None
        return cls.from_toml(text, str(path))

    @classmethod
    def from_toml(cls, text: str, origin: str) -> Config:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(f"{origin}: not valid TOML: {error}") from None
        try:
            nlp = data["nlp"]
            stages = tuple(data["pipeline"]["stages"])
        except (KeyError, TypeError) as error:
            raise ConfigError(
                f"{origin}: missing {error} (needs [nlp] model and [pipeline] stages)"
            ) from None
        config = cls(
            model=str(nlp["model"]),
            stages=stages,
            settings=dict(data.get("stages", {})),
            batch_size=int(nlp.get("batch_size", 32)),
            window_chars=int(nlp.get("window_chars", 30_000)),
        )
        if config.window_chars < 1000 or config.batch_size < 1:
            raise ConfigError(f"{origin}: [nlp] window_chars must be >= 1000, batch_size >= 1")
        try:
            check_settings(config.settings)
        except ConfigError as error:
            raise ConfigError(f"{origin}: {error}") from None
        return config

    def with_stages(self, stages: tuple[str, ...]) -> Config:
        """The same model and settings running only ``stages``."""
        return replace(self, stages=stages)

    def with_model(self, model: str | None) -> Config:
        """The same config with another spaCy model, or unchanged when ``model`` is None."""
        return self if model is None else replace(self, model=model)
