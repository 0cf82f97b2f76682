"""Extraction: a page's HTML (or plain text) in, the Article alone out.

trafilatura finds the main content and the metadata; this module enforces the page
budgets first (so hostile pages fail fast with a typed error), then turns trafilatura's
XML body into Blocks whose texts, joined by BLOCK_SEPARATOR, are the article text.
"""
from __future__ import annotations

import html as html_lib
import json
import re
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html
import trafilatura
from tld import get_fld

from sourcelight.errors import NoArticleFound, PageTooComplex, PayloadTooLarge
from sourcelight.pipeline.model import BLOCK_SEPARATOR, Article, Block, BlockKind, Image, Link
from sourcelight.pipeline.options import PipelineOptions
from sourcelight.pipeline.urls import canonicalize_url

__all__ = ["extract_article", "article_from_text", "canonicalize_url", "decode_page"]

# Characters XML/HTML trees cannot hold (lxml refuses them); a page from the open web may.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
# libxml2 checks attribute names for duplicates pairwise: thousands on one element take
# seconds to parse. No real page has more than a few dozen on an element.
MAX_ATTRIBUTES_PER_ELEMENT = 256
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{4000,}>")
_ATTRIBUTE = re.compile(r"\s[^\s=<>\"']+\s*=")
# Text that is mostly links is a listing or a menu; articles link a few words here and there.
MAX_LINK_SHARE = 0.5
# Bounds on that check's work: the longest link texts only, and only bodies of listing size.
MAX_ANCHOR_TEXTS = 500
LINK_SHARE_MAX_CHARS = 50_000
_BLANK_LINES = re.compile(r"\n\s*\n")
_WHITESPACE = frozenset(" \t\n\r\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000")
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def extract_article(
    html: str | bytes,
    url: str | None = None,
    *,
    lang_hint: str | None = None,
    title_hint: str | None = None,
    options: PipelineOptions,
) -> Article:
    """Find the article in a page.

    Raises PayloadTooLarge (page or text over its budget), PageTooComplex (too many or too
    deeply nested elements), NoArticleFound (nothing that reads like an article).
    """
    page = decode_page(html)
    if len(page) > options.max_html_chars:
        raise PayloadTooLarge(f"the page is larger than {options.max_html_chars:,} characters")
    _check_attribute_budget(page)
    tree = _parse(page)
    _check_tree_budget(tree, options)
    lang_hint = lang_hint or _page_language(tree)
    _drop_hidden(tree)
    captions = _image_captions(tree, url)
    headings = _headline_candidates(tree)
    standfirsts = _standfirsts(tree)
    anchor_texts = _anchor_texts(tree)
    lead_image = _lead_image(tree, captions, url) if options.include_images else None
    document = _run_trafilatura(tree, url, options)
    if document is None:
        raise NoArticleFound("no article text was found on this page")
    title = _choose_title(document.title or title_hint or "", headings)
    standfirst = standfirsts.get(title)
    blocks = _blocks_from_body(document.body, title, captions, url, options)
    blocks = _with_lead_image(_with_standfirst(blocks, standfirst), lead_image)
    article = _assemble(
        url=url,
        canonical_url=_canonical(document.url, url),
        title=title,
        byline=_clean_inline(document.author or "") or None,
        site=_clean_inline(document.sitename or "") or (urlsplit(url).hostname if url else None),
        published=document.date or None,
        lang_hint=lang_hint,
        blocks=blocks,
        options=options,
    )
    body_chars = sum(len(b.text) for b in article.blocks if b.kind is not BlockKind.TITLE)
    if body_chars < options.min_article_chars:
        raise NoArticleFound("the page has too little text to be an article (a login wall or an index page?)")
    if _link_share(article, anchor_texts) > MAX_LINK_SHARE:
        raise NoArticleFound("the page is mostly links (an index, a menu or a listing), not an article")
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
        raise PayloadTooLarge(f"the text is longer than {options.max_text_chars:,} characters")
    paragraphs = [_clean_inline(p) for p in _BLANK_LINES.split(text.replace("\r\n", "\n"))]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        raise NoArticleFound("the text is empty")
    title = _clean_inline(title or "")
    pieces = [(BlockKind.PARAGRAPH, p, ()) for p in paragraphs]
    return _assemble(
        url=url, canonical_url=_canonical(None, url), title=title, byline=None,
        site=urlsplit(url).hostname if url else None, published=None, lang_hint=lang_hint,
        blocks=pieces, options=options,
    )


