"""Stored article documents: the pipeline's whole result, kept as JSON per version, read
through one typed accessor (no module reads the JSON by string keys but this one)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sourcelight.store.models import ArticleVersionRow

__all__ = ["StoredClaim", "StoredDocument", "read_document", "document_from_json"]


@dataclass(frozen=True)
class StoredClaim:
    id: str
    start: int  # code points into the version's text
    end: int
    note: str
    kind: str | None  # None when the language had no sourcing lexicon
    text: str = ""
    source: str | None = None  # the sentence's words for the source
    entity: str | None = None  # who that is across the article (else the words)
    cue: str | None = None
    via: str | None = None
    quote: str | None = None  # direct, indirect, none
    hedges: tuple[str, ...] = ()
    non_response: bool = False
    denial: bool = False
    anonymity_reason: str | None = None  # why an anonymous source is not named ("" none given)


@dataclass(frozen=True)
class StoredDocument:
    """One version of an article as the pipeline produced it."""

    data: dict[str, Any]  # the whole document, as GET /api/v1/articles/<id> returns it
    claims: tuple[StoredClaim, ...]

    @property
    def text(self) -> str:
        return self.data.get("text", "")

    @property
    def url(self) -> str | None:
        return self.data.get("url")

    @property
    def site(self) -> str | None:
        return self.data.get("site")

    @property
    def published(self) -> str | None:
        return self.data.get("published")

    @property
    def title(self) -> str:
        return self.data.get("title") or ""

    @property
    def language(self) -> str | None:
        return self.data.get("language")

    @property
    def sourcing_available(self) -> bool:
        """False when the article's language had no sourcing lexicon (no kinds at all)."""
        return bool((self.data.get("summary") or {}).get("available", True))

    def claim(self, claim_id: str | None) -> StoredClaim | None:
        return next((c for c in self.claims if c.id == claim_id), None) if claim_id else None

    def claim_at(self, start: int) -> str | None:
        """The id of the claim that the offset ``start`` falls in, if any."""
        return next((c.id for c in self.claims if c.start <= start < c.end), None)


def read_document(version: ArticleVersionRow | None) -> StoredDocument:
    """The typed view of a stored version (an empty document for None)."""
    return document_from_json(version.document if version is not None else None)


def document_from_json(document: str | None) -> StoredDocument:
    """The typed view of a version's stored JSON (the ``document`` column)."""
    data = json.loads(document) if document else {}
    return StoredDocument(data=data, claims=tuple(_claim(c) for c in data.get("claims", [])))


def _claim(c: dict[str, Any]) -> StoredClaim:
    sourcing = c.get("sourcing") or {}
    return StoredClaim(
        id=c["id"], start=int(c["start"]), end=int(c["end"]), note=c.get("note") or "", kind=sourcing.get("kind"),
        text=c.get("text") or "", source=sourcing.get("source"), entity=sourcing.get("entity") or sourcing.get("source"),
        cue=sourcing.get("cue"), via=sourcing.get("via"), quote=sourcing.get("quote"),
        hedges=tuple(c.get("hedges") or ()), non_response=bool(c.get("non_response")), denial=bool(c.get("denial")),
        anonymity_reason=c.get("anonymity_reason"))
