"""What the corpus step knows about one stored event mention, one claim and one article.

Plain frozen records: the database step loads them, and the rules (stories, clusters, origins)
are pure functions over them, so they can be tested on hand-made records.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

OPENING = 300
"""Characters of an article's opening lines, where its subject is named."""


@dataclass(frozen=True)
class Voice:
    """A claim: who it comes from (the originator at the end of its chain, and the source as the
    report wrote it), its stance, and where its words stand in the article."""

    claim_id: int
    origin: int
    """The originator's actor id."""
    name: str
    written: str | None = None
    kind: str | None = None
    country: str | None = None
    """ISO 3166 alpha-3, as the claims stage gives it."""
    stance: str = "asserted"
    attributed: bool = True
    content: str = ""
    position: int | None = None
    article_id: int | None = None


@dataclass(frozen=True)
class PlaceMention:
    """A resolved place named in an article, where and in which role."""

    place_id: int
    name: str
    latitude: float | None
    longitude: float | None
    country_code: str | None
    precision: int | None
    start: int
    role: str = "location"
    admin1: str | None = None


@dataclass(frozen=True)
class ArticleFacts:
    """What the corpus step reads about a report beside its events."""

    id: int
    digest: str = ""
    """The content hash: ties are broken on it, never on database ids, so the result is a
    function of the stored set and not of the order it was stored in."""
    publisher: str | None = None
    published: dt.date | None = None
    published_at: dt.datetime | None = None
    claims: tuple[Voice, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    speech: frozenset[int] = frozenset()
    """Claims a denial or an accusation in the report rests on (events of type REJECT or
    ACCUSE): what a source says about an attack."""

    @property
    def named_countries(self) -> frozenset[str]:
        """Countries the article names, as a place, an adjective or a government speaking
        ("in Ukraine", "Russian missile", "Moscow said")."""
        return frozenset(p.country_code for p in self.places if p.precision == 6 and p.country_code)

    @property
    def focus_country(self) -> str | None:
        """The country the article is about: the one its located places point to most, those in
        the opening lines counting double, and places in a country the article never names while
        naming others a quarter (a "Kani" resolved to Japan in a report on Myanmar)."""
        named = self.named_countries
        scores: dict[str, float] = {}
        first: dict[str, int] = {}
        for place in self.places:
            code = place.country_code
            if not code or place.role != "location":
                continue
            weight = (2.0 if place.start < OPENING else 1.0) * (
                1.0 if not named or code in named else 0.25
            )
            scores[code] = scores.get(code, 0.0) + weight
            first[code] = min(first.get(code, place.start), place.start)
        if not scores:
            return None
        return min(scores, key=lambda code: (-scores[code], first[code]))

    def credible(self, country: str | None) -> bool:
        """Whether a place in ``country`` can be where this article's events are: in the country
        it is about, one it names, or any when it names none."""
        named = self.named_countries
        return country is None or not named or country in named or country == self.focus_country

    def places_between(self, start: int, end: int) -> list[PlaceMention]:
        """Located places named in ``[start, end)``, in text order."""
        return sorted(
            (p for p in self.places if start <= p.start < end and p.role == "location"),
            key=lambda p: p.start,
        )


@dataclass(frozen=True)
class EventRecord:
    """What the clustering needs to know about one stored event mention."""

    id: int
    article_id: int
    type: str
    date_start: dt.date | None
    date_end: dt.date | None
    place_id: int | None = None
    place_name: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    country_code: str | None = None
    where_precision: int | None = None
    admin1: str | None = None
    actor_key: str | None = None
    actor_country: str | None = None
    actor_named: bool | None = None
    """Whether the attacker is a named actor (a catalogued force or group), not a description
    ("gunmen", "a suicide bomber"); None when unknown."""
    recipient_key: str | None = None
    negated: bool = False
    mode: str | None = None
    trigger: str = ""
    killed: tuple[int | None, int | None, int | None] = (None, None, None)
    injured: tuple[int | None, int | None, int | None] = (None, None, None)
    claims: tuple[tuple[int, int], ...] = ()
    """(claim id, origin actor id) of the claims the event rests on."""
    publisher_origin: int | None = None
    """The publisher's actor id: the report's own voice."""
    speculative: bool = False
    """Foreseen or supposed, not said to have happened: never folded with other reports, nor
    counted as corroboration."""
    origin_keys: tuple[tuple[int, str], ...] = ()
    """(origin actor id, actor key) of the claims' originators, to fold vaguer descriptions."""
    approximate_date: bool = False
    """The dates are the days before publication, not what the report said."""
    historical: bool = False
    position: int | None = None
    """Where the trigger starts in the article."""
    sentence: str = ""
    sentence_start: int | None = None
    dated_by_text: bool = True
    """False when the stored dates are the fallback window before publication."""
    date_precision: int | None = None
    """UCDP date precision of the text's date: 1 the day itself, 2-3 within some days."""
    vague_date: bool = False
    """The words dating it are vague ("earlier this week"), whatever day they resolved to."""
    voices: tuple[Voice, ...] = ()
    """The claims the event rests on, with who they come from."""
    weapons: frozenset[str] = frozenset()
    targets: frozenset[str] = frozenset()
    published: dt.date | None = None
    """Its report's publication day."""
    reported: bool = False
    """Told inside a denial or accusation ("accused government forces of shelling their own
    positions"): a party's account of an event, not a new one."""
    segment: tuple[int, int] | None = None
    """Where the part of its sentence about it starts and ends: a sentence moving to another
    day ("..., a day after a strike on a school killed 22") tells two events."""

    @property
    def origins(self) -> set[int]:
        if self.claims:
            return {origin for _, origin in self.claims}
        return {self.publisher_origin} if self.publisher_origin is not None else set()

    @property
    def killed_best(self) -> int | None:
        return best_of(self.killed)

    @property
    def injured_best(self) -> int | None:
        return best_of(self.injured)

    @property
    def offset(self) -> int | None:
        """Where the trigger starts in its sentence."""
        if self.position is None or self.sentence_start is None:
            return None
        return self.position - self.sentence_start

    @property
    def precise_day(self) -> bool:
        """Dated to one day by the text's own words ("on Tuesday", not "earlier this week")."""
        return (
            self.date_start is not None
            and self.date_start == self.date_end
            and self.date_precision in (None, 1)
            and not self.vague_date
        )


def best_of(count: tuple[int | None, int | None, int | None]) -> int | None:
    """A count's best figure, else its low bound, else its high bound."""
    low, best, high = count
    return best if best is not None else (low if low is not None else high)


def distance_km(a: EventRecord, b: EventRecord) -> float | None:
    """Great-circle distance between two events' places, None when either has no coordinates."""
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))
