"""Event stories and cluster voices: where each event mention stands in its article, whether its
dates are the text's and its attacker's country as the report gives it; each claim's originator,
kind and country as the report gives them; where articles mention places and when they were
published; per cluster its kind, toll range and contesting count, and one row per voice with its
latest figures.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("published_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("position", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("sentence_start", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("dated_by_text", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("actor_country", sa.String(length=3), nullable=True))
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.add_column(sa.Column("origin_name", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("source_resolved", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("source_kind", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("source_country", sa.String(length=3), nullable=True))
    with op.batch_alter_table("event_clusters", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(length=20), nullable=False, server_default="event")
        )
        batch_op.add_column(
            sa.Column("contesting", sa.Integer(), nullable=False, server_default="0")
        )
        for column in ("killed_low", "killed_high", "injured_low", "injured_high"):
            batch_op.add_column(sa.Column(column, sa.Integer(), nullable=True))
    op.create_table(
        "article_places",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("place_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("precision", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_places_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["place_id"], ["places.id"], name=op.f("fk_article_places_place_id_places")
        ),
        sa.PrimaryKeyConstraint("article_id", "start", name=op.f("pk_article_places")),
    )
    with op.batch_alter_table("article_places", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_article_places_place_id"), ["place_id"], unique=False)
    op.create_table(
        "cluster_sources",
        sa.Column("cluster_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=True),
        sa.Column("side", sa.String(length=3), nullable=True),
        sa.Column("written", sa.JSON(), nullable=False),
        sa.Column("publishers", sa.JSON(), nullable=False),
        sa.Column("killed", sa.Integer(), nullable=True),
        sa.Column("injured", sa.Integer(), nullable=True),
        sa.Column("figures_from", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["cluster_id"],
            ["event_clusters.id"],
            name=op.f("fk_cluster_sources_cluster_id_event_clusters"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["figures_from"],
            ["events.id"],
            name=op.f("fk_cluster_sources_figures_from_events"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("cluster_id", "position", name=op.f("pk_cluster_sources")),
    )


def downgrade() -> None:
    op.drop_table("cluster_sources")
    with op.batch_alter_table("article_places", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_article_places_place_id"))
    op.drop_table("article_places")
    with op.batch_alter_table("event_clusters", schema=None) as batch_op:
        for column in ("injured_high", "injured_low", "killed_high", "killed_low"):
            batch_op.drop_column(column)
        batch_op.drop_column("contesting")
        batch_op.drop_column("kind")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_column("source_country")
        batch_op.drop_column("source_kind")
        batch_op.drop_column("source_resolved")
        batch_op.drop_column("origin_name")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_column("actor_country")
        batch_op.drop_column("dated_by_text")
        batch_op.drop_column("sentence_start")
        batch_op.drop_column("position")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_column("published_at")
