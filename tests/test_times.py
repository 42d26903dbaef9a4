"""Times: recognition and normalization against the publication date (DCT).

Every form the issue names is checked, each across a month or year boundary, through the
grammar (``recognize`` with a given tense) and through the stage (tense read from the parse).
"""

from __future__ import annotations

import datetime as dt

import pytest

from wirecoder import get_stage
from wirecoder.stages.times import Anchor, Normalized, Period, Tense, date_precision, recognize


def expressions(text: str, dct: str | None, tense: Tense = None) -> list[Normalized]:
    day = dt.date.fromisoformat(dct) if dct else None
    return recognize(text, lambda candidate: Anchor(day, tense))


def only(text: str, dct: str | None, tense: Tense = None) -> tuple[str, str, str | None]:
    """The one expression in ``text``: its words, value and mod."""
    found = expressions(text, dct, tense)
    assert len(found) == 1, [text[n.start : n.end] for n in found]
    item = found[0]
    return text[item.start : item.end], item.resolution.value, item.resolution.mod


FRIDAY = "2023-04-07"  # a Friday
NEW_YEAR_MONDAY = "2024-01-01"  # a Monday, first day of a year
MARCH_FIRST_WEDNESDAY = "2023-03-01"  # a Wednesday, first day of a month


@pytest.mark.parametrize(
    ("text", "dct", "words", "value"),
    [
        ("Shelling hit the town on Friday.", FRIDAY, "Friday", "2023-04-07"),
        ("Talks were held on Wednesday.", FRIDAY, "Wednesday", "2023-04-05"),
        ("Talks were held on Wednesday.", NEW_YEAR_MONDAY, "Wednesday", "2023-12-27"),
        ("The convoy was hit on Sunday.", MARCH_FIRST_WEDNESDAY, "Sunday", "2023-02-26"),
        ("Prices rose last month.", FRIDAY, "last month", "2023-03"),
        ("Prices rose last month.", NEW_YEAR_MONDAY, "last month", "2023-12"),
        ("Output fell last year.", FRIDAY, "last year", "2022"),
        ("Output fell last year.", NEW_YEAR_MONDAY, "last year", "2023"),
        ("The war began in February 2022.", FRIDAY, "February 2022", "2022-02"),
        ("Two days ago the bridge fell.", FRIDAY, "Two days ago", "2023-04-05"),
        ("Two days ago the bridge fell.", NEW_YEAR_MONDAY, "Two days ago", "2023-12-30"),
        ("Two days ago the bridge fell.", MARCH_FIRST_WEDNESDAY, "Two days ago", "2023-02-27"),
        ("Drones struck overnight.", NEW_YEAR_MONDAY, "overnight", "2023-12-31TNI"),
        ("Drones struck overnight.", FRIDAY, "overnight", "2023-04-06TNI"),
        ("Fighting grew earlier this week.", FRIDAY, "earlier this week", "2023-W14"),
        ("Fighting grew earlier this week.", NEW_YEAR_MONDAY, "earlier this week", "2024-W01"),
        ("Aid arrived yesterday.", NEW_YEAR_MONDAY, "yesterday", "2023-12-31"),
        ("Aid arrived yesterday.", MARCH_FIRST_WEDNESDAY, "yesterday", "2023-02-28"),
        ("The ceasefire collapsed last week.", NEW_YEAR_MONDAY, "last week", "2023-W52"),
        ("The vote was held on March 3.", FRIDAY, "March 3", "2023-03-03"),
        ("The vote was held on 3 March 2021.", FRIDAY, "3 March 2021", "2021-03-03"),
    ],
)
def test_past_reference_forms(text: str, dct: str, words: str, value: str) -> None:
    assert only(text, dct, "past")[:2] == (words, value)


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        ("Troops have held the town since May.", FRIDAY, "2022-05"),
        ("Troops have held the town since May.", "2023-06-02", "2023-05"),
        ("Troops have held the town since December.", NEW_YEAR_MONDAY, "2023-12"),
    ],
)
def test_since_points_back_and_runs_to_the_dct(text: str, dct: str, value: str) -> None:
    """ "since May" is a May already begun, whatever the tense, and lasts until the DCT."""
    (item,) = expressions(text, dct)
    assert (text[item.start : item.end], item.resolution.value) == (text.split()[-1][:-1], value)
    assert item.resolution.end == dt.date.fromisoformat(dct)


