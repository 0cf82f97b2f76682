"""Read marks and what changed since: which versions of an article the reader has shown, and
the sourcing diff between the version last read and the latest (sourcelight/sourcing_diff.py).

A mark is kept per (article, version) with the first and last time the reader showed it. "The
version you last read" is the highest version marked: a mark never takes it backwards (the
reader only ever shows the latest version; an older mark arriving late, from a second reader
on a shared server, adds its row and changes nothing else).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, select
from sqlalchemy.orm import Session

from sourcelight.errors import InvalidInput, NotFound
from sourcelight.sourcing_diff import diff_sourcing
from sourcelight.store import sourcing_rows
from sourcelight.store.articles import get_article_version
from sourcelight.store.documents import read_document
from sourcelight.store.models import ArticleReadRow, ArticleRow, iso_utc, utcnow

__all__ = ["record_read", "last_read", "last_read_versions", "changed_since_read", "changed_since_read_condition",
           "article_changes"]


def record_read(session: Session, article_id: str, version: int) -> dict[str, Any]:
    """Mark ``version`` of the article as shown now; returns the article's last read mark.

    Raises NotFound when the article or that version does not exist.
    """
    get_article_version(session, article_id, version)
    now = utcnow()
    row = session.get(ArticleReadRow, (article_id, version))
    if row is None:
        session.add(ArticleReadRow(article_id=article_id, version=version, first_read=now, last_read=now))
    else:
        row.last_read = now
    # The library sorts by when the reader last showed an article, also one opened from the
    # library itself (nothing is saved then): the same moment, in its table.
    sourcing_rows.mark_read(session, article_id, now)
    session.flush()
    return last_read(session, article_id)


def last_read(session: Session, article_id: str) -> dict[str, Any] | None:
    """{"version", "first_read", "last_read"} of the highest version the reader has shown, or None."""
    row = session.scalar(select(ArticleReadRow).where(ArticleReadRow.article_id == article_id)
                         .order_by(ArticleReadRow.version.desc()).limit(1))
    if row is None:
        return None
    return {"version": row.version, "first_read": iso_utc(row.first_read), "last_read": iso_utc(row.last_read)}


def last_read_versions(session: Session, article_ids: Iterable[str]) -> dict[str, int]:
    """The highest version read of each of these articles that has a mark."""
    ids = sorted(set(article_ids))
    if not ids:
        return {}
    rows = session.execute(select(ArticleReadRow.article_id, func.max(ArticleReadRow.version))
                           .where(ArticleReadRow.article_id.in_(ids)).group_by(ArticleReadRow.article_id))
    return {article_id: int(version) for article_id, version in rows}


def changed_since_read(session: Session, article_ids: Iterable[str]) -> dict[str, bool]:
    """Per article: is its latest version newer than every version the reader has shown?
    False for an article never shown (there is nothing it changed since)."""
    ids = sorted(set(article_ids))
    if not ids:
        return {}
    read = last_read_versions(session, ids)
    latest = session.execute(select(ArticleRow.id, ArticleRow.latest_version).where(ArticleRow.id.in_(ids)))
    changed = {article_id: article_id in read and version > read[article_id] for article_id, version in latest}
    return {article_id: changed.get(article_id, False) for article_id in ids}


def changed_since_read_condition() -> ColumnElement[bool]:
    """A SQL condition on ArticleRow: a version newer than every one the reader has shown
    exists. False for an article never shown (there is nothing it changed since)."""
    newer_read = select(ArticleReadRow.version).where(
        ArticleReadRow.article_id == ArticleRow.id, ArticleReadRow.version >= ArticleRow.latest_version)
    any_read = select(ArticleReadRow.version).where(ArticleReadRow.article_id == ArticleRow.id)
    return and_(exists(any_read), ~exists(newer_read))


def article_changes(session: Session, article_id: str, *, since: int | None = None,
                    to: int | None = None) -> dict[str, Any]:
    """The sourcing diff from version ``since`` (default: the last version read, else the
    latest) to version ``to`` (default: the latest), with the read mark it started from.

    Raises NotFound when the article or either version does not exist, InvalidInput when
    ``since`` is after ``to``.
    """
    newer = get_article_version(session, article_id, to)
    mark = last_read(session, article_id)
    if since is None:
        since = min(mark["version"], newer.version) if mark else newer.version
    older = get_article_version(session, article_id, since)
    if older.version > newer.version:
        raise InvalidInput(f"since ({older.version}) is after the version compared with ({newer.version})")
    before, after = read_document(older), read_document(newer)
    diff = diff_sourcing(before.data, after.data)
    row = session.get(ArticleRow, article_id)
    if row is None:  # pragma: no cover - get_article_version raised already
        raise NotFound(f"no article with id {article_id!r}")
    return {
        "article_id": article_id, "from_version": older.version, "to_version": newer.version,
        "latest_version": row.latest_version, "from_date": iso_utc(older.created), "to_date": iso_utc(newer.created),
        "text_changed": older.fingerprint != newer.fingerprint, "last_read": mark, **diff.to_dict(),
    }
