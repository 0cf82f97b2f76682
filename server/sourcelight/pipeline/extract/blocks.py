"""trafilatura's XML body → Pieces: headings, paragraphs, quotes, list items, tables, pictures."""
from __future__ import annotations

import re

import lxml.etree

from sourcelight.pipeline.extract.images import graphic_image
from sourcelight.pipeline.extract.records import PageSignals, Piece
from sourcelight.pipeline.extract.text import BLOCK_TAGS, TextBuilder, inline_text, walk_inline
from sourcelight.pipeline.model import BlockKind

__all__ = ["pieces_from_body"]

# Blocks that only prose holds: a table cell with one of these, or with paragraphs of
# sentences, lays out a page rather than holding data.
PROSE_TAGS = frozenset({"head", "list", "quote"})
# A paragraph this long in a cell is prose, not a datum.
MIN_PROSE_WORDS = 12
# A paragraph in capitals this short, with no sentence end, is a sub-heading.
MAX_SUBHEADING_WORDS = 12
# Preformatted text this long, with this share of plain words and no more than this share of a
# program's marks, is prose set in <pre>, not code (_reads_as_prose).
PROSE_MIN_WORDS = 40
PROSE_LETTERED_SHARE = 0.8
PROSE_MARK_SHARE = 0.02
_PROGRAM_MARKS = frozenset("{}()[]<>;=$#|\\/`*_&%@^~+")
_LETTERED_WORD = re.compile(r"[\"“‘(]?[^\W\d_][^\W\d_'’-]*[.,;:?!\"”’)]*")
_SENTENCE_END = re.compile(r"[a-z][.!?][\"”’)]?\s+[A-Z]")


def pieces_from_body(body, title: str, signals: PageSignals, *, with_images: bool) -> list[Piece]:
    """The body's blocks in reading order; the headline itself and labels above it are left out."""
    url = signals.base_url
    pieces: list[Piece] = []
    list_number = 0
    elements = list(_unwrapped(body))
    title_at = next((i for i, el in enumerate(elements) if el.tag == "head" and inline_text(el, url)[0] == title), -1)
    for position, element in enumerate(elements):
        tag = element.tag
        if tag == "head":
            text, links = inline_text(element, url)
            if text and text != title:
                pieces.append(Piece(BlockKind.HEADING, text, links, level=_heading_level(element.get("rend"))))
        elif tag == "list":
            list_number += 1
            ordered = element.get("rend") == "ol"
            for item in element.iter("item"):
                text, links = inline_text(item, url, skip=("list",))
                if text:
                    pieces.append(Piece(BlockKind.LIST_ITEM, text, links, level=list_number, ordered=ordered))
        elif tag == "quote":
            pieces += [Piece(BlockKind.QUOTE, text, links) for text, links in _quote_paragraphs(element, url)]
        elif tag == "graphic":
            pieces += _image_pieces([element], signals, with_images)
        elif tag == "code" and (code := _program_text(element, url)) is not None:
            if code[0]:
                pieces.append(Piece(BlockKind.CODE, *code))
        elif tag == "table":
            for row in element.iter("row"):
                text = " | ".join(c for c in (inline_text(cell, url)[0] for cell in row.iter("cell")) if c)
                if text:
                    pieces.append(Piece(BlockKind.PARAGRAPH, text))
        else:
            text, links = inline_text(element, url)
            if text and not (position < title_at and _is_kicker(text)):
                kind = BlockKind.HEADING if _is_capitals_subheading(text) else BlockKind.PARAGRAPH
                pieces.append(Piece(kind, text, links))
            pieces += _image_pieces(element.iter("graphic"), signals, with_images)
    return pieces


def _program_text(element, url: str | None):
    """The text and links of a <code> element that holds a program's text ("$ hg add file1"), or
    None: never an embedded post trafilatura keeps as code with paragraphs in it (<code
    class="twitter-tweet"><p>…</p>), someone's words, nor prose set in <pre>."""
    if any(child.tag == "p" for child in element):
        return None
    text, links = inline_text(element, url)
    return None if _reads_as_prose(text) else (text, links)


