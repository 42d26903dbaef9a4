"""The ``times.v1`` stage: time expressions found and normalised to TIMEX3 against the
publication date (or the time in focus), with an interval and a UCDP date precision."""

from ._calendar import Period, date_precision
from ._normalize import Normalized, recognize
from ._resolution import Anchor, Candidate, Tense
from ._rules import RULES
from ._scan import find_candidates
from ._stage import make_times

__all__ = [
    "RULES",
    "Anchor",
    "Candidate",
    "Normalized",
    "Period",
    "Tense",
    "date_precision",
    "find_candidates",
    "make_times",
    "recognize",
]
