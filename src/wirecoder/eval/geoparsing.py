"""Geoparsing on GeoWebNews, scored the way EUPEG (Wang & Hu 2019) scores geoparsers.

EUPEG's ``Utils.calculateScores`` reads one line per article of
``name,,surface,,lat,,lon,,start,,end`` records separated by ``||``, drops records without
coordinates, and then, for each gold toponym in order, takes the first remaining system toponym
whose span midpoint lies less than 10 characters from the gold midpoint and whose surface string is
the same ignoring case (the string test is commented out in the repository's current code, but only
with it do the archived outputs give the published figures); each system toponym matches at most
once. Unmatched gold toponyms are false negatives, unmatched system toponyms false positives. Over
the matched pairs it measures the haversine error (earth radius 6,371 km): accuracy@161 (error < 161
km), mean and median error, and the AUC of the sorted ``log(1 + error) / log(20039)`` curve by the
trapezoidal rule. :func:`score` does exactly that, so the archived peer outputs reproduce EUPEG's
published rows.

Our own row is scored on ``GWN.xml`` itself. GeoWebNews annotates helper spans too: the
``*_Expression`` and ``Non_Toponym`` types are not toponyms. Of the toponym types, ``Demonym``,
``Homonym`` and ``Language`` carry no coordinates in GWN (EUPEG's gold leaves them out as well), so
the gold we count is every toponym of the types in :data:`COUNTED_TYPES` that has coordinates,
literal and metonymic alike (as EUPEG's gold). A prediction overlapping an uncounted toponym
("the Syrians") is neither right nor wrong and is set aside. Our row matches by overlapping span,
one to one. A second row scores our output against EUPEG's own gold file with EUPEG's rule, so it
sits beside the peers on equal terms.
"""

from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._report import Report, prf

MAX_ERROR_KM = 20039.0
"""Half the earth's circumference: the largest possible error, which normalises the AUC."""
EARTH_RADIUS_KM = 6371.0
ACCURACY_RADIUS_KM = 161.0
EUPEG_MIDPOINT_SLACK = 10
"""EUPEG matches same-string toponyms whose span midpoints are less than this many characters
apart."""

COUNTED_TYPES = frozenset(
    {
        "Literal",
        "Literal_Modifier",
        "Non_Literal_Modifier",
        "Metonymic",
        "Mixed",
        "Coercion",
        "Embedded_Literal",
        "Embedded_Non_Lit",
    }
)
"""GWN toponym types with coordinates; Demonym, Homonym and Language have none."""

PUBLISHED = {"Edinburgh": 0.921, "CLAVIN": 0.937, "CamCoder": 0.839}
"""EUPEG's published accuracy@161 on GeoWebNews, which the archived outputs must reproduce."""
PUBLISHED_F1 = {"Edinburgh": 0.650, "CLAVIN": 0.549, "CamCoder": 0.691}
"""EUPEG's published toponym-recognition F1 on GeoWebNews."""


@dataclass(frozen=True)
class Toponym:
    """A toponym by character offsets, with the point it was resolved to (if any)."""

    start: int
    end: int
    latitude: float | None
    longitude: float | None
    name: str = ""

    @property
    def located(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def point(self) -> tuple[float, float]:
        """(lat, lon) of a located toponym."""
        if self.latitude is None or self.longitude is None:
            raise ValueError(f"toponym {self.name!r} has no coordinates")
        return self.latitude, self.longitude


@dataclass(frozen=True)
class GwnArticle:
    """One GeoWebNews article: its text, the counted gold toponyms and the uncounted spans."""

    text: str
    gold: list[Toponym]
    uncounted: list[Toponym]


@dataclass(frozen=True)
class GeoScores:
    """Recognition counts and the errors (km) of matched toponyms."""

    tp: int
    predicted: int
    gold: int
    errors_km: list[float]

    def row(self, system: str) -> dict[str, Any]:
        scores = prf(self.tp, self.predicted, self.gold)
        errors = sorted(self.errors_km)
        return {
            "system": system,
            "precision": scores.precision,
            "recall": scores.recall,
            "f1": scores.f1,
            "acc@161": accuracy_at(errors),
            "mean_km": mean(errors),
            "median_km": statistics.median(errors) if errors else 0.0,
            "auc": auc(errors),
            "matched": len(errors),
            "predicted": self.predicted,
            "gold": self.gold,
        }


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on a sphere of EUPEG's radius."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    a = math.sin(math.radians(lat2 - lat1) / 2) ** 2 + math.sin(
        math.radians(lon2 - lon1) / 2
    ) ** 2 * math.cos(phi1) * math.cos(phi2)
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


def accuracy_at(errors: Sequence[float], radius: float = ACCURACY_RADIUS_KM) -> float:
    return sum(error < radius for error in errors) / len(errors) if errors else 0.0


def mean(errors: Sequence[float]) -> float:
    return sum(errors) / len(errors) if errors else 0.0


def auc(sorted_errors: Sequence[float]) -> float:
    """Area under the sorted log-error curve, trapezoidal, normalised to [0, 1] (lower is
    better)."""
    if len(sorted_errors) < 2:
        return 0.0
    heights = [math.log(1 + error) / math.log(MAX_ERROR_KM) for error in sorted_errors]
    return (sum(heights) - (heights[0] + heights[-1]) / 2) / (len(heights) - 1)