def decode_page(data: str | bytes) -> str:
    """Bytes or text from the open web → a str lxml accepts.

    Bytes are decoded by BOM, then the page's meta charset, then UTF-8 with replacement;
    lone surrogates (possible in JSON strings) and control characters are replaced.
    """
    if isinstance(data, bytes):
        data = _decode_bytes(data)
    if not data.isascii():
        data = data.encode("utf-8", "replace").decode("utf-8")
    return _CONTROL_CHARS.sub(" ", data)


# -- decoding and budgets -------------------------------------------------------------------

def _decode_bytes(data: bytes) -> str:
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, "replace")
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), "replace")
        except LookupError:
            pass  # an unknown charset name: fall through to UTF-8
    return data.decode("utf-8", "replace")


def _check_attribute_budget(page: str) -> None:
    for tag in _LONG_TAG.finditer(page):
        if len(_ATTRIBUTE.findall(tag.group(0))) > MAX_ATTRIBUTES_PER_ELEMENT:
            raise PageTooComplex(f"an element of the page has more than {MAX_ATTRIBUTES_PER_ELEMENT} attributes")


def _parse(page: str) -> lxml.html.HtmlElement:
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


def _check_tree_budget(tree: lxml.html.HtmlElement, options: PipelineOptions) -> None:
    elements = 0
    depth = 0
    for event, _ in lxml.etree.iterwalk(tree, events=("start", "end")):
        if event == "start":
            elements += 1
            depth += 1
            if elements > options.max_elements:
                raise PageTooComplex(f"the page has more than {options.max_elements:,} elements")
            if depth > options.max_depth:
                raise PageTooComplex(f"the page nests elements more than {options.max_depth} deep")
        else:
            depth -= 1
    text_chars = sum(len(t) for t in tree.itertext())
    if text_chars > options.max_text_chars:
        raise PayloadTooLarge(f"the page has more than {options.max_text_chars:,} characters of text")


# What a reader cannot see is not part of the article (a paywall's locked text, a template).
_HIDDEN_XPATH = (
    "//*[@hidden or @aria-hidden='true' or contains(translate(@style, ' ', ''), 'display:none')"
    " or contains(translate(@style, ' ', ''), 'visibility:hidden')]"
)


# Boxes that sit inside article bodies and that trafilatura keeps: promos, share bars,
# "subscribe to our channel". Matched on class/id tokens, never on words of any language.
_BOILERPLATE_TOKEN = re.compile(
    r"(?:^|[-_\s])(subscribe|subscription|newsletter|promo|share|sharing|social|related|"
    r"outbrain|taboola|advert|advertisement|sponsored|ad-slot|signup|paywall-prompt)(?:[-_\s]|$)",
    re.IGNORECASE,
)
# A box holding more text than this is more likely the article itself mis-classed.
_BOILERPLATE_MAX_CHARS = 600


def _drop_hidden(tree: lxml.html.HtmlElement) -> None:
    for element in tree.xpath(_HIDDEN_XPATH):
        if element.getparent() is not None and element.tag not in ("html", "body"):
            element.drop_tree()
    for element in tree.xpath("//*[@class or @id]"):
        if element.tag in ("html", "body", "article", "main") or element.getparent() is None:
            continue
        marker = f"{element.get('class', '')} {element.get('id', '')}"
        if _BOILERPLATE_TOKEN.search(marker) and element.find(".//h1") is None \
                and len(element.text_content()) <= _BOILERPLATE_MAX_CHARS:
            element.drop_tree()


def _headline_candidates(tree: lxml.html.HtmlElement) -> list[str]:
    """The page's own headlines: JSON-LD headline, then its <h1>s, in document order."""
    candidates: list[str] = []
    for script in tree.xpath("//script[@type='application/ld+json']"):
        match = re.search(r'"headline"\s*:\s*"((?:[^"\\]|\\.)*)"', script.text or "")
        if match:
            try:
                # CMSs often write entities into JSON-LD ("doesn&#8217;t").
                candidates.append(_clean_inline(html_lib.unescape(json.loads(f'"{match.group(1)}"'))))
            except ValueError:
                pass
    candidates += [_clean_inline(h1.text_content()) for h1 in tree.iter("h1")]
    return [c for c in candidates if c]


