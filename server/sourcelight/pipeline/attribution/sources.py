"""What kind of source a phrase names: "an anonymous senior official" is anonymous,
"a spokesman for the ministry" is the ministry (organization), "the report" refers back.

Language-free: every word comes from the lexicon; the only script facts used are
capital letters (names, acronyms) and word characters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sourcelight.pipeline.attribution.compounds import as_last_part
from sourcelight.pipeline.attribution.lemmas import WORD as LEMMA_WORD
from sourcelight.pipeline.attribution.lemmas import inflected_noun, lemma
from sourcelight.pipeline.attribution.lexicon import BackReference, Lexicon
from sourcelight.pipeline.attribution.person_nouns import person_by_dictionary, person_by_suffix
from sourcelight.pipeline.attribution.names import (EDGE_PUNCTUATION, NAME_WORD, OWNER_MARKS, adjective_and_noun,
                                                    bare_word, determiner_and_capitalised_word, ends_in_plural,
                                                    has_name, is_acronym, is_institution, is_name_word, known_word,
                                                    single_name)
from sourcelight.pipeline.attribution.negative_subjects import answer_after, negative_opener
from sourcelight.pipeline.attribution.outlets import media_noun_opens, names_outlet, outlet_noun_heads
from sourcelight.pipeline.attribution.phrase_edges import trim_phrase
from sourcelight.pipeline.attribution.spokespeople import SPOKESPERSON_REFERENCE, body_of, spokesperson_without_body
from sourcelight.pipeline.model import SourceKind

MAX_SOURCE_WORDS = 14
HEAD_FIRST_WINDOW = 2
MAX_CAPITALISED_NOUN_HEAD = 3  # words allowed before the head noun in head-first languages
# An owner in a description: "China's", "the senator’s".
POSSESSOR = re.compile(r"\w['’]s?\b")


@dataclass(frozen=True)
class SourceGuess:
    """A classified source phrase; ``start``/``end`` are offsets in the text searched."""

    kind: SourceKind
    text: str
    start: int
    end: int
    back_reference: BackReference | None = None
    # The people a coordination names, each whole ("Dana Okafor and Lee Park").
    names: tuple[str, ...] = ()


def classify(text: str, start: int, end: int, lexicon: Lexicon) -> SourceGuess | None:
    """Classify text[start:end] as a source, or None when it names none. Where the
    lexicon has a lemmatizer, a phrase in another case than the lists' ("в профсоюзе
    работников") is tried again in dictionary forms; the span stays the text's."""
    guess = _classify(text, start, end, lexicon)
    if not lexicon.lemmatized_sources:
        return guess
    # "Минфине" is a single capitalised word like a surname; in dictionary form the lists know it.
    single_name = guess is not None and guess.kind is SourceKind.NAMED_PERSON and len(guess.text.split()) == 1
    if guess is not None and not single_name:
        return guess
    listed = _dictionary_form_guess(text, start, end, lexicon)
    return listed or guess


def _dictionary_form_guess(text: str, start: int, end: int, lexicon: Lexicon) -> SourceGuess | None:
    start, end = trim_phrase(text, start, end, lexicon)
    preposition = lexicon.patterns["source_prepositions"].match(text, start, end)
    if preposition is not None and preposition.end() > start:  # "В Кремле заявили": the Kremlin
        start, end = trim_phrase(text, preposition.end(), end, lexicon)
    dictionary_form = lemmatized(text[start:end], lexicon)
    if dictionary_form == text[start:end]:
        return None
    guess = _classify(dictionary_form, 0, len(dictionary_form), lexicon)
    # Only what the lists say: a person is known by a name, which the lists never hold.
    if guess is None or guess.back_reference is not None or guess.kind is SourceKind.NAMED_PERSON:
        return None
    return SourceGuess(guess.kind, text[start:end], start, end)


def lemmatized(phrase: str, lexicon: Lexicon) -> str:
    """Each word in its dictionary form, capitals kept ("профсоюзе" -> "профсоюз")."""
    def one(match: re.Match[str]) -> str:
        word = match.group()
        base = lemma(word, lexicon.language, lexicon.lemmatizer)
        return base[:1].upper() + base[1:] if word[:1].isupper() else base
    return LEMMA_WORD.sub(one, phrase)


