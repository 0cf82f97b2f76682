"""The tables. Changing one means adding a migration under migrations/versions/."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from sourcelight.contract import ANCHORED


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def iso_utc(moment: datetime) -> str:
    """A stored time as the API writes it: ISO 8601 in UTC with a Z.

    SQLite hands back naive datetimes (we only ever store UTC); PostgreSQL hands back the
    session's time zone.
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    """One article, whatever URLs it was seen under and however often its text changed."""

    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    canonical_url: Mapped[str | None] = mapped_column(String(2048), index=True)
    site: Mapped[str | None] = mapped_column(String(512), index=True)
    title: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str | None] = mapped_column(String(16))
    latest_version: Mapped[int] = mapped_column(Integer, default=1)
    # The registrable domain it was seen on: pages merge only within one site (migration 0005).
    domain: Mapped[str | None] = mapped_column(String(253), index=True)
    published: Mapped[str | None] = mapped_column(String(64))
    # Highlights made on older versions are placed on this version and the ones before it;
    # below latest_version, re-anchoring is still to run (store/reanchor.py).
    anchored_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


class ArticleVersionRow(Base):
    """The annotated article as it was for one text (the pipeline's whole result, as JSON)."""

    __tablename__ = "article_versions"
    __table_args__ = (
        UniqueConstraint("article_id", "version", name="uq_article_versions_article_version"),
        Index("ix_article_versions_article_fingerprint", "article_id", "fingerprint"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    text: Mapped[str] = mapped_column(Text)
    document: Mapped[str] = mapped_column(Text)
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ArticleUrlRow(Base):
    """A URL (canonicalized) the article was seen under: the same page again finds it."""

    __tablename__ = "article_urls"

    url: Mapped[str] = mapped_column(String(2048), primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)


class ArticleReadRow(Base):
    """A version of an article the reader has shown, first and last when (migration 0007)."""

    __tablename__ = "article_reads"

    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    first_read: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_read: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class HighlightRow(Base):
    """A reader's highlight: W3C TextQuote + TextPosition selectors into one article version."""

    __tablename__ = "highlights"
    # Partial indexes (migration 0003): searches read live highlights newest first.
    __table_args__ = (
        Index("ix_highlights_live_created", "created", "id",
              sqlite_where=text("deleted IS NULL"), postgresql_where=text("deleted IS NULL")),
        Index("ix_highlights_live_label", "label", "created", "id",
              sqlite_where=text("deleted IS NULL"), postgresql_where=text("deleted IS NULL")),
        Index("ix_highlights_trash", "deleted",
              sqlite_where=text("deleted IS NOT NULL"), postgresql_where=text("deleted IS NOT NULL")),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    exact: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(Text, default="")
    suffix: Mapped[str] = mapped_column(Text, default="")
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column("end_offset", Integer)
    claim_id: Mapped[str | None] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")
    label: Mapped[str | None] = mapped_column(String(32))
    tags: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of strings
    color: Mapped[str | None] = mapped_column(String(32))
    anchor: Mapped[str] = mapped_column(String(16), default=ANCHORED)
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    deleted: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ArticleSourcingRow(Base):
    """How the article's latest version is sourced, counted once when it is saved (migration
    0006), so that the library filters and pages without reading any stored document."""

    __tablename__ = "article_sourcing"
    __table_args__ = (
        Index("ix_article_sourcing_last_read", "last_read", "article_id"),
        Index("ix_article_sourcing_day", "day", "article_id"),
    )

    # An integer key: SQLite's full-text index of the library refers to it (store/search.py).
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), unique=True)
    version: Mapped[int] = mapped_column(Integer)
    claims: Mapped[int] = mapped_column(Integer, default=0)
    attributed: Mapped[int] = mapped_column(Integer, default=0)
    named_person: Mapped[int] = mapped_column(Integer, default=0)
    organization: Mapped[int] = mapped_column(Integer, default=0)
    media: Mapped[int] = mapped_column(Integer, default=0)
    document: Mapped[int] = mapped_column(Integer, default=0)
    anonymous: Mapped[int] = mapped_column(Integer, default=0)
    vague: Mapped[int] = mapped_column(Integer, default=0)
    unattributed: Mapped[int] = mapped_column(Integer, default=0)
    anonymity_explained: Mapped[int] = mapped_column(Integer, default=0)
    hedged: Mapped[int] = mapped_column(Integer, default=0)
    non_responses: Mapped[int] = mapped_column(Integer, default=0)
    # The article's date: published if known, else the day it was first read (YYYY-MM-DD),
    # and the Monday of its ISO week: date filters and weekly plots compare strings.
    day: Mapped[str] = mapped_column(String(10))
    week: Mapped[str] = mapped_column(String(10), index=True)
    # The last time the reader opened (posted) the page, whether or not its text changed.
    last_read: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ClaimSourceRow(Base):
    """A claim of an article's latest version under one key of the source ledger: the source it
    rests on (role "source"), and the outlet relaying it (role "relay"), one row each."""

    __tablename__ = "claim_sources"
    # Covering indexes for recounting a key's totals (store/ledger_totals.py) off the index alone.
    __table_args__ = (
        Index("ix_claim_sources_key", "source_key", "role", "article_id", "domain"),
        Index("ix_claim_sources_names", "source_key", "source_name"),
        Index("ix_claim_sources_relayed", "relayed_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    claim_id: Mapped[str] = mapped_column(String(32))
    position: Mapped[int] = mapped_column(Integer)  # the claim's place in the article
    kind: Mapped[str] = mapped_column(String(16))  # the claim's kind
    role: Mapped[str] = mapped_column(String(8))  # "source" or "relay"
    # kind + normalized name (store/sourcing_rows.source_key): one key across articles and sites;
    # an outlet's key is "media." + its name whether it is the source or relays it.
    source_key: Mapped[str] = mapped_column(String(300))
    source_name: Mapped[str] = mapped_column(Text)  # the name under that key, as the article wrote it
    # A relay row: the key of the source it relays (the claim's source). None on source rows.
    relayed_key: Mapped[str | None] = mapped_column(String(300))
    domain: Mapped[str | None] = mapped_column(String(253))  # the article's site, for counting sites
    source: Mapped[str | None] = mapped_column(Text)  # who the claim rests on (Attribution.who)
    via: Mapped[str | None] = mapped_column(Text)
    cue: Mapped[str | None] = mapped_column(Text)
    hedges: Mapped[str] = mapped_column(Text, default="[]")  # JSON list
    text: Mapped[str] = mapped_column(Text)


class LedgerSourceRow(Base):
    """One source of the ledger with its totals over the latest versions (store/ledger_totals.py)."""

    __tablename__ = "ledger_sources"
    __table_args__ = (
        Index("ix_ledger_sources_rank", "articles", "claims"),
        Index("ix_ledger_sources_source_rank", "source_articles", "source_claims"),
    )

    source_key: Mapped[str] = mapped_column(String(300), primary_key=True)
    name: Mapped[str] = mapped_column(Text)  # the spelling used most
    kind: Mapped[str] = mapped_column(String(16))
    articles: Mapped[int] = mapped_column(Integer)
    claims: Mapped[int] = mapped_column(Integer)
    sites: Mapped[int] = mapped_column(Integer)
    # Articles and claims where it is the claim's source (not only relaying it).
    source_articles: Mapped[int] = mapped_column(Integer)
    source_claims: Mapped[int] = mapped_column(Integer)
    relays: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of outlet names, most claims first
