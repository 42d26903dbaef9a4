"""Within-report event coreference and cross-report matching, on hand-made mentions of reports
written for these tests: anaphora, toll updates, day-shifting cues, background, look-alikes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from wirecoder.corpus import (
    ArticleFacts,
    EventRecord,
    PlaceMention,
    cluster_events,
    is_background,
    merge_reason,
    tell_stories,
)

TUESDAY = dt.date(2024, 3, 12)
WEEK = {"date_start": TUESDAY - dt.timedelta(days=6), "date_end": TUESDAY}
ZAPORIZHZHIA = {
    "place_id": 1,
    "place_name": "Zaporizhzhia",
    "latitude": 47.8388,
    "longitude": 35.1396,
    "where_precision": 1,
    "country_code": "UA",
    "admin1": "Zaporizka oblast",
}
DNIPRO = {
    "place_id": 2,
    "place_name": "Dnipro",
    "latitude": 48.4647,
    "longitude": 35.0462,
    "where_precision": 1,
    "country_code": "UA",
    "admin1": "Dnipropetrovska oblast",
}
NOWHERE = {"place_id": None, "place_name": None, "latitude": None, "longitude": None}


class Report:
    """A report's text and its event mentions, each at its trigger in its sentence."""

    def __init__(self, article_id: int, *sentences: str) -> None:
        self.article_id = article_id
        self.sentences = sentences
        self.text = " ".join(sentences)
        self.count = 0

    def mention(self, sentence: int, trigger: str, **fields: Any) -> EventRecord:
        """The mention whose trigger is the first ``trigger`` of sentence ``sentence``."""
        start = self.text.index(self.sentences[sentence])
        position = self.text.index(trigger, start)
        self.count += 1
        values: dict[str, Any] = {
            "id": self.article_id * 100 + self.count,
            "article_id": self.article_id,
            "type": "ASSAULT",
            "date_start": TUESDAY,
            "date_end": TUESDAY,
            "trigger": trigger,
            "position": position,
            "sentence": self.sentences[sentence],
            "sentence_start": start,
            "claims": ((self.article_id * 100 + self.count, 500 + self.article_id),),
            **ZAPORIZHZHIA,
        }
        values.update(fields)
        return EventRecord(**values)


def kinds(stories: list[Any]) -> list[tuple[str, list[int]]]:
    return [(story.kind, [member.id for member in story.members]) for story in stories]


def test_later_mentions_without_place_or_date_join_the_reports_event() -> None:
    report = Report(
        1,
        "A Russian guided bomb hit a five-storey apartment building in Zaporizhzhia on Tuesday.",
        "Rescuers said the attack had left at least nine people dead.",
        "The death toll from the strike rose to 12 in the evening, the regional governor said.",
    )
    lead = report.mention(0, "hit")
    attack = report.mention(1, "attack", **NOWHERE, **WEEK, dated_by_text=False)
    toll = report.mention(2, "strike", **NOWHERE, **WEEK, dated_by_text=False, killed=(12, 12, 12))
    [story] = tell_stories([toll, attack, lead])
    assert [m.id for m in story.members] == [lead.id, attack.id, toll.id]
    assert story.identity.place_name == "Zaporizhzhia" and story.identity.date_start == TUESDAY
    assert "refers back" in story.reasons[attack.id]


@pytest.mark.parametrize(
    ("sentence", "trigger", "days"),
    [
        ("A drone hit a bus in Dnipro, a day after a missile strike on the city killed 8.",
         "strike", -1),
        ("Drones struck the port on Tuesday, two days after shelling of the district.",
         "shelling", -2),
        ("The raid came a day before a strike on the market that killed four.", "strike", 1),
    ],
)  # fmt: skip
def test_a_day_shifting_phrase_tells_another_event_of_another_day(
    sentence: str, trigger: str, days: int
) -> None:
    report = Report(2, sentence)
    first = report.mention(0, sentence.split()[2] if days != 1 else "raid", **DNIPRO)
    other = report.mention(0, trigger, **NOWHERE, **WEEK, dated_by_text=False)
    stories = tell_stories([first, other])
    assert len(stories) == 2
    shifted = stories[1]
    assert shifted.shift == days
    assert shifted.identity.date_start == TUESDAY + dt.timedelta(days=days)
    assert shifted.identity.place_name == "Dnipro"  # "the city": the report's place


