"""The export of highlights: W3C Web Annotation JSON-LD (with every claim's sourcing as
classifying annotations, outputs/claims.py), Markdown grouped by article, CSV."""
from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from sourcelight.outputs.claims import claim_annotations
from sourcelight.outputs.escaping import csv_cell, escape_markdown, escape_markdown_block, markdown_url

if TYPE_CHECKING:
    from sourcelight.store.export import ExportArticle, ExportData

__all__ = ["JSONLD_CONTEXT", "CSV_COLUMNS", "export_jsonld", "export_markdown", "export_csv"]

JSONLD_CONTEXT = ["http://www.w3.org/ns/anno.jsonld", {"sl": "urn:sourcelight:terms#"}]
CSV_COLUMNS = ["article_title", "article_url", "site", "published", "quote", "note", "label", "tags",
               "claim_kind", "claim_note", "created", "updated", "highlight_id", "article_id"]


def export_jsonld(data: ExportData) -> dict[str, Any]:
    """A W3C Web Annotation AnnotationCollection: the reader's highlights, then each article's
    claims as classifying annotations (outputs/claims.py); "sl:articles" carries the stored
    articles, so that importing it into an empty sourcelight restores the notebook exactly."""
    articles = {a.id: a for a in data.articles}
    items = [_annotation(h, articles[h["article_id"]]) for h in data.highlights]
    items += [annotation for article in data.articles for annotation in claim_annotations(article)]
    return {
        "@context": JSONLD_CONTEXT,
        "id": "urn:sourcelight:export" + (f":{data.article_id}" if data.article_id else ""),
        "type": "AnnotationCollection",
        "label": "sourcelight highlights",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
        "sl:articles": [a.record for a in data.articles],
    }


def export_markdown(data: ExportData) -> str:
    """Highlights grouped by article; page-supplied text escaped, the reader's notes as written."""
    lines = ["# sourcelight highlights", ""]
    highlighted = {h["article_id"] for h in data.highlights}
    for article in (a for a in data.articles if a.id in highlighted):
        document = article.document
        url = article.url or document.url or ""
        title = escape_markdown(article.title or url)
        target = markdown_url(url)
        lines.append(f"## [{title}]({target})" if target else f"## {title}")
        # The publication date when the page gave one, else the day it was first saved.
        date = document.published or "saved " + article.created[:10]
        lines.append(" · ".join(escape_markdown(x) for x in (document.site, date) if x))
        lines.append("")
        for highlight in (h for h in data.highlights if h["article_id"] == article.id):
            quoted = escape_markdown_block(highlight["quote"]["exact"]).replace("\n", "\n> ")
            lines.append("> " + quoted)
            tags = [f"**{highlight['label']}**"] if highlight["label"] else []
            tags += ["#" + escape_markdown(t) for t in highlight["tags"]]
            if tags:
                lines += ["", " ".join(tags)]
            if highlight["note"]:
                lines += ["", highlight["note"]]  # the reader's own Markdown
            claim = document.claim(highlight["claim_id"])
            if claim and claim.note:
                lines += ["", f"*Sourcing:* {escape_markdown(claim.note)}"]
            if highlight["orphaned"]:
                lines += ["", "*This passage is no longer in the latest version of the article.*"]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def export_csv(data: ExportData) -> str:
    """One row per highlight, for spreadsheets (every text cell through csv_cell)."""
    articles = {a.id: a for a in data.articles}
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for highlight in data.highlights:
        article = articles[highlight["article_id"]]
        claim = article.document.claim(highlight["claim_id"])
        writer.writerow({
            "article_title": csv_cell(article.title), "article_url": csv_cell(article.url),
            "site": csv_cell(article.document.site), "published": csv_cell(article.document.published),
            "quote": csv_cell(highlight["quote"]["exact"]), "note": csv_cell(highlight["note"]),
            "label": highlight["label"] or "", "tags": csv_cell(", ".join(highlight["tags"])),
            "claim_kind": (claim.kind or "") if claim else "", "claim_note": csv_cell(claim.note) if claim else "",
            "created": highlight["created"], "updated": highlight["updated"], "highlight_id": highlight["id"],
            "article_id": highlight["article_id"],
        })
    return out.getvalue()


def _annotation(highlight: dict[str, Any], article: ExportArticle) -> dict[str, Any]:
    bodies: list[dict[str, Any]] = []
    if highlight["note"]:
        bodies.append({"type": "TextualBody", "value": highlight["note"], "format": "text/markdown",
                       "purpose": "commenting"})
    if highlight["label"]:
        bodies.append({"type": "TextualBody", "value": highlight["label"], "purpose": "classifying"})
    bodies += [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in highlight["tags"]]
    quote_, position = highlight["quote"], highlight["position"]
    return {
        "id": f"urn:uuid:{highlight['id']}",
        "type": "Annotation",
        "motivation": "commenting" if highlight["note"] else "highlighting",
        "created": highlight["created"],
        "modified": highlight["updated"],
        "body": bodies,
        "target": {
            "type": "SpecificResource",
            "source": article.url or f"urn:sourcelight:article:{article.id}",
            "selector": [
                {"type": "TextQuoteSelector", "exact": quote_["exact"], "prefix": quote_["prefix"],
                 "suffix": quote_["suffix"]},
                {"type": "TextPositionSelector", "start": position["start"], "end": position["end"]},
            ],
        },
        "sl:highlight": {"article_id": highlight["article_id"], "version": highlight["version"],
                         "claim_id": highlight["claim_id"], "color": highlight["color"], "anchor": highlight["anchor"]},
    }
