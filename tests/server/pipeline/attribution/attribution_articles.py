"""Build Article and Sentence records straight from sentences, so the attribution tests
do not depend on extraction or sentence splitting."""
from __future__ import annotations

from sourcelight.pipeline.model import BLOCK_SEPARATOR, Article, Block, BlockKind, Link, Sentence


def build_article(paragraphs: list[list[str]], *, kinds: list[BlockKind] | None = None,
                  links: dict[int, list[tuple[str, str]]] | None = None) -> tuple[Article, tuple[Sentence, ...]]:
    """paragraphs: each a list of sentences (joined by one space). links: block index ->
    [(anchor text, href)], placed at the anchor text's first occurrence in the block."""
    blocks, sentences, parts, offset = [], [], [], 0
    for index, paragraph in enumerate(paragraphs):
        text = " ".join(paragraph)
        kind = kinds[index] if kinds else BlockKind.PARAGRAPH
        block_links = tuple(
            Link(href, offset + text.index(anchor), offset + text.index(anchor) + len(anchor))
            for anchor, href in (links or {}).get(index, []))
        blocks.append(Block(index, kind, text, offset, offset + len(text), links=block_links))
        position = offset
        for sentence in paragraph:
            sentences.append(Sentence(len(sentences), index, position, position + len(sentence), sentence))
            position += len(sentence) + 1
        parts.append(text)
        offset += len(text) + len(BLOCK_SEPARATOR)
    article = Article(url=None, canonical_url=None, title=paragraphs[0][0] if paragraphs else "", byline=None,
                      site=None, published=None, lang_hint=None, blocks=tuple(blocks),
                      text=BLOCK_SEPARATOR.join(parts))
    return article, tuple(sentences)
