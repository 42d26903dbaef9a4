"""Who did it: the doer of an event comes from the event's own words, never from whoever reports,
witnesses, flees or endures it; "by" phrases name it; pronouns and repeated group nouns take the
doer named before them; words that name nobody ("others", "the area", "Eastern outskirts") are no
actor, and a passive without an agent keeps none. Sentences written for these tests, from several
conflicts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from wirecoder import Pipeline
from wirecoder.schema import Article, Event, Participant

Run = Callable[[str], list[Event]]


@pytest.fixture(scope="module")
def run(pipeline: Pipeline) -> Run:
    """The default pipeline: places and times as a user gets them."""

    def analyse(text: str) -> list[Event]:
        return pipeline.analyze(Article(text=text, published="2024-05-10")).events

    return analyse


def _event(events: list[Event], trigger: str) -> Event:
    found = [e for e in events if e.trigger.text == trigger]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in events]
    return found[0]


def _code(participant: Participant | None) -> tuple[str | None, str | None] | None:
    return None if participant is None else (participant.country, participant.sector)


# --------------------------------------------------------------- the speaker is not the doer


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Ukraine's top commander reported heavy fighting around Pokrovsk on Sunday.", "fighting"),
        ("Ukraine's top commander says fierce battles under way near Pokrovsk", "battles"),
        (
            "Gaza's civil defence agency reported an air strike on a school in Gaza City.",
            "air strike",
        ),
        ("The governor of Kharkiv reported shelling of two villages overnight.", "shelling"),
        ("Witnesses in Gao described the strike on the market to reporters.", "strike"),
        ("Sudan's army said clashes erupted in Omdurman on Tuesday.", "clashes"),
        ("Myanmar's junta spokesman said fighting continued near Lashio.", "fighting"),
        ("Thousands of families fled the fighting in North Kivu, the UN said.", "fighting"),
        ("Residents fled after shelling in Kherson, the mayor said.", "shelling"),
    ],
)
def test_who_reports_witnesses_or_flees_an_event_does_not_do_it(
    run: Run, text: str, trigger: str
) -> None:
    event = _event(run(text), trigger)
    assert event.type == "ASSAULT"
    assert event.actor is None


def test_a_reported_event_is_kept_though_no_side_is_named(run: Run) -> None:
    text = "A Sudanese army commander reported fierce clashes on the outskirts of Nyala."
    event = _event(run(text), "clashes")
    assert event.actor is None and event.mode == "clash"


@pytest.mark.parametrize(
    ("text", "trigger", "country", "sector"),
    [
        (
            "The Israeli military said it struck a Hamas command centre in Rafah.",
            "struck",
            "ISR",
            "MIL",
        ),
        (
            "Russia's defence ministry said its forces shelled Ukrainian positions.",
            "shelled",
            "RUS",
            "MIL",
        ),
        ("The Houthis claimed an attack on a cargo ship in the Red Sea.", "attack", "YEM", "REB"),
        (
            "Russia's defence ministry announced the capture of the village of Andriivka.",
            "capture",
            "RUS",
            "MIL",
        ),
    ],
)
def test_a_speaker_is_the_doer_only_when_it_says_so(
    run: Run, text: str, trigger: str, country: str, sector: str
) -> None:
    event = _event(run(text), trigger)
    assert event.actor is not None and event.actor.country == country
    assert event.type == "ASSAULT"


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine's top commander Oleksandr Syrskyi said they had shelled Kupiansk overnight.",
        "A spokesman for the Sudanese army said they shelled the market in El Fasher.",
    ],
)
def test_they_in_what_one_person_says_is_not_the_speaker(run: Run, text: str) -> None:
    event = _event(run(text), "shelled")
    assert event.actor is None or event.actor.country not in ("UKR", "SDN")


# ------------------------------------------------------------------------- "by" phrases


@pytest.mark.parametrize(
    ("text", "trigger", "country", "sector"),
    [
        (
            "Ukraine's general staff said its troops repelled 17 attempts by Russian forces to "
            "advance near Kupiansk.",
            "advance",
            "RUS",
            "MIL",
        ),
        (
            "Two civilians were wounded by shelling by Ukraine's armed forces in Horlivka, "
            "Russian-installed officials said.",
            "shelling",
            "UKR",
            "MIL",
        ),
        (
            "Three people were killed in shelling by Ukraine's armed forces in Donetsk, local "
            "officials said.",
            "shelling",
            "UKR",
            "MIL",
        ),
        (
            "Five people were killed in an attack carried out by RSF fighters on a market in "
            "El Fasher.",
            "attack",
            "SDN",
            "REB",
        ),
        (
            "The raid on the village was carried out by RSF fighters, witnesses said.",
            "raid",
            "SDN",
            "REB",
        ),
        (
            "A woman was killed by a drone launched by Russian forces in Kherson.",
            "killed",
            "RUS",
            "MIL",
        ),
        ("A drone fired by Houthi rebels hit a tanker in the Gulf of Aden.", "hit", "YEM", "REB"),
        ("Israel's bid to encircle Jabalia met fierce resistance.", "encircle", "ISR", None),
    ],
)
def test_a_by_phrase_names_the_doer(
    run: Run,
    text: str,
    trigger: str,
    country: str,
    sector: str | None,
) -> None:
    event = _event(run(text), trigger)
    assert event.actor is not None, event
    assert event.actor.country == country
    if sector is not None:
        assert event.actor.sector == sector


def test_a_participle_of_claiming_names_the_group(run: Run) -> None:
    text = "An ambush claimed by Islamic State killed 12 soldiers in western Niger."
    event = _event(run(text), "ambush")
    assert event.actor is not None and event.actor.sector == "REB"
    assert event.recipient is not None and event.recipient.sector == "MIL"


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        ("Ukraine accused Russia of shelling Kherson on Monday.", "shelling", "RUS"),
        ("The Sudanese army blamed the RSF for the attack on the market.", "attack", "SDN"),
        ("Officials in Kinshasa blamed the attack on M23 rebels.", "attack", "COD"),
        (
            "Yemen's government held the Houthis responsible for the drone strike.",
            "drone strike",
            "YEM",
        ),
    ],
)
def test_the_accused_is_the_doer_not_the_accuser(
    run: Run, text: str, trigger: str, country: str
) -> None:
    events = run(text)
    event = _event(events, trigger)
    assert event.actor is not None and event.actor.country == country
    if "RSF" in text:
        assert event.actor.actor_id == "sdn.rsf"
    if "Houthis" in text:
        assert event.actor.actor_id == "yem.houthis"
    assert not [e for e in events if e.type == "COERCE"]  # "held X responsible" is no arrest


def test_a_denied_responsibility_names_no_doer(run: Run) -> None:
    text = "A Taliban spokesman denied his group was responsible for the bombing in Kabul."
    events = run(text)
    assert all(e.actor is None for e in events if e.type == "ASSAULT")


# ------------------------------------------------------------- targets are not doers


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("Ukrainian forces repelled an attack near Kupiansk on Thursday.", "attack", "UKR"),
        ("Malian soldiers thwarted a raid on their base in Boulkessi.", "raid", "MLI"),
        ("Ukrainian forces came under heavy shelling near Chasiv Yar.", "shelling", "UKR"),
        ("Israeli troops came under attack in Jenin, the army said.", "attack", "ISR"),
    ],
)
def test_who_repels_or_comes_under_an_attack_is_its_target(
    run: Run, text: str, trigger: str, target: str
) -> None:
    event = _event(run(text), trigger)
    assert event.actor is None or event.actor.country != target
    assert event.recipient is not None and event.recipient.country == target


def test_a_named_attacker_stays_when_the_attack_is_repelled(run: Run) -> None:
    text = "The RSF said its fighters had repelled an army attack on Nyala."
    event = _event(run(text), "attack")
    assert event.actor is not None and event.actor.sector == "MIL"
    assert event.recipient is not None and event.recipient.sector == "REB"


# --------------------------------------------------------- doers named before the event


@pytest.mark.parametrize(
    ("text", "trigger", "actor_id"),
    [
        (
            "Russian forces pressed on towards Kurakhove on Monday. They shelled Andriivka "
            "overnight.",
            "shelled",
            "rus.mil",
        ),
        (
            "M23 rebels seized the town of Rubaya on Tuesday. The rebels then shelled army "
            "positions to the south.",
            "shelled",
            "cod.m23",
        ),
        (
            "Houthi forces, who control much of northern Yemen, fired two missiles at a "
            "tanker on Sunday.",
            "fired",
            "yem.houthis",
        ),
    ],
)
def test_a_doer_named_before_is_the_doer(run: Run, text: str, trigger: str, actor_id: str) -> None:
    event = _event(run(text), trigger)
    assert event.actor is not None and event.actor.actor_id == actor_id


def test_a_pronoun_takes_the_subject_of_the_sentence_before(run: Run) -> None:
    text = (
        "Jihadist fighters ambushed an army convoy in central Mali on Monday. They killed 14 "
        "soldiers and seized weapons."
    )
    event = _event(run(text), "killed")
    assert event.actor is not None and event.actor.sector == "REB"


def test_it_stands_for_one_body_not_for_many(run: Run) -> None:
    text = "The soldiers left the base in Kidal. It was later shelled by the rebels."
    events = run(text)
    shelled = _event(events, "shelled")
    assert shelled.actor is not None and shelled.actor.sector == "REB"
    assert shelled.recipient is None or shelled.recipient.sector != "MIL"


def test_a_nationality_pressing_attacks_is_its_army(run: Run) -> None:
    text = "Russians pressed attacks on Pokrovsk on Tuesday, Ukraine's military said."
    event = _event(run(text), "attacks")
    assert _code(event.actor) == ("RUS", "MIL")


# -------------------------------------------------------------- nobody is no actor


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Eastern outskirts of the town came under heavy shelling, the governor said.", "shelling"),
        ("Others were killed when a shell hit the building in Kharkiv.", "killed"),
        ("The area was hit by an air strike on Sunday, residents said.", "air strike"),
        ("The weekend saw renewed shelling of Sloviansk.", "shelling"),
        ("It was attacked overnight, a local official said.", "attacked"),
        ("Three civilians were killed in Khartoum on Monday.", "killed"),
        ("A school in Gaza City was struck on Tuesday, medics said.", "struck"),
    ],
)
def test_words_that_name_nobody_are_no_actor(run: Run, text: str, trigger: str) -> None:
    events = run(text)
    matching = [e for e in events if e.trigger.text == trigger]
    assert all(e.actor is None for e in matching), [(e.trigger.text, e.actor) for e in events]


def test_unnamed_attackers_are_still_doers(run: Run) -> None:
    text = "Unidentified assailants ambushed a bus near Djibo, killing nine passengers."
    event = _event(run(text), "ambushed")
    assert event.actor is not None and "assailants" in event.actor.name


@pytest.mark.parametrize(
    ("text", "trigger", "actor_id"),
    [
        (
            "Yemeni officials say four aid workers kidnapped by suspected al-Qaeda gunmen were "
            "freed on Sunday.",
            "kidnapped",
            "xxx.al.qaeda",
        ),
        (
            "Northern Burkina Faso has seen a wave of deadly raids carried out by Islamic State "
            "militants since March.",
            "raids",
            "xxx.isis",
        ),
        (
            "Islamic State claimed responsibility for the attack on the checkpoint in Diffa.",
            "attack",
            "xxx.isis",
        ),
        (
            "Nine villagers were killed at the hands of RSF fighters in Geneina, survivors said.",
            "killed",
            "sdn.rsf",
        ),
    ],
)
def test_more_ways_of_naming_the_doer(run: Run, text: str, trigger: str, actor_id: str) -> None:
    event = _event(run(text), trigger)
    assert event.actor is not None and event.actor.actor_id == actor_id


def test_denied_responsibility_names_no_doer(run: Run) -> None:
    events = run("The Houthis denied responsibility for the attack on the tanker off Hodeidah.")
    assert all(e.actor is None for e in events if e.type == "ASSAULT")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "Police in Kirkuk said a pair of bombs went off a few minutes after each other by "
            "the old bazaar, killing at least five people.",
            "exploded",
        ),
        (
            "The army said it foiled a plot to blow up a checkpoint near Jenin.",
            "blow up",
        ),
        (
            "A witness said he saw a second bomb explode outside the market in Maiduguri, "
            "killing four traders.",
            "killing",
        ),
    ],
)
def test_what_a_speaker_saw_or_stopped_is_not_the_speakers_doing(
    run: Run, text: str, trigger: str
) -> None:
    events = [e for e in run(text) if e.type == "ASSAULT"]
    assert events, text
    assert all(e.actor is None for e in events), [(e.trigger.text, e.actor) for e in events]


def test_a_news_agency_is_no_antecedent(run: Run) -> None:
    text = (
        "Reuters reported that armed youths killed seven people in Abidjan on Wednesday when "
        "they opened fire on civilians."
    )
    events = [e for e in run(text) if e.type == "ASSAULT"]
    assert events and all(e.actor is None or "Reuters" not in e.actor.name for e in events)


@pytest.mark.parametrize(
    ("text", "trigger", "name"),
    [
        (
            "Dozens of attackers in army uniforms stormed the village of Mainok.",
            "stormed",
            "attackers",
        ),
        ("A police sergeant shot a teenager at a checkpoint in Juba.", "shot", "police sergeant"),
        (
            "Hitting back overnight, the United States destroyed two Houthi radar sites.",
            "destroyed",
            "United States",
        ),
    ],
)
def test_people_counted_ranked_or_named_in_full_are_doers(
    run: Run, text: str, trigger: str, name: str
) -> None:
    event = _event(run(text), trigger)
    assert event.actor is not None and name in event.actor.name
