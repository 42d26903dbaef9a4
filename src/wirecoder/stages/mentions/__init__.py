"""The ``mentions.v1`` stage: the parse's named entities as mentions with spans."""

from ._stage import make_mentions

__all__ = ["make_mentions"]
