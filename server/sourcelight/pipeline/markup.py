"""The reader HTML's vocabulary: every class and data- attribute the renderer writes.

One place: render.py writes these, sanitize.py derives its allowlist from them, and
contract.py exports them to the extension (extension/lib/contract.js, generated).
"""
from __future__ import annotations

# Elements
ARTICLE_CLASS = "sl-article"  # the root <article>
SUMMARY_CLASS = "sl-summary"  # <section> on top: what the article rests on
SUMMARY_HEADLINE_CLASS = "sl-summary-headline"  # <p>: the one-sentence headline
KIND_BAR_CLASS = "sl-kind-bar"  # <div>: stacked bar of claim kinds
KIND_SEGMENT_CLASS = "sl-kind-segment"  # <span> in the bar, one per kind present
KIND_LEGEND_CLASS = "sl-kind-legend"  # <ul>: kind, label and count as text
SUMMARY_SOURCES_CLASS = "sl-summary-sources"  # <p>/<ul>: named sources and outlets relied on
HEADER_CLASS = "sl-header"  # <header>: title, byline, date, site, original link
META_CLASS = "sl-meta"  # <p> in the header
BODY_CLASS = "sl-body"  # <div>: the article blocks
BLOCK_CLASS = "sl-block"  # every block element whose text is part of the article text
CLAIM_CLASS = "sl-claim"  # <span>: exactly one per claim
KIND_LABEL_CLASS = "sl-kind-label"  # reserved for a visible label inside a claim (unused in text)
FIGURE_CLASS = "sl-figure"  # <figure>: an image with its caption (no text in the article text)
NOTICE_CLASS = "sl-notice"  # <p>: e.g. "sourcing analysis is not available for this language"

# Attributes
ATTR_BLOCK = "data-block"  # block index (= a claim's "paragraph")
ATTR_BLOCK_START = "data-start"  # offset of the block's first character in the article text
ATTR_CLAIM_ID = "data-claim-id"
ATTR_KIND = "data-kind"  # a SourceKind value, or "none" when sourcing is unavailable
ATTR_KIND_LABEL = "data-kind-label"  # the kind's human label (for CSS content, never colour alone)
ATTR_NOTE = "data-note"  # the claim's plain-sentence note
ATTR_SOURCE = "data-source"
ATTR_VIA = "data-via"
ATTR_QUOTE = "data-quote"  # direct | indirect | none
ATTR_HEDGES = "data-hedges"  # hedges found, joined by ", " (absent when none)
ATTR_NON_RESPONSE = "data-non-response"  # "true" when present
ATTR_DENIAL = "data-denial"  # "true" when present
ATTR_COUNT = "data-count"  # on kind segments and legend items
ATTR_LINKS = "data-links"  # number of links in the claim (absent when none)

# Value used in ATTR_KIND when the language has no lexicon.
KIND_NONE = "none"

# Tags the renderer emits. sanitize.py allows exactly these (plus their attributes below).
TAGS = frozenset({
    "article", "section", "header", "div", "p", "span", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "ul", "ol", "li", "a", "figure", "figcaption", "img", "time", "em", "strong", "pre",
})

CLAIM_ATTRIBUTES = frozenset({
    "class", ATTR_CLAIM_ID, ATTR_KIND, ATTR_KIND_LABEL, ATTR_NOTE, ATTR_SOURCE, ATTR_VIA, ATTR_QUOTE,
    ATTR_HEDGES, ATTR_NON_RESPONSE, ATTR_DENIAL, ATTR_LINKS, "tabindex",
})
BLOCK_ATTRIBUTES = frozenset({"class", ATTR_BLOCK, ATTR_BLOCK_START, "lang"})

# Attributes allowed per tag; "*" applies to every tag.
ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": frozenset({"class", "lang", "dir"}),
    "span": CLAIM_ATTRIBUTES | frozenset({ATTR_COUNT, "role", "aria-label"}),
    "p": BLOCK_ATTRIBUTES,
    "li": BLOCK_ATTRIBUTES | frozenset({ATTR_KIND, ATTR_COUNT}),
    "blockquote": BLOCK_ATTRIBUTES,
    "pre": BLOCK_ATTRIBUTES,
    "h1": BLOCK_ATTRIBUTES, "h2": BLOCK_ATTRIBUTES, "h3": BLOCK_ATTRIBUTES,
    "h4": BLOCK_ATTRIBUTES, "h5": BLOCK_ATTRIBUTES, "h6": BLOCK_ATTRIBUTES,
    "div": frozenset({"class", "role", "aria-label"}),
    "section": frozenset({"class", "aria-label"}),  # the summary section is labelled for screen readers
    "a": frozenset({"href", "title"}),  # rel is set by the sanitizer itself
    "img": frozenset({"src", "alt"}),
    "time": frozenset({"datetime"}),
    "figure": frozenset({"class", ATTR_BLOCK}),
}
