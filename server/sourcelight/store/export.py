"""Taking the notebook elsewhere: the highlights and their articles gathered for an export
(sourcelight/outputs.py writes them as JSON-LD, Markdown or CSV), and a JSON-LD export
imported back (idempotent: importing the same file twice changes nothing).

The JSON-LD export carries, besides the standard annotations, the stored articles they
target (under "sl:articles"), so that importing it into an empty sourcelight restores the
notebook exactly: export → import → export gives the same document.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sourcelight.contract import ANCHORED
from sourcelight.errors import InvalidInput, NotFound
from sourcelight.outputs.claims import CLAIM_ID_PREFIX
from sourcelight.store import sourcing_rows
from sourcelight.store.documents import StoredDocument, document_from_json, read_document
from sourcelight.store.highlights import highlight_dict, tags_json
from sourcelight.store.identity import site_of
from sourcelight.store.models import ArticleRow, ArticleUrlRow, ArticleVersionRow, HighlightRow, iso_utc

__all__ = ["ExportArticle", "ExportData", "collect_export", "import_jsonld"]


@dataclass(frozen=True)
class ExportArticle:
    """An article as an export needs it: what to call and link it, its latest document, and
    its full record (every version, every URL) for the JSON-LD export's "sl:articles"."""

    id: str
    title: str
    url: str | None
    created: str
    version: int  # the latest version's number: ``document`` is that version
    document: StoredDocument
    record: dict[str, Any]


@dataclass(frozen=True)
class ExportData:
    article_id: str | None  # the one article asked for, or None for all
    # In id order: those with highlights, or every article (every_article). A tuple, or with
    # ``stream`` an iterator that reads each article as it is reached: iterate it once, inside
    # the read session it was collected in.
    articles: tuple[ExportArticle, ...] | Iterator[ExportArticle]
    highlights: tuple[dict[str, Any], ...]  # live ones, as the API gives them, by article and position


def collect_export(session: Session, *, article_id: str | None = None, every_article: bool = False,
                   records: bool = True, stream: bool = False) -> ExportData:
    """Every live highlight (or one article's) with the articles they are in; with
    ``every_article``, every stored article (or the one asked for) whether highlighted or not.
    ``records`` False leaves out each article's full record (every version), which only the
    JSON-LD export carries. ``stream`` (with every_article, without records) reads the
    articles one at a time as they are iterated, so that exporting 10,000 articles never holds
    10,000 documents at once. Raises NotFound."""
    rows = _live_highlights(session, article_id)
    if stream and every_article and not records:
        return ExportData(article_id=article_id, articles=_stream_articles(session, article_id),
                          highlights=tuple(highlight_dict(row) for row in rows))
    articles = _every_article(session, article_id) if every_article else _articles_of(session, rows)
    return ExportData(
        article_id=article_id,
        articles=tuple(
            ExportArticle(id=row.id, title=row.title, url=row.canonical_url, created=iso_utc(row.created),
                          version=row.latest_version, document=_latest_document(session, row.id),
                          record=_article_record(session, row) if records else {})
            for row in articles.values()),
        highlights=tuple(highlight_dict(row) for row in rows),
    )


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
        # The claims' classifying annotations are the stored articles' own: nothing to import.
        highlights = [item for item in items if not str(item.get("id", "")).startswith(CLAIM_ID_PREFIX)]
        created = sum(_import_annotation(session, item) for item in highlights)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise InvalidInput(f"the collection is not in the shape sourcelight exports ({error})") from None
    session.flush()
    return {"articles": created_articles, "highlights": created, "unchanged": len(highlights) - created}


# -- JSON-LD pieces ---------------------------------------------------------------------------

