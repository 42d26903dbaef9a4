"""Origins: one canonical source per body, unnamed officials and descriptions folded, witnesses
one origin, publishers only for what their staff saw, contesting voices apart; the toll as each
voice's latest figures. Wordings written for these tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from wirecoder.corpus import (
    CONTESTING,
    CORROBORATING,
    UNATTRIBUTED,
    ArticleFacts,
    EventRecord,
    Source,
    Voice,
    claim_homes,
    fold_sources,
    resolve,
    tally,
    tell_stories,
)

DAY = dt.date(2024, 8, 10)


def voice(name: str, written: str | None = None, **fields: Any) -> Voice:
    values: dict[str, Any] = {"claim_id": 1, "origin": 1, "name": name, "written": written}
    values.update(fields)
    return Voice(**values)


def canonical(*voices: Voice, country: str | None = "PS") -> list[str]:
    """The canonical keys the voices fold to, within one event in ``country``."""
    sources = [resolve(v) for v in voices]
    folded = fold_sources(sources, country)
    return sorted({folded[s.key].key for s in sources})


@pytest.mark.parametrize(
    "wordings",
    [
        ["Gaza's health ministry", "the health ministry in Hamas-run Gaza",
         "Palestinian health officials", "The Gaza health ministry"],
        ["Gaza's civil defence agency", "civil defence spokesman Mahmoud Basal",
         "the Palestinian civil defence"],
        ["Israel's military", "military spokesman Lieutenant Colonel Avi Dror",
         "the Israel Defense Forces"],
    ],
)  # fmt: skip
def test_one_body_named_many_ways_is_one_origin(wordings: list[str]) -> None:
    assert len(canonical(*(voice(w, w) for w in wordings))) == 1


def test_a_person_is_the_body_a_report_titles_them_with() -> None:
    titled = voice("Oleh Kiper", "regional governor Oleh Kiper")
    bare = voice("Oleh Kiper", "Kiper")
    pronoun = voice("Oleh Kiper", "he")
    head = voice(
        "Yuliia Marchenko", "Yuliia Marchenko, who heads the city military administration,"
    )
    assert canonical(titled, bare, pronoun, head, country="UA") == [
        "city_administration:UA",
        "regional_administration:UA",
    ]


def test_unnamed_officials_of_a_side_fold_into_its_named_official_source() -> None:
    unnamed = [
        voice("officials", "officials"),
        voice("local authorities", "local authorities"),
        voice("the military authorities in Ouagadougou", "the military authorities in Ouagadougou"),
        voice("a security source", "a security source"),
    ]
    alone = canonical(*unnamed, country="BF")
    assert alone == ["unnamed:BF"]
    government = voice("Burkina Faso's government", "Burkina Faso's government")
    assert canonical(*unnamed, government, country="BF") == ["government:BF"]


def test_each_side_keeps_its_own_unnamed_officials() -> None:
    sides = canonical(
        voice("Israeli officials", "Israeli officials", country="ISR"),
        voice("Palestinian officials", "Palestinian officials"),
    )
    assert sides == ["unnamed:IL", "unnamed:PS"]


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("residents", "witness"),
        ("Amina Yusuf, 44, who sells vegetables at the market", "witness"),
        ("a trader who lost his brother", "witness"),
        ("Medecins Sans Frontieres", "actor"),
        ("MSF emergency coordinator Lina Haddad", "actor"),
        ("the RSF-backed civil administration", "regional_administration"),
        ("the Houthi-run health ministry", "health_ministry"),
        ("Al Shabaab, which is fighting the federal government", "actor"),
        ("Wednesday", "none"),
        ("telephone", "none"),
        ("Israel", "government"),
    ],
)
def test_how_a_source_is_read(written: str, kind: str) -> None:
    assert resolve(voice(written, written)).kind == kind


def test_a_place_is_never_a_source() -> None:
    assert resolve(voice("Djibo", "Djibo"), places=["djibo"]).kind == "none"
    assert resolve(
        voice("Sumy", "Sumy regional military administration"), places=["sumy"]
    ).kind == ("regional_administration")


def test_a_description_folds_into_the_one_named_group() -> None:
    rebels = resolve(voice("the rebels", "the rebels"))
    m23 = resolve(voice("M23", "M23"))
    folded = fold_sources([rebels, m23], "CD")
    assert folded[rebels.key] == folded[m23.key]


def test_the_united_nations_and_its_agency_are_one_origin() -> None:
    assert canonical(
        voice("the United Nations", "the United Nations"),
        voice("OCHA", "the U.N. humanitarian office OCHA"),
    ) == ["actor:igo.un"]


def mention(
    article: int, number: int, sentence: str, trigger: str, *voices: Voice, **fields: Any
) -> EventRecord:
    values: dict[str, Any] = {
        "id": article * 10 + number,
        "article_id": article,
        "type": "ASSAULT",
        "date_start": DAY,
        "date_end": DAY,
        "place_id": 1,
        "place_name": "Gaza",
        "latitude": 31.5,
        "longitude": 34.47,
        "where_precision": 1,
        "country_code": "PS",
        "trigger": trigger,
        "position": sentence.index(trigger),
        "sentence": sentence,
        "sentence_start": 0,
        "voices": voices,
    }
    values.update(fields)
    return EventRecord(**values)


def test_deniers_contest_publishers_do_not_vouch_and_each_voice_gives_its_latest_toll() -> None:
    early = dt.datetime(2024, 8, 10, 8)
    late = dt.datetime(2024, 8, 10, 20)
    ministry = voice("Gaza health ministry", "Gaza's health ministry", claim_id=1, origin=11)
    ministry_later = voice("Gaza health ministry", "the health ministry", claim_id=2, origin=11)
    army = voice(
        "Israel's military",
        "Israel's military",
        claim_id=3,
        origin=12,
        stance="denied",
        position=0,
        content="firing at the site",
    )
    first = mention(1, 1, "A strike killed 15 people.", "strike", ministry, killed=(15, 15, 15))
    second = mention(
        2, 1, "A strike killed 22 people.", "strike", ministry_later, killed=(22, 22, 22)
    )
    own = mention(
        3, 1, "A strike killed 20 people.", "strike", publisher_origin=99, killed=(20, 20, 20)
    )
    facts = {
        1: ArticleFacts(1, "a", "Crescent Daily", DAY, early),
        2: ArticleFacts(2, "b", "Meridian Wire", DAY, late, claims=(army,)),
        3: ArticleFacts(3, "c", "Steppe Herald", DAY, late),
    }
    stories = [s for a in (first, second, own) for s in tell_stories([a], facts[a.article_id])]
    homes = {}
    for story in stories:
        homes.update(claim_homes([story], facts[story.article_id]))
    voices = tally(stories, facts, homes)
    roles = {v.name: v.role for v in voices.voices}
    assert roles == {
        "Gaza's health ministry": CORROBORATING,
        "Israel's military": CONTESTING,
        "Steppe Herald": UNATTRIBUTED,
    }
    [origin] = voices.origins
    assert origin.killed is not None and origin.killed[1] == 22  # the later report's figure
    assert voices.toll("killed") == (20, 22)


def test_a_publishers_own_staff_at_the_scene_is_an_origin() -> None:
    sentence = "A Kestrel News reporter who visited the camp saw two craters between the tents."
    seen = mention(4, 1, sentence, "visited", publisher_origin=98)
    facts = {4: ArticleFacts(4, "d", "Kestrel News", DAY)}
    stories = tell_stories([seen], facts[4])
    voices = tally(stories, facts, claim_homes(stories, facts[4]))
    assert [v.name for v in voices.origins] == ["Kestrel News (own staff at the scene)"]


def test_a_denial_of_something_else_contests_nothing() -> None:
    rejected = voice("the government media office", "the government media office",
                     stance="denied", content="the list of names")  # fmt: skip
    story = mention(5, 1, "A strike hit a school.", "strike", rejected)
    facts = {5: ArticleFacts(5, "e", "Levant Desk", DAY)}
    stories = tell_stories([story], facts[5])
    assert tally(stories, facts, {}).contesting == []


def test_a_source_is_a_frozen_value() -> None:
    source = Source("key", "label", "witness")
    with pytest.raises(AttributeError):
        source.key = "other"  # type: ignore[misc]
