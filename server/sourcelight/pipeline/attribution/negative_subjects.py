"""Subjects that name no one ("No one from Acme", "No spokesman", "Kein Sprecher"): where they
open a source phrase (sources.negative_determiners) and whether the sentence then says someone
did not answer, the only case in which the body they name is the party."""
from __future__ import annotations

from sourcelight.pipeline.attribution.lexicon import Lexicon


def negative_opener(text: str, start: int, end: int, lexicon: Lexicon) -> int | None:
    """Where the words that make text[start:end] name no one end ("No one from| Acme", "No|
    spokesman"), or None where it does not open with them."""
    match = lexicon.patterns["negative_determiners"].match(text, start, end)
    if match is None or not text[match.end():match.end() + 1].isspace():  # (not "No. 2 official")
        return None
    return match.end()


def answer_after(text: str, end: int, lexicon: Lexicon) -> bool:
    """After ``end`` the sentence says someone did not answer ("would comment", "declined to
    comment"): only there does "no one from Acme" make Acme the party."""
    return any(match.start() >= end for key in ("non_responses", "negated_responses") for match in lexicon.find(key, text))


__all__ = ["answer_after", "negative_opener"]
