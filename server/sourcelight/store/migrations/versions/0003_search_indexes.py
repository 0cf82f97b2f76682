"""Indexes that let a search stop after one page: live highlights by creation time.

A search lists live highlights (deleted IS NULL) newest first. Partial indexes over just the
live rows, in that order (and per label), let SQLite and PostgreSQL read the first page off
the index instead of sorting every match; the old index on ``deleted`` (NULL for nearly
every row) is replaced by one over the trash alone, which it misled the planner away from.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

LIVE = sa.text("deleted IS NULL")
TRASHED = sa.text("deleted IS NOT NULL")


def upgrade() -> None:
    op.drop_index("ix_highlights_deleted", table_name="highlights")
    op.drop_index("ix_highlights_label", table_name="highlights")
    op.create_index("ix_highlights_live_created", "highlights", ["created", "id"],
                    sqlite_where=LIVE, postgresql_where=LIVE)
    op.create_index("ix_highlights_live_label", "highlights", ["label", "created", "id"],
                    sqlite_where=LIVE, postgresql_where=LIVE)
    op.create_index("ix_highlights_trash", "highlights", ["deleted"],
                    sqlite_where=TRASHED, postgresql_where=TRASHED)


def downgrade() -> None:
    op.drop_index("ix_highlights_trash", table_name="highlights")
    op.drop_index("ix_highlights_live_label", table_name="highlights")
    op.drop_index("ix_highlights_live_created", table_name="highlights")
    op.create_index("ix_highlights_label", "highlights", ["label"])
    op.create_index("ix_highlights_deleted", "highlights", ["deleted"])
