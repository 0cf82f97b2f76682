"""The sourcing exports: the CSV tables (per claim, per article), notes for Obsidian/Logseq,
and every claim's sourcing as classifying Web Annotations in the JSON-LD."""
from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest
import yaml

from sourcelight import outputs
from sourcelight.store.articles import save_article
from sourcelight.store.export import collect_export, import_jsonld
from sourcelight.store.highlights import create_highlight, update_highlight

HOSTILE_TITLE = 'Iran: "missiles" moved\n---\ntitle: hacked # not a comment\u2028end'
FORMULA_SOURCE = "=HYPERLINK(\"http://evil.example\",\"x\")"


@pytest.fixture
def library(store, make_article, highlight_body):
    """Two articles: one highlighted twice (with a note), one read and never highlighted."""
    main = make_article(title=HOSTILE_TITLE)
    quiet = make_article(url="https://blog.example.org/2024/markets", title="Markets",
                         paragraphs=("Markets rallied after the central bank cut interest rates again, "
                                     "an analyst at a large bank said.",
                                     "Some traders said the cut had come too late, according to people familiar "
                                     "with the matter who asked not to be named because the talks were private."))
    with store.session() as session:
        main_doc = save_article(session, main, seen_url=main.url)
        quiet_doc = save_article(session, quiet, seen_url=quiet.url)
        first = create_highlight(session, main_doc["id"], highlight_body(
            main_doc["text"], "three Iranian officials told Reuters", note="Who are they?\nAsk the desk.",
            label="needs-source", tags=["iran news", "sources"]))
        second = create_highlight(session, main_doc["id"], highlight_body(main_doc["text"], "the report was false"))
    return {"main": main_doc, "quiet": quiet_doc, "highlights": [first, second]}


def collect(store, **kwargs):
    with store.read_session() as session:
        return collect_export(session, every_article=True, **kwargs)


def rows(text):
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_sourcing_csv_has_a_row_per_claim_of_every_article(store, library):
    claims = rows(outputs.export_sourcing_claims(collect(store)))
    assert len(claims) == len(library["main"]["claims"]) + len(library["quiet"]["claims"])
    row = next(r for r in claims if "three Iranian officials" in r["text"])
    assert (row["article_id"], row["kind"], row["source"], row["via"], row["cue"]) == (
        library["main"]["id"], "anonymous", "three Iranian officials", "Reuters", "told")
    assert row["url"] == library["main"]["canonical_url"] and row["title"] == library["main"]["title"]
    assert row["non_response"] == "false" and row["hedges"] == ""
    # The article that was never highlighted is in the table too.
    assert any(r["article_id"] == library["quiet"]["id"] for r in claims)


def test_sourcing_csv_per_article_counts_and_shares(store, library):
    articles = {r["article_id"]: r for r in rows(outputs.export_sourcing_articles(collect(store)))}
    main = articles[library["main"]["id"]]
    summary = library["main"]["summary"]
    assert int(main["claims"]) == summary["claims"]
    for kind, count in summary["by_kind"].items():
        assert int(main[kind]) == count
        assert float(main[f"share_{kind}"]) == pytest.approx(count / summary["claims"], abs=1e-4)
    assert float(main["anonymous_share"]) == pytest.approx(summary["anonymous_share"], abs=1e-4)
    quiet = articles[library["quiet"]["id"]]
    # An analyst at a bank (no reason given) and people familiar with the matter (a reason).
    quiet_summary = library["quiet"]["summary"]
    assert (int(quiet["anonymous_claims"]), int(quiet["anonymity_explained"])) == (
        quiet_summary["anonymous_claims"], quiet_summary["anonymity_explained"]) == (2, 1)
    assert quiet["explained_share"] == "0.5000"


def test_sourcing_csv_cells_never_start_a_formula(store, make_article):
    article = make_article(url="https://news.example.com/formula", title=FORMULA_SOURCE,
                           paragraphs=("-5 percent growth was forecast by the ministry, officials said on Monday.",))
    with store.session() as session:
        save_article(session, article, seen_url=article.url)
    for text in (outputs.export_sourcing_claims(collect(store)), outputs.export_sourcing_articles(collect(store))):
        for row in rows(text):
            for value in row.values():
                assert value[:1] not in ("=", "+", "-", "@"), value
    [row] = rows(outputs.export_sourcing_claims(collect(store)))
    assert row["title"] == "'" + FORMULA_SOURCE and row["text"].startswith("'-5 percent")


