"""annotate_page / annotate_text: the stage order, from page HTML (or plain text) to AnnotatedArticle.

Pure and deterministic: no Flask, no database, no network. The CLI, the HTTP API, the
tests and the benchmark all come through annotate_page() / annotate_text().
The import block below is the stage order.
"""
from __future__ import annotations

import hashlib
import time

from sourcelight.errors import ProcessingTimeout
from sourcelight.pipeline.attribution import attribute_article, prepare_language, summarize_sourcing
from sourcelight.pipeline.attribution.parser import preload_parsers
from sourcelight.pipeline.extract import article_from_text, extract_article, prepare_extraction
from sourcelight.pipeline.language import detect_language
from sourcelight.pipeline.model import AnnotatedArticle, Article
from sourcelight.pipeline.options import DEFAULT_OPTIONS, PipelineOptions, setting_name
from sourcelight.pipeline.render import render_reader
from sourcelight.pipeline.sanitize import sanitize_html
from sourcelight.pipeline.segment import split_sentences

__all__ = ["annotate_page", "annotate_text", "warm_up"]


def warm_up(languages) -> None:
    """Load now what the first page would otherwise wait for: each language's parser model,
    lexicon and lemmatizer dictionary, and extraction's public-suffix list. A worker process
    calls this at start; the pipeline works the same without it, only the first page is slower."""
    prepare_extraction()
    for language in languages:
        prepare_language(language)


def annotate_page(
    html: str | bytes,
    url: str | None = None,
    *,
    lang_hint: str | None = None,
    title_hint: str | None = None,
    options: PipelineOptions | None = None,
) -> AnnotatedArticle:
    """Extract the article from a page's HTML and annotate how each claim is sourced.

    Raises PayloadTooLarge, PageTooComplex, NoArticleFound, ProcessingTimeout.
    """
    options = options or DEFAULT_OPTIONS
    preload_parsers()  # a model loads once per process, before any page's budget starts
    deadline = time.monotonic() + options.time_budget_seconds
    article = extract_article(html, url, lang_hint=lang_hint, title_hint=title_hint, options=options)
    return _annotate_article(article, options, deadline)


def annotate_text(
    text: str,
    url: str | None = None,
    *,
    title: str | None = None,
    lang_hint: str | None = None,
    options: PipelineOptions | None = None,
) -> AnnotatedArticle:
    """Annotate plain text (pasted text, research corpora): blank lines separate paragraphs.

    Raises PayloadTooLarge, NoArticleFound, ProcessingTimeout.
    """
    options = options or DEFAULT_OPTIONS
    preload_parsers()
    deadline = time.monotonic() + options.time_budget_seconds
    article = article_from_text(text, url, title=title, lang_hint=lang_hint, options=options)
    return _annotate_article(article, options, deadline)


def _check_deadline(deadline: float, stage: str) -> None:
    if time.monotonic() > deadline:
        raise ProcessingTimeout(f"the page took too long to process (gave up after {stage}; the limit is set "
                                f"by {setting_name('time_budget_seconds')})")


def _annotate_article(article: Article, options: PipelineOptions, deadline: float) -> AnnotatedArticle:
    _check_deadline(deadline, "extraction")
    guess = detect_language(article.text, hint=article.lang_hint, forced=options.language)
    sentences = split_sentences(article, guess.language)
    _check_deadline(deadline, "sentence splitting")
    claims = attribute_article(article, sentences, guess.language)
    summary = summarize_sourcing(claims, guess.language)
    _check_deadline(deadline, "attribution")
    html = sanitize_html(render_reader(article, claims, summary, guess.language))
    fingerprint = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    identity = article.canonical_url or article.url or fingerprint
    return AnnotatedArticle(
        id=hashlib.sha256(identity.encode("utf-8")).hexdigest()[:16],
        url=article.url,
        canonical_url=article.canonical_url,
        title=article.title,
        byline=article.byline,
        site=article.site,
        published=article.published,
        language=guess.language,
        language_confidence=guess.confidence,
        text=article.text,
        html=html,
        claims=claims,
        summary=summary,
        fingerprint=fingerprint,
        blocks=article.blocks,
    )
