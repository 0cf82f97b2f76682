"""The library (store/library.py) on real pipeline output, on SQLite and PostgreSQL: filters
filter, paging is stable, search finds articles, their sources and their highlights' notes,
and counts follow an article's latest version."""
from __future__ import annotations

from datetime import date

import pytest

from sourcelight.store.highlights import create_highlight, delete_highlight
from sourcelight.store.library import LibraryFilters, library_trends, list_library
from tests.helpers.library_pages import ANONYMOUS_HEAVY, HARBOUR, TARIFFS, TARIFFS_ELSEWHERE, save_page


def library(store, **filters) -> tuple[list[dict], int]:
    paging = {k: filters.pop(k) for k in ("sort", "limit", "offset") if k in filters}
    with store.read_session() as session:
        return list_library(session, LibraryFilters(**filters), **paging)


def ids(store, **filters) -> set[str]:
    return {item["id"] for item in library(store, **filters)[0]}


def highlight(store, article: dict, phrase: str, **extra) -> dict:
    start = article["text"].index(phrase)
    body = {"quote": {"exact": phrase}, "position": {"start": start, "end": start + len(phrase)}, **extra}
    with store.session() as session:
        return create_highlight(session, article["id"], body)


@pytest.fixture
def shelf(store):
    """Four articles on three sites, dated in three weeks."""
    return {
        "tariffs": save_page(store, "https://news.example.com/tariffs", "Tariffs delayed", TARIFFS, "2026-10-06"),
        "elsewhere": save_page(store, "https://www.other.example.org/steel", "Steel tariffs postponed",
                               TARIFFS_ELSEWHERE, "2026-10-08"),
        "harbour": save_page(store, "https://news.example.com/harbour", "New pier", HARBOUR, "2026-10-14"),
        "minister": save_page(store, "https://third.example.net/minister", "Minister to resign", ANONYMOUS_HEAVY,
                              "2026-10-21"),
    }


def test_an_item_counts_its_claims_by_kind_as_the_article_summary_does(store, shelf):
    items, total = library(store)
    assert total == 4
    item = next(i for i in items if i["id"] == shelf["tariffs"]["id"])
    summary = shelf["tariffs"]["summary"]
    assert item["claims"] == len(shelf["tariffs"]["claims"])
    assert {k: n for k, n in item["by_kind"].items() if n} == summary["by_kind"]
    assert item["anonymous"] == item["by_kind"]["anonymous"] == 1
    assert (item["domain"], item["published"], item["date"]) == ("example.com", "2026-10-06", "2026-10-06")
    assert item["changed_since_read"] is False


def test_the_site_filter_keeps_only_that_site(store, shelf):
    assert ids(store, site="example.com") == {shelf["tariffs"]["id"], shelf["harbour"]["id"]}
    assert ids(store, site="example") == set()


def test_the_kind_share_filter_keeps_articles_resting_mostly_on_that_kind(store, shelf):
    anonymous_heavy = ids(store, kind="anonymous", min_share=0.5)
    assert shelf["minister"]["id"] in anonymous_heavy
    assert shelf["harbour"]["id"] not in anonymous_heavy
    assert shelf["tariffs"]["id"] not in anonymous_heavy  # one anonymous claim in three
    assert shelf["tariffs"]["id"] in ids(store, kind="anonymous")  # at least one


def test_dates_filter_on_the_published_day_inclusive(store, shelf):
    october_first_half = ids(store, since=date(2026, 10, 6), until=date(2026, 10, 14))
    assert october_first_half == {shelf["tariffs"]["id"], shelf["elsewhere"]["id"], shelf["harbour"]["id"]}
    assert ids(store, since=date(2026, 10, 15)) == {shelf["minister"]["id"]}


def test_an_undated_article_is_dated_by_when_it_was_first_read(store):
    stored = save_page(store, "https://news.example.com/undated", "Undated", HARBOUR, None)
    item = library(store)[0][0]
    assert item["id"] == stored["id"] and item["published"] is None
    assert item["date"] == item["first_read"][:10]


def test_pages_are_stable_and_cover_every_article_once(store):
    for n in range(7):
        save_page(store, f"https://news.example.com/pier-{n}", f"Pier {n}",
                  (HARBOUR[0].replace("June", f"June, phase {n},"), *HARBOUR[1:]), "2026-10-14")
    everything, total = library(store, limit=100)
    pages = [library(store, limit=3, offset=offset)[0] for offset in (0, 3, 6)]
    assert total == 7 and [len(p) for p in pages] == [3, 3, 1]
    assert [i["id"] for p in pages for i in p] == [i["id"] for i in everything]
    assert library(store, limit=3, offset=3)[1] == 7


def test_newest_read_comes_first_and_sort_by_date_orders_by_the_articles_date(store, shelf):
    by_read = [i["id"] for i in library(store)[0]]
    assert by_read[0] == shelf["minister"]["id"]  # saved last
    save_page(store, "https://news.example.com/tariffs", "Tariffs delayed", TARIFFS, "2026-10-06")  # read again
    assert library(store)[0][0]["id"] == shelf["tariffs"]["id"]
    by_date = [i["date"] for i in library(store, sort="date")[0]]
    assert by_date == sorted(by_date, reverse=True)


