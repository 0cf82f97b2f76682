"""The highlight routes and the export route (JSON-LD, Markdown, CSV), through the Flask client on real
SQLite and PostgreSQL stores."""
from __future__ import annotations

import csv
import io
import uuid

import pytest

pytestmark = pytest.mark.both_databases

PAGE = "wire-reuters-style"
PAGE_URL = "https://wire.example.com/world/2024/story"


@pytest.fixture
def article(client, auth_headers, fixture_page):
    response = client.post("/api/v1/articles", json={"url": PAGE_URL, "html": fixture_page(PAGE)},
                           headers=auth_headers)
    assert response.status_code == 201
    return response.get_json()


def body_for(article, claim_index=0, **extra):
    """A highlight on the first words of one of the article's claims."""
    claim = article["claims"][claim_index]
    exact = claim["text"][:40].rstrip()
    return {"quote": {"exact": exact}, "position": {"start": claim["start"], "end": claim["start"] + len(exact)},
            **extra}


def post_highlight(client, headers, article, body):
    return client.post(f"/api/v1/articles/{article['id']}/highlights", json=body, headers=headers)


@pytest.fixture
def highlight(client, auth_headers, article):
    response = post_highlight(client, auth_headers, article,
                              body_for(article, note="first *note*", label="needs-source", tags=["wire"]))
    assert response.status_code == 201
    return response.get_json()


def error_of(response):
    return response.get_json()["error"]


def test_create_returns_201_with_the_stored_highlight(client, auth_headers, article, highlight):
    claim = article["claims"][0]
    assert highlight["claim_id"] == claim["id"]
    assert article["text"][highlight["position"]["start"]:highlight["position"]["end"]] == highlight["quote"]["exact"]
    assert (highlight["note"], highlight["label"], highlight["tags"]) == ("first *note*", "needs-source", ["wire"])
    assert (highlight["anchor"], highlight["orphaned"], highlight["deleted"]) == ("anchored", False, None)
    listed = client.get(f"/api/v1/articles/{article['id']}/highlights", headers=auth_headers)
    assert listed.status_code == 200
    assert listed.get_json()["highlights"] == [highlight]


def test_client_chosen_id_is_kept_and_a_retry_is_409(client, auth_headers, article):
    chosen = str(uuid.uuid4())
    first = post_highlight(client, auth_headers, article, body_for(article, id=chosen))
    assert (first.status_code, first.get_json()["id"]) == (201, chosen)
    retry = post_highlight(client, auth_headers, article, body_for(article, id=chosen))
    assert retry.status_code == 409


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda b, a: b["quote"].update(exact=("zq" * 40)[:len(b["quote"]["exact"])]), "quote"),
        (lambda b, a: b["position"].update(start=b["position"]["start"] + 5000,
                                           end=b["position"]["end"] + 5000), "quote"),
        (lambda b, a: b["position"].update(end=b["position"]["end"] + 3), "position"),
        (lambda b, a: b["position"].update(start=-1), "position"),
        (lambda b, a: b.pop("position"), "position"),
        (lambda b, a: b.pop("quote"), "quote"),
        (lambda b, a: b["quote"].update(exact=""), "quote"),
        (lambda b, a: b.update(label="fake-news"), "label"),
        (lambda b, a: b.update(tags="not-a-list"), "tags"),
        (lambda b, a: b.update(color="javascript:alert(1)"), "color"),
        (lambda b, a: b.update(claim_id="c999"), "claim_id"),
        (lambda b, a: b.update(surprise=1), "surprise"),
        (lambda b, a: b.update(id="not-a-uuid"), "id"),
    ],
    ids=["quote-not-in-text", "quote-far-from-position", "span-not-quote-length", "negative-start",
         "no-position", "no-quote", "empty-quote", "unknown-label", "tags-not-list", "bad-color",
         "unknown-claim", "unknown-field", "bad-id"],
)
def test_invalid_highlight_is_422_naming_the_field_and_stores_nothing(client, auth_headers, article, change, field):
    body = body_for(article)
    change(body, article)
    response = post_highlight(client, auth_headers, article, body)
    assert response.status_code == 422
    assert field in error_of(response)["fields"]
    listed = client.get(f"/api/v1/articles/{article['id']}/highlights", headers=auth_headers).get_json()
    assert listed["highlights"] == []


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/api/v1/articles/nosuch/highlights"),
        ("get", "/api/v1/articles/nosuch/highlights"),
        ("patch", "/api/v1/highlights/nosuch"),
        ("delete", "/api/v1/highlights/nosuch"),
        ("post", "/api/v1/highlights/nosuch/restore"),
        ("get", "/api/v1/export?article=nosuch"),
    ],
)
def test_unknown_ids_are_404(client, auth_headers, method, path):
    body = {"note": "x"} if method == "patch" else (
        {"quote": {"exact": "abc"}, "position": {"start": 0, "end": 3}} if method == "post" and "restore" not in path
        else None)
    response = getattr(client, method)(path, json=body, headers=auth_headers)
    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", "/api/v1/highlights"), ("get", "/api/v1/trash"), ("get", "/api/v1/export"),
     ("patch", "/api/v1/highlights/x"), ("delete", "/api/v1/highlights/x")],
)
def test_routes_need_the_token(client, method, path):
    assert getattr(client, method)(path).status_code == 401


