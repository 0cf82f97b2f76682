"""Extraction: a page's HTML (or plain text) in, the Article alone out.

The steps, each its own module, pass the records of records.py:
page (decode, budgets, parse) → signals (drop what nobody sees, collect what trafilatura
drops: anchors, images) → main_text (trafilatura) → metadata (header) → blocks (XML body →
pieces, links and pictures put back) → clutter (lines that are not article text) → assemble (the Article and its last checks).
"""
from __future__ import annotations

import dataclasses
import re
from urllib.parse import urlsplit

from sourcelight.errors import NoArticleFound, PayloadTooLarge, SourcelightError
from sourcelight.pipeline.extract.anchors import with_images, with_links
from sourcelight.pipeline.extract.assemble import assemble_article, check_is_article
from sourcelight.pipeline.extract.blocks import pieces_from_body
from sourcelight.pipeline.extract.clutter import tidy_pieces, tidy_text_pieces
from sourcelight.pipeline.extract.main_text import find_main_text
from sourcelight.pipeline.extract.metadata import article_metadata, canonical, site_of
from sourcelight.pipeline.extract.page import (
    check_page_size, check_tree_budget, decode_page, drop_invisible, parse_page,
)
from sourcelight.pipeline.extract.records import Metadata, Piece
from sourcelight.pipeline.extract.signals import canonical_link, collect_signals, drop_unseen
from sourcelight.pipeline.extract.text import clean_inline, clean_plain
from sourcelight.pipeline.model import Article, BlockKind
from sourcelight.pipeline.options import PipelineOptions, setting_name
from sourcelight.pipeline.urls import canonicalize_url

__all__ = ["extract_article", "article_from_text", "canonicalize_url", "decode_page", "declared_url",
           "prepare_extraction"]

_BLANK_LINES = re.compile(r"\n\s*\n")


def extract_article(
    html: str | bytes,
    url: str | None = None,
    *,
    lang_hint: str | None = None,
    title_hint: str | None = None,
    options: PipelineOptions,
) -> Article:
    """Find the article in a page.

    Raises PayloadTooLarge (page over its size budget), PageTooComplex (too many elements,
    too deep, too much visible text), NoArticleFound (nothing that reads like an article).
    """
    page = decode_page(html)
    check_page_size(page, options)
    tree = parse_page(page)
    check_tree_budget(tree, options)
    drop_invisible(tree)
    meta_texts = drop_unseen(tree)
    signals = collect_signals(tree, url, meta_texts, with_images=options.include_images)
    extraction = find_main_text(tree, url, options)
    header = article_metadata(extraction, signals, url, title_hint)
    pieces = pieces_from_body(extraction.body, header.title, signals, with_images=options.include_images)
    pieces = with_images(with_links(pieces, tree, signals.base_url), signals.placed_images)
    pieces = _with_lead_image(_with_standfirst(pieces, signals.standfirsts.get(header.title)), signals.lead_image)
    tidied = tidy_pieces(pieces, signals, title=header.title, byline=header.byline)
    header = dataclasses.replace(header, credits=tidied.credits)
    article = assemble_article(tidied.pieces, header, url=url, lang_hint=lang_hint or signals.language,
                               options=options)
    check_is_article(article, signals.anchor_texts, options)
    return article


def article_from_text(
    text: str,
    url: str | None = None,
    *,
    title: str | None = None,
    lang_hint: str | None = None,
    options: PipelineOptions,
) -> Article:
    """Build an Article from plain text: blank lines separate paragraphs.

    Raises PayloadTooLarge, NoArticleFound.
    """
    text = decode_page(text)
    if len(text) > options.max_text_chars:
        raise PayloadTooLarge(f"the text is longer than {options.max_text_chars:,} characters "
                              f"(the limit is set by {setting_name('max_text_chars')})")
    paragraphs = [clean_plain(p) for p in _BLANK_LINES.split(text.replace("\r\n", "\n"))]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        raise NoArticleFound("the text is empty")
    tidied = tidy_text_pieces([Piece(BlockKind.PARAGRAPH, p) for p in paragraphs])
    if not tidied.pieces:
        raise NoArticleFound("the text has only credit lines")
    header = Metadata(title=clean_inline(title), byline=None, site=urlsplit(url).hostname if url else None,
                      published=None, canonical_url=canonical(None, url), credits=tidied.credits)
    return assemble_article(list(tidied.pieces), header, url=url, lang_hint=lang_hint, options=options)


def declared_url(html: str | bytes) -> str | None:
    """The address a saved page says it has (<link rel=canonical>, then og:url), if absolute.

    For pages saved without their address (a batch of files): relative links and pictures
    then resolve as they did on the web. Never raises; None when the page names no address.
    """
    try:
        tree = parse_page(decode_page(html))
    except SourcelightError:
        return None
    candidates = [canonical_link(tree)] + tree.xpath("//meta[@property='og:url']/@content")
    return next((canonicalize_url(c) for c in candidates if c and canonicalize_url(c)), None)


def _with_standfirst(pieces: list[Piece], standfirst: str | None) -> list[Piece]:
    if not standfirst or any(standfirst in p.text for p in pieces):
        return pieces
    return [Piece(BlockKind.PARAGRAPH, standfirst), *pieces]


def _with_lead_image(pieces: list[Piece], lead) -> list[Piece]:
    if lead is None or any(p.kind is BlockKind.IMAGE and p.image.src == lead.src for p in pieces):
        return pieces
    return [Piece(BlockKind.IMAGE, image=lead), *pieces]


def prepare_extraction() -> None:
    """Read the Public Suffix List now (the first page's site name would wait for it)."""
    site_of("https://example.com/")
