"""No event without words that assert one: who holds or controls ground is a state, not a capture;
a press release, a released video or gas is no release of people; people gathering or queueing for
aid are not given aid; "held X responsible" is no arrest; and, the other way, a capture named by a
noun ("announced the capture of the village") is one. Sentences written for these tests, from
several conflicts, each with the event that does happen beside the look-alike."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from wirecoder import Pipeline
from wirecoder.schema import Article, Event

Run = Callable[[str], list[Event]]


@pytest.fixture(scope="module")
def run(pipeline: Pipeline) -> Run:
    def analyse(text: str) -> list[Event]:
        return pipeline.analyze(Article(text=text, published="2024-05-10")).events

    return analyse


def _kinds(events: list[Event]) -> list[tuple[str, str | None, str]]:
    return [(e.type, e.mode, e.trigger.text) for e in events]


def _asserted(events: list[Event], kind: str, mode: str | None = None) -> list[Event]:
    """Events of the kind that the text asserts happened (not negated, hypothetical or future)."""
    return [
        e
        for e in events
        if e.type == kind
        and (mode is None or e.mode == mode)
        and not {"negated", "hypothetical", "future"} & set(e.aux)
    ]


# ------------------------------------------------------------------ who holds the ground


@pytest.mark.parametrize(
    "text",
    [
        "It was uncertain who controlled Andriivka after days of fighting.",
        "It was not clear which side controlled the bridge over the Oskil river on Thursday.",
        "Rebels controlled the town of Bunagana for two years before the army returned.",
        "The junta's troops held the airport in Lashio until the ceasefire.",
        "Reuters could not verify who held the crossing at Adre.",
        "Al-Shabaab fighters controlled much of the Middle Shabelle countryside last year.",
    ],
)
def test_holding_ground_is_no_capture(run: Run, text: str) -> None:
    events = run(text)
    assert not _asserted(events, "ASSAULT", "capture"), _kinds(events)
    assert not [e for e in events if e.type == "COERCE" and e.mode == "arrest"], _kinds(events)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Russian forces took control of Andriivka on Tuesday, the ministry said.", "took control"),
        ("Russia's defence ministry announced the capture of the village of Andriivka.", "capture"),
        ("M23 rebels seized the town of Rubaya on Tuesday, residents said.", "seized"),
        ("Local officials confirmed the capture of the town of Kalehe by M23 rebels.", "capture"),
    ],
)
def test_a_capture_said_so_is_one(run: Run, text: str, trigger: str) -> None:
    captures = _asserted(run(text), "ASSAULT", "capture")
    assert [e.trigger.text for e in captures] == [trigger]


def test_whether_a_village_fell_is_not_asserted(run: Run) -> None:
    text = "It was not clear whether Russian forces had captured the village of Novohrodivka."
    events = run(text)
    assert not _asserted(events, "ASSAULT", "capture"), [(e.trigger.text, e.aux) for e in events]


def test_blaming_is_no_detention_and_detention_still_is(run: Run) -> None:
    blamed = run("Yemen's government held the Houthis responsible for the drone strike on Aden.")
    assert not [e for e in blamed if e.type == "COERCE"], _kinds(blamed)
    held = run("Police in Goma held two suspects for questioning after the grenade attack.")
    assert [e.mode for e in held if e.type == "COERCE"] == ["arrest"]


# ---------------------------------------------------------------------- releases


@pytest.mark.parametrize(
    "text",
    [
        "The figures were published in a U.S. Central Command press release on Friday.",
        "The strike on the radar site was confirmed in a U.S. Central Command release.",
        "According to a news release from the ministry, the ceasefire in Tigray remains in force.",
        "The Israeli army released a video showing its troops entering the hospital compound.",
        "The RSF released footage of its fighters at the airport in Nyala.",
        "A chemical spill at the fertiliser plant released a toxic cloud over the town.",
        "Myanmar's junta released figures showing 400 people had been arrested.",
    ],
)
def test_what_is_published_or_let_out_is_no_release_of_people(run: Run, text: str) -> None:
    events = run(text)
    assert not [e for e in events if e.mode == "release"], _kinds(events)
    assert not [e for e in events if e.type == "AGREE"], _kinds(events)


@pytest.mark.parametrize(
    "text",
    [
        "Hamas released four Israeli hostages on Saturday, the army said.",
        "The Houthis freed 19 crew members of the seized cargo ship.",
        "Mediators secured the release of 40 detainees held by the RSF in Khartoum.",
        "A jihadist group in Burkina Faso released two kidnapped aid workers on Monday.",
        "She was released on Tuesday after six months in a junta prison in Yangon.",
    ],
)
def test_people_set_free_are_a_release(run: Run, text: str) -> None:
    events = run(text)
    assert [e.mode for e in events if e.type == "RETREAT"] == ["release"], _kinds(events)


# ------------------------------------------------------------------------- aid


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of people gathered to receive aid in Khan Younis on Sunday.",
        "Thousands of displaced people queued for food aid in Rafah.",
        "Families waited for hours to collect food rations at a distribution point in Deir"
        " al-Balah.",
        "Crowds rushed to get flour from aid lorries near Gaza City, witnesses said.",
    ],
)
def test_waiting_for_aid_is_no_aid_given(run: Run, text: str) -> None:
    events = run(text)
    assert not [e for e in events if e.type == "AID"], _kinds(events)


@pytest.mark.parametrize(
    ("text", "giver"),
    [
        ("The World Food Programme delivered food aid to 20,000 people in Darfur.", "igo.wfp"),
        ("Displaced families received aid from the Red Cross in Goma.", "igo.icrc"),
    ],
)
def test_aid_given_is_aid_from_the_giver(run: Run, text: str, giver: str) -> None:
    aid = [e for e in run(text) if e.type == "AID"]
    assert len(aid) == 1 and aid[0].actor is not None and aid[0].actor.actor_id == giver
    assert aid[0].recipient is not None and aid[0].recipient.sector == "CVL"


def test_an_attack_on_people_waiting_for_aid_is_still_an_attack(run: Run) -> None:
    text = (
        "Israeli fire killed 20 people who had gathered to receive aid in Gaza City, medics said."
    )
    events = run(text)
    assert not [e for e in events if e.type == "AID"], _kinds(events)
    assert _asserted(events, "ASSAULT"), _kinds(events)
