"""Which one-word names the article's own pronouns show are a body's, not a person's.

"Uber said it would appeal" gives the recogniser nothing to go on, and a lone capitalised
subject reads as a person. The article around it usually tells: "Uber underpays its drivers",
"Uber soon found itself offering free rides", "Iridium, which notes …" — the pronouns a writer
uses for a thing — where a person would be "his", "herself", "who"; and "Uber CEO Travis
Kalanick", which no person has. Read on the text of every sentence (most of them are never
parsed), within a clause: the name, at most MAX_WORDS_BETWEEN lower-case words and the
pronoun, with no cue verb or clause opener between ("Okafor said its timetable …" is another
clause's "its"). Also which words the article writes in lower case, and which with a capital
inside a sentence: a word opening a sentence that it writes only in lower case elsewhere is a
common noun, no name ("Society may choose to believe …").
"""
from __future__ import annotations

import re
from collections import Counter

from sourcelight.pipeline.attribution.lemmas import lemma
from sourcelight.pipeline.attribution.lexicon import Lexicon

# Where parsed.py leaves names_used_as_things on every parse.
THING_NAMES_KEY = "sourcelight.thing_names"
# Where parsed.py leaves words_written_lowercase and words_capitalised_inside on every parse.
LOWERCASE_WORDS_KEY = "sourcelight.lowercase_words"
CAPITALISED_WORDS_KEY = "sourcelight.capitalised_words"
# "Parcelo has cut the pay of its couriers": five words between; six at most.
MAX_WORDS_BETWEEN = 6
# "SpaceX", "T-Mobile", "M-Pesa": one capitalised word, hyphens and inner capitals allowed.
_NAME_THEN_WORDS = re.compile(r"(?<![\w’'-])([A-Z][\w-]*\w)((?:\s+[a-z][\w’'-]*){1,%d})" % (MAX_WORDS_BETWEEN + 1))
_NAME_THEN_NOUN = re.compile(r"(?<![\w’'-])([A-Z][\w-]*\w)(?:['’]s)?\s+([A-Za-z-]+)(?:\s+([a-z]+))?")
_NAME_THEN_RELATIVE = re.compile(r"(?<![\w’'-])([A-Z][\w-]*\w),\s+([a-z]+)\b")
_NAME_THEN_APPOSITION = re.compile(r"(?<![\w’'-])([A-Z][\w-]*\w),((?:\s+[a-z][\w’'-]*){2,4})")
_WORD_BEFORE = re.compile(r"([\w’'.-]+)\s*$")


def names_used_as_things(texts, lexicon: Lexicon) -> frozenset[str]:
    """The one-word names that ``texts`` (the article's sentences) refer back to with a thing's
    pronoun ("its", "itself", "which"), or give a noun only a body has ("T-Mobile CEO John
    Legere"), more often than they refer back to them with a person's ("his", "herself",
    "who")."""
    syntax = lexicon.syntax
    if syntax is None or not syntax.thing_pronouns:
        return frozenset()
    things: Counter = Counter()
    people: Counter = Counter()
    for text in texts:
        for match in _NAME_THEN_WORDS.finditer(text):
            if _alone(text, match.start(1)):
                _count(match.group(1), _first_pronoun(match.group(2).split(), lexicon), things, people, lexicon)
        for match in _NAME_THEN_RELATIVE.finditer(text):
            if _alone(text, match.start(1)):
                _count(match.group(1), match.group(2), things, people, lexicon)
        for match in _NAME_THEN_APPOSITION.finditer(text):
            if _alone(text, match.start(1)) and _body_described(match.group(2).split(), lexicon):
                things[match.group(1)] += 1  # "the idea for Square, a company that provides …"
        for match in _NAME_THEN_NOUN.finditer(text):
            noun, more = match.group(2).casefold(), (match.group(3) or "").casefold()
            if _alone(text, match.start(1)) and (noun in syntax.body_only_nouns
                                                  or f"{noun} {more}" in syntax.body_only_nouns):
                things[match.group(1)] += 1  # "SpaceX CEO …", "Square’s headquarters"
    return frozenset(name for name, count in things.items() if count > people[name])


def words_written_lowercase(texts) -> frozenset[str]:
    """The words ``texts`` (the article's sentences) write in lower case somewhere: a common
    noun's, which a capital opening a sentence does not make a name ("Society may choose to
    believe …" where the article also writes "society"); a brand is written with its capital
    wherever it stands."""
    return frozenset(word for text in texts for word in _LOWERCASE_WORD.findall(text))


def words_capitalised_inside(texts) -> frozenset[str]:
    """The words ``texts`` write with a capital after a word in lower case: names, written so
    wherever they stand ("… that Uber enjoyed …")."""
    return frozenset(word for text in texts for word in _CAPITALISED_INSIDE.findall(text))


_CAPITALISED_INSIDE = re.compile(r"(?<=[a-z,;] )([A-Z][\w’'-]*)")
_LOWERCASE_WORD = re.compile(r"(?<![\w’'-])([a-z][a-z’'-]*[a-z])(?![\w’'-])")


def _count(name: str, pronoun: str | None, things: Counter, people: Counter, lexicon: Lexicon) -> None:
    if pronoun is None:
        return
    if pronoun in lexicon.syntax.thing_pronouns:
        things[name] += 1
    elif pronoun in lexicon.syntax.person_pronouns or pronoun in lexicon.pronoun_genders:
        people[name] += 1


def _first_pronoun(words: list[str], lexicon: Lexicon) -> str | None:
    """The first pronoun among the words after the name, unless a cue verb or a clause opener
    comes first: "Okafor said its board …", "Lee argues that its rules …" are another
    clause's."""
    for word in words:
        lower = word.lower()
        if _opens_a_clause(lower, lexicon):
            return None
        if lower in lexicon.syntax.thing_pronouns or lower in lexicon.pronoun_genders:
            return lower
    return None


def _body_described(words: list[str], lexicon: Lexicon) -> bool:
    """'a company', 'the mobile payments firm': an article, then up to two words, then a noun
    the lists know for a body and not for a person (not "the judge", "a spokesman")."""
    if not words or not lexicon.is_determiner(words[0]):
        return False
    for word in words[1:4]:
        if lexicon.patterns["organizations"].fullmatch(word):
            return not (word in lexicon.syntax.person_descriptions or lexicon.patterns["person_roles"].fullmatch(word)
                        or lexicon.patterns["spokesperson"].fullmatch(word))
    return False


def _alone(text: str, start: int) -> bool:
    """The name is one word: the word before it, unless it opens the sentence ("But Uber"),
    is not capitalised ("Elon Musk … his" is a longer name's)."""
    before = _WORD_BEFORE.search(text[:start])
    return before is None or before.start() == 0 or not before.group(1)[:1].isupper()


def _opens_a_clause(lower: str, lexicon: Lexicon) -> bool:
    cues = lexicon.syntax.cue_words
    if lower in cues or lemma(lower, lexicon.language, lexicon.lemmatizer) in cues:
        return True
    return bool(lexicon.patterns["relatives"].fullmatch(lower) or lexicon.patterns["subordinators"].fullmatch(lower))


__all__ = ["names_used_as_things", "THING_NAMES_KEY"]
