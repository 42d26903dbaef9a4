"""Situation reports and query tables built from the store."""

from __future__ import annotations

from ._render import (
    SITREP_FORMATS,
    TimelineDay,
    map_png,
    timeline_days,
    timeline_png,
    to_html,
    to_markdown,
)
from ._sitrep import Incident, SituationReport, Voice, area_name, build
from ._tables import ROW_FORMATS, render_rows

__all__ = [
    "ROW_FORMATS",
    "SITREP_FORMATS",
    "Incident",
    "SituationReport",
    "TimelineDay",
    "Voice",
    "area_name",
    "build",
    "map_png",
    "render_rows",
    "timeline_days",
    "timeline_png",
    "to_html",
    "to_markdown",
]
