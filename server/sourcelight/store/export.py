"""Taking the notebook elsewhere: W3C Web Annotation JSON-LD, Markdown, CSV; and importing
JSON-LD back (idempotent: importing the same file twice changes nothing).

The JSON-LD export carries, besides the standard annotations, the stored articles they
target (under "sl:articles"), so that importing it into an empty sourcelight restores the
notebook exactly: export → import → export gives the same document.
"""
from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sourcelight.errors import InvalidInput
from sourcelight.pipeline.render import escape_markdown
from sourcelight.store.highlights import highlight_dict, tags_json
from sourcelight.store.models import ArticleRow, ArticleUrlRow, ArticleVersionRow, HighlightRow, iso_utc

__all__ = ["export_jsonld", "export_markdown", "export_csv", "import_jsonld"]

CONTEXT = ["http://www.w3.org/ns/anno.jsonld", {"sl": "urn:sourcelight:terms#"}]
CSV_COLUMNS = ["article_title", "article_url", "site", "published", "quote", "note", "label", "tags",
               "claim_kind", "claim_note", "created", "updated", "highlight_id", "article_id"]


def export_jsonld(session: Session, *, article_id: str | None = None) -> dict[str, Any]:
    rows = _live_highlights(session, article_id)
    articles = _articles_of(session, rows)
    items = [_annotation(highlight_dict(row), articles[row.article_id]) for row in rows]
    return {
        "@context": CONTEXT,
        "id": "urn:sourcelight:export" + (f":{article_id}" if article_id else ""),
        "type": "AnnotationCollection",
        "label": "sourcelight highlights",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
        "sl:articles": [_article_record(session, row) for row in articles.values()],
    }


def export_markdown(session: Session, *, article_id: str | None = None) -> str:
    rows = _live_highlights(session, article_id)
    articles = _articles_of(session, rows)
    lines = ["# sourcelight highlights", ""]
    for article_row in articles.values():
        document = _latest_document(session, article_row.id)
        claims = {c["id"]: c for c in document.get("claims", [])}
        url = article_row.canonical_url or document.get("url") or ""
        title = escape_markdown(article_row.title or url)
        lines.append(f"## [{title}]({url})" if url else f"## {title}")
        # The publication date when the page gave one, else the day it was first saved.
        date = document.get("published") or "saved " + iso_utc(article_row.created)[:10]
        lines.append(" · ".join(escape_markdown(x) for x in (document.get("site"), date) if x))
        lines.append("")
        for row in (r for r in rows if r.article_id == article_row.id):
            highlight = highlight_dict(row)
            lines.append("> " + escape_markdown(highlight["quote"]["exact"]).replace("\n", "\n> "))
            tags = [f"**{highlight['label']}**"] if highlight["label"] else []
            tags += [f"#{t}" for t in highlight["tags"]]
            if tags:
                lines.append("")
                lines.append(" ".join(tags))
            if highlight["note"]:
                lines += ["", highlight["note"]]
            claim = claims.get(highlight["claim_id"] or "")
            if claim and claim.get("note"):
                lines += ["", f"*Sourcing:* {escape_markdown(claim['note'])}"]
            if highlight["orphaned"]:
                lines += ["", "*This passage is no longer in the latest version of the article.*"]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def export_csv(session: Session, *, article_id: str | None = None) -> str:
    rows = _live_highlights(session, article_id)
    articles = _articles_of(session, rows)
    documents = {a: _latest_document(session, a) for a in articles}
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        highlight, document = highlight_dict(row), documents[row.article_id]
        claim = next((c for c in document.get("claims", []) if c["id"] == highlight["claim_id"]), None)
        writer.writerow({
            "article_title": _cell(articles[row.article_id].title), "article_url": articles[row.article_id].canonical_url or "",
            "site": _cell(document.get("site") or ""), "published": _cell(document.get("published") or ""),
            "quote": _cell(highlight["quote"]["exact"]), "note": _cell(highlight["note"]), "label": highlight["label"] or "",
            "tags": _cell(", ".join(highlight["tags"])),
            "claim_kind": (claim.get("sourcing") or {}).get("kind", "") if claim else "",
            "claim_note": _cell(claim["note"]) if claim else "", "created": highlight["created"],
            "updated": highlight["updated"], "highlight_id": highlight["id"], "article_id": row.article_id,
        })
    return out.getvalue()


def import_jsonld(session: Session, document: Any) -> dict[str, int]:
    """Restore articles and highlights from an export; existing ones are left as they are.

    Raises InvalidInput when the document is not a sourcelight AnnotationCollection.
    """
    if not isinstance(document, dict) or document.get("type") != "AnnotationCollection":
        raise InvalidInput("not a Web Annotation collection exported by sourcelight")
    try:
        articles = document.get("sl:articles", [])
        items = document["first"]["items"]
        created_articles = sum(_import_article(session, record) for record in articles)
        created = sum(_import_annotation(session, item) for item in items)
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidInput(f"the collection is not in the shape sourcelight exports ({error})") from None
    session.flush()
    return {"articles": created_articles, "highlights": created, "unchanged": len(items) - created}


# -- JSON-LD pieces ---------------------------------------------------------------------------

