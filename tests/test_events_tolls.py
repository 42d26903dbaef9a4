"""Tolls: one toll per event per source. Hedges and ranges as UCDP's low/best/high; parts of a
toll, repeats and revised totals folded into the event they count; running totals kept off
today's strike. Sentences written for these tests, in wire style, from several conflicts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from conftest import Run

from wirecoder import Document, Pipeline
from wirecoder.schema import Article, Count, Event, Place, Span, StageRef, WherePrecision

Build = Callable[..., Document]
TEST_STAGE = StageRef(name="test", version="1")


def _events(pipeline: Pipeline, text: str, published: str = "2025-03-12") -> list[Event]:
    return pipeline.analyze(Article(text=text, published=published)).events


Range = tuple[int | None, int | None, int | None]


def _range(count: Count | None) -> Range | None:
    return None if count is None else (count.low, count.best, count.high)


def _killed(events: list[Event]) -> list[Range]:
    return [(c.low, c.best, c.high) for e in events if (c := e.size.killed) is not None]


def _place(
    text: str,
    place_id: str,
    name: str,
    precision: WherePrecision,
    admin1: str | None,
    country: str = "PS",
    at: tuple[float, float] | None = None,
) -> Place:
    start = text.index(name)
    return Place(
        id=place_id,
        stage=TEST_STAGE,
        name=name,
        mentions=[Span.of(text, start, start + len(name))],
        precision=precision,
        country_code=country,
        admin1=admin1,
        latitude=at[0] if at else None,
        longitude=at[1] if at else None,
    )


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        (
            "Gunmen killed at least 7 villagers in Zamfara state, police said.",
            "killed",
            (7, 7, None),
        ),
        (
            "More than 30 people were killed when militants stormed a camp near Djibo.",
            "killed",
            (31, 31, None),
        ),
        (
            "Nearly 1,500 people were killed in the battle for the city, the UN said.",
            "killed",
            (None, 1500, 1500),
        ),
        (
            "Up to 12 fighters were killed in an Israeli air strike on a building in Tyre.",
            "killed",
            (None, None, 12),
        ),
        (
            "Dozens of civilians were wounded when shells hit a market in Kharkiv.",
            "injured",
            (24, 36, 99),
        ),
        (
            "Between 10 and 15 soldiers were killed in clashes with the RSF near El Obeid.",
            "killed",
            (10, 12, 15),
        ),
        (
            "About 40 people were killed in a drone attack on a mosque in El Fasher, medics said.",
            "killed",
            (None, 40, None),
        ),
        (
            "Fewer than 10 protesters were arrested in Tbilisi on Saturday, police said.",
            "arrested",
            (None, None, 9),
        ),
    ],
)
def test_hedges_and_ranges_map_to_low_best_high_as_ucdp_does(
    pipeline: Pipeline, text: str, kind: str, expected: tuple[int | None, ...]
) -> None:
    counted = [getattr(e.size, kind) for e in _events(pipeline, text)]
    assert [_range(c) for c in counted if c is not None] == [expected]


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "An Israeli strike killed 22 people in Deir al-Balah on Thursday, including 10 "
            "children, medics said.",
            22,
        ),
        (
            "Jihadist fighters killed 14 villagers near Djibo, 6 of them women, the army said.",
            14,
        ),
        (
            "A Russian glide bomb killed nine people in Kharkiv, among them two children, the "
            "governor said.",
            9,
        ),
        (
            "Jihadist fighters killed five soldiers and three civilians in an attack on a convoy "
            "near Djibo, the army said.",
            8,
        ),
    ],
)
def test_a_part_given_with_a_toll_is_not_added_and_different_victims_are(
    pipeline: Pipeline, text: str, killed: int
) -> None:
    assert _killed(_events(pipeline, text)) == [(killed, killed, killed)]


@pytest.mark.parametrize(
    "text",
    [
        "A car bomb exploded at a checkpoint in Mogadishu, leaving 21 dead and 4 in serious "
        "condition, police said.",
        "Al-Shabaab fighters attacked a hotel in Kismayo, police said: 21 dead, 4 in serious "
        "condition.",
    ],
)
def test_those_in_serious_condition_are_not_the_dead(pipeline: Pipeline, text: str) -> None:
    assert _killed(_events(pipeline, text)) == [(21, 21, 21)]


def test_the_killed_and_the_injured_are_counted_apart(pipeline: Pipeline) -> None:
    text = (
        "A Russian missile hit a railway station in Kramatorsk on Friday, killing 4 people and "
        "wounding 19, the regional governor said."
    )
    (strike,) = [e for e in _events(pipeline, text) if e.size.killed is not None]
    assert (_range(strike.size.killed), _range(strike.size.injured)) == ((4, 4, 4), (19, 19, 19))


def test_two_tolls_side_by_side_are_two_events(pipeline: Pipeline) -> None:
    text = (
        "Russian shelling killed three people in Kherson and a drone strike killed two in "
        "Nikopol, officials said."
    )
    tolls = _killed(_events(pipeline, text))
    assert len(tolls) == 2 and set(tolls) == {(2, 2, 2), (3, 3, 3)}


def test_located_parts_of_an_areas_toll_are_events_and_the_area_keeps_the_rest(
    make_document: Build, run: Run
) -> None:
    text = (
        "Israeli strikes killed 22 people across the Gaza Strip on Thursday, medics said. "
        "An air strike on a house in Khan Younis killed nine people. In Rafah, a strike on a "
        "tent camp killed seven."
    )
    document = make_document(text, published="2025-04-04")
    # the gazetteer files the Strip and its towns under different division codes: the towns
    # lie near the Strip's centre
    document.places += [
        _place(text, "P1", "Gaza Strip", 4, "Gaza Strip", at=(31.42, 34.33)),
        _place(text, "P2", "Khan Younis", 1, "Khan Yunis", at=(31.34, 34.31)),
        _place(text, "P3", "Rafah", 1, "Rafah", at=(31.30, 34.25)),
    ]
    placed = {e.place_id: _range(e.size.killed) for e in run(document) if e.size.killed is not None}
    assert placed == {"P1": (6, 6, 6), "P2": (9, 9, 9), "P3": (7, 7, 7)}


def test_unlocated_parts_told_just_after_a_toll_are_the_same_event(pipeline: Pipeline) -> None:
    text = (
        "RSF drones struck a displacement camp outside El Obeid on Monday, killing 15 people, "
        "aid workers said. Six were killed as they queued for water, the workers said."
    )
    counted = [e for e in _events(pipeline, text) if e.size.killed is not None]
    assert _killed(counted) == [(15, 15, 15)] and len(counted[0].spans) == 2


def test_a_larger_later_toll_or_a_separate_attack_is_not_a_part(
    make_document: Build, run: Run
) -> None:
    text = (
        "RSF shelling killed five people in North Darfur on Monday, activists said. Seven "
        "were killed in El Fasher, the state's capital. In a separate attack, two were killed "
        "in Kutum."
    )
    document = make_document(text, published="2025-04-04")
    document.places += [
        _place(text, "P1", "North Darfur", 4, "North Darfur", "SD"),
        _place(text, "P2", "El Fasher", 1, "North Darfur", "SD"),
        _place(text, "P3", "Kutum", 1, "North Darfur", "SD"),
    ]
    tolls = _killed([e for e in run(document) if e.type == "ASSAULT"])
    assert len(tolls) == 3 and set(tolls) == {(2, 2, 2), (5, 5, 5), (7, 7, 7)}


def test_the_same_toll_told_again_later_is_one_event(pipeline: Pipeline) -> None:
    text = (
        "Military air strikes on a village in northern Shan state killed 11 people on "
        "Thursday, a local resistance group said.\n\n"
        "The group said the jets dropped bombs on a market and a school.\n\n"
        "The air strikes killed 11 people, including four children, the group said."
    )
    counted = [e for e in _events(pipeline, text) if e.size.killed is not None]
    assert _killed(counted) == [(11, 11, 11)] and len(counted[0].spans) == 2


@pytest.mark.parametrize(
    ("update", "expected"),
    [
        ("The death toll rose to 18 on Tuesday, regional officials said.", (18, 18, 18)),
        (
            "The death toll from the strike has climbed to 18, regional officials said.",
            (18, 18, 18),
        ),
        (
            "The death toll from the strike rose to 18, Russian state media reported.",
            (13, 13, 18),
        ),
    ],
)
def test_a_later_total_updates_the_toll_and_another_sources_widens_it(
    pipeline: Pipeline, update: str, expected: tuple[int, int, int]
) -> None:
    text = (
        "A Russian missile strike on a shopping centre in Kremenchuk killed 13 people on "
        f"Monday, regional officials said.\n\n{update}"
    )
    events = _events(pipeline, text)
    assert _killed(events) == [expected]
    assert len([e for e in events if e.size.killed is not None][0].spans) == 2


def test_a_running_total_is_not_todays_toll_nor_a_new_event(pipeline: Pipeline) -> None:
    beside = (
        "An Israeli strike on a tent camp in Mawasi killed 9 people on Tuesday, bringing the "
        "number of Palestinians killed since October 2023 to more than 50,000, the health "
        "ministry said."
    )
    assert _killed(_events(pipeline, beside)) == [(9, 9, 9)]
    later = (
        "A Russian glide bomb killed three people in Kharkiv on Sunday, the governor said.\n\n"
        "More than 12,000 civilians have been killed since the full-scale invasion began, "
        "according to the United Nations."
    )
    assert _killed(_events(pipeline, later)) == [(3, 3, 3)]


def test_a_running_total_alone_stays_dated_by_its_stretch(pipeline: Pipeline) -> None:
    text = (
        "Clashes between rival militias in Tripoli have killed at least 55 people since "
        "January, the UN mission said."
    )
    (event,) = [e for e in _events(pipeline, text) if e.size.killed is not None]
    assert _range(event.size.killed) == (55, 55, None)
    assert (event.date_precision, event.date_from) == (5, "sentence")


def test_two_sources_tolls_of_one_strike_in_one_sentence_are_one_range(
    pipeline: Pipeline,
) -> None:
    text = (
        "Israeli strikes killed 22 people in Jabalia on Tuesday, Israeli officials said, while "
        "the Gaza civil defence agency said 30 people died in the strikes."
    )
    assert _killed(_events(pipeline, text)) == [(22, 22, 30)]


def test_a_story_tells_one_toll_once_and_the_wars_toll_is_no_event(pipeline: Pipeline) -> None:
    text = (
        "Myanmar military air strikes on a village in northern Shan state killed 11 people, "
        "including three children, on Tuesday, a local resistance group said.\n\n"
        "The jets bombed a monastery where villagers had sheltered, the group said. Four of "
        "the dead were monks.\n\n"
        "The air strikes killed 11 people, the group said in a statement on Wednesday.\n\n"
        "More than 6,000 civilians have been killed by the military since the 2021 coup, "
        "according to a monitoring group."
    )
    events = _events(pipeline, text, "2025-02-13")
    counted = [e for e in events if e.size.killed is not None]
    assert _killed(counted) == [(11, 11, 11)] and len(counted[0].spans) == 2
    assert (counted[0].date_start, counted[0].date_from) == (dt.date(2025, 2, 11), "sentence")
    bombed = next(e for e in events if e.trigger.text == "bombed")
    assert (bombed.date_start, bombed.date_from) == (dt.date(2025, 2, 11), "lead")


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ("The army said in a statement that the attack left 19 dead.", (19, 19, 25)),
        ("A nurse at the district hospital put the death toll at 41.", (25, 25, 41)),
    ],
)
def test_another_sources_toll_of_the_same_attack_widens_its_range(
    pipeline: Pipeline, second: str, expected: Range
) -> None:
    text = (
        "Gunmen on motorbikes attacked a gold mine near Kidal on Friday, killing at least 25 "
        f"people, local officials said.\\n\\n{second}"
    )
    assert _killed(_events(pipeline, text)) == [expected]


def test_a_figure_since_replaced_is_no_toll_and_the_day_of_a_new_total_no_date(
    pipeline: Pipeline,
) -> None:
    rose = (
        "The death toll from a militia attack on a camp for displaced people near Djugu rose to "
        "51 on Wednesday from 41 a day earlier, a local official said."
    )
    (attack,) = [e for e in _events(pipeline, rose, "2025-02-12") if e.size.killed is not None]
    assert _range(attack.size.killed) == (51, 51, 51)
    assert attack.date_start != dt.date(2025, 2, 12) and attack.date_from == "publication"
    initially = (
        "Russian drones struck Odesa overnight, killing 10 people, regional officials said. "
        "The officials had initially put the toll at eight."
    )
    assert _killed(_events(pipeline, initially, "2024-11-18")) == [(10, 10, 10)]


def test_a_running_total_hung_anywhere_in_its_clause_is_no_new_event(pipeline: Pipeline) -> None:
    text = (
        "A Ukrainian drone attack on a bus in Belgorod region killed one person on Monday, the "
        "governor said.\n\n"
        "The governor said 56 civilians had been killed in the region by shelling and drone "
        "strikes since the start of the year."
    )
    assert _killed(_events(pipeline, text, "2025-05-19")) == [(1, 1, 1)]


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        (
            "A Russian glide bomb hit a block of flats in Zaporizhzhia on Thursday evening, "
            "killing a four-year-old boy and his grandfather, the governor said.",
            (2, 2, 2),
            None,
        ),
        (
            "A man was killed and a woman was wounded in a drone attack on Nikopol on Sunday, "
            "the regional governor said.",
            (1, 1, 1),
            (1, 1, 1),
        ),
        (
            "Gunmen killed a police officer in Kidal on Monday, a local official said.",
            (1, 1, 1),
            None,
        ),
    ],
)
def test_victims_named_one_by_one_are_counted(
    pipeline: Pipeline, text: str, killed: Range, injured: Range | None
) -> None:
    (event,) = [e for e in _events(pipeline, text) if e.size.killed is not None]
    assert (_range(event.size.killed), _range(event.size.injured)) == (killed, injured)


def test_a_lead_summed_by_the_events_below_it_is_no_record_of_its_own(
    make_document: Build, run: Run
) -> None:
    text = (
        "Russian attacks killed four civilians and wounded three in Kherson region over the "
        "weekend, officials said. In Bilozerka, three men were killed and two were wounded when "
        "shells hit a bus stop. A woman was killed and a man was wounded when a drone struck a "
        "car in Stanislav."
    )
    document = make_document(text, published="2025-01-20")
    document.places += [
        _place(text, "P1", "Kherson region", 4, "Kherson", "UA"),
        _place(text, "P2", "Bilozerka", 1, "Kherson", "UA"),
        _place(text, "P3", "Stanislav", 1, "Kherson", "UA"),
    ]
    tolls = {
        e.place_id: (_range(e.size.killed), _range(e.size.injured))
        for e in run(document)
        if e.size.killed is not None
    }
    assert tolls == {"P2": ((3, 3, 3), (2, 2, 2)), "P3": ((1, 1, 1), (1, 1, 1))}