def _choose_title(metadata_title: str, headings: list[str]) -> str:
    """The article's own headline rather than the shortened social one (og:title).

    A page heading counts when it shares most of its words with the metadata title, so that
    a site's logo in an <h1> is never taken for the headline.
    """
    title = _clean_inline(metadata_title)
    title_words = set(re.findall(r"\w+", title.lower()))
    for heading in headings:
        words = set(re.findall(r"\w+", heading.lower()))
        if title_words and words and len(words & title_words) >= 0.6 * min(len(words), len(title_words)) \
                and len(heading) >= len(title):
            return heading
    return title or (headings[0] if headings else "")


# Class tokens CMSs give the summary under the headline (markup vocabulary, not content words).
_STANDFIRST_TOKEN = re.compile(
    r"(?:^|[-_\s])(standfirst|chapo|chapeau|intro|dek|subtitle|subtitulo|subheadline|subhead|sub-title|"
    r"summary|lead|teaser|excerpt|description|sapo|entradilla|deck|strapline)(?:[-_\s]|$)",
    re.IGNORECASE,
)


def _standfirsts(tree: lxml.html.HtmlElement) -> dict[str, str]:
    """Each <h1>'s summary printed under it, which trafilatura drops with the header."""
    found: dict[str, str] = {}
    for h1 in tree.iter("h1"):
        for sibling in list(h1.itersiblings())[:4]:
            if not isinstance(sibling.tag, str) or sibling.tag not in ("p", "h2", "h3", "div"):
                continue
            text = _clean_inline(sibling.text_content())
            if _STANDFIRST_TOKEN.search(sibling.get("class", "")) and 30 <= len(text) <= 500:
                found.setdefault(_clean_inline(h1.text_content()), text)
                break
    return found


def _with_standfirst(pieces: list, standfirst: str | None) -> list:
    if not standfirst or any(standfirst in p[1] for p in pieces):
        return pieces
    return [(BlockKind.PARAGRAPH, standfirst, (), {}), *pieces]


def _lead_image(tree: lxml.html.HtmlElement, captions: dict[str, str], url: str | None) -> Image | None:
    """The article's lead picture: the first <figure> inside its <article> (or <main>)."""
    for container in tree.xpath("(//article | //main)[1]"):
        for figure in container.iter("figure"):
            img = next(figure.iter("img"), None)
            src = (img.get("src") or img.get("data-src") or "").strip() if img is not None else ""
            src = urljoin(url or "", src)
            if urlsplit(src).scheme in ("http", "https"):
                return Image(src=src, alt=_clean_inline(img.get("alt") or ""), caption=captions.get(src, ""))
    return None


def _with_lead_image(pieces: list, lead: Image | None) -> list:
    if lead is None or any(p[0] is BlockKind.IMAGE and p[3]["image"].src == lead.src for p in pieces):
        return pieces
    return [(BlockKind.IMAGE, "", (), {"image": lead}), *pieces]


def _page_language(tree: lxml.html.HtmlElement) -> str | None:
    lang = tree.get("lang") or tree.get("xml:lang")
    return lang.strip() if lang and lang.strip() else None


def _image_captions(tree: lxml.html.HtmlElement, url: str | None) -> dict[str, str]:
    """trafilatura keeps images but drops <figcaption>; map each image to its caption."""
    captions: dict[str, str] = {}
    for figure in tree.iter("figure"):
        caption_el = next(figure.iter("figcaption"), None)
        if caption_el is None:
            continue
        caption = _clean_inline(caption_el.text_content())
        for img in figure.iter("img"):
            src = img.get("src") or img.get("data-src")
            if src and caption:
                captions[urljoin(url or "", src.strip())] = caption
    return captions


def _run_trafilatura(tree, url: str | None, options: PipelineOptions):
    settings = dict(
        url=url, include_comments=options.include_comments, include_images=options.include_images,
        include_formatting=True, include_links=True, include_tables=True, with_metadata=True,
        deduplicate=False,
    )
    document = trafilatura.bare_extraction(tree, favor_precision=options.favor_precision, **settings)
    if options.favor_precision and (document is None or _body_chars(document) < options.min_article_chars):
        # Precision drops short articles entirely; a second, recall-leaning pass rescues them.
        fallback = trafilatura.bare_extraction(tree, favor_recall=True, **settings)
        if fallback is not None and (document is None or _body_chars(fallback) > _body_chars(document)):
            document = fallback
    if document is None or document.body is None:
        return None
    return document