def test_weekday_in_a_future_clause_points_forward() -> None:
    assert only("The envoys will meet on Wednesday.", FRIDAY, "future")[1] == "2023-04-12"
    assert only("The envoys will meet on Friday.", FRIDAY, "future")[1] == "2023-04-07"
    assert only("The envoys will meet on Tuesday.", "2023-12-29", "future")[1] == "2024-01-02"


def test_season_is_the_nearest_unless_the_tense_says_otherwise() -> None:
    assert only("Fighting may intensify in the spring.", FRIDAY)[:2] == ("the spring", "2023-SP")
    assert only("Fighting intensified in the summer.", FRIDAY, "past")[1] == "2022-SU"
    assert only("An offensive is planned for the summer.", FRIDAY, "future")[1] == "2023-SU"
    # winter starts in its December: a January DCT lies in the winter of the year before
    assert only("It was cold this winter.", "2024-01-15")[1] == "2023-WI"


def test_month_without_year_follows_the_tense_across_the_year_boundary() -> None:
    assert only("The siege began in November.", "2024-01-10", "past")[1] == "2023-11"
    assert only("Elections are due in February.", "2023-12-20", "future")[1] == "2024-02"
    assert only("The talks resume in January.", "2023-12-20")[1] == "2024-01"


def test_late_on_weekday_keeps_the_day_and_marks_the_end() -> None:
    assert only("The strike came late on Monday.", FRIDAY, "past") == (
        "late on Monday",
        "2023-04-03",
        "END",
    )
    assert only("The strike came late on Monday.", MARCH_FIRST_WEDNESDAY, "past") == (
        "late on Monday",
        "2023-02-27",
        "END",
    )


def test_durations_keep_what_the_text_gives() -> None:
    assert only("The town has been shelled for months.", FRIDAY)[:2] == ("months", "PXM")
    assert only("The siege lasted three weeks.", FRIDAY)[:2] == ("three weeks", "P3W")
    assert only("Fighting went on for about 18 months.", FRIDAY) == (
        "about 18 months",
        "P18M",
        "APPROX",
    )
    assert only("The talks lasted six hours.", FRIDAY)[:2] == ("six hours", "PT6H")


def test_sets() -> None:
    assert only("Patrols cross the line every week.", FRIDAY)[:2] == ("every week", "P1W")
    assert only("Markets open every Monday.", FRIDAY)[:2] == ("every Monday", "XXXX-WXX-1")


def test_clock_times_on_a_named_day() -> None:
    assert only("The blast came at 3:15 p.m. on Tuesday.", FRIDAY, "past")[1] == (
        "2023-04-04T15:15"
    )


def test_without_a_dct_relative_expressions_stay_unresolved() -> None:
    assert only("Shelling hit the town on Friday.", None)[1] == "XXXX-WXX-5"
    assert only("Prices rose last month.", None)[1] == "PAST_REF"
    assert only("The war began in February 2022.", None)[1] == "2022-02"


def test_bare_may_and_verbs_are_not_dates() -> None:
    assert expressions("Officials may decide to march on the capital.", FRIDAY) == []
    assert expressions("Prices could fall sharply; spring water ran out.", FRIDAY) == []
    assert expressions("He paid $2020 for 1,999 shells and 2023.5 tonnes.", FRIDAY) == []


@pytest.mark.parametrize(
    ("start", "end", "code"),
    [
        ("2023-04-07", "2023-04-07", 1),
        ("2023-04-06", "2023-04-07", 2),
        ("2023-04-03", "2023-04-09", 3),
        ("2023-02-01", "2023-02-28", 4),
        ("2023-03-01", "2023-05-31", 5),
    ],
)
def test_ucdp_precision_codes(start: str, end: str, code: int) -> None:
    assert date_precision(dt.date.fromisoformat(start), dt.date.fromisoformat(end)) == code


def test_periods_across_boundaries() -> None:
    december = Period.containing(dt.date(2023, 12, 31), "month")
    assert december.shifted(1).value == "2024-01"
    assert Period.containing(dt.date(2024, 1, 1), "week").value == "2024-W01"
    assert Period.containing(dt.date(2023, 1, 1), "week").value == "2022-W52"
    winter = Period.containing(dt.date(2024, 2, 10), "season")
    assert (winter.value, winter.start, winter.end) == (
        "2023-WI",
        dt.date(2023, 12, 1),
        dt.date(2024, 2, 29),
    )
    assert Period.containing(dt.date(2023, 8, 1), "quarter").value == "2023-Q3"


