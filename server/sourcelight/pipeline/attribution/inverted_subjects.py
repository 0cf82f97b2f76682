"""The speaker after its verb, in the rule engine: '…," said Mr. Smith', 'the growth will
slow, says the ministry', '…, a rapporté vendredi l'agence Reuters', '— заявил Дмитрий Песков
журналистам' (speech_subjects.py calls it, where no subject before the verb speaks)."""
from __future__ import annotations

import re

from sourcelight.pipeline.attribution.clauses import object_after as _object_after
from sourcelight.pipeline.attribution.clauses import shortest_source as _shortest_source
from sourcelight.pipeline.attribution.clauses import skip_spaces as _skip_spaces
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.names import has_name
from sourcelight.pipeline.attribution.quotes import MASK
from sourcelight.pipeline.attribution.sources import SourceGuess, classify
from sourcelight.pipeline.model import SourceKind


def inverted_subject(text: str, cue: re.Match[str], lexicon: Lexicon, strict: bool = True,
                     up_to_noun: bool = False) -> SourceGuess | None:
    """'…," said Mr. Smith' / 'the growth will slow, says the ministry' / '…, a rapporté
    vendredi l'agence Reuters'. A name in apposition wins ('…, said the spokesman, John Smith').
    ``up_to_noun``: where the sentence opens with the verb's object, the subject after the verb
    may end before an adverb or the verb's particle ("Den Vorwurf weist die Bahn zurück")."""
    before = text[:cue.start()].rstrip()
    if strict and (not before or (before[-1] not in ",\x00\"”»“„:—–" and not before.endswith(MASK))):
        return None
    position = cue.end()
    leading = lexicon.patterns["auxiliaries_anywhere"].match(text, _skip_spaces(text, position))
    while leading and leading.end() > position:
        position = leading.end()
        leading = lexicon.patterns["auxiliaries_anywhere"].match(text, _skip_spaces(text, position))
    addressee = _addressee_end(text, cue, lexicon)
    if addressee is not None:
        position = addressee
    start, end = _object_after(text, position, lexicon)
    viewpoint = lexicon.patterns["according_to_opening"].match(text, _skip_spaces(text, start), end)
    if viewpoint is not None:
        start = viewpoint.end()  # "…, confirme aujourd’hui pour Mathilde Wattecamps que …": hers
    if not text[start:end].strip() or lexicon.patterns["np_stops"].match(text[start:end].lstrip()):
        return None
    following = text[end:].split()[:1]
    if following and lexicon.patterns["auxiliaries"].fullmatch(following[0]):
        return None  # "said engineers would work": the start of the reported clause
    guess = _without_addressee(text, start, end, lexicon) or classify(text, start, end, lexicon)
    if guess is None and up_to_noun and lexicon.capitalised_nouns:
        # "Diesen Schritt kritisierte Tom Reyes scharf", "Den Vorwurf weist die Bahn zurück": the
        # subject after the verb ends before the first word in lower case after its noun (an
        # adverb, the verb's particle)
        words = list(re.finditer(r"\S+", text[start:end]))
        noun_seen = False
        for word in words:
            if noun_seen and not word.group()[:1].isupper():
                guess = classify(text, start, start + word.start(), lexicon)
                break
            noun_seen = noun_seen or word.group()[:1].isupper()
    if guess is None and lexicon.head_first:
        # "— заявил Дмитрий Песков журналистам": the speaker, then who was spoken to.
        guess = _shortest_source(text, start, end, lexicon)
    if end < len(text) and text[end] == ",":
        _, extended = _object_after(text, end + 1, lexicon)
        apposition = classify(text, end + 1, extended, lexicon)
        # (a name: not the pronoun opening the reported clause, "erklärte die Partei, sie sei …")
        if apposition is not None and apposition.kind is SourceKind.NAMED_PERSON and apposition.back_reference is None \
                and not _names_someone(guess, lexicon):
            return apposition
    return guess


def _without_addressee(text: str, start: int, end: int, lexicon: Lexicon) -> SourceGuess | None:
    """'sagte Allendorf der Frankfurter Allgemeinen Zeitung': where the speaker may follow
    the verb freely, a name followed by an outlet in the dative is the speaker alone."""
    if not lexicon.free_inversion:
        return None
    for word in re.finditer(r"\S+", text[start:end]):
        if word.start() == 0 or not lexicon.patterns["definite"].fullmatch(word.group()):
            continue
        cut = start + word.start()
        speaker = classify(text, start, cut, lexicon)
        addressee = classify(text, cut, end, lexicon)
        if (speaker is not None and speaker.kind is SourceKind.NAMED_PERSON
                and addressee is not None and addressee.kind is SourceKind.MEDIA):
            return speaker
        return None
    return None


def _addressee_end(text: str, cue: re.Match[str], lexicon: Lexicon) -> int | None:
    """'dijo a Reuters el ministro', 'a déclaré à l'AFP le ministre': in head-first
    languages the one spoken to may come between the verb and its speaker; the speaker
    starts at the next determiner. Where the addressee ends, or None."""
    if not lexicon.head_first:
        return None
    told = next((m for m in lexicon.find("told", text) if m.start() == cue.start()), None)
    if told is None:
        return None
    for word in re.finditer(r"\S+", text[told.end():]):
        if word.start() == 0 or text[told.end():told.end() + word.start()].strip() == "":
            continue  # the addressee's own first word ("a este periódico")
        if any(ch in text[told.end():told.end() + word.start()] for ch in ",;:."):
            return None
        token = word.group()
        if lexicon.is_determiner(token):
            return told.end() + word.start()
    return None


def _names_someone(guess: SourceGuess | None, lexicon: Lexicon) -> bool:
    """True when the guess is a person given by name ("Mr. Smith"), not by role ("the
    mayor of Paris", whose capital is a place's)."""
    if guess is None or guess.kind is not SourceKind.NAMED_PERSON:
        return False
    if has_name(guess.text, lexicon):
        return True
    role = any(lexicon.patterns[k].search(guess.text) for k in ("person_roles", "unnamed_roles"))
    return not role and any(word[:1].isupper() for word in guess.text.split()[1:])


__all__ = ["inverted_subject"]