def test_hours_after_the_explosion_is_the_same_event() -> None:
    report = Report(
        3,
        "An explosion tore through a crowd at a food distribution point in Zaporizhzhia.",
        "Doctors treated dozens of people in the hours after the explosion, a U.N. office said.",
    )
    lead = report.mention(0, "explosion")
    again = report.mention(1, "explosion", **NOWHERE, **WEEK, dated_by_text=False)
    assert len(tell_stories([lead, again])) == 1


@pytest.mark.parametrize(
    "second",
    [
        "Hours later, the city came under attack again.",
        "In a separate incident, gunmen attacked a checkpoint on the road north of the city.",
        "On the same day, an attack on a village killed two farmers.",
    ],
)
def test_again_separate_and_the_same_day_start_another_event(second: str) -> None:
    report = Report(4, "Shelling hit a market in Zaporizhzhia on Tuesday, killing five.", second)
    lead = report.mention(0, "Shelling")
    other = report.mention(1, "attack" if "attack" in second else "attacked", **NOWHERE)
    assert [story.members[0].id for story in tell_stories([lead, other])] == [lead.id, other.id]


@pytest.mark.parametrize(
    "sentence",
    [
        "The city has been hit repeatedly since the start of the full-scale invasion.",
        "More than 11,000 civilians have been killed across the country since February 2022.",
        "Moscow says it does not deliberately target civilians.",
        "The army says it strikes only military targets on the other bank.",
        "Attacks on the region's two largest cities have intensified.",
        "Families have fled fighting in nearby villages for months.",
    ],
)
def test_running_totals_habits_and_summaries_are_background(sentence: str) -> None:
    assert is_background(EventRecord(1, 1, "ASSAULT", None, None), sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The strike was the deadliest on the city since last autumn.",
        "Two shells hit the camp, which shelters people who have fled fighting, at 10 a.m.",
        "Drones struck the market, in the latest of a series of attacks that have killed hundreds.",
    ],
)
def test_the_event_at_hand_is_not_background(sentence: str) -> None:
    report = Report(5, sentence)
    trigger = next(word for word in ("strike", "hit", "struck") if word in sentence)
    assert [s.kind for s in tell_stories([report.mention(0, trigger)])] == ["event"]


def test_a_historical_mention_is_background() -> None:
    assert is_background(EventRecord(1, 1, "ASSAULT", None, None, historical=True), "")


def test_a_different_target_in_the_same_report_is_another_event_unless_it_refers_back() -> None:
    report = Report(
        6,
        "Artillery shells hit the central market of Zaporizhzhia on Tuesday, killing six.",
        "The army said it had repelled an assault on the eastern defences on Tuesday.",
        "The shelling also damaged a school, the mayor said.",
    )
    market = report.mention(0, "hit", targets=frozenset({"market"}))
    defences = report.mention(1, "assault", **NOWHERE, targets=frozenset({"military"}))
    school = report.mention(
        2, "shelling", **NOWHERE, **WEEK, dated_by_text=False, targets=frozenset({"school"})
    )
    stories = tell_stories([market, defences, school])
    assert kinds(stories) == [("event", [market.id, school.id]), ("event", [defences.id])]


def test_a_place_the_report_is_not_about_is_a_geocoding_slip() -> None:
    """ "Zeitoun" in Gaza read as Malta's Zejtun: the report names Gaza and Israel, never Malta."""
    report = Report(7, "An air strike hit a school in the Zeitoun neighbourhood of Gaza City.")
    text = report.text
    facts = ArticleFacts(
        id=7,
        places=(
            PlaceMention(9, "Zejtun", 35.85, 14.53, "MT", 1, text.index("Zeitoun")),
            PlaceMention(10, "Gaza", 31.50, 34.47, "PS", 1, text.index("Gaza")),
            PlaceMention(11, "Palestine", 31.9, 35.2, "PS", 6, 400),
            PlaceMention(12, "Israel", 31.5, 34.8, "IL", 6, 450, "demonym"),
        ),
    )
    malta = {"place_id": 9, "place_name": "Zejtun", "latitude": 35.85, "longitude": 14.53}
    lead = report.mention(0, "hit", **{**malta, "country_code": "MT"})
    [story] = tell_stories([lead], facts)
    assert facts.focus_country == "PS"
    assert story.identity.place_name == "Gaza" and story.identity.where_precision == 2


