"""Inline text: an element's text with whitespace collapsed and its links located in it."""
from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

__all__ = ["TextBuilder", "clean_inline", "clean_plain", "inline_text", "walk_inline", "link_target", "LinkSpan"]

# (href, start, end): a link's target and where its text sits in the text being built.
LinkSpan = tuple[str, int, int]

_WHITESPACE_RUN = re.compile("[ \t\n\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# Zero-width characters and soft hyphens: invisible, and they would split words.
_DROP_INVISIBLE = {ord(c): None for c in "\u200b\u200c\u200d\u2060\ufeff\u00ad"}
# One for one, so that plain text keeps its offsets: line breaks inside a paragraph are spaces.
_PLAIN_TEXT = {**_DROP_INVISIBLE, **{ord(c): " " for c in "\t\n\r\f\v\u2028\u2029"}}
# Elements of trafilatura's XML that are blocks of their own, never inline text.
BLOCK_TAGS = frozenset({"p", "head", "list", "quote", "table", "graphic", "div"})
# Nested in text read as one run (a paragraph inside a paragraph, a list item of a heading and
# paragraphs), a block and the parts of lists and tables are set apart by a space, never glued
# to the sentence before them ("…in the sequel.Ere introducing …"); a graphic (an inline icon)
# is not, so the words around it stay as they were.
_SET_APART = (BLOCK_TAGS - {"graphic"}) | {"item", "row", "cell"}


class TextBuilder:
    """Collapses whitespace as text is appended, keeping link offsets right."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.ends_in_space = True  # nothing yet: leading whitespace is dropped
        self.links: list[LinkSpan] = []

    def add(self, text: str) -> None:
        if not text:
            return
        text = _WHITESPACE_RUN.sub(" ", text.translate(_DROP_INVISIBLE))
        if self.ends_in_space and text.startswith(" "):
            text = text[1:]
        if text:
            self.parts.append(text)
            self.length += len(text)
            self.ends_in_space = text.endswith(" ")

    def mark(self) -> int:
        return self.length

    def link(self, href: str, start: int) -> None:
        self.links.append((href, start, self.length))

    def finish(self) -> tuple[str, tuple[LinkSpan, ...]]:
        raw = "".join(self.parts)
        lead = len(raw) - len(raw.lstrip(" "))
        text = raw.strip(" ")
        links = []
        for href, start, end in self.links:
            start, end = max(0, start - lead), min(len(text), end - lead)
            while start < end and text[start] == " ":
                start += 1
            while end > start and text[end - 1] == " ":
                end -= 1
            if start < end:
                links.append((href, start, end))
        return text, tuple(links)


def clean_inline(text: str | None) -> str:
    """Text with whitespace collapsed to single spaces and zero-width characters dropped."""
    return _WHITESPACE_RUN.sub(" ", (text or "").translate(_DROP_INVISIBLE)).strip(" ")


def clean_plain(text: str | None) -> str:
    """A paragraph of plain text as the writer typed it, line breaks inside it read as
    spaces: a claim should quote its input exactly, for whoever looks for it there (a
    search, a script reading our JSON), so runs of spaces and no-break spaces stay."""
    return (text or "").translate(_PLAIN_TEXT).strip()


def inline_text(element, url: str | None, skip: tuple[str, ...] = ()) -> tuple[str, tuple[LinkSpan, ...]]:
    """A trafilatura XML element's text with whitespace collapsed, and its links."""
    builder = TextBuilder()
    walk_inline(element, builder, url, skip, top=True)
    return builder.finish()


def walk_inline(element, builder: TextBuilder, url: str | None, skip: tuple[str, ...], top: bool) -> None:
    if not top and element.tag in skip:
        builder.add(" ")
        builder.add(element.tail or "")
        return
    if not top and element.tag == "lb":
        builder.add(" ")
        builder.add(element.tail or "")
        return
    if not top and element.tag == "graphic":
        builder.add(element.tail or "")
        return
    href = link_target(element.get("target"), url) if element.tag == "ref" else None
    is_block = not top and element.tag in _SET_APART
    if is_block:
        builder.add(" ")
    start = builder.mark()
    builder.add(element.text or "")
    for child in element:
        walk_inline(child, builder, url, skip, top=False)
    if href:
        builder.link(href, start)
    if is_block:
        builder.add(" ")
    if not top and element.tag == "hi" and builder.parts and builder.parts[-1][-1:] in ":?!" \
            and (element.tail or "")[:1].isupper():
        # "<b>Christoph Vilanek:</b> HD …", "<b>Question?<br></b>Answer": trafilatura drops the
        # space or the break between a bold lead-in and the words after it
        builder.add(" ")
    if not top:
        builder.add(element.tail or "")


def link_target(target: str | None, url: str | None) -> str | None:
    """An absolute http(s)/mailto link, or None for anything a reader should not follow."""
    if not target:
        return None
    try:
        href = urljoin(url or "", target.strip())
        scheme = urlsplit(href).scheme
    except ValueError:
        return None
    return href if scheme in ("http", "https", "mailto") else None
