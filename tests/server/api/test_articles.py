"""POST/GET /api/v1/articles on a real app with a real SQLite database."""
from __future__ import annotations

import pytest

from sourcelight.pipeline.model import SourceKind

SEED = "seed-sputnik-iran-missiles"
SEED_URL = "https://sputniknews.com/middleeast/201808311067670003-iran-iraq-missiles/"


def post_article(client, headers, html, url=SEED_URL, **extra):
    return client.post("/api/v1/articles", json={"url": url, "html": html, **extra}, headers=headers)


def test_post_returns_201_and_the_contract(client, auth_headers, fixture_page):
    response = post_article(client, auth_headers, fixture_page(SEED))
    assert response.status_code == 201
    body = response.get_json()
    for key in ("id", "url", "canonical_url", "title", "byline", "site", "published", "language",
                "language_confidence", "text", "html", "claims", "summary", "version"):
        assert key in body
    assert body["language"] == "en"
    assert body["claims"], "an article has claims"
    for claim in body["claims"]:
        assert body["text"][claim["start"]:claim["end"]] == claim["text"]
        assert claim["sourcing"]["kind"] in {k.value for k in SourceKind}
        assert claim["note"]
    assert "Community standards" not in body["text"]
    assert "<script" not in body["html"]


def test_same_page_twice_returns_the_same_article(client, auth_headers, fixture_page):
    first = post_article(client, auth_headers, fixture_page(SEED)).get_json()
    second = post_article(client, auth_headers, fixture_page(SEED)).get_json()
    assert first["id"] == second["id"]
    assert first["version"] == second["version"]


def test_same_page_under_tracking_url_is_the_same_article(client, auth_headers, fixture_page):
    first = post_article(client, auth_headers, fixture_page(SEED)).get_json()
    tracked = post_article(client, auth_headers, fixture_page(SEED), url=SEED_URL + "?utm_source=twitter").get_json()
    assert tracked["id"] == first["id"]


def test_get_returns_the_stored_article(client, auth_headers, fixture_page):
    created = post_article(client, auth_headers, fixture_page(SEED)).get_json()
    fetched = client.get(f"/api/v1/articles/{created['id']}", headers=auth_headers)
    assert fetched.status_code == 200
    assert fetched.get_json()["text"] == created["text"]
    assert fetched.get_json()["claims"] == created["claims"]


def test_list_finds_articles_by_words_and_site(client, auth_headers, fixture_page):
    created = post_article(client, auth_headers, fixture_page(SEED)).get_json()
    listed = client.get("/api/v1/articles?q=Iraqi", headers=auth_headers).get_json()
    assert [a["id"] for a in listed["articles"]] == [created["id"]]
    assert listed["total"] == 1
    none = client.get("/api/v1/articles?q=zebracrossing", headers=auth_headers).get_json()
    assert none == {"articles": [], "total": 0}


def test_unknown_article_is_404_json(client, auth_headers):
    response = client.get("/api/v1/articles/doesnotexist", headers=auth_headers)
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"html": "<p>x</p>"}, 422, "url"),
        ({"url": "https://example.com/a"}, 422, "html"),
        ({"url": "ftp://example.com/a", "html": "<p>x</p>"}, 422, "url"),
        ({"url": "javascript:alert(1)", "html": "<p>x</p>"}, 422, "url"),
        ({"url": "https://example.com/a", "html": "<p>x</p>", "surprise": 1}, 422, "surprise"),
        ({"url": "https://example.com/a", "html": 42}, 422, "html"),
    ],
)
def test_invalid_fields_are_422_naming_the_field(client, auth_headers, body, status, field):
    response = client.post("/api/v1/articles", json=body, headers=auth_headers)
    assert response.status_code == status
    error = response.get_json()["error"]
    assert error["code"] == "validation_error"
    assert field in error["fields"]


def test_invalid_json_is_400(client, auth_headers):
    response = client.post("/api/v1/articles", data="{not json", headers=auth_headers)
    assert response.status_code == 400
    assert response.get_json()["error"]["message"]


def test_page_without_article_is_422_saying_so(client, auth_headers):
    html = "<html><body><nav><a href='/'>Home</a></nav><form><input name=q></form></body></html>"
    response = post_article(client, auth_headers, html, url="https://example.com/login")
    assert response.status_code == 422
    assert response.get_json()["error"]["code"] == "no_article"


def test_failed_post_stores_nothing(client, auth_headers):
    post_article(client, auth_headers, "<html><body>tiny</body></html>", url="https://example.com/x")
    assert client.get("/api/v1/articles", headers=auth_headers).get_json()["total"] == 0


def test_body_over_the_limit_is_413(app, client, auth_headers):
    app.config["MAX_CONTENT_LENGTH"] = 1000
    response = post_article(client, auth_headers, "<p>" + "x" * 2000 + "</p>")
    assert response.status_code == 413
    assert response.get_json()["error"]["code"] == "payload_too_large"


def test_form_post_is_415(client, auth_headers):
    headers = {"Authorization": auth_headers["Authorization"]}
    response = client.post("/api/v1/articles", data={"url": "https://e.com", "html": "x"}, headers=headers)
    assert response.status_code == 415


def test_health_says_which_engine_and_model_each_language_uses(client):
    engines = {e["language"]: e for e in client.get("/api/v1/health").get_json()["engines"]}
    assert engines["en"]["engine"] == "parse" and engines["en"]["model"].startswith("en_core_web_sm 3.8.0")
    assert engines["de"] == {"language": "de", "engine": "rules", "model": None}