def test_stage_reads_tense_and_gives_intervals_and_precision(make_document, nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Officials said on Wednesday that shelling overnight had killed two people. "
        "Envoys will meet on Tuesday, and the front has barely moved since May. "
        "The city has been under fire for months, and losses rose last month."
    )
    document = make_document(text, published=FRIDAY)
    get_stage("times.v1").build(nlp, {})(document)
    found = {t.span.text: t for t in document.times}
    assert {k: v.value for k, v in found.items()} == {
        "Wednesday": "2023-04-05",
        "overnight": "2023-04-06TNI",
        "Tuesday": "2023-04-11",
        "May": "2022-05",
        "months": "PXM",
        "last month": "2023-03",
    }
    assert (found["Wednesday"].start, found["Wednesday"].end, found["Wednesday"].precision) == (
        dt.date(2023, 4, 5),
        dt.date(2023, 4, 5),
        1,
    )
    assert found["overnight"].precision == 2
    assert found["last month"].precision == 4
    assert found["May"].precision == 5 and found["May"].end == dt.date(2023, 4, 7)
    # "has been under fire for months": still going on, so it runs up to the DCT
    months = found["months"]
    assert (months.type, months.start, months.end, months.precision) == (
        "DURATION",
        None,
        dt.date(2023, 4, 7),
        5,
    )
    assert all(t.anchored for t in found.values())
    assert all(text[t.span.start : t.span.end] == t.span.text for t in document.times)
    assert all(t.stage.name == "times" for t in document.times)


def test_a_when_clause_of_a_past_verb_is_past(make_document, nlp) -> None:  # type: ignore[no-untyped-def]
    # "hit" in "when shells hit" is tagged as a present, which would point Thursday forward
    text = (
        "Police said three men were hurt when shells hit a bakery in Kupiansk on Thursday. "
        "Crews will close the roads when the convoys arrive on Tuesday."
    )
    document = make_document(text, published=FRIDAY)
    get_stage("times.v1").build(nlp, {})(document)
    assert [(t.span.text, t.value) for t in document.times] == [
        ("Thursday", "2023-04-06"),
        ("Tuesday", "2023-04-11"),
    ]


def test_stage_without_a_publication_date(make_document, nlp) -> None:  # type: ignore[no-untyped-def]
    document = make_document("Shelling resumed on Friday after a lull.", published=None)
    get_stage("times.v1").build(nlp, {})(document)
    (item,) = document.times
    assert (item.value, item.start, item.precision, item.anchored) == (
        "XXXX-WXX-5",
        None,
        None,
        False,
    )


def test_a_weekday_before_a_date_picks_the_year_it_falls_in() -> None:
    assert only("The editorial ran on Monday, Oct. 26.", "2015-11-30", "past")[:2] == (
        "Monday, Oct. 26",
        "2015-10-26",
    )
    # with the day of the week, a January DCT still finds the December before
    assert only("It was signed on Friday, Dec. 29.", "2024-01-03")[1] == "2023-12-29"


def test_periods_of_a_named_relative_year() -> None:
    assert only("The dam was breached in June last year.", FRIDAY)[:2] == (
        "June last year",
        "2022-06",
    )
    assert only("Losses narrowed in this year's first quarter.", NEW_YEAR_MONDAY)[1] == "2024-Q1"
    assert only("Output fell in the 2021 second quarter.", FRIDAY)[:2] == (
        "the 2021 second quarter",
        "2021-Q2",
    )
    assert only("Elections are due this September.", "2024-02-05")[1] == "2024-09"


def test_a_date_close_at_hand_beats_a_past_tense_a_year_away() -> None:
    """ "was set for Nov. 10" written on Nov. 2 names the coming Nov. 10."""
    assert only("The deadline was set for Nov. 10.", "2023-11-02", "past")[1] == "2023-11-10"
    assert only("The deadline was set for Nov. 10.", "2023-05-02", "past")[1] == "2022-11-10"
    # words, not the tense, fix the direction of "since": no such override
    assert only("Nothing has moved since Nov. 10.", "2023-11-02")[1] == "2022-11-10"


def test_ago_at_the_grain_of_its_unit_with_qualifiers() -> None:
    assert only("The town fell a decade ago.", FRIDAY)[1] == "2013"
    assert only("Troops left nearly two weeks ago.", NEW_YEAR_MONDAY) == (
        "nearly two weeks ago",
        "2023-W51",
        "LESS_THAN",
    )
    assert only("The truce lasted almost two decades.", FRIDAY) == (
        "almost two decades",
        "P20Y",
        "LESS_THAN",
    )
    # "before" points at an event in the text, not at the DCT: a plain duration
    assert only("He left 30 days before the vote.", FRIDAY)[:2] == ("30 days", "P30D")


