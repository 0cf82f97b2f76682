"""Where a source phrase found in running text begins and ends: no edge punctuation (but the
period of "U.S." and the bracket a phrase opened), no leading "and", no time stamp of a live
blog's entry."""
from __future__ import annotations

import re

from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.names import EDGE_PUNCTUATION

# A live blog's time stamp opening an entry: "14.29 Indonesian authorities are hoping …"
_CLOCK_TIME = re.compile(r"\d{1,2}[.:]\d{2}\s+(?=[A-Z])")


def trim_phrase(text: str, start: int, end: int, lexicon: Lexicon) -> tuple[int, int]:
    """Narrow [start, end) to the phrase proper: no edge punctuation, no leading 'and', no
    time stamp of a live blog's entry."""
    while True:
        while start < end and text[start] in EDGE_PUNCTUATION:
            start += 1
        clock = _CLOCK_TIME.match(text, start, end)
        if clock:
            start = clock.end()
        while end > start and text[end - 1] in EDGE_PUNCTUATION and not _ends_abbreviation(text, end) and not (
                text[end - 1] == ")" and text.count("(", start, end) > text.count(")", start, end - 1)):
            end -= 1  # (but the ")" of "the Employers' Association (UCEA)" closes what the phrase opened)
        match = lexicon.patterns["leading_conjunctions"].match(text, start, end)
        if not match or match.end() == start:
            return start, end
        start = match.end()


def _ends_abbreviation(text: str, end: int) -> bool:
    # Keep the period of "U.S." or "Mr." at the end of a phrase.
    return text[end - 1] == "." and end >= 3 and (text[end - 3] == "." or text[end - 3:end - 1] in ("Mr", "Dr", "Ms", "Jr", "St"))


__all__ = ["trim_phrase"]