def _body_chars(document) -> int:
    return 0 if document.body is None else sum(len(t) for t in document.body.itertext())


def _canonical(declared: str | None, url: str | None) -> str | None:
    page = canonicalize_url(url)
    candidate = canonicalize_url(urljoin(url or "", declared)) if declared else None
    if candidate and page and _site_of(candidate) != _site_of(page):
        # A page may not claim to be another site's article (it would merge into its notes).
        return page
    return candidate or page


def _site_of(url: str) -> str:
    """The registrable domain ("bbc.co.uk", "user.github.io"), by the Public Suffix List."""
    return get_fld(url, fail_silently=True) or (urlsplit(url).hostname or "")


# -- trafilatura's XML body → blocks -------------------------------------------------------

_Piece = tuple[BlockKind, str, tuple[tuple[str, int, int], ...]]


def _blocks_from_body(body, title: str, captions: dict[str, str], url: str | None,
                      options: PipelineOptions) -> list:
    pieces: list = []
    list_number = 0
    elements = list(body)
    title_at = next((i for i, el in enumerate(elements) if el.tag == "head" and _inline_text(el, url)[0] == title), -1)
    for position, element in enumerate(elements):
        tag = element.tag
        if tag == "head":
            text, links = _inline_text(element, url)
            if text and text != title:
                level = _heading_level(element.get("rend"))
                pieces.append((BlockKind.HEADING, text, links, {"level": level}))
        elif tag == "list":
            list_number += 1
            ordered = element.get("rend") == "ol"
            for item in element.iter("item"):
                text, links = _inline_text(item, url, skip=("list",))
                if text:
                    pieces.append((BlockKind.LIST_ITEM, text, links, {"level": list_number, "ordered": ordered}))
        elif tag == "quote":
            for text, links in _quote_paragraphs(element, url):
                pieces.append((BlockKind.QUOTE, text, links, {}))
        elif tag == "graphic":
            image = _image(element, captions, url)
            if image is not None:
                pieces.append((BlockKind.IMAGE, "", (), {"image": image}))
        elif tag == "table":
            for row in element.iter("row"):
                cells = [_inline_text(cell, url)[0] for cell in row.iter("cell")]
                text = " | ".join(c for c in cells if c)
                if text:
                    pieces.append((BlockKind.PARAGRAPH, text, (), {}))
        else:
            text, links = _inline_text(element, url)
            if text and not (position < title_at and _is_kicker(text)):
                pieces.append((BlockKind.PARAGRAPH, text, links, {}))
            for graphic in element.iter("graphic"):
                image = _image(graphic, captions, url)
                if image is not None:
                    pieces.append((BlockKind.IMAGE, "", (), {"image": image}))
    return pieces


def _quote_paragraphs(quote, url: str | None) -> list[tuple[str, tuple]]:
    """A block quote's paragraphs, and the loose text after them (an embed's "— author" line)."""
    if not any(child.tag == "p" for child in quote):
        text, links = _inline_text(quote, url)
        return [(text, links)] if text else []
    paragraphs: list[tuple[str, tuple]] = []
    loose = _TextBuilder()
    loose.add(quote.text or "")

    def flush() -> None:
        nonlocal loose
        text, links = loose.finish()
        if text:
            paragraphs.append((text, links))
        loose = _TextBuilder()

    for child in quote:
        if child.tag == "p":
            flush()
            text, links = _inline_text(child, url)
            if text:
                paragraphs.append((text, links))
            loose.add(child.tail or "")
        else:
            _walk_inline(child, loose, url, (), top=False)
    flush()
    return paragraphs


def _anchor_texts(tree: lxml.html.HtmlElement) -> list[str]:
    """The page's link texts, longest first (extraction may drop the links but keep their text)."""
    texts = {_clean_inline(a.text_content()) for a in tree.iter("a")}
    # Short link texts ("Iran", "Home") also occur as words of the article itself.
    return sorted((t for t in texts if len(t) >= 12), key=len, reverse=True)[:MAX_ANCHOR_TEXTS]