def _eupeg_match(gold: Toponym, guess: Toponym) -> bool:
    close = abs((gold.start + gold.end) / 2 - (guess.start + guess.end) / 2) < EUPEG_MIDPOINT_SLACK
    return close and gold.name.lower() == guess.name.lower()


def overlaps(gold: Toponym, guess: Toponym) -> bool:
    return guess.start < gold.end and gold.start < guess.end


def score(
    predicted: Iterable[list[Toponym]],
    gold: Iterable[list[Toponym]],
    matches: Callable[[Toponym, Toponym], bool] = _eupeg_match,
) -> GeoScores:
    """EUPEG's greedy one-to-one matching, article by article, over located toponyms only."""
    tp = n_predicted = n_gold = 0
    errors: list[float] = []
    for guesses, truths in zip(predicted, gold, strict=True):
        remaining = [guess for guess in guesses if guess.located]
        n_predicted += len(remaining)
        for truth in (item for item in truths if item.located):
            n_gold += 1
            found = next((guess for guess in remaining if matches(truth, guess)), None)
            if found is None:
                continue
            tp += 1
            remaining.remove(found)
            errors.append(haversine_km(*truth.point, *found.point))
    return GeoScores(tp, n_predicted, n_gold, errors)


def read_eupeg(path: Path) -> list[list[Toponym]]:
    """An EUPEG output or gold file: one list of toponyms per line (article)."""
    articles: list[list[Toponym]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        toponyms: list[Toponym] = []
        for record in line.split("||"):
            fields = record.split(",,")
            if len(record) <= 1 or len(fields) < 6:
                continue
            toponyms.append(
                Toponym(
                    int(fields[4]),
                    int(fields[5]),
                    _coordinate(fields[2]),
                    _coordinate(fields[3]),
                    fields[1],
                )
            )
        articles.append(toponyms)
    return articles


def _coordinate(value: str) -> float | None:
    return None if not value or value.lower() == "null" else float(value)


def read_gwn(path: Path) -> list[GwnArticle]:
    """GeoWebNews articles with gold toponyms split into counted and uncounted ones."""
    articles: list[GwnArticle] = []
    for node in ET.parse(path).getroot().iter("article"):
        counted: list[Toponym] = []
        uncounted: list[Toponym] = []
        for item in node.iter("toponym"):
            kind = item.findtext("type") or ""
            if kind.endswith("_Expression") or kind == "Non_Toponym":
                continue
            toponym = Toponym(
                int(item.findtext("start") or 0),
                int(item.findtext("end") or 0),
                _coordinate(item.findtext("latitude") or ""),
                _coordinate(item.findtext("longitude") or ""),
                item.findtext("extractedName") or "",
            )
            (counted if kind in COUNTED_TYPES and toponym.located else uncounted).append(toponym)
        articles.append(GwnArticle(node.findtext("text") or "", counted, uncounted))
    return articles


def geoparse(texts: Sequence[str]) -> list[list[Toponym]]:
    """Run the parse, ``mentions`` and ``places`` stages; one toponym per located mention.

    Relative phrases ("west of the town") are places of their own but not toponyms: left out."""
    from ..schema import Article
    from ._run import analyses

    articles = (Article(text=text) for text in texts)
    return [
        [
            Toponym(span.start, span.end, place.latitude, place.longitude, span.text)
            for place in analysis.places
            if place.relative is None
            for span in place.mentions
        ]
        for analysis in analyses(("mentions.v1", "places.v1"), articles)
    ]


def _set_aside(predicted: list[Toponym], uncounted: list[Toponym]) -> list[Toponym]:
    """Drop predictions that overlap a toponym GWN leaves uncounted (neither right nor wrong)."""
    return [guess for guess in predicted if not any(overlaps(item, guess) for item in uncounted)]


def evaluate(gwn: Path, eupeg: Path | None = None) -> Report:
    """Our stage on GWN.xml and, given EUPEG's folder, the peers' archived outputs beside it."""
    articles = read_gwn(gwn)
    predicted = geoparse([article.text for article in articles])
    ours = score(
        (
            _set_aside(guesses, article.uncounted)
            for guesses, article in zip(predicted, articles, strict=True)
        ),
        (article.gold for article in articles),
        matches=overlaps,
    )
    report = Report(f"Geoparsing on GeoWebNews ({len(articles)} articles)")
    report.add_row("GWN.xml, overlapping spans", **ours.row("wirecoder places.v1"))
    report.notes.append(
        f"counted GWN types: {', '.join(sorted(COUNTED_TYPES))}, with coordinates; "
        "predictions overlapping Demonym/Homonym/Language spans are set aside"
    )
    if eupeg is not None:
        gold = read_eupeg(eupeg / "GeoWebNews_gold.txt")
        table = "EUPEG gold, same string with midpoint within 10 chars"
        report.add_row(table, **score(predicted, gold).row("wirecoder places.v1"))
        for path in sorted(eupeg.glob("GeoWebNews_*.txt")):
            system = path.stem.removeprefix("GeoWebNews_")
            if system != "gold":
                report.add_row(
                    table,
                    **score(read_eupeg(path), gold).row(system),
                    published_acc161=PUBLISHED.get(system),
                    published_f1=PUBLISHED_F1.get(system),
                )
        report.notes.append(
            "EUPEG rows: Utils.calculateScores (greedy, same string and midpoint < 10 "
            "chars, records without coordinates dropped), errors by haversine on 6,371 km"
        )
    return report
