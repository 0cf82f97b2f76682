"""Pieces and header → the Article: block offsets into one text, and the last checks on it."""
from __future__ import annotations

from sourcelight.errors import NoArticleFound, PageTooComplex
from sourcelight.pipeline.extract.records import Metadata, Piece
from sourcelight.pipeline.model import BLOCK_SEPARATOR, Article, Block, BlockKind, Link
from sourcelight.pipeline.options import PipelineOptions, setting_name

__all__ = ["assemble_article", "check_is_article", "MAX_LINK_SHARE", "LINK_SHARE_MAX_CHARS"]

# Text that is mostly links is a listing or a menu; articles link a few words here and there.
MAX_LINK_SHARE = 0.5
# Listings are short; scanning a long text for every link text costs seconds.
LINK_SHARE_MAX_CHARS = 50_000


def assemble_article(pieces: list[Piece], header: Metadata, *, url: str | None, lang_hint: str | None,
                     options: PipelineOptions) -> Article:
    """The Article: a TITLE block, then the pieces, offsets tiling the text. Raises PageTooComplex."""
    if header.title:
        pieces = [Piece(BlockKind.TITLE, header.title), *pieces]
    blocks: list[Block] = []
    texts: list[str] = []
    offset = 0
    for piece in pieces:
        if piece.kind is not BlockKind.IMAGE and texts:
            offset += len(BLOCK_SEPARATOR)
        start = offset
        links = tuple(Link(href, start + s, start + e) for href, s, e in piece.links)
        blocks.append(Block(index=len(blocks), kind=piece.kind, text=piece.text, start=start,
                            end=start + len(piece.text), level=piece.level, ordered=piece.ordered,
                            links=links, image=piece.image))
        if piece.kind is not BlockKind.IMAGE:
            texts.append(piece.text)
            offset += len(piece.text)
    text = BLOCK_SEPARATOR.join(texts)
    if len(text) > options.max_text_chars:
        raise PageTooComplex(f"the article text is longer than {options.max_text_chars:,} characters "
                             f"(the limit is set by {setting_name('max_text_chars')})")
    return Article(url=url, canonical_url=header.canonical_url, title=header.title, byline=header.byline,
                   site=header.site, published=header.published, lang_hint=lang_hint, blocks=tuple(blocks),
                   text=text, credits=header.credits)


def check_is_article(article: Article, anchor_texts: tuple[str, ...], options: PipelineOptions) -> None:
    """Raises NoArticleFound for too little text, or text that is mostly the page's links."""
    body_chars = sum(len(b.text) for b in article.blocks if b.kind is not BlockKind.TITLE)
    if body_chars < options.min_article_chars:
        raise NoArticleFound("the page has too little text to be an article (a login wall or an index page?)")
    if link_share(article, anchor_texts) > MAX_LINK_SHARE:
        raise NoArticleFound("the page is mostly links (an index, a menu or a listing), not an article")


def link_share(article: Article, anchor_texts: tuple[str, ...]) -> float:
    """How much of the article's body text is the text of the page's links."""
    body = "\n".join(b.text for b in article.blocks if b.kind is not BlockKind.TITLE)
    if len(body) > LINK_SHARE_MAX_CHARS:
        return 0.0
    total = _visible_chars(body)
    if not total:
        return 0.0
    for text in anchor_texts:
        if text in body:
            body = body.replace(text, " ")
    return 1.0 - _visible_chars(body) / total


def _visible_chars(text: str) -> int:
    return len("".join(text.split()))