def _classify(text: str, start: int, end: int, lexicon: Lexicon) -> SourceGuess | None:
    start, end = trim_phrase(text, start, end, lexicon)
    phrase = text[start:end]
    words = phrase.split()
    if not words or len(words) > MAX_SOURCE_WORDS or "\x00" in phrase:
        return None
    no_one = negative_opener(text, start, end, lexicon)
    if no_one is not None:
        return _party_of_no_one(text, no_one, end, lexicon)
    reference = lexicon.back_reference(phrase)
    if reference:
        return SourceGuess(reference.fallback, phrase, start, end, reference)
    if not any(sum(c.isalnum() for c in word) >= 2 for word in words):
        return None  # "L'" before a noun taken for a verb ("L'annonce a été faite"): no name

    kind, narrowed = _kind_of(phrase, lexicon)
    if kind is None:
        return None
    if kind is SourceKind.ORGANIZATION and narrowed is None \
            and spokesperson_without_body(phrase, phrase_head_end(phrase, lexicon), lexicon):
        if words[0].casefold() in lexicon.pronoun_genders:
            # "His spokesman said": a person's, described (as "his lawyer" is), never the
            # company named before
            return SourceGuess(SourceKind.NAMED_PERSON, phrase, start, end)
        return SourceGuess(kind, phrase, start, end, SPOKESPERSON_REFERENCE)
    if narrowed is not None:
        n_start, n_end = trim_phrase(text, start + narrowed[0], start + narrowed[1], lexicon)
        if n_end > n_start:
            return SourceGuess(kind, text[n_start:n_end], n_start, n_end)
    return SourceGuess(kind, phrase, start, end)


def _party_of_no_one(text: str, start: int, end: int, lexicon: Lexicon) -> SourceGuess | None:
    """ "No one from Acme commented", "No spokesman for the railway would comment": a subject
    that names no one speaks for the body it names ("Acme", "the railway"), if any; "No official
    commented" rests on no one, neither anonymous nor vague."""
    if not answer_after(text, end, lexicon):
        return None  # "Nobody in British Columbia is talking about it": the writer's word
    rest = _classify(text, start, end, lexicon)
    if rest is None or rest.back_reference is not None or rest.kind not in (SourceKind.ORGANIZATION, SourceKind.MEDIA):
        return None
    return rest


def _kind_of(phrase: str, lexicon: Lexicon) -> tuple[SourceKind | None, tuple[int, int] | None]:
    """The kind, and optionally a narrower span (the body behind a spokesperson)."""
    patterns = lexicon.patterns
    head_end = phrase_head_end(phrase, lexicon)
    head = phrase[:head_end]
    if patterns["anonymous"].search(phrase):
        return SourceKind.ANONYMOUS, None
    if not _head_is_source(head, lexicon):
        return None, None
    relayed = patterns["relay"].search(phrase)  # "images reviewed by Reuters": Reuters only relays
    owner = phrase[:relayed.start()] if relayed else phrase
    if names_outlet(head, lexicon) or (patterns["media_names"].search(owner) and patterns["documents"].search(head)) \
            or media_noun_opens(head, lexicon):
        return SourceKind.MEDIA, None
    if _named_document(head, lexicon):
        return SourceKind.DOCUMENT, None
    if _title_word_body(head, lexicon) or _named_group(phrase, lexicon) or _article_and_acronym(head, lexicon):
        return SourceKind.ORGANIZATION, None
    last_part = as_last_part(head, lexicon)
    if last_part is not None and (kind := _kind_of(last_part, lexicon)[0]) is not None:
        return kind, None  # "der Verkehrsminister" is "der Minister"
    if (has_name(head, lexicon) or _ends_with_name(head, lexicon)) and not _only_owner_named(head, lexicon) \
            and not _unnamed_after_capitals(head, lexicon):
        return SourceKind.NAMED_PERSON, None
    spokesperson = patterns["spokesperson"].search(head)
    if spokesperson:
        body = body_of(phrase, spokesperson, head_end, lexicon)
        if body is not None and head_end < len(phrase) and lexicon.patterns["titles"].match(phrase[body[0]:].strip()) \
                and _kind_of(phrase[body[0]:], lexicon)[0] is SourceKind.NAMED_PERSON:
            # "a spokesman for Mayor Frank G. Jackson" speaks for him, as the parse reads "a
            # spokeswoman for Gov. Chris Christie" (a title shows the name is a person's)
            return SourceKind.NAMED_PERSON, body
        return SourceKind.ORGANIZATION, body
    if _starts_with_vague(head, lexicon) and not _one_more_in_a_role(head, lexicon):
        return SourceKind.VAGUE, None
    role = _unnamed_role(head, lexicon)
    if role:
        return _role_kind(head, lexicon), None
    if patterns["vague"].fullmatch(head.strip()) or _head_word_matches("vague", head, lexicon):
        return SourceKind.VAGUE, None
    if _head_word_matches("documents", head, lexicon):
        return SourceKind.DOCUMENT, None
    if _generic_bodies(head, lexicon):
        return SourceKind.VAGUE, None
    if outlet_noun_heads(head, lexicon):
        return SourceKind.MEDIA, None
    role = patterns["person_roles"].search(phrase)
    if role and role.start() < head_end:
        # "the senator" is the one named before; "a senator", "two candidates" keep them
        # unnamed; "le chef du gouvernement" is no government
        return (SourceKind.ANONYMOUS if _indefinite_lead(head, lexicon) else SourceKind.NAMED_PERSON), None
    if is_institution(head, lexicon) or is_institution(phrase, lexicon):
        return SourceKind.ORGANIZATION, None
    by_suffix = person_by_suffix(head, lexicon) or person_by_dictionary(head, lexicon)
    if by_suffix is not None:
        return by_suffix, None
    if adjective_and_noun(head, lexicon):
        return SourceKind.VAGUE, None  # "Kritische Stimmen warnen"
    if determiner_and_capitalised_word(head, lexicon):
        # "la Fnaut", "eine Bahnsprecherin", "Die Deutsche Bahn": a determiner before a lone
        # capitalised word marks a name of a body (or, in German, any noun), not a person's
        # name; in German an inflected noun there is a group ("die Patienten" of "Patient").
        inflected = lexicon.capitalised_nouns and inflected_noun(head.split()[-1], lexicon.language, lexicon.lemmatizer)
        return (SourceKind.VAGUE if inflected else SourceKind.ORGANIZATION), None
    if single_name(head, lexicon):
        return SourceKind.NAMED_PERSON, None
    return None, None


