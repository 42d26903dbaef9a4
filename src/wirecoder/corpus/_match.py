"""When two event reports can be one real-world event, and how well they agree.

The rule that keeps two events apart, stated once:

- **type**: different PLOVER types, or a change of hands against a strike, are different events;
- **day**: two single days the reports' own words give must be the same day (an "overnight"
  attack spans two); a span of days ("earlier this week") or a date that is only the days
  before publication overlaps with a day's slack, and so do two reports of the same target;
- **place**: places farther apart than their precisions allow (``RADIUS_KM`` each: 5 km for an
  exact place, 25 km near one, 150 km for a province ..., and 5 km in all between two different
  exact places) are different events; a province holds its places; a country-wide report folds
  only with another of that country on one named day;
- **weapon and target**: two reports that both name the weapon (``data/weapons.toml``) and name
  no weapon in common are different attacks (drones against ballistic missiles), and so are two
  that both name what was hit and name nothing in common (a school against a house) - unless
  they name the same target, when one account contests what the other says hit it;
- **participants**: two named attackers of different countries, or two named groups of none.

Within one report the day rule has a day's slack (a report's "overnight" and "on Tuesday" are
one attack) and weapons and targets only weigh; the report's own cues ("a day after", "again",
"in a separate incident") tell its events apart.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from ._records import EventRecord, distance_km

RADIUS_KM = {1: 5.0, 2: 25.0, 3: 50.0, 4: 150.0, 5: 50.0, 7: 100.0}
"""How far from its coordinates an event may be, by UCDP where-precision; 6 (country) compares
countries."""
DEFAULT_RADIUS_KM = 25.0
TWO_PLACES_KM = 5.0
"""Two different exact places are one event's only within one town (Kherson and Oleshky, 8 km
apart across the Dnipro, are two)."""
CONTROL_WORDS = re.compile(
    r"captur|seiz|took|taken|take|control|fell|fall|occup|withdr|retreat", re.IGNORECASE
)
CONTROL_MODES = frozenset({"seize", "occupy", "capture"})
DATE_SLACK = dt.timedelta(days=1)
"""The slack of a date that is only the days before publication, and within one report."""
FIGURE_TOLERANCE = 0.2
"""Casualty figures within 20% (or 2 people) of each other are the same figure, not a dispute."""


def is_control(record: EventRecord) -> bool:
    """Whether the event is about who holds ground (captured, fell, withdrew), not a strike."""
    return _control(record.mode, record.trigger)


@functools.lru_cache(maxsize=4096)
def _control(mode: str | None, trigger: str) -> bool:
    return mode in CONTROL_MODES or bool(CONTROL_WORDS.search(trigger))


def places_compatible(a: EventRecord, b: EventRecord) -> str | None:
    """Why the two places can be one, or None when they cannot."""
    if a.place_id is None and b.place_id is None:
        if (
            a.actor_key
            and a.recipient_key
            and (a.actor_key, a.recipient_key) == (b.actor_key, b.recipient_key)
        ):
            return f"no place, same actor and recipient ({a.actor_key} -> {a.recipient_key})"
        return None
    if a.place_id is None or b.place_id is None:
        return _unplaced(a, b)
    if 6 in (a.where_precision, b.where_precision):
        return _country_wide(a, b)
    if a.place_id == b.place_id:
        return f"same place {a.place_name}"
    within = _inside_region(a, b) or _inside_region(b, a)
    if within:
        return within
    distance = distance_km(a, b)
    if distance is None:
        return None
    limit = RADIUS_KM.get(a.where_precision or 0, DEFAULT_RADIUS_KM) + RADIUS_KM.get(
        b.where_precision or 0, DEFAULT_RADIUS_KM
    )
    if a.where_precision == b.where_precision == 1:
        limit = TWO_PLACES_KM
    if distance > limit:
        return None
    return f"{a.place_name} and {b.place_name} {distance:.0f} km apart (within {limit:.0f} km)"


def _unplaced(a: EventRecord, b: EventRecord) -> str | None:
    """A report whose place is not known folds with one of the same country only on the same
    named target (an unplaced "strike on a monastery" and a placed one)."""
    if not (a.country_code and a.country_code == b.country_code):
        return None
    shared = a.targets & b.targets
    if not shared:
        return None
    return f"one place not given; both in {a.country_code}, on the same {_names(shared)}"


def _inside_region(region: EventRecord, inside: EventRecord) -> str | None:
    """A province named as the place (precision 3 or 4) holds every place of that province."""
    if region.where_precision not in (3, 4) or not region.admin1 or region.admin1 != inside.admin1:
        return None
    if region.country_code != inside.country_code:
        return None
    return f"{inside.place_name} lies in {region.place_name}"


def _country_wide(a: EventRecord, b: EventRecord) -> str | None:
    within = _denied_country_wide(a, b) or _denied_country_wide(b, a)
    if within:
        return within
    # "In Ukraine" cannot be told apart from any one strike in it: a country-wide report
    # folds only with another one of that country on the very same named day.
    same = (
        a.where_precision == b.where_precision
        and a.country_code is not None
        and a.country_code == b.country_code
        and a.date_start == a.date_end == b.date_start == b.date_end
    )
    return f"both in {a.place_name} (country-wide) on {a.date_start}" if same else None


def _denied_country_wide(country: EventRecord, inside: EventRecord) -> str | None:
    """A denial about a whole country ("posed no threat to Belarus") answers a report placed
    inside it ("threatened security near Mazyr"): why they can be one, or None."""
    if not (
        country.negated
        and not inside.negated
        and country.where_precision == 6
        and inside.where_precision != 6
        and country.country_code is not None
        and country.country_code == inside.country_code
    ):
        return None
    return f"{inside.place_name} lies in {country.place_name}, which the denial is about"


def actors_compatible(a: EventRecord, b: EventRecord) -> bool:
    """Nothing tells the actors apart: one is unnamed or only described ("gunmen", "a suicide
    car bomber"), both are one actor or of one country, or only one has a country, so the other
    may be on its side. Two named actors of no country ("Hezbollah", "Amal") or of two countries
    are two sides."""
    if a.actor_key is None or b.actor_key is None or a.actor_key == b.actor_key:
        return True
    if a.actor_country is not None and b.actor_country is not None:
        return a.actor_country == b.actor_country
    if a.actor_named is False or b.actor_named is False:
        return True
    if a.actor_country is None or b.actor_country is None:
        return (a.actor_country is None) != (b.actor_country is None)
    return a.actor_country == b.actor_country


def days_apart(a: EventRecord, b: EventRecord) -> int | None:
    """Days between the two date intervals (0 when they overlap), None when either is undated."""
    if not (a.date_start and a.date_end and b.date_start and b.date_end):
        return None
    if a.date_start <= b.date_end and b.date_start <= a.date_end:
        return 0
    return min(abs((a.date_start - b.date_end).days), abs((b.date_start - a.date_end).days))


def dates_compatible(a: EventRecord, b: EventRecord, *, slack: bool = False) -> bool:
    """Whether the dates can be one day: overlapping, or a day apart when ``slack`` is given or
    either date is only the days before publication."""
    apart = days_apart(a, b)
    if apart is None:
        return False
    vague = not (a.precise_day and b.precise_day)
    lenient = slack or vague or a.approximate_date or b.approximate_date
    return apart == 0 or (lenient and apart <= DATE_SLACK.days)


def means_conflict(a: EventRecord, b: EventRecord) -> str | None:
    """Why weapons or targets tell the two attacks apart, or None when nothing does."""
    shared_target = bool(a.targets & b.targets)
    if a.targets and b.targets and not shared_target:
        return f"targets differ ({_names(a.targets)} / {_names(b.targets)})"
    if a.weapons and b.weapons and not (a.weapons & b.weapons) and not shared_target:
        return f"weapons differ ({_names(a.weapons)} / {_names(b.weapons)})"
    return None


def _names(words: frozenset[str]) -> str:
    return ", ".join(sorted(words))


def compatible(a: EventRecord, b: EventRecord) -> bool:
    """Whether ``a`` and ``b`` may be one real-world event (``merge_reason`` without the why)."""
    if a.type != b.type or is_control(a) != is_control(b) or not actors_compatible(a, b):
        return False
    same_target = bool(a.targets & b.targets)
    if not dates_compatible(a, b, slack=same_target) or means_conflict(a, b):
        return False
    return places_compatible(a, b) is not None


def merge_reason(a: EventRecord, b: EventRecord) -> str | None:
    """Why ``b`` reports the same real-world event as ``a``, or None when it does not."""
    if not compatible(a, b):
        return None
    place = places_compatible(a, b)
    assert a.date_start and a.date_end and b.date_start and b.date_end
    first, last = max(a.date_start, b.date_start), min(a.date_end, b.date_end)
    overlap = f"overlap {first}..{last}" if first <= last else f"a day apart ({last}, {first})"
    actors = f"actors {a.actor_key or '?'} / {b.actor_key or '?'} compatible"
    means = "".join(
        f"; same {what} ({_names(shared)})"
        for what, shared in (("target", a.targets & b.targets), ("weapon", a.weapons & b.weapons))
        if shared
    )
    return (
        f"{b.type} like event {a.id} (article {a.article_id}): {place}; dates {overlap}; "
        f"{actors}{means}"
    )


def agreement(a: EventRecord, b: EventRecord) -> int:
    """How much two compatible reports agree beyond the rule: the order merges are made in."""
    score = 0
    if a.place_id is not None and a.place_id == b.place_id:
        score += 3
    elif (distance := distance_km(a, b)) is not None and distance < 10:
        score += 2
    if a.precise_day and b.precise_day and a.date_start == b.date_start:
        score += 2
    score += 2 * bool(a.targets & b.targets) + bool(a.weapons & b.weapons)
    score += bool(a.actor_key and a.actor_key == b.actor_key)
    if a.killed_best is not None and b.killed_best is not None:
        score += not figures_disagree(a.killed_best, b.killed_best)
    return score


def figures_disagree(a: int, b: int) -> bool:
    return abs(a - b) > max(2.0, FIGURE_TOLERANCE * max(a, b))
