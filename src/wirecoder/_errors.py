"""The exception tree, grouped by what the caller can do about it.

- ``InputError``: this input is bad; report it, skip it, go on with the rest of the batch.
- ``ConfigError``: the set-up is wrong (unknown stage, model not installed); fix it and rerun.
- ``StoreError``: the database refused or is unreachable; nothing half-written was kept.
- ``OutputError``: the output cannot be written where asked (a directory, a full disk).

``Failure`` is not raised: it is the value a reader or a batch yields in place of an input it
could not use, so the rest of the batch goes on.
"""

from __future__ import annotations

from dataclasses import dataclass


class WirecoderError(Exception):
    """Base of every error wirecoder raises on purpose."""


class InputError(WirecoderError):
    """An input that cannot be read as an article; names the input and what is wrong with it."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ConfigError(WirecoderError):
    """A configuration, model or stage that cannot be used as asked."""


class StoreError(WirecoderError):
    """A database operation that failed; the transaction was rolled back."""


class OutputError(WirecoderError):
    """An output that cannot be written where asked; names the place and why. Nothing
    half-written is left at a regular file's path."""


@dataclass(frozen=True)
class Failure:
    """An input that could not be analysed, and why, so a batch can go on without it."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"
