"""Clause geometry shared by the cue finders: where the phrase after a cue ends, the
clause segments before a verb, the subject inside a relative clause a verb ends, and the
Finding record a finder returns. No words here:
the stops come from the lexicon, the breaks are punctuation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sourcelight.pipeline.attribution.names import EDGE_PUNCTUATION
from sourcelight.pipeline.attribution.lexicon import BackReference, Lexicon
from sourcelight.pipeline.attribution.sources import SourceGuess, classify
from sourcelight.pipeline.model import SourceKind

# Characters that end a clause when looking back from a verb for its subject.
# A comma between digits ("3,100 workers") ends nothing.
# Quotation marks left unmasked enclose a title («Коммерсантъ»), part of the phrase.
CLAUSE_BREAK = re.compile(r"(?<!\d),|,(?!\d)|[;:()\[\]—–]|\x00+|\s-\s")
AFTER_BREAK = re.compile(r"(?<!\d),|,(?!\d)|[;:.!?()\[\]—–\x00]|\s-\s")
MAX_OBJECT_WORDS = 14
MAX_RELATIVE_SUBJECT_WORDS = 4  # a subject, not the rest of the clause ("ihre Freude über das Treffen …")


@dataclass(frozen=True)
class Finding:
    """An attribution found in one sentence (before context is applied)."""

    kind: SourceKind
    source: str
    source_span: tuple[int, int]
    cue: str
    cue_span: tuple[int, int]
    via: str | None = None
    back_reference: BackReference | None = None
    colon_intro: bool = False  # "X said:" — the following quotes are X's
    # A "― Sonya Herridge" line signs the quote before it (signoffs.py).
    signs_above: bool = False
    points_back: bool = False  # "So says Dana Okafor.": the sentence before is the speaker's
    via_reference: BackReference | None = None  # the relay is "the agency", "the paper" ...
    # Where the cue's own predicate ends ("called the accusations baseless"): words up to
    # there are the source's, not a clause reporting someone else's (hedges.is_denial).
    predicate_end: int | None = None
    names: tuple[str, ...] = ()  # the people a coordination names ("Dana Okafor and Lee Park said")
    # "The union endorsed Clinton": a position taken, with no words of its own; any saying in
    # the sentence tells the reader more
    position: bool = False
    # "it", "its" (a pronoun, to the parser, only a thing takes): where nothing before is
    # what it means, the claim rests on no one
    thing_pronoun: bool = False
    # "X told me", "I spoke with X, who said": the writer heard it, so no outlet relays it
    # (context.py carries no relay from an earlier anonymous source onto it)
    heard_by_writer: bool = False

    @classmethod
    def of(cls, guess: SourceGuess, cue: str, cue_span: tuple[int, int], **fields) -> "Finding":
        """The finding whose source is ``guess``, with all it knows: its kind, words, span,
        back-reference and the people a coordination names ("Tom Reyes and Maria Okafor")."""
        return cls(guess.kind, guess.text, (guess.start, guess.end), cue, cue_span,
                   back_reference=guess.back_reference, names=guess.names, **fields)


def guess_finding(guess: SourceGuess, cue: re.Match[str]) -> Finding:
    return Finding.of(guess, cue.group(), cue.span())


def object_after(text: str, position: int, lexicon: Lexicon) -> tuple[int, int]:
    """The phrase after a cue: up to the next clause break or stop word."""
    end = len(text)
    for boundary in AFTER_BREAK.finditer(text, position):
        if text[boundary.start()] == "." and is_abbreviation_dot(text, boundary.start()):
            continue
        end = boundary.start()
        break
    limit = end
    for key in ("np_stops", "relay", "citing", "speech"):
        stops = (lexicon.find_between(key, text, position, limit) if key == "speech"
                 else lexicon.patterns[key].finditer(text, position, limit))
        for stop in stops:
            if text[position:stop.start()].strip():
                end = min(end, stop.start())
                break
    end = _before_object(text, position, end, lexicon)
    if len(text[position:end].split()) > MAX_OBJECT_WORDS:
        return position, position
    return position, end


def noun_phrase_end(text: str, position: int, end: int, lexicon: Lexicon) -> int:
    """Where every noun is capitalised, where the noun phrase opening [position, end) ends:
    at the first word in lower case after its noun that neither goes on with the phrase (an
    article, an adjective or a name particle before a capitalised word, a preposition right
    before one: "dem Bundesamt für Statistik", "Angaben der Polizei", "Ursula von der Leyen")
    nor is the noun's ("Laut dem Bundesamt für Statistik | steigen die Preise", "laut Gericht
    | für die Nutzer …"). A phrase that opens with no noun ("laut dpa") is left whole."""
    words = list(re.finditer(r"\S+", text[position:end]))
    bare = [w.group().strip(EDGE_PUNCTUATION) for w in words]
    noun_at = next((i for i, word in enumerate(bare) if word[:1].isupper()), None)
    if noun_at is None or any(not _leads_to_a_noun(word, lexicon) for word in bare[:noun_at]):
        return end
    for i in range(noun_at + 1, len(words)):
        word = bare[i]
        if word[:1].isupper() or not word:
            continue
        # the next word that is no adjective: "der | griechischen | Küche"
        ahead = next((w for w in bare[i + 1:] if w and not _adjective(w, lexicon)), "")
        if ahead[:1].isupper() and (_leads_to_a_noun(word, lexicon) or lexicon.patterns["prepositions"].fullmatch(word)
                                    or lexicon.patterns["name_particles"].fullmatch(word)):
            continue
        following = bare[i + 1:i + 3]
        if lexicon.patterns["name_particles"].fullmatch(word) and len(following) == 2 \
                and lexicon.is_determiner(following[0]) and following[1][:1].isupper():
            continue  # "von der Leyen"
        return position + words[i].start()
    return end


