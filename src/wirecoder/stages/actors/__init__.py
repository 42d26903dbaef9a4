"""The ``actors.v1`` stage: who takes part, as catalog entries with country and sector."""

from ._stage import make_actors

__all__ = ["make_actors"]