def test_patch_changes_only_the_given_fields(client, auth_headers, highlight):
    response = client.patch(f"/api/v1/highlights/{highlight['id']}", json={"note": "changed", "label": None},
                            headers=auth_headers)
    assert response.status_code == 200
    changed = response.get_json()
    assert (changed["note"], changed["label"], changed["tags"]) == ("changed", None, ["wire"])
    assert changed["quote"] == highlight["quote"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"label": "fake-news"}, "label"),
        ({"tags": [""]}, "tags"),
        ({"tags": ["x" * 65]}, "tags"),
        ({"color": "url(x)"}, "color"),
        ({"quote": {"exact": "moved"}}, "quote"),  # the selectors cannot be edited
        ({"note": 5}, "note"),
    ],
)
def test_patch_validation_is_422_naming_the_field_and_changes_nothing(client, auth_headers, article, highlight,
                                                                       body, field):
    response = client.patch(f"/api/v1/highlights/{highlight['id']}", json=body, headers=auth_headers)
    assert response.status_code == 422
    assert field in error_of(response)["fields"]
    listed = client.get(f"/api/v1/articles/{article['id']}/highlights", headers=auth_headers).get_json()
    assert listed["highlights"] == [highlight]


def test_empty_patch_is_422(client, auth_headers, highlight):
    response = client.patch(f"/api/v1/highlights/{highlight['id']}", json={}, headers=auth_headers)
    assert response.status_code == 422


def test_delete_goes_to_the_trash_and_restore_brings_it_back(client, auth_headers, article, highlight):
    hid = highlight["id"]
    deleted = client.delete(f"/api/v1/highlights/{hid}", headers=auth_headers)
    assert deleted.status_code == 200 and deleted.get_json()["deleted"]
    assert client.get(f"/api/v1/articles/{article['id']}/highlights", headers=auth_headers).get_json()["highlights"] == []
    trash = client.get("/api/v1/trash", headers=auth_headers).get_json()
    assert ([h["id"] for h in trash["highlights"]], trash["total"]) == ([hid], 1)
    assert client.patch(f"/api/v1/highlights/{hid}", json={"note": "x"}, headers=auth_headers).status_code == 404

    restored = client.post(f"/api/v1/highlights/{hid}/restore", headers=auth_headers)
    assert restored.status_code == 200
    assert {**restored.get_json(), "updated": None} == {**highlight, "updated": None}
    assert client.get("/api/v1/trash", headers=auth_headers).get_json() == {"highlights": [], "total": 0}
    again = client.post(f"/api/v1/highlights/{hid}/restore", headers=auth_headers)
    assert (again.status_code, error_of(again)["code"]) == (409, "conflict")


def test_search_finds_by_words_label_and_tag(client, auth_headers, article, highlight):
    second = post_highlight(client, auth_headers, article,
                            body_for(article, claim_index=1, note="zeppelin remark", label="dubious")).get_json()
    cases = {
        "q=zeppelin": [second["id"]],
        "q=note": [highlight["id"]],
        "label=needs-source": [highlight["id"]],
        "tag=wire": [highlight["id"]],
        "": [second["id"], highlight["id"]],  # newest first
        "limit=1": [second["id"]],
        "limit=1&offset=1": [highlight["id"]],
        "site=elsewhere.example": [],
        "since=2000-01-01T00:00:00Z&until=2000-01-02T00:00:00%2B02:00": [],
        f"article={article['id']}&q=zeppelin": [second["id"]],
    }
    for query, expected in cases.items():
        response = client.get(f"/api/v1/highlights?{query}", headers=auth_headers)
        assert response.status_code == 200, query
        assert [h["id"] for h in response.get_json()["highlights"]] == expected, query


@pytest.mark.parametrize(
    ("query", "field"),
    [("label=fake", "label"), ("since=yesterday", "since"), ("since=2024-01-01T00:00:00", "since"),
     ("limit=0", "limit"), ("limit=10000", "limit"), ("offset=-1", "offset"), ("surprise=1", "surprise"),
     ("q=" + "x" * 501, "q"), ("offset=" + str(10**30), "offset"), ("limit=" + str(10**30), "limit"),
     ("offset=1000001", "offset")],
)
def test_search_query_validation_is_422_naming_the_field(client, auth_headers, query, field):
    response = client.get(f"/api/v1/highlights?{query}", headers=auth_headers)
    assert response.status_code == 422
    assert field in error_of(response)["fields"]


