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


def inflected_noun(word: str, language: str, lemmatizer: str) -> bool:
    """'Preise' of 'Preis', 'Patienten' of 'Patient': a form the dictionary derives from
    another noun, where every noun is capitalised (German) and a capital proves no name ('Adele'
    the dictionary reads as a form of the verb 'adeln' is no such noun)."""
    base = _as_in_dictionary(word, language, lemmatizer)
    return base is not None and base != word and base[:1].isupper()


def capitalised_adjective(word: str, language: str, lemmatizer: str) -> bool:
    """'Deutsche' of 'deutsch': a word the dictionary writes in lower case, capitalised,
    where only nouns and names are (German): part of a name ("Die Deutsche Bahn")."""
    # (looked up in lower case: "Deutsche" as written is also the noun, "Deutscher")
    base = _as_in_dictionary(word.lower(), language, lemmatizer)
    return word[:1].isupper() and base is not None and base[:1].islower()


def lower_case_word(word: str, language: str, lemmatizer: str) -> bool:
    """'Sinngemäß', 'Kurz', 'Noch': a capitalised word the dictionary knows in lower case as its
    own dictionary form (an adverb, an adjective, a particle), where only nouns and names take
    a capital (German): opening a sentence, no name. Stricter than capitalised_adjective:
    'Adele', read as a form of 'adeln', is not one, nor 'Klein', which it also knows as a name."""
    lowered = word.lower()
    # (as written too: "Hamburger", "Klein" the dictionary also knows as a noun or a name)
    return word[:1].isupper() and _as_in_dictionary(word, language, lemmatizer) == lowered \
        and _as_in_dictionary(lowered, language, lemmatizer) == lowered


# Grammemes pymorphy3 gives the words of names: first names, surnames, patronymics, places,
# organizations, trade marks.
_NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})


@functools.lru_cache(maxsize=4096)
def person_noun_number(word: str, language: str, lemmatizer: str) -> str | None:
    """"plur" for 'Врачи', 'Журналисты', "sing" for 'Врач': a word the morphology dictionary
    knows as a noun for people (animate) and in no reading as a name ('Песков', 'Путин' are
    also read as surnames), where a capital opening a sentence proves no name (Russian); None
    for any other word, and where there is no such dictionary."""
    if lemmatizer != "pymorphy3":
        return None
    lowered = word.lower()
    analyzer = _pymorphy()
    if not analyzer.word_is_known(lowered):
        return None
    readings = analyzer.parse(lowered)
    if any(_NAME_GRAMMEMES & reading.tag.grammemes for reading in readings):
        return None
    best = readings[0].tag
    if best.POS != "NOUN" or best.animacy != "anim":
        return None
    return best.number


# Linking elements between the parts of a German compound ("Verkehr|s|minister").
_LINKS = ("es", "en", "s", "n", "e")
_MIN_PART = 3


@functools.lru_cache(maxsize=4096)
def compound_stem(stem: str, language: str, lemmatizer: str, depth: int = 2) -> bool:
    """``stem`` is the first part of a compound: a word the dictionary knows, perhaps with a
    linking element ("Polizei", "Verkehrs"), or two such parts ("Bundesgesundheits"); not a
    piece of a word ("Appa" of "Apparat")."""
    if lemmatizer != "simplemma" or len(stem) < _MIN_PART:
        return False
    import simplemma

    forms = [stem] + [stem[:-len(link)] for link in _LINKS if stem.endswith(link) and len(stem) - len(link) >= _MIN_PART]
    if any(simplemma.is_known(form, lang=language, low_memory=True) for form in forms):
        return True
    return depth > 1 and any(
        compound_stem(stem[:cut], language, lemmatizer, 1) and compound_stem(stem[cut].upper() + stem[cut + 1:], language, lemmatizer, 1)
        for cut in range(_MIN_PART, len(stem) - _MIN_PART + 1))


def unknown_word(word: str, language: str, lemmatizer: str) -> bool:
    """A word the dictionary does not know at all (a rare surname, "Relotius"); False where
    there is no dictionary to ask."""
    return lemmatizer == "simplemma" and _as_in_dictionary(word, language, lemmatizer) is None \
        and _as_in_dictionary(word.lower(), language, lemmatizer) is None


@functools.lru_cache(maxsize=100_000)
def _as_in_dictionary(word: str, language: str, lemmatizer: str) -> str | None:
    """The dictionary form with the dictionary's capitals, where the lemmatizer keeps them
    and knows the word (an unknown word comes back as it was given)."""
    if lemmatizer != "simplemma":
        return None
    import simplemma

    if not simplemma.is_known(word, lang=language, low_memory=True):
        return None
    return simplemma.lemmatize(word, lang=language, low_memory=True)


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
