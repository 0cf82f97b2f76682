"""Where a source phrase found in running text begins and ends: no edge punctuation (but the
period of "U.S." and the bracket or quote mark closing one the phrase opened), no leading
"and", no time stamp of a live blog's entry, no verb before the pronoun it takes after it
("a-t-elle")."""
from __future__ import annotations

import re

from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.names import EDGE_PUNCTUATION

# A live blog's time stamp opening an entry: "14.29 Indonesian authorities are hoping …"
_CLOCK_TIME = re.compile(r"\d{1,2}[.:]\d{2}\s+(?=[A-Z])")
# Closing marks and the marks they close (German quotes close with "“": „…“)
_CLOSING = {")": "(", "]": "[", "”": "“", "»": "«", "“": "„"}
_OPENING = {opening: closing for closing, opening in _CLOSING.items()}


def trim_phrase(text: str, start: int, end: int, lexicon: Lexicon) -> tuple[int, int]:
    """Narrow [start, end) to the phrase proper: no edge punctuation, no leading 'and', no
    time stamp of a live blog's entry."""
    while True:
        while start < end and text[start] in EDGE_PUNCTUATION and not _opens_what_it_closes(text, start, end):
            start += 1
        clock = _CLOCK_TIME.match(text, start, end)
        if clock:
            start = clock.end()
        while end > start and text[end - 1] in EDGE_PUNCTUATION and not _ends_abbreviation(text, end) \
                and not _closes_what_it_opened(text, start, end):
            end -= 1
        match = lexicon.patterns["leading_conjunctions"].match(text, start, end)
        if not match or match.end() == start:
            return _inverted_pronoun(text, start, end, lexicon), end
        start = match.end()


def _inverted_pronoun(text: str, start: int, end: int, lexicon: Lexicon) -> int:
    """Where the pronoun a verb takes after it begins ("a-t-elle", "dit-il": "elle", "il";
    grammar.inverted_pronouns), else ``start``."""
    if any(c.isspace() for c in text[start:end]):
        return start
    for match in lexicon.patterns["inverted_pronouns"].finditer(text, start, end):
        if match.end() == end and match.start() > start:
            return text.rfind("-", start, end) + 1
    return start


def _closes_what_it_opened(text: str, start: int, end: int) -> bool:
    """The ")" of "the Employers' Association (UCEA)", the "”" of "the new “dot plot”": the
    phrase's last mark closes a bracket or a quote the phrase opened."""
    last = text[end - 1]
    if last == '"':
        return text.count('"', start, end - 1) % 2 == 1
    opening = _CLOSING.get(last)
    return opening is not None and text.count(opening, start, end) > text.count(last, start, end - 1)


def _opens_what_it_closes(text: str, start: int, end: int) -> bool:
    """The "„" of "„Extrablatt“ der Partei": the phrase's first mark opens a quote or a
    bracket the phrase closes before words of its own (not a quoted word alone, “Verunstaltungen”)."""
    closing = _OPENING.get(text[start])
    at = text.find(closing, start + 1, end) if closing is not None else -1
    return at > 0 and bool(text[at + 1:end].strip(EDGE_PUNCTUATION))


def past_closing_mark(text: str, start: int, end: int) -> int:
    """``end``, or one past the quote mark or bracket just after it that closes one the
    phrase opened ("the new “dot plot”", whose words the parse ends at "plot")."""
    if end < len(text) and text[end] in _CLOSING.keys() | {'"'} and _closes_what_it_opened(text, start, end + 1):
        return end + 1
    return end


def _ends_abbreviation(text: str, end: int) -> bool:
    # Keep the period of "U.S." or "Mr." at the end of a phrase.
    return text[end - 1] == "." and end >= 3 and (text[end - 3] == "." or text[end - 3:end - 1] in ("Mr", "Dr", "Ms", "Jr", "St"))


__all__ = ["trim_phrase", "past_closing_mark"]
