"""Articles in the store: found again, versioned when their text changes, highlights kept."""
from __future__ import annotations

import pytest

from sourcelight.errors import NotFound
from sourcelight.store.articles import get_article, list_articles, save_article
from sourcelight.store.highlights import create_highlight, list_highlights, list_trash, delete_highlight
from sourcelight.store.reanchor import bring_up_to_date


def save(store, article, seen_url=None):
    """Save as the API does: the page in one transaction, then its highlights re-anchored."""
    with store.session() as session:
        stored = save_article(session, article, seen_url=seen_url or article.url)
    bring_up_to_date(store, stored["id"])
    return stored


def highlight(store, document, phrase, highlight_body, **extra):
    with store.session() as session:
        return create_highlight(session, document["id"], highlight_body(document["text"], phrase, **extra))


def highlights_of(store, article_id):
    with store.session() as session:
        return {h["quote"]["exact"]: h for h in list_highlights(session, article_id)}


def test_same_page_again_is_the_same_article_and_version(store, make_article):
    first = save(store, make_article())
    second = save(store, make_article())
    assert (second["id"], second["version"]) == (first["id"], 1)
    with store.session() as session:
        assert list_articles(session)[1] == 1


@pytest.mark.parametrize("seen_url", [
    "https://news.example.com/world/iran-missiles?utm_source=twitter&utm_medium=social",
    "https://news.example.com/world/iran-missiles?fbclid=abc123",
    "https://news.example.com/world/iran-missiles#comments",
])
def test_same_page_under_a_tracking_url_is_the_same_article(store, make_article, seen_url):
    first = save(store, make_article())
    again = save(store, make_article(url=seen_url), seen_url=seen_url)
    assert (again["id"], again["version"]) == (first["id"], 1)


def test_a_different_page_is_a_different_article(store, make_article):
    first = save(store, make_article())
    other = save(store, make_article(url="https://news.example.com/sport/football",
                                     paragraphs=("The home side won three to one on Saturday.",),
                                     title="Football"))
    assert other["id"] != first["id"]


def test_changed_text_is_a_new_version_whose_highlights_are_reanchored_or_orphaned(
        store, make_article, highlight_body, paragraphs):
    first = save(store, make_article())
    kept = highlight(store, first, "three Iranian officials told Reuters", highlight_body, note="who are they?")
    edited = highlight(store, first, "could reach Riyadh and Tel Aviv", highlight_body, label="dubious")
    removed = highlight(store, first, "the transfer began several months ago", highlight_body)
    changed = (
        "Officials in Baghdad declined to comment on the report when reached on Friday evening.",  # new first
        paragraphs[0],
        paragraphs[1],
        paragraphs[2].replace("could reach Riyadh and Tel Aviv", "could reach Riyadh and Tel-Aviv"),
        # the last paragraph is gone
    )
    second = save(store, make_article(paragraphs=changed))
    assert (second["id"], second["version"]) == (first["id"], 2)
    found = {h["id"]: h for h in highlights_of(store, first["id"]).values()}
    assert set(found) == {kept["id"], edited["id"], removed["id"]}, "no highlight is ever dropped"

    moved = found[kept["id"]]
    assert (moved["anchor"], moved["version"], moved["orphaned"]) == ("moved", 2, False)
    assert second["text"][moved["position"]["start"]:moved["position"]["end"]] == "three Iranian officials told Reuters"
    assert moved["note"] == "who are they?"

    fuzzy = found[edited["id"]]
    assert (fuzzy["anchor"], fuzzy["version"], fuzzy["label"]) == ("moved", 2, "dubious")
    assert second["text"][fuzzy["position"]["start"]:fuzzy["position"]["end"]] == fuzzy["quote"]["exact"]
    assert "Tel-Aviv" in fuzzy["quote"]["exact"]

    orphan = found[removed["id"]]
    assert (orphan["anchor"], orphan["orphaned"], orphan["version"]) == ("orphaned", True, 1)
    assert orphan["quote"]["exact"] == "the transfer began several months ago"


def test_trashed_highlights_are_reanchored_too(store, make_article, highlight_body, paragraphs):
    first = save(store, make_article())
    trashed = highlight(store, first, "three Iranian officials", highlight_body)
    with store.session() as session:
        delete_highlight(session, trashed["id"])
    second = save(store, make_article(paragraphs=("An editor's note was added on top.",) + paragraphs))
    with store.session() as session:
        items, _ = list_trash(session)
    assert [(h["id"], h["version"], h["anchor"]) for h in items] == [(trashed["id"], second["version"], "moved")]


def test_the_article_is_read_back_at_its_latest_version(store, make_article, paragraphs):
    first = save(store, make_article())
    second = save(store, make_article(paragraphs=paragraphs[:2]))
    with store.session() as session:
        stored = get_article(session, first["id"])
    assert (stored["version"], stored["text"]) == (2, second["text"])


def test_unknown_article_is_not_found(store):
    with store.session() as session, pytest.raises(NotFound):
        get_article(session, "nosuchid")


def test_the_same_new_page_saved_by_several_readers_at_once_is_one_article(store, make_article):
    import threading

    results, errors = [], []

    def reader() -> None:
        try:
            results.append(save(store, make_article()))
        except Exception as error:  # noqa: BLE001 - any failure is what this test looks for
            errors.append(error)

    threads = [threading.Thread(target=reader) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert {(r["id"], r["version"]) for r in results} == {(results[0]["id"], 1)}
    with store.session() as session:
        assert list_articles(session)[1] == 1
