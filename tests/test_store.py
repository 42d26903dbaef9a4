"""The store: migrations on open, one transaction per article, idempotence, supersession —
the same tests on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from postgres import postgres_server, store_url
from sqlalchemy import func, select, text

from wirecoder import StoreError
from wirecoder.corpus import rebuild
from wirecoder.schema import Actor, Analysis, TimeExpression
from wirecoder.store import (
    ActorRow,
    ArticlePlaceRow,
    ArticleRow,
    ChainLinkRow,
    ClaimRow,
    ClusterRow,
    ClusterSourceRow,
    EventClaimRow,
    EventRow,
    Filters,
    PlaceRow,
    SaveOutcome,
    Store,
    actor_key,
    claims,
    database_url,
    open_store,
)
from wirecoder.testing import generate

__all__ = ["postgres_server", "store_url"]  # the database fixtures these tests use


@pytest.fixture(scope="module")
def reports() -> list[Analysis]:
    return generate(reports_per_incident=3).analyses


def count(store: Store, table: type) -> int:
    with store.session() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


def test_save_stores_claims_chains_events_and_links(
    store_url: str, reports: list[Analysis]
) -> None:
    analysis = next(item for item in reports if any(claim.chain[1:-1] for claim in item.claims))
    with open_store(store_url) as store:
        assert store.save(analysis) is SaveOutcome.stored
        with store.session() as session:
            claim = session.scalars(select(ClaimRow)).first()
            assert claim is not None
            assert [link.role for link in claim.chain] == [
                link.role for link in analysis.claims[0].chain
            ]
            assert claim.origin.name == analysis.claims[0].chain[-1].name
            assert claim.content == analysis.claims[0].content[0].text
            event = session.scalars(select(EventRow)).first()
            assert event is not None and event.place is not None
            assert event.place.name == analysis.places[0].name
            assert event.latitude == analysis.places[0].latitude
            assert [c.local_id for c in event.claims] == analysis.events[0].claim_ids
        assert count(store, EventClaimRow) == sum(len(event.claim_ids) for event in analysis.events)


def test_where_mentions_and_places_stand_and_how_each_report_names_its_sources(
    store_url: str, reports: list[Analysis]
) -> None:
    """What the corpus step reads beside the events: each trigger's and sentence's position,
    whether the date is the text's, each place mention, each claim's source as this report
    gives it; and what a rebuild writes: each cluster's voices and toll range."""
    analysis = reports[0]
    with open_store(store_url) as store:
        store.save(analysis)
        with store.session() as session:
            event = session.scalars(select(EventRow).order_by(EventRow.id)).first()
            first = analysis.events[0]
            assert event is not None and event.position == first.trigger.start
            assert event.sentence_start is not None and event.dated_by_text is not None
            assert event.sentence is not None and event.sentence.startswith(
                analysis.article.text[event.sentence_start : event.sentence_start + 10]
            )
            mentions = session.scalars(select(ArticlePlaceRow)).all()
            assert len(mentions) == sum(len(place.mentions) for place in analysis.places)
            claim = session.scalars(select(ClaimRow).order_by(ClaimRow.id)).first()
            assert claim is not None
            assert claim.origin_name == analysis.claims[0].chain[-1].name
            assert claim.source_kind == analysis.claims[0].source.kind
        rebuild(store)
        with store.session() as session:
            cluster = session.scalars(select(ClusterRow)).first()
            assert cluster is not None and cluster.kind == "event"
            voices = session.scalars(select(ClusterSourceRow)).all()
            assert voices and {voice.role for voice in voices} <= {
                "corroborating",
                "contesting",
                "unattributed",
            }
            assert cluster.origins == sum(1 for v in voices if v.role == "corroborating")


@pytest.mark.parametrize(("stance", "negated"), [("negated", False), ("denied", True)])
def test_a_claims_not_elsewhere_does_not_negate_its_event_a_denial_does(
    tmp_path: Path,
    reports: list[Analysis],
    stance: str,
    negated: bool,
) -> None:
    """ "said Russian forces had advanced, but that the town was not encircled": a "not"
    somewhere in the claim is the claim's; the advance is reported. "denied that" denies all."""
    analysis = next(item for item in reports if item.events and not item.events[0].aux)
    claims = [claim.model_copy(update={"stance": stance}) for claim in analysis.claims]
    with open_store(str(tmp_path / "s.db")) as store:
        store.save(analysis.model_copy(update={"claims": claims}))
        with store.session() as session:
            event = session.scalars(
                select(EventRow).where(EventRow.local_id == analysis.events[0].id)
            ).one()
            assert event.claims and event.negated is negated


