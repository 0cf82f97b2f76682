"""Every output format, and its one escaping rule: the standalone page and Markdown of an
annotated article (the CLI), and the export of highlights as W3C Web Annotation JSON-LD,
Markdown and CSV (the API). The CLI and the export share the rules below, so that text a
page supplied (its title, site name, byline, quotes) is inert in every format.

Pure: takes the pipeline's AnnotatedArticle or the store's ExportData, returns text.
"""
from __future__ import annotations

import csv
import io
import re
from html import escape
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from sourcelight.pipeline.model import AnnotatedArticle, BlockKind, Claim

if TYPE_CHECKING:
    from sourcelight.store.export import ExportArticle, ExportData

__all__ = [
    "escape_html", "escape_markdown", "markdown_url", "csv_cell",
    "render_standalone", "render_markdown", "export_jsonld", "export_markdown", "export_csv",
    "JSONLD_CONTEXT", "CSV_COLUMNS",
]

# -- the escaping rules, one per format ------------------------------------------------------------

_MARKDOWN_SPECIAL = set("\\`*_[]<>#|!&~")
_WHITESPACE_RUN = re.compile(r"\s+")


def escape_html(text: str) -> str:
    """HTML text or attribute value: & < > " ' as character references."""
    return escape(text, quote=True)


def escape_markdown(text: str) -> str:
    """Page-supplied text as literal Markdown on one line: every character Markdown or inline
    HTML could act on is backslash-escaped ("<img …>" stays text, "*Daesh" stays a word), and
    line breaks become spaces, so that no value can start a heading, list or quote."""
    flat = _WHITESPACE_RUN.sub(" ", text).strip()
    escaped = "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in flat)
    # A line may not begin as a list item, heading underline or numbered item either.
    return re.sub(r"^([-+=]|\d+[.)])", lambda m: "\\" + m.group(1) if m.group(1)[0] in "-+=" else
                  m.group(1)[:-1] + "\\" + m.group(1)[-1], escaped)


def escape_markdown_block(text: str) -> str:
    """Like escape_markdown, but paragraph breaks (blank lines) are kept."""
    return "\n\n".join(escape_markdown(part) for part in re.split(r"\n\s*\n", text) if part.strip())


def markdown_url(url: str) -> str:
    """A URL as a Markdown link target <…>: only http(s), and no character that ends it."""
    if not re.match(r"^https?://", url, re.IGNORECASE):
        return ""
    return "<" + quote(url, safe=":/?#[]@!$&'()*+,;=%~-._") + ">"


def csv_cell(value: str | None) -> str:
    """A spreadsheet cell: a value starting with = + - @ (or tab, CR) is run as a formula by
    spreadsheets (CSV injection), so it gets a leading apostrophe."""
    value = value or ""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


# -- an annotated article: standalone page and Markdown (the CLI) ---------------------------------

_STANDALONE_CSS = """
body{margin:0;background:#fbfaf7;color:#1d1d1f;font:19px/1.6 Georgia,'Times New Roman',serif}
.sl-article{max-width:40rem;margin:2rem auto;padding:0 1.2rem}
.sl-summary{font:15px/1.5 system-ui,sans-serif;border:1px solid #ddd;border-radius:8px;padding:.8rem 1rem;background:#fff}
.sl-summary-headline{font-weight:600;margin:0 0 .6rem}
.sl-kind-bar{display:flex;height:.7rem;border-radius:4px;overflow:hidden;margin-bottom:.4rem}
.sl-kind-legend{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.3rem 1rem}
.sl-meta{font:14px system-ui,sans-serif;color:#555}
.sl-claim{border-bottom:2px solid var(--c);cursor:help}
.sl-claim::before{content:attr(data-kind-label);font:600 10px system-ui,sans-serif;text-transform:uppercase;color:var(--c);margin-right:.25em}
.sl-claim:hover::after,.sl-claim:focus::after{content:" [" attr(data-note) "]";font:13px system-ui,sans-serif;color:#444}
figure img{max-width:100%}figcaption{font:14px system-ui,sans-serif;color:#555}
[data-kind=named_person]{--c:#1b7f3b}[data-kind=organization]{--c:#1f5fa8}[data-kind=media]{--c:#7a4fb3}
[data-kind=document]{--c:#0f7c7c}[data-kind=anonymous]{--c:#c0392b}[data-kind=vague]{--c:#c77d00}
[data-kind=unattributed]{--c:#8a8a8a}[data-kind=none]{--c:#8a8a8a}
.sl-kind-segment{background:var(--c)}.sl-kind-legend li::before{content:"\\25A0 ";color:var(--c)}
"""


