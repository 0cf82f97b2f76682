"""Before trafilatura runs: drop what a reader never sees, and collect what trafilatura drops.

Everything here reads the parsed page (an lxml tree) and returns PageSignals; the only
changes to the tree are removals of hidden elements and small boilerplate boxes.
"""
from __future__ import annotations

import functools
import html as html_lib
import json
import re
from urllib.parse import urljoin

from sourcelight.pipeline.extract import vocabulary as vocab
from sourcelight.pipeline.extract.anchors import placed_images
from sourcelight.pipeline.extract.images import lead_image, page_images
from sourcelight.pipeline.extract.page import page_language
from sourcelight.pipeline.extract.records import PageSignals
from sourcelight.pipeline.extract.text import clean_inline

__all__ = ["collect_signals", "drop_unseen", "canonical_link", "MAX_ANCHOR_TEXTS"]

# Bounds on the link-share check's work: the longest link texts only.
MAX_ANCHOR_TEXTS = 500

# What a reader cannot see is not part of the article (a paywall's locked text, a template).
_HIDDEN_XPATH = (
    "//*[@hidden or @aria-hidden='true' or contains(translate(@style, ' ', ''), 'display:none')"
    " or contains(translate(@style, ' ', ''), 'visibility:hidden')]"
)
# Interface, not text: a player's menus and sliders, dialogs (consent, sign-in), toolbars.
_WIDGET_XPATH = (
    "//*[@role='menu' or @role='menubar' or @role='toolbar' or @role='dialog' or @role='alertdialog'"
    " or @role='slider' or @role='tablist' or @role='search'][not(.//h1)]"
)
_JSON_HEADLINE = re.compile(r'"headline"\s*:\s*"((?:[^"\\]|\\.)*)"')


def drop_unseen(tree) -> frozenset[str]:
    """Remove elements the reader cannot see and small boxes of boilerplate (by class/id token).

    Returns the texts of the page's captions, picture credits, bylines and datelines: header
    or figure material, never article paragraphs (trafilatura sometimes keeps them as such).
    """
    for element in tree.xpath(_HIDDEN_XPATH) + tree.xpath(_WIDGET_XPATH):
        if element.getparent() is not None and element.tag not in ("html", "body", "article", "main"):
            element.drop_tree()
    meta_texts: set[str] = set()
    for caption in tree.iter("figcaption"):
        meta_texts.update(_text_and_parts(caption))
    for element in tree.xpath("//*[@class or @id or @itemprop]"):
        if element.tag in ("html", "body", "article", "main") or element.getparent() is None:
            continue
        kind = _box_kind(element.get("class", ""), element.get("id", ""), element.get("itemprop", ""))
        if kind == _BOILERPLATE:
            if element.find(".//h1") is None and len(element.text_content()) <= vocab.BOILERPLATE_MAX_CHARS:
                element.drop_tree()
        elif kind == _META:
            meta_texts.update(_text_and_parts(element))
    meta_texts.discard("")
    return frozenset(meta_texts)


_BOILERPLATE, _META, _OTHER = "boilerplate", "meta", "other"


@functools.lru_cache(maxsize=8192)
def _box_kind(class_: str, id_: str, itemprop: str) -> str:
    """What a box is by its class/id/itemprop (cached: a page repeats a few class names)."""
    marker = f"{class_} {id_} {itemprop}"
    if vocab.BOILERPLATE.search(marker):
        return _BOILERPLATE
    return _META if vocab.META_BOX.search(marker) else _OTHER


def collect_signals(tree, url: str | None, meta_texts: frozenset[str], *, with_images: bool) -> PageSignals:
    """What trafilatura will not give back: headlines, standfirsts, pictures, link texts."""
    base = _base_url(tree, url)
    images = page_images(tree, base, url) if with_images else {}
    return PageSignals(
        base_url=base,
        language=page_language(tree),
        headlines=tuple(_headline_candidates(tree)),
        standfirsts=_standfirsts(tree),
        anchor_texts=tuple(_anchor_texts(tree)),
        images=images,
        lead_image=lead_image(tree, images, base) if with_images else None,
        canonical_link=canonical_link(tree),
        meta_texts=meta_texts,
        placed_images=placed_images(tree, images, base) if with_images else (),
    )


def _base_url(tree, url: str | None) -> str | None:
    """The address relative links resolve against: <base href> (itself relative to the page), else the page."""
    for base in tree.iter("base"):
        href = (base.get("href") or "").strip()
        if href:
            try:
                return urljoin(url or "", href) or url
            except ValueError:
                return url
    return url


def canonical_link(tree) -> str | None:
    """The page's <link rel="canonical"> address as written (maybe relative), or None."""
    for link in tree.xpath("//link[@href]"):
        if "canonical" in (link.get("rel") or "").lower().split():
            return link.get("href").strip() or None
    return None


def _headline_candidates(tree) -> list[str]:
    """The page's own headlines: JSON-LD headline, then its <h1>s, in document order."""
    candidates: list[str] = []
    for script in tree.xpath("//script[@type='application/ld+json']"):
        match = _JSON_HEADLINE.search(script.text or "")
        if match:
            try:
                # CMSs often write entities into JSON-LD ("doesn&#8217;t").
                candidates.append(clean_inline(html_lib.unescape(json.loads(f'"{match.group(1)}"'))))
            except ValueError:
                pass
    candidates += [clean_inline(h1.text_content()) for h1 in tree.iter("h1")]
    return [c for c in candidates if c]


def _standfirsts(tree) -> dict[str, str]:
    """Each <h1>'s summary printed under it, which trafilatura drops with the header."""
    found: dict[str, str] = {}
    for h1 in tree.iter("h1"):
        for sibling in list(h1.itersiblings())[:4]:
            if not isinstance(sibling.tag, str) or sibling.tag not in ("p", "h2", "h3", "div"):
                continue
            text = clean_inline(sibling.text_content())
            if vocab.STANDFIRST.search(sibling.get("class", "")) and 30 <= len(text) <= 500:
                found.setdefault(clean_inline(h1.text_content()), text)
                break
    return found


def _anchor_texts(tree) -> list[str]:
    """The page's link texts, longest first (extraction may drop the links but keep their text)."""
    texts = {" ".join(a.text_content().split()) for a in tree.iter("a")}
    # Short link texts ("Iran", "Home") also occur as words of the article itself.
    return sorted((t for t in texts if len(t) >= 12), key=len, reverse=True)[:MAX_ANCHOR_TEXTS]


def _text_and_parts(element) -> list[str]:
    text = clean_inline(element.text_content())
    if not text or len(text) > vocab.META_MAX_CHARS:
        return []
    # The parts too: extraction may keep only the box's own words ("Last updated") or one child.
    return [text, clean_inline(element.text)] + [clean_inline(child.text_content())
                                                for child in element if isinstance(child.tag, str)]
