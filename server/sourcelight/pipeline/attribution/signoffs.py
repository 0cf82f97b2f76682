"""Sign-off lines: "― Sonya Herridge" under a quote or right after it closes, "— Paul Ryan
(@SpeakerRyan) July 5, 2016" under an embedded post. The dash and the name are the attribution
of what stands right above them (context.py carries it there); typography, so the same in
every language.
"""
from __future__ import annotations

import re

from sourcelight.pipeline.attribution.clauses import Finding
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.quotes import QuoteState
from sourcelight.pipeline.attribution.sources import classify
from sourcelight.pipeline.model import Sentence, SourceKind
from sourcelight.pipeline.segment import NAME_WORD

# A dash, a name of up to five words (initials and "de", "van" between them allowed), an
# optional handle, role ("…, 34, teacher") or date, and nothing else.
_DASH = r"(?:[―—–]|--?)"
_NAME_RUN = rf"(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{0,4}}?)"
SIGN_OFF = re.compile(
    rf"\s*(?P<dash>{_DASH})\s*{_NAME_RUN}"
    r"(?:\s*\((?P<handle>@\w+)\))?(?:\s*,\s*[^.,]{1,40}){0,3}"
    r"(?:\s+[A-Z][a-z]+\.? \d{1,2}, \d{4})?\s*[.]?\s*$")
# A speaker's tag after a quote that ends its sentence: a dash, a verb in lower case (whatever
# the verb: "спросил", "удивился", "fragte"), a name ("«Почему?» — спросил Иван Петров.").
_TAG_AFTER_QUOTE = re.compile(
    rf"\s*,?\s*(?P<dash>{_DASH})\s*(?P<verb>[^\W\d_][\w-]*)\s+{_NAME_RUN}\s*[.!]?\s*$")
# What a signed line may be: a person; a body or an outlet only with its handle.
SIGNERS = (SourceKind.NAMED_PERSON,)
HANDLE_SIGNERS = (SourceKind.NAMED_PERSON, SourceKind.ORGANIZATION, SourceKind.MEDIA)


def with_sign_offs(sentences: list[Sentence] | tuple[Sentence, ...], findings: list[Finding | None],
                   quotes: list[QuoteState], lexicon: Lexicon) -> list[Finding | None]:
    """The findings, with a sign-off line's own: only under a quote, or with a handle."""
    signed = list(findings)
    for index, sentence in enumerate(sentences):
        if findings[index] is not None:
            # "We apologise to all passengers … — Stansted Airport (@STN_Airport) December 22,
            # 2014": the post's "we" is whoever signs it, not the writer
            signer = _closing_sign_off(sentence.text) if lexicon.is_first_person(findings[index].source) else None
            signed[index] = (_signed_by(sentence.text, signer, HANDLE_SIGNERS, lexicon) if signer is not None
                             else None) or findings[index]
            continue
        tagged = _tag_after_quote(sentence.text, quotes[index], lexicon)
        if tagged is not None:
            signed[index] = tagged
            continue
        match = _after_quote(sentence.text, quotes[index])
        if match is None and index > 0 and not quotes[index].stretches:
            match = SIGN_OFF.match(sentence.text) or _closing_sign_off(sentence.text)
            above = quotes[index - 1]
            if match is not None and match.group("handle") is None and not (
                    above.stretches and not above.ends_inside
                    and above.stretches[-1][1] >= len(sentences[index - 1].text.rstrip())):
                continue  # "— Getty Images" under a photo, a dash before a plain name
        if match is None:
            continue
        signed[index] = _signed_by(sentence.text, match,
                                   HANDLE_SIGNERS if match.group("handle") is not None else SIGNERS, lexicon)
    return signed


def _signed_by(text: str, match: re.Match[str], kinds: tuple[SourceKind, ...], lexicon: Lexicon) -> Finding | None:
    """The sign-off's name as the finding, where it names a source of one of ``kinds``."""
    guess = classify(text, match.start("name"), match.end("name"), lexicon)
    if guess is None or guess.kind not in kinds:
        return None
    return Finding(guess.kind, guess.text, (guess.start, guess.end), match.group("dash"), match.span("dash"),
                   signs_above=True)


def _after_quote(text: str, quote: QuoteState) -> re.Match[str] | None:
    """'… our greatest shame.” ― Sonya Herridge': the sign-off right after the quote closes,
    ending the sentence."""
    if not quote.stretches:
        return None
    return SIGN_OFF.match(text, quote.stretches[-1][1])


def _tag_after_quote(text: str, quote: QuoteState, lexicon: Lexicon) -> Finding | None:
    """'«Почему ремонт так затянулся?» — спросил Иван Петров.': the quote closing the sentence
    is the person the tag after it names, its verb the cue, whether or not the lexicon lists
    that verb (typography: a dash, a verb, a name, and nothing else)."""
    if not quote.stretches or quote.ends_inside:
        return None
    match = _TAG_AFTER_QUOTE.match(text, quote.stretches[-1][1])
    if match is None or not match.group("verb").islower() or not match.group("name")[:1].isupper():
        return None
    guess = classify(text, match.start("name"), match.end("name"), lexicon)
    if guess is None or guess.kind not in SIGNERS:
        return None
    return Finding(guess.kind, guess.text, (guess.start, guess.end), match.group("verb"), match.span("verb"))


def _closing_sign_off(text: str) -> re.Match[str] | None:
    """'This is a disgrace. #RINO — Ben Jacobs (@Bencjacobs) September 1, 2016': a post's
    text and its sign-off in one sentence; only with the handle."""
    for dash in re.finditer(rf"\s{_DASH}\s", text):
        match = SIGN_OFF.match(text, dash.start())
        if match is not None and match.group("handle") is not None:
            return match
    return None


__all__ = ["with_sign_offs", "SIGN_OFF"]
