"""Per-source totals of the ledger (ledger_sources): articles, claims, sites, relaying outlets
and the name a source is written with most, recounted for the keys an article's save touched.

Counting them at query time meant grouping every claim_sources row (170,000 for 10,000
articles: 300-450 ms on SQLite for the ledger's first page and the plots' top sources);
recounting a few keys at save time costs milliseconds, in the save's transaction.
"""
from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import case, column, delete, func, insert, select, table

__all__ = ["refresh", "RELAYS_KEPT"]

# How many relaying outlets a source keeps (most claims first).
RELAYS_KEPT = 10
# Keys per statement: well under SQLite's and PostgreSQL's limits on bound parameters.
CHUNK = 500

_claims = table("claim_sources", column("article_id"), column("role"), column("source_key"), column("source_name"),
                column("relayed_key"), column("domain"))
_totals = table("ledger_sources", column("source_key"), column("name"), column("kind"), column("articles"),
                column("claims"), column("sites"), column("source_articles"), column("source_claims"),
                column("relays"))


def refresh(connection, keys: Iterable[str] | None) -> None:
    """Recount ``keys`` (every key when None) from claim_sources; a key no claim has any more
    is removed. ``connection``: a Session or Connection inside the caller's transaction."""
    if keys is None:
        connection.execute(delete(_totals))
        _recount(connection, None)
        return
    ordered = sorted(set(keys))
    for start in range(0, len(ordered), CHUNK):
        chunk = ordered[start:start + CHUNK]
        connection.execute(delete(_totals).where(_totals.c.source_key.in_(chunk)))
        _recount(connection, chunk)


def _recount(connection, keys: list[str] | None) -> None:
    where = [_claims.c.source_key.in_(keys)] if keys is not None else []
    as_source = _claims.c.role == "source"
    counts = connection.execute(
        select(_claims.c.source_key, func.count(func.distinct(_claims.c.article_id)), func.count(),
               func.count(func.distinct(func.coalesce(_claims.c.domain, ""))),
               func.count(func.distinct(case((as_source, _claims.c.article_id)))),
               func.coalesce(func.sum(case((as_source, 1), else_=0)), 0))
        .where(*where).group_by(_claims.c.source_key)).all()
    if not counts:
        return
    names: dict[str, tuple[int, str]] = {}
    for key, name, n in connection.execute(select(_claims.c.source_key, _claims.c.source_name, func.count())
                                           .where(*where).group_by(_claims.c.source_key, _claims.c.source_name)):
        # The spelling used most; on a tie, the first in sort order (stable across databases).
        if key not in names or (-n, name) < (-names[key][0], names[key][1]):
            names[key] = (n, name)
    # The outlets relaying the source: the relay rows that name it (keyed, so "the Associated
    # Press" and "Associated Press" are one outlet).
    relayed = [_claims.c.relayed_key.in_(keys)] if keys is not None else [_claims.c.relayed_key.is_not(None)]
    relays: dict[str, list[tuple[int, str, str]]] = {}
    for key, relay_key, name, n in connection.execute(
            select(_claims.c.relayed_key, _claims.c.source_key, func.min(_claims.c.source_name), func.count())
            .where(*relayed).group_by(_claims.c.relayed_key, _claims.c.source_key)):
        relays.setdefault(key, []).append((-n, relay_key, name))
    connection.execute(insert(_totals), [{
        "source_key": key, "name": names[key][1], "kind": key.split(".", 1)[0], "articles": articles,
        "claims": claims, "sites": sites, "source_articles": source_articles, "source_claims": int(source_claims),
        "relays": json.dumps([name for _, _, name in sorted(relays.get(key, []))][:RELAYS_KEPT], ensure_ascii=False),
    } for key, articles, claims, sites, source_articles, source_claims in counts])