@pytest.mark.parametrize("path", ["/api/v1/highlights", "/api/v1/articles", "/api/v1/trash"])
@pytest.mark.parametrize("field", ["limit", "offset"])
def test_huge_paging_numbers_are_422_naming_the_field(client, auth_headers, path, field):
    response = client.get(f"{path}?{field}={10**30}", headers=auth_headers)
    assert response.status_code == 422
    assert list(error_of(response)["fields"]) == [field]
    assert field in error_of(response)["message"]


def test_the_last_allowed_offset_is_an_empty_page(client, auth_headers):
    response = client.get("/api/v1/trash?offset=1000000", headers=auth_headers)
    assert response.status_code == 200
    assert response.get_json()["highlights"] == []


def test_a_huge_position_is_422_naming_the_field(client, auth_headers, article):
    body = {"quote": {"exact": "x"}, "position": {"start": 10**30, "end": 10**30 + 1}}
    response = post_highlight(client, auth_headers, article, body)
    assert response.status_code == 422
    assert "position" in error_of(response)["fields"]


def test_export_formats(client, auth_headers, article, highlight):
    jsonld = client.get("/api/v1/export?format=jsonld", headers=auth_headers)
    assert jsonld.status_code == 200 and jsonld.content_type.startswith("application/ld+json")
    assert jsonld.get_json()["type"] == "AnnotationCollection"
    items = jsonld.get_json()["first"]["items"]
    assert [i["id"] for i in items if i["motivation"] != "classifying"] == [f"urn:uuid:{highlight['id']}"]
    # Every claim of the article follows, as a classifying annotation.
    assert sum(1 for i in items if i["motivation"] == "classifying") == len(article["claims"])
    markdown = client.get(f"/api/v1/export?format=markdown&article={article['id']}", headers=auth_headers)
    assert markdown.status_code == 200 and markdown.content_type.startswith("text/markdown")
    assert "> " + highlight["quote"]["exact"] in markdown.get_data(as_text=True)
    exported_csv = client.get("/api/v1/export?format=csv", headers=auth_headers)
    assert exported_csv.status_code == 200 and exported_csv.content_type.startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported_csv.get_data(as_text=True), newline="")))
    assert [r["highlight_id"] for r in rows] == [highlight["id"]]
    assert "attachment" in exported_csv.headers["Content-Disposition"]


def test_export_format_is_validated(client, auth_headers):
    response = client.get("/api/v1/export?format=pdf", headers=auth_headers)
    assert response.status_code == 422
    assert "format" in error_of(response)["fields"]


def test_search_results_say_which_article_each_highlight_is_from(client, auth_headers, fixture_page):
    html = fixture_page("seed-sputnik-iran-missiles")
    article = client.post("/api/v1/articles", json={"url": "https://sputniknews.com/a", "html": html},
                          headers=auth_headers).get_json()
    exact = "Baghdad was aware of the supplies"
    start = article["text"].index(exact)
    created = client.post(f"/api/v1/articles/{article['id']}/highlights", headers=auth_headers, json={
        "quote": {"exact": exact}, "position": {"start": start, "end": start + len(exact)}, "note": "which source?"})
    assert created.status_code == 201
    found = client.get("/api/v1/highlights?q=which", headers=auth_headers).get_json()
    [hit] = found["highlights"]
    assert hit["article"] == {"id": article["id"], "title": article["title"], "url": article["canonical_url"],
                              "site": article["site"]}


def test_after_the_page_changed_every_highlight_says_where_it_is_in_the_new_text(client, auth_headers, fixture_page):
    html = fixture_page(PAGE)
    first = client.post("/api/v1/articles", json={"url": PAGE_URL, "html": html}, headers=auth_headers).get_json()
    claim = first["claims"][2]
    exact = claim["text"][:30].rstrip()
    made = post_highlight(client, auth_headers, first, {
        "quote": {"exact": exact}, "position": {"start": claim["start"], "end": claim["start"] + len(exact)}})
    assert made.status_code == 201
    changed = html.replace("<p>", "<p>Correction appended by the editors at noon on Friday. ", 1)
    second = client.post("/api/v1/articles", json={"url": PAGE_URL, "html": changed}, headers=auth_headers).get_json()
    assert (second["id"], second["version"]) == (first["id"], 2)

    article = client.get(f"/api/v1/articles/{first['id']}", headers=auth_headers).get_json()
    [placed] = client.get(f"/api/v1/articles/{first['id']}/highlights", headers=auth_headers).get_json()["highlights"]
    assert (placed["anchor"], placed["version"], placed["orphaned"]) == ("moved", 2, False)
    start, end = placed["position"]["start"], placed["position"]["end"]
    assert article["text"][start:end] == exact == placed["quote"]["exact"]
    assert start != claim["start"]
