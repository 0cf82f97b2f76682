"""The sourcing tables (CSV) for classrooms and newsroom audits: one row per claim, or one row
per article with its counts and shares by kind. Every text cell goes through csv_cell."""
from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from sourcelight.outputs.escaping import csv_cell
from sourcelight.pipeline.model import ATTRIBUTED_KINDS, UNNAMED_KINDS, SourceKind

if TYPE_CHECKING:
    from sourcelight.store.export import ExportArticle, ExportData

__all__ = ["CLAIM_COLUMNS", "ARTICLE_COLUMNS", "export_sourcing_claims", "export_sourcing_articles"]

KINDS = [k.value for k in SourceKind]
CLAIM_COLUMNS = ["article_id", "version", "url", "title", "site", "published", "claim_id", "text", "kind",
                 "source", "entity", "via", "cue", "quote", "hedges", "non_response", "denial", "anonymity_reason"]
ARTICLE_COLUMNS = (["article_id", "version", "url", "title", "site", "published", "language", "claims", "attributed"]
                   + KINDS + [f"share_{k}" for k in KINDS]
                   + ["anonymous_share", "anonymous_claims", "anonymity_explained", "explained_share", "hedged",
                      "non_responses", "denials", "sources"])


def export_sourcing_claims(data: ExportData) -> str:
    """One row per claim of each article's latest version, in article and text order.
    Booleans are "true"/"false"; hedges are joined with "; "; anonymity_reason is empty
    where the claim is not on an anonymous source."""
    out, writer = _writer(CLAIM_COLUMNS)
    for article in data.articles:
        document = article.document
        for claim in document.claims:
            writer.writerow({
                **_article_cells(article),
                "claim_id": claim.id, "text": csv_cell(claim.text), "kind": claim.kind or "",
                "source": csv_cell(claim.source), "entity": csv_cell(claim.entity), "via": csv_cell(claim.via),
                "cue": csv_cell(claim.cue), "quote": claim.quote or "", "hedges": csv_cell("; ".join(claim.hedges)),
                "non_response": _flag(claim.non_response), "denial": _flag(claim.denial),
                "anonymity_reason": csv_cell(claim.anonymity_reason),
            })
    return out.getvalue()


def export_sourcing_articles(data: ExportData) -> str:
    """One row per article: claims by kind (count and share of all claims), the share of
    attributed claims resting on anonymous or vague sources (the reader's summary's
    anonymous_share), how many anonymous claims say why (explained_share of them)."""
    out, writer = _writer(ARTICLE_COLUMNS)
    for article in data.articles:
        claims = [c for c in article.document.claims if c.kind]
        by_kind = {k: sum(1 for c in claims if c.kind == k) for k in KINDS}
        attributed = sum(by_kind[k.value] for k in ATTRIBUTED_KINDS)
        unnamed = sum(by_kind[k.value] for k in UNNAMED_KINDS)
        anonymous = [c for c in claims if c.anonymity_reason is not None]
        explained = sum(1 for c in anonymous if c.anonymity_reason)
        writer.writerow({
            **_article_cells(article), "language": article.document.language or "", "claims": len(claims),
            "attributed": attributed, **by_kind, **{f"share_{k}": _share(by_kind[k], len(claims)) for k in KINDS},
            "anonymous_share": _share(unnamed, attributed), "anonymous_claims": len(anonymous),
            "anonymity_explained": explained, "explained_share": _share(explained, len(anonymous)),
            "hedged": sum(1 for c in claims if c.hedges), "non_responses": sum(1 for c in claims if c.non_response),
            "denials": sum(1 for c in claims if c.denial),
            "sources": len({(c.kind, (c.entity or "").casefold()) for c in claims
                            if c.entity and c.kind != SourceKind.UNATTRIBUTED.value}),
        })
    return out.getvalue()


def _writer(columns: list[str]) -> tuple[io.StringIO, csv.DictWriter]:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    return out, writer


def _article_cells(article: ExportArticle) -> dict[str, object]:
    document = article.document
    return {"article_id": article.id, "version": article.version, "url": csv_cell(article.url or document.url),
            "title": csv_cell(article.title), "site": csv_cell(document.site), "published": csv_cell(document.published)}


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _share(part: int, whole: int) -> str:
    """A share with four decimals, empty where there is nothing to share (no claims)."""
    return f"{part / whole:.4f}" if whole else ""
