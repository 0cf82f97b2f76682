"""Articles know their site (registrable domain), their publication date, and up to which
version their highlights have been re-anchored.

- ``domain``: pages are merged only with an article of the same site (store/identity.py).
  Filled from the canonical URL, else from a URL the article was seen under.
- ``published``: the list of articles shows it without reading every stored document.
- ``anchored_version``: re-anchoring runs after the page is saved, outside the write
  transaction (store/reanchor.py); an article whose anchored_version is below its
  latest_version has highlights still to place. Existing articles were re-anchored when
  saved: their anchored_version is their latest_version.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""
from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy of the table: on SQLite, dropping the old copy of
    # ``articles`` would cascade to its versions, URLs and highlights).
    op.add_column("articles", sa.Column("domain", sa.String(253), nullable=True))
    op.add_column("articles", sa.Column("published", sa.String(64), nullable=True))
    op.add_column("articles", sa.Column("anchored_version", sa.Integer(), nullable=False, server_default="0"))
    op.create_index("ix_articles_domain", "articles", ["domain"])
    from sourcelight.store.identity import site_of

    connection = op.get_bind()
    articles = connection.execute(sa.text("SELECT id, canonical_url, latest_version FROM articles")).all()
    for article_id, canonical_url, latest in articles:
        url = canonical_url or connection.execute(
            sa.text("SELECT url FROM article_urls WHERE article_id = :id ORDER BY url LIMIT 1"), {"id": article_id}
        ).scalar()
        document = connection.execute(
            sa.text("SELECT document FROM article_versions WHERE article_id = :id AND version = :v"),
            {"id": article_id, "v": latest}).scalar()
        published = json.loads(document).get("published") if document else None
        connection.execute(
            sa.text("UPDATE articles SET domain = :domain, published = :published, anchored_version = :v "
                    "WHERE id = :id"),
            {"domain": site_of(url), "published": published, "v": latest, "id": article_id})


def downgrade() -> None:
    op.drop_index("ix_articles_domain", table_name="articles")
    for column in ("anchored_version", "published", "domain"):
        # ALTER TABLE … DROP COLUMN: SQLite has it since 3.35, without copying the table.
        op.execute(f"ALTER TABLE articles DROP COLUMN {column}")
