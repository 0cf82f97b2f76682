"""Where the page's links and pictures sit: found in the page itself, put back on the pieces.

trafilatura keeps more clutter when asked for links and images (measured in
docs/extraction.md), so it runs without them. Each link is recovered from the page's own
paragraph with the same text; each picture goes after the last paragraph that precedes it
on the page, when that paragraph is part of the article.
"""
from __future__ import annotations

import dataclasses

from sourcelight.pipeline.extract.images import image_address
from sourcelight.pipeline.extract.records import Piece
from sourcelight.pipeline.extract.text import LinkSpan, TextBuilder, clean_inline, link_target
from sourcelight.pipeline.model import BlockKind, Image

__all__ = ["block_links", "placed_images", "with_links", "with_images"]

# Elements whose text trafilatura keeps as one piece.
TEXT_BLOCKS = ("p", "li", "blockquote", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "td", "th", "pre", "figcaption")
# Pictures smaller than this on either side are icons, avatars and tracking pixels.
MIN_PICTURE_SIDE = 80


def block_links(tree, base: str | None, texts: set[str]) -> dict[str, tuple[LinkSpan, ...]]:
    """{text: its links} for the page's text blocks holding links whose text is one of ``texts``."""
    found: dict[str, tuple[LinkSpan, ...]] = {}
    seen: set = set()
    for anchor in tree.iter("a"):
        block = next((a for a in anchor.iterancestors(*TEXT_BLOCKS)), None)
        # Each block once: a layout cell may hold hundreds of links.
        if block is None or block in seen:
            continue
        seen.add(block)
        if clean_inline(block.text_content()) not in texts:
            continue
        builder = TextBuilder()
        _walk(block, builder, base, top=True)
        text, links = builder.finish()
        if links:
            found.setdefault(text, links)
    return found


def _walk(element, builder: TextBuilder, base: str | None, top: bool) -> None:
    if not isinstance(element.tag, str):  # comments, processing instructions
        if not top:
            builder.add(element.tail or "")
        return
    if element.tag == "br":
        builder.add(" ")
    href = link_target(element.get("href"), base) if element.tag == "a" else None
    start = builder.mark()
    builder.add(element.text or "")
    for child in element:
        _walk(child, builder, base, top=False)
    if href:
        builder.link(href, start)
    if not top:
        builder.add(element.tail or "")


def placed_images(tree, images: dict[str, Image], base: str | None) -> tuple[tuple[str, Image], ...]:
    """(text of the block just before the picture on the page, picture), in page order."""
    placed: list[tuple[str, Image]] = []
    last_block = None
    for element in tree.iter("img", *TEXT_BLOCKS):
        if element.tag != "img":
            last_block = element  # its text is read only if a picture follows (few do)
            continue
        if last_block is None or _is_small(element):
            continue
        address = image_address(element, base)
        if address is not None:
            image = images.get(address) or Image(src=address, alt=clean_inline(element.get("alt")))
            placed.append((clean_inline(last_block.text_content()), image))
    return tuple(placed)


def _is_small(img) -> bool:
    for side in ("width", "height"):
        value = (img.get(side) or "").strip().removesuffix("px")
        if value.isascii() and value.isdigit() and int(value) < MIN_PICTURE_SIDE:  # not width="²"
            return True
    return False


def with_links(pieces: list[Piece], tree, base: str | None) -> list[Piece]:
    """Each piece with the links of the page's block of the same text (the tree after trafilatura,
    which works on its own copy)."""
    wanted = {p.text for p in pieces if p.kind is not BlockKind.IMAGE and not p.links}
    links = block_links(tree, base, wanted)
    out = []
    for piece in pieces:
        found = links.get(piece.text) if not piece.links and piece.kind is not BlockKind.IMAGE else None
        out.append(dataclasses.replace(piece, links=found) if found else piece)
    return out


def with_images(pieces: list[Piece], placed: tuple[tuple[str, Image], ...]) -> list[Piece]:
    """The pictures put after the piece they follow on the page (pictures after text that is
    not in the article are left out: they belong to a teaser or an advertisement)."""
    after: dict[str, list[Image]] = {}
    for text, image in placed:
        after.setdefault(text, []).append(image)
    shown = {p.image.src for p in pieces if p.kind is BlockKind.IMAGE and p.image is not None}
    out: list[Piece] = []
    for piece in pieces:
        out.append(piece)
        for image in after.pop(piece.text, ()) if piece.kind is not BlockKind.IMAGE else ():
            if image.src not in shown:
                shown.add(image.src)
                out.append(Piece(BlockKind.IMAGE, image=image))
    return out
