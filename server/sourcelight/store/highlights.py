"""Highlights: create, read, change, trash and restore, search (re-anchoring: store/reanchor.py)."""
from __future__ import annotations

import json
import uuid
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import func, or_, select, text as sql_text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sourcelight.contract import ANCHORED, ORPHANED
from sourcelight.errors import Conflict, InvalidInput, NotFound
from sourcelight.store.anchoring import context_of, find_exact_near
from sourcelight.store.articles import get_article_version
from sourcelight.store.documents import read_document
from sourcelight.store.models import ArticleRow, HighlightRow, iso_utc, utcnow

__all__ = [
    "create_highlight", "list_highlights", "get_highlight", "update_highlight", "delete_highlight",
    "restore_highlight", "list_trash", "search_highlights", "highlight_dict", "tags_json", "live_articles_matching",
]

# The text PostgreSQL searches: the expression of the GIN index (migration 0002), verbatim.
POSTGRES_DOCUMENT = ("to_tsvector('simple', coalesce(matched.exact, '') || ' ' || coalesce(matched.note, '') "
                     "|| ' ' || coalesce(matched.tags, ''))")
# How far from the stated position the quote may be found (the page may have shifted a little
# between the reader's copy and the stored one).
NEAR_CHARS = 256
EDITABLE = ("note", "label", "tags", "color")