def test_same_article_twice_is_a_no_op(store_url: str, reports: list[Analysis]) -> None:
    with open_store(store_url) as store:
        assert store.save(reports[0]) is SaveOutcome.stored
        before = [
            count(store, table)
            for table in (ArticleRow, ClaimRow, EventRow, ChainLinkRow, PlaceRow)
        ]
        assert store.save(reports[0]) is SaveOutcome.unchanged
        assert [
            count(store, table)
            for table in (ArticleRow, ClaimRow, EventRow, ChainLinkRow, PlaceRow)
        ] == before
        assert store.known_hashes([reports[0].article.content_hash, "0" * 64]) == {
            reports[0].article.content_hash
        }


def test_places_and_actors_fold_across_reports(store_url: str, reports: list[Analysis]) -> None:
    with open_store(store_url) as store:
        for analysis in reports:
            store.save(analysis)
        towns = {place.name for analysis in reports for place in analysis.places}
        assert count(store, PlaceRow) == len(towns)
        with store.session() as session:
            origins = set(session.scalars(select(ClaimRow.origin_id)))
        names = {claim.chain[-1].name for analysis in reports for claim in analysis.claims}
        assert len(origins) == len(names)


def test_corrected_version_supersedes_the_old_one(store_url: str, reports: list[Analysis]) -> None:
    original = reports[0]
    corrected = original.model_copy(
        update={
            "article": original.article.model_copy(
                update={"text": original.article.text + " Corrected."}
            )
        }
    )
    with open_store(store_url) as store:
        store.save(original)
        assert store.save(corrected) is SaveOutcome.superseded
        with store.session() as session:
            old, new = session.scalars(select(ArticleRow).order_by(ArticleRow.id)).all()
            assert old.superseded_by == new.id and new.superseded_by is None
            current = session.execute(select(EventRow.article_id, EventRow.current)).all()
        assert {article for article, is_current in current if is_current} == {new.id}


def test_an_older_version_read_late_does_not_supersede_the_newer(
    store_url: str, reports: list[Analysis]
) -> None:
    original = reports[0]
    assert original.article.published is not None
    corrected = original.model_copy(
        update={
            "article": original.article.model_copy(
                update={
                    "text": original.article.text + " Corrected.",
                    "published": original.article.published + dt.timedelta(days=1),
                }
            )
        }
    )
    with open_store(store_url) as store:
        store.save(corrected)
        assert store.save(original) is SaveOutcome.superseded
        with store.session() as session:
            newer, older = session.scalars(select(ArticleRow).order_by(ArticleRow.id)).all()
            assert older.superseded_by == newer.id and newer.superseded_by is None
            current = session.execute(select(EventRow.article_id, EventRow.current)).all()
        assert {article for article, is_current in current if is_current} == {newer.id}


def test_same_publisher_and_title_without_url_supersedes(
    store_url: str, reports: list[Analysis]
) -> None:
    first = reports[0].model_copy(
        update={"article": reports[0].article.model_copy(update={"url": None})}
    )
    second = first.model_copy(
        update={"article": first.article.model_copy(update={"text": "Another wording."})}
    )
    other_title = first.model_copy(
        update={
            "article": first.article.model_copy(update={"text": "Third wording.", "title": "Other"})
        }
    )
    with open_store(store_url) as store:
        assert store.save(first) is SaveOutcome.stored
        assert store.save(second) is SaveOutcome.superseded
        assert store.save(other_title) is SaveOutcome.stored


def test_failed_save_leaves_nothing_half_written(store_url: str, reports: list[Analysis]) -> None:
    analysis = reports[0]
    broken = analysis.model_copy(
        update={"claims": [analysis.claims[0], analysis.claims[0]]}
    )  # duplicate id
    with open_store(store_url) as store:
        with pytest.raises(StoreError, match="rolled back"):
            store.save(broken)
        assert [count(store, table) for table in (ArticleRow, ClaimRow, EventRow)] == [0, 0, 0]
        assert store.save(analysis) is SaveOutcome.stored


def test_reopening_keeps_data_and_schema_version(store_url: str, reports: list[Analysis]) -> None:
    with open_store(store_url) as store:
        store.save(reports[0])
    with open_store(store_url) as store:
        assert count(store, ArticleRow) == 1
        with store.session() as session:
            assert session.scalar(text("SELECT version_num FROM alembic_version")) == "0002"


