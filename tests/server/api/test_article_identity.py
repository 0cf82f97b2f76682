"""Which stored article a page is: only ever one of the same site (registrable domain).

The attack from issue 10: a copy of a stored story on another site took it over (same id,
then a new version with the attacker's text, and the reader's highlights orphaned).
"""
from __future__ import annotations

SEED = "seed-sputnik-iran-missiles"
VICTIM_URL = "https://sputniknews.com/middleeast/201808311067670003-iran-iraq-missiles/"
EVIL_URL = "https://evil.example/copy"
PHRASE = "Baghdad was aware of the supplies"


def post(client, headers, html, url):
    response = client.post("/api/v1/articles", json={"url": url, "html": html}, headers=headers)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def highlight(client, headers, article):
    start = article["text"].index(PHRASE)
    response = client.post(f"/api/v1/articles/{article['id']}/highlights", headers=headers, json={
        "quote": {"exact": PHRASE}, "position": {"start": start, "end": start + len(PHRASE)}})
    assert response.status_code == 201
    return response.get_json()


def highlights(client, headers, article_id):
    return client.get(f"/api/v1/articles/{article_id}/highlights", headers=headers).get_json()["highlights"]


def test_a_copy_on_another_site_cannot_take_a_stored_article_over(client, auth_headers, fixture_page):
    html = fixture_page(SEED)  # it names the victim's URL as canonical, as a verbatim copy would
    victim = post(client, auth_headers, html, VICTIM_URL)
    mark = highlight(client, auth_headers, victim)

    copy = post(client, auth_headers, html, EVIL_URL)
    assert copy["id"] != victim["id"]
    changed = html.replace("Baghdad was aware of the supplies", "Nobody in Baghdad knew anything")
    changed = changed.replace("Tehran Reportedly Arms Iraqi Militias", "Attacker's Title")
    again = post(client, auth_headers, changed, EVIL_URL)
    assert again["id"] == copy["id"] and again["version"] == 2  # the copy's own article changed

    stored = client.get(f"/api/v1/articles/{victim['id']}", headers=auth_headers).get_json()
    assert (stored["version"], stored["title"], stored["text"]) == (1, victim["title"], victim["text"])
    [kept] = highlights(client, auth_headers, victim["id"])
    assert (kept["id"], kept["anchor"], kept["version"]) == (mark["id"], "anchored", 1)
    listed = client.get("/api/v1/articles?site=evil.example", headers=auth_headers).get_json()["articles"]
    assert [a["id"] for a in listed] == [copy["id"]]
    assert all("evil.example" not in (a["url"] or "") for a in
               client.get("/api/v1/articles?site=sputniknews.com", headers=auth_headers).get_json()["articles"])


def test_a_copy_saved_first_does_not_capture_the_original(client, auth_headers, fixture_page):
    html = fixture_page(SEED)
    copy = post(client, auth_headers, html, EVIL_URL)
    original = post(client, auth_headers, html, VICTIM_URL)
    assert original["id"] != copy["id"]
    assert original["canonical_url"] == VICTIM_URL
    assert post(client, auth_headers, html, VICTIM_URL)["id"] == original["id"]


def test_the_same_text_on_another_host_of_the_same_site_is_the_same_article(client, auth_headers, fixture_page):
    html = fixture_page(SEED)
    first = post(client, auth_headers, html, VICTIM_URL)
    mobile = post(client, auth_headers, html, "https://m.sputniknews.com/amp/iran-iraq-missiles")
    assert mobile["id"] == first["id"]


def test_the_list_of_articles_gives_the_publication_date(client, auth_headers, fixture_page):
    article = post(client, auth_headers, fixture_page(SEED), VICTIM_URL)
    [listed] = client.get("/api/v1/articles", headers=auth_headers).get_json()["articles"]
    assert article["published"] and listed["published"] == article["published"]
