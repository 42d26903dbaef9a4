"""The ``times.v1`` stage: time expressions found and normalised to TIMEX3 against the
publication date (or the time in focus), with an interval and a UCDP date precision."""

from ._calendar import Period, date_precision
from ._stage import make_times
from ._timex import RULES, Anchor, Candidate, Normalized, Tense, find_candidates, recognize

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