@pytest.mark.parametrize("value", [HOSTILE_TITLE, 'a "quoted": value', "line\nbreak\r\nand\ttab", "\u0085nel\u2029ps",
                                   "- list", "? key", "@at `tick` 'single'", "yes", "~", "null", "123", "",
                                   "emoji 🦊 and \x00 nul \x7f del \ufeff bom"])
def test_a_yaml_value_reads_back_as_written(value):
    assert yaml.safe_load(f"title: {outputs.yaml_string(value)}\n") == {"title": value}


def split_note(note):
    assert note.startswith("---\n")
    front, body = note[4:].split("\n---\n", 1)
    return yaml.safe_load(front), body


def test_a_note_has_front_matter_that_survives_any_title(store, library):
    data = collect(store, article_id=library["main"]["id"])
    front, body = split_note(outputs.export_note(data, data.articles[0]))
    # Quotes, a colon, '---', '#', U+2028 (the pipeline made the newlines spaces): all inside the value.
    assert front["title"] == library["main"]["title"] and "---" in front["title"]
    assert front["url"] == library["main"]["canonical_url"]
    assert front["claims"] == library["main"]["summary"]["claims"]
    assert front["sourcing_anonymous"] == pytest.approx(
        library["main"]["summary"]["by_kind"]["anonymous"] / library["main"]["summary"]["claims"], abs=0.01)
    assert front["tags"] == ["sourcelight", "needs-source", "iran-news", "sources"]
    assert "title: hacked" not in body.split("\n# ", 1)[0]


def test_a_note_has_one_block_per_highlight_with_its_note_under_its_quote(store, library):
    data = collect(store, article_id=library["main"]["id"])
    _, body = split_note(outputs.export_note(data, data.articles[0]))
    first, second = library["highlights"]
    block = body.split(f"^sl-{first['id']}")[0].rsplit("\n\n", 2)[-2]
    lines = block.splitlines()
    assert lines[0] == "> three Iranian officials told Reuters"
    assert "> Who are they?" in lines and "> Ask the desk." in lines
    assert lines.index("> Who are they?") > 0
    link = next(line for line in lines if "Open on the page" in line)
    assert library["main"]["canonical_url"] + "#:~:text=three%20Iranian%20officials%20told%20Reuters" in link
    assert f"\n^sl-{second['id']}\n" in body


def test_block_ids_stay_the_same_on_re_export(store, library):
    data = collect(store, article_id=library["main"]["id"])
    before = outputs.export_note(data, data.articles[0])
    with store.session() as session:
        update_highlight(session, library["highlights"][1]["id"], {"note": "added later"})
    data = collect(store, article_id=library["main"]["id"])
    after = outputs.export_note(data, data.articles[0])
    ids = [line for line in before.splitlines() if line.startswith("^sl-")]
    assert len(ids) == 2 and ids == [line for line in after.splitlines() if line.startswith("^sl-")]
    assert "added later" in after and "added later" not in before


def test_everything_is_a_zip_of_one_note_per_article(store, library):
    archive = zipfile.ZipFile(io.BytesIO(outputs.export_notes_zip(collect(store))))
    names = archive.namelist()
    assert len(names) == 2 and all(n.endswith(".md") and "/" not in n and ":" not in n for n in names)
    quiet = next(n for n in names if n.startswith("Markets"))
    front, _ = split_note(archive.read(quiet).decode())
    assert front["title"] == "Markets" and front["tags"] == ["sourcelight"]
    assert outputs.export_notes_zip(collect(store)) == outputs.export_notes_zip(collect(store))  # same bytes


def test_jsonld_carries_each_claims_sourcing_as_classifying_bodies(store, library):
    document = outputs.export_jsonld(collect(store, article_id=library["main"]["id"]))
    claims = [i for i in document["first"]["items"] if i["motivation"] == "classifying"]
    assert len(claims) == len(library["main"]["claims"])
    text = library["main"]["text"]
    item = next(i for i in claims if "three Iranian officials" in i["target"]["selector"][0]["exact"])
    quote, position = item["target"]["selector"]
    assert text[position["start"]:position["end"]] == quote["exact"]
    classifying = [b for b in item["body"] if b["purpose"] == "classifying"]
    assert {"type": "SpecificResource", "purpose": "classifying", "source": "sl:kinds/anonymous"} in classifying
    assert {"type": "TextualBody", "value": "told", "purpose": "classifying", "sl:facet": "cue"} in classifying
    identifying = {b["value"] for b in item["body"] if b["purpose"] == "identifying"}
    assert identifying == {"three Iranian officials", "Reuters"}
    # The prefix "sl:" is declared, so each IRI expands to the documented vocabulary.
    assert {"sl": "urn:sourcelight:terms#"} in document["@context"]


