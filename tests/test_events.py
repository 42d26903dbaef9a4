"""Events stage on wire-style sentences written for these tests, with hand-built places, times
and claims standing in for the stages that make them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from conftest import TEST_STAGE, Run, place_named
from spacy.language import Language

from wirecoder import Document, get_stage
from wirecoder.schema import (
    Claim,
    DatePrecision,
    Event,
    Place,
    PlaceRole,
    Source,
    Span,
    TimeExpression,
    WherePrecision,
)

Build = Callable[..., Document]


def _span(text: str, phrase: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return Span.of(text, start, start + len(phrase))


def _place(
    text: str,
    place_id: str,
    name: str,
    precision: WherePrecision,
    role: PlaceRole = "location",
    feature: str | None = None,
) -> Place:
    return place_named(text, place_id, name, role=role, precision=precision, feature=feature)


def _time(
    text: str, time_id: str, phrase: str, day: str, precision: DatePrecision = 1
) -> TimeExpression:
    date = dt.date.fromisoformat(day)
    return TimeExpression(
        id=time_id,
        stage=TEST_STAGE,
        span=_span(text, phrase),
        type="DATE",
        value=day,
        start=date,
        end=date,
        precision=precision,
    )


def _only(events: list[Event], kind: str, mode: str | None = None) -> Event:
    matching = [e for e in events if e.type == kind and (mode is None or e.mode == mode)]
    assert len(matching) == 1, [(e.type, e.mode, e.trigger.text) for e in events]
    return matching[0]


def test_strike_with_actor_recipient_toll_date_place_and_claim(
    make_document: Build, run: Run
) -> None:
    text = (
        "Officials in the occupied city of Horlivka said at least nine residents were killed on "
        "Tuesday in three Ukrainian rocket strikes on a market, the state news agency RIA reported."
    )
    document = make_document(text, published="2024-05-08")
    document.places.append(_place(text, "P1", "Horlivka", 1))
    document.times.append(_time(text, "T1", "Tuesday", "2024-05-07"))
    content = _span(
        text,
        "at least nine residents were killed on Tuesday in three Ukrainian rocket strikes "
        "on a market",
    )
    document.claims.append(
        Claim(
            id="C1",
            stage=TEST_STAGE,
            source=Source(name="officials", kind="official"),
            content=[content],
        )
    )
    strike = _only(run(document), "ASSAULT")
    assert strike.mode == "heavy-weapons"
    assert strike.actor is not None and (strike.actor.country, strike.actor.sector) == (
        "UKR",
        "MIL",
    )
    assert strike.recipient is not None and strike.recipient.sector == "CVL"
    assert strike.size.killed is not None
    assert (strike.size.killed.low, strike.size.killed.best, strike.size.killed.high) == (
        9,
        9,
        None,
    )
    assert strike.size.killed.span is not None and strike.size.killed.span.text == "nine"
    assert (strike.place_id, strike.where_precision) == ("P1", 1)
    assert (strike.time_id, strike.date_start, strike.date_precision) == (
        "T1",
        dt.date(2024, 5, 7),
        1,
    )
    assert strike.claim_ids == ["C1"]
    assert strike.aux == []


def test_report_date_is_not_the_event_date_and_undated_falls_back_to_publication(
    make_document: Build,
    run: Run,
) -> None:
    text = "Sudan's army recaptured the town of Wad Madani, the military said on Saturday."
    document = make_document(text, published="2025-01-12")
    document.places.append(_place(text, "P1", "Wad Madani", 1))
    document.times.append(_time(text, "T1", "Saturday", "2025-01-11"))
    capture = _only(run(document), "ASSAULT", "capture")
    assert capture.actor is not None and (capture.actor.country, capture.actor.sector) == (
        "SDN",
        "MIL",
    )
    assert capture.place_id == "P1"
    assert capture.time_id is None
    assert (capture.date_start, capture.date_end, capture.date_precision) == (
        dt.date(2025, 1, 6),
        dt.date(2025, 1, 12),
        2,
    )


@pytest.mark.parametrize(
    ("text", "kind", "mode", "aux"),
    [
        ("Israeli troops did not enter the camp overnight, the army said.", None, None, None),
        (
            "The rebels never captured the airport, residents said.",
            "ASSAULT",
            "capture",
            ["negated"],
        ),
        ("Both armies deny shelling the power plant.", "ASSAULT", "heavy-weapons", ["negated"]),
        (
            "The paramilitaries are seeking to seize the city of El Obeid.",
            "ASSAULT",
            "capture",
            ["future"],
        ),
        (
            "Kyiv will withdraw its troops from the bridgehead, a commander said.",
            "RETREAT",
            "withdraw",
            ["future"],
        ),
        (
            "If the talks fail, the army would attack the rebel enclave.",
            "ASSAULT",
            None,
            ["hypothetical"],
        ),
        (
            "The militia could overrun the base within days, analysts warned.",
            "ASSAULT",
            "capture",
            ["hypothetical"],
        ),
    ],
)
def test_auxiliary_modes(
    make_document: Build,
    run: Run,
    text: str,
    kind: str | None,
    mode: str | None,
    aux: list[str] | None,
) -> None:
    events = run(make_document(text, published="2024-03-01"))
    if kind is None:
        assert all(e.type != "ASSAULT" for e in events)
        return
    event = _only(events, kind, mode)
    assert event.aux == aux


@pytest.mark.parametrize(
    ("text", "kind", "mode"),
    [
        (
            "Syria says it is willing to withdraw its troops from the border zone.",
            "AGREE",
            "withdraw",
        ),
        (
            "The government will release 200 prisoners next week, the minister said.",
            "AGREE",
            "release",
        ),
        ("The rebels said they would not release the hostages.", "REJECT", "release"),
        ("The junta announced it will extend the curfew in the capital.", "THREATEN", "curfew"),
        ("The paramilitaries plan to seize the city of El Obeid.", "THREATEN", "capture"),
        ("The foreign minister said Ankara must hand over the suspects.", "REQUEST", None),
        ("Japan halted economic aid to the junta on Tuesday.", "SANCTION", "sever"),
    ],
)
def test_what_an_actor_says_it_will_do_is_coded_as_the_saying(
    make_document: Build, run: Run, text: str, kind: str, mode: str | None
) -> None:
    events = run(make_document(text))
    assert [(e.type, e.mode, e.aux) for e in events] == [(kind, mode, [])]


def test_a_place_named_earlier_in_the_paragraph_is_only_near(
    make_document: Build, run: Run
) -> None:
    text = (
        "Residents of Kupiansk spent the night in shelters. Russian artillery shelled the "
        "railway depot, killing two workers, the regional governor said."
    )
    document = make_document(text)
    document.places.append(_place(text, "P1", "Kupiansk", 1))
    shelling = _only(run(document), "ASSAULT", "heavy-weapons")
    assert (shelling.place_id, shelling.where_precision) == ("P1", 2)
    assert shelling.size.killed is not None and shelling.size.killed.best == 2


def test_violence_in_the_paragraph_makes_a_protest_a_riot(make_document: Build, run: Run) -> None:
    text = (
        "Thousands of farmers marched on the ministry in Dhaka on Monday. Some threw stones at "
        "the gates before the crowd dispersed."
    )
    protest = _only(run(make_document(text)), "PROTEST")
    assert protest.mode == "riot"


def test_a_promise_is_dated_when_it_was_made(make_document: Build, run: Run) -> None:
    text = "The rebels said on Monday they would free 40 hostages under the exchange deal."
    document = make_document(text, published="2024-06-05")
    document.times.append(_time(text, "T1", "Monday", "2024-06-03"))
    (promise,) = run(document)
    assert (promise.type, promise.mode) == ("AGREE", "release")
    assert (promise.time_id, promise.date_start, promise.date_precision) == (
        "T1",
        dt.date(2024, 6, 3),
        1,
    )
    assert promise.actor is not None and promise.actor.sector == "REB"


def test_an_event_long_before_publication_is_historical(make_document: Build, run: Run) -> None:
    text = "Russian troops invaded Ukraine in February 2022, a year before the town fell."
    document = make_document(text, published="2023-04-07")
    document.times.append(
        TimeExpression(
            id="T1",
            stage=TEST_STAGE,
            span=_span(text, "February 2022"),
            type="DATE",
            value="2022-02",
            start=dt.date(2022, 2, 1),
            end=dt.date(2022, 2, 28),
            precision=4,
        )
    )
    invasion = _only(run(document), "ASSAULT", "advance")
    assert invasion.aux == ["historical"]
    assert invasion.actor is not None and invasion.actor.country == "RUS"
    assert invasion.recipient is not None and invasion.recipient.country == "UKR"
    assert invasion.date_precision == 4


@pytest.mark.parametrize(
    ("text", "kind", "low", "best", "high"),
    [
        ("Gunmen killed at least 7 villagers in Zamfara state, police said.", "killed", 7, 7, None),
        (
            "Dozens of people were wounded when the mortar round hit the square.",
            "injured",
            24,
            36,
            99,
        ),
        ("Up to 20 soldiers died when a roadside bomb hit their convoy.", "killed", None, None, 20),
        ("Police arrested more than 180 protesters in the capital.", "arrested", 181, 181, None),
        ("Between 5 and 9 fighters were killed in the clashes.", "killed", 5, 7, 9),
    ],
)
def test_sizes_are_ranges(
    make_document: Build,
    run: Run,
    text: str,
    kind: str,
    low: int | None,
    best: int | None,
    high: int | None,
) -> None:
    events = run(make_document(text))
    counted = [getattr(e.size, kind) for e in events if getattr(e.size, kind) is not None]
    assert len(counted) == 1, [(e.type, e.mode, e.size) for e in events]
    assert (counted[0].low, counted[0].best, counted[0].high) == (low, best, high)


@pytest.mark.parametrize(
    ("text", "kind", "mode"),
    [
        (
            "A suicide bomber blew himself up at a checkpoint in Mogadishu, killing four soldiers.",
            "ASSAULT",
            "suicide-attack",
        ),
        ("Russian drones struck an apartment block in Odesa overnight.", "ASSAULT", "drone"),
        ("Warplanes bombed a fuel depot near Idlib on Monday.", "ASSAULT", "aerial"),
        ("Militants hurled a grenade at a police post in Pulwama.", "ASSAULT", "grenade"),
        ("Sappers defused a bomb planted under a bridge in Kirkuk.", "COERCE", "defuse"),
        ("Air defences shot down 14 drones over the Kyiv region.", "COERCE", "defuse"),
        ("Security forces seized weapons and ammunition in a raid on a farm.", "COERCE", "defuse"),
        ("Unknown assailants abducted three aid workers in North Kivu.", "ASSAULT", "abduct"),
        ("Police detained two journalists covering the rally.", "COERCE", "arrest"),
        ("Thousands of teachers went on strike over unpaid wages.", "PROTEST", "strike-lim"),
        ("Rioters torched shops and looted a bank in the port city.", "ASSAULT", "destroy"),
        ("Turkish troops set up a new observation post in Idlib province.", "MOBILIZE", "base"),
        (
            "Ukrainian forces withdrew from the village of Krynky, the army said.",
            "RETREAT",
            "withdraw",
        ),
        ("Islamic State fighters overran an army outpost near Palmyra.", "ASSAULT", "capture"),
        ("Houthi forces released 50 prisoners under the exchange deal.", "RETREAT", "release"),
        ("The EU imposed sanctions on three Iranian drone makers.", "SANCTION", None),
        ("Lebanon's prime minister spoke by phone with the French president.", "CONSULT", "phone"),
    ],
)
def test_modes(make_document: Build, run: Run, text: str, kind: str, mode: str | None) -> None:
    events = run(make_document(text))
    assert any(e.type == kind and e.mode == mode for e in events), [
        (e.type, e.mode, e.trigger.text) for e in events
    ]


def test_meeting_in_one_sides_capital_is_a_visit_by_the_other(
    make_document: Build, run: Run
) -> None:
    text = (
        "Turkish Foreign Minister Hakan Fidan held talks with his Iranian counterpart "
        "Abbas Araqchi in Tehran."
    )
    document = make_document(text)
    document.places.append(_place(text, "P1", "Tehran", 1, feature="capital"))
    meeting = _only(run(document), "CONSULT")
    assert meeting.mode == "visit"
    assert meeting.actor is not None and meeting.actor.actor_id == "tur.fidan"
    assert meeting.recipient is not None and meeting.recipient.actor_id == "irn.araqchi"
    assert meeting.place_id == "P1"


def test_one_sentence_several_events_and_a_repeated_report_is_one_event(
    make_document: Build, run: Run
) -> None:
    text = (
        "Russian forces captured the village of Pervomaiske and shelled the town of Kurakhove, "
        "Ukraine's military said.\n\n"
        "Police in Moscow detained 12 activists at a vigil.\n\n"
        "Pervomaiske was captured by Russian forces after weeks of fighting, the statement added."
    )
    document = make_document(text, published="2024-10-02")
    document.places += [_place(text, "P1", "Pervomaiske", 1), _place(text, "P2", "Kurakhove", 1)]
    events = run(document)
    captures = [e for e in events if e.mode == "capture"]
    assert len(captures) == 1
    assert len(captures[0].spans) == 2 and captures[0].place_id == "P1"
    shelling = _only(events, "ASSAULT", "heavy-weapons")
    assert shelling.place_id == "P2"
    arrest = _only(events, "COERCE", "arrest")
    assert arrest.size.arrested is not None and arrest.size.arrested.best == 12
    assert [e.id for e in events] == [f"E{n}" for n in range(1, len(events) + 1)]


def _attributed(text: str, claim_id: str, source: str, content: str) -> Claim:
    return Claim(
        id=claim_id,
        stage=TEST_STAGE,
        source=Source(name=source, kind="intelligence"),
        content=[_span(text, content)],
    )


def test_an_advance_into_the_centre_folds_with_its_capture_on_one_sources_word(
    make_document: Build, run: Run
) -> None:
    text = (
        "Wagner fighters have probably taken the centre of Soledar, Estonian intelligence said.\n\n"
        "Shelling went on across the Donetsk region, the general staff said.\n\n"
        '"Wagner has now likely advanced into the town centre," Estonian intelligence said.'
    )
    document = make_document(text)
    document.places += [
        _place(text, "P1", "Soledar", 1, feature="town"),
        _place(text, "P2", "Donetsk region", 4, feature="admin1"),
    ]
    first = "Wagner fighters have probably taken the centre of Soledar"
    second = '"Wagner has now likely advanced into the town centre,"'
    document.claims += [
        _attributed(text, "C1", "Estonian intelligence", first),
        _attributed(text, "C2", "Estonian intelligence", second),
    ]
    capture = _only(run(document), "ASSAULT", "capture")
    assert (capture.place_id, len(capture.spans), capture.claim_ids) == ("P1", 2, ["C1", "C2"])
    # on the word of two different sources, the advance stays an event of its own
    document.events.clear()
    document.claims[1] = _attributed(text, "C2", "a Russian war blogger", second)
    assert _only(run(document), "ASSAULT", "advance").place_id == "P1"


def test_the_strikes_that_killed_are_not_the_toll_and_a_retold_strike_is_one_event(
    make_document: Build, run: Run
) -> None:
    text = (
        "Five miners were killed in three Russian strikes on Pokrovsk on Monday. Later, officials "
        "repeated that the three Russian strikes on Pokrovsk on Monday killed five miners."
    )
    document = make_document(text)
    document.places.append(_place(text, "P1", "Pokrovsk", 1, feature="town"))
    strike = _only(run(document), "ASSAULT")
    killed = strike.size.killed
    assert killed is not None and (killed.low, killed.best, killed.high) == (5, 5, 5)
    assert len(strike.spans) == 2
    drones = _only(run(make_document("Two drones killed four farmers near Kupiansk.")), "ASSAULT")
    assert drones.size.killed is not None and drones.size.killed.best == 4


def test_authorities_coercing_at_home_are_placed_in_their_state(
    make_document: Build, run: Run
) -> None:
    text = (
        "Shelling hit Kupiansk in Ukraine on Monday. "
        "Belarusian police have since detained dozens of critics of the war. "
        "Belarusian-installed officials detained two farmers."
    )
    document = make_document(text)
    document.places += [
        _place(text, "P1", "Kupiansk", 1, feature="town"),
        _place(text, "P2", "Ukraine", 6, feature="country"),
        _place(text, "P3", "Belarusian", 6, role="demonym", feature="country"),
    ]
    document.places[2] = document.places[2].model_copy(update={"name": "Belarus"})
    home, abroad = [e for e in run(document) if e.type == "COERCE"]
    assert (home.place_id, home.where_precision) == ("P3", 6)
    assert abroad.place_id == "P2"  # an administration on others' soil: not at home


def test_pronouns_and_possessives_take_their_antecedents_country(
    make_document: Build, run: Run
) -> None:
    text = "Zelenskiy said his units would withdraw from the town if they risked being surrounded."
    retreat = _only(run(make_document(text)), "RETREAT", "withdraw")
    assert retreat.actor is not None and (retreat.actor.country, retreat.actor.sector) == (
        "UKR",
        "MIL",
    )


def test_a_conditional_withdrawal_is_a_hypothesis_at_the_town_it_names(
    make_document: Build, run: Run
) -> None:
    text = (
        "Fighting raged around Vuhledar on Monday.\n\n"
        "The Ukrainian defence minister said on Tuesday his soldiers would withdraw from the "
        "town if they faced encirclement."
    )
    document = make_document(text)
    document.places.append(_place(text, "P1", "Vuhledar", 1, feature="town"))
    document.times.append(_time(text, "T1", "Tuesday", "2023-04-04"))
    # a contingency of the soldiers' own fate, not an offer to the other side: no AGREE
    retreat = _only(run(document), "RETREAT", "withdraw")
    assert "hypothetical" in retreat.aux
    assert (retreat.place_id, retreat.where_precision) == ("P1", 1)
    assert (retreat.time_id, retreat.date_start) == (None, None)


def test_a_withdrawal_on_the_other_sides_terms_is_an_offer(make_document: Build, run: Run) -> None:
    text = "Rebel commanders said they would pull out of the port if the government freed them."
    assert _only(run(make_document(text)), "AGREE", "withdraw").aux == []


def test_a_future_nobody_is_said_to_announce_is_the_act(make_document: Build, run: Run) -> None:
    told = run(make_document("Belarus will send more troops to the Polish border."))
    sent = _only(told, "MOBILIZE")
    assert sent.aux == ["future"]
    announced = "Belarus will send more troops to the Polish border, its defence minister said."
    assert _only(run(make_document(announced)), "THREATEN").aux == []


def test_a_possible_counter_offensive_is_an_assault_to_come(make_document: Build, run: Run) -> None:
    text = "The rebels may launch a counter-offensive next week."
    document = make_document(text)
    document.times.append(_time(text, "T1", "next week", "2023-04-12", precision=3))
    offensive = _only(run(document), "ASSAULT", "advance")
    assert offensive.trigger.text == "counter-offensive"
    assert {"future", "hypothetical"} <= set(offensive.aux)


def test_negated_events_can_be_left_out(nlp: Language, make_document: Build) -> None:
    document = make_document("The rebels never captured the airport, residents said.")
    get_stage("actors.v1").build(nlp, {})(document)
    get_stage("events.v1").build(nlp, {"keep_negated": False})(document)
    assert document.events == []


def test_no_events_in_plain_prose(make_document: Build, run: Run) -> None:
    assert (
        run(make_document("The museum reopened its west wing, which holds a collection of maps."))
        == []
    )


@pytest.mark.parametrize(
    "text",
    [
        "The Kremlin did not comment on the strike on the depot.",
        "Kyiv declined to respond to reports of shelling near the plant.",
        "There was no immediate comment from the army on the raid.",
    ],
)
def test_what_someone_did_not_comment_on_is_no_event(
    make_document: Build, run: Run, text: str
) -> None:
    assert run(make_document(text)) == []


def test_an_act_beside_a_comment_is_still_reported(make_document: Build, run: Run) -> None:
    text = "The army did not comment on the raid, but its artillery shelled the village overnight."
    assert [e.type for e in run(make_document(text))] == ["ASSAULT"]
