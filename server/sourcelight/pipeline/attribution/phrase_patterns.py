"""One regular expression per lexicon word list: the phrases as a trie (common prefixes
factored out), any run of whitespace for a space, either apostrophe, each negation written
out and contracted, and anchored as the list is used (anywhere, or only where a phrase starts
or ends)."""
from __future__ import annotations

import functools
import re

# Proper names are matched with their case; everything else ignoring case.
CASE_SENSITIVE = {"media_names", "short_media_names", "metonyms", "titles"}
# Lists matched only where a phrase starts / ends, not anywhere inside it.
LEADING = {"parentheticals", "relatives", "leading_conjunctions", "indefinite", "definite", "source_prepositions",
           "negative_determiners", "inverted_pronouns", "oblique_articles",
           "according_to_opening", "own_voice_labels"}
TRAILING = {"skip_before_verb", "object_pronouns"}


_END = ""  # marks the end of a phrase in the trie


def _trie_pattern(phrases: list[str], ignore_case: bool) -> str:
    """One regex for many phrases, with common prefixes factored out: Python's re tries
    alternatives one by one, so a trie is many times faster than "a|b|c" on long lists.
    A longer phrase wins over its prefix ("a senior official" over "a senior"); a space
    in a phrase matches any run of whitespace."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in " ".join(phrase.replace("’", "'").split()):
            node = node.setdefault(char.lower() if ignore_case else char, {})
        node[_END] = {}
    return _trie_to_regex(trie)


def _trie_to_regex(node: dict) -> str:
    ends = _END in node
    branches = []
    for char in sorted(k for k in node if k != _END):
        # Lexicons write the straight apostrophe; text has the typographic one as often
        # ("d’après", "n’a pas souhaité commenter").
        unit = r"\s+" if char == " " else "['’]" if char == "'" else re.escape(char)
        branches.append(unit + _trie_to_regex(node[char]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


def with_contractions(words: list[str], contractions: list[tuple[str, str]]) -> list[str]:
    """Each phrase as written and with each negation spelled the other way: "did not return"
    and "didn't return" ("would not say", "wouldn't say")."""
    if not contractions:
        return list(words)
    finder, other = _negations(tuple(contractions))
    spelled = list(words)
    for phrase in words:
        for written in {match.group().lower() for match in finder.finditer(phrase)}:
            spelled.append(re.sub(_whole(written), lambda _, spelling=other[written]: spelling, phrase,
                                  flags=re.IGNORECASE))
    return spelled


@functools.cache
def _negations(contractions: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern finding every spelling of the pairs (built once per lexicon, not once per
    phrase and pair), and each spelling's other spelling."""
    other = {}
    for full, short in contractions:
        other[full.lower()], other[short.lower()] = short, full
    forms = "|".join(_whole(form) for form in sorted(other, key=len, reverse=True))
    return re.compile(forms, re.IGNORECASE), other


def _whole(form: str) -> str:
    return rf"(?<![\w']){re.escape(form)}(?![\w'])"


def phrase_pattern(words: list[str], key: str) -> re.Pattern[str]:
    flags = 0 if key in CASE_SENSITIVE else re.IGNORECASE
    body = _trie_pattern(words, bool(flags)) if words else r"(?!x)x"
    if key in LEADING:
        template = r"\s*(?:{})(?!\w)"  # used with .match(), which anchors at pos
    elif key in TRAILING:
        template = r"(?<!\w)(?:{})\s*$"
    else:
        template = r"(?<!\w)(?:{})(?!\w)"
    return re.compile(template.format(body), flags)


__all__ = ["phrase_pattern", "with_contractions", "CASE_SENSITIVE", "LEADING", "TRAILING"]
