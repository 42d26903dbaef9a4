"""Places: find every toponym, put it on the map, and say how precisely (UCDP where_prec).

Recognition (``_recognize``) combines the parse's entities with gazetteer matching; the
article's focus area (the countries in the settings and those the article names) vouches for a
town the tagger misses where the sentence puts ground ("shells hit Soledar"), and ships and
outlets are kept out (``_unplaced``); resolution (``_resolve``) picks GeoNames or supplement
entries with population, feature type, the article's other places, the dateline and the
conflict areas in the settings, then the text's own geography (``_geography``: "Krasnyi Yar,
some 10 km from Pokrovsk", "Lyman in Donetsk region") chooses among namesakes or places a
village by its anchor; relative phrases (``_relative``) become places of their own that keep
anchor and direction. The words they read are data (``data/*.toml``, loaded by ``_lexicon``).
Mentions of one place in one role are one :class:`Place`; "Moscow said" (metonym) and "in
Moscow" (location) are two, so events never take a government's voice for their location.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, TypeGuard

from spacy.language import Language

from ..._document import Document
from ..._registry import Settings, StageFn, stage
from ...gazetteer import Entry, Gazetteer, load, name_key, road_regions
from ...schema import Place, Span, StageRef
from ...schema._places import RelativeLocation, WherePrecision
from ._dateline import dateline_entry
from ._geography import Placement, haversine_km
from ._recognize import Candidate, Recognizer
from ._relative import (
    RelativePhrase,
    anaphor_at,
    antecedent,
    bearing,
    direction_word,
    find_phrases,
    offset,
)
from ._relative import anchor_start as name_start
from ._resolve import Resolution, Resolver, feature_of, precision_of

STAGE = StageRef(name="places", version="1")


class PlacesSettings(Settings):
    """Where the gazetteer is, and which conflict areas resolution leans towards."""

    gazetteer: str = ""
    """Index path; empty means $WIRECODER_GAZETTEER or the user cache (built on first use)."""
    focus_countries: tuple[str, ...] = ()
    """ISO codes of the conflict areas the desk watches."""


@stage("places", "1", assigns=("places",), settings=PlacesSettings)
def make_places(nlp: Language, settings: PlacesSettings) -> StageFn:
    """Load the gazetteer once; return the per-document stage."""
    path = settings.gazetteer
    gazetteer = load(Path(path) if path else None)
    recognizer = Recognizer(gazetteer)
    focus = settings.focus_countries
    resolver = Resolver(gazetteer, focus)
    regions = road_regions()

    def road_entries(candidate: Candidate) -> list[Entry]:
        """An unlisted T or O road lies in the oblast its number names."""
        region = regions.get(candidate.name[1:3]) if candidate.name[:1] in ("T", "O") else None
        return (
            [entry for entry in gazetteer.lookup(region) if entry.fcode == "ADM1"] if region else []
        )

    def places(document: Document) -> None:
        dateline = dateline_entry(gazetteer, resolver, document.article.dateline)
        candidates = recognizer(document.doc)
        resolved = resolver.resolve(candidates, dateline)
        points = tuple(
            (entry.latitude, entry.longitude)
            for entry in _entries(resolved)
            if entry.fclass in ("P", "H", "R") or entry.fcode == "ADM2"
        )
        area = frozenset(focus) | {entry.country for entry in _entries(resolved) if entry.country}
        if points or area:
            candidates = recognizer(document.doc, points, area)
            resolved = resolver.resolve(candidates, dateline)
        built: dict[tuple[str, str], Place] = {}
        by_start: dict[int, Place] = {}
        ordered: list[tuple[int, Place]] = []
        for candidate, resolution in zip(candidates, resolved, strict=True):
            entry, weighed = resolution.entry, resolution.weighed
            road = candidate.hint == "road"
            if road and (entry is None or entry.supplement is None):
                fallback = road_entries(candidate)
                entry, weighed = (fallback[0] if fallback else None), weighed + len(fallback)
            identity = (
                entry.key if entry is not None else name_key(candidate.name),
                candidate.role,
            )
            if road and entry is not None and entry.supplement is None:
                identity = (f"road:{candidate.name}", candidate.role)
            if resolution.placed is not None:
                identity = (f"placed:{name_key(candidate.name)}", candidate.role)
            span = document.span(candidate.start, candidate.end)
            place = built.get(identity)
            if place is None:
                number = f"P{len(built) + 1}"
                place = (
                    _placed(number, candidate, resolution.placed, weighed, span)
                    if resolution.placed is not None
                    else _place(number, candidate, entry, weighed, span)
                )
                built[identity] = place
            else:
                place.mentions.append(span)
            by_start[candidate.start] = place
            ordered.append((candidate.start, place))
        relative = _relative_places(document, by_start, ordered, len(built), gazetteer)
        between = _between_places(document, by_start, len(built) + len(relative))
        document.places.extend([*built.values(), *relative, *between])

    return places


def _place(
    place_id: str, candidate: Candidate, entry: Entry | None, weighed: int, span: Span
) -> Place:
    """A new place; an unlisted road takes its oblast's point and names but not its id."""
    road = candidate.hint == "road"
    if entry is None:
        return Place(
            id=place_id,
            stage=STAGE,
            name=candidate.name,
            mentions=[span],
            role=candidate.role,
            feature="road" if road else None,
            candidates=weighed,
        )
    supplement = entry.supplement
    return Place(
        id=place_id,
        stage=STAGE,
        name=candidate.name if road and supplement is None else entry.name,
        mentions=[span],
        role=candidate.role,
        feature="road" if road else feature_of(entry),
        geonames_id=None if road else entry.geonameid,
        supplement_id=supplement.id if supplement else None,
        latitude=entry.latitude,
        longitude=entry.longitude,
        line=list(supplement.line) if supplement and supplement.line else None,
        country_code=entry.country,
        admin1=entry.admin1,
        admin2=entry.admin2,
        precision=5 if road else precision_of(entry),
        candidates=weighed,
    )