def _only_owner_named(head: str, lexicon: Lexicon) -> bool:
    """'Mrs. Clinton's aides', "Dana Okafor's advisers": the name only owns what the phrase
    names, people it leaves unnamed (but 'the mayor's spokesman, Lee Park' names one, and
    'Donald Trump's campaign manager' is the one who holds that office)."""
    words = head.split()
    owner = max((i for i, word in enumerate(words[:-1]) if word.endswith(OWNER_MARKS)), default=None)
    if owner is None:
        return False
    owned = " ".join(words[owner + 1:]).strip(EDGE_PUNCTUATION)
    return (bool(owned) and owned[:1].islower() and ends_in_plural(owned, lexicon)
            and not has_name(owned, lexicon) and not _ends_with_name(owned, lexicon))


def _indefinite_lead(head: str, lexicon: Lexicon) -> bool:
    first = head.split(maxsplit=1)[:1]
    return bool(first) and lexicon.patterns["indefinite"].fullmatch(first[0].casefold()) is not None


# The lists of words for a person's role or title.
_ROLE_KEYS = ("titles", "person_roles", "unnamed_roles")


def _title_word_body(head: str, lexicon: Lexicon) -> bool:
    """'The General Staff', 'the General Assembly': "the", a capitalised title, one capitalised
    word is a body's name (a person's title takes no article, "General Gerasimov", or none in
    capitals: "le juge Bocock", "el juez Castro")."""
    words = head.split()
    return (len(words) == 3 and bool(lexicon.patterns["definite"].fullmatch(words[0]))
            and words[1][:1].isupper()
            and not words[1].endswith(".")  # "the Rev. Sharpton"
            and any(lexicon.patterns[key].fullmatch(words[1]) for key in _ROLE_KEYS)
            and words[2][:1].isupper() and not any(lexicon.patterns[key].fullmatch(words[2]) for key in _ROLE_KEYS))


