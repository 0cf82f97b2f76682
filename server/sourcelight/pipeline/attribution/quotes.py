"""Quotation marks across an article: which stretches of each sentence are quoted, and
whether a quote runs on from one sentence (or paragraph) into the next.

The quoted words are masked before cues are searched, so that a speech verb inside a
quote ("We said no," he said.) is never taken for the attribution.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from sourcelight.pipeline.model import Sentence

MASK = "\x00"  # stands in for quoted characters; never a word character
# A quote shorter than this many words is a scare quote or a title, not a direct quote.
MIN_QUOTE_WORDS = 2
# How many paragraphs with no quotation mark a quote may run over, its marks left out,
# before a paragraph that closes it.
MAX_UNMARKED_PARAGRAPHS = 2


@dataclass(frozen=True)
class QuoteState:
    """Quote facts of one sentence (offsets relative to the sentence)."""

    stretches: tuple[tuple[int, int], ...]
    starts_inside: bool
    ends_inside: bool
    quoted_words: int
    opens_at_start: bool

    @property
    def is_direct(self) -> bool:
        return self.quoted_words >= MIN_QUOTE_WORDS

    def masked(self, text: str) -> str:
        chars = list(text)
        for start, end in self.stretches:
            chars[start:end] = MASK * (end - start)
        return "".join(chars)

    def mostly_quoted(self, text: str) -> bool:
        inside = sum(end - start for start, end in self.stretches)
        return inside >= 0.6 * len(text.strip())


def quote_states(sentences: list[Sentence] | tuple[Sentence, ...],
                 pairs: tuple[tuple[str, str], ...],
                 single_pairs: tuple[tuple[str, str], ...] = ()) -> list[QuoteState]:
    """The quote state of every sentence, carrying an open quote across sentences and
    across paragraphs that reopen it (the newspaper convention for long quotes). Single
    marks quote only within their sentence, outside the double marks' stretches."""
    openers = {}
    for opening, closing in pairs:
        openers.setdefault(opening, closing)
    closers = {closing for _, closing in pairs}
    singles = dict(single_pairs)
    states: list[QuoteState] = []
    expected: str | None = None  # the closing mark of the quote open at this point
    previous_block = None
    for index, sentence in enumerate(sentences):
        text = _scanned(sentence.text, openers)
        first = text.lstrip()[:1]
        if sentence.block != previous_block and expected is not None and first not in openers \
                and not _closed_unopened(sentences, index, openers, closers):
            expected = None  # a new paragraph that does not reopen the quote ends it
        if sentence.block != previous_block and expected is not None and first in openers:
            expected = None  # the paragraph reopens it: the opener below starts a stretch
        previous_block = sentence.block
        state, expected = _scan(text, expected, openers, closers, singles)
        states.append(state)
    return _without_dangling(sentences, states, openers, closers, singles)


def _without_dangling(sentences, states: list[QuoteState], openers: dict[str, str],
                      closers: set[str], singles: dict[str, str]) -> list[QuoteState]:
    """A quotation mark that never closes in its paragraph, where the next paragraph does
    not reopen a quote (the convention for a quote running over paragraphs), is a stray or a
    typo: it must not hide the cues of every later sentence of the paragraph, nor run on into
    the next paragraph (whose speaker is not its speaker: '"As we have explained before, … ¶
    Then, in 2017, Kerry said that …' is not Kerry's)."""
    for index, sentence in enumerate(sentences):
        last_of_block = index + 1 == len(sentences) or sentences[index + 1].block != sentence.block
        if not last_of_block or not states[index].ends_inside:
            continue
        following = _scanned(sentences[index + 1].text, openers).lstrip()[:1] if index + 1 < len(sentences) else ""
        if following in openers or _closed_unopened(sentences, index + 1, openers, closers):
            continue
        first = index
        while first > 0 and sentences[first - 1].block == sentence.block and states[first].starts_inside:
            first -= 1
        for later in range(first + 1, index + 1):
            states[later], _ = _scan(_scanned(sentences[later].text, openers), None, openers, closers, singles)
        states[index] = replace(states[index], ends_inside=False)
    return states


def _closed_unopened(sentences, first: int, openers: dict[str, str], closers: set[str]) -> bool:
    """The paragraph from ``first`` on, or one of the next few after paragraphs with no
    quotation mark at all, closes a quote it never opened ('… declared “I think NATO may be
    obsolete. ¶ … NATO was set up a long time ago. Things are different now.”'): the quote of
    the paragraph before runs on into it, its opening mark left out."""
    index, unmarked = first, 0
    while index < len(sentences) and unmarked <= MAX_UNMARKED_PARAGRAPHS:
        block = sentences[index].block
        paragraph = []
        while index < len(sentences) and sentences[index].block == block:
            paragraph.append(sentences[index].text)
            index += 1
        text = _scanned(" ".join(paragraph), openers)
        marks = [i for i, char in enumerate(text) if char in openers or char in closers]
        if marks:
            return _closes(text, marks[0])
        unmarked += 1
    return False


def _scanned(text: str, openers: dict[str, str]) -> str:
    """The text as the quotes are read: two apostrophes standing for a double quotation mark
    (''misconstrued'', as some archives and plain-text feeds write them) read as one; same
    length, same offsets."""
    return text.replace("''", "\"\u2060") if '"' in openers and "''" in text else text


