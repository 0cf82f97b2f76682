"""GET /api/v1/library, /library/trends, /sources, /sources/<key> on a real app, on SQLite and on
PostgreSQL, with pages annotated by the real pipeline through POST /api/v1/articles."""
from __future__ import annotations

import pytest

from sourcelight.store.sourcing_rows import KINDS
from tests.helpers.library_pages import ANONYMOUS_HEAVY, HARBOUR, TARIFFS, TARIFFS_ELSEWHERE, news_page

pytestmark = pytest.mark.both_databases

PAGES = (
    ("https://news.example.com/tariffs", "Tariffs delayed", TARIFFS, "2026-10-06"),
    ("https://www.other.example.org/steel", "Steel tariffs postponed", TARIFFS_ELSEWHERE, "2026-10-08"),
    ("https://news.example.com/harbour", "New pier", HARBOUR, "2026-10-14"),
    ("https://third.example.net/minister", "Minister to resign", ANONYMOUS_HEAVY, "2026-10-21"),
)


@pytest.fixture
def stored(client, auth_headers):
    articles = []
    for url, title, paragraphs, published in PAGES:
        response = client.post("/api/v1/articles", json={"url": url, "html": news_page(title, paragraphs, published)},
                               headers=auth_headers)
        assert response.status_code == 201
        articles.append(response.get_json())
    return articles


def get(client, auth_headers, path, **query):
    response = client.get(path, query_string=query, headers=auth_headers)
    return response.status_code, response.get_json()


def test_the_library_lists_every_article_last_read_first_with_its_sourcing(client, auth_headers, stored):
    status, body = get(client, auth_headers, "/api/v1/library")
    assert status == 200
    assert (body["total"], body["limit"], body["offset"]) == (4, 25, 0)
    assert [a["id"] for a in body["articles"]] == [a["id"] for a in reversed(stored)]
    for item, article in zip(body["articles"], reversed(stored)):
        assert set(item["by_kind"]) == set(KINDS)
        assert sum(item["by_kind"].values()) == item["claims"] == len(article["claims"])
        assert item["title"] == article["title"] and item["changed_since_read"] is False


def test_filters_reach_the_store(client, auth_headers, stored):
    _, by_site = get(client, auth_headers, "/api/v1/library", site="example.com")
    assert {a["url"] for a in by_site["articles"]} == {PAGES[0][0], PAGES[2][0]}
    _, by_share = get(client, auth_headers, "/api/v1/library", kind="anonymous", min_share="0.6")
    assert [a["url"] for a in by_share["articles"]] == [PAGES[3][0]]  # 1 claim in 2 is under 0.6
    _, half = get(client, auth_headers, "/api/v1/library", kind="anonymous", min_share="0.5")
    assert {a["url"] for a in half["articles"]} == {PAGES[1][0], PAGES[3][0]}
    _, by_date = get(client, auth_headers, "/api/v1/library", since="2026-10-08", until="2026-10-14")
    assert {a["url"] for a in by_date["articles"]} == {PAGES[1][0], PAGES[2][0]}


def test_search_finds_a_highlight_note_and_the_article_filter_by_its_tag(client, auth_headers, stored):
    harbour = stored[2]
    phrase = "the new pier would open in June"
    start = harbour["text"].index(phrase)
    response = client.post(f"/api/v1/articles/{harbour['id']}/highlights", headers=auth_headers, json={
        "quote": {"exact": phrase}, "position": {"start": start, "end": start + len(phrase)},
        "note": "Ask about the dredging contract", "tags": ["waterfront"]})
    assert response.status_code == 201
    _, found = get(client, auth_headers, "/api/v1/library", q="dredging")
    assert [(a["id"], a["highlights"]) for a in found["articles"]] == [(harbour["id"], 1)]
    _, tagged = get(client, auth_headers, "/api/v1/library", tag="Waterfront")
    assert [a["id"] for a in tagged["articles"]] == [harbour["id"]]


def test_pages_do_not_overlap(client, auth_headers, stored):
    seen = [get(client, auth_headers, "/api/v1/library", limit=1, offset=n)[1]["articles"][0]["id"] for n in range(4)]
    assert seen == [a["id"] for a in reversed(stored)]
    assert get(client, auth_headers, "/api/v1/library", limit=1, offset=4)[1]["articles"] == []