def render_standalone(article: AnnotatedArticle) -> str:
    """A complete page a person can open from disk: the reader HTML plus styles, no scripts."""
    widths = "".join(
        f'.sl-kind-segment[data-kind="{escape_html(str(kind))}"]{{flex-grow:{int(count)}}}'
        for kind, count in article.summary.by_kind.items()
    )
    csp = "default-src 'none'; img-src https: http:; style-src 'unsafe-inline'"
    return (
        f'<!DOCTYPE html>\n<html lang="{escape_html(article.language)}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
        f'<meta name="referrer" content="no-referrer">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape_html(article.title or 'Article')} · sourcelight</title>"
        f"<style>{_STANDALONE_CSS}{widths}</style></head><body>{article.html}</body></html>"
    )


def render_markdown(article: AnnotatedArticle) -> str:
    """The article as Markdown, each claim's sourcing note as a footnote."""
    claims_by_block: dict[int, list[Claim]] = {}
    for claim in article.claims:
        claims_by_block.setdefault(claim.paragraph, []).append(claim)
    title_block = next((b for b in article.blocks if b.kind is BlockKind.TITLE), None)
    title_claims = claims_by_block.get(title_block.index, []) if title_block else []
    title = " ".join(f"{escape_markdown(c.text)}[^{c.id}]" for c in title_claims) or escape_markdown(article.title or "Untitled")
    lines = [f"# {title}", ""]
    footnotes = [f"[^{c.id}]: {escape_markdown(c.note)}" for c in title_claims]
    meta = [escape_markdown(x) for x in (article.byline, article.published, article.site) if x]
    link = markdown_url(article.canonical_url or article.url or "")
    if link:
        meta.append(link)
    if meta:
        lines += [" · ".join(meta), ""]
    lines += [f"> **Sourcing:** {escape_markdown(article.summary.headline)}", ""]
    for block in article.blocks:
        if block.kind in (BlockKind.TITLE, BlockKind.IMAGE):
            continue
        rendered = " ".join(f"{escape_markdown(c.text)}[^{c.id}]" for c in claims_by_block.get(block.index, ()))
        prefix = {BlockKind.HEADING: "## ", BlockKind.QUOTE: "> ", BlockKind.LIST_ITEM: "- "}.get(block.kind, "")
        lines += [prefix + (rendered or escape_markdown(block.text)), ""]
        footnotes += [f"[^{c.id}]: {escape_markdown(c.note)}" for c in claims_by_block.get(block.index, ())]
    return "\n".join(lines + footnotes).rstrip() + "\n"


# -- the export of highlights (the API) -----------------------------------------------------------

JSONLD_CONTEXT = ["http://www.w3.org/ns/anno.jsonld", {"sl": "urn:sourcelight:terms#"}]
CSV_COLUMNS = ["article_title", "article_url", "site", "published", "quote", "note", "label", "tags",
               "claim_kind", "claim_note", "created", "updated", "highlight_id", "article_id"]


def export_jsonld(data: ExportData) -> dict[str, Any]:
    """A W3C Web Annotation AnnotationCollection; "sl:articles" carries the stored articles, so
    that importing it into an empty sourcelight restores the notebook exactly."""
    articles = {a.id: a for a in data.articles}
    items = [_annotation(h, articles[h["article_id"]]) for h in data.highlights]
    return {
        "@context": JSONLD_CONTEXT,
        "id": "urn:sourcelight:export" + (f":{data.article_id}" if data.article_id else ""),
        "type": "AnnotationCollection",
        "label": "sourcelight highlights",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
        "sl:articles": [a.record for a in data.articles],
    }


