"""The page itself: decoded, checked against its budgets, parsed; no extraction yet."""
from __future__ import annotations

import re

import lxml.etree
import lxml.html

from sourcelight.errors import NoArticleFound, PageTooComplex, PayloadTooLarge
from sourcelight.pipeline.options import PipelineOptions, setting_name

__all__ = ["decode_page", "parse_page", "check_page_size", "check_tree_budget", "drop_invisible", "page_language",
           "MAX_ATTRIBUTES_PER_ELEMENT"]

# Characters XML/HTML trees cannot hold (lxml refuses them); a page from the open web may.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
# libxml2 checks attribute names for duplicates pairwise: thousands on one element take
# seconds to parse. No real page has more than a few dozen on an element.
MAX_ATTRIBUTES_PER_ELEMENT = 256
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{4000,}>")
_ATTRIBUTE = re.compile(r"\s[^\s=<>\"']+\s*=")
# Elements whose text a reader never sees. JSON-LD stays: it carries the headline and dates.
_INVISIBLE = ("style", "script", "noscript", "template")


def decode_page(data: str | bytes) -> str:
    """Bytes or text from the open web → a str lxml accepts.

    Bytes are decoded by BOM, then as UTF-8 if they are valid UTF-8, then by the page's meta
    charset, then as UTF-8 with replacement;
    lone surrogates (possible in JSON strings) and control characters are replaced.
    """
    if isinstance(data, bytes):
        data = _decode_bytes(data)
    if not data.isascii():
        data = data.encode("utf-8", "replace").decode("utf-8")
    return _CONTROL_CHARS.sub(" ", data)


def _decode_bytes(data: bytes) -> str:
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, "replace")
    try:
        # Valid UTF-8 with non-ASCII bytes is almost never a legacy encoding, and pages saved
        # from a browser are re-encoded as UTF-8 while keeping their old <meta charset>.
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), "replace")
        except LookupError:
            pass  # an unknown charset name: fall through to UTF-8
    return data.decode("utf-8", "replace")


def check_page_size(page: str, options: PipelineOptions) -> None:
    """Raises PayloadTooLarge or PageTooComplex before the page is parsed."""
    if len(page) > options.max_html_chars:
        raise PayloadTooLarge(f"the page is larger than sourcelight accepts: more than {options.max_html_chars:,} "
                              f"characters of HTML (the limit is set by {setting_name('max_html_chars')})")
    for tag in _LONG_TAG.finditer(page):
        if len(_ATTRIBUTE.findall(tag.group(0))) > MAX_ATTRIBUTES_PER_ELEMENT:
            raise PageTooComplex(f"an element of the page has more than {MAX_ATTRIBUTES_PER_ELEMENT} attributes, "
                                 "which no readable page has; sourcelight does not read it")


def parse_page(page: str) -> lxml.html.HtmlElement:
    """The page as an lxml tree (comments and processing instructions dropped). Raises NoArticleFound."""
    if not page.strip():
        raise NoArticleFound("the page is empty")
    # An XML declaration with an encoding makes lxml refuse a str; the text is decoded already.
    page = re.sub(r"^\s*<\?xml[^>]*\?>", "", page, count=1)
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True)
    try:
        tree = lxml.html.document_fromstring(page, parser=parser)
    except (lxml.etree.ParserError, ValueError) as error:
        raise NoArticleFound(f"the page could not be parsed as HTML ({error})") from None
    if tree is None:
        raise NoArticleFound("the page could not be parsed as HTML")
    return tree


def check_tree_budget(tree: lxml.html.HtmlElement, options: PipelineOptions) -> None:
    """Raises PageTooComplex when the page has too many elements, nests too deep, or holds
    more visible text than the budget (style sheets and scripts do not count: a page may
    carry a megabyte of CSS and still be an ordinary article)."""
    elements = int(tree.xpath("count(//*)"))
    if elements > options.max_elements:
        raise PageTooComplex(f"the page has more than {options.max_elements:,} elements "
                             f"(the limit is set by {setting_name('max_elements')})")
    # Any element with max_depth ancestors: libxml2 walks each ancestor axis in C.
    if tree.xpath(f"boolean(//*[ancestor::*[{int(options.max_depth)}]])"):
        raise PageTooComplex(f"the page nests elements more than {options.max_depth} deep "
                             f"(the limit is set by {setting_name('max_depth')})")
    hidden = sum(len(element.text_content()) for element in tree.iter(*_INVISIBLE))
    visible = len("".join(tree.itertext())) - hidden
    if visible > options.max_text_chars:
        raise PageTooComplex(f"the page has more than {options.max_text_chars:,} characters of visible text "
                             f"(the limit is set by {setting_name('max_text_chars')})")


def drop_invisible(tree: lxml.html.HtmlElement) -> None:
    """Remove style sheets and scripts (JSON-LD stays): nothing later needs them, and a page's
    megabyte of inline CSS would otherwise be walked by every later step. A text box goes too:
    what it holds is a form's, often a video's embed code ("<iframe width='670' …") offered to
    copy, never the article's."""
    for element in list(tree.iter("style", "script", "template", "textarea")):
        if element.tag == "script" and (element.get("type") or "").strip().lower() == "application/ld+json":
            continue
        if element.getparent() is not None:
            element.drop_tree()


def page_language(tree: lxml.html.HtmlElement) -> str | None:
    """The page's declared language (<html lang>), a hint only."""
    lang = tree.get("lang") or tree.get("xml:lang")
    return lang.strip() if lang and lang.strip() else None