def test_trends_and_the_ledger_answer_with_their_shapes(client, auth_headers, stored):
    status, trends = get(client, auth_headers, "/api/v1/library/trends")
    assert status == 200
    assert [w["week"] for w in trends["weeks"]] == ["2026-W41", "2026-W42", "2026-W43"]
    assert trends["top_sources"][0]["key"] == "anonymous.senior-administration-official"
    status, ledger = get(client, auth_headers, "/api/v1/sources")
    assert status == 200 and ledger["sources"][0]["key"] == "anonymous.senior-administration-official"
    assert ledger["sources"][0]["sites"] == 2
    status, detail = get(client, auth_headers, "/api/v1/sources/anonymous.senior-administration-official")
    assert status == 200 and len(detail["appearances"]) == 2
    assert {a["url"] for a in detail["appearances"]} == {PAGES[0][0], PAGES[1][0]}


@pytest.mark.parametrize("key", ["anonymous.%3Cscript%3E", "anonymous.nobody", "%00", "a" * 400])
def test_an_unknown_source_is_404(client, auth_headers, stored, key):
    status, body = get(client, auth_headers, f"/api/v1/sources/{key}")
    assert status == 404 and body["error"]["code"] == "not_found"


@pytest.mark.parametrize("path, query", [
    ("/api/v1/library", {"limit": "0"}), ("/api/v1/library", {"limit": "101"}),
    ("/api/v1/library", {"limit": "ten"}), ("/api/v1/library", {"offset": "-1"}),
    ("/api/v1/library", {"offset": str(10 ** 30)}), ("/api/v1/library", {"kind": "secret"}),
    ("/api/v1/library", {"kind": "anonymous", "min_share": "2"}),
    ("/api/v1/library", {"kind": "anonymous", "min_share": "nan"}),
    ("/api/v1/library", {"kind": "anonymous", "min_share": "inf"}), ("/api/v1/library", {"min_share": "0.5"}),
    ("/api/v1/library", {"since": "yesterday"}), ("/api/v1/library", {"until": "2026-02-30"}),
    ("/api/v1/library", {"since": "2026-10-01'; DROP TABLE articles; --"}),
    ("/api/v1/library", {"label": "<script>"}), ("/api/v1/library", {"sort": "title; DELETE"}),
    ("/api/v1/library", {"q": "x" * 501}), ("/api/v1/library", {"site": "a" * 254}),
    ("/api/v1/library", {"tag": "t" * 65}), ("/api/v1/library", {"token": "test-token"}),
    ("/api/v1/library", {"site": "example.com\x00"}), ("/api/v1/library", {"tag": "\x00"}),
    ("/api/v1/library", {"q": "pier\x00"}), ("/api/v1/sources", {"q": "\x00"}),
    ("/api/v1/library/trends", {"since": "2026-13-01"}), ("/api/v1/library/trends", {"bucket": "day"}),
    ("/api/v1/sources", {"kind": "person"}), ("/api/v1/sources", {"limit": "-5"}),
    ("/api/v1/sources/media.reuters", {"offset": "x"}),
])
def test_bad_query_values_are_422_naming_the_field(client, auth_headers, path, query):
    status, body = get(client, auth_headers, path, **query)
    assert status == 422
    assert body["error"]["code"] == "validation_error"
    assert set(body["error"]["fields"]) <= set(query) and body["error"]["fields"]


@pytest.mark.parametrize("q", ['"', "*", "NEAR(a b)", "a:* & !b", "' OR 1=1 --", "\\", "%", "_", "\U0001F600",
                               "ﬁ", "tariffs -harvest"])
def test_search_words_with_syntax_in_them_are_answered(client, auth_headers, stored, q):
    status, body = get(client, auth_headers, "/api/v1/library", q=q)
    assert status == 200 and body["total"] < len(stored)


@pytest.mark.parametrize("path", ["/api/v1/library", "/api/v1/library/trends", "/api/v1/sources",
                                  "/api/v1/sources/media.reuters"])
def test_the_notebook_needs_the_token_and_refuses_web_pages(client, auth_headers, path):
    assert client.get(path).status_code == 401
    headers = {**auth_headers, "Origin": "https://evil.example"}
    response = client.get(path, headers=headers)
    assert response.status_code == 403 and "Access-Control-Allow-Origin" not in response.headers
