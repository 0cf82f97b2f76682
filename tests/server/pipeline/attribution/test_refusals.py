"""Denial words the parse shows deny nothing, and denial words in sentences the parser never
reads (no cue word in them): the article is annotated whole either way."""
from __future__ import annotations

from sourcelight.pipeline.attribution import attribute_article

from attribution_articles import build_article


def _claims(*sentences):
    article, parts = build_article([list(sentences)])
    return attribute_article(article, parts, "en")


def test_a_denial_word_in_a_sentence_the_parser_skips_is_read_without_failing():
    claims = _claims("The harbour board met on Monday.", "The rumours were unfounded.",
                     "Harbour officials rejected the allegations.")
    assert len(claims) == 3
    assert claims[2].denial
    assert not claims[1].denial  # no source to deny anything


def test_a_request_rejected_is_refused_not_denied():
    claims = _claims("The crews asked to stay unnamed.", "Harbour officials rejected the request.",
                     "The Harbour Trust did not deny that the law is flawed.")
    assert [c.denial for c in claims] == [False, False, False]
