"""Highlights with their trash, and full-text search over quotes, notes and tags.

SQLite gets an FTS5 table kept in step by triggers; PostgreSQL a GIN index over a
tsvector of the same text.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SQLITE_FTS = [
    "CREATE VIRTUAL TABLE highlights_fts USING fts5("
    "exact, note, tags, content='highlights', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER highlights_fts_insert AFTER INSERT ON highlights BEGIN "
    "INSERT INTO highlights_fts(rowid, exact, note, tags) VALUES (new.rowid, new.exact, new.note, new.tags); END",
    "CREATE TRIGGER highlights_fts_delete AFTER DELETE ON highlights BEGIN "
    "INSERT INTO highlights_fts(highlights_fts, rowid, exact, note, tags) "
    "VALUES ('delete', old.rowid, old.exact, old.note, old.tags); END",
    "CREATE TRIGGER highlights_fts_update AFTER UPDATE OF exact, note, tags ON highlights BEGIN "
    "INSERT INTO highlights_fts(highlights_fts, rowid, exact, note, tags) "
    "VALUES ('delete', old.rowid, old.exact, old.note, old.tags); "
    "INSERT INTO highlights_fts(rowid, exact, note, tags) VALUES (new.rowid, new.exact, new.note, new.tags); END",
]
POSTGRES_FTS = (
    "CREATE INDEX ix_highlights_fts ON highlights USING GIN "
    "(to_tsvector('simple', coalesce(exact, '') || ' ' || coalesce(note, '') || ' ' || coalesce(tags, '')))"
)


def upgrade() -> None:
    op.create_table(
        "highlights",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("exact", sa.Text, nullable=False),
        sa.Column("prefix", sa.Text, nullable=False),
        sa.Column("suffix", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end_offset", sa.Integer, nullable=False),
        sa.Column("claim_id", sa.String(32)),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("label", sa.String(32)),
        sa.Column("tags", sa.Text, nullable=False),
        sa.Column("color", sa.String(32)),
        sa.Column("anchor", sa.String(16), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.DateTime(timezone=True)),
    )
    op.create_index("ix_highlights_article_id", "highlights", ["article_id"])
    op.create_index("ix_highlights_label", "highlights", ["label"])
    op.create_index("ix_highlights_updated", "highlights", ["updated"])
    op.create_index("ix_highlights_deleted", "highlights", ["deleted"])
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in SQLITE_FTS:
            op.execute(statement)
    elif dialect == "postgresql":
        op.execute(POSTGRES_FTS)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS highlights_fts")
    op.drop_table("highlights")
