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
