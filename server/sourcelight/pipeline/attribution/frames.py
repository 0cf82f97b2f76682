"""Cue frames where the source is not the subject of a speech verb: "Pour X, …" at a
sentence's opening, postpositions ("Dem Bericht zufolge"), a closing tag ("…, so der Minister"), compounds ("nach
SPIEGEL-Informationen"), and impersonal speech whose
source stands in a prepositional phrase ("Aus Sicherheitskreisen hieß es", "В Кремле
заявили") or is the speaker before ("…, hieß es."). Words come from the lexicon
(cues.according_to_opening, cues.according_to_after, cues.according_to_compound, cues.closing_tags, cues.impersonal,
grammar.source_prepositions).
"""
from __future__ import annotations

import re

from sourcelight.pipeline.attribution.clauses import Finding, guess_finding, object_after, segments_before, skip_spaces
from sourcelight.pipeline.attribution.lexicon import BackReference, Lexicon
from sourcelight.pipeline.attribution.names import is_institution
from sourcelight.pipeline.attribution.quotes import MASK
from sourcelight.pipeline.attribution.sources import SourceGuess, classify
from sourcelight.pipeline.model import SourceKind


def according_to_opening(text: str, lexicon: Lexicon) -> Finding | None:
    """'Pour la sociologue Claire Dumas, le système …', 'Para la urbanista Ana Beltrán, …':
    only where the sentence opens with the cue and its phrase ends at a comma (elsewhere
    'pour X' is no attribution)."""
    position = len(text) - len(text.lstrip(" \"'“”„«»‘’([—–-"))
    cue = lexicon.patterns["according_to_opening"].match(text, position)
    if cue is None or cue.end() == position:
        return None
    comma = text.find(",", cue.end())
    if comma < 0:
        return None
    guess = classify(text, cue.end(), comma, lexicon)
    if guess is None or guess.kind is SourceKind.DOCUMENT:
        return None
    if guess.back_reference is None and not _opens_a_noun_phrase(text[cue.end():comma], lexicon):
        return None
    return guess_finding(guess, cue)


def _opens_a_noun_phrase(phrase: str, lexicon: Lexicon) -> bool:
    """'Pour la ministre', 'Pour Jean Martin' — not 'Pour repérer ces personnes'."""
    words = phrase.split()
    if not words:
        return False
    first = words[0]
    return bool(first[:1].isupper() or lexicon.is_determiner(first) or lexicon.patterns["pronouns"].fullmatch(first))


def according_to_after(text: str, lexicon: Lexicon) -> Finding | None:
    """'Dem Bericht zufolge', 'Angaben der Polizei zufolge': the source is the phrase
    before the postposition, back to the clause break."""
    for cue in lexicon.find("according_to_after", text):
        start, stop = segments_before(text, cue.start())[0]
        start = _noun_phrase_start(text, start, stop, lexicon)
        guess = classify(text, start, stop, lexicon)
        if guess:
            return guess_finding(guess, cue)
    return None


def _noun_phrase_start(text: str, start: int, stop: int, lexicon: Lexicon) -> int:
    """Where the noun phrase ending at ``stop`` starts, after the verb a clause puts before it
    ("Der Minister ist | Berichten zufolge zurückgetreten"): back over nouns (capitalised),
    adjectives ("übereinstimmenden Medienberichten") and the words that hang a noun on the one
    before ("Angaben der Polizei"), to the determiner that opens it, or to a word that is
    none of them, an auxiliary or a hedge such as "soll"."""
    words = list(re.finditer(r"\S+", text[start:stop]))
    for word in reversed(words):
        written = word.group().strip(".,;:!?\"'“”„«»()")
        if not written or any(lexicon.patterns[key].fullmatch(written) for key in ("auxiliaries", "hedges")):
            return start + word.end()
        if written[:1].isupper() or lexicon.patterns["possessive_links"].fullmatch(written):
            continue  # a noun, or a word that hangs one on the noun before it ("Angaben der Polizei")
        if lexicon.is_determiner(written):
            return start + word.start()  # it opens the phrase: "sei der Minister | dem Spiegel zufolge"
        if not written.casefold().endswith(lexicon.adjective_endings):
            return start + word.end()
    return start


