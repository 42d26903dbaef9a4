"""The database tables: articles, actors, places, claims with their chains, events, and the
cross-report links (clusters, contradictions) that the corpus step computes.

Every row that comes from an analysis keeps the article it came from, so any figure in a report
can be traced back to the words of one report.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with stable constraint names, so migrations name things the same way."""

    metadata = MetaData(naming_convention=NAMING)


class ArticleRow(Base):
    """One report as read; a corrected version points its predecessor here via ``superseded_by``."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    url: Mapped[str | None] = mapped_column(Text, index=True)
    publisher: Mapped[str | None] = mapped_column(String(200))
    publisher_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id"))
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    published_at: Mapped[dt.datetime | None] = mapped_column(
        DateTime, doc="Publication time (UTC) where the source gives one."
    )
    source: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    pipeline: Mapped[dict[str, Any]] = mapped_column(JSON)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime)
    superseded_by: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL")
    )

    __table_args__ = (Index("ix_articles_publisher_title", "publisher", "title"),)


class ActorRow(Base):
    """A source or participant, folded across reports by a normalized name."""

    __tablename__ = "actors"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str | None] = mapped_column(String(40))
    country: Mapped[str | None] = mapped_column(String(3))
    sector: Mapped[str | None] = mapped_column(String(20))
    side: Mapped[str | None] = mapped_column(String(100))


class PlaceRow(Base):
    """A resolved place, shared by every report that mentions it."""

    __tablename__ = "places"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    feature: Mapped[str | None] = mapped_column(String(40))
    geonames_id: Mapped[int | None] = mapped_column(Integer)
    supplement_id: Mapped[str | None] = mapped_column(String(100))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    country_code: Mapped[str | None] = mapped_column(String(2))
    admin1: Mapped[str | None] = mapped_column(String(200), index=True)
    admin2: Mapped[str | None] = mapped_column(String(200))


class ClaimRow(Base):
    """Who said what, through whom; ``origin_id`` is the first-hand source the chain ends at."""

    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    local_id: Mapped[str] = mapped_column(String(20))
    stage: Mapped[str] = mapped_column(String(40))
    source_id: Mapped[int] = mapped_column(ForeignKey("actors.id"), index=True)
    source_text: Mapped[str | None] = mapped_column(Text)
    source_resolved: Mapped[str | None] = mapped_column(
        Text, doc="The named antecedent of a source written as a pronoun or a role."
    )
    origin_id: Mapped[int] = mapped_column(ForeignKey("actors.id"), index=True)
    origin_name: Mapped[str | None] = mapped_column(
        String(300), doc="The originator as this report names it (actors keep the first name)."
    )
    source_kind: Mapped[str | None] = mapped_column(String(40), doc="As this report gives it.")
    source_country: Mapped[str | None] = mapped_column(String(3), doc="As this report gives it.")
    cue: Mapped[str | None] = mapped_column(String(200))
    content: Mapped[str] = mapped_column(Text)
    spans: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    stance: Mapped[str] = mapped_column(String(20))
    verb_strength: Mapped[str] = mapped_column(String(20))
    direct_quote: Mapped[bool] = mapped_column(Boolean)
    attributed: Mapped[bool] = mapped_column(Boolean)

    article: Mapped[ArticleRow] = relationship()
    source: Mapped[ActorRow] = relationship(foreign_keys=[source_id])
    origin: Mapped[ActorRow] = relationship(foreign_keys=[origin_id])
    chain: Mapped[list[ChainLinkRow]] = relationship(order_by="ChainLinkRow.position")
    certainty: Mapped[list[CertaintyRow]] = relationship(order_by="CertaintyRow.position")

    __table_args__ = (UniqueConstraint("article_id", "local_id"),)


class ChainLinkRow(Base):
    """One link of a claim's source chain, publisher first (position 0), originator last."""

    __tablename__ = "claim_chain_links"

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(20))


class CertaintyRow(Base):
    """An estimative phrase qualifying a claim, with its yardstick's probability range."""

    __tablename__ = "claim_certainty"

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(primary_key=True)
    phrase: Mapped[str] = mapped_column(String(200))
    scale: Mapped[str] = mapped_column(String(10))
    label: Mapped[str] = mapped_column(String(60))
    low: Mapped[float] = mapped_column(Float)
    high: Mapped[float] = mapped_column(Float)


class ClusterRow(Base):
    """One real-world event as reported by one or more reports; rebuilt by the corpus step.

    ``kind`` is ``event``, or ``background`` for a running total or recollection (not an event
    of its own), or ``speculative`` for what was only foreseen. The toll is the range, across
    the voices in ``cluster_sources``, of each voice's latest figure."""

    __tablename__ = "event_clusters"

    id: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20), default="event")
    date_start: Mapped[dt.date | None] = mapped_column(Date, index=True)
    date_end: Mapped[dt.date | None] = mapped_column(Date)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id"))
    reports: Mapped[int] = mapped_column(Integer)
    origins: Mapped[int] = mapped_column(
        Integer, doc="Independent first-hand origins vouching for the event."
    )
    contesting: Mapped[int] = mapped_column(Integer, default=0, doc="Origins contesting it.")
    killed_low: Mapped[int | None] = mapped_column(Integer)
    killed_high: Mapped[int | None] = mapped_column(Integer)
    injured_low: Mapped[int | None] = mapped_column(Integer)
    injured_high: Mapped[int | None] = mapped_column(Integer)

    sources: Mapped[list[ClusterSourceRow]] = relationship(order_by="ClusterSourceRow.position")


