"""Times: properties that hold on any text and any publication date."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from wirecoder.stages.times import RULES, Anchor, Candidate, find_candidates, recognize

ROOT = Path(__file__).resolve().parents[1]

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


def _each_rule_in_turn(text: str) -> list[Candidate]:
    """The candidates by definition: each rule's own scan of the text, rule by rule."""
    found = []
    for rule in RULES:
        group = "span" if "span" in rule.pattern.groupindex else 0
        position = 0
        while (match := rule.pattern.search(text, position)) is not None:
            found.append(Candidate(match.start(group), match.end(group), rule, match))
            position = max(match.end(), match.start() + 1)
    return found


def _readings(candidates: list[Candidate]) -> list[tuple[str, int, int, dict[str, str | None]]]:
    return [(c.rule.name, c.start, c.end, c.match.groupdict()) for c in candidates]


@settings(max_examples=400, deadline=None)
@given(
    words=st.lists(WORDS, max_size=16),
    joiners=st.lists(st.sampled_from([" ", "-", "", "\n", "'"]), min_size=16, max_size=16),
)
def test_one_joint_scan_finds_what_each_rule_finds_alone(
    words: list[str], joiners: list[str]
) -> None:
    text = "".join(word + joiner for word, joiner in zip(words, joiners, strict=False))
    assert _readings(find_candidates(text)) == _readings(_each_rule_in_turn(text))


def test_one_joint_scan_finds_what_each_rule_finds_alone_in_the_bundled_stories() -> None:
    paths = [
        *ROOT.glob("examples/*.txt"),
        *ROOT.glob("tests/fixtures/**/*.txt"),
        *ROOT.glob("tests/fixtures/**/*.tml"),
    ]
    assert len(paths) > 5
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert _readings(find_candidates(text)) == _readings(_each_rule_in_turn(text)), path


def test_numeric_dates_read_as_dateparser_reads_them() -> None:
    import dateparser

    orders = {".": "DMY", "/": "MDY", "-": "MDY"}
    cases = [  # (text, the order dateparser is told, the two parts that are not the year)
        (f"{first}{separator}{second}{separator}{year}", order, (first, second))
        for separator, order in orders.items()
        for first, second in itertools.product(
            ("0", "3", "07", "12", "13", "29", "31", "32"), repeat=2
        )
        for year in ("2023", "1999", "23", "95", "68", "69")
    ] + [
        (f"{year}{separator}{month}{separator}{day}", "YMD", (month, day))
        for separator in orders
        for year, month, day in itertools.product(
            ("2024", "1999"), ("02", "04", "13", "19"), ("07", "29", "30", "31")
        )
    ]
    read = 0
    for text, order, parts in cases:
        (candidate,) = [
            c for c in find_candidates(f"On {text} it rained.") if c.rule.name == "numeric_date"
        ]
        resolution = candidate.rule.resolve(candidate.match, Anchor(dt.date(2024, 5, 1)))
        theirs = dateparser.parse(
            text,
            languages=["en"],
            settings={
                "DATE_ORDER": order,
                "STRICT_PARSING": True,
                "PREFER_LOCALE_DATE_ORDER": False,
            },
        )
        if theirs is not None and any(int(part) == 0 or int(part) > 31 for part in parts):
            assert resolution is None, text  # dateparser takes such a part for a two-digit year
            continue
        assert (resolution.value if resolution else None) == (
            theirs.date().isoformat() if theirs else None
        ), text
        read += resolution is not None
    assert read > 150


def test_an_expression_beyond_the_calendar_keeps_an_unresolved_value() -> None:
    def values(text: str) -> list[str]:
        found = recognize(text, lambda candidate: Anchor(dt.date(2023, 4, 7), None))
        return [item.resolution.value for item in found]

    assert values("The shrine was built 3000 years ago.") == ["PAST_REF"]
    assert values("The waste stays toxic 9000 years from now.") == ["FUTURE_REF"]
    assert values("In 2022, a fort from 2022 years earlier was found.")[0] == "2022"
