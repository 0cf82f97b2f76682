"""The parse engine's entry points: parse an article's sentences in one batch, and find
each sentence's attribution on its parse (syntax.py), with the sentence-wide facts the rule
engine also applies (impersonal vague forms, anonymity clauses)."""
from __future__ import annotations

from sourcelight.pipeline.attribution.cues import Finding, impersonal_finding, with_anonymity
from sourcelight.pipeline.attribution.hedges import Flags
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.parser import load_parser
from sourcelight.pipeline.attribution.sourcekind import CAST_KEY, people_named
from sourcelight.pipeline.attribution.syntax import find_in_parse
from sourcelight.pipeline.model import Sentence

# Sentences per batch handed to spaCy's nlp.pipe.
PARSE_BATCH = 64


def parse_sentences(sentences, lexicon: Lexicon) -> list:
    """One parse per sentence (None throughout when the language has no parse engine)."""
    nlp = load_parser(lexicon.language) if lexicon.syntax is not None else None
    if nlp is None:
        return [None] * len(sentences)
    parses = list(nlp.pipe((s.text for s in sentences), batch_size=PARSE_BATCH))
    cast = people_named(parses)
    for parse in parses:
        parse.user_data[CAST_KEY] = cast
    return parses


def cast_of(parses) -> dict[str, str]:
    """The people the parser saw named anywhere in the article (empty without a parse)."""
    first = next((p for p in parses if p is not None), None)
    return dict(first.user_data.get(CAST_KEY, {})) if first is not None else {}


def find_with_parse(parse, masked: str, lexicon: Lexicon, flags: Flags) -> Finding | None:
    skip = list(flags.hedge_spans)
    finding = (find_in_parse(parse, masked, lexicon, skip, flags.non_response_spans)
               or impersonal_finding(masked, lexicon))
    return with_anonymity(masked, lexicon, finding) if finding is not None else None


__all__ = ["parse_sentences", "find_with_parse", "Sentence"]
