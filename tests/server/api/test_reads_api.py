"""Read marks and the changes route, through the Flask client on real SQLite and PostgreSQL stores: the
reader shows a page, the page is updated, the reader opens it again and asks what changed."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.both_databases

PAGE = "wire-reuters-style"
PAGE_URL = "https://wire.example.com/world/2024/story"
SILENT = ("A spokeswoman for Andes Meridian declined to comment on the figures or on the state of the talks, "
          "saying the company would not negotiate through the media.")
ANSWER = ("A spokeswoman for Andes Meridian said on Wednesday that the stockpiles would last at least three weeks "
          "and that the company expected to resume talks.")
ADDED = "Reporters were told by a mine official, who was not authorized to speak publicly, that trucks were idle."


def save(client, headers, html):
    response = client.post("/api/v1/articles", json={"url": PAGE_URL, "html": html}, headers=headers)
    assert response.status_code == 201
    return response.get_json()


@pytest.fixture
def first(client, auth_headers, fixture_page):
    return save(client, auth_headers, fixture_page(PAGE))


@pytest.fixture
def updated(client, auth_headers, fixture_page, first):
    html = fixture_page(PAGE)
    assert SILENT in html
    html = html.replace(SILENT, ANSWER).replace("<p>Cerro Alto produced", f"<p>{ADDED}</p><p>Cerro Alto produced")
    article = save(client, auth_headers, html)
    assert (article["id"], article["version"]) == (first["id"], 2)
    return article


def read(client, headers, article_id, version):
    return client.post(f"/api/v1/articles/{article_id}/read", json={"version": version}, headers=headers)


def changes(client, headers, article_id, query=""):
    return client.get(f"/api/v1/articles/{article_id}/changes{query}", headers=headers)


def test_reading_then_opening_the_updated_page_shows_what_changed(client, auth_headers, first, updated):
    # The reader showed version 1 before the page changed (the fixture saved both versions;
    # the mark says which one the reader saw).
    assert read(client, auth_headers, first["id"], 1).status_code == 204
    response = changes(client, auth_headers, first["id"])
    assert response.status_code == 200
    body = response.get_json()
    assert (body["from_version"], body["to_version"], body["changed"]) == (1, 2, True)
    assert body["last_read"]["version"] == 1
    added = [c for c in body["claims_added"] if c["text"] == ADDED]
    assert added and added[0]["kind"] == "anonymous"
    # The claim id is the newer version's: the reader scrolls to it.
    assert any(c["id"] == added[0]["claim_id"] and c["text"] == ADDED for c in updated["claims"])
    [answered] = body["non_responses_answered"]
    assert (answered["before_text"], answered["after_text"]) == (SILENT, ANSWER)
    assert body["summary_before"]["non_responses"] == body["summary_after"]["non_responses"] + 1


def test_once_the_latest_is_read_nothing_changed_since(client, auth_headers, first, updated):
    read(client, auth_headers, first["id"], 1)
    assert read(client, auth_headers, first["id"], 2).status_code == 204
    assert read(client, auth_headers, first["id"], 2).status_code == 204  # a reload: idempotent
    body = changes(client, auth_headers, first["id"]).get_json()
    assert (body["from_version"], body["to_version"], body["changed"]) == (2, 2, False)
    assert body["last_read"]["version"] == 2
    # The older version can still be compared with on request.
    assert changes(client, auth_headers, first["id"], "?since=1").get_json()["changed"]


def test_an_article_never_shown_has_no_changes_since(client, auth_headers, first):
    body = changes(client, auth_headers, first["id"]).get_json()
    assert (body["from_version"], body["to_version"], body["changed"], body["last_read"]) == (1, 1, False, None)


@pytest.mark.parametrize("body, field", [({}, "version"), ({"version": 0}, "version"), ({"version": "2"}, "version"),
                                         ({"version": 1, "extra": 1}, "extra")])
def test_an_invalid_read_mark_is_422_naming_the_field(client, auth_headers, first, body, field):
    response = client.post(f"/api/v1/articles/{first['id']}/read", json=body, headers=auth_headers)
    assert response.status_code == 422
    assert field in response.get_json()["error"]["fields"]


@pytest.mark.parametrize("query, status", [("?since=0", 422), ("?since=x", 422), ("?since=9", 404),
                                           ("?to=9", 404), ("?unknown=1", 422)])
def test_changes_query_is_validated(client, auth_headers, first, query, status):
    assert changes(client, auth_headers, first["id"], query).status_code == status


def test_unknown_articles_and_versions_are_404(client, auth_headers, first):
    assert read(client, auth_headers, "no-such-article", 1).status_code == 404
    assert read(client, auth_headers, first["id"], 2).status_code == 404
    assert changes(client, auth_headers, "no-such-article").status_code == 404


def test_routes_need_the_token(client, first):
    assert client.post(f"/api/v1/articles/{first['id']}/read", json={"version": 1}).status_code == 401
    assert client.get(f"/api/v1/articles/{first['id']}/changes").status_code == 401


def test_a_read_mark_must_be_json(client, auth_headers, first):
    headers = {"Authorization": auth_headers["Authorization"], "Content-Type": "text/plain"}
    response = client.post(f"/api/v1/articles/{first['id']}/read", data='{"version": 1}', headers=headers)
    assert response.status_code == 415


def test_the_library_says_which_articles_changed_since_they_were_read(client, auth_headers, first, updated):
    def flag():
        [item] = client.get("/api/v1/library", headers=auth_headers).get_json()["articles"]
        return item["changed_since_read"]

    assert flag() is False  # never shown: nothing changed since
    read(client, auth_headers, first["id"], 1)
    assert flag() is True
    read(client, auth_headers, first["id"], 2)
    assert flag() is False
