"""When an event happened: the time of its own clause, a stretch up to publication ("since",
"over more than a year"), the time in focus of its paragraph or of the lead, and only then the
week before publication, marked as a fallback. Sentences written for these tests, in wire
style, from several conflicts; run through the whole pipeline (the times stage included)."""

from __future__ import annotations

import datetime as dt

import pytest

from wirecoder import Pipeline
from wirecoder.schema import Article, Event


def _events(pipeline: Pipeline, text: str, published: str) -> list[Event]:
    return pipeline.analyze(Article(text=text, published=published)).events


def _first(events: list[Event], kind: str = "ASSAULT") -> Event:
    matching = [e for e in events if e.type == kind]
    assert matching, [(e.type, e.trigger.text) for e in events]
    return matching[0]


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        (
            "Sudanese army drones struck a fuel depot in Nyala overnight, killing four guards, "
            "a military source said.",
            "2025-03-12",
            "2025-03-11",
            "2025-03-12",
        ),
        (
            "Houthi forces fired two missiles at a tanker in the Red Sea late on Monday, the "
            "shipping agency said.",
            "2025-03-12",
            "2025-03-10",
            "2025-03-10",
        ),
        (
            "Insurgents ambushed an army patrol near Menaka on Sunday, killing five soldiers.",
            "2024-11-05",
            "2024-11-03",
            "2024-11-03",
        ),
        (
            "M23 rebels shelled the outskirts of Goma in the past 24 hours, killing three "
            "civilians, the UN said.",
            "2025-01-24",
            "2025-01-23",
            "2025-01-24",
        ),
    ],
)
def test_the_time_of_the_events_own_clause_dates_it(
    pipeline: Pipeline, text: str, published: str, start: str, end: str
) -> None:
    event = _first(_events(pipeline, text, published))
    assert (event.date_start, event.date_end, event.date_from) == (
        _day(start),
        _day(end),
        "sentence",
    )
    assert event.time_id is not None


@pytest.mark.parametrize(
    ("text", "published", "start"),
    [
        (
            "At least 400 civilians have been killed in Sagaing region since Jan. 11, the "
            "rights group said.",
            "2025-06-06",
            "2025-01-11",
        ),
        (
            "Clashes between rival militias in Tripoli have killed at least 55 people since "
            "January, the UN mission said.",
            "2025-03-12",
            "2025-01-01",
        ),
        (
            "Since the start of the offensive on March 3, Israeli strikes have killed more "
            "than 600 people in Gaza, medics said.",
            "2025-03-20",
            "2025-03-03",
        ),
    ],
)
def test_since_a_day_is_a_stretch_up_to_publication(
    pipeline: Pipeline, text: str, published: str, start: str
) -> None:
    counted = [e for e in _events(pipeline, text, published) if e.size.killed is not None]
    assert len(counted) == 1, [(e.type, e.trigger.text) for e in counted]
    event = counted[0]
    assert (event.date_start, event.date_end) == (_day(start), _day(published))
    assert event.date_from == "sentence" and event.date_precision in (4, 5)
    assert "historical" not in event.aux


@pytest.mark.parametrize(
    ("text", "published", "days"),
    [
        (
            "Fighting in the township over more than a year has killed 137 civilians, a local "
            "monitoring group said.",
            "2025-02-10",
            366,
        ),
        (
            "In 18 months of fighting, the militia has killed more than 2,000 people in North "
            "Kivu, the UN says.",
            "2025-03-12",
            548,
        ),
    ],
)
def test_a_length_the_killing_ran_over_is_a_long_stretch_of_low_precision(
    pipeline: Pipeline, text: str, published: str, days: int
) -> None:
    event = _first(_events(pipeline, text, published))
    assert event.date_end == _day(published) and event.date_start is not None
    assert (event.date_end - event.date_start).days + 1 == days
    assert (event.date_precision, event.date_from) == (5, "sentence")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "A Russian drone killed a girl born in 2021 and her grandmother in Kherson, "
            "officials said.",
            "ASSAULT",
        ),
        (
            "Police in Bamako detained three journalists under a law passed in 2019, their "
            "union said.",
            "COERCE",
        ),
        (
            "Ukrainian drones hit an oil depot in Crimea, which Russia annexed in 2014, the "
            "Russian-installed governor said.",
            "ASSAULT",
        ),
    ],
)
def test_a_date_that_belongs_to_something_else_does_not_date_the_event(
    pipeline: Pipeline, text: str, kind: str
) -> None:
    event = _first(_events(pipeline, text, "2025-03-12"), kind)
    assert event.time_id is None and "historical" not in event.aux
    assert (event.date_from, event.date_start, event.date_end) == (
        "publication",
        _day("2025-03-06"),
        _day("2025-03-12"),
    )


def test_an_undated_event_takes_the_time_in_focus_earlier_in_its_paragraph(
    pipeline: Pipeline,
) -> None:
    text = (
        "Myanmar military jets bombed a monastery in Sagaing region on Tuesday, residents "
        "said. Resistance fighters ambushed an army convoy in Magway region, killing two "
        "soldiers."
    )
    events = [e for e in _events(pipeline, text, "2025-04-10") if e.type == "ASSAULT"]
    assert [(e.date_start, e.date_from) for e in events] == [
        (_day("2025-04-08"), "sentence"),
        (_day("2025-04-08"), "paragraph"),
    ]


def test_an_undated_event_later_in_the_story_takes_the_leads_time(pipeline: Pipeline) -> None:
    text = (
        "Russian missiles and drones struck Odesa on Thursday, killing at least six people, "
        "the regional governor said.\n\n"
        "Ukraine's air force said its units shot down most of the drones.\n\n"
        "The missiles hit a port warehouse and a block of flats, the governor said."
    )
    events = _events(pipeline, text, "2025-05-16")
    hit = next(e for e in events if e.trigger.text == "hit")
    assert (hit.date_start, hit.date_precision, hit.date_from) == (_day("2025-05-15"), 1, "lead")


