"""Placing a stored quote in an article's current text: the one matcher (pure; no SQL).

Selectors are the W3C TextQuoteSelector (exact, prefix, suffix) and TextPositionSelector
(start, end), in code points (Python str indices). The order of trust is Hypothesis's
(client anchoring/text-quote.ts and match-quote.ts):

1. the position, if the text there is still exactly the quote: ANCHORED;
2. the exact quote elsewhere, the occurrence whose context and distance fit best: MOVED;
3. an approximate match, searched only in windows around the position and around the places
   where the quote's context or its own ends still occur: MOVED if similar enough;
4. otherwise ORPHANED: the highlight is kept, never dropped.

Steps 1 and 2 are linear in the text (str.find). Step 3 compares the quote with a bounded
number of spans of about its own length (rapidfuzz's bit-parallel Levenshtein, in C++), and
spends a CPU-time budget shared by the article's highlights: past it, what is left is
orphaned.
The extension trusts these placements and only turns offsets into DOM ranges.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from sourcelight.contract import ANCHORED, MOVED, ORPHANED

__all__ = ["Quote", "Anchor", "Budget", "anchor_quote", "context_of", "find_exact_near", "CONTEXT_CHARS"]

# Prefix and suffix stored with a quote: about 32 characters each, as Hypothesis stores.
CONTEXT_CHARS = 32
# An approximate match must agree with the quote at least this much (1 - edits / length).
# Below it, a short quote matches unrelated words ("cat" → "bat" is 0.67).
MIN_QUOTE_SIMILARITY = 0.75
# Hypothesis's match-quote weights: the quote matters most, then its context, then position.
QUOTE_WEIGHT = 50
PREFIX_WEIGHT = 20
SUFFIX_WEIGHT = 20
POSITION_WEIGHT = 2
# Exact occurrences scored in step 2: the nearest to the position on either side, plus the
# nearest where the quote still sits with its prefix or its suffix. A word that occurs
# thousands of times costs no more than this.
EXACT_CANDIDATES = 32
CONTEXT_CANDIDATES = 4
# Step 3 looks up pieces of the context and of the quote (its head, middle and tail) of this
# many characters; pieces shorter than MIN_PROBE_CHARS match too much to say anything.
PROBE_CHARS = 32
MIN_PROBE_CHARS = 5
# A span at MIN_QUOTE_SIMILARITY can be at most a quarter shorter or a third longer.
MIN_LENGTH_RATIO = 0.75
# Spans (both ends known) and windows (aligned with the quote) compared for one quote.
MAX_SPANS = 24
MAX_WINDOWS = 3
# The approximate step's budget, in CPU seconds of the thread doing it (time.thread_time:
# other requests' work does not count against it): per quote, and for all the highlights of
# one article. Past it, what is left is orphaned, and kept.
QUOTE_BUDGET_SECONDS = 0.1
ARTICLE_BUDGET_SECONDS = 0.6


@dataclass(frozen=True)
class Quote:
    """A stored highlight's selectors: the quote, its context, and where it was."""

    exact: str
    prefix: str = ""
    suffix: str = ""
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Anchor:
    """Where the quote is in the current text, and how it was found (ANCHORED, MOVED, ORPHANED).

    For an orphan, start and end are the stored ones (they refer to the older text).
    """

    start: int
    end: int
    state: str


class Budget:
    """CPU time the approximate step may still take for one article's highlights."""

    def __init__(self, seconds: float = ARTICLE_BUDGET_SECONDS) -> None:
        self.until = time.thread_time() + seconds

    def deadline(self, seconds: float) -> float:
        """The earlier of the article's deadline and ``seconds`` from now."""
        return min(self.until, time.thread_time() + seconds)

    @staticmethod
    def exhausted(deadline: float) -> bool:
        return time.thread_time() >= deadline


def context_of(text: str, start: int, end: int) -> tuple[str, str]:
    """The prefix and suffix a TextQuoteSelector stores for text[start:end]."""
    return text[max(0, start - CONTEXT_CHARS):start], text[end:end + CONTEXT_CHARS]


