"""The parser model: pinned, checked at load, loaded once, reported."""
from __future__ import annotations

import dataclasses

import pytest

from sourcelight.pipeline.attribution import parser


def test_english_uses_the_pinned_parse_model_with_the_pipes_the_engine_reads():
    nlp = parser.load_parser("en")
    assert nlp is not None
    assert set(parser.NEEDED_PIPES) <= set(nlp.pipe_names)
    assert "lemmatizer" not in nlp.pipe_names
    assert nlp.meta["version"] == parser.model_specs()["en"].version
    assert parser.load_parser("en") is nlp  # once per process


def test_a_language_without_a_model_uses_the_rule_engine():
    assert parser.load_parser("de") is None
    assert parser.engine_info("de") == parser.EngineInfo("de", "rules")
    assert parser.engine_info("en").engine == "parse"


def test_a_model_of_another_version_is_refused(monkeypatch):
    spec = parser.model_specs()["en"]
    monkeypatch.setitem(parser.model_specs(), "en", dataclasses.replace(spec, version="0.0.1"))
    parser.load_parser.cache_clear()
    try:
        with pytest.raises(parser.ParserModelError, match="0.0.1"):
            parser.load_parser("en")
    finally:
        parser.load_parser.cache_clear()


def test_a_prefixed_verb_stays_one_word_and_nouns_and_names_stay_cut():
    nlp = parser.load_parser("en")
    words = [t.text for t in nlp.tokenizer("The co-chair, who co-piloted the boat and is self-described as shy, "
                                             "joined an anti-Trump march.")]
    assert "co-piloted" in words and "self-described" in words
    assert "co-chair" not in words and "chair" in words  # the role the lists know
    assert "anti-Trump" not in words and "Trump" in words  # the name the recogniser sees
