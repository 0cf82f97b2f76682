"""Whether words name a person, language-free: a title and a capitalised word, a run of two
or more capitalised words that runs into no institution's name, a name particle ("de", "von
der") inside one; and the people a sentence names that way."""
from __future__ import annotations

import re

from sourcelight.pipeline.attribution.lemmas import (capitalised_adjective, inflected_noun, lemma,
                                                     lower_case_word)
from sourcelight.pipeline.attribution.lexicon import Lexicon

NAME_WORD = re.compile(r"[\w][\w'’.\-]*")
INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")
# What may stand around a phrase's words without being part of them.
EDGE_PUNCTUATION = " \t\n,;:.!?()[]—–-\x00\"“”„«»'‘’"


def is_acronym(word: str) -> bool:
    """All capitals, two to six letters: "UN", "NATO", "МИД"; also "AIReF"."""
    letters = [c for c in word if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return 2 <= len(letters) <= 6 and capitals >= max(2, len(letters) - 1) and word[:1].isupper()


def bare_word(word: str) -> str:
    """The word without an elided article: "l'Unédic" -> "Unédic", "d'Iran" -> "Iran"."""
    for mark in "'’":
        position = word.find(mark)
        if 0 < position <= 2 and len(word) > position + 1:
            return word[position + 1:]
    return word


def capitalised(words: list[str], lexicon: Lexicon) -> list[bool]:
    bare = [bare_word(w) for w in words]
    return [w[:1].isupper() and w.strip(".,'’").casefold() not in lexicon.not_names for w in bare]


_MARK = "\x01"


def _without_institutions(head: str, lexicon: Lexicon) -> str:
    # Mark institution and outlet names so that "World Health Organization" is no person.
    for key in ("organizations", "media_names", "metonyms"):
        head = lexicon.patterns[key].sub(lambda m: re.sub(r"\S", _MARK, m.group()), head)
    return head


def _touches_institution(tokens: list[str], index: int, end: int, originals: list[str] | None = None) -> bool:
    """The run of name words tokens[index:end] runs into an institution's name marked out
    before it or after it ("World Health Organization Director …"). Where runs end at a
    comma (``originals``, the words unmarked, given), a name a comma sets off from a single
    proper name before it is no part of it ("Depuis Washington, Christine Lagarde a …"), but
    one in a list with it is ("Colombia, Costa Rica, Ecuador"), and so is one naming the body a
    common noun before it means ("his own company, Tesla Electric Light & Manufacturing")."""
    before = index > 0 and tokens[index - 1][0] == _MARK
    after = end < len(tokens) and tokens[end][0] == _MARK
    if originals is None:
        return before or after
    listed = end < len(tokens) and tokens[end - 1][-1] == "," and (tokens[end][:1].isupper() or after)
    set_off = before and tokens[index - 1][-1] in ",;:" and originals[index - 1][:1].isupper() and not listed
    return (after and tokens[end - 1][-1] not in ",;:") or (before and not set_off)


def _has_name(head: str, lexicon: Lexicon) -> bool:
    """A title followed by a capitalised word, or a run of two or more capitalised words
    that does not run into an institution's name."""
    head = _without_institutions(head, lexicon)
    for title in lexicon.patterns["titles"].finditer(head):
        rest = head[title.end():].split()
        if rest and capitalised(rest[:1], lexicon)[0]:
            return True
    tokens = head.split()
    index = 0
    while index < len(tokens):
        if role_compound(tokens[index], lexicon) and index + 1 < len(tokens) and is_name_word(tokens[index + 1], lexicon):
            return True  # as after a title: "Bundesverkehrsminister Scheuer"
        if _no_name_opening(tokens[index], lexicon):
            index += 1
            continue
        end = index
        while end < len(tokens) and (is_name_word(tokens[end], lexicon)
                                     or _particle_in_name(tokens, end, end == index == 0, lexicon)):
            end += 1
        if end - index >= 2:
            touches = _touches_institution(tokens, index, end)
            if not touches:
                return True
        index = max(end, index + 1)
    return False


def _particle_in_name(tokens: list[str], index: int, opens_phrase: bool, lexicon: Lexicon) -> bool:
    """'de' in "Kris de Decker", "sagt de Decker", 'von der' in "Ursula von der Leyen": a
    name particle, when it opens the phrase or follows a name word, and a name follows."""
    if not lexicon.patterns["name_particles"].fullmatch(tokens[index]):
        return False
    if not opens_phrase and not is_name_word(tokens[index - 1], lexicon) and not (
            lexicon.patterns["name_particles"].fullmatch(tokens[index - 1])):
        return False
    following = index + 1
    while following < len(tokens) and lexicon.patterns["name_particles"].fullmatch(tokens[following]):
        following += 1
    return following < len(tokens) and is_name_word(tokens[following], lexicon)


# Lists whose words are nouns, not names (German capitalises every noun), or words that open
# a clause ("Welche Schiffe …, verrät er": no one named "Welche Schiffe").
_NOUN_KEYS = ("anonymous_heads", "vague", "media_nouns", "documents", "spokesperson",
              "person_roles", "unnamed_roles", "subordinators")


def has_name(phrase: str | None, lexicon: Lexicon) -> bool:
    """True when the phrase names a person (a title and a name, or a run of names)."""
    return bool(phrase) and _has_name(phrase, lexicon)


def is_name_word(token: str, lexicon: Lexicon) -> bool:
    word = token.strip(".,'’")
    # (no name is written with a slash: "Fashion/Beauty Teil")
    if token[0] == _MARK or not capitalised([token], lexicon)[0] or is_acronym(bare_word(word)) or "/" in word:
        return False
    return not any(lexicon.patterns[key].fullmatch(word) for key in _NOUN_KEYS)


def determiner_and_capitalised_word(head: str, lexicon: Lexicon) -> bool:
    """'la Fnaut', "l'Unédic", 'die Bahn', and where only nouns and names take a capital (German), with
    capitalised adjectives before the noun: 'Die Deutsche Bahn', 'die Europäische Zentralbank'."""
    words = head.split()
    if words and bare_word(words[0]) != words[0]:
        # an article elided onto the word ("l’Arcep", "l'Unédic"): the article and a name
        name = bare_word(words[0])
        words = [words[0][:len(words[0]) - len(name)].replace("’", "'"), name, *words[1:]]
    middle = words[1:-1]
    if middle and not (lexicon.capitalised_nouns and all(
            capitalised_adjective(word, lexicon.language, lexicon.lemmatizer) for word in middle)):
        return False
    return (len(words) >= 2 and lexicon.is_determiner(words[0]) and is_name_word(words[-1], lexicon)
            and not known_word(words[-1].strip(".,"), lexicon))


def adjective_and_noun(head: str, lexicon: Lexicon) -> bool:
    """'Kritische Stimmen', 'Private Anbieter': where only nouns and names take a capital
    (German), capitalised adjectives with an ending and then a noun, with no determiner: people
    or things in the plural, never a person's name nor a body's (which takes an article: "Die
    Deutsche Bahn")."""
    words = head.split()
    return lexicon.capitalised_nouns and len(words) >= 2 and all(
        _inflected_adjective(word, lexicon) and not lexicon.is_determiner(word.lower()) for word in words[:-1]) \
        and is_name_word(words[-1], lexicon) \
        and not known_word(words[-1].strip(".,"), lexicon)


def known_word(word: str, lexicon: Lexicon) -> bool:
    patterns = lexicon.patterns
    return bool(is_acronym(word) or patterns["metonyms"].fullmatch(word)
                or patterns["media_names"].fullmatch(word) or patterns["organizations"].fullmatch(word))


def is_institution(phrase: str, lexicon: Lexicon) -> bool:
    patterns = lexicon.patterns
    if patterns["metonyms"].search(phrase) or patterns["organizations"].search(phrase):
        return True
    words = NAME_WORD.findall(phrase)
    return any(is_acronym(bare_word(w)) and not _initials_of(words, i, lexicon) for i, w in enumerate(words))


def _initials_of(words: list[str], index: int, lexicon: Lexicon) -> bool:
    """'S.B.' of "S.B. Supriyadi": a person's initials, one letter and a full stop each, before a
    surname no list knows (not "U.S. Army" nor "the U.N. mission")."""
    word = words[index]
    return (INITIALS.fullmatch(word) is not None and index + 1 < len(words)
            and is_name_word(words[index + 1], lexicon) and not known_word(words[index + 1].strip(".,'’"), lexicon)
            and not lexicon.patterns["metonyms"].fullmatch(word))


def single_name(head: str, lexicon: Lexicon) -> bool:
    """One capitalised word that is no known noun: a surname ("Smith said")."""
    words = NAME_WORD.findall(head)
    if not words or (lexicon.capitalised_nouns and len(words) > 1):
        return False  # German: "Westliche Regierungen" is no name, "Merkel" may be
    flags = capitalised(words, lexicon)
    return flags[-1] and not known_word(words[-1], lexicon)


def _quoted_title(words: list[str], index: int, end: int, lexicon: Lexicon) -> bool:
    """'the slogan “Make America Great Again.”': a run of capitalised words that ends a quote
    opened by a capitalised word just before it is a title or a slogan, no one's name."""
    if index == 0:
        return False
    before, last = words[index - 1], words[end - 1].rstrip(".,;:!?")
    return any(before[:1] == opening and before[1:2].isupper() and last.endswith(closing)
               for opening, closing in lexicon.quote_pairs)


def person_mentions(text: str, lexicon: Lexicon) -> list[str]:
    """The people a sentence names, in order ("The minister, Anna Berg, said ..." → Anna Berg):
    runs of two or more name words that do not run into an institution's name. Used to
    resolve a later "she said" when no earlier attribution names anyone."""
    tokens = _without_institutions(text, lexicon).split()
    originals = text.split()
    if len(tokens) != len(originals):
        return []
    found: list[str] = []
    index = 0
    while index < len(tokens):
        if _no_name_opening(tokens[index], lexicon):
            index += 1
            continue
        end = index
        while end < len(tokens) and (is_name_word(tokens[end], lexicon) or (
                end > index and _particle_in_name(tokens, end, False, lexicon)
                and not (lexicon.capitalised_nouns and lexicon.patterns["prepositions"].fullmatch(tokens[end])))):
            # (but where every noun is capitalised, a particle that is also a preposition joins
            # nouns more often than names: "Anbieter von Fernwärme")
            end += 1
            if tokens[end - 1][-1:] in ",.;:" and not lexicon.patterns["titles"].fullmatch(tokens[end - 1]):
                break  # "Anna Berg, defended": the name ends at the comma (not at "Mr.")
        touches = _touches_institution(tokens, index, end, originals)
        # "the Islamic Republic", "a New York court": a determiner makes it a noun phrase.
        previous = originals[index - 1].casefold() if index > 0 else ""
        if lexicon.capitalised_nouns and end - index >= 3 and lexicon.is_determiner(previous) \
                and not _no_name_opening(tokens[index + 1], lexicon):
            # (but where every noun is capitalised, a noun before a name: "der Reporter Claas
            # Relotius"; not "der Bundesverband Deutscher Zeitungsverleger")
            index += 1
            previous = originals[index - 1].casefold()
        if end - index >= 2 and not touches and not lexicon.is_determiner(previous) \
                and not _noun_phrase_after(previous, lexicon) \
                and not _quoted_title(originals, index, end, lexicon) \
                and not any(_joined_place(word) for word in originals[index:end]):
            found.append(" ".join(w.strip(".,;:'’\"“”") for w in originals[index:end]))
        index = max(end, index + 1)
    return found


def _joined_place(word: str) -> bool:
    """'Île-de-France', 'Aix-en-Provence', 'Stratford-upon-Avon': a hyphenated word with an inner
    part in lower case is a place's name, never a person's ("Éducation Île-de-France" names no one)."""
    parts = word.strip(_AROUND_A_WORD).split("-")
    return len(parts) > 2 and any(part[:1].islower() for part in parts[1:-1])


# What may stand around a word in a sentence, stripped before asking what the word is.
_AROUND_A_WORD = ".,;:'’\"“”„«»()"
# The shortest role that ends a compound written as one word ("Digital|ministerin"; not
# "Her|mann"), and the shortest first part before it.
_ROLE_TAIL = 6
_ROLE_STEM = 3


def _no_name_opening(token: str, lexicon: Lexicon) -> bool:
    """Where every noun is capitalised (German), a word no name opens with: one the dictionary
    knows in lower case ("Bei Fahrten", "Seit 2008"), as a form of another noun ("Dutzende
    Pendler") or of an adjective ("Allgemeine Bedingungen"), or a compound that ends in a role
    (role_compound: the name is what follows). (Only the first word: a surname may look like a
    plural, "Michael Moore".)"""
    word = token.strip(_AROUND_A_WORD)
    if not lexicon.capitalised_nouns or not word[:1].isupper():
        return False  # (a particle opens a name in lower case: "van Damme")
    return lower_case_word(word, lexicon.language, lexicon.lemmatizer) \
        or inflected_noun(word, lexicon.language, lexicon.lemmatizer) \
        or _inflected_adjective(word, lexicon) or role_compound(word, lexicon)


def role_compound(token: str, lexicon: Lexicon) -> bool:
    """'Digitalministerin', 'FDP-Chef': where nouns are written together (German), a compound
    that ends in a role or a title, which a name may follow as it follows a title
    ("Digitalministerin Dorothee Bär", "Bundesverkehrsminister Scheuer")."""
    word = token.strip(_AROUND_A_WORD)
    return lexicon.capitalised_nouns and any(
        lexicon.patterns[key].fullmatch(word[start].upper() + word[start + 1:])
        for key in ("person_roles", "titles") for start in range(_ROLE_STEM, len(word) - 1)
        if word[start - 1] == "-" or len(word) - start >= _ROLE_TAIL)


def _noun_phrase_after(previous: str, lexicon: Lexicon) -> bool:
    """Where every noun is capitalised (German), a word after which capitalised words are a
    noun phrase, not a name: an article of an object or a possessive ("seinem Wohnort
    Barcelona"), or an inflected adjective ("im unterirdischen Holzverschlag Ruhe"; its
    dictionary form no verb's, grammar.infinitive_endings: "sagte Anna Berg" names her)."""
    if not lexicon.capitalised_nouns or not previous.isalpha() or not previous.islower():
        return False
    if lexicon.patterns["object_articles"].fullmatch(previous):
        return True
    base = lemma(previous, lexicon.language, lexicon.lemmatizer)
    return bool(lexicon.adjective_endings) and previous.endswith(lexicon.adjective_endings) and base != previous \
        and not (lexicon.infinitive_endings and base.endswith(lexicon.infinitive_endings))


def _inflected_adjective(word: str, lexicon: Lexicon) -> bool:
    """'Allgemeine', 'Kritische': an adjective capitalised with an ending (grammar.adjective_endings),
    where only nouns and names take a capital (German); not "Frank", "Ernst" or "Mark", first
    names the dictionary also knows as adjectives."""
    return bool(lexicon.adjective_endings) and word.casefold().endswith(lexicon.adjective_endings) \
        and capitalised_adjective(word, lexicon.language, lexicon.lemmatizer) \
        and lemma(word.lower(), lexicon.language, lexicon.lemmatizer) != word.lower()


def ends_in_plural(phrase: str, lexicon: Lexicon) -> bool:
    """A description ending in a plural noun ("two officials", "Dana Okafor's aides", "real
    women", "the men in the car"), not a name: the last word, or the last before a
    preposition of syntax.head_prepositions, is lower case and its lemma is another word."""
    words = phrase.split()
    if not words:
        return False
    if len(words) > 1 and _group_word(words[0].lower(), lexicon):
        return True  # "People close to Ms. Haley", "Sources familiar with Lee Park": the head is the group
    after = lexicon.syntax.head_prepositions if lexicon.syntax is not None else frozenset()
    ending = next((i for i, word in enumerate(words) if i > 0 and word in after), len(words))
    return any(_plural_noun(word.strip(".,;:"), lexicon) for word in {words[-1], words[ending - 1]})


def _plural_noun(word: str, lexicon: Lexicon) -> bool:
    return (word[:1].islower() and word.endswith(("s", "men", "ren"))
            and lemma(word, lexicon.language, lexicon.lemmatizer) != word.lower())


def _group_word(word: str, lexicon: Lexicon) -> bool:
    """A plural word the lexicon lists for unnamed or vague people ("people", "sources", "aides")."""
    return word.endswith(("s", "people", "men", "ren")) and any(
        lexicon.patterns[key].fullmatch(word) for key in ("vague", "anonymous_heads", "unnamed_roles"))


# How a word that owns the next ends: "Clinton's", "Okafor’s", "the Joneses'".
OWNER_MARKS = ("'s", "’s", "s'", "s’")


def title_before(text: str, at: int, lexicon: Lexicon) -> str | None:
    """The gendered title right before ``at`` in ``text`` ("Mr." of "Mr. Trump"), if any."""
    before = text[max(0, at - TITLE_LOOK_BEHIND):at].rstrip()
    for key in ("masculine_titles", "feminine_titles"):
        title = next((m for m in lexicon.patterns[key].finditer(before) if m.end() == len(before)), None)
        if title is not None:
            return title.group()
    return None


TITLE_LOOK_BEHIND = 40  # characters: the longest title with its spaces ("Congresswoman ")


def without_role_in_front(name, lexicon: Lexicon):
    """The recogniser's span of a name without the end of a title it cut in two ("Chair Donald
    Kohn" of "Vice Chair Donald Kohn"): a capitalised role or title opening the span, after a
    capitalised word the span left out, is not the name's (but "Councillor Mira Osei" keeps
    its title whole, and two words of a name stay); nor is a noun for what a person does
    written like a title before a full name ("Farmer Chad Smith")."""
    roles, titles = lexicon.patterns["person_roles"], lexicon.patterns["titles"]
    doc = name.doc
    cut_title = name.start > 0 and doc[name.start - 1].is_alpha and doc[name.start - 1].text[:1].isupper()
    while cut_title and len(name) > 2 and name[0].text[:1].isupper() and (
            roles.fullmatch(name[0].text) or titles.fullmatch(name[0].text)):
        name = name[1:]
    # "Ravens GM Ozzie Newsome", "Harbour CEO Tom Reyes": a body's name and a role the span
    # took in before a full name describe the person; the name starts after the role
    inner = next((k for k in range(1, len(name) - 2) if name[k].text[:1].isupper()
                  and (roles.fullmatch(name[k].text) or titles.fullmatch(name[k].text))
                  and not (roles.fullmatch(name[0].text) or titles.fullmatch(name[0].text))
                  and all(t.text[:1].isupper() and not t.text.endswith(".") for t in name[k + 1:])), None)
    if inner is not None:
        name = name[inner + 1:]
    if len(name) > 2 and lexicon.syntax is not None and name[0].text[:1].isupper() \
            and name[0].lower_ in lexicon.syntax.person_descriptions and not titles.fullmatch(name[0].text) \
            and all(t.text[:1].isupper() and not t.text.endswith(".") for t in name[1:]):
        name = name[1:]  # "Farmer Chad Smith said": what he does, written like a title, is no name
    return name


def without_possessive(text: str) -> str:
    """The name without its possessive ending: "Acme's" -> "Acme", "Ouisa Davis'" -> "Ouisa Davis"."""
    if text.endswith(("s'", "s’")):
        return text[:-1]  # "Ouisa Davis' commentary"
    return text[:-2] if text.endswith(("'s", "’s")) else text


def opening_participle(word: str, lexicon: Lexicon) -> bool:
    """'Entrusting': a participle (its lemma another word), not a first name ("Sterling",
    "Irving"), read by its ending and the lemmatizer, as the recogniser's pipe has no tagger.
    (Only before two more words of a name: "Manning Marable" keeps his first name.)"""
    lowered = word.casefold()
    return lowered.endswith("ing") and lemma(lowered, lexicon.language, lexicon.lemmatizer) != lowered
