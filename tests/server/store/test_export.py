"""Export (JSON-LD, Markdown, CSV) and import: the notebook can be taken elsewhere and back."""
from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone

import pytest

from sourcelight.errors import InvalidInput, NotFound
from sourcelight.store import Store
from sourcelight import outputs
from sourcelight.store.articles import save_article
from sourcelight.store.export import collect_export, import_jsonld
from sourcelight.store.highlights import create_highlight, delete_highlight

FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")"


def export_jsonld(session, **kwargs):
    # As the API and the CLI collect it: every article, with its records.
    return outputs.export_jsonld(collect_export(session, every_article=True, **kwargs))


def highlight_items(document):
    """The highlights' annotations (the claims' classifying annotations follow them)."""
    return [i for i in document["first"]["items"] if i["id"].startswith("urn:uuid:")]


def export_markdown(session, **kwargs):
    return outputs.export_markdown(collect_export(session, **kwargs))


def export_csv(session, **kwargs):
    return outputs.export_csv(collect_export(session, **kwargs))


@pytest.fixture
def notebook(store, saved_article, make_article, highlight_body):
    """Two articles, four live highlights (one with a formula note) and one in the trash."""
    other = make_article(url="https://blog.example.org/2024/markets", title="Markets",
                         paragraphs=("Markets rallied after the central bank cut interest rates again, "
                                     "an analyst at a large bank said.",))
    with store.session() as session:
        other_doc = save_article(session, other, seen_url=other.url)
    specs = [
        (saved_article, "three Iranian officials told Reuters", {"note": "Who are **they**?", "label": "needs-source",
                                                                 "tags": ["iran", "sources"], "color": "#ff0"}),
        (saved_article, "the report was false", {"label": "important"}),
        (saved_article, "Critics say", {"note": FORMULA, "tags": ["-1+1"]}),
        (other_doc, "central bank cut interest rates", {"note": "rates note", "label": "agree"}),
        (saved_article, "several months ago", {"note": "trashed note"}),
    ]
    with store.session() as session:
        created = [create_highlight(session, d["id"], highlight_body(d["text"], p, **x)) for d, p, x in specs]
    with store.session() as session:
        delete_highlight(session, created[-1]["id"])
    return {"articles": [saved_article, other_doc], "highlights": created[:-1], "trashed": created[-1]}


def jsonld(store, **kwargs):
    with store.session() as session:
        return export_jsonld(session, **kwargs)


def test_jsonld_is_a_web_annotation_collection(store, notebook):
    document = jsonld(store)
    assert "http://www.w3.org/ns/anno.jsonld" in document["@context"]
    assert document["type"] == "AnnotationCollection"
    page = document["first"]
    assert page["type"] == "AnnotationPage"
    assert document["total"] == len(page["items"])
    assert len(highlight_items(document)) == 4  # the trashed one is not exported
    by_quote = {}
    for item in highlight_items(document):
        assert item["type"] == "Annotation"
        assert item["id"].startswith("urn:uuid:")
        selectors = {s["type"]: s for s in item["target"]["selector"]}
        assert set(selectors) == {"TextQuoteSelector", "TextPositionSelector"}
        by_quote[selectors["TextQuoteSelector"]["exact"]] = item
    first = by_quote["three Iranian officials told Reuters"]
    article = notebook["articles"][0]
    assert first["target"]["source"] == article["canonical_url"]
    position = {s["type"]: s for s in first["target"]["selector"]}["TextPositionSelector"]
    assert article["text"][position["start"]:position["end"]] == "three Iranian officials told Reuters"
    bodies = {(b["purpose"], b["value"]) for b in first["body"]}
    assert bodies == {("commenting", "Who are **they**?"), ("classifying", "needs-source"),
                      ("tagging", "iran"), ("tagging", "sources")}
    assert first["motivation"] == "commenting"
    assert by_quote["the report was false"]["motivation"] == "highlighting"


def test_jsonld_for_one_article_holds_only_its_highlights(store, notebook):
    other = notebook["articles"][1]
    document = jsonld(store, article_id=other["id"])
    assert [i["target"]["source"] for i in highlight_items(document)] == [other["canonical_url"]]
    assert {i["target"]["source"] for i in document["first"]["items"]} == {other["canonical_url"]}
    with store.session() as session, pytest.raises(NotFound):
        export_jsonld(session, article_id="nosuch")


