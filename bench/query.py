"""Query latency on a large generated store: the area + date queries a map and a timeline need.

Generates N events (default 1,000,000) over three years and 2,000 places in SQLite and in a
temporary PostgreSQL, then times random windows and prints p50/p95/max per query:

    map-box-7d        placed events in a ~100 km box over 7 days (map_points)
    map-admin1-7d     the same for a named admin1 region (map_points, area by name)
    timeline-box-90d  events per day in a ~100 km box over 90 days (timeline)
    list-admin1-1d    the event list with provenance for one day in a region (events, limit 500)

Usage: ``python bench/query.py [--events N] [--repeats R] [--only sqlite|postgresql]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import insert, text

from wirecoder.store import (
    ActorRow,
    Area,
    ArticleRow,
    EventRow,
    Filters,
    PlaceRow,
    Store,
    events,
    map_points,
    open_store,
    timeline,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

# tests/ is on the path only from here.
from postgres import temporary_postgres, unavailable_reason  # noqa: E402

FIRST_DAY = dt.date(2022, 2, 24)
DAYS = 3 * 365
PLACES = 2_000
EVENTS_PER_ARTICLE = 10
REGIONS = [f"Region {n}" for n in range(25)]
TYPES = ["ASSAULT"] * 6 + ["COERCE", "PROTEST", "THREATEN", "AID", "CONSULT", "RETREAT"]
BATCH = 20_000


def fill(store: Store, count: int, rng: random.Random) -> None:
    """Bulk-load ``count`` events with places, articles and one actor, as Core inserts."""
    places = [
        {
            "id": n + 1,
            "key": f"bench:{n}",
            "name": f"Town {n}",
            "latitude": rng.uniform(44.5, 52.0),
            "longitude": rng.uniform(22.5, 40.0),
            "country_code": "UA",
            "admin1": rng.choice(REGIONS),
        }
        for n in range(PLACES)
    ]
    now = dt.datetime(2025, 1, 1)
    with store.engine.begin() as connection:
        connection.execute(
            insert(ActorRow),
            [{"id": 1, "key": "bench publisher", "name": "Bench Publisher", "kind": "publisher"}],
        )
        connection.execute(insert(PlaceRow), places)
        articles = count // EVENTS_PER_ARTICLE + 1
        for start in range(0, articles, BATCH):
            connection.execute(
                insert(ArticleRow),
                [
                    {
                        "id": n + 1,
                        "content_hash": hashlib.sha256(str(n).encode()).hexdigest(),
                        "publisher": "Bench Publisher",
                        "publisher_id": 1,
                        "published": FIRST_DAY,
                        "text": "",
                        "pipeline": {},
                        "ingested_at": now,
                    }
                    for n in range(start, min(articles, start + BATCH))
                ],
            )
    for start in range(0, count, BATCH):
        rows = []
        for n in range(start, min(count, start + BATCH)):
            place = places[rng.randrange(PLACES)]
            day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
            span = 0 if rng.random() < 0.8 else rng.choice([1, 2, 3, 6, 6, 30])
            rows.append(
                {
                    "article_id": n // EVENTS_PER_ARTICLE + 1,
                    "local_id": f"E{n % EVENTS_PER_ARTICLE}",
                    "stage": "bench.v1",
                    "type": rng.choice(TYPES),
                    "trigger": "shelled",
                    "negated": False,
                    "aux": [],
                    "place_id": place["id"],
                    "where_precision": 1,
                    "latitude": place["latitude"],
                    "longitude": place["longitude"],
                    "date_start": day,
                    "date_end": day + dt.timedelta(days=span),
                    "span_days": span,
                    "date_precision": 1 if span == 0 else 2,
                    "current": True,
                }
            )
        with store.engine.begin() as connection:
            connection.execute(insert(EventRow), rows)
    with store.engine.begin() as connection:
        connection.execute(text("ANALYZE"))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def box(rng: random.Random) -> Area:
    west, south = rng.uniform(23.0, 38.5), rng.uniform(45.0, 51.0)
    return Area(bbox=(west, south, west + 1.4, south + 0.9))


def window(rng: random.Random, days: int) -> tuple[dt.date, dt.date]:
    last = FIRST_DAY + dt.timedelta(days=rng.randrange(days, DAYS))
    return last - dt.timedelta(days=days - 1), last


def queries(rng: random.Random) -> dict[str, Callable[[Store], int]]:
    def windowed(days: int, area: Callable[[], Area]) -> Filters:
        since, until = window(rng, days)
        return Filters(since=since, until=until, area=area())

    def region() -> Area:
        return Area(name=rng.choice(REGIONS))

    return {
        "map-box-7d": lambda store: len(map_points(store, windowed(7, lambda: box(rng)))),
        "map-admin1-7d": lambda store: len(map_points(store, windowed(7, region))),
        "timeline-box-90d": lambda store: len(timeline(store, windowed(90, lambda: box(rng)))),
        "list-admin1-1d": lambda store: len(
            events(store, Filters(**{**windowed(1, region).__dict__, "limit": 500}))
        ),
    }


def measure(label: str, url: str, count: int, repeats: int) -> None:
    rng = random.Random(1)
    store = open_store(url)
    started = time.perf_counter()
    fill(store, count, rng)
    print(f"{label}: loaded {count:,} events in {time.perf_counter() - started:.0f} s")
    for name, run in queries(random.Random(2)).items():
        run(store)  # warm the cache
        timings, rows = [], []
        for _ in range(repeats):
            started = time.perf_counter()
            rows.append(run(store))
            timings.append((time.perf_counter() - started) * 1000)
        print(
            f"  {name:18} p50 {statistics.median(timings):6.1f} ms"
            f"  p95 {percentile(timings, 0.95):6.1f} ms  max {max(timings):6.1f} ms"
            f"  (mean rows {statistics.mean(rows):,.0f})"
        )
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=200)
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    options = parser.parse_args()
    if options.only != "postgresql":
        with tempfile.TemporaryDirectory() as folder:
            measure("sqlite", f"sqlite:///{folder}/bench.db", options.events, options.repeats)
    if options.only != "sqlite":
        reason = unavailable_reason()
        if reason:
            print(f"postgresql: skipped ({reason})")
            return
        with temporary_postgres() as url:
            measure("postgresql", url, options.events, options.repeats)


if __name__ == "__main__":
    main()
