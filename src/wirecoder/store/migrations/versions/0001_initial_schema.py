"""Initial schema: articles, actors, places, claims with chains and certainty, events, clusters,
contradictions.

Revision ID: 0001
Revises:
Create Date: 2026-11-25 09:45:49.195393
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "actors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=True),
        sa.Column("country", sa.String(length=3), nullable=True),
        sa.Column("sector", sa.String(length=20), nullable=True),
        sa.Column("side", sa.String(length=100), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actors")),
        sa.UniqueConstraint("key", name=op.f("uq_actors_key")),
    )
    op.create_table(
        "places",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("feature", sa.String(length=40), nullable=True),
        sa.Column("geonames_id", sa.Integer(), nullable=True),
        sa.Column("supplement_id", sa.String(length=100), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("country_code", sa.String(length=2), nullable=True),
        sa.Column("admin1", sa.String(length=200), nullable=True),
        sa.Column("admin2", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_places")),
        sa.UniqueConstraint("key", name=op.f("uq_places_key")),
    )
    with op.batch_alter_table("places", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_places_admin1"), ["admin1"], unique=False)
        batch_op.create_index(batch_op.f("ix_places_name"), ["name"], unique=False)

    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("publisher", sa.String(length=200), nullable=True),
        sa.Column("publisher_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("pipeline", sa.JSON(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
        sa.Column("superseded_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["publisher_id"], ["actors.id"], name=op.f("fk_articles_publisher_id_actors")
        ),
        sa.ForeignKeyConstraint(
            ["superseded_by"],
            ["articles.id"],
            name=op.f("fk_articles_superseded_by_articles"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_articles_content_hash")),
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_articles_published"), ["published"], unique=False)
        batch_op.create_index("ix_articles_publisher_title", ["publisher", "title"], unique=False)
        batch_op.create_index(batch_op.f("ix_articles_url"), ["url"], unique=False)

    op.create_table(
        "event_clusters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("place_id", sa.Integer(), nullable=True),
        sa.Column("reports", sa.Integer(), nullable=False),
        sa.Column("origins", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["place_id"], ["places.id"], name=op.f("fk_event_clusters_place_id_places")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_clusters")),
    )
    with op.batch_alter_table("event_clusters", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_event_clusters_date_start"), ["date_start"], unique=False
        )

    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("local_id", sa.String(length=20), nullable=False),
        sa.Column("stage", sa.String(length=40), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("source_text", sa.Text(), nullable=True),
        sa.Column("origin_id", sa.Integer(), nullable=False),
        sa.Column("cue", sa.String(length=200), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("spans", sa.JSON(), nullable=False),
        sa.Column("stance", sa.String(length=20), nullable=False),
        sa.Column("verb_strength", sa.String(length=20), nullable=False),
        sa.Column("direct_quote", sa.Boolean(), nullable=False),
        sa.Column("attributed", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_claims_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["origin_id"], ["actors.id"], name=op.f("fk_claims_origin_id_actors")
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["actors.id"], name=op.f("fk_claims_source_id_actors")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
        sa.UniqueConstraint("article_id", "local_id", name=op.f("uq_claims_article_id_local_id")),
    )
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claims_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_origin_id"), ["origin_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_source_id"), ["source_id"], unique=False)

    op.create_table(
        "contradictions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("cluster_id", sa.Integer(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cluster_id"],
            ["event_clusters.id"],
            name=op.f("fk_contradictions_cluster_id_event_clusters"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contradictions")),
    )
    with op.batch_alter_table("contradictions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contradictions_cluster_id"), ["cluster_id"], unique=False
        )

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("local_id", sa.String(length=20), nullable=False),
        sa.Column("stage", sa.String(length=40), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("mode", sa.String(length=40), nullable=True),
        sa.Column("trigger", sa.String(length=200), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=True),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("aux", sa.JSON(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("recipient_id", sa.Integer(), nullable=True),
        sa.Column("place_id", sa.Integer(), nullable=True),
        sa.Column("where_precision", sa.Integer(), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("span_days", sa.Integer(), nullable=True),
        sa.Column("date_precision", sa.Integer(), nullable=True),
        sa.Column("killed_low", sa.Integer(), nullable=True),
        sa.Column("killed_best", sa.Integer(), nullable=True),
        sa.Column("killed_high", sa.Integer(), nullable=True),
        sa.Column("injured_low", sa.Integer(), nullable=True),
        sa.Column("injured_best", sa.Integer(), nullable=True),
        sa.Column("injured_high", sa.Integer(), nullable=True),
        sa.Column("arrested_best", sa.Integer(), nullable=True),
        sa.Column("cluster_id", sa.Integer(), nullable=True),
        sa.Column("merge_reason", sa.Text(), nullable=True),
        sa.Column("current", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actors.id"], name=op.f("fk_events_actor_id_actors")
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_events_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["cluster_id"],
            ["event_clusters.id"],
            name=op.f("fk_events_cluster_id_event_clusters"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["place_id"], ["places.id"], name=op.f("fk_events_place_id_places")
        ),
        sa.ForeignKeyConstraint(
            ["recipient_id"], ["actors.id"], name=op.f("fk_events_recipient_id_actors")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
        sa.UniqueConstraint("article_id", "local_id", name=op.f("uq_events_article_id_local_id")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_cluster_id"), ["cluster_id"], unique=False)
        batch_op.create_index(
            "ix_events_map", ["date_start", "longitude", "latitude"], unique=False
        )
        batch_op.create_index("ix_events_place_date", ["place_id", "date_start"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_span_days"), ["span_days"], unique=False)

    op.create_table(
        "claim_certainty",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("phrase", sa.String(length=200), nullable=False),
        sa.Column("scale", sa.String(length=10), nullable=False),
        sa.Column("label", sa.String(length=60), nullable=False),
        sa.Column("low", sa.Float(), nullable=False),
        sa.Column("high", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_claim_certainty_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("claim_id", "position", name=op.f("pk_claim_certainty")),
    )
    op.create_table(
        "claim_chain_links",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actors.id"], name=op.f("fk_claim_chain_links_actor_id_actors")
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_claim_chain_links_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("claim_id", "position", name=op.f("pk_claim_chain_links")),
    )
    with op.batch_alter_table("claim_chain_links", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_claim_chain_links_actor_id"), ["actor_id"], unique=False
        )

    op.create_table(
        "contradiction_sides",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contradiction_id", sa.Integer(), nullable=False),
        sa.Column("side", sa.String(length=1), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_contradiction_sides_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["contradiction_id"],
            ["contradictions.id"],
            name=op.f("fk_contradiction_sides_contradiction_id_contradictions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_contradiction_sides_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contradiction_sides")),
    )
    with op.batch_alter_table("contradiction_sides", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contradiction_sides_contradiction_id"),
            ["contradiction_id"],
            unique=False,
        )

    op.create_table(
        "event_claims",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_event_claims_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_claims_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "claim_id", name=op.f("pk_event_claims")),
    )
    with op.batch_alter_table("event_claims", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_claims_claim_id"), ["claim_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("event_claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_claims_claim_id"))

    op.drop_table("event_claims")
    with op.batch_alter_table("contradiction_sides", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contradiction_sides_contradiction_id"))

    op.drop_table("contradiction_sides")
    with op.batch_alter_table("claim_chain_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_chain_links_actor_id"))

    op.drop_table("claim_chain_links")
    op.drop_table("claim_certainty")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_span_days"))
        batch_op.drop_index("ix_events_place_date")
        batch_op.drop_index("ix_events_map")
        batch_op.drop_index(batch_op.f("ix_events_cluster_id"))
        batch_op.drop_index(batch_op.f("ix_events_article_id"))

    op.drop_table("events")
    with op.batch_alter_table("contradictions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contradictions_cluster_id"))

    op.drop_table("contradictions")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claims_source_id"))
        batch_op.drop_index(batch_op.f("ix_claims_origin_id"))
        batch_op.drop_index(batch_op.f("ix_claims_article_id"))

    op.drop_table("claims")
    with op.batch_alter_table("event_clusters", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_clusters_date_start"))

    op.drop_table("event_clusters")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_articles_url"))
        batch_op.drop_index("ix_articles_publisher_title")
        batch_op.drop_index(batch_op.f("ix_articles_published"))

    op.drop_table("articles")
    with op.batch_alter_table("places", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_places_name"))
        batch_op.drop_index(batch_op.f("ix_places_admin1"))

    op.drop_table("places")
    op.drop_table("actors")
