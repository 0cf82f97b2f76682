"""Flags beside the kind: hedging words, reports that someone did not respond, denials."""
from __future__ import annotations

import re
from dataclasses import dataclass

from sourcelight.pipeline.attribution.lemmas import inflected_noun
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.speech_subjects import opens_sentence


@dataclass(frozen=True)
class Flags:
    hedges: tuple[str, ...]
    non_response: bool
    denial_spans: tuple[tuple[int, int], ...]
    # Spans (sentence-relative) of the non-response wording, whose verbs are no cue.
    non_response_spans: tuple[tuple[int, int], ...]
    # Spans of multi-word hedges ("is said to"), whose verbs are no cue either.
    hedge_spans: tuple[tuple[int, int], ...] = ()
    # Spans of refusals to act ("se negó a dimitir"): no denial, and their verbs no cue.
    refusal_spans: tuple[tuple[int, int], ...] = ()
    # Spans of the writer's set phrases ("needless to say", "kurz gesagt"): their verbs no cue.
    marker_spans: tuple[tuple[int, int], ...] = ()

    @property
    def not_cue_spans(self) -> tuple[tuple[int, int], ...]:
        """Every span whose verbs are no cue (the non-responses are read apart: they name who
        did not answer)."""
        return self.hedge_spans + self.refusal_spans + self.marker_spans


# A negator makes "responded" a non-response only close by ("Neither the ministry nor its
# lawyers responded"), and where the language puts negators before the verb only from before
# it: not in "confirmed the meeting because they were not authorized"; and never across the
# punctuation that closes a clause.
NEGATION_REACH = 80
CLAUSE_BREAK = re.compile(r"[,;:—]")


def _negates(negator: tuple[int, int], verb: tuple[int, int], before_only: bool, text: str) -> bool:
    if 0 <= verb[0] - negator[1] <= NEGATION_REACH:
        return not CLAUSE_BREAK.search(text, negator[1], verb[0])
    return not before_only and 0 <= negator[0] - verb[1] <= NEGATION_REACH \
        and not CLAUSE_BREAK.search(text, verb[1], negator[0])


def _as_written(phrase: str, lexicon: Lexicon) -> str:
    """A hedge as the sentence writes it, but for the capital that only opens the sentence
    ("Reportedly, …", "Vermutlich …") or a headline's: "as far as I can tell", and where every
    noun has a capital, a noun's: "Berichten zufolge"."""
    words = phrase.split()
    if phrase.isupper():
        return " ".join(words).lower()
    noun = lexicon.capitalised_nouns and inflected_noun(words[0], lexicon.language, lexicon.lemmatizer)
    return " ".join([words[0] if noun else words[0].lower()] + words[1:])


def find_flags(text: str, masked: str, lexicon: Lexicon) -> Flags:
    """Hedges anywhere in the sentence (a speaker's hedge counts too); non-responses and
    denials only outside quotes, where they describe the sources themselves."""
    hedges: list[str] = []
    hedge_spans = tuple(m.span() for m in lexicon.find("hedges", text) if " " in m.group())
    for match in lexicon.find("hedges", text):
        word = _as_written(match.group(), lexicon)
        if all(word.casefold() != hedge.casefold() for hedge in hedges):
            hedges.append(word)
    spans = [m.span() for m in lexicon.find("non_responses", masked) if not _noun_read_as_verb(m, masked, lexicon)]
    negators = [m.span() for m in lexicon.find("negators", masked) if not _after_preposition(m, masked, lexicon)]
    spans += [m.span() for m in lexicon.find("negated_responses", masked)
              if any(_negates(negator, m.span(), lexicon.negation_before, masked) for negator in negators)
              and not _noun_read_as_verb(m, masked, lexicon)]
    # (a denial word inside a non-response or a refusal is none: "se negó a comentar" refused
    # to comment, "se negó a dimitir" refused to resign)
    refusals = [m.span() for m in lexicon.find("refusals", masked)]
    denials = tuple(m.span() for m in lexicon.find("denials", masked)
                    if not any(start <= m.start() and m.end() <= end for start, end in spans + refusals))
    markers = tuple(m.span() for m in lexicon.find("discourse_markers", masked) if _set_off(m, masked, lexicon))
    return Flags(tuple(hedges), bool(spans), denials, tuple(spans), hedge_spans, tuple(refusals), markers)


def _noun_read_as_verb(match: re.Match[str], text: str, lexicon: Lexicon) -> bool:
    """'nach tagelangem Schweigen', 'zum Schweigen bringt': where every noun has a capital, a
    capitalised word inside the sentence is the noun, not the verb the list holds ("schweigen")."""
    return lexicon.capitalised_nouns and match.group()[:1].isupper() and not opens_sentence(text, match.start())


def _after_preposition(negator: re.Match[str], text: str, lexicon: Lexicon) -> bool:
    """'reagiert gegen kein anderes Virus': a negator right after a preposition negates its
    object, not the verb."""
    words = text[:negator.start()].split()
    return bool(words) and lexicon.patterns["prepositions"].fullmatch(words[-1].lower()) is not None


# How many words a set phrase opening the sentence may take before its comma ("Speaking of
# Dolby technology, …").
MARKER_OBJECT_WORDS = 4


def _set_off(marker, masked: str, lexicon: Lexicon) -> bool:
    """ "Needless to say, …", "But that said, …", "…, needless to say.", "then,--strange to
    say--I …", "Speaking of competition, …": a set phrase opening the sentence or a clause, or
    closing it, set off by punctuation; not the words of "a report that said …"."""
    before = masked[:marker.start()].rstrip()
    last = before.split()[-1] if before else ""
    # (or its object's: "Speaking of competition, …")
    phrase = masked[marker.end():].split(",", 1)
    return (masked[marker.end():].lstrip()[:1] in (",", ".", "!", "?", ";", ")", "—", "–", "-") or (
        len(phrase) == 2 and len(phrase[0].split()) <= MARKER_OBJECT_WORDS)) and (
        not before or before[-1] in ",;:(—–-" or bool(lexicon.patterns["leading_conjunctions"].fullmatch(last)))


# A denial word belongs to the source when it is the cue or follows the source closely
# ("the ministry called the report baseless"), not in "the offer had been rejected".
DENIAL_REACH = 40


def is_denial(flags: Flags, source_span: tuple[int, int] | None, cue_span: tuple[int, int] | None,
              predicate_end: int | None = None) -> bool:
    for start, end in flags.denial_spans:
        if cue_span and start < cue_span[1] and end > cue_span[0]:
            return True
        if cue_span and predicate_end is not None and cue_span[1] <= start and end <= predicate_end:
            return True  # "called the accusations baseless"
        reported_clause = cue_span and source_span and cue_span[0] >= source_span[1] and start >= cue_span[1]
        if source_span and not reported_clause and 0 <= start - source_span[1] <= DENIAL_REACH:
            return True
    return False
