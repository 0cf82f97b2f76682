"""Schema migrations: upgrading from the first schema keeps every row; down and up again works."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import inspect, text

from sourcelight.store import Store
from sourcelight.store.articles import get_article, save_article
from sourcelight.store.highlights import create_highlight, list_highlights, search_highlights
from sourcelight.store.migrate import current_revision, downgrade, head_revision

WHEN = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def bare_store(database_url):
    store = Store(database_url)
    yield store
    store.dispose()


def insert_first_schema_rows(store: Store, count: int) -> None:
    """Rows as sourcelight at revision 0001 wrote them (raw SQL: no model of today is involved)."""
    with store.engine.begin() as connection:
        for n in range(count):
            connection.execute(text(
                "INSERT INTO articles (id, canonical_url, site, title, language, latest_version, created, updated) "
                "VALUES (:id, :url, 'old.example.com', :title, 'en', 1, :when, :when)"),
                {"id": f"a{n:04d}", "url": f"https://old.example.com/{n}", "title": f"Old article {n}", "when": WHEN})
            connection.execute(text(
                "INSERT INTO article_versions (article_id, version, fingerprint, text, document, created) "
                "VALUES (:id, 1, :fp, :text, :document, :when)"),
                {"id": f"a{n:04d}", "fp": f"{n:064d}", "text": f"Old text number {n}.",
                 "document": '{"text": "Old text number %d.", "claims": []}' % n, "when": WHEN})
            connection.execute(text("INSERT INTO article_urls (url, article_id) VALUES (:url, :id)"),
                               {"url": f"https://old.example.com/{n}", "id": f"a{n:04d}"})


# The columns of the first schema (later revisions add columns, and must keep these).
FIRST_COLUMNS = {
    "articles": "id, canonical_url, site, title, language, latest_version, created, updated",
    "article_versions": "id, article_id, version, fingerprint, text, document, created",
    "article_urls": "url, article_id",
}


def table_rows(store: Store, table: str) -> list[tuple]:
    with store.engine.connect() as connection:
        return [tuple(r) for r in connection.execute(text(f"SELECT {FIRST_COLUMNS[table]} FROM {table} ORDER BY 1"))]


def test_upgrade_from_the_first_schema_keeps_every_row(bare_store):
    bare_store.upgrade("0001")
    assert current_revision(bare_store.engine) == "0001"
    insert_first_schema_rows(bare_store, 25)
    before = {t: table_rows(bare_store, t) for t in ("articles", "article_versions", "article_urls")}

    bare_store.upgrade()

    assert current_revision(bare_store.engine) == head_revision()
    assert {t: table_rows(bare_store, t) for t in before} == before
    with bare_store.engine.connect() as connection:  # 0005 filled the new columns in
        filled = connection.execute(text("SELECT domain, published, anchored_version FROM articles")).all()
    assert set(filled) == {("example.com", None, 1)}
    with bare_store.session() as session:  # and today's code reads and extends them
        assert get_article(session, "a0007")["text"] == "Old text number 7."
        created = create_highlight(session, "a0007", {"quote": {"exact": "number 7"},
                                                      "position": {"start": 9, "end": 17}, "note": "from v1"})
    with bare_store.session() as session:
        assert [h["id"] for h in search_highlights(session, q="from")[0]] == [created["id"]]


def test_tags_written_escaped_before_0004_are_found_after_it(bare_store, make_article):
    bare_store.upgrade("0003")
    insert_first_schema_rows(bare_store, 1)
    document = {"id": "a0000"}
    with bare_store.engine.begin() as connection:  # as sourcelight before 0004 stored them
        connection.execute(text(
            "INSERT INTO highlights (id, article_id, version, exact, prefix, suffix, start, end_offset, note, "
            "tags, anchor, created, updated) VALUES ('h1', :article, 1, 'Iran', '', '', 0, 4, '', "
            ":tags, 'anchored', :when, :when)"),
            {"article": document["id"], "tags": '["d\\u00e9fense", "\\u0441\\u0430\\u043d\\u043a\\u0446\\u0438\\u0438"]',
             "when": WHEN})
    bare_store.upgrade()
    with bare_store.session() as session:
        for query in ({"tag": "défense"}, {"tag": "санкции"}, {"q": "санкции"}, {"q": "défense"}):
            items, _ = search_highlights(session, **query)
            assert [(h["id"], h["tags"]) for h in items] == [("h1", ["défense", "санкции"])], query


def test_upgrade_is_idempotent(bare_store):
    bare_store.upgrade()
    tables = set(inspect(bare_store.engine).get_table_names())
    bare_store.upgrade()
    assert set(inspect(bare_store.engine).get_table_names()) == tables
    assert {"articles", "article_versions", "article_urls", "highlights"} <= tables


def test_downgrade_and_upgrade_round_trip(bare_store, make_article):
    bare_store.upgrade()
    article = make_article()
    with bare_store.session() as session:
        document = save_article(session, article, seen_url=article.url)
    articles_before = table_rows(bare_store, "articles")

    downgrade(bare_store.engine, "0001")
    assert current_revision(bare_store.engine) == "0001"
    assert "highlights" not in inspect(bare_store.engine).get_table_names()
    assert table_rows(bare_store, "articles") == articles_before

    bare_store.upgrade()
    phrase = "three Iranian officials"
    start = document["text"].index(phrase)
    with bare_store.session() as session:
        create_highlight(session, document["id"], {"quote": {"exact": phrase},
                                                   "position": {"start": start, "end": start + len(phrase)}})
    with bare_store.session() as session:
        assert [h["quote"]["exact"] for h in list_highlights(session, document["id"])] == [phrase]
        assert search_highlights(session, q="Iranian")[1] == 1  # full-text search rebuilt too

    downgrade(bare_store.engine, "base")
    assert current_revision(bare_store.engine) is None
    bare_store.upgrade()
    assert current_revision(bare_store.engine) == head_revision()
