"""The library's tables: each article's sourcing counted (article_sourcing), each sourced
claim with its normalized source (claim_sources), and a full-text index of articles (SQLite
FTS5 library_fts / PostgreSQL library_search with a GIN index).

They are filled from the latest stored version of every article already there, read with
store/documents.read_document; from now on store/articles.save_article keeps them in step in
the same transaction (store/sourcing_rows.py).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

COUNTS = ("claims", "attributed", "named_person", "organization", "media", "document", "anonymous", "vague",
          "unattributed", "anonymity_explained", "hedged", "non_responses")


def upgrade() -> None:
    op.create_table(
        "article_sourcing",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False,
                  unique=True),
        sa.Column("version", sa.Integer, nullable=False),
        *(sa.Column(name, sa.Integer, nullable=False) for name in COUNTS),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("week", sa.String(10), nullable=False),
        sa.Column("last_read", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_article_sourcing_last_read", "article_sourcing", ["last_read", "article_id"])
    op.create_index("ix_article_sourcing_day", "article_sourcing", ["day", "article_id"])
    op.create_index("ix_article_sourcing_week", "article_sourcing", ["week"])
    op.create_table(
        "claim_sources",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("claim_id", sa.String(32), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("role", sa.String(8), nullable=False),
        sa.Column("source_key", sa.String(300), nullable=False),
        sa.Column("source_name", sa.Text, nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("via", sa.Text),
        sa.Column("cue", sa.Text),
        sa.Column("hedges", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_claim_sources_article_id", "claim_sources", ["article_id"])
    op.create_index("ix_claim_sources_key", "claim_sources", ["source_key", "article_id"])
    from sourcelight.store import search

    connection = op.get_bind()
    for statement in search.SQLITE_DDL if connection.dialect.name == "sqlite" else search.POSTGRES_DDL:
        op.execute(statement)
    _fill(connection)


# The columns this revision creates: the fill writes exactly these, whatever later revisions add
# (store/sourcing_rows.write_rows writes today's columns, and counts the ledger of 0008).
SOURCING_COLUMNS = ("version", *COUNTS, "day", "week")
CLAIM_COLUMNS = ("version", "claim_id", "position", "kind", "role", "source_key", "source_name", "source", "via",
                 "cue", "hedges", "text")


def _fill(connection) -> None:
    from sourcelight.store import search
    from sourcelight.store.documents import read_document
    from sourcelight.store.models import ArticleVersionRow
    from sourcelight.store.sourcing_rows import rows_for_document

    sourcing = sa.table("article_sourcing", sa.column("id"), sa.column("article_id"), sa.column("last_read"),
                        *(sa.column(name) for name in SOURCING_COLUMNS))
    claims = sa.table("claim_sources", sa.column("article_id"), *(sa.column(name) for name in CLAIM_COLUMNS))
    # One article at a time: the documents (reader HTML included) of a whole store need not fit in memory.
    for article_id in connection.execute(sa.text("SELECT id FROM articles ORDER BY id")).scalars().all():
        title, created, updated, version, text, document = connection.execute(sa.text(
            "SELECT a.title, a.created, a.updated, v.version, v.text, v.document FROM articles AS a "
            "JOIN article_versions AS v ON v.article_id = a.id AND v.version = a.latest_version WHERE a.id = :id"),
            {"id": article_id}).one()
        if isinstance(created, str):  # SQLite through a plain text() query: its stored text
            created, updated = datetime.fromisoformat(created), datetime.fromisoformat(updated)
        rows = rows_for_document(read_document(ArticleVersionRow(version=version, text=text, document=document)).data,
                                 version, created)
        # Before now the server did not note re-reads: the last read known is the last change.
        sourcing_id = connection.execute(sa.insert(sourcing).values(
            article_id=article_id, last_read=updated, **{k: rows.sourcing[k] for k in SOURCING_COLUMNS})
            .returning(sourcing.c.id)).scalar_one()
        if rows.claims:
            connection.execute(sa.insert(claims), [{"article_id": article_id, **{k: c[k] for k in CLAIM_COLUMNS}}
                                                   for c in rows.claims])
        search.index_article(connection, sourcing_id, article_id, title=title or "", text=text,
                             sources=rows.sources_text)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS library_fts")
    else:
        op.execute("DROP TABLE IF EXISTS library_search")
    op.drop_table("claim_sources")
    op.drop_table("article_sourcing")
