"""The ``headline.v1`` stage: the article's main event, marked ``main`` among its events; and
the rule itself, for analyses read back from JSON."""

from ._rank import Weighed, main_event, rank, stem
from ._stage import make_headline

__all__ = ["Weighed", "main_event", "make_headline", "rank", "stem"]
