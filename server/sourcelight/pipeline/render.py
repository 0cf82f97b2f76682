"""Rendering: the annotated article as reader HTML (other formats: sourcelight/outputs.py).

Reader HTML invariant (the extension relies on it to map selections to offsets): every
element with class ``sl-block`` has ``data-start`` = the offset of its block in the
article text, and its textContent is exactly that block's text. Every claim is one
``sl-claim`` span carrying the data- attributes of markup.py; nothing here decides how a
claim is sourced, it only writes down what attribution found.
"""
from __future__ import annotations

from html import escape
from itertools import groupby

from sourcelight.pipeline import markup as m
from sourcelight.pipeline.attribution.summary import sources_sentence
from sourcelight.pipeline.model import (
    KIND_LABELS, Article, Block, BlockKind, Claim, SourceKind, SourcingSummary,
)

__all__ = ["render_reader"]


def render_reader(article: Article, claims: tuple[Claim, ...], summary: SourcingSummary,
                  language: str = "en") -> str:
    """The reader's HTML fragment: summary on top, then header, then the article body.
    ``language`` is the article's: the summary's sentences are written in it."""
    by_block: dict[int, list[Claim]] = {}
    for claim in claims:
        by_block.setdefault(claim.paragraph, []).append(claim)
    title_blocks = [b for b in article.blocks if b.kind is BlockKind.TITLE]
    body_blocks = [b for b in article.blocks if b.kind is not BlockKind.TITLE]
    lang = f' lang="{_attr(article.lang_hint)}"' if article.lang_hint else ""
    parts = [f'<article class="{m.ARTICLE_CLASS}"{lang}>', _summary_html(summary, language)]
    parts.append(_header_html(article, title_blocks, by_block))
    parts.append(f'<div class="{m.BODY_CLASS}">')
    parts.extend(_body_html(body_blocks, by_block))
    parts.append("</div></article>")
    return "".join(parts)


# -- summary and header ------------------------------------------------------------------------

def _summary_html(summary: SourcingSummary, language: str) -> str:
    if not summary.available:
        return (f'<section class="{m.SUMMARY_CLASS}" aria-label="Sourcing summary">'
                f'<p class="{m.NOTICE_CLASS}">{escape(summary.headline)}</p></section>')
    parts = [f'<section class="{m.SUMMARY_CLASS}" aria-label="Sourcing summary">',
             f'<p class="{m.SUMMARY_HEADLINE_CLASS}">{escape(summary.headline)}</p>']
    present = [(kind, summary.by_kind.get(kind.value, 0)) for kind in SourceKind]
    present = [(kind, count) for kind, count in present if count]
    description = "; ".join(f"{KIND_LABELS[k]}: {c}" for k, c in present)
    parts.append(f'<div class="{m.KIND_BAR_CLASS}" role="img" aria-label="{_attr("Claims by kind: " + description)}">')
    for kind, count in present:
        parts.append(f'<span class="{m.KIND_SEGMENT_CLASS}" {m.ATTR_KIND}="{kind.value}" '
                     f'{m.ATTR_KIND_LABEL}="{_attr(KIND_LABELS[kind])}" {m.ATTR_COUNT}="{count}"></span>')
    parts.append(f'</div><ul class="{m.KIND_LEGEND_CLASS}">')
    for kind, count in present:
        parts.append(f'<li {m.ATTR_KIND}="{kind.value}" {m.ATTR_COUNT}="{count}">'
                     f'{escape(KIND_LABELS[kind])}: {count}</li>')
    parts.append("</ul>")
    sources = sources_sentence(summary, language)
    if sources:
        parts.append(f'<p class="{m.SUMMARY_SOURCES_CLASS}">{escape(sources)}</p>')
    parts.append("</section>")
    return "".join(parts)


def _header_html(article: Article, title_blocks: list[Block], by_block: dict[int, list[Claim]]) -> str:
    parts = [f'<header class="{m.HEADER_CLASS}">']
    for block in title_blocks:
        parts.append(_block_element("h1", block, by_block))
    meta = []
    if article.byline:
        meta.append(f"<span>{escape(article.byline)}</span>")
    if article.published:
        meta.append(f'<time datetime="{_attr(article.published)}">{escape(article.published)}</time>')
    if article.site:
        meta.append(f"<span>{escape(article.site)}</span>")
    original = article.canonical_url or article.url
    if original:
        meta.append(f'<a href="{_attr(original)}">Original page</a>')
    if meta:
        parts.append(f'<p class="{m.META_CLASS}">' + " · ".join(meta) + "</p>")
    # Credit lines sit with the byline: header material, outside the article text and its claims.
    if article.credits:
        parts.append(f'<p class="{m.META_CLASS}">' + " · ".join(escape(c) for c in article.credits) + "</p>")
    parts.append("</header>")
    return "".join(parts)


# -- body ----------------------------------------------------------------------------------------