def _reads_as_prose(text: str) -> bool:
    """A long preformatted text that is sentences, not a program (an Internet-Draft set in
    <pre>: "Internet-Drafts are working documents of the Internet Engineering Task Force."):
    nearly every word letters alone, hardly a program's marks, and sentences ending in it."""
    words = text.split()
    if len(words) < PROSE_MIN_WORDS:
        return False
    lettered = sum(1 for word in words if _LETTERED_WORD.fullmatch(word))
    marks = sum(1 for char in text if char in _PROGRAM_MARKS)
    return lettered >= PROSE_LETTERED_SHARE * len(words) and marks <= PROSE_MARK_SHARE * len(text) \
        and len(_SENTENCE_END.findall(text)) >= 2


def _unwrapped(container):
    """The container's blocks, with a division that holds blocks of its own opened up: a
    ``<div>`` of paragraphs is those paragraphs, not one run of their text ("…televisions.On
    Tuesday, …"). Text loose between its blocks becomes a paragraph of its own."""
    for element in container:
        if element.tag == "div" and any(child.tag in BLOCK_TAGS for child in element):
            yield from _opened(element)
        elif element.tag == "table" and _is_layout_table(element):
            for cell in element.iter("cell"):
                yield from _opened(cell)
        else:
            yield element
        if container.tag in ("div", "cell") and (element.tail or "").strip():
            yield _paragraph(element.tail)


def _opened(box):
    """A division's or a layout cell's blocks, the text loose before them a paragraph."""
    if (box.text or "").strip():
        yield _paragraph(box.text)
    yield from _unwrapped(box)


def _is_layout_table(table) -> bool:
    """A table used to lay out the page (old wire and forum pages put the whole story in one
    cell, and a photo's caption and credit in a box of one column): a cell holds headings,
    lists or paragraphs of prose, or no row has more than one cell. Its cells are read as
    the page's blocks; a data table keeps its rows."""
    if all(len(row.findall("cell")) <= 1 for row in table.iter("row")):
        return True
    for cell in table.iter("cell"):
        paragraphs = [child for child in cell if child.tag == "p"]
        if PROSE_TAGS.intersection(child.tag for child in cell) or (len(paragraphs) > 1 and any(
                len("".join(p.itertext()).split()) >= MIN_PROSE_WORDS for p in paragraphs)):
            return True
    return False


def _paragraph(text: str):
    paragraph = lxml.etree.Element("p")
    paragraph.text = text
    return paragraph


def _image_pieces(graphics, signals: PageSignals, with_images: bool) -> list[Piece]:
    if not with_images:
        return []
    images = (graphic_image(g, signals.images, signals.base_url) for g in graphics)
    return [Piece(BlockKind.IMAGE, image=image) for image in images if image is not None]


def _quote_paragraphs(quote, url: str | None) -> list[tuple[str, tuple]]:
    """A block quote's paragraphs, and the loose text after them (an embed's "— author" line)."""
    if not any(child.tag == "p" for child in quote):
        text, links = inline_text(quote, url)
        return [(text, links)] if text else []
    paragraphs: list[tuple[str, tuple]] = []
    loose = TextBuilder()
    loose.add(quote.text or "")

    def flush() -> None:
        nonlocal loose
        text, links = loose.finish()
        if text:
            paragraphs.append((text, links))
        loose = TextBuilder()

    for child in quote:
        if child.tag == "p":
            flush()
            text, links = inline_text(child, url)
            if text:
                paragraphs.append((text, links))
            loose.add(child.tail or "")
        else:
            walk_inline(child, loose, url, (), top=False)
    flush()
    return paragraphs


def _is_kicker(text: str) -> bool:
    """A short label above the headline ("MEDIO AMBIENTE", "Analysis"): not the article."""
    return len(text) < 80 and not text.rstrip().endswith((".", "!", "?", "»", "”", '"', "…"))


def _is_capitals_subheading(text: str) -> bool:
    """A wire story's sub-heading set as a paragraph in capitals ("DISAPPOINTING NIGHT FOR
    'IRISHMAN'"): a heading, not a claim."""
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    letters = [c for c in text if c.isalpha()]
    return (2 <= len(words) <= MAX_SUBHEADING_WORDS and all(c.isupper() for c in letters if c.lower() != c.upper())
            and _is_kicker(text))


def _heading_level(rend: str | None) -> int:
    match = re.fullmatch(r"h([1-6])", rend or "")
    # The article title is the only h1 of the reader; body headings start at h2.
    return max(2, int(match.group(1))) if match else 2