def test_markdown_is_grouped_by_article_with_quote_note_and_sourcing(store, notebook):
    with store.session() as session:
        markdown = export_markdown(session)
    main, other = notebook["articles"]
    sections = markdown.split("\n## ")[1:]
    assert len(sections) == 2
    by_link = {next(u for u in (main["canonical_url"], other["canonical_url"]) if f"](<{u}>)" in s): s for s in sections}
    section = by_link[main["canonical_url"]]
    assert section.startswith("[Iran moves missiles into Iraq](")
    dated = main.get("published") or "saved " + datetime.now(timezone.utc).strftime("%Y-%m-%d")
    assert section.splitlines()[1] == f"{main['site']} · {dated}"
    assert "> three Iranian officials told Reuters" in section
    assert "Who are **they**?" in section  # the note is Markdown already: kept as written
    assert "**needs-source**" in section and "#iran" in section
    claim = next(c for c in main["claims"] if "three Iranian officials" in c["text"])
    assert f"*Sourcing:* {claim['note']}" in section
    assert "trashed note" not in markdown
    assert "> central bank cut interest rates" in by_link[other["canonical_url"]]
    assert "Iranian" not in by_link[other["canonical_url"]]


def test_csv_parses_and_neutralizes_formulas(store, notebook):
    with store.session() as session:
        text = export_csv(session)
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == 4
    by_quote = {r["quote"]: r for r in rows}
    first = by_quote["three Iranian officials told Reuters"]
    assert (first["note"], first["label"], first["tags"]) == ("Who are **they**?", "needs-source", "iran, sources")
    assert first["article_url"] == notebook["articles"][0]["canonical_url"]
    assert first["claim_kind"] == "anonymous" and first["claim_note"]
    formula = by_quote["Critics say"]
    assert formula["note"] == "'" + FORMULA
    assert formula["tags"] == "'-1+1"
    for row in rows:
        for value in row.values():
            assert value[:1] not in ("=", "+", "-", "@"), value


def test_export_import_export_is_identical(store, notebook, new_database_url):
    exported = jsonld(store)
    empty = Store(new_database_url())
    empty.upgrade()
    try:
        with empty.session() as session:
            counts = import_jsonld(session, json.loads(json.dumps(exported)))
        assert counts == {"articles": 2, "highlights": 4, "unchanged": 0}
        assert jsonld(empty) == exported
        with empty.session() as session:
            again = import_jsonld(session, exported)
        assert again == {"articles": 0, "highlights": 0, "unchanged": 4}
        assert jsonld(empty) == exported
        with empty.session() as session:
            assert export_markdown(session) == export_markdown_of(store)
    finally:
        empty.dispose()


def export_markdown_of(store):
    with store.session() as session:
        return export_markdown(session)


def test_import_into_the_same_store_changes_nothing(store, notebook):
    exported = jsonld(store)
    with store.session() as session:
        counts = import_jsonld(session, exported)
    assert counts["highlights"] == 0 and counts["articles"] == 0
    assert jsonld(store) == exported


@pytest.mark.parametrize(
    "document",
    [
        [],
        {"type": "Annotation"},
        {"type": "AnnotationCollection"},
        {"type": "AnnotationCollection", "first": {"items": [{"id": "urn:uuid:1", "target": {}}]}},
    ],
    ids=["not-an-object", "not-a-collection", "no-page", "annotation-without-its-article"],
)
def test_import_refuses_foreign_documents_and_writes_nothing(store, notebook, document):
    before = jsonld(store)
    with pytest.raises(InvalidInput), store.session() as session:
        import_jsonld(session, document)
    assert jsonld(store) == before


def test_import_of_a_partly_broken_file_writes_nothing(store, notebook, new_database_url):
    exported = jsonld(store)
    broken = json.loads(json.dumps(exported))
    del highlight_items(broken)[-1]["target"]["selector"]
    empty = Store(new_database_url())
    empty.upgrade()
    try:
        with pytest.raises(InvalidInput), empty.session() as session:
            import_jsonld(session, broken)
        assert highlight_items(jsonld(empty)) == []
        assert jsonld(empty)["sl:articles"] == []
    finally:
        empty.dispose()