class ClusterSourceRow(Base):
    """One voice on a cluster's event: an origin vouching for it or contesting it, or a publisher
    giving a figure in its own voice; with the latest figures it gave."""

    __tablename__ = "cluster_sources"

    cluster_id: Mapped[int] = mapped_column(
        ForeignKey("event_clusters.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(
        String(20), doc="corroborating, contesting, or unattributed (a publisher's own voice)."
    )
    kind: Mapped[str | None] = mapped_column(String(40))
    side: Mapped[str | None] = mapped_column(String(3))
    written: Mapped[list[str]] = mapped_column(JSON, doc="How the reports named it.")
    publishers: Mapped[list[str]] = mapped_column(JSON)
    killed: Mapped[int | None] = mapped_column(Integer)
    injured: Mapped[int | None] = mapped_column(Integer)
    figures_from: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="SET NULL"), doc="The event its latest figures are on."
    )


class EventRow(Base):
    """A PLOVER event from one report; place coordinates are copied in for map queries."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    local_id: Mapped[str] = mapped_column(String(20))
    stage: Mapped[str] = mapped_column(String(40))
    type: Mapped[str] = mapped_column(String(20))
    mode: Mapped[str | None] = mapped_column(String(40))
    trigger: Mapped[str] = mapped_column(String(200))
    sentence: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int | None] = mapped_column(Integer, doc="Where the trigger starts.")
    sentence_start: Mapped[int | None] = mapped_column(Integer)
    dated_by_text: Mapped[bool | None] = mapped_column(
        Boolean, doc="False when the dates are the days before publication, not the text's."
    )
    negated: Mapped[bool] = mapped_column(Boolean)
    aux: Mapped[list[str]] = mapped_column(JSON)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id"))
    actor_country: Mapped[str | None] = mapped_column(
        String(3), doc="The attacker's country as this report gives it."
    )
    recipient_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id"))
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id"))
    where_precision: Mapped[int | None] = mapped_column(Integer)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    date_start: Mapped[dt.date | None] = mapped_column(Date)
    date_end: Mapped[dt.date | None] = mapped_column(Date)
    span_days: Mapped[int | None] = mapped_column(Integer, index=True)
    date_precision: Mapped[int | None] = mapped_column(Integer)
    killed_low: Mapped[int | None] = mapped_column(Integer)
    killed_best: Mapped[int | None] = mapped_column(Integer)
    killed_high: Mapped[int | None] = mapped_column(Integer)
    injured_low: Mapped[int | None] = mapped_column(Integer)
    injured_best: Mapped[int | None] = mapped_column(Integer)
    injured_high: Mapped[int | None] = mapped_column(Integer)
    arrested_best: Mapped[int | None] = mapped_column(Integer)
    cluster_id: Mapped[int | None] = mapped_column(
        ForeignKey("event_clusters.id", ondelete="SET NULL"), index=True
    )
    merge_reason: Mapped[str | None] = mapped_column(Text)
    current: Mapped[bool] = mapped_column(Boolean, doc="False once its article is superseded.")

    article: Mapped[ArticleRow] = relationship()
    actor: Mapped[ActorRow | None] = relationship(foreign_keys=[actor_id])
    recipient: Mapped[ActorRow | None] = relationship(foreign_keys=[recipient_id])
    place: Mapped[PlaceRow | None] = relationship()
    claims: Mapped[list[ClaimRow]] = relationship(secondary="event_claims")

    __table_args__ = (
        UniqueConstraint("article_id", "local_id"),
        Index("ix_events_map", "date_start", "longitude", "latitude"),
        Index("ix_events_place_date", "place_id", "date_start"),
    )


class ArticlePlaceRow(Base):
    """Where an article mentions a place, and in which role: what the corpus step reads to place
    an event the report leaves unplaced by the places of its sentence and of its story."""

    __tablename__ = "article_places"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    start: Mapped[int] = mapped_column(primary_key=True)
    end: Mapped[int] = mapped_column(Integer)
    place_id: Mapped[int] = mapped_column(ForeignKey("places.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    precision: Mapped[int | None] = mapped_column(Integer)


class EventClaimRow(Base):
    """The claims an event rests on."""

    __tablename__ = "event_claims"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class ContradictionRow(Base):
    """Two sides disagreeing about one event: control asserted vs denied, figures, stance."""

    __tablename__ = "contradictions"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    cluster_id: Mapped[int] = mapped_column(
        ForeignKey("event_clusters.id", ondelete="CASCADE"), index=True
    )
    detail: Mapped[str] = mapped_column(Text)

    sides: Mapped[list[ContradictionSideRow]] = relationship(order_by="ContradictionSideRow.side")


class ContradictionSideRow(Base):
    """One report's event on side ``a`` or ``b`` of a contradiction, with the claim it rests on
    (None when the report states it in its own voice)."""

    __tablename__ = "contradiction_sides"

    id: Mapped[int] = mapped_column(primary_key=True)
    contradiction_id: Mapped[int] = mapped_column(
        ForeignKey("contradictions.id", ondelete="CASCADE"), index=True
    )
    side: Mapped[str] = mapped_column(String(1))
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    claim_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"))

    event: Mapped[EventRow] = relationship()
    claim: Mapped[ClaimRow | None] = relationship()