def test_sqlite_file_uses_wal(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "plain-path.db")) as store, store.session() as session:
        assert session.scalar(text("PRAGMA journal_mode")) == "wal"


def test_unreachable_database_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="cannot open database"):
        open_store("postgresql://nobody@127.0.0.1:1/none")


def test_database_url_and_actor_key() -> None:
    assert database_url("postgresql://h/db") == "postgresql://h/db"
    assert database_url("x.db").startswith("sqlite:////")
    assert actor_key("Russia's Defense Ministry") == actor_key("russia defence ministry")
    assert actor_key("The Kremlin") == "kremlin"


def test_event_dates_and_precision_fall_back_to_its_time_and_place(store_url: str) -> None:
    """The events stage may leave an event's dates to the time expression it points to, and
    its where-precision to the place's own."""
    analysis = generate(reports_per_incident=1).analyses[0]
    event = analysis.events[0]
    span = event.trigger
    time = TimeExpression(
        id="T1",
        stage=event.stage,
        span=span,
        type="DATE",
        value="2023-W14",
        start=dt.date(2023, 4, 3),
        end=dt.date(2023, 4, 9),
        precision=3,
    )
    undated = event.model_copy(
        update={"date_start": None, "date_end": None, "date_precision": None, "time_id": "T1"}
    )
    unprecise = undated.model_copy(update={"where_precision": None})
    places = [place.model_copy(update={"precision": 2}) for place in analysis.places]
    saved = analysis.model_copy(update={"events": [unprecise], "times": [time], "places": places})
    with open_store(store_url) as store:
        store.save(saved)
        with store.session() as session:
            row = session.scalars(select(EventRow)).one()
    assert (row.date_start, row.date_end, row.span_days) == (
        dt.date(2023, 4, 3),
        dt.date(2023, 4, 9),
        6,
    )
    assert (row.date_precision, row.where_precision) == (3, 2)


def _relabelled(analysis: Analysis, surface: str, actor_id: str, actor_name: str) -> Analysis:
    """``analysis`` with every source and originator written ``surface``, resolved to
    ``actor_id``."""
    claims = [
        claim.model_copy(
            update={
                "chain": [
                    *claim.chain[:-1],
                    claim.chain[-1].model_copy(update={"name": surface, "actor_id": actor_id}),
                ],
                "source": claim.source.model_copy(update={"name": surface, "actor_id": actor_id}),
            }
        )
        for claim in analysis.claims
    ]
    actor = Actor(id=actor_id, stage=analysis.claims[0].stage, name=actor_name, kind="military")
    return analysis.model_copy(update={"claims": claims, "actors": [actor]})


def test_catalogued_originators_fold_across_wordings_and_local_ids_do_not(
    store_url: str, reports: list[Analysis]
) -> None:
    first, second, third, fourth = reports[:4]
    with open_store(store_url) as store:
        store.save(
            _relabelled(first, "Russia's defence ministry", "rus.mil", "Russian armed forces")
        )
        store.save(
            _relabelled(second, "the Russian defence ministry", "rus.mil", "Russian armed forces")
        )
        store.save(_relabelled(third, "a ministry spokesman", "A1", "a ministry spokesman"))
        store.save(
            _relabelled(fourth, "the ministry press office", "A1", "the ministry press office")
        )
        with store.session() as session:
            origins = session.execute(
                select(ArticleRow.id, ActorRow.name)
                .join(ClaimRow, ClaimRow.article_id == ArticleRow.id)
                .join(ActorRow, ActorRow.id == ClaimRow.origin_id)
                .distinct()
                .order_by(ArticleRow.id)
            ).all()
            written = set(session.scalars(select(ChainLinkRow.name)))
        assert [name for _, name in origins] == [
            "Russian armed forces",
            "Russian armed forces",
            "a ministry spokesman",
            "the ministry press office",
        ]
        assert {"Russia's defence ministry", "the Russian defence ministry"} <= written
        said = claims(store, Filters(source="Russian Defence Ministry"))
        assert {row["origin"] for row in said} == {"Russian armed forces"}


def test_postgresql_plans_each_query_for_its_own_values(store_url: str) -> None:
    """psycopg would prepare a statement after five runs and PostgreSQL then may keep one plan
    for all values, too slow for a place and day asked for; the store turns that off."""
    with open_store(store_url) as store:
        if store.dialect != "postgresql":
            pytest.skip("PostgreSQL only")
        connection = store.engine.raw_connection()
        try:
            driver = connection.driver_connection
            assert driver is not None and driver.prepare_threshold is None
        finally:
            connection.close()