def _article_record(session: Session, row: ArticleRow) -> dict[str, Any]:
    versions = session.scalars(select(ArticleVersionRow).where(ArticleVersionRow.article_id == row.id)
                               .order_by(ArticleVersionRow.version)).all()
    urls = session.scalars(select(ArticleUrlRow.url).where(ArticleUrlRow.article_id == row.id).order_by(ArticleUrlRow.url)).all()
    return {
        "id": row.id, "canonical_url": row.canonical_url, "site": row.site, "title": row.title,
        "language": row.language, "created": iso_utc(row.created), "updated": iso_utc(row.updated), "urls": list(urls),
        "versions": [{"version": v.version, "fingerprint": v.fingerprint, "created": iso_utc(v.created),
                      "document": read_document(v).data} for v in versions],
    }


def _import_article(session: Session, record: dict[str, Any]) -> int:
    if session.get(ArticleRow, record["id"]) is not None:
        return 0
    versions = record["versions"]
    latest = max(versions, key=lambda v: v["version"])
    urls = record.get("urls", [])
    session.add(ArticleRow(id=record["id"], canonical_url=record.get("canonical_url"), site=record.get("site"),
                           title=record.get("title") or "", language=record.get("language"),
                           latest_version=latest["version"], anchored_version=latest["version"],
                           domain=site_of(record.get("canonical_url") or min(urls, default=None)),
                           published=latest["document"].get("published"),
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
    article = session.get(ArticleRow, record["id"])
    sourcing_rows.write_rows(session, article.id, sourcing_rows.rows_for_document(
        latest["document"], article.latest_version, article.created), title=article.title,
        text=latest["document"]["text"], domain=article.domain, last_read=article.updated)
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
        color=extra.get("color"), anchor=extra.get("anchor") or ANCHORED,
        created=_parse(item["created"]), updated=_parse(item.get("modified") or item["created"]),
    ))
    return 1


# -- helpers -----------------------------------------------------------------------------------

def _live_highlights(session: Session, article_id: str | None) -> list[HighlightRow]:
    query = select(HighlightRow).where(HighlightRow.deleted.is_(None))
    if article_id:
        if session.get(ArticleRow, article_id) is None:
            raise NotFound(f"no article with id {article_id!r}")
        query = query.where(HighlightRow.article_id == article_id)
    return list(session.scalars(query.order_by(HighlightRow.article_id, HighlightRow.start, HighlightRow.id)).all())


def _articles_of(session: Session, rows: list[HighlightRow]) -> dict[str, ArticleRow]:
    ids = sorted({r.article_id for r in rows})
    found = {a.id: a for a in session.scalars(select(ArticleRow).where(ArticleRow.id.in_(ids))).all()} if ids else {}
    return {i: found[i] for i in ids}


# How many articles' documents a streamed export reads per round trip.
STREAM_BATCH = 200


def _stream_articles(session: Session, article_id: str | None) -> Iterator[ExportArticle]:
    """Every article with its latest document, in id order, fetched STREAM_BATCH at a time."""
    query = (select(ArticleRow.id, ArticleRow.title, ArticleRow.canonical_url, ArticleRow.created,
                    ArticleRow.latest_version, ArticleVersionRow.document)
             .join(ArticleVersionRow, (ArticleVersionRow.article_id == ArticleRow.id)
                   & (ArticleVersionRow.version == ArticleRow.latest_version))
             .order_by(ArticleRow.id))
    if article_id:
        query = query.where(ArticleRow.id == article_id)
    for row in session.execute(query.execution_options(yield_per=STREAM_BATCH)):
        yield ExportArticle(id=row.id, title=row.title, url=row.canonical_url, created=iso_utc(row.created),
                            version=row.latest_version, document=document_from_json(row.document), record={})


def _every_article(session: Session, article_id: str | None) -> dict[str, ArticleRow]:
    query = select(ArticleRow).order_by(ArticleRow.id)
    if article_id:
        query = query.where(ArticleRow.id == article_id)
    return {row.id: row for row in session.scalars(query).all()}


def _latest_document(session: Session, article_id: str) -> StoredDocument:
    return read_document(session.scalar(select(ArticleVersionRow).where(ArticleVersionRow.article_id == article_id)
                                        .order_by(ArticleVersionRow.version.desc()).limit(1)))


def _parse(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))