def _entries(resolved: list[Resolution]) -> list[Entry]:
    """The gazetteer entries the candidates resolved to."""
    return [resolution.entry for resolution in resolved if resolution.entry is not None]


def _placed(
    place_id: str, candidate: Candidate, placed: Placement, weighed: int, span: Span
) -> Place:
    """A settlement the gazetteer has only elsewhere, put where the text says it lies: beside
    its anchor ("Krasnyi Yar, some 10 km from Pokrovsk") or in its province. Not in the
    gazetteer near there, it is a village (GeoNames lists the towns of 500 people and more)."""
    return Place(
        id=place_id,
        stage=STAGE,
        name=candidate.name,
        mentions=[span],
        role=candidate.role,
        feature="village",
        latitude=placed.latitude,
        longitude=placed.longitude,
        country_code=placed.country,
        admin1=placed.admin1,
        admin2=placed.admin2,
        precision=placed.precision,
        candidates=weighed,
    )


def _relative_places(
    document: Document,
    by_start: dict[int, Place],
    ordered: list[tuple[int, Place]],
    count: int,
    gazetteer: Gazetteer,
) -> list[Place]:
    """One place per relative phrase, anchored on the named place or the last one of its kind;
    the same phrase about the same anchor again ("eastern Ukraine" twice) is one more mention."""
    text = document.text
    result: list[Place] = []
    seen: dict[tuple[str, str | None, float | None, bool], Place] = {}
    for phrase in sorted(find_phrases(text), key=lambda item: item.start):
        anchored = _anchor(text, phrase, by_start, ordered)
        if anchored is None:
            continue
        anchor, end = anchored
        span = document.span(phrase.start, end)
        identity = (anchor.id, phrase.direction, phrase.distance_km, phrase.part)
        if identity in seen:
            seen[identity].mentions.append(span)
            continue
        count += 1
        result.append(_relative_place(count, span, phrase, anchor, gazetteer))
        seen[identity] = result[-1]
    return result


def _anchor(
    text: str,
    phrase: RelativePhrase,
    by_start: dict[int, Place],
    ordered: list[tuple[int, Place]],
) -> tuple[Place, int] | None:
    """The located place a phrase is about, and where the phrase ends: the place named right
    after it ("west of (the) Bakhmut", "from the city of Pokrovsk"), or for "west of the town"
    the town mentioned most."""
    anchor_start = phrase.anchor_start
    if anchor_start not in by_start:
        anchor_start = name_start(text, anchor_start)  # "the town of Bakhmut"
    anchor = by_start.get(anchor_start)
    end = None
    if anchor is not None:
        end = next(span.end for span in anchor.mentions if span.start == anchor_start)
    elif not phrase.part:
        found = anaphor_at(text, phrase.anchor_start)
        if found is not None:
            end, fclass = found
            anchor = antecedent(ordered, phrase.start, fclass)
    if anchor is None or end is None or anchor.role != "location":
        return None
    if phrase.part and _placed_in_its_country(text, phrase.start, anchor, ordered):
        return None
    return anchor, end


def _relative_place(
    number: int, span: Span, phrase: RelativePhrase, anchor: Place, gazetteer: Gazetteer
) -> Place:
    """The place a relative phrase names, with its anchor, direction and distance."""
    latitude, longitude = _relative_point(phrase, anchor, gazetteer)
    return _phrase_place(
        number,
        span,
        feature="region" if phrase.part and anchor.feature == "country" else anchor.feature,
        geonames_id=None,
        latitude=latitude,
        longitude=longitude,
        country_code=anchor.country_code,
        admin1=anchor.admin1,
        admin2=anchor.admin2,
        precision=_relative_precision(phrase, anchor),
        relative=RelativeLocation(
            anchor_id=anchor.id,
            direction=direction_word(phrase.direction),
            distance_km=phrase.distance_km,
            span=span,
        ),
    )