def test_a_country_wide_wave_is_not_the_citys_event() -> None:
    report = Report(
        8,
        "A missile hit a hospital in Dnipro on Tuesday.",
        "The president, who was born in Dnipro, said Russia had launched 60 drones across Ukraine.",
    )
    text = report.text
    facts = ArticleFacts(
        id=8,
        places=(
            PlaceMention(2, "Dnipro", 48.46, 35.05, "UA", 1, text.index("Dnipro")),
            PlaceMention(2, "Dnipro", 48.46, 35.05, "UA", 1, text.rindex("Dnipro")),
            PlaceMention(3, "Ukraine", 49.0, 32.0, "UA", 6, text.index("Ukraine")),
        ),
    )
    lead = report.mention(0, "hit", **DNIPRO)
    ukraine = {"place_id": 3, "place_name": "Ukraine", "latitude": 49.0, "longitude": 32.0}
    wave = report.mention(1, "launched", **ukraine, where_precision=6, country_code="UA")
    stories = tell_stories([lead, wave], facts)
    assert len(stories) == 2 and stories[1].identity.place_name == "Ukraine"


def test_a_partys_account_inside_its_denial_stays_the_event() -> None:
    report = Report(
        9,
        "Shells hit homes in Zaporizhzhia on Tuesday, killing three children.",
        "The rebels accused government forces of shelling their own positions.",
    )
    homes = report.mention(0, "hit", targets=frozenset({"residential"}))
    accused = report.mention(1, "accused", type="ACCUSE", **NOWHERE)
    positions = report.mention(1, "shelling", **NOWHERE, targets=frozenset({"military"}))
    stories = tell_stories([homes, accused, positions])
    assert [m.id for m in stories[0].members] == [homes.id, positions.id]


def test_same_city_next_day_and_same_day_other_city_stay_apart_across_reports() -> None:
    def lead(article: int, **fields: Any) -> EventRecord:
        sentence = "A strike hit the city on the day the report names."
        return Report(article, sentence).mention(0, "hit", **fields)

    missile = frozenset({"missile"})
    tuesday = lead(10, weapons=missile)
    again_tuesday = lead(11, weapons=missile)
    wednesday = lead(
        12, date_start=TUESDAY + dt.timedelta(days=1), date_end=TUESDAY + dt.timedelta(days=1)
    )
    elsewhere = lead(13, **DNIPRO, weapons=missile)
    drones = lead(14, weapons=frozenset({"drone"}))
    clusters = cluster_events([tuesday, again_tuesday, wednesday, elsewhere, drones])
    together = [sorted(m.article_id for m in c.members) for c in clusters]
    assert sorted(together) == [[10, 11], [12], [13], [14]]
    reason = merge_reason(tuesday, drones)
    assert reason is None


def test_two_accounts_of_one_targets_cause_stay_one_event() -> None:
    """The same target hit at one place and day: one account says an air strike, the other a
    misfired rocket - one event, contested, not two."""
    hospital = frozenset({"medical"})
    air = Report(15, "An air strike hit a hospital.").mention(
        0, "hit", targets=hospital, weapons=frozenset({"air"})
    )
    rocket = Report(16, "A misfired rocket hit the hospital.").mention(
        0, "hit", targets=hospital, weapons=frozenset({"missile"})
    )
    reason = merge_reason(air, rocket)
    assert reason is not None and "same target (medical)" in reason


def test_clusters_do_not_depend_on_the_order_records_come_in() -> None:
    reports = [
        Report(20 + n, "Shells hit the market in Zaporizhzhia on Tuesday.").mention(0, "hit")
        for n in range(4)
    ]
    facts = {
        r.article_id: ArticleFacts(id=r.article_id, digest=f"{9 - r.article_id % 10}")
        for r in reports
    }
    forward = cluster_events(reports, facts)
    backward = cluster_events(reports[::-1], facts)

    def shape(clusters: list[Any]) -> list[list[int]]:
        return sorted(sorted(m.id for m in c.members) for c in clusters)

    assert shape(forward) == shape(backward) == [[m.id for m in reports]]
