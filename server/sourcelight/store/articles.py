"""Articles: save a freshly annotated page (finding the article it belongs to), read, list.

An article is found again, within the site (registrable domain) the page was seen on, by its
canonical URL, by any URL it was seen under, or by its text's fingerprint; never across
sites, so that a copy elsewhere cannot take it over (docs/security.md). A changed text
becomes a new version of the same article; its highlights are re-anchored afterwards,
outside this transaction (store/reanchor.py).
"""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, or_, select, text
from sqlalchemy.orm import Session

from sourcelight.errors import NotFound
from sourcelight.pipeline.urls import canonicalize_url
from sourcelight.pipeline.model import AnnotatedArticle
from sourcelight.store import sourcing_rows
from sourcelight.store.documents import read_document
from sourcelight.store.identity import site_of
from sourcelight.store.models import ArticleRow, ArticleUrlRow, ArticleVersionRow, HighlightRow, iso_utc, utcnow

__all__ = ["save_article", "get_article", "get_article_version", "list_articles"]


def save_article(session: Session, article: AnnotatedArticle, *, seen_url: str | None) -> dict[str, Any]:
    """Store the annotated page; returns the stored article (its to_dict() plus "version").

    The page's site is that of ``seen_url`` (where the browser was), else of the article's
    own URL. A canonical URL on another site is not used to find or name the article.
    """
    _serialize_article_saves(session)
    domain = site_of(seen_url or article.url)
    canonical = article.canonical_url if site_of(article.canonical_url) == domain else None
    urls = {u for u in (canonical, canonicalize_url(seen_url), canonicalize_url(article.url))
            if u and site_of(u) == domain}
    row = _find_article(session, article, domain, canonical, urls)
    if row is None:
        row = ArticleRow(id=_free_id(session, article.id), canonical_url=canonical or canonicalize_url(seen_url or article.url),
                         site=article.site, title=article.title, language=article.language, latest_version=0,
                         domain=domain, anchored_version=1)
        session.add(row)
        session.flush()
    latest = _latest_version(session, row.id)
    if latest is None or latest.fingerprint != article.fingerprint:
        latest = _add_version(session, row, article)
        # The library's rows follow the latest version, in this same transaction.
        sourcing_rows.write_rows(session, row.id, sourcing_rows.rows_for_document(
            read_document(latest).data, latest.version, row.created), title=row.title, text=latest.text,
            domain=row.domain, last_read=row.updated)
    else:
        sourcing_rows.mark_read(session, row.id, utcnow())
    for url in urls:
        if session.get(ArticleUrlRow, url) is None:
            session.add(ArticleUrlRow(url=url, article_id=row.id))
    session.flush()
    return _document(row, latest)


def get_article(session: Session, article_id: str) -> dict[str, Any]:
    """The latest version of an article. Raises NotFound."""
    row = session.get(ArticleRow, article_id)
    if row is None:
        raise NotFound(f"no article with id {article_id!r}")
    return _document(row, _latest_version(session, row.id))


def get_article_version(session: Session, article_id: str, version: int | None = None) -> ArticleVersionRow:
    """One stored version (the latest when ``version`` is None). Raises NotFound."""
    if session.get(ArticleRow, article_id) is None:
        raise NotFound(f"no article with id {article_id!r}")
    if version is None:
        return _latest_version(session, article_id)
    found = session.scalar(select(ArticleVersionRow).where(
        ArticleVersionRow.article_id == article_id, ArticleVersionRow.version == version))
    if found is None:
        raise NotFound(f"article {article_id!r} has no version {version}")
    return found