def test_as_early_as_points_forward() -> None:
    assert only("Talks could resume as early as Tuesday.", FRIDAY, "past")[1] == "2023-04-11"


def test_stage_keeps_dates_in_noun_phrases_free_of_the_sentence_tense(make_document, nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The agency announced a second aid round, payable Dec. 1 to families registered by Nov. 20."
    )
    document = make_document(text, published="2023-11-10")
    get_stage("times.v1").build(nlp, {})(document)
    assert [(t.span.text, t.value) for t in document.times] == [
        ("Dec. 1", "2023-12-01"),
        ("Nov. 20", "2023-11-20"),
    ]


def test_expressions_that_count_from_the_time_just_named() -> None:
    text = (
        "Shelling began on Sunday, Dec. 31. The next day, troops withdrew. "
        "Two days earlier, talks had failed; later that day they resumed. "
        "A year earlier the front was quiet. The following week, aid arrived."
    )
    found = [(text[n.start : n.end], n.resolution.value) for n in expressions(text, "2024-01-05")]
    assert found == [
        ("Sunday, Dec. 31", "2023-12-31"),
        ("The next day", "2024-01-01"),
        ("Two days earlier", "2023-12-30"),
        ("later that day", "2023-12-30"),
        ("A year earlier", "2022"),
        ("The following week", "2024-W01"),
    ]


def test_without_a_named_time_anaphora_fall_back_to_the_dct() -> None:
    assert only("The following week, aid arrived.", FRIDAY)[1] == "2023-W15"
    assert only("Three days later they left.", FRIDAY)[:2] == ("Three days", "P3D")


def test_quarter_in_focus_and_its_year_earlier_comparison() -> None:
    text = (
        "Profit rose in the fourth quarter. Sales fell from a year ago, and the "
        "year-earlier period was weak. In the quarter, costs grew."
    )
    found = [(text[n.start : n.end], n.resolution.value) for n in expressions(text, "2024-02-01")]
    assert found == [
        ("the fourth quarter", "2023-Q4"),
        ("a year ago", "2022-Q4"),
        ("the year-earlier period", "2022-Q4"),
        ("the quarter", "2023-Q4"),
    ]
    # with no quarter named, "the latest quarter" is the last one over by the DCT
    assert only("Losses grew in the latest quarter.", "2024-02-01")[1] == "2023-Q4"
    assert only("A year ago the bridge stood.", "2024-02-01")[1] == "2023"
    assert expressions("Rebels hold the Old Quarter.", FRIDAY) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The decree of 07.04.2023 took effect.", "2023-04-07"),
        ("A memo dated 4/7/23 leaked.", "2023-04-07"),
        ("The log of 25/12/2022 shows it.", "2022-12-25"),
        ("Filed on 2023/04/07 in Kyiv.", "2023-04-07"),
    ],
)
def test_numeric_dates(text: str, value: str) -> None:
    assert only(text, FRIDAY)[1] == value


def test_impossible_numeric_dates_are_refused() -> None:
    assert expressions("Ref. 31.02.2023 was void.", FRIDAY) == []
    assert expressions("Build 3.5.2023.5 shipped.", FRIDAY) == []


def test_day_ranges_mid_month_and_the_weekend() -> None:
    (night,) = expressions("Strikes hit on the night of March 31-April 1.", FRIDAY, "past")[:1]
    assert night.resolution.value == "2023-03-31"  # a range across months: its first day
    (span,) = expressions("Strikes hit the port on the night of April 5-6.", FRIDAY, "past")
    assert (span.resolution.value, span.resolution.start, span.resolution.end) == (
        "2023-04-05",
        dt.date(2023, 4, 5),
        dt.date(2023, 4, 6),
    )
    assert span.resolution.start is not None and span.resolution.end is not None
    assert date_precision(span.resolution.start, span.resolution.end) == 2
    assert only("By mid-March, the town was encircled.", FRIDAY) == ("mid-March", "2023-03", "MID")
    assert only("Ten died over the weekend.", FRIDAY, "past")[:2] == ("the weekend", "2023-W13-WE")
    assert only("Ten died over the weekend.", "2023-04-09", "past")[1] == "2023-W14-WE"
    assert only("Rallies will be held over the weekend.", FRIDAY, "future")[1] == "2023-W14-WE"


