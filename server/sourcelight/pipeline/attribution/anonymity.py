"""Is an anonymous source's anonymity explained? ("… spoke on condition of anonymity
because they were not authorized to discuss the talks.") Few readers' tools say so, and the
journalism codes ask for it: the reason is part of how a claim is sourced.

The reason is looked for where the article speaks of the anonymity (lexicon
sources.anonymity_clauses): in the claim's own sentence, a neighbour in its paragraph, or
any sentence that speaks of the same source ("officials") being kept anonymous.
"""
from __future__ import annotations

from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.model import Attribution, Sentence, SourceKind

# How far after the words of anonymity a reason may start, and how much of it is kept.
REASON_REACH = 120
REASON_CHARS = 90


def anonymity_reasons(sentences, attributions: list[Attribution | None], lexicon: Lexicon) -> list[str | None]:
    """Per claim: the reason given for an anonymous source ("" when none is given), or None
    for other claims and for languages whose lexicon lists no reasons."""
    if not lexicon.explains_anonymity:
        return [None] * len(sentences)
    explained = {i: _reason_in(s.text, lexicon) for i, s in enumerate(sentences)}
    reasons: list[str | None] = []
    for index, attribution in enumerate(attributions):
        if attribution is None or attribution.kind is not SourceKind.ANONYMOUS:
            reasons.append(None)
            continue
        reasons.append(_reason_for(index, attribution, sentences, explained))
    return reasons


def _reason_in(text: str, lexicon: Lexicon) -> str | None:
    """The reason given in a sentence that speaks of anonymity, or None."""
    for clause in lexicon.find("anonymity_clauses", text):
        for reason in lexicon.find("anonymity_reasons", text):
            if clause.start() <= reason.start() <= clause.end() + REASON_REACH:
                return _clip(text[reason.start():])
    return None


def _clip(text: str) -> str:
    end = len(text)
    for mark in ".;":
        at = text.find(mark)
        if 0 < at < end:
            end = at
    return text[:min(end, REASON_CHARS)].rstrip(" ,")


def _reason_for(index: int, attribution: Attribution, sentences: tuple[Sentence, ...] | list[Sentence],
                explained: dict[int, str | None]) -> str:
    own = explained.get(index)
    if own:
        return own
    block = sentences[index].block
    for neighbour in (index - 1, index + 1):
        if 0 <= neighbour < len(sentences) and sentences[neighbour].block == block and explained.get(neighbour):
            return explained[neighbour]
    head = (attribution.source or "").split()[-1:] or [""]
    if head[0]:
        for other, reason in explained.items():
            if reason and head[0].casefold() in sentences[other].text.casefold():
                return reason
    return ""