def find_exact_near(text: str, exact: str, start: int, *, within: int) -> int | None:
    """Where ``exact`` occurs closest to ``start``, if no farther than ``within`` characters."""
    if not exact:
        return None
    hits = [at for at in _nearest(text, exact, start, 2) if abs(at - start) <= within]
    return min(hits, key=lambda at: (abs(at - start), at)) if hits else None


def anchor_quote(text: str, quote: Quote, budget: Budget | None = None) -> Anchor:
    """Place ``quote`` in ``text`` (steps 1–4 of the module's docstring)."""
    exact = quote.exact
    if not exact:
        return Anchor(quote.start, quote.end, ORPHANED)
    if text[quote.start:quote.start + len(exact)] == exact:
        return Anchor(quote.start, quote.start + len(exact), ANCHORED)
    found = _exact_elsewhere(text, quote)
    if found is not None:
        return Anchor(found, found + len(exact), MOVED)
    budget = budget if budget is not None else Budget()
    approximate = _approximate(text, quote, budget)
    if approximate is not None:
        return Anchor(approximate[0], approximate[1], MOVED)
    return Anchor(quote.start, quote.end, ORPHANED)


# -- step 2: the exact quote elsewhere --------------------------------------------------------

def _exact_elsewhere(text: str, quote: Quote) -> int | None:
    exact, hint = quote.exact, quote.start
    candidates = set(_nearest(text, exact, hint, EXACT_CANDIDATES // 2))
    if not candidates:
        return None
    # Where the quote still has its context around it, however far it moved.
    if quote.prefix:
        candidates.update(at + len(quote.prefix) for at in _nearest(text, quote.prefix + exact, hint, CONTEXT_CANDIDATES))
    if quote.suffix:
        candidates.update(_nearest(text, exact + quote.suffix, hint, CONTEXT_CANDIDATES))
    return max(sorted(candidates), key=lambda at: _score(text, quote, at, at + len(exact), 1.0))


# -- step 3: approximately, near where its pieces still are ----------------------------------

def _approximate(text: str, quote: Quote, budget: Budget) -> tuple[int, int] | None:
    """The best span similar enough to the quote: first spans whose both ends are known (from
    the context and the quote's own head and tail), then windows aligned with the quote."""
    deadline = budget.deadline(QUOTE_BUDGET_SECONDS)
    best: tuple[float, int, int] | None = None
    for start, end in _spans(text, quote):
        if budget.exhausted(deadline):
            return _found(best)
        best = _better(best, text, quote, start, end)
        if best is not None and _in_context(text, quote, best[1], best[2]):
            return _found(best)  # similar, and its prefix and suffix are exactly as stored
    if best is not None:
        return _found(best)
    for low, high in _windows(text, quote):
        if budget.exhausted(deadline):
            break
        best = _better(best, text, quote, *_align(quote.exact, text, low, high))
    return _found(best)


def _better(best, text: str, quote: Quote, start: int, end: int):
    if end <= start:
        return best
    similarity = Levenshtein.normalized_similarity(quote.exact, text[start:end], score_cutoff=MIN_QUOTE_SIMILARITY)
    if similarity < MIN_QUOTE_SIMILARITY:
        return best
    score = _score(text, quote, start, end, similarity)
    return (score, start, end) if best is None or score > best[0] else best


def _in_context(text: str, quote: Quote, start: int, end: int) -> bool:
    return (bool(quote.prefix or quote.suffix) and text[max(0, start - len(quote.prefix)):start] == quote.prefix
            and text[end:end + len(quote.suffix)] == quote.suffix)


def _found(best) -> tuple[int, int] | None:
    return (best[1], best[2]) if best else None


def _ends(text: str, quote: Quote) -> tuple[list[int], list[int]]:
    """Where the changed quote may start and end: after its prefix, at its head; before its
    suffix, after its tail (each looked up near its old place)."""
    exact, hint, size = quote.exact, quote.start, len(quote.exact)
    prefix, suffix = quote.prefix[-PROBE_CHARS:], quote.suffix[:PROBE_CHARS]
    probe = min(PROBE_CHARS, max(1, size // 3))
    # Context first: a span between the stored prefix and suffix is the likeliest.
    starts, ends = [], []
    if len(prefix) >= MIN_PROBE_CHARS:
        starts += [at + len(prefix) for at in _nearest(text, prefix, hint - len(prefix), CONTEXT_CANDIDATES)]
    if len(suffix) >= MIN_PROBE_CHARS:
        ends += _nearest(text, suffix, hint + size, CONTEXT_CANDIDATES)
    if probe >= MIN_PROBE_CHARS:
        starts += _nearest(text, exact[:probe], hint, CONTEXT_CANDIDATES)
        ends += [at + probe for at in _nearest(text, exact[-probe:], hint + size - probe, CONTEXT_CANDIDATES)]
    # No stored prefix (suffix): the quote began (ended) the text.
    if not quote.prefix:
        starts.append(0)
    if not quote.suffix:
        ends.append(len(text))
    return starts + [hint], ends + [hint + size]


def _spans(text: str, quote: Quote) -> list[tuple[int, int]]:
    """Candidate spans with both ends known, of a length a similar match can have."""
    size = len(quote.exact)
    starts, ends = _ends(text, quote)
    # Both ends known, in the order found (context first, nearest first); then one end known.
    spans = [(start, end) for start in starts for end in ends
             if MIN_LENGTH_RATIO * size <= end - start <= size / MIN_LENGTH_RATIO]
    spans += [(start, start + size) for start in starts] + [(end - size, end) for end in ends]
    unique: list[tuple[int, int]] = []
    for start, end in spans:
        span = (max(0, start), min(len(text), end))
        if span not in unique:
            unique.append(span)
    return unique[:MAX_SPANS]


def _windows(text: str, quote: Quote) -> list[tuple[int, int]]:
    """Stretches around the old place and around the quote's middle, for when neither end of
    the quote (nor its context) is left as it was."""
    exact, hint, size = quote.exact, quote.start, len(quote.exact)
    slack = int(size * (1 / MIN_LENGTH_RATIO - 1)) + CONTEXT_CHARS
    spans = [(hint - slack, hint + size + slack)]
    if size >= 3 * PROBE_CHARS:
        middle = size // 2 - PROBE_CHARS // 2
        for at in _nearest(text, exact[middle:middle + PROBE_CHARS], hint + middle, CONTEXT_CANDIDATES):
            spans.append((at - middle - slack, at - middle + size + slack))
    windows: list[tuple[int, int]] = []
    for low, high in spans:
        low, high = max(0, low), min(len(text), high)
        if high > low and (low, high) not in windows:
            windows.append((low, high))
    return windows[:MAX_WINDOWS]


def _align(exact: str, text: str, low: int, high: int) -> tuple[int, int]:
    """The part of text[low:high] that the quote aligns with (the window's extra ends dropped)."""
    ops = [op for op in Levenshtein.opcodes(exact, text[low:high]) if op.tag != "insert"]
    if not ops:
        return low, low
    return low + ops[0].dest_start, low + ops[-1].dest_end


# -- scoring --------------------------------------------------------------------------------------

def _score(text: str, quote: Quote, start: int, end: int, similarity: float) -> float:
    """Hypothesis's match score: quote, prefix, suffix and nearness, weighted (0..1)."""
    before = text[max(0, start - len(quote.prefix)):start]
    after = text[end:end + len(quote.suffix)]
    prefix = Levenshtein.normalized_similarity(quote.prefix, before) if quote.prefix else 1.0
    suffix = Levenshtein.normalized_similarity(quote.suffix, after) if quote.suffix else 1.0
    position = 1.0 - min(1.0, abs(start - quote.start) / max(1, len(text)))
    total = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT
    return (QUOTE_WEIGHT * similarity + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix
            + POSITION_WEIGHT * position) / total


def _nearest(text: str, needle: str, hint: int, per_side: int) -> list[int]:
    """Up to ``per_side`` occurrences of ``needle`` at or after ``hint`` and as many before it.

    Linear: each str.find / rfind starts where the previous one stopped.
    """
    if not needle:
        return []
    hint = max(0, min(len(text), hint))
    hits: list[int] = []
    at = text.find(needle, hint)
    while at != -1 and len(hits) < per_side:
        hits.append(at)
        at = text.find(needle, at + 1)
    before, end = 0, hint + len(needle) - 1
    while before < per_side:
        at = text.rfind(needle, 0, end)
        if at == -1:
            break
        if at < hint:
            hits.append(at)
            before += 1
        end = at + len(needle) - 1
    return hits