def export_markdown(data: ExportData) -> str:
    """Highlights grouped by article; page-supplied text escaped, the reader's notes as written."""
    lines = ["# sourcelight highlights", ""]
    for article in data.articles:
        document = article.document
        url = article.url or document.url or ""
        title = escape_markdown(article.title or url)
        target = markdown_url(url)
        lines.append(f"## [{title}]({target})" if target else f"## {title}")
        # The publication date when the page gave one, else the day it was first saved.
        date = document.published or "saved " + article.created[:10]
        lines.append(" · ".join(escape_markdown(x) for x in (document.site, date) if x))
        lines.append("")
        for highlight in (h for h in data.highlights if h["article_id"] == article.id):
            quoted = escape_markdown_block(highlight["quote"]["exact"]).replace("\n", "\n> ")
            lines.append("> " + quoted)
            tags = [f"**{highlight['label']}**"] if highlight["label"] else []
            tags += ["#" + escape_markdown(t) for t in highlight["tags"]]
            if tags:
                lines += ["", " ".join(tags)]
            if highlight["note"]:
                lines += ["", highlight["note"]]  # the reader's own Markdown
            claim = document.claim(highlight["claim_id"])
            if claim and claim.note:
                lines += ["", f"*Sourcing:* {escape_markdown(claim.note)}"]
            if highlight["orphaned"]:
                lines += ["", "*This passage is no longer in the latest version of the article.*"]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def export_csv(data: ExportData) -> str:
    """One row per highlight, for spreadsheets (every text cell through csv_cell)."""
    articles = {a.id: a for a in data.articles}
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for highlight in data.highlights:
        article = articles[highlight["article_id"]]
        claim = article.document.claim(highlight["claim_id"])
        writer.writerow({
            "article_title": csv_cell(article.title), "article_url": csv_cell(article.url),
            "site": csv_cell(article.document.site), "published": csv_cell(article.document.published),
            "quote": csv_cell(highlight["quote"]["exact"]), "note": csv_cell(highlight["note"]),
            "label": highlight["label"] or "", "tags": csv_cell(", ".join(highlight["tags"])),
            "claim_kind": (claim.kind or "") if claim else "", "claim_note": csv_cell(claim.note) if claim else "",
            "created": highlight["created"], "updated": highlight["updated"], "highlight_id": highlight["id"],
            "article_id": highlight["article_id"],
        })
    return out.getvalue()


def _annotation(highlight: dict[str, Any], article: ExportArticle) -> dict[str, Any]:
    bodies: list[dict[str, Any]] = []
    if highlight["note"]:
        bodies.append({"type": "TextualBody", "value": highlight["note"], "format": "text/markdown",
                       "purpose": "commenting"})
    if highlight["label"]:
        bodies.append({"type": "TextualBody", "value": highlight["label"], "purpose": "classifying"})
    bodies += [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in highlight["tags"]]
    quote_, position = highlight["quote"], highlight["position"]
    return {
        "id": f"urn:uuid:{highlight['id']}",
        "type": "Annotation",
        "motivation": "commenting" if highlight["note"] else "highlighting",
        "created": highlight["created"],
        "modified": highlight["updated"],
        "body": bodies,
        "target": {
            "type": "SpecificResource",
            "source": article.url or f"urn:sourcelight:article:{article.id}",
            "selector": [
                {"type": "TextQuoteSelector", "exact": quote_["exact"], "prefix": quote_["prefix"],
                 "suffix": quote_["suffix"]},
                {"type": "TextPositionSelector", "start": position["start"], "end": position["end"]},
            ],
        },
        "sl:highlight": {"article_id": highlight["article_id"], "version": highlight["version"],
                         "claim_id": highlight["claim_id"], "color": highlight["color"], "anchor": highlight["anchor"]},
    }
