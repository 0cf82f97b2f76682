"""The source ledger: the same source across articles and sites — a named person or
organization, an outlet relaying others, one anonymous descriptor seen in several stories —
with the articles and claims that rest on it. Reads claim_sources (store/sourcing_rows.py).
"""
from __future__ import annotations

import json
from collections import Counter
from typing import Any

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session

from sourcelight.errors import NotFound
from sourcelight.store.models import ArticleRow, ArticleSourcingRow, ClaimSourceRow
from sourcelight.store.search import words
from sourcelight.store.sourcing_rows import OUTLET_PREFIX, SOURCE

__all__ = ["list_sources", "get_source", "top_sources", "top_outlets", "kind_of_key"]

C = ClaimSourceRow


def kind_of_key(key: str) -> str:
    return key.split(".", 1)[0]


def list_sources(session: Session, *, q: str | None = None, kind: str | None = None, limit: int = 25,
                 offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Sources most relied on first (articles, then claims); ``q``: words of the name, in order;
    ``kind``: the source's kind (media: outlets, whether they are the source or relay it)."""
    criteria = []
    if kind:
        criteria.append(_key_prefix(kind + "."))
    if q is not None:
        slug = "-".join(w.casefold() for w in words(q))
        # Letters and digits only (words()), so nothing in it is a LIKE wildcard.
        criteria.append(C.source_key.like(f"%{slug}%") if slug else C.source_key.is_(None))
    articles = func.count(func.distinct(C.article_id))
    claims = func.count()
    page = session.execute(select(C.source_key, articles, claims).where(*criteria).group_by(C.source_key)
                           .order_by(articles.desc(), claims.desc(), C.source_key).limit(limit).offset(offset)).all()
    if offset == 0 and len(page) < limit:
        total = len(page)
    else:
        total = session.scalar(select(func.count(func.distinct(C.source_key))).where(*criteria))
    keys = [key for key, _, _ in page]
    names, sites, vias = _names(session, keys), _sites(session, keys), _relays(session, keys)
    items = [{"key": key, "name": names.get(key, key), "kind": kind_of_key(key), "articles": n_articles,
              "claims": n_claims, "sites": sites.get(key, 0), "via": vias.get(key, [])}
             for key, n_articles, n_claims in page]
    return items, int(total or 0)


def get_source(session: Session, key: str, *, limit: int = 25, offset: int = 0) -> dict[str, Any]:
    """One source: its counts and, newest article first, the articles and their claims that
    rest on it (or that it relays). Raises NotFound."""
    n_articles, n_claims = session.execute(select(func.count(func.distinct(C.article_id)), func.count())
                                           .where(C.source_key == key)).one()
    if not n_claims:
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
        "key": key, "name": _names(session, [key]).get(key, key), "kind": kind_of_key(key),
        "articles": n_articles, "claims": n_claims, "sites": _sites(session, [key]).get(key, 0),
        "via": _relays(session, [key]).get(key, []),
        "appearances": [{"article_id": a.id, "title": a.title, "site": a.site, "domain": a.domain,
                         "published": a.published, "date": day, "url": a.canonical_url,
                         "claims": claims.get(a.id, [])} for a, day in page],
    }


def top_sources(session: Session, articles: Select | None, *, limit: int) -> list[dict[str, Any]]:
    """The sources most claims of the given articles (all when None) rest on; outlets only
    when they are the source."""
    return _top(session, [C.role == SOURCE], articles, limit, with_kind=True)


def top_outlets(session: Session, articles: Select | None, *, limit: int) -> list[dict[str, Any]]:
    """The outlets the given articles rely on most: as the source, or relaying another."""
    return _top(session, [_key_prefix(OUTLET_PREFIX)], articles, limit, with_kind=False)


# -- internals ---------------------------------------------------------------------------------

def _top(session: Session, criteria: list, articles: Select | None, limit: int, *, with_kind: bool) -> list:
    if articles is not None:
        criteria = [*criteria, C.article_id.in_(articles)]
    n_articles = func.count(func.distinct(C.article_id))
    rows = session.execute(select(C.source_key, n_articles, func.count()).where(*criteria).group_by(C.source_key)
                           .order_by(n_articles.desc(), func.count().desc(), C.source_key).limit(limit)).all()
    names = _names(session, [key for key, _, _ in rows])
    return [{"key": key, "name": names.get(key, key), **({"kind": kind_of_key(key)} if with_kind else {}),
             "articles": a, "claims": c} for key, a, c in rows]


def _key_prefix(prefix: str):
    # A range rather than LIKE 'prefix%': both databases read it off the key's index.
    return and_(C.source_key >= prefix, C.source_key < prefix[:-1] + chr(ord(prefix[-1]) + 1))


def _names(session: Session, keys: list[str]) -> dict[str, str]:
    """The name each key is written most often with (ties: the first in sort order)."""
    if not keys:
        return {}
    counted: dict[str, Counter] = {}
    for key, name, n in session.execute(select(C.source_key, C.source_name, func.count())
                                        .where(C.source_key.in_(keys)).group_by(C.source_key, C.source_name)):
        counted.setdefault(key, Counter())[name] = n
    return {key: min(c.items(), key=lambda item: (-item[1], item[0]))[0] for key, c in counted.items()}


def _sites(session: Session, keys: list[str]) -> dict[str, int]:
    if not keys:
        return {}
    rows = session.execute(select(C.source_key, func.count(func.distinct(ArticleRow.domain)))
                           .join(ArticleRow, ArticleRow.id == C.article_id)
                           .where(C.source_key.in_(keys)).group_by(C.source_key))
    return dict(rows.all())


def _relays(session: Session, keys: list[str]) -> dict[str, list[str]]:
    """The outlets relaying each source, most claims first, one spelling each."""
    if not keys:
        return {}
    found: dict[str, dict[str, str]] = {}
    rows = session.execute(select(C.source_key, C.via, func.count()).where(C.source_key.in_(keys), C.role == SOURCE,
                                                                           C.via.is_not(None))
                           .group_by(C.source_key, C.via).order_by(C.source_key, func.count().desc(), C.via))
    for key, via, _ in rows:
        found.setdefault(key, {}).setdefault("-".join(w.casefold() for w in words(via)), via)
    return {key: list(spellings.values()) for key, spellings in found.items()}


def _claim(row: ClaimSourceRow) -> dict[str, Any]:
    return {"claim_id": row.claim_id, "text": row.text, "kind": row.kind, "role": row.role, "source": row.source,
            "via": row.via, "cue": row.cue, "hedges": json.loads(row.hedges or "[]")}