def test_search_finds_words_of_the_text_title_and_source_names(store, shelf):
    assert ids(store, q="harvest") == {shelf["tariffs"]["id"]}
    assert ids(store, q="pier") == {shelf["harbour"]["id"]}  # the title and the text
    assert ids(store, q="okaf") == {shelf["harbour"]["id"]}  # a prefix of a source's name
    assert ids(store, q="tariffs steel") == {shelf["elsewhere"]["id"]}  # every word
    assert ids(store, q="TARIFFS") == {shelf["tariffs"]["id"], shelf["elsewhere"]["id"]}


def test_search_finds_the_word_of_a_note_and_of_a_tag(store, shelf):
    highlight(store, shelf["harbour"], "the new pier would open in June", note="Compare with the zeppelin mast plan",
              tags=["waterfront"])
    assert ids(store, q="zeppelin") == {shelf["harbour"]["id"]}
    assert ids(store, q="waterfr") == {shelf["harbour"]["id"]}
    assert ids(store, q="zeppelin harvest") == set()  # all words in the article, or all in one highlight


def test_a_trashed_highlight_is_neither_counted_nor_found(store, shelf):
    made = highlight(store, shelf["harbour"], "the new pier would open in June", note="zeppelin")
    assert library(store, site="example.com", q="zeppelin")[0][0]["highlights"] == 1
    with store.session() as session:
        delete_highlight(session, made["id"])
    assert ids(store, q="zeppelin") == set()
    assert all(item["highlights"] == 0 for item in library(store)[0])


def test_label_and_tag_keep_articles_with_such_a_live_highlight(store, shelf):
    highlight(store, shelf["tariffs"], "will delay the tariffs until March", label="dubious", tags=["Follow-up"])
    highlight(store, shelf["harbour"], "the new pier would open in June", label="important", tags=["follow"])
    assert ids(store, label="dubious") == {shelf["tariffs"]["id"]}
    assert ids(store, tag="follow-up") == {shelf["tariffs"]["id"]}  # any case, whole tag
    assert ids(store, tag="follow") == {shelf["harbour"]["id"]}


@pytest.mark.parametrize("hostile", ['"', '*', 'NEAR(a b)', "pier OR x", "a' OR '1'='1", "%_\\", ":*&|!()",
                                     "\u0000", "tariffs -harvest", "^pier", "col:pier", "title:pier", "pier*"])
def test_hostile_search_words_are_only_words(store, shelf, hostile):
    # FTS syntax is no syntax: the query finds what its words (letters and digits) find.
    words = "".join(ch if ch.isalnum() else " " for ch in hostile).split()
    found = ids(store, q=hostile)
    assert found == (ids(store, q=" ".join(words)) if words else set())
    assert len(found) < len(shelf)


def test_counts_follow_the_latest_version_of_a_reannotated_article(store):
    first = save_page(store, "https://third.example.net/minister", "Minister", ANONYMOUS_HEAVY, "2026-10-21")
    assert library(store)[0][0]["anonymous"] >= 2
    named = ("Prime Minister Ana Ruiz said on Friday that the minister would stay in his post.",
             "The minister told reporters he had no plans to resign before the end of the week.")
    second = save_page(store, "https://third.example.net/minister", "Minister stays", named, "2026-10-21")
    assert second["id"] == first["id"] and second["version"] == 2
    item = library(store)[0][0]
    assert (item["latest_version"], item["versions"], item["anonymous"]) == (2, 2, 0)
    assert item["by_kind"]["named_person"] == 2 and item["claims"] == 2
    assert ids(store, q="confidence") == set()  # the old text is no longer what is searched
    assert ids(store, q="Ruiz") == {first["id"]}


def test_trends_count_by_week_and_site_and_anonymous_reasons(store, shelf):
    with store.read_session() as session:
        trends = library_trends(session, LibraryFilters())
    assert [(w["week"], w["start"], w["articles"]) for w in trends["weeks"]] == [
        ("2026-W41", "2026-10-05", 2), ("2026-W42", "2026-10-12", 1), ("2026-W43", "2026-10-19", 1)]
    assert sum(w["claims"] for w in trends["weeks"]) == sum(len(a["claims"]) for a in shelf.values())
    sites = {s["site"]: s["articles"] for s in trends["sites"]}
    assert sites == {"example.com": 2, "example.org": 1, "example.net": 1}
    anonymous = trends["anonymous"]
    assert anonymous["claims"] == sum(w["by_kind"]["anonymous"] for w in trends["weeks"])
    assert anonymous["explained"] + anonymous["unexplained"] == anonymous["claims"]
    assert trends["top_sources"][0]["name"].lower() == "a senior administration official"
    assert trends["top_sources"][0]["articles"] == 2


def test_trends_follow_the_filters(store, shelf):
    with store.read_session() as session:
        trends = library_trends(session, LibraryFilters(site="example.net"))
    assert [w["articles"] for w in trends["weeks"]] == [1]
    assert [s["site"] for s in trends["sites"]] == ["example.net"]
    assert all(s["key"] != "anonymous.senior-administration-official" for s in trends["top_sources"])
