"""Finding the main text: trafilatura on the cleaned tree, with the settings a reader view needs."""
from __future__ import annotations

import logging

import trafilatura

from sourcelight.errors import NoArticleFound
from sourcelight.pipeline.extract.records import Extraction
from sourcelight.pipeline.options import PipelineOptions

__all__ = ["find_main_text"]

log = logging.getLogger(__name__)


def find_main_text(tree, url: str | None, options: PipelineOptions) -> Extraction:
    """trafilatura's body and metadata for the page (docs/extraction.md says why these settings).

    Raises NoArticleFound when trafilatura finds no text, or fails on the page.
    """
    # Links and images are put back from the page itself (anchors.py): asked for them,
    # trafilatura keeps more of the page around the article.
    settings = dict(
        url=url, include_comments=options.include_comments, include_images=False,
        include_formatting=True, include_links=False, include_tables=True, with_metadata=True,
        deduplicate=False,
    )
    document = _run(tree, favor_precision=options.favor_precision, favor_recall=options.favor_recall, **settings)
    if options.favor_precision and _body_chars(document) < options.min_article_chars:
        # Precision drops short articles entirely; a second, recall-leaning pass rescues them.
        fallback = _run(tree, favor_recall=True, **settings)
        if _body_chars(fallback) > _body_chars(document):
            document = fallback
    if document is None or document.body is None or not _body_chars(document):
        raise NoArticleFound("no article text was found on this page")
    return Extraction(
        title=document.title or "", author=document.author or "", date=document.date or "",
        sitename=document.sitename or "", declared_url=document.url or "", body=document.body,
    )


def _run(tree, **settings):
    try:
        return trafilatura.bare_extraction(tree, **settings)
    except Exception:  # noqa: BLE001 - a third-party parser's bug on one page must not become a 500
        log.exception("trafilatura failed on a page")
        raise NoArticleFound("sourcelight could not make out the article in this page's structure") from None


def _body_chars(document) -> int:
    if document is None or document.body is None:
        return 0
    return sum(len(t) for t in document.body.itertext())