def _article_and_acronym(head: str, lexicon: Lexicon) -> bool:
    """'L’AG Éducation Île-de-France', 'la CGT': a definite article before an acronym opens a
    body's name (a person's takes none); not a role's acronym ("le PDG Luca de Meo") nor one
    before a role ("the US President")."""
    words = head.split()
    elided = re.match(r"(\w+['’])(\w+)$", words[0]) if words else None
    article, acronym = (elided.group(1), elided.group(2)) if elided else (words[0], words[1]) if len(words) > 1 \
        else ("", "")
    letters = [c for c in acronym if c.isalpha()]
    # (not a name written all in capitals: "THE WEEKLY STANDARD", though "L’AG" may be)
    shouted = article.isupper() and sum(c.isalpha() for c in article) > 1
    return bool(lexicon.patterns["definite"].fullmatch(article)) and len(letters) >= 2 and not shouted \
        and all(c.isupper() for c in letters) \
        and not any(lexicon.patterns[key].fullmatch(acronym) for key in _ROLE_KEYS) \
        and not ends_in_word_of(_ROLE_KEYS, head, lexicon)


def _named_group(phrase: str, lexicon: Lexicon) -> bool:
    """'Surfers Against Sewage', 'Doctors Without Borders': a name in title case with a
    preposition inside is a group's name, never a person's."""
    words = phrase.split()
    links = lexicon.patterns["possessive_links"]
    if len(words) < 3 or not words[1][:1].isupper() or not links.fullmatch(words[1].casefold()) \
            or not words[0][:1].isupper() or not words[0].endswith("s"):
        # A plural and a preposition written as a title: not "John Smith of Acme", "Smith of
        # Acme Corp", "Analysts at Bernstein", "Doctors in Romania".
        return False
    return all(w[:1].isupper() or links.fullmatch(w) or lexicon.patterns["definite"].fullmatch(w) or w in ("and", "&")
               for w in words[2:]) and words[-1][:1].isupper() and not any(
        lexicon.patterns["titles"].fullmatch(w) for w in words)


def _named_document(head: str, lexicon: Lexicon) -> bool:
    """'a Morning Consult poll', 'the Steele dossier', 'a Pew Research Center Survey': a name
    before a document noun names the document (not 'Rick Sign', a person's name)."""
    words = head.split()
    if lexicon.head_first or len(words) < 2 or not _head_word_matches("documents", head, lexicon):
        return False
    if _head_word_matches("vague", head, lexicon):
        return False  # "Republican establishment figures": people, not figures
    return words[-1][:1].islower() or lexicon.is_determiner(words[0])


def _starts_with_vague(head: str, lexicon: Lexicon) -> bool:
    """'Experts not involved in the study', 'Some politicians': a vague group word first."""
    words = head.split()
    return bool(words) and bool(lexicon.patterns["vague"].fullmatch(words[0])) and not lexicon.patterns["anonymous_heads"].search(head)


def _one_more_in_a_role(head: str, lexicon: Lexicon) -> bool:
    """'Another senior official': one more person of a role, kept unnamed as "a senior
    official" is (not "another year", "another user")."""
    words = head.split()
    return len(words) > 1 and bool(lexicon.patterns["indefinite"].fullmatch(words[0].casefold())) \
        and not ends_in_plural(words[-1], lexicon) \
        and (_unnamed_role(head, lexicon) or bool(lexicon.patterns["person_roles"].search(words[-1])))


def _generic_bodies(head: str, lexicon: Lexicon) -> bool:
    """'Western governments', 'several banks': a plural kind of body, bare or counted, is an
    unspecified group; 'the banks', 'Acme's lenders', 'NATO allies' are known ones, and
    'Western Power Networks' is a name."""
    words = head.split()
    return _head_word_matches("generic_bodies", head, lexicon) and words[-1].islower() and not any(
        lexicon.patterns["definite"].fullmatch(word) or word.endswith(OWNER_MARKS)
        or is_institution(word, lexicon) for word in words[:-1])  # "NATO allies" are NATO's


def _unnamed_role(head: str, lexicon: Lexicon) -> bool:
    """A role word ('official', 'diplomat') that is not part of an institution's name
    ('coast guard', 'Foreign Ministry officials' keep the role)."""
    if not _head_word_matches("unnamed_roles", head, lexicon):
        return False
    institutions = [m.span() for m in lexicon.patterns["organizations"].finditer(head)]
    for role in lexicon.patterns["unnamed_roles"].finditer(head):
        inside = any(s <= role.start() and role.end() <= e and (s, e) != role.span() for s, e in institutions)
        if not inside:
            return True
    return False


