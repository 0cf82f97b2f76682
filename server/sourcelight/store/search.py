"""Full-text search of the library: each article's title, latest text and the names of its
sources, indexed by what the database gives (SQLite FTS5, PostgreSQL tsvector + GIN).

The same word rules as the highlight search (store/highlights.py): a query is split into
words (letters and digits; anything else, FTS syntax included, separates them), and every
word must occur as a word prefix; no stemming (the notebook mixes languages). SQLite folds
case and diacritics (unicode61, remove_diacritics 2); PostgreSQL ('simple' configuration)
folds case only.
"""
from __future__ import annotations

from sqlalchemy import text as sql_text
from sqlalchemy.sql.elements import ColumnElement

__all__ = ["SQLITE_DDL", "POSTGRES_DDL", "INDEXED_TEXT_CHARS", "words", "index_article", "matching_articles"]

# How much of an article's text is indexed. PostgreSQL refuses a tsvector over 1 MB, which a
# 1,000,000-character page (the pipeline's limit) can reach; both databases index the same part
# so that a search finds the same articles on either. Longer than any real news article.
INDEXED_TEXT_CHARS = 200_000

# Migration 0006. SQLite: an FTS5 table keyed by article_sourcing.id (an integer key that
# VACUUM keeps; articles.id is text). It stores its own copy of the indexed text: an
# external-content table would need the old text to delete an entry, which is gone once the
# new version is written.
SQLITE_DDL = (
    "CREATE VIRTUAL TABLE library_fts USING fts5(title, body, sources, "
    "tokenize='unicode61 remove_diacritics 2')",
)
POSTGRES_DDL = (
    "CREATE TABLE library_search (article_id VARCHAR(32) PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE, "
    "document TSVECTOR NOT NULL)",
    "CREATE INDEX ix_library_search_document ON library_search USING GIN (document)",
)


def words(query: str) -> list[str]:
    """The searchable words of a query: runs of letters and digits."""
    return "".join(ch if ch.isalnum() else " " for ch in query).split()


def index_article(connection, sourcing_id: int, article_id: str, *, title: str, text: str, sources: str) -> None:
    """Put (or replace) the article's entry in the full-text index."""
    body = text[:INDEXED_TEXT_CHARS]
    if _dialect(connection) == "sqlite":
        connection.execute(sql_text("DELETE FROM library_fts WHERE rowid = :id"), {"id": sourcing_id})
        connection.execute(sql_text("INSERT INTO library_fts(rowid, title, body, sources) "
                                    "VALUES (:id, :title, :body, :sources)"),
                           {"id": sourcing_id, "title": title, "body": body, "sources": sources})
        return
    connection.execute(sql_text("DELETE FROM library_search WHERE article_id = :id"), {"id": article_id})
    connection.execute(sql_text(
        "INSERT INTO library_search (article_id, document) VALUES (:id, to_tsvector('simple', :title) "
        "|| to_tsvector('simple', :body) || to_tsvector('simple', :sources))"),
        {"id": article_id, "title": title, "body": body, "sources": sources})


def matching_articles(session, query: str, *, sourcing_id: ColumnElement, article_id: ColumnElement):
    """A condition: the article's own entry has every word of ``query`` (as prefixes).

    ``sourcing_id``/``article_id`` are the outer query's article_sourcing.id and articles.id.
    A query without searchable words matches nothing.
    """
    terms = words(query)
    if not terms:
        return article_id.is_(None)
    if _dialect(session) == "sqlite":
        # Quoted FTS5 strings with a prefix star: nothing the user types is FTS syntax.
        expression = " ".join('"' + t.replace('"', '""') + '"*' for t in terms)
        return sourcing_id.in_(sql_text("SELECT rowid FROM library_fts WHERE library_fts MATCH :library_q")
                               .bindparams(library_q=expression))
    return article_id.in_(sql_text("SELECT article_id FROM library_search "
                                   "WHERE document @@ to_tsquery('simple', :library_q)")
                          .bindparams(library_q=" & ".join(t + ":*" for t in terms)))


def _dialect(connection) -> str:
    bind = connection.get_bind() if hasattr(connection, "get_bind") else connection
    return bind.dialect.name
