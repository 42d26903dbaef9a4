"""Places: toponyms found in the text and resolved to the map."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ._base import Extracted, Model, Span

PlaceRole = Literal["location", "demonym", "metonym"]
"""``location``: a place where something is or happens; ``demonym``: "Turkish" naming Turkey;
``metonym``: "Moscow said", a government speaking, never an event's location."""

WherePrecision = Literal[1, 2, 3, 4, 5, 6, 7]
"""UCDP GED ``where_prec``: 1 exact place, 2 within 25 km of a named place, 3 second-order
administrative division, 4 first-order division, 5 linear feature or between places,
6 country, 7 waters or airspace."""


class RelativeLocation(Model):
    """A place given relative to another ("west of the town"): the anchor and the direction."""

    anchor_id: str = Field(description="Id of the anchor Place.")
    direction: str | None = Field(default=None, description="Compass direction, e.g. 'west'.")
    distance_km: float | None = None
    between_id: str | None = Field(
        default=None, description="Id of the second Place of 'between X and Y' (X is the anchor)."
    )
    span: Span


class Place(Extracted):
    """One place, with every mention of it in the article."""

    name: str = Field(description="Preferred name of the resolved place (or the surface form).")
    mentions: list[Span]
    role: PlaceRole = "location"
    feature: str | None = Field(
        default=None,
        description="What it is: city, village, admin1, admin2, country, river, road, region ...",
    )
    geonames_id: int | None = None
    supplement_id: str | None = Field(
        default=None, description="Id in the curated supplement, for places GeoNames lacks."
    )
    latitude: float | None = None
    longitude: float | None = None
    line: list[tuple[float, float]] | None = Field(
        default=None,
        description="(lat, lon) vertices for a linear feature such as a river or road.",
    )
    country_code: str | None = Field(default=None, description="ISO 3166 alpha-2.")
    admin1: str | None = None
    admin2: str | None = None
    precision: WherePrecision | None = None
    relative: RelativeLocation | None = None
    candidates: int = Field(default=0, description="How many gazetteer candidates were weighed.")
