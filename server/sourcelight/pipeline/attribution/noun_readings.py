"""A cue verb's form that a determiner before it makes a noun: French "le juge", "au juge",
"cette note", Spanish "una denuncia" name a judge, a note or a complaint; they report no one's
words. The rule engine's languages say which words mark a noun (grammar.noun_determiners),
which articles are also object pronouns ("il le juge", "la denuncia" as "denounces her":
grammar.article_pronouns), and after which words such an article is an article ("contre le
juge", "es la pregunta": grammar.article_openers)."""
from __future__ import annotations

import re

from sourcelight.pipeline.attribution.lexicon import Lexicon

_LAST_WORD = re.compile(r"(\w+['’]?)\W*$")
# what may open a clause right before an article: the article then opens a noun phrase
_CLAUSE_OPENERS = ",;:(«“\"—–"


def is_determined_noun(text: str, cue: re.Match[str], lexicon: Lexicon) -> bool:
    """Whether the word right before the cue makes the cue a noun."""
    before = text[:cue.start()]
    if before and not (before[-1].isspace() or before[-1] in "'’"):
        return False
    match = _last_word(before)
    if match is None:
        return False
    word = _folded(match)
    if lexicon.patterns["noun_determiners"].fullmatch(word):
        return True
    if not lexicon.patterns["article_pronouns"].fullmatch(word):
        return False
    rest = before[:match.start(1)].rstrip()
    if not rest or rest[-1] in _CLAUSE_OPENERS:
        return True
    opener = _last_word(rest)
    return opener is not None and bool(lexicon.patterns["article_openers"].fullmatch(_folded(opener)))


def _last_word(text: str) -> re.Match[str] | None:
    match = _LAST_WORD.search(text)
    return match if match is not None and match.end(1) >= len(text.rstrip()) else None


def _folded(match: re.Match[str]) -> str:
    return match.group(1).casefold().replace("’", "'")


__all__ = ["is_determined_noun"]
