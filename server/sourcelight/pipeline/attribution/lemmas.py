"""Lemmas of words, so that a lexicon lists "sagen" once instead of sagt, sagte, sagten …
(docs/lexicons.md). Each lexicon names its lemmatizer: simplemma (dictionary-based, all
our languages, no model download) or pymorphy3 (Russian morphology: призналась →
признаться, заявили → заявить). Both are loaded on first use and cached per process.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# A word for lemmatizing: letters, with inner hyphens or apostrophes ("explique-t-elle" is
# three words; "aujourd'hui" one).
WORD = re.compile(r"\w+(?:['’]\w+)*")
LEMMATIZERS = ("none", "simplemma", "pymorphy3")


@dataclass(frozen=True)
class WordMatch:
    """A word found by its lemma; quacks like the ``re.Match`` the engine gets from word
    lists (``group()``, ``start()``, ``end()``, ``span()``)."""

    text: str
    begin: int
    finish: int

    def group(self, *_: int) -> str:
        return self.text

    def start(self, *_: int) -> int:
        return self.begin

    def end(self, *_: int) -> int:
        return self.finish

    def span(self, *_: int) -> tuple[int, int]:
        return self.begin, self.finish


@functools.cache
def _pymorphy():
    import pymorphy3  # imported on first use: the dictionaries take a moment to load

    return pymorphy3.MorphAnalyzer(lang="ru")


@functools.lru_cache(maxsize=100_000)
def lemma(word: str, language: str, lemmatizer: str) -> str:
    """The dictionary form of ``word`` (lower case), or the word itself when unknown."""
    lowered = word.lower()
    if lemmatizer == "pymorphy3":
        return _pymorphy().parse(lowered)[0].normal_form
    if lemmatizer == "simplemma":
        import simplemma

        # The memory-frugal backend loads its dictionary several times faster, same lemmas.
        return simplemma.lemmatize(word, lang=language, low_memory=True).lower()
    return lowered


def lemma_matches(text: str, lemmas: frozenset[str], language: str, lemmatizer: str,
                  dictionary_form_too: bool = True) -> tuple[WordMatch, ...]:
    """Every word of ``text`` whose lemma is in ``lemmas``; without ``dictionary_form_too``
    not the lemma itself (an infinitive, "говорить", "déclarer": no finite verb)."""
    if not lemmas or lemmatizer == "none":
        return ()
    found = []
    for m in WORD.finditer(text):
        word = m.group()
        if word.isdigit():
            continue
        base = lemma(word, language, lemmatizer)
        if base in lemmas and (dictionary_form_too or base != word.lower()):
            found.append(WordMatch(word, m.start(), m.end()))
    return tuple(found)
