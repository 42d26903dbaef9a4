"""The ``certainty.v1`` stage: estimative words in a claim placed on the PHIA and ICD 203
yardsticks."""

from ._stage import make_certainty

__all__ = ["make_certainty"]
