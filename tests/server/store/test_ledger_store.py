"""The source ledger (store/ledger.py) on real pipeline output, on SQLite and PostgreSQL: one
source across articles and sites, outlets relaying, and the rows kept for the latest version."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from sourcelight.errors import NotFound
from sourcelight.store.ledger import get_source, list_sources
from sourcelight.store.library import LibraryFilters, list_library
from sourcelight.store.migrate import downgrade
from tests.helpers.library_pages import ANONYMOUS_HEAVY, HARBOUR, TARIFFS, TARIFFS_ELSEWHERE, save_page

DESCRIPTOR = "anonymous.senior-administration-official"


def sources(store, **query) -> tuple[list[dict], int]:
    with store.read_session() as session:
        return list_sources(session, **query)


def source(store, key: str, **paging) -> dict:
    with store.read_session() as session:
        return get_source(session, key, **paging)


@pytest.fixture
def two_sites(store):
    return (save_page(store, "https://news.example.com/tariffs", "Tariffs delayed", TARIFFS, "2026-10-06"),
            save_page(store, "https://www.other.example.org/steel", "Steel tariffs postponed", TARIFFS_ELSEWHERE,
                      "2026-10-08"))


def test_one_anonymous_descriptor_is_one_source_across_two_sites(store, two_sites):
    items, _ = sources(store)
    descriptor = next(s for s in items if s["key"] == DESCRIPTOR)
    assert (descriptor["articles"], descriptor["claims"], descriptor["sites"]) == (2, 2, 2)
    assert descriptor["kind"] == "anonymous"
    assert items[0]["key"] == DESCRIPTOR  # the most relied-on first
    detail = source(store, DESCRIPTOR)
    assert [a["article_id"] for a in detail["appearances"]] == [two_sites[1]["id"], two_sites[0]["id"]]
    quoted = [c["text"] for a in detail["appearances"] for c in a["claims"]]
    assert all("senior administration official" in q.lower() for q in quoted)


def test_the_relaying_outlet_is_in_the_ledger_with_the_claims_it_relays(store, two_sites):
    descriptor = next(s for s in sources(store)[0] if s["key"] == DESCRIPTOR)
    assert [v.lower() for v in descriptor["via"]] == ["the associated press"]
    outlet = source(store, "media.associated-press")
    assert outlet["kind"] == "media" and outlet["articles"] == 1
    [claim] = outlet["appearances"][0]["claims"]
    assert claim["role"] == "relay" and claim["source"].lower() == "a senior administration official"


def test_a_named_person_is_one_source_under_every_name_the_article_uses(store):
    stored = save_page(store, "https://news.example.com/pier", "Pier", (
        "Maria Okafor, the mayor, said the pier would bring thousands of visitors to the town every summer.",
        "\u201cThis is the best news the harbour has had in decades,\u201d Okafor said on Monday.",
    ), "2026-10-14")
    entities = {c["sourcing"]["entity"] for c in stored["claims"]}
    assert entities == {"Maria Okafor"}
    okafor = source(store, "named_person.maria-okafor")
    assert okafor["claims"] == 2 and okafor["name"] == "Maria Okafor"


def test_the_ledger_filters_by_kind_and_name_and_pages(store, two_sites):
    save_page(store, "https://third.example.net/minister", "Minister", ANONYMOUS_HEAVY, "2026-10-21")
    anonymous, _ = sources(store, kind="anonymous")
    assert anonymous and all(s["kind"] == "anonymous" for s in anonymous)
    assert [s["key"] for s in sources(store, q="Administration official")[0]] == [DESCRIPTOR]
    assert sources(store, q="%")[0] == []
    everything, total = sources(store, limit=100)
    pages = [sources(store, limit=2, offset=o) for o in range(0, total, 2)]
    assert [s["key"] for page, _ in pages for s in page] == [s["key"] for s in everything]
    assert all(t == total for _, t in pages)


@pytest.mark.parametrize("key", ["anonymous.nobody-at-all", "anonymous.senior\x00", "x" * 400, "%", ""])
def test_an_unknown_source_is_not_found(store, two_sites, key):
    with pytest.raises(NotFound):
        source(store, key)


def test_the_ledger_follows_the_latest_version(store, two_sites):
    save_page(store, "https://news.example.com/tariffs", "Tariffs delayed", HARBOUR, "2026-10-06")
    descriptor = source(store, DESCRIPTOR)
    assert descriptor["articles"] == 1 and descriptor["appearances"][0]["article_id"] == two_sites[1]["id"]
    with pytest.raises(NotFound):
        source(store, "named_person.dana-lee")


def test_migration_0006_fills_the_library_from_the_stored_versions(store, two_sites):
    with store.read_session() as session:
        before = list_library(session, LibraryFilters(), sort="date")
    before_sources = sources(store)
    downgrade(store.engine, "0005")
    with store.engine.connect() as connection:
        assert "article_sourcing" not in {r[0] for r in connection.execute(text(
            "SELECT table_name FROM information_schema.tables" if store.engine.dialect.name == "postgresql"
            else "SELECT name FROM sqlite_master"))}
    store.upgrade()
    with store.read_session() as session:
        after = list_library(session, LibraryFilters(), sort="date")
        found = list_library(session, LibraryFilters(q="harvest"))
    assert after == before
    assert sources(store) == before_sources
    assert [i["id"] for i in found[0]] == [two_sites[0]["id"]]


def test_migration_0008_counts_the_ledger_of_the_rows_0006_wrote(store, two_sites):
    before = sources(store)
    before_detail = source(store, "media.associated-press")
    downgrade(store.engine, "0007")  # the ledger's totals, claim_sources' domain and relayed_key go
    store.upgrade()
    assert sources(store) == before
    assert source(store, "media.associated-press") == before_detail
    assert next(s for s in before[0] if s["key"] == DESCRIPTOR)["via"] == ["the Associated Press"]


def test_an_imported_notebook_has_the_same_library_and_ledger(store, two_sites, new_database_url):
    from sourcelight import outputs
    from sourcelight.store import Store
    from sourcelight.store.export import collect_export, import_jsonld

    with store.read_session() as session:
        exported = outputs.export_jsonld(collect_export(session, every_article=True))
        before = list_library(session, LibraryFilters(), sort="date")[0]
    empty = Store(new_database_url())
    empty.upgrade()
    try:
        with empty.session() as session:
            import_jsonld(session, exported)
        with empty.read_session() as session:
            after = list_library(session, LibraryFilters(), sort="date")[0]
            found = list_library(session, LibraryFilters(q="harvest"))[0]
        assert after == before
        assert sources(empty) == sources(store)
        assert [i["id"] for i in found] == [two_sites[0]["id"]]
    finally:
        empty.dispose()