def list_articles(session: Session, *, q: str | None = None, site: str | None = None,
                  limit: int = 20, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Articles newest first, optionally those whose title or text contains ``q`` or from ``site``."""
    latest = (select(ArticleVersionRow.article_id, ArticleVersionRow.text)
              .join(ArticleRow, (ArticleRow.id == ArticleVersionRow.article_id)
                    & (ArticleRow.latest_version == ArticleVersionRow.version))).subquery()
    query = select(ArticleRow).join(latest, latest.c.article_id == ArticleRow.id)
    if q:
        pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(or_(ArticleRow.title.ilike(pattern, escape="\\"), latest.c.text.ilike(pattern, escape="\\")))
    if site:
        query = query.where(or_(ArticleRow.site == site, ArticleRow.canonical_url.ilike(f"%://{site}/%")))
    total = session.scalar(select(func.count()).select_from(query.subquery()))
    rows = session.scalars(query.order_by(ArticleRow.updated.desc(), ArticleRow.id).limit(limit).offset(offset)).all()
    counts = _highlight_counts(session, [r.id for r in rows])
    return [_list_item(r, counts.get(r.id, 0)) for r in rows], int(total or 0)


# -- internals ---------------------------------------------------------------------------------

# PostgreSQL advisory lock key ("sl" + "ar"): one page saved at a time across the team's servers.
ARTICLE_SAVE_LOCK = 0x736C6172


def _serialize_article_saves(session: Session) -> None:
    # Two readers posting the same new page at once would both miss it and both insert it
    # (a unique-key error, a 500). SQLite serializes writers already (BEGIN IMMEDIATE); on
    # PostgreSQL a transaction-scoped advisory lock does, released at commit or rollback.
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ARTICLE_SAVE_LOCK})


def _find_article(session: Session, article: AnnotatedArticle, domain: str | None, canonical: str | None,
                  urls: set[str]) -> ArticleRow | None:
    """The stored article of the same site: by canonical URL, by a URL seen, by fingerprint."""
    if domain is None:
        return None
    same_site = ArticleRow.domain == domain
    if canonical:
        row = session.scalar(select(ArticleRow).where(ArticleRow.canonical_url == canonical, same_site).limit(1))
        if row is not None:
            return row
    if urls:
        row = session.scalar(select(ArticleRow).join(ArticleUrlRow, ArticleUrlRow.article_id == ArticleRow.id)
                             .where(ArticleUrlRow.url.in_(sorted(urls)), same_site).limit(1))
        if row is not None:
            return row
    return session.scalar(select(ArticleRow).join(ArticleVersionRow, ArticleVersionRow.article_id == ArticleRow.id)
                          .where(ArticleVersionRow.fingerprint == article.fingerprint, same_site).limit(1))


def _free_id(session: Session, wanted: str) -> str:
    # The pipeline's id is a hash of the canonical URL; a clash means another article took
    # it under another URL, so derive a new one deterministically.
    candidate, n = wanted, 0
    while session.get(ArticleRow, candidate) is not None:
        n += 1
        candidate = f"{wanted[:13]}-{n}"
    return candidate


def _latest_version(session: Session, article_id: str) -> ArticleVersionRow | None:
    return session.scalar(select(ArticleVersionRow).where(ArticleVersionRow.article_id == article_id)
                          .order_by(ArticleVersionRow.version.desc()).limit(1))


def _add_version(session: Session, row: ArticleRow, article: AnnotatedArticle) -> ArticleVersionRow:
    version = ArticleVersionRow(article_id=row.id, version=row.latest_version + 1, fingerprint=article.fingerprint,
                                text=article.text, document=json.dumps(article.to_dict(), ensure_ascii=False))
    session.add(version)
    row.latest_version = version.version
    row.title, row.site, row.language, row.published = article.title, article.site, article.language, article.published
    row.updated = utcnow()
    session.flush()
    return version


def _document(row: ArticleRow, version: ArticleVersionRow) -> dict[str, Any]:
    document = dict(read_document(version).data)
    document["id"] = row.id
    document["version"] = version.version
    return document


def _highlight_counts(session: Session, ids: list[str]) -> dict[str, int]:
    if not ids:
        return {}
    rows = session.execute(select(HighlightRow.article_id, func.count()).where(
        HighlightRow.article_id.in_(ids), HighlightRow.deleted.is_(None)).group_by(HighlightRow.article_id))
    return {article_id: count for article_id, count in rows}


def _list_item(row: ArticleRow, highlights: int) -> dict[str, Any]:
    return {
        "id": row.id, "url": row.canonical_url, "canonical_url": row.canonical_url, "title": row.title,
        "site": row.site, "published": row.published, "language": row.language, "version": row.latest_version,
        "created": iso_utc(row.created), "updated": iso_utc(row.updated), "highlights": highlights,
    }
