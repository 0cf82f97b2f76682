"""Highlights in the store: create, change, trash and restore, search; failed writes change nothing."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

import pytest

from sourcelight.errors import Conflict, InvalidInput, NotFound
from sourcelight.store.articles import save_article
from sourcelight import outputs
from sourcelight.store.export import collect_export
from sourcelight.store.highlights import (
    create_highlight, delete_highlight, get_highlight, list_highlights, list_trash, restore_highlight,
    search_highlights, update_highlight,
)
from sourcelight.store.models import HighlightRow


def add(store, document, phrase, highlight_body, **extra):
    with store.session() as session:
        return create_highlight(session, document["id"], highlight_body(document["text"], phrase, **extra))


def search(store, **query):
    with store.session() as session:
        items, total = search_highlights(session, **query)
    return [h["quote"]["exact"] for h in items], total


def snapshot(store):
    """Everything stored, as the export sees it (plus the trash)."""
    with store.session() as session:
        return outputs.export_jsonld(collect_export(session)), list_trash(session)


def test_created_highlight_is_stored_with_its_selectors_and_claim(store, saved_article, highlight_body):
    phrase = "three Iranian officials told Reuters"
    created = add(store, saved_article, phrase, highlight_body, note="*who*?", label="needs-source",
                  tags=["iran", "sources"], color="#ffcc00")
    start = saved_article["text"].index(phrase)
    assert created["position"] == {"start": start, "end": start + len(phrase)}
    assert created["quote"]["exact"] == phrase
    assert saved_article["text"][:start].endswith(created["quote"]["prefix"]) and created["quote"]["prefix"]
    assert saved_article["text"][start + len(phrase):].startswith(created["quote"]["suffix"])
    claim = next(c for c in saved_article["claims"] if c["start"] <= start < c["end"])
    assert created["claim_id"] == claim["id"]
    assert uuid.UUID(created["id"])
    with store.session() as session:
        assert get_highlight(session, created["id"]) == created
        assert list_highlights(session, saved_article["id"]) == [created]


def test_quote_slightly_off_its_position_is_snapped_to_where_it_is(store, saved_article):
    phrase = "the report was false"
    start = saved_article["text"].index(phrase)
    body = {"quote": {"exact": phrase}, "position": {"start": start + 3, "end": start + 3 + len(phrase)}}
    with store.session() as session:
        created = create_highlight(session, saved_article["id"], body)
    assert created["position"]["start"] == start


@pytest.mark.parametrize(
    ("body", "error", "field"),
    [
        ({"quote": {"exact": "words that are not in the article"}, "position": {"start": 0, "end": 33}},
         InvalidInput, "quote"),
        ({"quote": {"exact": "Iran"}, "position": {"start": 5000, "end": 5004}}, InvalidInput, "quote"),
        ({"quote": {"exact": "Iran"}, "position": {"start": 0, "end": 4}, "claim_id": "c999"}, InvalidInput, "claim_id"),
    ],
    ids=["quote-not-in-text", "quote-far-from-position", "unknown-claim"],
)
def test_invalid_highlight_is_refused_and_nothing_is_written(store, saved_article, body, error, field):
    before = snapshot(store)
    with store.session() as session, pytest.raises(error) as raised:
        create_highlight(session, saved_article["id"], body)
    assert field in (raised.value.fields or {})
    assert snapshot(store) == before


def test_failed_transaction_leaves_earlier_writes_of_it_undone(store, saved_article, highlight_body):
    kept = add(store, saved_article, "the report was false", highlight_body, note="original")
    before = snapshot(store)
    with pytest.raises(Conflict), store.session() as session:
        update_highlight(session, kept["id"], {"note": "changed inside a failing transaction"})
        # A second create with an existing id fails: the whole transaction must roll back.
        create_highlight(session, saved_article["id"], highlight_body(saved_article["text"], "Iran", id=kept["id"]))
    assert snapshot(store) == before


def test_database_constraint_failure_rolls_back(store, saved_article, highlight_body):
    kept = add(store, saved_article, "the report was false", highlight_body)
    before = snapshot(store)
    with pytest.raises(Exception), store.session() as session:
        update_highlight(session, kept["id"], {"note": "should vanish"})
        session.add(HighlightRow(id=str(uuid.uuid4()), article_id="no-such-article", version=1, exact="x",
                                 prefix="", suffix="", start=0, end=1, note="", tags="[]", anchor="anchored"))
        session.flush()  # foreign key violation
    assert snapshot(store) == before


def test_unknown_article_or_highlight_is_not_found(store):
    body = {"quote": {"exact": "x"}, "position": {"start": 0, "end": 1}}
    with store.session() as session:
        for call in (lambda: create_highlight(session, "nosuch", body), lambda: get_highlight(session, "nosuch"),
                     lambda: update_highlight(session, "nosuch", {"note": "x"}),
                     lambda: delete_highlight(session, "nosuch"), lambda: restore_highlight(session, "nosuch"),
                     lambda: list_highlights(session, "nosuch")):
            with pytest.raises(NotFound):
                call()


def test_update_changes_only_the_given_fields(store, saved_article, highlight_body):
    created = add(store, saved_article, "the report was false", highlight_body, note="n", label="dubious",
                  tags=["a"], color="red")
    with store.session() as session:
        changed = update_highlight(session, created["id"], {"tags": ["b", "c"], "label": None})
    assert (changed["note"], changed["label"], changed["tags"], changed["color"]) == ("n", None, ["b", "c"], "red")
    assert changed["updated"] >= created["updated"]
    assert changed["quote"] == created["quote"]


def test_trash_and_restore(store, saved_article, highlight_body):
    created = add(store, saved_article, "the report was false", highlight_body, note="keep me")
    with store.session() as session:
        trashed = delete_highlight(session, created["id"])
    assert trashed["deleted"] is not None
    with store.session() as session:
        assert list_highlights(session, saved_article["id"]) == []
        assert [h["id"] for h in list_trash(session)[0]] == [created["id"]]
        assert search_highlights(session, q="report")[1] == 0
        with pytest.raises(NotFound):  # a trashed highlight is not edited in place
            update_highlight(session, created["id"], {"note": "x"})
    with store.session() as session:
        restored = restore_highlight(session, created["id"])
    assert (restored["deleted"], restored["note"]) == (None, "keep me")
    with store.session() as session:
        assert [h["id"] for h in list_highlights(session, saved_article["id"])] == [created["id"]]
        assert list_trash(session) == ([], 0)
        with pytest.raises(Conflict):
            restore_highlight(session, created["id"])


@pytest.fixture
def searchable(store, saved_article, make_article, highlight_body):
    """Five highlights on two sites, created one after the other (oldest first)."""
    other = make_article(url="https://blog.example.org/2024/markets",
                         paragraphs=("Markets rallied after the central bank cut interest rates again.",),
                         title="Markets")
    with store.session() as session:
        other_doc = save_article(session, other, seen_url=other.url)
    specs = [
        (saved_article, "three Iranian officials told Reuters", {"note": "anonymous sourcing", "label": "needs-source",
                                                                 "tags": ["iran", "sourcing"]}),
        (saved_article, "the report was false", {"label": "important", "tags": ["denial", "follow-up"]}),
        (saved_article, "could reach Riyadh", {"note": "check the missile range", "tags": ["iran", "défense"]}),
        (other_doc, "central bank cut interest rates", {"label": "important", "tags": ["economy"]}),
        (saved_article, "a document seen by the newspaper", {"note": "which document?", "label": "dubious"}),
    ]
    created = [add(store, doc, phrase, highlight_body, **extra) for doc, phrase, extra in specs]
    return [h["quote"]["exact"] for h in created], created


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, [4, 3, 2, 1, 0]),
        ({"q": "Reuters"}, [0]),  # in a quote
        ({"q": "missile range"}, [2]),  # every word, in a note
        ({"q": "anonym"}, [0]),  # prefix of a word in a note
        ({"q": "sourcing"}, [0]),  # a tag
        ({"q": "REPORT"}, [1]),  # any case
        ({"q": "zebra"}, []),
        ({"q": "\" OR * NEAR("}, []),  # FTS syntax is not interpreted
        ({"label": "important"}, [3, 1]),
        ({"tag": "iran"}, [2, 0]),
        ({"tag": "ira"}, []),  # a tag is matched whole
        ({"tag": "IRAN"}, [2, 0]),  # in any case
        ({"tag": "econ_my"}, []),  # LIKE wildcards in a tag are literal
        ({"tag": "%"}, []),
        ({"tag": "follow-up"}, [1]),  # a tag of several words
        ({"tag": "follow"}, []),
        ({"tag": "up-follow"}, []),
        ({"tag": "défense"}, [2]),  # not ASCII
        ({"q": "défense"}, [2]),  # a tag not in ASCII, by full text
        ({"tag": "defense"}, []),
        ({"site": "blog.example.org"}, [3]),
        ({"q": "report", "label": "important"}, [1]),
    ],
)
def test_search_filters_newest_first(store, searchable, query, expected):
    quotes, _ = searchable
    found, total = search(store, **query)
    assert found == [quotes[i] for i in expected]
    assert total == len(expected)


def test_search_by_time_window(store, searchable):
    quotes, created = searchable
    with store.session() as session:
        session.query(HighlightRow).filter(HighlightRow.id == created[0]["id"]).update(
            {"created": datetime(2020, 1, 1, tzinfo=timezone.utc)})
    now = datetime.now(timezone.utc)
    assert search(store, until=datetime(2021, 1, 1, tzinfo=timezone.utc))[0] == [quotes[0]]
    assert quotes[0] not in search(store, since=now - timedelta(hours=1))[0]
    assert len(search(store, since=now - timedelta(hours=1))[0]) == 4
    assert search(store, since=now + timedelta(hours=1)) == ([], 0)
    # The same instant written in another time zone selects the same highlights.
    far_east = timezone(timedelta(hours=9))
    assert len(search(store, since=(now - timedelta(hours=1)).astimezone(far_east))[0]) == 4
    assert search(store, until=datetime(2021, 1, 1, 8, tzinfo=far_east))[0] == [quotes[0]]


def test_search_is_paginated(store, searchable):
    quotes, _ = searchable
    pages = [search(store, limit=2, offset=offset) for offset in (0, 2, 4, 6)]
    assert [p[0] for p in pages] == [[quotes[4], quotes[3]], [quotes[2], quotes[1]], [quotes[0]], []]
    assert {p[1] for p in pages} == {5}