def _adjective(word: str, lexicon: Lexicon) -> bool:
    return word.islower() and word.casefold().endswith(lexicon.adjective_endings) and not lexicon.is_determiner(word)


def _leads_to_a_noun(word: str, lexicon: Lexicon) -> bool:
    """An article, a number or an adjective before a noun ("dem", "2", "Statistischem")."""
    return lexicon.is_determiner(word) or word[:1].isdigit() or word.casefold().endswith(lexicon.adjective_endings)


def _before_object(text: str, position: int, end: int, lexicon: Lexicon) -> int:
    """Where a phrase after the verb gives way to the verb's object: an article after a noun
    ("Dennoch nennt das Gericht | die Zahl der Follower", "verkündete Adele | die Trennung");
    in lower case, as no article of a name is ("Die Linke")."""
    return subject_before_object(text, position, end, lexicon, pronouns=False)


def subject_before_object(text: str, position: int, end: int, lexicon: Lexicon, pronouns: bool = True) -> int:
    """Where the subject opening [position, end) gives way to the verb's object, in a clause
    whose verb comes last: an article after its noun, or after an indefinite pronoun standing
    alone ("dass die Regierung | das Gesetz für falsch hält", "dass einige | dieses Buch für
    oberflächlich halten")."""
    for article in lexicon.patterns["object_articles"].finditer(text, position, end):
        words_before = text[position:article.start()].split()
        subject = words_before and (words_before[-1][:1].isupper() or (
            pronouns and len(words_before) == 1 and lexicon.patterns["indefinite"].fullmatch(words_before[0])))
        if subject and article.group()[:1].islower():
            return article.start()
    return end


def is_abbreviation_dot(text: str, index: int) -> bool:
    # "U.S." or "Mr." inside a phrase: a period followed by a letter or preceded by one
    # short capitalised token.
    following = text[index + 1:index + 2]
    if following.isalpha():
        return True
    token = text[:index].split()[-1:] or [""]
    return len(token[0]) <= 3 and token[0][:1].isupper() and following == " " and text[index + 2:index + 3].isupper()


def shortest_source(text: str, start: int, end: int, lexicon: Lexicon) -> SourceGuess | None:
    """Where the phrase runs on into the clause ("nach Informationen der Nachrichtenagentur
    Reuters ballistische Raketen …"), the longest leading part that names a source."""
    words = list(re.finditer(r"\S+", text[start:end]))
    for count in range(len(words) - 1, 0, -1):
        guess = classify(text, start, start + words[count - 1].end(), lexicon)
        if guess is not None:
            return guess
    return None


def segments_before(text: str, end: int) -> list[tuple[int, int]]:
    """Clause segments of text[:end], nearest first (at most four)."""
    bounds = [m.span() for m in CLAUSE_BREAK.finditer(text, 0, end)]
    segments, stop = [], end
    for b_start, b_end in reversed(bounds):
        segments.append((b_end, stop))
        stop = b_start
        if len(segments) == 4:
            return segments
    segments.append((0, stop))
    return segments


def skip_spaces(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def subject_after_relative(text: str, start: int, stop: int, lexicon: Lexicon) -> SourceGuess | None:
    """The subject of a relative clause the verb ends: a short phrase right after the clause's
    relative word that runs up to the verb ("…, die der Minister nicht bestreitet": der
    Minister), or after a later relative word no article can be ("…, deren Fotos … und von
    denen Relotius behauptet": Relotius). None where the relative word is the subject itself
    ("…, die nicht bestritten werden", "…, die ihre Freude … teilte"). Where every noun is
    capitalised, a relative clause follows one ("Ein Fakt, den …"), not a verb ("beantragt, das
    Rechtsmittel zurückzuweisen")."""
    before = text[:start].rstrip().rstrip(",").split()
    if lexicon.capitalised_nouns and not (before and before[-1][:1].isupper()):
        return None
    openers = [m for m in lexicon.patterns["relatives_anywhere"].finditer(text, start, stop)
               if not text[start:m.start()].strip() or not lexicon.patterns["definite"].fullmatch(m.group().lower())]
    if not openers:
        return None
    after = openers[-1].end() + len(text[openers[-1].end():stop]) - len(text[openers[-1].end():stop].lstrip())
    guess = classify(text, after, stop, lexicon) if after < stop else None
    if guess is None or guess.start != after or text[guess.end:stop].strip() \
            or len(guess.text.split()) > MAX_RELATIVE_SUBJECT_WORDS:
        return None
    return guess
