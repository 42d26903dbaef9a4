"""Ingest through the real pipeline: skip stored texts before analysing, one writer, the same
database from worker processes and from a Dask LocalCluster."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import aliased

from wirecoder import Config, ConfigError, Failure, get_stage
from wirecoder.corpus._ingest import IngestSummary, fresh_articles, ingest
from wirecoder.corpus._synthetic import generate
from wirecoder.schema import Article
from wirecoder.store import ActorRow, ArticleRow, ClaimRow, EventRow, PlaceRow, Store, open_store


def available_config() -> Config:
    """The default pipeline cut before its first stage that is not registered yet."""
    default = Config.default()
    stages: list[str] = []
    for key in default.stages:
        try:
            get_stage(key)
        except ConfigError:
            break
        stages.append(key)
    return Config(model=default.model, stages=tuple(stages), settings=default.settings, batch_size=4)


def snapshot(store: Store) -> dict[str, Any]:
    """The database's content without row ids or timestamps, so two runs can be compared."""
    origin, source = aliased(ActorRow), aliased(ActorRow)
    successor = aliased(ArticleRow)
    with store.session() as session:
        articles = session.execute(
            select(ArticleRow.content_hash, ArticleRow.url, successor.content_hash)
            .outerjoin(successor, successor.id == ArticleRow.superseded_by)
        ).all()
        claims = session.execute(
            select(ArticleRow.content_hash, ClaimRow.local_id, source.key, origin.key, ClaimRow.content, ClaimRow.stance)
            .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
            .join(source, source.id == ClaimRow.source_id)
            .join(origin, origin.id == ClaimRow.origin_id)
        ).all()
        events = session.execute(
            select(ArticleRow.content_hash, EventRow.local_id, EventRow.type, PlaceRow.key, EventRow.date_start,
                   EventRow.cluster_id.is_(None), EventRow.merge_reason.is_(None))
            .join(ArticleRow, ArticleRow.id == EventRow.article_id)
            .outerjoin(PlaceRow, PlaceRow.id == EventRow.place_id)
        ).all()
    return {"articles": sorted(map(tuple, articles)), "claims": sorted(map(tuple, claims)),
            "events": sorted(map(tuple, events), key=repr)}


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return [analysis.article for analysis in generate(reports_per_incident=2).analyses]


def test_fresh_articles_skips_stored_and_repeated_texts(tmp_path: Path, articles: list[Article]) -> None:
    with open_store(str(tmp_path / "db.sqlite")) as store:
        first = ingest(articles[:3], store, config=available_config())
        assert first.stored == 3
        summary = IngestSummary()
        failure = Failure("broken.html", "not HTML")
        fresh = list(fresh_articles([*articles[:5], articles[4], failure], store, summary))
        assert fresh == articles[3:5]
        assert summary.unchanged == 4 and summary.failures == [failure]


def test_reingest_is_a_no_op_and_corrections_supersede(tmp_path: Path, articles: list[Article]) -> None:
    config = available_config()
    with open_store(str(tmp_path / "db.sqlite")) as store:
        assert ingest(articles, store, config=config).stored == len(articles)
        before = snapshot(store)
        again = ingest(articles, store, config=config)
        assert (again.stored, again.unchanged) == (0, len(articles))
        assert snapshot(store) == before
        corrected = articles[0].model_copy(update={"text": articles[0].text + " The figure was later revised."})
        assert ingest([corrected], store, config=config).superseded == 1


@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_database_as_processes(tmp_path: Path, articles: list[Article]) -> None:
    config = available_config()
    corrected = articles[1].model_copy(update={"text": articles[1].text + " Updated."})
    inputs = [*articles[:12], corrected]
    with open_store(str(tmp_path / "processes.sqlite")) as by_processes:
        ingest(inputs, by_processes, config=config, workers=2)
        expected = snapshot(by_processes)
    with open_store(str(tmp_path / "dask.sqlite")) as on_dask:
        summary = ingest(inputs, on_dask, config=config, workers=2, dask="local")
        assert (summary.stored, summary.superseded, summary.failures) == (12, 1, [])
        assert snapshot(on_dask) == expected
