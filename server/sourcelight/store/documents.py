"""Stored article documents: the pipeline's whole result, kept as JSON per version, read
through one typed accessor (no module reads the JSON by string keys but this one)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sourcelight.store.models import ArticleVersionRow

__all__ = ["StoredClaim", "StoredDocument", "read_document"]


@dataclass(frozen=True)
class StoredClaim:
    id: str
    start: int  # code points into the version's text
    end: int
    note: str
    kind: str | None  # None when the language had no sourcing lexicon


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

    def claim(self, claim_id: str | None) -> StoredClaim | None:
        return next((c for c in self.claims if c.id == claim_id), None) if claim_id else None

    def claim_at(self, start: int) -> str | None:
        """The id of the claim that the offset ``start`` falls in, if any."""
        return next((c.id for c in self.claims if c.start <= start < c.end), None)


def read_document(version: ArticleVersionRow | None) -> StoredDocument:
    """The typed view of a stored version (an empty document for None)."""
    data = json.loads(version.document) if version is not None else {}
    claims = tuple(
        StoredClaim(id=c["id"], start=int(c["start"]), end=int(c["end"]), note=c.get("note") or "",
                    kind=(c.get("sourcing") or {}).get("kind"))
        for c in data.get("claims", [])
    )
    return StoredDocument(data=data, claims=claims)
