"""Whom an unnamed spokesperson speaks for: the body after "for" or "of" ("a spokesman for
the ministry"), the name before the role ("a Pentagon spokesman", "Cameron’s spokesman"), or,
with none ("a spokeswoman added"), the organization named before."""
from __future__ import annotations

import re
from dataclasses import replace

from sourcelight.pipeline.attribution.lexicon import BackReference, Lexicon
from sourcelight.pipeline.attribution.names import OWNER_MARKS
from sourcelight.pipeline.model import SourceKind

# An unnamed spokesperson with no body named speaks for the organization named before.
SPOKESPERSON_REFERENCE = BackReference((SourceKind.ORGANIZATION,), SourceKind.ORGANIZATION)


def body_of(phrase: str, spokesperson: re.Match[str], head_end: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """The body a spokesperson speaks for: after 'for'/'of', else the words before."""
    if head_end < len(phrase):
        link_end = phrase.find(" ", head_end + 1)
        return (link_end, len(phrase)) if link_end > 0 else None
    before = phrase[:spokesperson.start()].strip()
    if not before or lexicon.is_determiner(before):
        return None
    # (and "Merkels Sprecher": where every noun has a capital, one word with a genitive -s and
    # no article is a name's; a noun's would have its article, "des Ministeriums Sprecher")
    genitive = lexicon.capitalised_nouns and " " not in before and before.endswith("s") and before[:1].isupper()
    if before.endswith(OWNER_MARKS) or lexicon.patterns["possessives"].fullmatch(before) or genitive:
        # "Cameron’s spokesman", "Ihr Sprecher": whose office, shown whole (not "Cameron’s", nor
        # "Ihr" taken for a body)
        return 0, len(phrase)
    first = re.match(r"\s*(\S+)\s+", phrase)
    if first is not None and lexicon.patterns["indefinite"].fullmatch(first.group(1)) \
            and phrase[first.end():first.end() + 1].islower():
        return 0, len(phrase)  # "A police spokeswoman", whole: its "a" is the spokeswoman's, "a police" no body
    # "A Pentagon spokesman": the Pentagon, not "A Pentagon"
    start = first.end() if first is not None and lexicon.is_determiner(first.group(1)) \
        and phrase[first.end():first.end() + 1].isupper() else 0
    return (start, spokesperson.start())


def spokesperson_without_body(phrase: str, head_end: int, lexicon: Lexicon) -> bool:
    """'A spokesperson added' (the phrase's head ending at ``head_end``): the body is the
    organization named before."""
    spokesperson = lexicon.patterns["spokesperson"].search(phrase)
    if spokesperson is None:
        return False
    return body_of(phrase, spokesperson, head_end, lexicon) is None


def body_named_before(attribution, finding, index: int, sentences, subject_of):
    """'The Harbour Trust opened a new office. A spokesman said …': an unnamed spokesperson that
    no earlier source resolves speaks for the body the sentence just before is about (its
    subject), in the same paragraph or the one before, not for no one."""
    if finding.back_reference is not SPOKESPERSON_REFERENCE or attribution.entity is not None or index == 0 \
            or sentences[index - 1].block < sentences[index].block - 1:
        return attribution
    body = subject_of(index - 1)
    if body is None or body.kind is not SourceKind.ORGANIZATION:
        return attribution
    return replace(attribution, kind=body.kind, entity=body.text)


__all__ = ["SPOKESPERSON_REFERENCE", "body_of", "body_named_before", "spokesperson_without_body"]
