"""Read marks: which versions of an article the reader has shown, first and last when.

The reader records a mark each time it shows an article (POST /api/v1/articles/<id>/read);
the highest version marked is "the version you last read", from which the reader shows what
changed (store/reads.py). Articles stored before this revision were shown by the reader when
their latest version was saved: they get a mark for that version at the time it was saved, so
that the next visit to a changed page already says what changed.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "article_reads",
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("first_read", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_read", sa.DateTime(timezone=True), nullable=False),
    )
    op.execute(
        "INSERT INTO article_reads (article_id, version, first_read, last_read) "
        "SELECT a.id, a.latest_version, v.created, v.created FROM articles a "
        "JOIN article_versions v ON v.article_id = a.id AND v.version = a.latest_version")


def downgrade() -> None:
    op.drop_table("article_reads")
