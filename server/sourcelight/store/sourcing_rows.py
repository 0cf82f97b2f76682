"""The library's rows of one article: its latest version's sourcing counted (article_sourcing),
each sourced claim with its normalized source (claim_sources), and its full-text entry.

Written in the transaction that saves the version (store/articles.save_article), and by
migration 0006 for the articles stored before it, from the stored document alone: so the
library, its plots and the source ledger never parse a stored document at query time.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import column, delete, insert, select, table, update

from sourcelight.pipeline.attribution.lexicon import available_languages, load_lexicon
from sourcelight.pipeline.model import SourceKind
from sourcelight.store import ledger_totals, search

__all__ = ["KINDS", "ArticleRows", "rows_for_document", "write_rows", "mark_read", "source_key", "day_of",
           "load_name_rules"]

KINDS = tuple(k.value for k in SourceKind)
# Keys are kind + "." + the name's words joined by "-"; longer names are cut (still stable).
MAX_KEY_CHARS = 300
_WORD = re.compile(r"\w+")
CLAIM_COLUMNS = ("version", "claim_id", "position", "kind", "role", "source_key", "source_name", "relayed_key",
                 "source", "via", "cue", "hedges", "text", "domain")
SOURCE, RELAY = "source", "relay"
# The key prefix of outlets: a relaying outlet is keyed as a media source is.
OUTLET_PREFIX = SourceKind.MEDIA.value + "."


@dataclass(frozen=True)
class ArticleRows:
    """What the library keeps of one version of an article."""

    sourcing: dict[str, Any]  # the article_sourcing columns but id, article_id and last_read
    claims: list[dict[str, Any]]  # claim_sources rows but id and article_id
    sources_text: str  # the names of its sources and outlets, for full-text search


def source_key(kind: str, name: str | None, language: str | None) -> str | None:
    """The ledger's key of a source: its kind and its name's words, in lower case, with the
    language's leading determiners dropped ("A senior administration official" and "the
    senior administration official" are one key; "the Associated Press" is "Associated
    Press"). The determiners come from the language's lexicon (grammar.definite and
    grammar.indefinite); a language without a lexicon keeps them. None for no name.
    """
    if not name:
        return None
    words = _WORD.findall(_strip_determiners(unicodedata.normalize("NFKC", name).strip(), language).casefold())
    if not words:
        return None
    return f"{kind}.{'-'.join(words)}"[:MAX_KEY_CHARS]


def day_of(published: str | None, first_read: datetime) -> str:
    """The article's date (YYYY-MM-DD): published if it reads as a date, else first read (UTC)."""
    if published:
        try:
            return date.fromisoformat(published[:10]).isoformat()
        except ValueError:
            pass
    if first_read.tzinfo is not None:
        first_read = first_read.astimezone(timezone.utc)
    return first_read.date().isoformat()


def rows_for_document(document: dict[str, Any], version: int, first_read: datetime) -> ArticleRows:
    """Count one stored version's sourcing (``document`` as AnnotatedArticle.to_dict() writes it)."""
    language = document.get("language")
    counts = dict.fromkeys(KINDS, 0)
    explained = hedged = non_responses = 0
    claims: list[dict[str, Any]] = []
    names: dict[str, None] = {}
    for position, claim in enumerate(document.get("claims") or []):
        sourcing = claim.get("sourcing")
        if not sourcing:  # no lexicon for the language: the claim has no note
            continue
        kind = sourcing["kind"]
        counts[kind] = counts.get(kind, 0) + 1
        explained += bool(kind == SourceKind.ANONYMOUS.value and claim.get("anonymity_reason"))
        hedged += bool(claim.get("hedges"))
        non_responses += bool(claim.get("non_response"))
        rows = _claim_rows(claim, sourcing, position, version, language)
        claims += rows
        names.update(dict.fromkeys(row["source_name"] for row in rows))
    day = day_of(document.get("published"), first_read)
    sourcing_row = {
        "version": version, "claims": sum(counts.values()),
        "attributed": sum(counts.values()) - counts[SourceKind.UNATTRIBUTED.value], **counts,
        "anonymity_explained": explained, "hedged": hedged, "non_responses": non_responses,
        "day": day, "week": _monday(day),
    }
    return ArticleRows(sourcing=sourcing_row, claims=claims, sources_text=" ".join(names))