def _unnamed_after_capitals(head: str, lexicon: Lexicon) -> bool:
    """'Border Patrol agents', 'A top Donald Trump adviser': capitals before a role word in
    lower case name the body or the person the unnamed ones serve (but "Hillary Clinton's
    right-hand woman" is one the article may name: an owner makes the role a description)."""
    words = head.split()
    # (and "A Goldman Sachs spokesman" speaks for the bank; "New York magazine" is an outlet)
    return len(words) > 1 and words[-1].islower() and (_head_word_matches("unnamed_roles", head, lexicon) or bool(
        lexicon.patterns["spokesperson"].fullmatch(words[-1]) or lexicon.patterns["media_nouns"].fullmatch(words[-1]))) \
        and not POSSESSOR.search(head)


def _ends_with_name(head: str, lexicon: Lexicon) -> bool:
    """'My friend Sam', 'chief executive Anna': a role followed by a capitalised name."""
    words = NAME_WORD.findall(head)
    if len(words) < 2:
        return False
    last = words[-1]
    return (is_name_word(last, lexicon) and not known_word(last, lexicon)
            and any(lexicon.patterns[k].search(head) for k in ("person_roles", "unnamed_roles")))


def phrase_head_end(phrase: str, lexicon: Lexicon) -> int:
    """Where the head of the phrase ends: before 'for'/'of'/'who' ... (not at the start).
    A head of mere numbers ("two of his aides") reaches on to the next link."""
    end = len(phrase)
    for key in ("possessive_links", "relatives_anywhere", "relay"):
        for match in lexicon.patterns[key].finditer(phrase):
            if match.start() == 0:
                continue
            indefinite = lexicon.patterns["indefinite"]
            if key == "possessive_links" and (indefinite.fullmatch(phrase[:match.start()].strip())
                                              or indefinite.fullmatch(phrase[:match.end()].strip())):
                continue  # "two of his aides", "a number of economists": the head is further on
            end = min(end, match.start())
            break
    return end


# Lists whose words can be the last word of a source phrase's head.
_HEAD_KEYS = ("anonymous", "anonymous_heads", "vague", "media_names", "media_nouns", "documents",
              "organizations", "metonyms", "spokesperson", "titles", "person_roles",
              "unnamed_roles", "pronouns")


def _head_is_source(head: str, lexicon: Lexicon) -> bool:
    """A source phrase ends in its head noun: a known source word or a capitalised name.
    This turns away clauses like "Tehran agreed to" that merely contain a name."""
    head = head.rstrip(EDGE_PUNCTUATION)
    words = NAME_WORD.findall(head)
    if not words:
        return False
    last = bare_word(words[-1])
    # Where every noun is capitalised (German), a capital proves a name only in a short phrase.
    short = not lexicon.capitalised_nouns or len(words) <= MAX_CAPITALISED_NOUN_HEAD or has_name(head, lexicon)
    if short and last[:1].isupper() and last.casefold() not in lexicon.not_names or is_acronym(last):
        return True
    if _starts_with_vague(head, lexicon):
        return True
    return any(_head_word_matches(key, head, lexicon) for key in _HEAD_KEYS)


def _head_word_matches(key: str, head: str, lexicon: Lexicon) -> bool:
    """True when the head's last words (or first, in head-first languages) are one of
    the lexicon's ``key`` words."""
    # Head-first languages: the head noun is among the first words ("un haut responsable
    # iranien", "высокопоставленный иранский чиновник").
    return ends_in_word_of((key,), head, lexicon) or (lexicon.head_first and any(
        len(head[:match.start()].split()) <= HEAD_FIRST_WINDOW for match in lexicon.patterns[key].finditer(head)))


def ends_in_word_of(keys: tuple[str, ...], text: str, lexicon: Lexicon) -> bool:
    """The text's last words are one of the lexicon's ``keys`` words, whatever the language's
    head position: "First Lady", "US President", "Flixbus-Manager" (not "président Alain
    Fuchs")."""
    return any(not text[match.end():].strip(EDGE_PUNCTUATION)
               for key in keys for match in lexicon.patterns[key].finditer(text))


def _role_kind(head: str, lexicon: Lexicon) -> SourceKind:
    # "the foreign minister" names one identifiable office holder; "a minister",
    # "officials" or "two diplomats" keep the speaker unnamed.
    definite = lexicon.patterns["definite"].match(head)
    if definite and lexicon.patterns["person_roles"].search(head):
        return SourceKind.NAMED_PERSON
    return SourceKind.ANONYMOUS