def test_words_inside_other_words_are_not_expressions() -> None:
    text = "They did not know it; the snowfall was unknown until the nightly news."
    assert [text[n.start : n.end] for n in expressions(text, FRIDAY)] == ["nightly"]


def test_without_a_tense_the_past_is_preferred_and_a_schedule_points_forward() -> None:
    # 5 months back beats 7 months ahead, though both are far
    assert only("The rally on Oct. 23 drew thousands.", "2023-05-05")[1] == "2022-10-23"
    # a month ahead still beats eleven months back
    assert only("The summit on June 10 is key.", "2023-05-05")[1] == "2023-06-10"
    assert only("He meets the envoy on Monday.", FRIDAY, "present")[1] == "2023-04-10"


def test_a_year_before_a_quarter_is_not_a_count() -> None:
    assert all(
        n.resolution.type != "DURATION" for n in expressions("Sales beat the 2021 quarter.", FRIDAY)
    )


@pytest.mark.parametrize(
    ("text", "dct", "tense", "words", "value", "start", "end"),
    [
        (
            "A truce held over Orthodox Easter.",
            "2023-05-10",
            "past",
            "Orthodox Easter",
            "2023-04-16",
            "2023-04-16",
            "2023-04-16",
        ),
        (
            "A truce held over Orthodox Easter.",
            "2023-03-10",
            "past",
            "Orthodox Easter",
            "2022-04-24",
            "2022-04-24",
            "2022-04-24",
        ),
        (
            "A truce is planned for Orthodox Easter.",
            FRIDAY,
            "future",
            "Orthodox Easter",
            "2023-04-16",
            "2023-04-16",
            "2023-04-16",
        ),
        (
            "Raids eased during Ramadan.",
            FRIDAY,
            "past",
            "Ramadan",
            "2023-04",
            "2023-03-23",
            "2023-04-20",
        ),
        (
            "Prisoners were swapped before Eid al-Fitr.",
            "2024-04-15",
            "past",
            "Eid al-Fitr",
            "2024-04-10",
            "2024-04-10",
            "2024-04-10",
        ),
        (
            "Shells fell on Christmas Eve.",
            NEW_YEAR_MONDAY,
            "past",
            "Christmas Eve",
            "2023-12-24",
            "2023-12-24",
            "2023-12-24",
        ),
        (
            "The offensive began at Easter 2022.",
            FRIDAY,
            None,
            "Easter 2022",
            "2022-04-17",
            "2022-04-17",
            "2022-04-17",
        ),
        (
            "Last Christmas the town was calm.",
            "2024-03-01",
            None,
            "Last Christmas",
            "2023-12-25",
            "2023-12-25",
            "2023-12-25",
        ),
    ],
)
def test_feasts(
    text: str, dct: str, tense: Tense, words: str, value: str, start: str, end: str
) -> None:
    (item,) = expressions(text, dct, tense)
    assert (text[item.start : item.end], item.resolution.value) == (words, value)
    assert (item.resolution.start, item.resolution.end) == (
        dt.date.fromisoformat(start),
        dt.date.fromisoformat(end),
    )


def test_lowercase_feast_words_are_not_feasts() -> None:
    assert expressions("They fled east, to easter villages.", FRIDAY) == []


def test_a_value_counted_from_a_stated_year_is_not_anchored_to_the_dct() -> None:
    text = "In 2021 the front moved. The following year it broke. The next day, on Friday."
    found = {text[n.start : n.end]: n.resolution for n in expressions(text, FRIDAY)}
    assert (found["The following year"].value, found["The following year"].anchored) == (
        "2022",
        False,
    )
    assert found["Friday"].anchored


def test_a_bare_clock_time_takes_the_day_the_story_is_on() -> None:
    text = "The market was hit on Thursday shortly after 10 a.m. At noon, rescuers arrived."
    found = [(text[n.start : n.end], n.resolution.value) for n in expressions(text, "2025-03-14")]
    assert found == [
        ("Thursday", "2025-03-13"),
        ("10 a.m.", "2025-03-13T10:00"),
        ("noon", "2025-03-13T12:00"),
    ]
    assert only("Sirens sounded at 3 p.m.", "2025-03-14")[1] == "2025-03-14T15:00"
    assert only("Sirens sounded at 3 p.m.", None)[1] == "XXXX-XX-XXT15:00"


