"""Cross-report folding: clustering rules on hand-made events, then the generated corpus with
known truth stored and rebuilt on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from postgres import postgres_server, store_url
from sqlalchemy import select

from wirecoder.corpus import (
    CorpusSummary,
    DenialClaim,
    EventRecord,
    cluster_events,
    dated_by_publication,
    find_contradictions,
    fold_descriptions,
    is_speculative,
    merge_reason,
    placed_by_story,
    rebuild,
)
from wirecoder.schema import ChainLink, Source, Span
from wirecoder.store import (
    ActorRow,
    ArticleRow,
    ClaimRow,
    ClusterRow,
    ContradictionRow,
    ContradictionSideRow,
    EventRow,
    open_store,
)
from wirecoder.testing import INCIDENTS, SyntheticCorpus, generate, score_clusters

__all__ = ["postgres_server", "store_url"]  # the database fixtures these tests use

DAY = dt.date(2023, 4, 6)
BAKHMUT = {
    "place_id": 1,
    "place_name": "Bakhmut",
    "latitude": 48.5956,
    "longitude": 38.0003,
    "where_precision": 1,
}
SOLEDAR = {
    "place_id": 2,
    "place_name": "Soledar",
    "latitude": 48.6833,
    "longitude": 38.0833,
    "where_precision": 1,
}


def record(id: int, **changes: Any) -> EventRecord:
    fields: dict[str, Any] = {
        "id": id,
        "article_id": id,
        "type": "ASSAULT",
        "date_start": DAY,
        "date_end": DAY,
        "actor_key": "russian forces",
        "actor_country": "RUS",
        **BAKHMUT,
        "claims": ((id, 100 + id),),
    }
    fields.update(changes)
    return EventRecord(**fields)


def test_same_type_place_date_and_actor_merge_with_a_reason() -> None:
    reason = merge_reason(record(1), record(2, actor_key="russia", actor_country="RUS"))
    assert reason is not None
    assert "same place Bakhmut" in reason and "2023-04-06" in reason


@pytest.mark.parametrize(
    "other",
    [
        record(2, type="PROTEST"),
        record(2, **SOLEDAR),
        record(2, date_start=DAY + dt.timedelta(days=2), date_end=DAY + dt.timedelta(days=2)),
        record(2, actor_key="ukrainian forces", actor_country="UKR"),
        record(2, place_id=None, latitude=None, longitude=None),
    ],
    ids=["type", "place-13km-apart", "dates", "actors", "no-place"],
)
def test_incompatible_events_stay_apart(other: EventRecord) -> None:
    assert merge_reason(record(1), other) is None


def test_an_actor_of_no_country_fits_either_side_but_two_named_groups_differ() -> None:
    gunmen = record(2, actor_key="gunmen", actor_country=None)
    assert merge_reason(record(1), gunmen) is not None
    hezbollah = record(3, actor_key="hezbollah", actor_country=None)
    amal = record(4, actor_key="amal", actor_country=None)
    assert merge_reason(hezbollah, amal) is None


def test_vaguer_place_or_date_widens_the_match() -> None:
    near = record(2, **{**SOLEDAR, "where_precision": 2})
    week = record(3, date_start=DAY - dt.timedelta(days=3), date_end=DAY + dt.timedelta(days=1))
    assert merge_reason(record(1), near) is not None
    assert merge_reason(record(1), week) is not None


def test_repeated_ministry_counts_one_origin() -> None:
    ministry = 7
    outlets = [record(i, claims=((i, ministry),)) for i in range(1, 6)]
    [cluster] = cluster_events(outlets)
    assert len(cluster.members) == 5 and cluster.origins == {ministry}
    [cluster] = cluster_events([*outlets, record(6, claims=((6, 8),))])
    assert cluster.origins == {ministry, 8}


def test_a_publisher_in_its_own_voice_is_no_origin() -> None:
    """A report stating the event without a source vouches for nothing first-hand."""
    [cluster] = cluster_events(
        [record(1, claims=(), publisher_origin=50), record(2, claims=((2, 51),))]
    )
    assert cluster.origins == {51}


def test_control_asserted_and_denied_is_a_contradiction() -> None:
    claimed = record(1, trigger="captured", mode="seize")
    denied = record(2, trigger="fallen", negated=True)
    [cluster] = cluster_events([claimed, denied])
    [contradiction] = find_contradictions(cluster)
    assert contradiction.kind == "control" and "control of Bakhmut" in contradiction.detail
    assert contradiction.side_a == (claimed,) and contradiction.side_b == (denied,)
    assert cluster.origins == claimed.origins


def test_one_voice_asserting_and_denying_is_not_a_dispute() -> None:
    claimed = record(1, trigger="captured", mode="seize")
    hedged = record(2, trigger="fallen", negated=True, claims=((2, 101),))
    [cluster] = cluster_events([claimed, hedged])
    assert find_contradictions(cluster) == []


def test_a_denial_claim_in_a_report_of_the_capture_disputes_control() -> None:
    claimed = record(1, trigger="captured", mode="capture")
    relayed = record(2, trigger="took", mode="capture", claims=((2, 101),))
    [cluster] = cluster_events([claimed, relayed])
    denial = DenialClaim(id=9, event_id=1, origin=200, content="that the town had fallen")
    rejection = DenialClaim(id=10, event_id=2, origin=201, content="the claim.")
    echo = DenialClaim(id=11, event_id=1, origin=101, content="not captured the station")
    unrelated = DenialClaim(id=12, event_id=1, origin=202, content="targeting civilians")
    [found] = find_contradictions(cluster, [denial, rejection, echo, unrelated])
    assert found.kind == "control" and set(found.denials) == {denial, rejection}
    assert "claim 10, claim 9" in found.detail
    strike = record(3, trigger="shelled", mode="artillery")
    [strikes] = cluster_events([strike])
    assert find_contradictions(strikes, [denial]) == []


def test_country_wide_reports_fold_only_with_each_other_on_one_named_day() -> None:
    ukraine = {
        "place_id": 9,
        "place_name": "Ukraine",
        "latitude": 49.0,
        "longitude": 32.0,
        "where_precision": 6,
        "country_code": "UA",
    }
    assert merge_reason(record(1, country_code="UA"), record(2, **ukraine)) is None
    assert merge_reason(record(3, **ukraine), record(4, **ukraine)) is not None
    week = record(5, **ukraine, date_start=DAY - dt.timedelta(days=6))
    assert merge_reason(week, record(6, **ukraine)) is None


@pytest.mark.parametrize(
    ("keys", "independent"),
    [
        ({1: "the regional governor", 2: "the donetsk regional governor"}, {2}),
        (
            {1: "officials", 2: "russian installed officials in donetsk", 3: "united nations"},
            {2, 3},
        ),
        ({1: "officials", 2: "russian installed officials", 3: "ukrainian officials"}, {1, 2, 3}),
        ({1: "russian armed forces", 2: "armed forces of ukraine"}, {1, 2}),
    ],
)
def test_a_vaguer_description_folds_into_the_one_fuller_description(
    keys: dict[int, str], independent: set[int]
) -> None:
    assert fold_descriptions(keys) == independent


def test_one_governor_described_twice_is_one_origin() -> None:
    vague = record(1, claims=((1, 101),), origin_keys=((101, "the regional governor"),))
    full = record(2, claims=((2, 102),), origin_keys=((102, "the donetsk regional governor"),))
    [cluster] = cluster_events([vague, full])
    assert len(cluster.origins) == 1


def test_casualty_figures_beyond_tolerance_disagree() -> None:
    seven, eight, two = (
        record(1, killed=(7, 7, 7)),
        record(2, killed=(None, 8, None)),
        record(3, killed=(2, 2, 2)),
    )
    [cluster] = cluster_events([seven, eight, two])
    [contradiction] = find_contradictions(cluster)
    assert contradiction.kind == "casualties"
    assert set(contradiction.side_a) == {two} and set(contradiction.side_b) == {seven, eight}
    assert find_contradictions(cluster_events([seven, eight])[0]) == []


def test_stance_on_a_proposition_without_place() -> None:
    posed = {
        "type": "THREATEN",
        "actor_key": "ukraine",
        "recipient_key": "russia",
        "place_id": None,
        "latitude": None,
        "longitude": None,
        "trigger": "threatened",
    }
    [cluster] = cluster_events([record(1, **posed), record(2, **posed, negated=True)])
    [contradiction] = find_contradictions(cluster)
    assert contradiction.kind == "stance"


def test_a_denial_about_a_whole_country_answers_a_report_placed_inside_it() -> None:
    belarus = {"place_id": 9, "place_name": "Belarus", "latitude": 53.0, "longitude": 28.0}
    mazyr = {"place_id": 8, "place_name": "Mazyr", "latitude": 52.05, "longitude": 29.25}
    threat = {"type": "THREATEN", "trigger": "threatened", "country_code": "BY"}
    posed = record(1, **threat, **mazyr, where_precision=1)
    denied = record(
        2,
        **threat,
        **belarus,
        where_precision=6,
        negated=True,
        actor_key="the drone",
        actor_country=None,
    )
    [cluster] = cluster_events([posed, denied])
    assert "Mazyr lies in Belarus" in cluster.reasons[2]
    assert [c.kind for c in find_contradictions(cluster)] == ["stance"]
    asserted_country_wide = record(3, **threat, **belarus, where_precision=6)
    assert merge_reason(posed, asserted_country_wide) is None


def test_a_claim_negating_the_events_word_disputes_a_stance() -> None:
    threat = {"type": "THREATEN", "trigger": "threatened", **BAKHMUT}
    posed = record(1, **threat)
    no_threat = DenialClaim(7, 1, 207, "the drone strayed and posed no threat to Belarus")
    [contradiction] = find_contradictions(cluster_events([posed])[0], [no_threat])
    assert (contradiction.kind, contradiction.denials) == ("stance", (no_threat,))
    assert DenialClaim(8, 1, 208, "it didn't threaten anyone").negates("threatened")
    for content in ("the threat was real", "no comment", "it threatened us, not once but twice"):
        assert not DenialClaim(9, 1, 209, content).negates("threatened")
    same_voice = DenialClaim(10, 1, 101, "posed no threat")
    assert find_contradictions(cluster_events([posed])[0], [same_voice]) == []


def test_a_publisher_in_its_own_voice_is_never_a_side() -> None:
    shelled = record(1, trigger="shelling", mode="heavy-weapons")
    unanswered = record(2, trigger="shelling", negated=True, claims=((2, 50),), publisher_origin=50)
    cluster = cluster_events([shelled, unanswered])[0]
    assert len(cluster.members) == 2 and find_contradictions(cluster) == []
    narrated = DenialClaim(7, 2, 50, "the market was not shelled")
    assert find_contradictions(cluster, [narrated]) == []
    quoted = DenialClaim(8, 2, 51, "the market was not shelled")
    assert [c.kind for c in find_contradictions(cluster, [quoted])] == ["stance"]


@pytest.fixture(scope="module", params=[7, 11])
def corpus(request: pytest.FixtureRequest) -> SyntheticCorpus:
    return generate(seed=request.param, reports_per_incident=5)


def test_generated_corpus_folds_counts_origins_and_flags_disputes(
    store_url: str, corpus: SyntheticCorpus
) -> None:
    with open_store(store_url) as store:
        for analysis in corpus.analyses:
            store.save(analysis)
        summary = rebuild(store)
        score = score_clusters(store, corpus)
        assert score.precision >= 0.9 and score.recall >= 0.9, score
        assert summary.events == sum(len(a.events) for a in corpus.analyses)

        with store.session() as session:
            rows = session.execute(
                select(ArticleRow.content_hash, EventRow.local_id, ClusterRow)
                .join(ArticleRow, ArticleRow.id == EventRow.article_id)
                .join(ClusterRow, ClusterRow.id == EventRow.cluster_id)
            ).all()
            by_incident: dict[str, set[int]] = defaultdict(set)
            origins: dict[int, int] = {}
            for digest, local, cluster in rows:
                by_incident[corpus.truth[(digest, local)]].add(cluster.id)
                origins[cluster.id] = cluster.origins
            for incident in INCIDENTS:
                [cluster_id] = by_incident[incident.key]
                assert origins[cluster_id] == len(corpus.origins(incident)), incident.key
            kinds = {
                (corpus.truth[(digest, local)], kind)
                for kind, digest, local in session.execute(
                    select(ContradictionRow.kind, ArticleRow.content_hash, EventRow.local_id)
                    .join(EventRow, EventRow.cluster_id == ContradictionRow.cluster_id)
                    .join(ArticleRow, ArticleRow.id == EventRow.article_id)
                )
            }
        assert kinds == {
            ("bakhmut-capture", "control"),
            ("vuhledar-capture", "control"),
            ("donetsk-shelling", "casualties"),
        }


def test_rebuild_is_repeatable(tmp_path: Path, corpus: SyntheticCorpus) -> None:
    with open_store(str(tmp_path / "c.db")) as store:
        for analysis in corpus.analyses[:10]:
            store.save(analysis)
        assert rebuild(store) == rebuild(store)


def test_a_foreseen_event_is_not_folded_or_counted() -> None:
    threat = record(2, speculative=True, claims=((2, 102),))
    clusters = cluster_events([record(1), threat])
    assert sorted(len(cluster.members) for cluster in clusters) == [1, 1]
    [alone] = [cluster for cluster in clusters if cluster.members == [threat]]
    assert alone.origins == set()


@pytest.mark.parametrize(
    ("aux", "stances", "speculative"),
    [
        (["future"], ["asserted"], True),
        ([], ["forecast", "hypothetical"], True),
        ([], ["forecast", "asserted"], False),
        (["negated"], [], False),
        ([], [], False),
    ],
)
def test_speculative_is_foreseen_or_supposed_only(
    aux: list[str], stances: list[str], speculative: bool
) -> None:
    assert is_speculative(aux, stances) is speculative


def test_a_vague_report_does_not_chain_two_distinct_events() -> None:
    earlier = record(1, date_start=DAY - dt.timedelta(days=4), date_end=DAY - dt.timedelta(days=4))
    vague = record(2, date_start=DAY - dt.timedelta(days=4), date_end=DAY)
    later = record(3)
    clusters = cluster_events([earlier, vague, later])
    assert sorted(len(cluster.members) for cluster in clusters) == [1, 2]


def test_two_named_days_must_be_one_a_vague_date_keeps_a_days_slack() -> None:
    """ "On Thursday" and "on Friday" at one town are two attacks (the look-alike of the next
    day); "earlier this week" resolved to Friday, or an overnight span, may be Thursday's."""
    friday = {"date_start": DAY + dt.timedelta(days=1), "date_end": DAY + dt.timedelta(days=1)}
    assert merge_reason(record(1), record(2, **friday)) is None
    vague = record(3, **friday, vague_date=True)
    reason = merge_reason(record(1), vague)
    assert reason is not None and "a day apart" in reason
    overnight = record(4, date_end=DAY + dt.timedelta(days=1))
    assert merge_reason(record(5, **friday), overnight) is not None
    later = record(6, date_start=DAY + dt.timedelta(days=2), date_end=DAY + dt.timedelta(days=2))
    assert merge_reason(record(1), replace(later, vague_date=True)) is None
    assert [len(c.members) for c in cluster_events([record(1), vague])] == [2]