def create_highlight(session: Session, article_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """Store a highlight on the article's latest version.

    Raises NotFound (no such article), InvalidInput (the quote is not in the text near the
    position, or the claim id is not one of the article's claims).
    """
    version = get_article_version(session, article_id)
    quote, position = data["quote"], data["position"]
    exact = quote["exact"]
    start = find_exact_near(version.text, exact, position["start"], within=NEAR_CHARS)
    if start is None:
        raise InvalidInput("the quote does not occur in the article text at or near the given position",
                           fields={"quote": ["not found in the article text near position.start"]})
    end = start + len(exact)
    prefix, suffix = context_of(version.text, start, end)
    document = read_document(version)
    claim_id = data.get("claim_id") or document.claim_at(start)
    if data.get("claim_id") and document.claim(claim_id) is None:
        raise InvalidInput("the claim id is not one of the article's claims", fields={"claim_id": ["unknown claim"]})
    row = HighlightRow(
        id=str(data.get("id") or uuid.uuid4()), article_id=article_id, version=version.version, exact=exact,
        prefix=prefix, suffix=suffix, start=start, end=end, claim_id=claim_id, note=data.get("note") or "",
        label=data.get("label"), tags=tags_json(data.get("tags")), color=data.get("color"),
        anchor=ANCHORED,
    )
    if session.get(HighlightRow, row.id) is not None:
        raise Conflict(f"a highlight with id {row.id!r} exists already")
    session.add(row)
    try:
        session.flush()
    except IntegrityError:
        # Another request inserted the same client-chosen id between our check and now.
        raise Conflict(f"a highlight with id {row.id!r} exists already") from None
    return highlight_dict(row)


def list_highlights(session: Session, article_id: str) -> list[dict[str, Any]]:
    """The article's live highlights in reading order (orphans last). Raises NotFound."""
    if session.get(ArticleRow, article_id) is None:
        raise NotFound(f"no article with id {article_id!r}")
    rows = session.scalars(select(HighlightRow).where(
        HighlightRow.article_id == article_id, HighlightRow.deleted.is_(None))
        .order_by((HighlightRow.anchor == ORPHANED), HighlightRow.start, HighlightRow.created)).all()
    return [highlight_dict(r) for r in rows]


def get_highlight(session: Session, highlight_id: str) -> dict[str, Any]:
    return highlight_dict(_row(session, highlight_id))


def update_highlight(session: Session, highlight_id: str, changes: dict[str, Any]) -> dict[str, Any]:
    """Change note, label, tags or color. Raises NotFound (also for a trashed highlight)."""
    row = _row(session, highlight_id)
    if row.deleted is not None:
        raise NotFound(f"highlight {highlight_id!r} is in the trash; restore it first")
    for key in EDITABLE:
        if key in changes:
            value = changes[key]
            setattr(row, key, tags_json(value) if key == "tags" else (value or "" if key == "note" else value))
    row.updated = utcnow()
    session.flush()
    return highlight_dict(row)


def delete_highlight(session: Session, highlight_id: str) -> dict[str, Any]:
    """Move to the trash (kept; restore undoes it). Raises NotFound."""
    row = _row(session, highlight_id)
    if row.deleted is None:
        row.deleted = utcnow()
        row.updated = row.deleted
    session.flush()
    return highlight_dict(row)


def restore_highlight(session: Session, highlight_id: str) -> dict[str, Any]:
    """Take out of the trash. Raises NotFound, Conflict (not in the trash)."""
    row = _row(session, highlight_id)
    if row.deleted is None:
        raise Conflict(f"highlight {highlight_id!r} is not in the trash")
    row.deleted = None
    row.updated = utcnow()
    session.flush()
    return highlight_dict(row)


def list_trash(session: Session, *, limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    query = select(HighlightRow).where(HighlightRow.deleted.is_not(None))
    total = session.scalar(select(func.count()).select_from(query.subquery()))
    rows = session.scalars(query.order_by(HighlightRow.deleted.desc()).limit(limit).offset(offset)).all()
    return [highlight_dict(r) for r in rows], int(total or 0)


def search_highlights(session: Session, *, q: str | None = None, label: str | None = None, tag: str | None = None,
                      site: str | None = None, since: datetime | None = None, until: datetime | None = None,
                      article_id: str | None = None, limit: int = 50, offset: int = 0,
                      ) -> tuple[list[dict[str, Any]], int]:
    """Live highlights newest first; ``q`` is full-text over quotes, notes and tags."""
    filters = dict(q=q, label=label, tag=tag, site=site, since=since, until=until, article_id=article_id)
    # The page is read off the live-by-date index (migration 0003), stopping after one page;
    # the count looks the full-text matches up by rowid instead (see _fts_rowids).
    page = select(HighlightRow).where(*_criteria(session, for_count=False, **filters))
    rows = session.scalars(page.order_by(HighlightRow.created.desc(), HighlightRow.id.desc())
                           .limit(limit).offset(offset)).all()
    if offset == 0 and len(rows) < limit:
        total = len(rows)  # the whole result is on this page: no need to count it again
    else:
        total = session.scalar(select(func.count()).select_from(HighlightRow)
                               .where(*_criteria(session, for_count=True, **filters)))
    articles = _article_refs(session, {r.article_id for r in rows})
    return [{**highlight_dict(r), "article": articles.get(r.article_id)} for r in rows], int(total or 0)


def live_articles_matching(session: Session, *, q: str | None = None, label: str | None = None,
                           tag: str | None = None):
    """A subquery: the ids of the articles with a live highlight matching all that is given
    (``q`` full-text over quote, note and tags; ``label``; ``tag`` whole)."""
    terms = _words(q) if q else []
    if terms and not (label or tag) and session.get_bind().dialect.name != "sqlite":
        # Straight off the GIN index of migration 0002: the article ids of the matches, not every
        # live highlight checked against them (a scan of the whole table for a common word).
        return sql_text(f"SELECT matched.article_id FROM highlights AS matched WHERE matched.deleted IS NULL "
                        f"AND {POSTGRES_DOCUMENT} @@ to_tsquery('simple', :articles_tsquery)").bindparams(
            articles_tsquery=" & ".join(t + ":*" for t in terms))
    criteria = _criteria(session, for_count=True, q=q, label=label, tag=tag, site=None, since=None, until=None,
                         article_id=None)
    return select(HighlightRow.article_id).where(*criteria)


def _article_refs(session: Session, ids: set[str]) -> dict[str, dict[str, Any]]:
    """Title, address and site of each article, so a search result says where it is from."""
    if not ids:
        return {}
    rows = session.scalars(select(ArticleRow).where(ArticleRow.id.in_(sorted(ids)))).all()
    return {a.id: {"id": a.id, "title": a.title, "url": a.canonical_url, "site": a.site} for a in rows}


def _criteria(session: Session, *, for_count: bool, q, label, tag, site, since, until, article_id) -> list:
    criteria = [HighlightRow.deleted.is_(None)]
    if q:
        criteria.append(_full_text_match(session, q, for_count))
    if label:
        criteria.append(HighlightRow.label == label)
    if tag:
        criteria += _tag_match(session, tag, for_count)
    if site:
        # A subquery over the (few) articles, not a join: the planner keeps reading highlights
        # off the live-by-date index.
        criteria.append(HighlightRow.article_id.in_(select(ArticleRow.id).where(
            or_(ArticleRow.site == site, ArticleRow.canonical_url.ilike(f"%://{site}/%")))))
    # SQLite stores the UTC wall time without an offset: compare in UTC, whatever zone was asked.
    if since:
        criteria.append(HighlightRow.created >= _utc(since))
    if until:
        criteria.append(HighlightRow.created < _utc(until))
    if article_id:
        criteria.append(HighlightRow.article_id == article_id)
    return criteria


def tags_json(tags) -> str:
    """How tags are stored: a JSON list, letters as they are (migration 0004), so that the
    full-text index sees "défense" and not "d" and "u00e9fense"."""
    return json.dumps(list(tags or []), ensure_ascii=False)


def highlight_dict(row: HighlightRow) -> dict[str, Any]:
    return {
        "id": row.id, "article_id": row.article_id, "version": row.version,
        "quote": {"exact": row.exact, "prefix": row.prefix, "suffix": row.suffix},
        "position": {"start": row.start, "end": row.end},
        "claim_id": row.claim_id, "note": row.note, "label": row.label, "tags": json.loads(row.tags or "[]"),
        "color": row.color, "anchor": row.anchor, "orphaned": row.anchor == ORPHANED,
        "created": iso_utc(row.created), "updated": iso_utc(row.updated),
        "deleted": iso_utc(row.deleted) if row.deleted else None,
    }


# -- internals ---------------------------------------------------------------------------------

def _row(session: Session, highlight_id: str) -> HighlightRow:
    row = session.get(HighlightRow, highlight_id)
    if row is None:
        raise NotFound(f"no highlight with id {highlight_id!r}")
    return row


def _tag_match(session: Session, tag: str, for_count: bool) -> list:
    """The highlights carrying ``tag`` (whole, any case)."""
    exact = HighlightRow.tags.ilike(_tag_pattern(tag), escape="\\")
    words = _words(tag)
    if session.get_bind().dialect.name != "sqlite" or not words:
        return [exact]
    # The FTS index holds the tags too: it narrows the rows down before the exact LIKE, so
    # counting a tag's highlights never walks the whole table.
    phrase = 'tags : "' + " ".join(w.replace('"', '""') for w in words) + '"'
    return [_fts_rowids("tag_fts", phrase, for_count), exact]


def _fts_rowids(name: str, expression: str, for_count: bool):
    """SQLite: the highlight is among the FTS5 matches of ``expression``.

    For a page, ``+rowid`` keeps SQLite from looking every match up by rowid and sorting them
    all (40 ms for a word in 40,000 highlights): it walks the live-by-date index, newest
    first, checks each rowid against the matches and stops after one page (under 10 ms
    even for a word that matches nothing). For a count, the lookups are the quicker way.
    """
    column = "highlights.rowid" if for_count else "+highlights.rowid"
    return sql_text(f"{column} IN (SELECT rowid FROM highlights_fts WHERE highlights_fts MATCH :{name})"
                    ).bindparams(**{name: expression})


def _words(text: str) -> list[str]:
    return "".join(ch if ch.isalnum() else " " for ch in text).split()


def _tag_pattern(tag: str) -> str:
    # Tags are stored as a JSON list; the tag's JSON string *with its quotes* matches that
    # tag whole ("ira" does not match "iran"), so the count and the pages stay exact. Any case
    # (ILIKE), the same on SQLite, whose LIKE ignores ASCII case anyway, and PostgreSQL.
    escaped = json.dumps(tag, ensure_ascii=False).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return "%" + escaped + "%"


def _full_text_match(session: Session, q: str, for_count: bool):
    terms = _words(q)
    if not terms:
        return HighlightRow.id.is_(None)  # nothing searchable: match nothing
    if session.get_bind().dialect.name == "sqlite":
        # Each term as a quoted FTS5 string with a prefix star: no FTS syntax from the user.
        return _fts_rowids("fts", " ".join('"' + t.replace('"', '""') + '"*' for t in terms), for_count)
    # Written exactly as the GIN index of migration 0002 is, so PostgreSQL can use it; in a
    # subquery that OFFSET 0 keeps the planner from merging, so the matches are collected off
    # that index once, instead of the tsvector of every row being computed while it walks the
    # live-by-date index (it misjudges how many rows a prefix query matches: 14x slower).
    return sql_text(f"highlights.id IN (SELECT matched.id FROM highlights AS matched "
                    f"WHERE {POSTGRES_DOCUMENT} @@ to_tsquery('simple', :tsquery) OFFSET 0)").bindparams(
        tsquery=" & ".join(t + ":*" for t in terms))


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)