def test_the_day_of_a_report_and_an_old_lead_set_no_focus(pipeline: Pipeline) -> None:
    reported = (
        "The army said on Friday that it had repelled an attack near Tillaberi.\n\n"
        "Gunmen burned a market in a nearby village, residents said."
    )
    burned = _first(_events(pipeline, reported, "2024-09-14"))
    assert (burned.date_from, burned.time_id) == ("publication", None)
    old = (
        "Islamist fighters overran the town of Palma in March 2021.\n\n"
        "Insurgents attacked a convoy on the road to Mocimboa da Praia, police said."
    )
    convoy = [e for e in _events(pipeline, old, "2024-09-14") if e.trigger.text == "attacked"]
    assert [(e.date_from, e.aux) for e in convoy] == [("publication", [])]


def test_a_running_total_since_the_war_began_is_not_dated_to_the_last_week(
    pipeline: Pipeline,
) -> None:
    text = (
        "More than 10,000 civilians have been killed since the war began, the UN human rights "
        "office said."
    )
    event = _first(_events(pipeline, text, "2025-03-12"))
    assert (event.date_start, event.date_end, event.date_precision, event.date_from) == (
        None,
        _day("2025-03-12"),
        5,
        "sentence",
    )


def test_a_running_total_since_then_starts_at_the_time_in_focus(pipeline: Pipeline) -> None:
    text = (
        "Protests broke out across Belarus after the disputed election on 9 August 2020. "
        "Since that day, thousands of people have been detained, and at least 400 have been "
        "jailed, rights groups say."
    )
    held = [e for e in _events(pipeline, text, "2021-06-20") if e.size.arrested is not None]
    assert [(e.date_start, e.date_end, e.date_precision, e.aux) for e in held] == [
        (_day("2020-08-09"), _day("2021-06-20"), 5, []),
        (_day("2020-08-09"), _day("2021-06-20"), 5, []),
    ]


def test_a_paragraph_that_goes_on_from_the_one_before_takes_its_recent_time(
    pipeline: Pipeline,
) -> None:
    text = (
        "Russian drones struck Kharkiv on Monday, killing two people, the governor said.\n\n"
        "On Wednesday, Ukrainian troops repelled an assault near Vovchansk, the army said.\n\n"
        "Russian artillery shelled the town of Kupiansk, the army said."
    )
    shelled = next(e for e in _events(pipeline, text, "2025-05-22") if e.trigger.text == "shelled")
    assert (shelled.date_start, shelled.date_from) == (_day("2025-05-21"), "paragraph")


def test_a_year_that_qualifies_another_noun_is_background_unless_since_starts_the_stretch(
    pipeline: Pipeline,
) -> None:
    background = (
        "Ukrainian drones struck a ferry in Kerch in the deadliest attack on the peninsula "
        "since the 2014 annexation, Russian officials said."
    )
    ferry = _first(_events(pipeline, background, "2025-03-12"))
    assert (ferry.date_from, ferry.aux) == ("publication", [])
    stretch = (
        "Hundreds of people have been killed in the region since the 2014 annexation, the "
        "rights group said."
    )
    killed = _first(_events(pipeline, stretch, "2025-03-12"))
    assert (killed.date_start, killed.date_end, killed.date_precision) == (
        _day("2014-01-01"),
        _day("2025-03-12"),
        5,
    )


def test_a_time_on_the_noun_of_the_same_happening_dates_it_but_not_another_kind(
    pipeline: Pipeline,
) -> None:
    same = "Five people were killed in Thursday's strike on a market in Sumy, officials said."
    killed = _first(_events(pipeline, same, "2025-04-19"))
    assert (killed.date_start, killed.date_from) == (_day("2025-04-17"), "sentence")
    other = (
        "Police in Kano have arrested a second suspect in the March 3 attack on a mosque, a "
        "police spokesman said."
    )
    arrest = _first(_events(pipeline, other, "2025-04-19"), "COERCE")
    assert arrest.date_start != _day("2025-03-03") and arrest.date_from == "publication"


def test_acts_since_then_run_from_the_time_in_focus_with_or_without_a_toll(
    pipeline: Pipeline,
) -> None:
    text = (
        "Riot police broke up a march in Minsk on 17 August 2020. Since then, opposition "
        "activists have been beaten and jailed across the country, rights groups say."
    )
    events = _events(pipeline, text, "2021-03-01")
    since = [e for e in events if e.trigger.text in ("beaten", "jailed")]
    assert [(e.date_start, e.date_end, e.aux) for e in since] == [
        (_day("2020-08-17"), _day("2021-03-01"), []),
        (_day("2020-08-17"), _day("2021-03-01"), []),
    ]


def test_a_since_that_compares_starts_no_stretch(pipeline: Pipeline) -> None:
    text = (
        "A missile strike killed five people in Zaporizhzhia, the deadliest attack on the city "
        "since 2023, officials said."
    )
    strike = _first(_events(pipeline, text, "2025-05-19"))
    assert (strike.date_from, strike.date_precision) == ("publication", 2)


def test_between_two_days_is_one_stretch(pipeline: Pipeline) -> None:
    text = (
        "Soldiers raided three villages in Kale township between Tuesday and Thursday, burning "
        "dozens of homes, a local resistance spokesman said."
    )
    raid = _first(_events(pipeline, text, "2025-01-13"))
    assert (raid.date_start, raid.date_end, raid.date_precision) == (
        _day("2025-01-07"),
        _day("2025-01-09"),
        2,
    )
