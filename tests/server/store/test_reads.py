"""Read marks and what changed since the version last read, on SQLite and PostgreSQL."""
from __future__ import annotations

from sqlalchemy import select

import pytest

from sourcelight.errors import InvalidInput, NotFound
from sourcelight.store.articles import save_article
from sourcelight.store.models import ArticleRow
from sourcelight.store.reads import (
    article_changes, changed_since_read, changed_since_read_condition, last_read, last_read_versions, record_read,
)

UPDATED_PARAGRAPHS = (
    "Iran has moved ballistic missiles into Iraq, three Iranian officials told Reuters on Friday.",
    "The defence minister said in a statement that the report was false and had no basis.",
    "According to a document seen by the newspaper, the transfer began several months ago.",
    "Jane Roe, a spokeswoman for the US State Department, said Washington was watching closely.",
)


@pytest.fixture
def updated(store, saved_article, make_article):
    """The same page saved again with its text changed: version 2."""
    article = make_article(paragraphs=UPDATED_PARAGRAPHS)
    with store.session() as session:
        return save_article(session, article, seen_url=article.url)


def test_a_read_mark_records_the_version_shown(store, saved_article):
    with store.session() as session:
        mark = record_read(session, saved_article["id"], 1)
    assert mark["version"] == 1 and mark["first_read"] == mark["last_read"]
    with store.session() as session:
        again = record_read(session, saved_article["id"], 1)  # a reload of the same version
    assert again["version"] == 1 and again["first_read"] == mark["first_read"]
    assert again["last_read"] >= mark["last_read"]


def test_the_last_version_read_never_goes_back(store, saved_article, updated):
    with store.session() as session:
        record_read(session, saved_article["id"], 2)
        record_read(session, saved_article["id"], 1)  # late, from a second reader on a shared server
    with store.read_session() as session:
        assert last_read(session, saved_article["id"])["version"] == 2
        assert last_read_versions(session, [saved_article["id"], "nope"]) == {saved_article["id"]: 2}


def test_a_mark_for_a_version_or_article_that_does_not_exist_is_not_found(store, saved_article):
    with store.session() as session, pytest.raises(NotFound):
        record_read(session, saved_article["id"], 2)
    with store.session() as session, pytest.raises(NotFound):
        record_read(session, "no-such-article", 1)


def test_changes_since_the_version_last_read(store, saved_article, updated):
    with store.session() as session:
        record_read(session, saved_article["id"], 1)
    with store.read_session() as session:
        changes = article_changes(session, saved_article["id"])
    assert (changes["from_version"], changes["to_version"]) == (1, 2)
    assert changes["changed"] and changes["text_changed"]
    assert changes["last_read"]["version"] == 1
    assert [c["text"] for c in changes["claims_added"]] == [UPDATED_PARAGRAPHS[3]]
    assert [c["text"] for c in changes["claims_removed"]] == [
        "Critics say the missiles could reach Riyadh and Tel Aviv within minutes of launch."]
    assert {"name": "Critics", "kind": "vague"} in changes["sources_dropped"]


def test_after_reading_the_latest_nothing_changed_since(store, saved_article, updated):
    with store.session() as session:
        record_read(session, saved_article["id"], 1)
        record_read(session, saved_article["id"], 2)
    with store.read_session() as session:
        changes = article_changes(session, saved_article["id"])
        assert (changes["from_version"], changes["to_version"], changes["changed"]) == (2, 2, False)
        # An explicit version still compares with it.
        assert article_changes(session, saved_article["id"], since=1)["changed"]


def test_changes_validate_their_versions(store, saved_article, updated):
    with store.read_session() as session:
        with pytest.raises(NotFound):
            article_changes(session, saved_article["id"], since=3)
        with pytest.raises(InvalidInput):
            article_changes(session, saved_article["id"], since=2, to=1)


def test_changed_since_read_is_a_condition_the_library_can_filter_on(store, saved_article, updated, make_article):
    never_read = make_article(url="https://news.example.com/world/other", title="Other",
                              paragraphs=("Markets rallied after the central bank cut interest rates again.",))
    with store.session() as session:
        other = save_article(session, never_read, seen_url=never_read.url)
        record_read(session, saved_article["id"], 1)

    def changed():
        with store.read_session() as session:
            return set(session.scalars(select(ArticleRow.id).where(changed_since_read_condition())))

    assert changed() == {saved_article["id"]}  # read at 1, now at 2; the other was never shown
    with store.read_session() as session:
        assert changed_since_read(session, [saved_article["id"], other["id"]]) == {
            saved_article["id"]: True, other["id"]: False}
    with store.session() as session:
        record_read(session, saved_article["id"], 2)
        record_read(session, other["id"], 1)
    assert changed() == set()


def test_articles_stored_before_read_marks_count_as_read_at_their_latest_version(database_url, make_article):
    from sourcelight.store import Store
    from sourcelight.store.migrate import downgrade

    store = Store(database_url)
    try:
        store.upgrade()
        article = make_article()
        with store.session() as session:
            stored = save_article(session, article, seen_url=article.url)
        downgrade(store.engine, "0005")  # the schema before read marks, with an article in it
        store.upgrade()
        with store.read_session() as session:
            assert last_read(session, stored["id"])["version"] == 1
    finally:
        store.dispose()


def test_showing_an_article_makes_it_the_last_read_in_the_library(store, saved_article, make_article):
    from sourcelight.store.library import LibraryFilters, list_library

    later = make_article(url="https://news.example.com/world/later", title="Later",
                         paragraphs=("Markets rallied after the central bank cut interest rates again.",))
    with store.session() as session:
        later_doc = save_article(session, later, seen_url=later.url)  # saved last: read last so far
    with store.session() as session:
        record_read(session, saved_article["id"], 1)  # the reader opens the first one again, from the library
    with store.read_session() as session:
        items, _ = list_library(session, LibraryFilters(), sort="read", limit=10, offset=0)
    assert [i["id"] for i in items] == [saved_article["id"], later_doc["id"]]
