"""Re-anchoring after a page changed: outside the save's transaction, per article, and never
over a newer text."""
from __future__ import annotations

import threading

from sourcelight.store.articles import save_article
from sourcelight.store.highlights import create_highlight, list_highlights
from sourcelight.store.reanchor import bring_up_to_date

EDITOR_NOTE = "An editor's note was added on top of this story."


def saved(store, article):
    with store.session() as session:
        return save_article(session, article, seen_url=article.url)


def listed(store, article_id):
    with store.read_session() as session:
        return {h["id"]: h for h in list_highlights(session, article_id)}


def test_saving_a_changed_page_leaves_placing_to_afterwards(store, make_article, highlight_body, paragraphs):
    first = saved(store, make_article())
    with store.session() as session:
        made = create_highlight(session, first["id"], highlight_body(first["text"], "three Iranian officials"))
    second = saved(store, make_article(paragraphs=(EDITOR_NOTE,) + paragraphs))
    assert listed(store, first["id"])[made["id"]]["version"] == 1  # not yet placed
    assert bring_up_to_date(store, first["id"]) == 1
    placed = listed(store, first["id"])[made["id"]]
    assert (placed["version"], placed["anchor"]) == (2, "moved")
    start, end = placed["position"]["start"], placed["position"]["end"]
    assert second["text"][start:end] == "three Iranian officials"
    assert bring_up_to_date(store, first["id"]) == 0  # nothing left to do


def test_placements_computed_for_an_older_text_are_not_written(store, make_article, highlight_body, paragraphs):
    first = saved(store, make_article())
    with store.session() as session:
        made = create_highlight(session, first["id"], highlight_body(first["text"], "three Iranian officials"))
    saved(store, make_article(paragraphs=(EDITOR_NOTE,) + paragraphs))
    # A third text arrives while the second one's placements would be computed: then only
    # placements against the third are written.
    third = saved(store, make_article(paragraphs=(EDITOR_NOTE, "And a second note.") + paragraphs))
    bring_up_to_date(store, first["id"])
    placed = listed(store, first["id"])[made["id"]]
    assert placed["version"] == third["version"] == 3
    assert third["text"][placed["position"]["start"]:placed["position"]["end"]] == "three Iranian officials"


def test_other_writes_go_on_while_an_article_is_re_anchored(store, make_article, highlight_body):
    # Long highlights on a long page that changed inside each of them: the matcher works for
    # a while, and a write about another article must not wait for it to finish.
    paragraphs = tuple(f"Paragraph {n}: " + " ".join(f"word{(n * 7 + k) % 89}" for k in range(300))
                       for n in range(40))
    first = saved(store, make_article(paragraphs=paragraphs))
    with store.session() as session:
        for n in range(0, 40, 2):
            quote = paragraphs[n] + "\n\n" + paragraphs[n + 1]
            create_highlight(session, first["id"], highlight_body(first["text"], quote))
    changed = tuple(p.replace("word1 ", "WORD1 ").replace("word5 ", "w5 ") for p in paragraphs)
    saved(store, make_article(paragraphs=("Updated.",) + changed))
    other = saved(store, make_article(url="https://other.example.org/a"))

    order: list[str] = []
    worker = threading.Thread(target=lambda: (bring_up_to_date(store, first["id"]), order.append("re-anchored")))
    worker.start()
    with store.session() as session:  # a write on the other article, during the re-anchoring
        create_highlight(session, other["id"], highlight_body(other["text"], "three Iranian officials"))
    order.append("other write")
    worker.join()
    assert order == ["other write", "re-anchored"]
    assert {h["anchor"] for h in listed(store, first["id"]).values()} == {"moved"}
