"""The ``claims.v1`` stage: attributions (source, cue, content) and the chain of relays from the
publisher to the first-hand source."""

from ._stage import make_claims

__all__ = ["make_claims"]
