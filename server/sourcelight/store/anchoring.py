"""Re-anchoring a quote in a text that may have changed (pure; no SQL).

Selectors are the W3C TextQuoteSelector (exact, prefix, suffix) and TextPositionSelector
(start, end), in code points. Order of trust, as in Hypothesis's client: the position if the
text there is still the quote; else the exact quote wherever it occurs, the candidate whose
context and position fit best; else an approximate match scored on quote, context and
position. What cannot be placed is an orphan, and kept.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

from sourcelight.contract import ANCHOR_STATES

ANCHORED, MOVED, ORPHANED = ANCHOR_STATES
CONTEXT_CHARS = 32
# An approximate match must agree with the quote at least this much (0..1).
MIN_FUZZY_SIMILARITY = 0.75
# Weights of Hypothesis's match-quote: the quote matters most, then its context, then position.
QUOTE_WEIGHT, PREFIX_WEIGHT, SUFFIX_WEIGHT, POSITION_WEIGHT = 50, 20, 20, 2


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    state: str  # ANCHORED (same place), MOVED (found elsewhere or approximately), ORPHANED


def context_of(text: str, start: int, end: int) -> tuple[str, str]:
    """The prefix and suffix a TextQuoteSelector stores for text[start:end]."""
    return text[max(0, start - CONTEXT_CHARS):start], text[end:end + CONTEXT_CHARS]


def find_exact_near(text: str, exact: str, start: int, *, within: int) -> int | None:
    """Where ``exact`` occurs closest to ``start``, if no farther than ``within`` characters."""
    if not exact:
        return None
    if text[start:start + len(exact)] == exact:
        return start
    best = None
    for candidate in _occurrences(text, exact):
        distance = abs(candidate - start)
        if distance <= within and (best is None or distance < abs(best - start)):
            best = candidate
    return best


def anchor_quote(text: str, exact: str, prefix: str, suffix: str, start: int, end: int) -> Anchor:
    """Place a stored quote in ``text``."""
    if exact and text[start:end] == exact:
        return Anchor(start, end, ANCHORED)
    exact_hits = _occurrences(text, exact)
    if exact_hits:
        best = max(exact_hits, key=lambda at: _score(text, at, at + len(exact), exact, prefix, suffix, start))
        return Anchor(best, best + len(exact), MOVED)
    fuzzy = _fuzzy(text, exact, prefix, suffix, start)
    return fuzzy if fuzzy is not None else Anchor(start, end, ORPHANED)


def _occurrences(text: str, exact: str, limit: int = 1000) -> list[int]:
    hits, at = [], text.find(exact) if exact else -1
    while at != -1 and len(hits) < limit:
        hits.append(at)
        at = text.find(exact, at + 1)
    return hits


def _score(text: str, at: int, end: int, exact: str, prefix: str, suffix: str, hint: int) -> float:
    quote = _similarity(text[at:end], exact)
    before = _similarity(text[max(0, at - len(prefix)):at], prefix) if prefix else 1.0
    after = _similarity(text[end:end + len(suffix)], suffix) if suffix else 1.0
    position = 1.0 - min(1.0, abs(at - hint) / max(1, len(text)))
    return QUOTE_WEIGHT * quote + PREFIX_WEIGHT * before + SUFFIX_WEIGHT * after + POSITION_WEIGHT * position


def _similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _fuzzy(text: str, exact: str, prefix: str, suffix: str, hint: int) -> Anchor | None:
    """The best window of about the quote's length, among places where context or quote match."""
    if not exact or not text:
        return None
    candidates: set[int] = set()
    # Where the context still is, the quote sits between (or right after / before) it.
    for hit in _occurrences(text, prefix[-CONTEXT_CHARS:], 50) if prefix else []:
        candidates.add(hit + len(prefix[-CONTEXT_CHARS:]))
    for hit in _occurrences(text, suffix[:CONTEXT_CHARS], 50) if suffix else []:
        candidates.add(max(0, hit - len(exact)))
    # Where the longest piece of the quote still is.
    matcher = difflib.SequenceMatcher(None, text, exact, autojunk=False)
    block = matcher.find_longest_match(0, len(text), 0, len(exact))
    if block.size >= min(8, len(exact)):
        candidates.add(max(0, block.a - block.b))
    best: tuple[float, int, int] | None = None
    for at in candidates:
        for end in _end_candidates(text, at, exact, suffix):
            similarity = _similarity(text[at:end], exact)
            if similarity < MIN_FUZZY_SIMILARITY:
                continue
            score = _score(text, at, end, exact, prefix, suffix, hint)
            if best is None or score > best[0]:
                best = (score, at, end)
    return Anchor(best[1], best[2], MOVED) if best else None


def _end_candidates(text: str, at: int, exact: str, suffix: str) -> set[int]:
    ends = {min(len(text), at + len(exact))}
    if suffix:
        found = text.find(suffix[:CONTEXT_CHARS], at)
        if found != -1 and found - at <= 2 * len(exact):
            ends.add(found)
    return {e for e in ends if e > at}
