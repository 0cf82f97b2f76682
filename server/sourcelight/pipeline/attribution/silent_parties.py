"""Who did not answer: in the rule engine, the party a non-response names ("Das
Verkehrsministerium wollte sich nicht äußern"); and, in either engine, where the sentence's
source only reports the silence, that silence's own party: "He said the company declined to
comment" rests on him, but it is the company that did not comment, and the note says so (not
"Reports that he did not comment")."""
from __future__ import annotations

import re

from sourcelight.pipeline.attribution.clauses import Finding, noun_phrase_end
from sourcelight.pipeline.attribution.clauses import segments_before as _segments_before
from sourcelight.pipeline.attribution.clauses import shortest_source as _shortest_source
from sourcelight.pipeline.attribution.clauses import skip_spaces as _skip_spaces
from sourcelight.pipeline.attribution.cue_phrases import non_response
from sourcelight.pipeline.attribution.hedges import Flags
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.sources import SourceGuess, classify
from sourcelight.pipeline.attribution.speakers import PASSIVE_SUBJECTS, SUBJECTS
from sourcelight.pipeline.model import SourceKind


def find_non_response_party(masked: str, lexicon: Lexicon, spans: tuple[tuple[int, int], ...]) -> Finding | None:
    """Who did not answer ('Das Verkehrsministerium wollte sich nicht äußern', 'Contactée,
    l'entreprise n'a pas souhaité réagir', 'В Минфине от комментариев отказались'): the
    source phrase opening the clause of the non-response, which the note then names."""
    for start, end in sorted(spans):
        segments = _segments_before(masked, start)
        # (past an aside set off by commas: "La Rioja, por ejemplo, se ha negado a revelar …")
        seg_start, seg_stop = next((segment for segment in segments
                                    if not _aside(masked[segment[0]:segment[1]], lexicon)), segments[0])
        preposition = lexicon.patterns["source_prepositions"].match(masked, _skip_spaces(masked, seg_start), seg_stop)
        if preposition is not None:  # "В Минфине … отказались": the ministry
            seg_start = preposition.end()
        inverted = _party_after_modal(masked, seg_start, start, lexicon)
        seg_stop = _subject_end(masked, seg_start, seg_stop, lexicon)
        guess = inverted or classify(masked, seg_start, seg_stop, lexicon) or _shortest_source(
            masked, seg_start, seg_stop, lexicon)
        if guess is not None and guess.kind is not SourceKind.UNATTRIBUTED:
            return Finding.of(guess, masked[start:end], (start, end))
    return None


def _party_after_modal(masked: str, start: int, stop: int, lexicon: Lexicon) -> SourceGuess | None:
    """Where the verb comes second, the party a clause names right after its modal verb, once
    something else opens the clause ("Mehr wollte die Bahn dazu nicht sagen", "Darüber hinaus
    will der Anwalt nichts sagen"; a reflexive "sich" after it is skipped)."""
    if not lexicon.verb_second:
        return None
    modal = lexicon.patterns["modal_verbs"].search(masked, start, stop)
    # (the clause an opening subordinate clause holds first place of: "Ob das Werk schließt,
    # wollte die Bahn nicht sagen")
    if modal is None or not (masked[start:modal.start()].strip() or masked[:start].rstrip().endswith(",")):
        return None
    if masked[start:modal.start()].strip() and classify(masked, start, modal.start(), lexicon) is not None:
        return None  # the phrase before the modal is its subject ("Kein Sprecher von X wollte …")
    after = _skip_spaces(masked, modal.end())
    reflexive = re.match(r"sich\s+", masked[after:stop])
    if reflexive:
        after += reflexive.end()
    end = noun_phrase_end(masked, after, stop, lexicon)
    if not masked[after:end].strip() or lexicon.patterns["prepositions"].match(masked, after):
        return None  # "… wollte sich zu dem Bericht nicht äußern": no party after the verb
    guess = classify(masked, after, end, lexicon)
    return guess if guess is not None and guess.kind is not SourceKind.UNATTRIBUTED else None


def _aside(piece: str, lexicon: Lexicon) -> bool:
    """Nothing, or a parenthetical the lists know ("por ejemplo"), between two commas or dashes."""
    return not piece.strip() or bool(lexicon.patterns["parentheticals"].match(piece))


def _subject_end(text: str, start: int, stop: int, lexicon: Lexicon) -> int:
    """Where the subject opening text[start:stop] ends: at the first auxiliary, negation or
    stop word after its first word ("Das Ministerium | wollte sich nicht äußern")."""
    first = re.search(r"\S+", text[start:stop])
    if first is None:
        return stop
    position = start + first.end()
    for key in ("auxiliaries_anywhere", "negators", "np_stops"):
        for match in lexicon.patterns[key].finditer(text, position, stop):
            if match.start() > position:
                stop = min(stop, match.start())
                break
    return stop


def silent_party(finding: Finding | None, parse, masked: str, lexicon: Lexicon, flags: Flags) -> str | None:
    """The party of a non-response that a cue before it reports, as the sentence writes it;
    None where the non-response is the finding's own or names no other party."""
    if finding is None or not flags.non_response_spans:
        return None
    after = tuple(span for span in flags.non_response_spans if span[0] >= finding.cue_span[1])
    if not after or any(span[0] < finding.cue_span[1] for span in flags.non_response_spans):
        return None
    if parse is not None and not any(_own_subject(parse, span) for span in after):
        return None  # "… acknowledged that the candidate has … but declined to …": whose is unsure
    party = non_response(parse, masked, lexicon, after) if parse is not None else \
        find_non_response_party(masked, lexicon, after)
    if party is None or party.source_span == finding.source_span or party.source == finding.source:
        return None
    return party.source


def _own_subject(parse, span: tuple[int, int]) -> bool:
    """A verb of the non-response has a subject of its own, not one shared with a verb it is
    joined to."""
    return any(span[0] <= token.idx < span[1] and any(c.dep_ in SUBJECTS + PASSIVE_SUBJECTS for c in token.children)
               for token in parse)


__all__ = ["find_non_response_party", "silent_party"]
