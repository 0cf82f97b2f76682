"""Bringing an article's highlights onto its latest text, outside the store's write lock.

Saving a page only records its new version. ``bring_up_to_date(store, article_id)`` then:

1. reads, in a read-only transaction, the latest text and the highlights placed on older
   versions (ArticleRow.anchored_version says whether any are left to place);
2. places each with store/anchoring.py, in no transaction and under no lock but this
   article's own, within the matcher's time budget;
3. writes the placements in one short transaction, each only if the highlight is still as it
   was read and the article's latest version is still the one placed against (so a newer
   text, or another server doing the same work, is never overwritten).

Requests about other articles never wait on this: the lock is per article. The API calls
it after saving a page and before answering with an article's highlights.
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sourcelight.contract import ORPHANED
from sourcelight.store.anchoring import Anchor, Budget, Quote, anchor_quote, context_of
from sourcelight.store.documents import StoredDocument, read_document
from sourcelight.store.models import ArticleRow, ArticleVersionRow, HighlightRow

__all__ = ["bring_up_to_date"]


@dataclass(frozen=True)
class _Pending:
    """A highlight as read before placing it: the fields the write checks are unchanged."""

    id: str
    version: int
    quote: Quote


@dataclass(frozen=True)
class _Job:
    article_id: str
    version: int
    text: str
    document: StoredDocument
    highlights: tuple[_Pending, ...]


_locks: dict[str, list] = {}  # article id -> [lock, users]
_locks_guard = threading.Lock()


@contextmanager
def _article_lock(key: str) -> Iterator[None]:
    with _locks_guard:
        entry = _locks.setdefault(key, [threading.Lock(), 0])
        entry[1] += 1
    try:
        with entry[0]:
            yield
    finally:
        with _locks_guard:
            entry[1] -= 1
            if entry[1] == 0:
                del _locks[key]


def bring_up_to_date(store, article_id: str) -> int:
    """Place the article's highlights made on older versions in its latest text.

    Returns how many highlights were written. Does nothing (one small read) when they are
    already placed. Never raises NotFound: an unknown article has nothing to place.
    """
    with _article_lock(f"{id(store)}:{article_id}"):
        with store.read_session() as session:
            job = _pending(session, article_id)
        if job is None:
            return 0
        budget = Budget()
        placements = [(pending, anchor_quote(job.text, pending.quote, budget)) for pending in job.highlights]
        with store.session() as session:
            return _apply(session, job, placements)


def _pending(session: Session, article_id: str) -> _Job | None:
    article = session.get(ArticleRow, article_id)
    if article is None or article.anchored_version >= article.latest_version:
        return None
    version = session.scalar(select(ArticleVersionRow).where(
        ArticleVersionRow.article_id == article_id, ArticleVersionRow.version == article.latest_version))
    rows = session.scalars(select(HighlightRow).where(
        HighlightRow.article_id == article_id, HighlightRow.version < article.latest_version)
        .order_by(HighlightRow.id)).all()
    highlights = tuple(_Pending(r.id, r.version, Quote(r.exact, r.prefix, r.suffix, r.start, r.end)) for r in rows)
    return _Job(article_id, version.version, version.text, read_document(version), highlights)


def _apply(session: Session, job: _Job, placements: list[tuple[_Pending, Anchor]]) -> int:
    article = session.get(ArticleRow, job.article_id, with_for_update=True)
    if article is None or article.latest_version != job.version or article.anchored_version >= job.version:
        return 0  # a newer text arrived (its own pass places them), or this work was done
    written = 0
    rows = {row.id: row for row in session.scalars(select(HighlightRow).where(
        HighlightRow.id.in_([pending.id for pending, _ in placements])))}
    for pending, anchor in placements:
        row = rows.get(pending.id)
        if row is None or row.version != pending.version or row.start != pending.quote.start \
                or row.exact != pending.quote.exact:
            continue
        written += 1
        if anchor.state == ORPHANED:
            row.anchor = ORPHANED  # stays on the version it was made on, and is kept
            continue
        row.start, row.end, row.anchor, row.version = anchor.start, anchor.end, anchor.state, job.version
        row.exact = job.text[anchor.start:anchor.end]
        row.prefix, row.suffix = context_of(job.text, anchor.start, anchor.end)
        row.claim_id = job.document.claim_at(anchor.start)
    article.anchored_version = job.version
    session.flush()
    return written