def test_jsonld_hedges_are_classifying_bodies(store, make_article):
    article = make_article(url="https://news.example.com/hedged", title="Hedged",
                           paragraphs=("The missiles could reportedly reach Riyadh within minutes, officials said.",))
    with store.session() as session:
        save_article(session, article, seen_url=article.url)
    document = outputs.export_jsonld(collect(store))
    bodies = [b for i in document["first"]["items"] for b in i["body"]]
    assert {"type": "TextualBody", "value": "reportedly", "purpose": "classifying", "sl:facet": "hedge"} in bodies


def test_jsonld_with_claims_imports_and_exports_the_same(store, library, new_database_url):
    from sourcelight.store import Store

    exported = outputs.export_jsonld(collect(store))
    empty = Store(new_database_url())
    empty.upgrade()
    try:
        with empty.session() as session:
            counts = import_jsonld(session, json.loads(json.dumps(exported)))
        assert counts == {"articles": 2, "highlights": 2, "unchanged": 0}
        assert outputs.export_jsonld(collect(empty)) == exported
    finally:
        empty.dispose()


def test_a_syndicated_copy_gets_a_note_of_its_own(store, library, make_article):
    # The same story seen on another site: same title, and an id derived from the first one's.
    copy = make_article(title=HOSTILE_TITLE)
    with store.session() as session:
        stored = save_article(session, copy, seen_url="https://mirror.example.net/world/iran-missiles")
    assert stored["id"] != library["main"]["id"] and stored["id"][:8] == library["main"]["id"][:8]
    archive = zipfile.ZipFile(io.BytesIO(outputs.export_notes_zip(collect(store))))
    assert len(set(archive.namelist())) == len(archive.namelist()) == 3


def test_streamed_exports_are_the_same_as_collected_ones(store, library):
    with store.read_session() as session:
        for write in (outputs.export_sourcing_claims, outputs.export_sourcing_articles, outputs.export_notes_zip):
            streamed = collect_export(session, every_article=True, records=False, stream=True)
            assert not isinstance(streamed.articles, tuple)  # read as the writer goes
            assert write(streamed) == write(collect_export(session, every_article=True, records=False))


# The names the W3C Web Annotation context (http://www.w3.org/ns/anno.jsonld) defines that the
# export uses: any other key or type would be dropped by a JSON-LD processor unless it carries
# the "sl:" prefix the export's context declares.
ANNO_TERMS = {"id", "type", "motivation", "body", "target", "source", "selector", "purpose", "value", "format",
              "exact", "prefix", "suffix", "start", "end", "created", "modified", "label", "total", "first",
              "items", "startIndex"}
ANNO_TYPES = {"Annotation", "AnnotationCollection", "AnnotationPage", "TextualBody", "SpecificResource",
              "TextQuoteSelector", "TextPositionSelector"}
ANNO_PURPOSES = {"classifying", "commenting", "describing", "highlighting", "identifying", "tagging"}


def web_annotation_names(node, keys, types, purposes):
    if isinstance(node, list):
        for item in node:
            web_annotation_names(item, keys, types, purposes)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key.startswith("sl:") or key == "@context":
                continue  # sourcelight's own terms, and the context itself
            keys.add(key)
            if key == "type":
                types.add(value)
            elif key in ("purpose", "motivation"):
                purposes.add(value)
            web_annotation_names(value, keys, types, purposes)


def test_every_name_in_the_jsonld_is_a_web_annotation_term_or_prefixed(store, library):
    keys, types, purposes = set(), set(), set()
    web_annotation_names(outputs.export_jsonld(collect(store)), keys, types, purposes)
    assert keys <= ANNO_TERMS, keys - ANNO_TERMS
    assert types <= ANNO_TYPES, types - ANNO_TYPES
    assert purposes <= ANNO_PURPOSES, purposes - ANNO_PURPOSES
    assert "classifying" in purposes and "SpecificResource" in types
