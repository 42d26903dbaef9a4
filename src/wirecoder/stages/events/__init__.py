"""The ``events.v1`` stage: PLOVER events with their actor, recipient, place, date, fatalities
and the claims each rests on."""

from ._stage import make_events
from ._where import place_of_trigger

__all__ = ["make_events", "place_of_trigger"]