def _body_html(blocks: list[Block], by_block: dict[int, list[Claim]]) -> list[str]:
    parts: list[str] = []
    for list_key, group in groupby(blocks, key=_list_key):
        group = list(group)
        if list_key is not None:
            tag = "ol" if group[0].ordered else "ul"
            parts.append(f"<{tag}>" + "".join(_block_element("li", b, by_block) for b in group) + f"</{tag}>")
            continue
        for block in group:
            parts.append(_single_block_html(block, by_block))
    return parts


def _list_key(block: Block) -> int | None:
    return block.level if block.kind is BlockKind.LIST_ITEM else None


def _single_block_html(block: Block, by_block: dict[int, list[Claim]]) -> str:
    if block.kind is BlockKind.IMAGE and block.image is not None:
        image = block.image
        caption = f"<figcaption>{escape(image.caption)}</figcaption>" if image.caption else ""
        return (f'<figure class="{m.FIGURE_CLASS}" {m.ATTR_BLOCK}="{block.index}">'
                f'<img src="{_attr(image.src)}" alt="{_attr(image.alt)}">{caption}</figure>')
    tag = {BlockKind.HEADING: f"h{min(max(block.level, 2), 6)}", BlockKind.QUOTE: "blockquote",
           BlockKind.CODE: "pre"}.get(block.kind, "p")
    return _block_element(tag, block, by_block)


def _block_element(tag: str, block: Block, by_block: dict[int, list[Claim]]) -> str:
    inner = _inline_html(block, sorted(by_block.get(block.index, ()), key=lambda c: c.start))
    return (f'<{tag} class="{m.BLOCK_CLASS}" {m.ATTR_BLOCK}="{block.index}" '
            f'{m.ATTR_BLOCK_START}="{block.start}">{inner}</{tag}>')


def _inline_html(block: Block, claims: list[Claim]) -> str:
    """The block's text with claim spans outermost and links split at claim edges."""
    cuts = {block.start, block.end}
    for claim in claims:
        cuts.update((claim.start, claim.end))
    for link in block.links:
        cuts.update((link.start, link.end))
    points = sorted(p for p in cuts if block.start <= p <= block.end)
    out: list[str] = []
    open_claim: Claim | None = None
    open_link = None
    claim_at = _Covering(claims)
    link_at = _Covering(sorted(block.links, key=lambda lk: lk.start))
    for a, b in zip(points, points[1:]):
        claim, link = claim_at.over(a, b), link_at.over(a, b)
        if (claim is not open_claim or link is not open_link) and open_link is not None:
            out.append("</a>")
            open_link = None
        if claim is not open_claim:
            if open_claim is not None:
                out.append("</span>")
            if claim is not None:
                out.append(_claim_open_tag(claim))
            open_claim = claim
        if link is not None and open_link is None:
            out.append(f'<a href="{_attr(link.href)}">')
            open_link = link
        out.append(escape(block.text[a - block.start:b - block.start], quote=False))
    if open_link is not None:
        out.append("</a>")
    if open_claim is not None:
        out.append("</span>")
    return "".join(out)


class _Covering:
    """The first of spans sorted by start that covers each of a run of stretches, asked left
    to right: one pass over the spans for the whole block (a paragraph of 20,000 claims or
    links, asked about each stretch from the start, took seconds per page)."""

    def __init__(self, spans):
        self.spans, self.next = spans, 0

    def over(self, a: int, b: int):
        # a span that ends before b covers neither this stretch nor any later one
        while self.next < len(self.spans) and self.spans[self.next].end < b:
            self.next += 1
        if self.next < len(self.spans) and self.spans[self.next].start <= a:
            return self.spans[self.next]
        return None


def _claim_open_tag(claim: Claim) -> str:
    sourcing = claim.sourcing
    kind = sourcing.kind.value if sourcing else m.KIND_NONE
    label = KIND_LABELS[sourcing.kind] if sourcing else "Not analysed"
    attrs = [
        ("class", m.CLAIM_CLASS), (m.ATTR_CLAIM_ID, claim.id), (m.ATTR_KIND, kind),
        (m.ATTR_KIND_LABEL, label), (m.ATTR_NOTE, claim.note), ("tabindex", "0"),
    ]
    if sourcing is not None:
        attrs.append((m.ATTR_QUOTE, sourcing.quote.value))
        if sourcing.source:
            attrs.append((m.ATTR_SOURCE, sourcing.source))
        if sourcing.via:
            attrs.append((m.ATTR_VIA, sourcing.via))
    if claim.hedges:
        attrs.append((m.ATTR_HEDGES, ", ".join(claim.hedges)))
    if claim.non_response:
        attrs.append((m.ATTR_NON_RESPONSE, "true"))
    if claim.denial:
        attrs.append((m.ATTR_DENIAL, "true"))
    if claim.links:
        attrs.append((m.ATTR_LINKS, str(len(claim.links))))
    return "<span " + " ".join(f'{name}="{_attr(value)}"' for name, value in attrs) + ">"


def _attr(value: str) -> str:
    return escape(value, quote=True)