def test_an_unplaced_event_takes_its_storys_only_place_for_clustering() -> None:
    unplaced = {"place_id": None, "place_name": None, "latitude": None, "longitude": None}
    placed, vague = record(1), record(2, article_id=1, **unplaced)
    elsewhere = record(3, article_id=3, **unplaced)
    two_places = [record(4, article_id=4), record(5, article_id=4, **SOLEDAR)]
    mixed = record(6, article_id=4, **unplaced)
    result = {r.id: r for r in placed_by_story([placed, vague, elsewhere, *two_places, mixed])}
    assert (result[2].place_name, result[2].where_precision) == ("Bakhmut", 2)
    assert result[3].place_id is None and result[6].place_id is None
    assert result[1] == placed


def test_an_undated_event_takes_the_days_before_publication_for_clustering() -> None:
    denial = record(2, date_start=None, date_end=None, negated=True)
    dated = dated_by_publication(denial, DAY + dt.timedelta(days=1))
    assert (dated.date_start, dated.date_end) == (
        DAY - dt.timedelta(days=2),
        DAY + dt.timedelta(days=1),
    )
    assert dated.approximate_date and dated_by_publication(record(1), DAY) == record(1)
    [cluster] = cluster_events([record(1), dated])
    assert [c.kind for c in find_contradictions(cluster)] == ["stance"]
    week_later = dated_by_publication(denial, DAY + dt.timedelta(days=7))
    assert len(cluster_events([record(1), week_later])) == 2


