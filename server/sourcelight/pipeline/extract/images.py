"""Images a reader can load: one absolute, safe address per picture, its alt text and caption.

Pages lazy-load pictures (the real address in data-src / data-srcset / srcset, a placeholder
or nothing in src), write them relative to the page or its <base>, and offer several sizes in
srcset. The reader shows the page's pictures from another origin (the extension page), so
each picture gets one absolute http(s) address; a picture with none is dropped, never shown
broken.
"""
from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from sourcelight.pipeline.extract.text import clean_inline
from sourcelight.pipeline.model import Image

__all__ = ["image_address", "image_aliases", "page_images", "lead_image", "graphic_image", "best_srcset_candidate",
           "safe_address"]

# Lazy-loading attributes, most specific first (what lazysizes, WordPress and CMS themes write).
_LAZY_SOURCES = ("data-src", "data-lazy-src", "data-original", "data-lazy", "data-url", "data-hi-res-src",
                 "data-full-src")
_LAZY_SRCSETS = ("data-srcset", "data-lazy-srcset", "srcset")
# The widest srcset candidate the reader needs (a 40rem column on a 2x screen).
MAX_USEFUL_WIDTH = 1600
# A srcset entry: an address, then an optional "640w" / "2x" descriptor.
_SRCSET_ENTRY = re.compile(r"\s*(\S+?)(?:\s+(\d+(?:\.\d+)?)([wx]))?\s*(?:,|$)")
# Placeholder file names lazy loaders put in src until the real picture arrives.
_PLACEHOLDER = re.compile(r"(?:^|/)(?:blank|spacer|placeholder|transparent|pixel|grey|gray|lazy|loading)"
                          r"[\w-]*\.(?:gif|png|svg|jpg)$", re.IGNORECASE)


def safe_address(raw: str | None, base: str | None) -> str | None:
    """``raw`` resolved against ``base`` when it is an http(s) address with a host, else None.

    data:, blob:, javascript: and relative addresses with no page URL to resolve them
    against cannot load in the reader (or must not), so they give None.
    """
    raw = (raw or "").strip()
    if not raw or raw.startswith(("data:", "blob:", "javascript:", "about:")):
        return None
    try:
        address = urljoin(base or "", raw)
        parts = urlsplit(address)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.username or parts.password:
        return None
    if _PLACEHOLDER.search(parts.path):
        return None
    return address


def best_srcset_candidate(srcset: str | None) -> str | None:
    """The one srcset address to use: the widest up to MAX_USEFUL_WIDTH (or 2x), else the narrowest."""
    candidates: list[tuple[float, str]] = []
    for match in _SRCSET_ENTRY.finditer(srcset or ""):
        address, size, unit = match.group(1), match.group(2), match.group(3)
        if not address:
            continue
        width = float(size) * (800 if unit == "x" else 1) if size else 800.0
        candidates.append((width, address.rstrip(",")))
    if not candidates:
        return None
    fitting = [c for c in candidates if c[0] <= MAX_USEFUL_WIDTH]
    return max(fitting)[1] if fitting else min(candidates)[1]


def image_address(img, base: str | None) -> str | None:
    """The address a reader should load for an <img> (lazy attributes, srcset, <picture>, src)."""
    for name in _LAZY_SOURCES:
        address = safe_address(img.get(name), base)
        if address:
            return address
    # The page's own src before srcset: the address its author chose for every browser.
    for name in _LAZY_SRCSETS[:-1]:
        address = safe_address(best_srcset_candidate(img.get(name)), base)
        if address:
            return address
    address = safe_address(img.get("src"), base)
    if address:
        return address
    address = safe_address(best_srcset_candidate(img.get("srcset")), base)
    if address:
        return address
    parent = img.getparent()
    if parent is not None and parent.tag == "picture":
        for source in parent.iter("source"):
            address = safe_address(best_srcset_candidate(source.get("srcset") or source.get("data-srcset")), base)
            if address:
                return address
    return None


def image_aliases(img, bases: tuple[str | None, ...]) -> set[str]:
    """The addresses trafilatura may give for an <img> (src or a data-src* attribute, as
    written or resolved against the page): how its copy is matched back to the picture."""
    aliases = set()
    for name, value in img.attrib.items():
        if name != "src" and not name.startswith("data-src"):
            continue
        value = value.strip()
        if not value or value.startswith("data:") or " " in value:
            continue
        aliases.add(value)
        for base in bases:
            if base:
                try:
                    aliases.add(urljoin(base, value))
                except ValueError:
                    continue
    return aliases


def page_images(tree, base: str | None, page_url: str | None) -> dict[str, Image]:
    """Every loadable <img> of the page by each of its aliases, with alt text and figure caption."""
    images: dict[str, Image] = {}
    for img in tree.iter("img"):
        address = image_address(img, base)
        if address is None:
            continue
        figure = next((a for a in img.iterancestors("figure")), None)
        caption_el = next(figure.iter("figcaption"), None) if figure is not None else None
        caption = clean_inline(caption_el.text_content()) if caption_el is not None else ""
        image = Image(src=address, alt=clean_inline(img.get("alt")), caption=caption)
        for alias in image_aliases(img, (base, page_url)) | {address}:
            images.setdefault(alias, image)
    return images


def lead_image(tree, images: dict[str, Image], base: str | None) -> Image | None:
    """The article's lead picture: the first <figure> with a loadable picture inside its
    <article> (or <main>); None when there is none (a figure may hold a video or a chart)."""
    for container in tree.xpath("(//article | //main)[1]"):
        for figure in container.iter("figure"):
            for img in figure.iter("img"):
                address = image_address(img, base)
                if address is not None:
                    return images.get(address) or Image(src=address, alt=clean_inline(img.get("alt")))
    return None


def graphic_image(element, images: dict[str, Image], base: str | None) -> Image | None:
    """trafilatura's <graphic> matched back to the page's picture, or None if it cannot load."""
    raw = (element.get("src") or "").strip()
    if raw:
        try:
            resolved = urljoin(base or "", raw)
        except ValueError:
            resolved = raw
        known = images.get(raw) or images.get(resolved)
        if known is not None:
            return known
    address = safe_address(raw, base)
    if address is None:
        return None
    return Image(src=address, alt=clean_inline(element.get("alt")), caption=clean_inline(element.get("title")))