def _link_share(article: Article, anchor_texts: list[str]) -> float:
    """How much of the article's body text is the text of the page's links."""
    body = "\n".join(b.text for b in article.blocks if b.kind is not BlockKind.TITLE)
    if len(body) > LINK_SHARE_MAX_CHARS:
        return 0.0  # listings are short; scanning a long text for every link costs seconds
    total = sum(1 for ch in body if not ch.isspace())
    if not total:
        return 0.0
    for text in anchor_texts:
        if text in body:
            body = body.replace(text, " ")
    remaining = sum(1 for ch in body if not ch.isspace())
    return 1.0 - remaining / total


def _is_kicker(text: str) -> bool:
    """A short label above the headline ("MEDIO AMBIENTE", "Analysis"): not the article."""
    return len(text) < 80 and not text.rstrip().endswith((".", "!", "?", "»", "”", '"', "…"))


def _heading_level(rend: str | None) -> int:
    match = re.fullmatch(r"h([1-6])", rend or "")
    # The article title is the only h1 of the reader; body headings start at h2.
    return max(2, int(match.group(1))) if match else 2


def _image(element, captions: dict[str, str], url: str | None) -> Image | None:
    src = urljoin(url or "", (element.get("src") or "").strip())
    if urlsplit(src).scheme not in ("http", "https"):
        return None
    alt = _clean_inline(element.get("alt") or "")
    caption = captions.get(src) or _clean_inline(element.get("title") or "")
    return Image(src=src, alt=alt, caption=caption)


def _inline_text(element, url: str | None, skip: tuple[str, ...] = ()) -> tuple[str, tuple]:
    """An element's text with whitespace collapsed, and its links as (href, start, end)."""
    builder = _TextBuilder()
    _walk_inline(element, builder, url, skip, top=True)
    return builder.finish()


def _walk_inline(element, builder: "_TextBuilder", url: str | None, skip: tuple[str, ...], top: bool) -> None:
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
    href = _link_target(element.get("target"), url) if element.tag == "ref" else None
    start = builder.mark()
    builder.add(element.text or "")
    for child in element:
        _walk_inline(child, builder, url, skip, top=False)
    if href:
        builder.link(href, start)
    if not top:
        builder.add(element.tail or "")


def _link_target(target: str | None, url: str | None) -> str | None:
    if not target:
        return None
    href = urljoin(url or "", target.strip())
    return href if urlsplit(href).scheme in ("http", "https", "mailto") else None


class _TextBuilder:
    """Collapses whitespace as text is appended, keeping link offsets right."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.links: list[tuple[str, int, int]] = []

    def add(self, text: str) -> None:
        chars = self.chars
        for char in text:
            if char in _ZERO_WIDTH:
                continue
            if char in _WHITESPACE:
                if chars and chars[-1] != " ":
                    chars.append(" ")
            else:
                chars.append(char)

    def mark(self) -> int:
        return len(self.chars)

    def link(self, href: str, start: int) -> None:
        self.links.append((href, start, len(self.chars)))

    def finish(self) -> tuple[str, tuple[tuple[str, int, int], ...]]:
        raw = "".join(self.chars)
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


def _clean_inline(text: str) -> str:
    builder = _TextBuilder()
    builder.add(text)
    return builder.finish()[0]


# -- assembly --------------------------------------------------------------------------------

def _assemble(*, url, canonical_url, title, byline, site, published, lang_hint, blocks, options) -> Article:
    pieces = ([(BlockKind.TITLE, title, (), {})] if title else []) + [
        piece if len(piece) == 4 else (*piece, {}) for piece in blocks
    ]
    assembled: list[Block] = []
    texts: list[str] = []
    offset = 0
    for kind, text, links, extra in pieces:
        if kind is not BlockKind.IMAGE and texts:
            offset += len(BLOCK_SEPARATOR)
        start = offset
        block_links = tuple(Link(href, start + s, start + e) for href, s, e in links)
        assembled.append(Block(index=len(assembled), kind=kind, text=text, start=start,
                               end=start + len(text), links=block_links, **extra))
        if kind is not BlockKind.IMAGE:
            texts.append(text)
            offset += len(text)
    text = BLOCK_SEPARATOR.join(texts)
    if len(text) > options.max_text_chars:
        raise PayloadTooLarge(f"the article text is longer than {options.max_text_chars:,} characters")
    return Article(url=url, canonical_url=canonical_url, title=title, byline=byline, site=site,
                   published=published, lang_hint=lang_hint, blocks=tuple(assembled), text=text)
