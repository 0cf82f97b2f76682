"""Tags stored with their letters as they are, not JSON-escaped ("défense", not "d\\u00e9fense").

The full-text index reads the stored text: an escaped tag was split into "d" and "u00e9fense",
so a search for a tag with an accent (or in Cyrillic) did not find it. Rewrites every row whose
tags hold an escape; the FTS triggers re-index them.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""
from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    _rewrite_tags(ensure_ascii=False)


def downgrade() -> None:
    _rewrite_tags(ensure_ascii=True)


def _rewrite_tags(*, ensure_ascii: bool) -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, tags FROM highlights")).all()
    for highlight_id, stored in rows:
        rewritten = json.dumps(json.loads(stored or "[]"), ensure_ascii=ensure_ascii)
        if rewritten != stored:
            connection.execute(sa.text("UPDATE highlights SET tags = :tags WHERE id = :id"),
                               {"tags": rewritten, "id": highlight_id})
