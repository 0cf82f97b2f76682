"""The library: every article read, with its sourcing counted, filtered and paged; and the
plots' data (sourcing by week and by site, anonymous sources with and without a reason).

Reads only the library's rows (article_sourcing, claim_sources, the full-text index), which
store/sourcing_rows.py writes when a version is saved: no stored document is parsed here.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from sourcelight.store import highlights, ledger, search
from sourcelight.store.models import ArticleRow, ArticleSourcingRow, HighlightRow, iso_utc
from sourcelight.store.sourcing_rows import KINDS

__all__ = ["LibraryFilters", "list_library", "library_trends", "changed_since_read", "SORTS"]

# The orders a page can come in: by when the reader last opened the article, or by its date
# (published, else first read); the article id breaks ties, so paging is stable.
SORTS = ("read", "date")
# The plot by outlet shows the sites with the most articles.
TREND_SITES = 30
TOP = 10


@dataclass(frozen=True)
class LibraryFilters:
    """Which articles: all filters given must hold (q is full-text, see store/search.py)."""

    q: str | None = None
    site: str | None = None  # registrable domain, exact
    kind: str | None = None  # with min_share: share of the latest version's claims of that kind
    min_share: float | None = None
    since: date | None = None  # on the article's date (published, else first read), inclusive
    until: date | None = None
    label: str | None = None  # a live highlight with this label
    tag: str | None = None  # a live highlight with this tag

    def criteria(self, session: Session) -> list[ColumnElement]:
        """SQL conditions over ArticleRow and ArticleSourcingRow."""
        found: list[ColumnElement] = []
        if self.site:
            found.append(ArticleRow.domain == self.site)
        if self.kind:
            count = getattr(ArticleSourcingRow, self.kind)
            if self.min_share is None:
                found.append(count > 0)
            else:
                found += [ArticleSourcingRow.claims > 0, count >= self.min_share * ArticleSourcingRow.claims]
        if self.since:
            found.append(ArticleSourcingRow.day >= self.since.isoformat())
        if self.until:
            found.append(ArticleSourcingRow.day <= self.until.isoformat())
        if self.label or self.tag:
            found.append(ArticleRow.id.in_(highlights.live_articles_matching(session, label=self.label, tag=self.tag)))
        if self.q:
            # The article's own text, title and sources, or one of its highlights' quote, note, tags.
            found.append(or_(
                search.matching_articles(session, self.q, sourcing_id=ArticleSourcingRow.id,
                                         article_id=ArticleRow.id),
                ArticleRow.id.in_(highlights.live_articles_matching(session, q=self.q))))
        return found


def list_library(session: Session, filters: LibraryFilters, *, sort: str = "read", limit: int = 25,
                 offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """One page of the library and how many articles pass the filters."""
    criteria = filters.criteria(session)
    order = ((ArticleSourcingRow.last_read.desc(),) if sort == "read"
             else (ArticleSourcingRow.day.desc(), ArticleSourcingRow.last_read.desc()))
    # A search collects its full-text matches whole anyway: count them in the same pass (a
    # window) rather than find them twice (PostgreSQL, a word in 8,400 articles: 375 -> 210 ms).
    # Otherwise the page is read off the last-read index and stops after `limit` rows, and the
    # count is a separate query (for a label, the window doubled PostgreSQL's time).
    counted = bool(filters.q)
    columns = (ArticleRow, ArticleSourcingRow, func.count().over()) if counted else (ArticleRow, ArticleSourcingRow)
    rows = session.execute(_joined(select(*columns)).where(*criteria)
                           .order_by(*order, ArticleRow.id.desc()).limit(limit).offset(offset)).all()
    page = [(row[0], row[1]) for row in rows]
    if counted and rows:
        total = rows[0][2]
    elif offset == 0 and len(page) < limit:
        total = len(page)  # the whole result is on this page
    else:
        total = session.scalar(_joined(select(func.count())).where(*criteria))
    ids = [article.id for article, _ in page]
    counts = _live_highlight_counts(session, ids)
    changed = changed_since_read(session, ids)
    items = [_item(article, sourcing, counts.get(article.id, 0), changed.get(article.id, False))
             for article, sourcing in page]
    return items, int(total or 0)


def changed_since_read(session: Session, article_ids: list[str]) -> dict[str, bool]:
    """Per article: has its text changed since the reader last saw it (latest version above
    the last version the reader was shown)?

    The one place read marks enter the library (store/reads.py; the reader records them with
    POST /api/v1/articles/<id>/read). An article never shown is not "changed": False.
    """
    from sourcelight.store import reads

    return reads.changed_since_read(session, article_ids)


def library_trends(session: Session, filters: LibraryFilters) -> dict[str, Any]:
    """The plots' data over the filtered articles: by week, by site, anonymous sources with and
    without a stated reason, and the most relied-on sources and outlets."""
    criteria = filters.criteria(session)
    sums = [func.coalesce(func.sum(getattr(ArticleSourcingRow, kind)), 0) for kind in KINDS]
    weeks = session.execute(_joined(select(ArticleSourcingRow.week, func.count(), func.sum(ArticleSourcingRow.claims),
                                           *sums)).where(*criteria)
                            .group_by(ArticleSourcingRow.week).order_by(ArticleSourcingRow.week)).all()
    sites = session.execute(_joined(select(ArticleRow.domain, func.count(), func.sum(ArticleSourcingRow.claims),
                                           *sums)).where(*criteria).group_by(ArticleRow.domain)
                            .order_by(func.count().desc(), ArticleRow.domain).limit(TREND_SITES)).all()
    anonymous, explained = session.execute(_joined(select(
        func.coalesce(func.sum(ArticleSourcingRow.anonymous), 0),
        func.coalesce(func.sum(ArticleSourcingRow.anonymity_explained), 0))).where(*criteria)).one()
    articles = _joined(select(ArticleRow.id)).where(*criteria) if criteria else None
    return {
        "weeks": [{"week": _iso_week(start), "start": start, **_counts(rest)} for start, *rest in weeks],
        "sites": [{"site": domain, **_counts(rest)} for domain, *rest in sites],
        "anonymous": {"claims": int(anonymous), "explained": int(explained),
                      "unexplained": int(anonymous) - int(explained)},
        "top_sources": ledger.top_sources(session, articles, limit=TOP),
        "top_outlets": ledger.top_outlets(session, articles, limit=TOP),
    }


# -- internals ---------------------------------------------------------------------------------

def _joined(query: Select) -> Select:
    return query.select_from(ArticleRow).join(ArticleSourcingRow, ArticleSourcingRow.article_id == ArticleRow.id)


def _counts(row) -> dict[str, Any]:
    articles, claims, *by_kind = row
    return {"articles": int(articles), "claims": int(claims or 0),
            "by_kind": {kind: int(n) for kind, n in zip(KINDS, by_kind)}}


def _iso_week(monday: str) -> str:
    year, week, _ = date.fromisoformat(monday).isocalendar()
    return f"{year}-W{week:02d}"


def _live_highlight_counts(session: Session, ids: list[str]) -> dict[str, int]:
    if not ids:
        return {}
    rows = session.execute(select(HighlightRow.article_id, func.count()).where(
        HighlightRow.article_id.in_(ids), HighlightRow.deleted.is_(None)).group_by(HighlightRow.article_id))
    return {article_id: count for article_id, count in rows}


def _item(article: ArticleRow, sourcing: ArticleSourcingRow, highlight_count: int, changed: bool) -> dict[str, Any]:
    return {
        "id": article.id, "title": article.title, "site": article.site, "domain": article.domain,
        "url": article.canonical_url, "published": article.published, "date": sourcing.day,
        "first_read": iso_utc(article.created), "last_read": iso_utc(sourcing.last_read),
        "latest_version": article.latest_version, "versions": article.latest_version,  # versions are 1..latest
        "claims": sourcing.claims, "attributed": sourcing.attributed,
        "by_kind": {kind: getattr(sourcing, kind) for kind in KINDS},
        "anonymous": sourcing.anonymous, "anonymity_explained": sourcing.anonymity_explained,
        "hedged": sourcing.hedged, "non_responses": sourcing.non_responses, "highlights": highlight_count,
        "language": article.language, "changed_since_read": changed,
    }