def _scan(text: str, expected: str | None, openers: dict[str, str],
          closers: set[str], singles: dict[str, str]) -> tuple[QuoteState, str | None]:
    starts_inside = expected is not None
    stretches: list[tuple[int, int]] = []
    begin = 0 if starts_inside else None
    nested = 0
    for position, char in enumerate(text):
        if expected is not None and _nests(text, position, char, expected, openers):
            nested += 1  # '“… what he calls “hell” than live …”': a quote inside, same marks
        elif nested and char == expected:
            nested -= 1
        elif expected is not None and (char == expected or ((char in closers or char in openers) and _closes(text, position))):
            if begin is not None:
                stretches.append((begin, position + 1))
            expected, begin = None, None
        elif expected is None and char in openers and _opens(text, position, char, closers):
            expected, begin = openers[char], position
        elif expected is None and char in closers and _opens_reversed(text, position, char, openers):
            expected, begin = char, position
    stretches = [(s, e) for s, e in stretches if not _is_title(text[s:e])]
    if expected is not None and begin is not None:
        stretches.append((begin, len(text)))  # runs on: '“Fear.' opens a quote, names nothing
    if singles:
        single = _single_stretches(text, stretches, singles, set(openers) | closers)
        stretches = sorted(stretches + [(s, e) for s, e in single if not _is_title(text[s:e])])
    words = sum(len(text[s:e].split()) for s, e in stretches)
    opens_at_start = bool(stretches) and stretches[0][0] <= len(text) - len(text.lstrip())
    return QuoteState(tuple(stretches), starts_inside, expected is not None, words, opens_at_start), expected


# What may stand right before a single opening mark: the start, a space, or one of these.
_BEFORE_SINGLE = frozenset("([{—–-/:")


def _single_stretches(text: str, taken: list[tuple[int, int]], singles: dict[str, str],
                      double_marks: set[str]) -> list[tuple[int, int]]:
    """Stretches in single marks outside the double marks' stretches: an opening mark after a
    space before a letter ("calls Obamacare ‘crazy system’"), closed by its closing mark after
    a word and before no letter, so an apostrophe ("Clinton’s", "’90s", "voters’ pay") neither
    opens nor closes one. A mark left open, or a double mark before the close, quotes nothing."""
    if not any(mark in text for mark in singles):
        return []  # most sentences: no opening mark to read
    closes = {closing: [i for i, c in enumerate(text) if c == closing and i > 0 and not text[i - 1].isspace()
                        and not text[i + 1:i + 2].isalpha()] for closing in set(singles.values())}
    barriers = [i for i, c in enumerate(text) if c in double_marks] + [len(text)]
    stretches: list[tuple[int, int]] = []
    bounds = [0] + [edge for stretch in sorted(taken) for edge in stretch] + [len(text)]
    for gap_start, gap_end in zip(bounds[::2], bounds[1::2]):
        position = gap_start
        while position < gap_end:
            char = text[position]
            before = text[position - 1:position]
            if char in singles and (not before or before.isspace() or before in _BEFORE_SINGLE) \
                    and text[position + 1:position + 2].isalpha():
                candidates = closes[singles[char]]
                at = bisect.bisect_right(candidates, position)
                close = candidates[at] if at < len(candidates) else len(text)
                if close < min(gap_end, barriers[bisect.bisect_right(barriers, position)]):
                    stretches.append((position, close + 1))
                    position = close
            position += 1
    return stretches


def _nests(text: str, position: int, char: str, expected: str, openers: dict[str, str]) -> bool:
    """An opening mark of the open quote's own kind, after a space and before a word, opens
    a quote inside it when two of its closing marks still follow in the sentence (one for
    each); with only one it is a typo the quote's own close ends."""
    return (openers.get(char) == expected and char != expected and text[position - 1:position].isspace()
            and text[position + 1:position + 2].isalnum() and text.count(expected, position + 1) >= 2)


_TITLE_PUNCTUATION = set(",.!?;:…")
MAX_TITLE_WORDS = 2


def _is_title(stretch: str) -> bool:
    """A short capitalised quoted name (the outlet «Коммерсантъ», the paper „Spiegel“)
    is part of the sentence, not a quote: it is neither masked nor a direct quote."""
    inner = stretch[1:-1].strip()
    words = inner.split()
    return (0 < len(words) <= MAX_TITLE_WORDS and inner[:1].isupper()
            and not _TITLE_PUNCTUATION & set(inner))


def _closes(text: str, position: int) -> bool:
    """Mixed typography ('“Deals should not be a requirement," he said', or an opening mark
    typed for the closing one: '“It's unusual,“ said Noble'): another mark closes the open
    quote where it stands after a word and before a space, a punctuation mark or the end."""
    before = text[position - 1:position]
    after = text[position + 1:position + 2]
    return bool(before) and not before.isspace() and (not after or after.isspace() or after in ",.;:!?)")


# Marks that double as apostrophes ("’90s", "rock ’n’ roll") never open a quote reversed.
_SINGLE_MARKS = frozenset("'’‘‚‹›")


def _opens_reversed(text: str, position: int, char: str, openers: dict[str, str]) -> bool:
    """A closing mark typed for the opening one ('”Mr. Trump embodies …”'): after a space or at
    the start, right before a word."""
    if char in openers or char in _SINGLE_MARKS:
        return False
    before = text[position - 1:position]
    following = text[position + 1:position + 2]
    return (not before or before.isspace()) and following.isalnum()


def _opens(text: str, position: int, char: str, closers: set[str]) -> bool:
    # A mark that is also a closing mark (a straight quote) opens only before a word.
    if char not in closers:
        return True
    following = text[position + 1:position + 2]
    return bool(following) and not following.isspace()
