"""The source ledger: the same source across articles and sites — a named person or
organization, an outlet relaying others, one anonymous descriptor seen in several stories —
with the articles and claims that rest on it. Reads claim_sources (store/sourcing_rows.py) and
the per-source totals in ledger_sources (store/ledger_totals.py).
"""
from __future__ import annotations

import json
import re
from typing import Any

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session

from sourcelight.errors import NotFound
from sourcelight.store.models import ArticleRow, ArticleSourcingRow, ClaimSourceRow, LedgerSourceRow
from sourcelight.store.search import words
from sourcelight.store.sourcing_rows import MAX_KEY_CHARS, OUTLET_PREFIX, SOURCE

__all__ = ["list_sources", "get_source", "top_sources", "top_outlets", "kind_of_key"]

C = ClaimSourceRow
L = LedgerSourceRow
KEY = re.compile(rf"[\w.-]{{1,{MAX_KEY_CHARS}}}")


def kind_of_key(key: str) -> str:
    return key.split(".", 1)[0]


def list_sources(session: Session, *, q: str | None = None, kind: str | None = None, limit: int = 25,
                 offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Sources most relied on first (articles, then claims); ``q``: words of the name, in order;
    ``kind``: the source's kind (media: outlets, whether they are the source or relay it)."""
    criteria = []
    if kind:
        criteria.append(_key_prefix(L.source_key, kind + "."))
    if q is not None:
        slug = "-".join(w.casefold() for w in words(q))
        # Letters and digits only (words()), so nothing in it is a LIKE wildcard.
        criteria.append(L.source_key.like(f"%{slug}%") if slug else L.source_key.is_(None))
    rows = session.scalars(select(L).where(*criteria).order_by(L.articles.desc(), L.claims.desc(), L.source_key)
                           .limit(limit).offset(offset)).all()
    if offset == 0 and len(rows) < limit:
        total = len(rows)
    else:
        total = session.scalar(select(func.count()).select_from(L).where(*criteria))
    return [_item(row) for row in rows], int(total or 0)


def get_source(session: Session, key: str, *, limit: int = 25, offset: int = 0) -> dict[str, Any]:
    """One source: its counts and, newest article first, the articles and their claims that
    rest on it (or that it relays). Raises NotFound."""
    totals = session.get(L, key) if KEY.fullmatch(key) else None  # no key has other characters
    if totals is None:
        raise NotFound(f"no source with key {key!r}")
    page = session.execute(
        select(ArticleRow, ArticleSourcingRow.day)
        .join(ArticleSourcingRow, ArticleSourcingRow.article_id == ArticleRow.id)
        .where(ArticleRow.id.in_(select(C.article_id).where(C.source_key == key)))
        .order_by(ArticleSourcingRow.day.desc(), ArticleRow.id.desc()).limit(limit).offset(offset)).all()
    claims: dict[str, list[dict[str, Any]]] = {}
    for row in session.scalars(select(C).where(C.source_key == key, C.article_id.in_([a.id for a, _ in page]))
                               .order_by(C.article_id, C.position)):
        claims.setdefault(row.article_id, []).append(_claim(row))
    return {
        **_item(totals),
        "appearances": [{"article_id": a.id, "title": a.title, "site": a.site, "domain": a.domain,
                         "published": a.published, "date": day, "url": a.canonical_url,
                         "claims": claims.get(a.id, [])} for a, day in page],
    }


def top_sources(session: Session, articles: Select | None, *, limit: int) -> list[dict[str, Any]]:
    """The sources most claims of the given articles (all when None) rest on; outlets only
    when they are the source."""
    if articles is None:
        rows = session.scalars(select(L).where(L.source_claims > 0).order_by(
            L.source_articles.desc(), L.source_claims.desc(), L.source_key).limit(limit))
        return [{"key": r.source_key, "name": r.name, "kind": r.kind, "articles": r.source_articles,
                 "claims": r.source_claims} for r in rows]
    return _top(session, [C.role == SOURCE], articles, limit, with_kind=True)


def top_outlets(session: Session, articles: Select | None, *, limit: int) -> list[dict[str, Any]]:
    """The outlets the given articles rely on most: as the source, or relaying another."""
    if articles is None:
        rows = session.scalars(select(L).where(_key_prefix(L.source_key, OUTLET_PREFIX))
                               .order_by(L.articles.desc(), L.claims.desc(), L.source_key).limit(limit))
        return [{"key": r.source_key, "name": r.name, "articles": r.articles, "claims": r.claims} for r in rows]
    return _top(session, [_key_prefix(C.source_key, OUTLET_PREFIX)], articles, limit, with_kind=False)


# -- internals ---------------------------------------------------------------------------------

def _item(row: LedgerSourceRow) -> dict[str, Any]:
    return {"key": row.source_key, "name": row.name, "kind": row.kind, "articles": row.articles,
            "claims": row.claims, "sites": row.sites, "via": json.loads(row.relays or "[]")}


def _top(session: Session, criteria: list, articles: Select, limit: int, *, with_kind: bool) -> list:
    """Top keys among the claims of some articles (a filtered plot): counted from claim_sources."""
    criteria = [*criteria, C.article_id.in_(articles)]
    n_articles = func.count(func.distinct(C.article_id))
    rows = session.execute(select(C.source_key, n_articles, func.count()).where(*criteria).group_by(C.source_key)
                           .order_by(n_articles.desc(), func.count().desc(), C.source_key).limit(limit)).all()
    names = {r.source_key: r.name for r in session.scalars(select(L).where(L.source_key.in_([k for k, _, _ in rows])))}
    return [{"key": key, "name": names.get(key, key), **({"kind": kind_of_key(key)} if with_kind else {}),
             "articles": a, "claims": c} for key, a, c in rows]


def _key_prefix(key_column, prefix: str):
    # A range rather than LIKE 'prefix%': both databases read it off the key's index.
    return and_(key_column >= prefix, key_column < prefix[:-1] + chr(ord(prefix[-1]) + 1))


def _claim(row: ClaimSourceRow) -> dict[str, Any]:
    return {"claim_id": row.claim_id, "text": row.text, "kind": row.kind, "role": row.role, "source": row.source,
            "via": row.via, "cue": row.cue, "hedges": json.loads(row.hedges or "[]")}