def closing_tag(text: str, lexicon: Lexicon) -> Finding | None:
    """'»Ich freue mich auf die Aufgabe«, so Emanuel Scobel.', 'Die Lage sei ernst, so der
    Minister.': a tag word (cues.closing_tags) after a comma, then the source, which ends the
    sentence or is set off by a comma. Only a name or a source the lists know: "…, so die
    Hoffnung" and "…, so der Plan" name no one."""
    for cue in lexicon.find("closing_tags", text):
        if not text[:cue.start()].rstrip().endswith(","):
            continue
        start, end = object_after(text, cue.end(), lexicon)
        if text[end:].strip(" .!?…\"'“”»«)") and not text[end:].lstrip().startswith(","):
            continue
        guess = classify(text, start, end, lexicon)
        if guess is not None and _names_a_source(guess, text[start:end], lexicon):
            return guess_finding(guess, cue)
    return None


def _names_a_source(guess: SourceGuess, phrase: str, lexicon: Lexicon) -> bool:
    """A person by name or by a role, or a body, outlet or group the lists know (a
    spokesperson's too: "ein Sprecher der Stadtwerke"), not any noun a determiner stands
    before ("die Hoffnung", which only capitals made a name)."""
    if guess.kind is not SourceKind.ORGANIZATION or guess.back_reference is not None:
        return True
    return is_institution(phrase, lexicon) or bool(lexicon.patterns["spokesperson"].search(phrase))


def according_to_compound(text: str, lexicon: Lexicon) -> Finding | None:
    """'nach SPIEGEL-Informationen', 'laut Polizei-Angaben': the source is the first part
    of a hyphenated compound whose last part is a cue; a body, an outlet or a document, not
    a capitalised word taken for a person's name ("Artikel-Informationen" heads a box)."""
    for word in re.finditer(r"[\w.]+(?:-[\w.]+)+", text):
        head, _, tail = word.group().rpartition("-")
        if not lexicon.patterns["according_to_compound"].fullmatch(tail):
            continue
        guess = classify(text, word.start(), word.start() + len(head), lexicon)
        if guess is not None and guess.kind is not SourceKind.NAMED_PERSON:
            cue_start = word.start() + len(head) + 1
            return Finding.of(guess, tail, (cue_start, word.end()))
    return None


# "…, hieß es." with no source next to it: the speaker named before, else a vague source.
IMPERSONAL_SPEAKER = BackReference((SourceKind.NAMED_PERSON, SourceKind.ORGANIZATION, SourceKind.ANONYMOUS,
                                    SourceKind.MEDIA, SourceKind.DOCUMENT), SourceKind.VAGUE)


def prepositional_source(text: str, cue: re.Match[str], lexicon: Lexicon) -> SourceGuess | None:
    """The source in a prepositional phrase next to a cue that has no subject: 'Aus
    Sicherheitskreisen hieß es', 'hieß es aus dem Ministerium', 'В Кремле заявили'."""
    for start, stop in (object_after(text, cue.end(), lexicon), segments_before(text, cue.start())[0]):
        preposition = lexicon.patterns["source_prepositions"].match(text, skip_spaces(text, start), stop)
        if preposition is None:
            continue
        guess = classify(text, preposition.end(), stop, lexicon)
        if guess is not None:
            return guess
    return None


def impersonal_speech(text: str, lexicon: Lexicon) -> Finding | None:
    """Impersonal speech: the source is a prepositional phrase before or after the cue;
    without one, the previous speaker ("…, hieß es.")."""
    for cue in lexicon.find("impersonal", text):
        guess = prepositional_source(text, cue, lexicon)
        if guess is not None:
            return guess_finding(guess, cue)
        before = segments_before(text, cue.start())[0]
        if not text[before[0]:before[1]].strip() or text[:cue.start()].rstrip().endswith((",", MASK)):
            return Finding(IMPERSONAL_SPEAKER.fallback, cue.group(), cue.span(), cue.group(), cue.span(),
                           back_reference=IMPERSONAL_SPEAKER)
    return None