def test_a_strike_near_a_town_is_not_its_capture() -> None:
    capture = record(1, trigger="captured", mode="seize")
    strike = record(2, **{**SOLEDAR, "where_precision": 2}, trigger="killed", mode="artillery")
    assert merge_reason(capture, strike) is None


def test_rebuild_of_a_store_without_events(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "empty.db")) as store:
        assert rebuild(store) == CorpusSummary(events=0, clusters=0, merged=0, contradictions=0)


def test_contradictions_are_stored_with_the_claims_on_each_side(store_url: str) -> None:
    corpus = generate(seed=7, reports_per_incident=4)
    with open_store(store_url) as store:
        for analysis in corpus.analyses:
            store.save(analysis)
        rebuild(store)
        with store.session() as session:
            sides: dict[tuple[str, str], list[tuple[str, str, str, int | None]]] = defaultdict(list)
            for kind, detail, side, origin, stance, killed in session.execute(
                select(
                    ContradictionRow.kind,
                    ContradictionRow.detail,
                    ContradictionSideRow.side,
                    ActorRow.name,
                    ClaimRow.stance,
                    EventRow.killed_best,
                )
                .join(
                    ContradictionSideRow,
                    ContradictionSideRow.contradiction_id == ContradictionRow.id,
                )
                .join(ClaimRow, ClaimRow.id == ContradictionSideRow.claim_id)
                .join(ActorRow, ActorRow.id == ClaimRow.origin_id)
                .join(EventRow, EventRow.id == ContradictionSideRow.event_id)
            ):
                sides[(kind, detail)].append((side, origin, stance, killed))
    control = [key for key in sides if key[0] == "control" and "Bakhmut" in key[1]]
    [bakhmut] = control
    asserted = {(origin, stance) for side, origin, stance, _ in sides[bakhmut] if side == "a"}
    denied = {(origin, stance) for side, origin, stance, _ in sides[bakhmut] if side == "b"}
    assert asserted == {
        ("Russian Defence Ministry", "asserted"),
        ("British military intelligence", "asserted"),
    }
    assert denied == {("Ukraine's Eastern Military Command", "denied")}
    [casualties] = [key for key in sides if key[0] == "casualties"]
    figures = {
        side: {
            (origin, killed or 0) for other, origin, _, killed in sides[casualties] if other == side
        }
        for side in "ab"
    }
    assert {origin for origin, _ in figures["a"]} == {"Ukrainian General Staff"}
    assert {origin for origin, _ in figures["b"]} == {"Russian-installed authorities in Donetsk"}
    low, high = (sorted(killed for _, killed in figures[side]) for side in "ab")
    assert low[-1] + 2 < high[0], figures