@pytest.mark.parametrize(
    ("text", "words", "value", "start", "end", "code"),
    [
        (
            "In the past 24 hours, 30 attacks were repelled.",
            "the past 24 hours",
            "PT24H",
            "2023-12-31",
            "2024-01-01",
            2,
        ),
        (
            "Over the past week, 12 people died.",
            "the past week",
            "P1W",
            "2023-12-26",
            "2024-01-01",
            3,
        ),
        (
            "Over the next two weeks, aid will arrive.",
            "the next two weeks",
            "P2W",
            "2024-01-01",
            "2024-01-14",
            4,
        ),
        (
            "In the last three months, 90 died.",
            "the last three months",
            "P3M",
            "2023-10-02",
            "2024-01-01",
            5,
        ),
    ],
)
def test_durations_ending_or_starting_at_the_dct_carry_their_days(
    text: str, words: str, value: str, start: str, end: str, code: int
) -> None:
    (item,) = expressions(text, NEW_YEAR_MONDAY)
    resolution = item.resolution
    assert (text[item.start : item.end], resolution.type, resolution.value, resolution.mod) == (
        words,
        "DURATION",
        value,
        None,
    )
    assert (resolution.start, resolution.end) == (
        dt.date.fromisoformat(start),
        dt.date.fromisoformat(end),
    )
    assert resolution.start is not None and resolution.end is not None
    assert date_precision(resolution.start, resolution.end) == code


def test_parts_of_the_day_in_focus() -> None:
    text = (
        "Shelling began on Sunday, Dec. 31. The next morning, troops withdrew. "
        "Later in the day they returned, and that evening drones came."
    )
    found = [(text[n.start : n.end], n.resolution.value) for n in expressions(text, "2024-01-05")]
    assert found == [
        ("Sunday, Dec. 31", "2023-12-31"),
        ("The next morning", "2024-01-01TMO"),
        ("Later in the day", "2024-01-01"),
        ("that evening", "2024-01-01TEV"),
    ]
    assert only("Aid will arrive within weeks.", FRIDAY)[:2] == ("weeks", "PXW")


def test_fractional_durations() -> None:
    assert only("The talks lasted 5 1/2 hours.", FRIDAY)[:2] == ("5 1/2 hours", "PT5.5H")
    assert only("The siege lasted 1.5 years.", FRIDAY)[:2] == ("1.5 years", "P1.5Y")


def test_the_edge_of_the_period_in_focus() -> None:
    assert only("At the start of the month, strikes resumed.", FRIDAY) == (
        "the start of the month",
        "2023-04",
        "START",
    )
    text = "Shelling began on Dec. 3; by the end of the month the town fell."
    found = [
        (text[n.start : n.end], n.resolution.value, n.resolution.mod)
        for n in expressions(text, "2024-01-10", "past")
    ]
    assert found == [("Dec. 3", "2023-12-03", None), ("the end of the month", "2023-12", "END")]


def test_relative_days_and_seasons_across_the_year_boundary() -> None:
    """The forms that count back from the DCT, each with a DCT early in January."""
    assert only("The strike came late on Monday.", "2025-01-01", "past") == (
        "late on Monday",
        "2024-12-30",
        "END",
    )
    assert only("Shelling hit the town on Friday.", NEW_YEAR_MONDAY)[1] == "2023-12-29"
    assert only("Fighting intensified in the spring.", "2024-01-10", "past")[1] == "2023-SP"
    (week,) = expressions("Fighting grew earlier this week.", "2025-01-02")
    assert (week.resolution.value, week.resolution.start, week.resolution.end) == (
        "2025-W01",
        dt.date(2024, 12, 30),
        dt.date(2025, 1, 2),
    )


def test_a_duration_still_going_on_runs_to_the_dct(make_document, nlp) -> None:  # type: ignore[no-untyped-def]
    """A perfect or progressive "for N units" ends at publication and starts N units before; a
    simple past one ("lasted three weeks") may have ended any time, so it keeps no interval."""
    text = (
        "Russian forces have been attacking the town for three weeks. "
        "The district has been without power for 18 months. "
        "The siege of the port lasted four weeks."
    )
    document = make_document(text, published=NEW_YEAR_MONDAY)
    get_stage("times.v1").build(nlp, {})(document)
    spans = {t.span.text: (t.start, t.end, t.precision) for t in document.times}
    assert spans["three weeks"] == (dt.date(2023, 12, 12), dt.date(2024, 1, 1), 4)
    assert spans["18 months"] == (dt.date(2022, 7, 2), dt.date(2024, 1, 1), 5)
    siege = [t for t in document.times if t.span.start > text.index("siege")]
    assert [(t.value, t.start, t.end) for t in siege] == [("P4W", None, None)]
