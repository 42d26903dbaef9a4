"""Times: properties that hold on any text and any publication date."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from wirecoder.stages._timex import Anchor, recognize

WORDS = st.sampled_from(
    [
        "on",
        "Friday",
        "last",
        "next",
        "week",
        "month",
        "year",
        "May",
        "March",
        "since",
        "ago",
        "two",
        "days",
        "earlier",
        "later",
        "that",
        "day",
        "the",
        "quarter",
        "year-ago",
        "mid-",
        "April",
        "5-6",
        "31",
        "2022",
        "29",
        "Feb.",
        "February",
        "spring",
        "overnight",
        "every",
        "Ramadan",
        "Eid",
        "al-Fitr",
        "Easter",
        "Orthodox",
        "for",
        "months",
        "about",
        "decade",
        "07.04.2023",
        "4/7/23",
        "noon",
        "3:15",
        "p.m.",
        ",",
        ".",
        "now",
        "weekend",
        "following",
    ]
)
TENSES = st.sampled_from([None, "past", "present", "future"])


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(WORDS, max_size=14),
    noise=st.text(max_size=12),
    dct=st.one_of(st.none(), st.dates(dt.date(1930, 1, 1), dt.date(2070, 12, 31))),
    tense=TENSES,
)
def test_expressions_are_ordered_disjoint_spans_with_sound_intervals(
    words: list[str], noise: str, dct: dt.date | None, tense: str | None
) -> None:
    text = " ".join(words) + noise
    found = recognize(text, lambda candidate: Anchor(dct, tense))  # type: ignore[arg-type]
    for item, after in itertools.pairwise(found):
        assert item.end <= after.start
    for item in found:
        resolution = item.resolution
        assert 0 <= item.start < item.end <= len(text)
        assert resolution.value
        if resolution.start is not None and resolution.end is not None:
            assert resolution.start <= resolution.end
        if dct is None:
            assert not resolution.anchored