def _relative_point(
    phrase: RelativePhrase, anchor: Place, gazetteer: Gazetteer
) -> tuple[float | None, float | None]:
    """Where the phrase puts the place: the towns of that part of a country or province, or the
    anchor's point moved by the distance along the direction."""
    latitude, longitude = anchor.latitude, anchor.longitude
    if phrase.part and anchor.feature in ("country", "admin1") and anchor.country_code:
        assert phrase.direction is not None  # a part is named by its direction: "eastern"
        part = gazetteer.part_centre(
            anchor.country_code,
            anchor.admin1 if anchor.feature == "admin1" else None,
            bearing(phrase.direction),
        )
        return part or (latitude, longitude)
    if latitude is not None and longitude is not None:
        return offset(latitude, longitude, phrase.direction, phrase.distance_km)
    return latitude, longitude


def _relative_precision(phrase: RelativePhrase, anchor: Place) -> WherePrecision | None:
    """UCDP where_prec of a relative place: a part keeps its anchor's (a country's part is a
    region, 4); beside a town within 25 km is 2, else no finer than 3."""
    if phrase.part:  # eastern Ukraine: a region of the country; western Bakhmut: in the town
        return 4 if anchor.precision == 6 else anchor.precision
    near = anchor.precision in (1, 2) and (phrase.distance_km or 0) <= 25
    return 2 if near else max(anchor.precision or 3, 3)


def _phrase_place(number: int, span: Span, **located: Any) -> Place:
    """A place the words of a phrase make ("west of the town", "between X and Y")."""
    return Place(
        id=f"P{number}", stage=STAGE, name=span.text, mentions=[span], role="location", **located
    )


_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?")
_AND = re.compile(r"\s+and\s+(?:the\s+)?")


def _on_the_map(place: Place | None) -> TypeGuard[Place]:
    """A located place with coordinates, which a "between" place can be drawn from."""
    return (
        place is not None
        and place.role == "location"
        and place.latitude is not None
        and place.longitude is not None
    )


def _between_places(document: Document, by_start: dict[int, Place], count: int) -> list[Place]:
    """ "between Bakhmut and Soledar": a place of its own between two located places, at their
    midpoint, with UCDP precision 5 (between places), keeping both as anchors."""
    text = document.text
    result: list[Place] = []
    for match in _BETWEEN.finditer(text):
        first = by_start.get(match.end())
        if not _on_the_map(first):
            continue
        first_end = next(span.end for span in first.mentions if span.start == match.end())
        joint = _AND.match(text, first_end)
        second = by_start.get(joint.end()) if joint else None
        if joint is None or not _on_the_map(second) or first.id == second.id:
            continue
        end = next(span.end for span in second.mentions if span.start == joint.end())
        span = document.span(match.start(), end)
        count += 1
        (first_lat, first_lon), (second_lat, second_lon) = _point(first), _point(second)
        result.append(
            _phrase_place(
                count,
                span,
                feature="between",
                latitude=(first_lat + second_lat) / 2,
                longitude=(first_lon + second_lon) / 2,
                country_code=(
                    first.country_code if first.country_code == second.country_code else None
                ),
                admin1=first.admin1 if first.admin1 == second.admin1 else None,
                precision=_between_precision(first, second),
                relative=RelativeLocation(anchor_id=first.id, between_id=second.id, span=span),
            )
        )
    return result


def _point(place: Place) -> tuple[float, float]:
    """The coordinates of a place on the map (see :func:`_on_the_map`)."""
    assert place.latitude is not None and place.longitude is not None
    return place.latitude, place.longitude


def _between_precision(first: Place, second: Place) -> WherePrecision:
    """UCDP where_prec of a stretch between two places: within 25 km of a named place (2) when
    both are exact and close together, else "between places" (5)."""
    apart = haversine_km(*_point(first), *_point(second))
    return 2 if first.precision == second.precision == 1 and apart <= 50 else 5


def _placed_in_its_country(
    text: str, start: int, anchor: Place, ordered: list[tuple[int, Place]]
) -> bool:
    """ "Ukraine's eastern Donetsk province" says where the province lies in Ukraine; it is the
    province itself, not its eastern part."""
    owner = _POSSESSIVE.search(text, max(0, start - 4), start)
    return (
        anchor.feature == "admin1"
        and owner is not None
        and any(
            place.feature == "country"
            and place.country_code == anchor.country_code
            and any(span.end == owner.start() for span in place.mentions)
            for _, place in ordered
        )
    )


_POSSESSIVE = re.compile(r"['’]s\s+$")