def write_rows(connection, article_id: str, rows: ArticleRows, *, title: str, text: str, domain: str | None,
               last_read: datetime, count_sources: bool = True) -> None:
    """Replace the article's library rows (``connection``: a Session or a Connection, inside
    the caller's transaction). The article_sourcing row keeps its id, which the SQLite
    full-text index refers to. ``count_sources=False`` leaves the ledger's totals to the
    caller (ledger_totals.refresh once after many articles)."""
    sourcing = table("article_sourcing", column("id"), column("article_id"), column("last_read"),
                     *(column(name) for name in rows.sourcing))
    existing = connection.execute(select(sourcing.c.id).where(sourcing.c.article_id == article_id)).scalar()
    if existing is None:
        existing = connection.execute(insert(sourcing).values(article_id=article_id, last_read=last_read,
                                                              **rows.sourcing).returning(sourcing.c.id)).scalar_one()
    else:
        connection.execute(update(sourcing).where(sourcing.c.id == existing)
                           .values(last_read=last_read, **rows.sourcing))
    claim_sources = table("claim_sources", column("article_id"), *(column(name) for name in CLAIM_COLUMNS))
    keys = set(connection.execute(select(claim_sources.c.source_key)
                                  .where(claim_sources.c.article_id == article_id)).scalars())
    connection.execute(delete(claim_sources).where(claim_sources.c.article_id == article_id))
    if rows.claims:
        connection.execute(insert(claim_sources), [{"article_id": article_id, "domain": domain, **c}
                                                   for c in rows.claims])
    if count_sources:
        ledger_totals.refresh(connection, keys | {c["source_key"] for c in rows.claims})
    search.index_article(connection, existing, article_id, title=title, text=text, sources=rows.sources_text)


def mark_read(connection, article_id: str, moment: datetime) -> None:
    """Record that the reader opened the article again (its text unchanged)."""
    sourcing = table("article_sourcing", column("article_id"), column("last_read"))
    connection.execute(update(sourcing).where(sourcing.c.article_id == article_id).values(last_read=moment))


# -- internals ---------------------------------------------------------------------------------

def _claim_rows(claim: dict[str, Any], sourcing: dict[str, Any], position: int, version: int,
                language: str | None) -> list[dict[str, Any]]:
    """The claim under its source's key, and under its relaying outlet's (none if unattributed)."""
    kind = sourcing["kind"]
    who = sourcing.get("entity") or sourcing.get("source")  # Attribution.who, as to_dict writes it
    via = sourcing.get("via")
    common = {"version": version, "claim_id": claim["id"], "position": position, "kind": kind, "source": who,
              "via": via, "cue": sourcing.get("cue"), "text": claim.get("text") or "",
              "hedges": json.dumps(list(claim.get("hedges") or []), ensure_ascii=False)}
    rows = []
    key = source_key(kind, who, language)
    if key is not None:
        rows.append({**common, "role": SOURCE, "source_key": key, "source_name": who, "relayed_key": None})
    relay = source_key(SourceKind.MEDIA.value, via, language)
    if relay is not None and relay != key:
        rows.append({**common, "role": RELAY, "source_key": relay, "source_name": via, "relayed_key": key})
    return rows


def load_name_rules() -> None:
    """Load now the lexicons whose determiners normalize source names (_strip_determiners):
    the server does this while its workers load their models, so that saving the first page
    does not wait for them (a tenth of a second or more each)."""
    for language in available_languages():
        load_lexicon(language)


def _strip_determiners(name: str, language: str | None) -> str:
    lexicon = load_lexicon(language) if language else None
    if lexicon is None:
        return name
    for _ in range(3):  # "one of the", then what may follow it
        match = (lexicon.patterns["indefinite"].match(name) or lexicon.patterns["definite"].match(name))
        if match is None or match.end() == 0 or match.end() >= len(name):
            break
        name = name[match.end():].lstrip()
    return name


def _monday(day: str) -> str:
    moment = date.fromisoformat(day)
    return (moment - timedelta(days=moment.weekday())).isoformat()
