"""Scorers that measure wirecoder against gold data, the way published figures were computed.

One module per task (``attribution``, ``geoparsing``, ``timex``, ``events``, ``records``); each
has an ``evaluate(...)`` function returning a :class:`Report`, which ``wirecoder eval ...``
prints.
"""

from ._report import Report, Scores, prf

__all__ = ["Report", "Scores", "prf"]