def _annotation(highlight: dict[str, Any], article: ArticleRow) -> dict[str, Any]:
    bodies: list[dict[str, Any]] = []
    if highlight["note"]:
        bodies.append({"type": "TextualBody", "value": highlight["note"], "format": "text/markdown",
                       "purpose": "commenting"})
    if highlight["label"]:
        bodies.append({"type": "TextualBody", "value": highlight["label"], "purpose": "classifying"})
    bodies += [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in highlight["tags"]]
    quote, position = highlight["quote"], highlight["position"]
    return {
        "id": f"urn:uuid:{highlight['id']}",
        "type": "Annotation",
        "motivation": "commenting" if highlight["note"] else "highlighting",
        "created": highlight["created"],
        "modified": highlight["updated"],
        "body": bodies,
        "target": {
            "type": "SpecificResource",
            "source": article.canonical_url or f"urn:sourcelight:article:{article.id}",
            "selector": [
                {"type": "TextQuoteSelector", "exact": quote["exact"], "prefix": quote["prefix"], "suffix": quote["suffix"]},
                {"type": "TextPositionSelector", "start": position["start"], "end": position["end"]},
            ],
        },
        "sl:highlight": {"article_id": highlight["article_id"], "version": highlight["version"],
                         "claim_id": highlight["claim_id"], "color": highlight["color"], "anchor": highlight["anchor"]},
    }


def _article_record(session: Session, row: ArticleRow) -> dict[str, Any]:
    versions = session.scalars(select(ArticleVersionRow).where(ArticleVersionRow.article_id == row.id)
                               .order_by(ArticleVersionRow.version)).all()
    urls = session.scalars(select(ArticleUrlRow.url).where(ArticleUrlRow.article_id == row.id).order_by(ArticleUrlRow.url)).all()
    return {
        "id": row.id, "canonical_url": row.canonical_url, "site": row.site, "title": row.title,
        "language": row.language, "created": iso_utc(row.created), "updated": iso_utc(row.updated), "urls": list(urls),
        "versions": [{"version": v.version, "fingerprint": v.fingerprint, "created": iso_utc(v.created),
                      "document": json.loads(v.document)} for v in versions],
    }


def _import_article(session: Session, record: dict[str, Any]) -> int:
    if session.get(ArticleRow, record["id"]) is not None:
        return 0
    versions = record["versions"]
    session.add(ArticleRow(id=record["id"], canonical_url=record.get("canonical_url"), site=record.get("site"),
                           title=record.get("title") or "", language=record.get("language"),
                           latest_version=max(v["version"] for v in versions),
                           created=_parse(record["created"]), updated=_parse(record["updated"])))
    session.flush()
    for version in versions:
        document = version["document"]
        session.add(ArticleVersionRow(article_id=record["id"], version=int(version["version"]),
                                      fingerprint=version["fingerprint"], text=document["text"],
                                      document=json.dumps(document, ensure_ascii=False),
                                      created=_parse(version["created"])))
    for url in record.get("urls", []):
        if session.get(ArticleUrlRow, url) is None:
            session.add(ArticleUrlRow(url=url, article_id=record["id"]))
    session.flush()
    return 1


def _import_annotation(session: Session, item: dict[str, Any]) -> int:
    highlight_id = str(item["id"]).removeprefix("urn:uuid:")
    if session.get(HighlightRow, highlight_id) is not None:
        return 0
    extra = item.get("sl:highlight") or {}
    article_id = extra.get("article_id")
    if not article_id or session.get(ArticleRow, article_id) is None:
        raise ValueError(f"annotation {highlight_id} targets an article the collection does not carry")
    selectors = {s["type"]: s for s in item["target"]["selector"]}
    quote, position = selectors["TextQuoteSelector"], selectors["TextPositionSelector"]
    bodies = item.get("body") or []
    note = next((b["value"] for b in bodies if b.get("purpose") == "commenting"), "")
    label = next((b["value"] for b in bodies if b.get("purpose") == "classifying"), None)
    tags = [b["value"] for b in bodies if b.get("purpose") == "tagging"]
    session.add(HighlightRow(
        id=highlight_id, article_id=article_id, version=int(extra.get("version") or 1), exact=quote["exact"],
        prefix=quote.get("prefix", ""), suffix=quote.get("suffix", ""), start=int(position["start"]),
        end=int(position["end"]), claim_id=extra.get("claim_id"), note=note, label=label, tags=tags_json(tags),
        color=extra.get("color"), anchor=extra.get("anchor") or "anchored",
        created=_parse(item["created"]), updated=_parse(item.get("modified") or item["created"]),
    ))
    return 1


# -- helpers -----------------------------------------------------------------------------------

def _live_highlights(session: Session, article_id: str | None) -> list[HighlightRow]:
    query = select(HighlightRow).where(HighlightRow.deleted.is_(None))
    if article_id:
        if session.get(ArticleRow, article_id) is None:
            from sourcelight.errors import NotFound

            raise NotFound(f"no article with id {article_id!r}")
        query = query.where(HighlightRow.article_id == article_id)
    return list(session.scalars(query.order_by(HighlightRow.article_id, HighlightRow.start, HighlightRow.id)).all())


def _articles_of(session: Session, rows: list[HighlightRow]) -> dict[str, ArticleRow]:
    ids = sorted({r.article_id for r in rows})
    found = {a.id: a for a in session.scalars(select(ArticleRow).where(ArticleRow.id.in_(ids))).all()} if ids else {}
    return {i: found[i] for i in ids}


def _latest_document(session: Session, article_id: str) -> dict[str, Any]:
    version = session.scalar(select(ArticleVersionRow).where(ArticleVersionRow.article_id == article_id)
                             .order_by(ArticleVersionRow.version.desc()).limit(1))
    return json.loads(version.document) if version else {}


def _cell(value: str) -> str:
    # A cell starting with = + - @ is run as a formula by spreadsheets (CSV injection).
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _parse(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))