def test_a_denial_in_the_same_story_is_stored_on_side_b(store_url: str) -> None:
    [capture] = [incident for incident in INCIDENTS if incident.key == "bakhmut-capture"]
    reports = [
        analysis
        for analysis in generate(reports_per_incident=4, incidents=[capture]).analyses
        if not any("negated" in event.aux for event in analysis.events)
    ]
    story = reports[0]
    denial = " Ukraine's eastern command denied that the town had fallen."
    text = story.article.text + denial
    start = text.index("denied that") + len("denied ")
    claim = story.claims[0].model_copy(
        update={
            "id": "C99",
            "stance": "denied",
            "content": [Span.of(text, start, len(text) - 1)],
            "chain": [
                story.claims[0].chain[0],
                ChainLink(name="Ukraine's eastern command", role="originator"),
            ],
            "source": Source(name="Ukraine's eastern command", kind="military", country="UKR"),
        }
    )
    denied_story = story.model_copy(
        update={
            "article": story.article.model_copy(update={"text": text}),
            "claims": [*story.claims, claim],
        }
    )
    with open_store(store_url) as store:
        for analysis in [denied_story, *reports[1:]]:
            store.save(analysis)
        rebuild(store)
        with store.session() as session:
            [contradiction] = session.scalars(select(ContradictionRow)).all()
            sides = session.execute(
                select(ContradictionSideRow.side, ActorRow.name, ClaimRow.content)
                .join(ClaimRow, ClaimRow.id == ContradictionSideRow.claim_id)
                .join(ActorRow, ActorRow.id == ClaimRow.origin_id)
            ).all()
    assert contradiction.kind == "control"
    assert [(name, content) for side, name, content in sides if side == "b"] == [
        ("Ukraine's eastern command", "that the town had fallen")
    ]
    assert {side for side, _, _ in sides} == {"a", "b"}
