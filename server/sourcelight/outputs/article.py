"""An annotated article as a standalone page and as Markdown (the CLI's outputs)."""
from __future__ import annotations

import re

from sourcelight.outputs.escaping import escape_html, escape_markdown, markdown_url
from sourcelight.pipeline.model import AnnotatedArticle, BlockKind, Claim

__all__ = ["render_standalone", "render_markdown"]

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
figure img{max-width:100%}pre{white-space:pre-wrap;overflow-wrap:anywhere}figcaption{font:14px system-ui,sans-serif;color:#555}
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
        if block.kind is BlockKind.CODE:
            # (a fence longer than any run of backticks in the code itself)
            fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", block.text)), default=0))
            lines += [fence, block.text, fence, ""]
            continue
        rendered = " ".join(f"{escape_markdown(c.text)}[^{c.id}]" for c in claims_by_block.get(block.index, ()))
        prefix = {BlockKind.HEADING: "## ", BlockKind.QUOTE: "> ", BlockKind.LIST_ITEM: "- "}.get(block.kind, "")
        lines += [prefix + (rendered or escape_markdown(block.text)), ""]
        footnotes += [f"[^{c.id}]: {escape_markdown(c.note)}" for c in claims_by_block.get(block.index, ())]
    return "\n".join(lines + footnotes).rstrip() + "\n"
