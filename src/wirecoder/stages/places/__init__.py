"""The ``places.v1`` stage: toponyms recognised, resolved to GeoNames entries with coordinates
and a UCDP precision code, relative phrases ("10 km north of X") and anaphors ("the city")."""

from ._relative import ANAPHORS, antecedent, find_phrases
from ._stage import make_places

__all__ = ["ANAPHORS", "antecedent", "find_phrases", "make_places"]
