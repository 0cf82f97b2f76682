"""Find the attribution inside one sentence: the cue ("said", "according to", "in a
statement") and the source phrase it points to, plus a relaying outlet ("citing",
"told Reuters", "interviewed by").

Works on the sentence with its quoted words masked (quotes.MASK), so cues inside a
quote are never taken. Offsets are relative to the sentence.
"""
from __future__ import annotations

import re

from sourcelight.pipeline.attribution.clauses import Finding
from sourcelight.pipeline.attribution.clauses import guess_finding as _guess_finding
from sourcelight.pipeline.attribution.clauses import object_after as _object_after
from sourcelight.pipeline.attribution.clauses import segments_before as _segments_before
from sourcelight.pipeline.attribution.clauses import shortest_source as _shortest_source
from sourcelight.pipeline.attribution.clauses import skip_spaces as _skip_spaces
from sourcelight.pipeline.attribution.frames import according_to_after as _according_to_after
from sourcelight.pipeline.attribution.frames import according_to_compound as _according_to_compound
from sourcelight.pipeline.attribution.frames import according_to_opening as _according_to_opening
from sourcelight.pipeline.attribution.frames import impersonal_speech as _impersonal_speech
from sourcelight.pipeline.attribution.frames import prepositional_source as _prepositional_source
from sourcelight.pipeline.attribution.lemmas import lemma
from sourcelight.pipeline.attribution.lexicon import BackReference, Lexicon
from sourcelight.pipeline.attribution.quotes import MASK
from sourcelight.pipeline.attribution.names import has_name
from sourcelight.pipeline.attribution.sources import SourceGuess, classify
from sourcelight.pipeline.model import SourceKind

__all__ = ["Finding", "find_attribution", "find_non_response_party"]

MAX_SUBJECT_WORDS = 12


def find_attribution(masked: str, lexicon: Lexicon, skip: list[tuple[int, int]]) -> Finding | None:
    """The sentence's attribution, or None. ``skip`` are spans (non-responses) whose
    verbs are not cues."""
    finding = (_by_phrase(masked, lexicon) or _quoted_as(masked, lexicon) or _according_to(masked, lexicon)
               or _according_to_after(masked, lexicon) or _according_to_opening(masked, lexicon)
               or _according_to_compound(masked, lexicon)
               or impersonal_finding(masked, lexicon) or _speech(masked, lexicon, skip, "speech")
               or _speech(masked, lexicon, skip, "document_verbs") or _impersonal_speech(masked, lexicon)
               or _noun_cue(masked, lexicon) or _citing_alone(masked, lexicon))
    if finding is None:
        return None
    return with_anonymity(masked, lexicon, _with_relay(masked, lexicon, finding))


def find_non_response_party(masked: str, lexicon: Lexicon, spans: tuple[tuple[int, int], ...]) -> Finding | None:
    """Who did not answer ('Das Verkehrsministerium wollte sich nicht äußern', 'Contactée,
    l'entreprise n'a pas souhaité réagir', 'В Минфине от комментариев отказались'): the
    source phrase opening the clause of the non-response, which the note then names."""
    for start, end in sorted(spans):
        seg_start, seg_stop = _segments_before(masked, start)[0]
        preposition = lexicon.patterns["source_prepositions"].match(masked, _skip_spaces(masked, seg_start), seg_stop)
        if preposition is not None:  # "В Минфине … отказались": the ministry
            seg_start = preposition.end()
        seg_stop = _subject_end(masked, seg_start, seg_stop, lexicon)
        guess = classify(masked, seg_start, seg_stop, lexicon) or _shortest_source(masked, seg_start, seg_stop, lexicon)
        if guess is not None and guess.kind is not SourceKind.UNATTRIBUTED:
            return Finding(guess.kind, guess.text, (guess.start, guess.end), masked[start:end], (start, end),
                           back_reference=guess.back_reference)
    return None


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


def with_anonymity(text: str, lexicon: Lexicon, finding: Finding) -> Finding:
    """'A paramedic, who did not want to be named, said': an unnamed speaker in a sentence
    that says the speaker asked for anonymity is anonymous, whatever the role."""
    if finding.kind not in (SourceKind.NAMED_PERSON, SourceKind.ORGANIZATION, SourceKind.VAGUE):
        return finding
    if not lexicon.find("anonymity_clauses", text) or has_name(finding.source, lexicon):
        return finding
    return Finding(**{**finding.__dict__, "kind": SourceKind.ANONYMOUS})


def _by_phrase(text: str, lexicon: Lexicon) -> Finding | None:
    for cue in lexicon.find("by", text):
        start, end = _object_after(text, cue.end(), lexicon)
        guess = classify(text, start, end, lexicon)
        if guess:
            return _guess_finding(guess, cue)
    return None


def _quoted_as(text: str, lexicon: Lexicon) -> Finding | None:
    """'X was quoted as saying': the subject before the cue."""
    for cue in lexicon.find("quoted_as", text):
        guess, _ = _subject_before(text, cue.start(), lexicon)
        if guess:
            return _guess_finding(guess, cue)
    return None


def _according_to(text: str, lexicon: Lexicon) -> Finding | None:
    for cue in lexicon.find("according_to", text):
        start, end = _object_after(text, cue.end(), lexicon)
        guess = classify(text, start, end, lexicon) or _shortest_source(text, start, end, lexicon)
        if guess:
            return _guess_finding(guess, cue)
    return None


def _speech(text: str, lexicon: Lexicon, skip: list[tuple[int, int]], key: str) -> Finding | None:
    """'X said' or (inverted) 'said X'; document verbs accept only documents and outlets."""
    for cue in lexicon.find(key, text):
        if any(s <= cue.start() < e for s, e in skip) or _is_capitalised_noun(text, cue) or _is_passive(text, cue, lexicon):
            continue
        guess = _speaker(text, cue, lexicon) or _implicit_speaker(text, cue, lexicon)
        if guess is None:
            continue
        if key == "document_verbs" and guess.kind not in (SourceKind.DOCUMENT, SourceKind.MEDIA):
            continue
        finding = _guess_finding(guess, cue)
        colon = text[cue.end():].lstrip()[:1] == ":" or text.rstrip().endswith(":")
        return Finding(**{**finding.__dict__, "colon_intro": colon})
    return None


def _speaker(text: str, cue: re.Match[str], lexicon: Lexicon) -> SourceGuess | None:
    """Who the verb's speaker is. A subject set off by an aside ("The source, who asked
    not to be named, said") beats an inversion; an inversion ("…, said Mr. Smith") beats
    a plain subject; free word order languages also invert without a comma."""
    subject, across_aside = _subject_before(text, cue.start(), lexicon)
    if subject is not None and across_aside:
        return subject
    inverted = _inverted_subject(text, cue, lexicon)
    if inverted is not None:
        return inverted
    if subject is not None:
        return subject
    if not lexicon.free_inversion:
        return None
    inverted = _inverted_subject(text, cue, lexicon, strict=False)
    if inverted is not None:
        return inverted
    return _clause_subject(text, cue.start(), lexicon) or _prepositional_source(text, cue, lexicon)


def _clause_subject(text: str, verb_start: int, lexicon: Lexicon) -> SourceGuess | None:
    """Perfect tenses put the verb last ("Der Kreml hat Vorwürfe zurückgewiesen"): the
    subject is what opens the clause, up to its auxiliary."""
    segments = _segments_before(text, verb_start)
    start, stop = segments[-1] if len(segments) == 1 else segments[0]
    match = lexicon.patterns["auxiliaries_anywhere"].search(text, start, stop)
    if match is None or match.start() == start:
        return None
    return classify(text, start, match.start(), lexicon)


# "«…», lamentó." — a quote, its verb, and no subject: the speaker named before.
IMPLICIT_SPEAKER = BackReference((SourceKind.NAMED_PERSON, SourceKind.ORGANIZATION, SourceKind.ANONYMOUS),
                                 SourceKind.NAMED_PERSON)


def _implicit_speaker(text: str, cue: re.Match[str], lexicon: Lexicon) -> SourceGuess | None:
    """A verb right after a quote with nothing but the sentence end after it (subjects
    are dropped in Spanish, Russian, Italian ...) refers to the previous speaker."""
    before = text[:cue.start()].rstrip(" ,—–-")
    after = text[cue.end():].strip()
    ends = after in ("", ".", "!", "?")
    # "…», declaró a la salida de los juzgados.": a circumstance after the verb is no subject.
    circumstance = (after[-1:] in (".", "!", "?") and len(after.split()) <= 8
                    and bool(lexicon.patterns["np_stops"].match(after)))
    quoted = before.endswith(MASK) and not before.strip(MASK + " ")
    # "España dedica … menos del 2 %, recordó.": a reported clause, a comma, the bare verb.
    reported = text[:cue.start()].rstrip().endswith(",") and ends and before.strip()
    if (quoted and (ends or circumstance)) or reported:
        return SourceGuess(IMPLICIT_SPEAKER.fallback, cue.group(), cue.start(), cue.end(), IMPLICIT_SPEAKER)
    return None


def _is_passive(text: str, cue: re.Match[str], lexicon: Lexicon) -> bool:
    """'Residents have been told to stay away': the subject is told, it does not tell.
    Verb-final clauses put the auxiliary earlier: 'Dabei wird ein Zusatzcode verlangt.'"""
    words = text[:cue.start()].split()
    if words and lexicon.patterns["passive_markers"].fullmatch(words[-1]):
        return True
    after = text[cue.end():].lstrip()
    if after and after[0] not in ".,;:!?\x00":
        return False  # not the clause's last word
    start = _segments_before(text, cue.start())[0][0]
    participle = lemma(cue.group(), lexicon.language, lexicon.lemmatizer) != cue.group().lower()
    return participle and bool(lexicon.patterns["passive_auxiliaries"].search(text, start, cue.start()))


def _is_capitalised_noun(text: str, cue: re.Match[str]) -> bool:
    """'the United States' is no 'states': a capitalised cue counts only where a
    sentence (or a quote) starts, or in a headline written in title case."""
    if not cue.group()[:1].isupper() or not text[:cue.start()].strip(" \x00\"'“”„«»‘’([—–-"):
        return False
    words = [w for w in text.split() if w[:1].isalpha()]
    title_case = sum(w[:1].isupper() for w in words) >= 0.7 * len(words)
    return not title_case


def _subject_before(text: str, verb_start: int, lexicon: Lexicon) -> tuple[SourceGuess | None, bool]:
    """The subject of a verb: the nearest clause segment before it, skipping asides
    (parentheticals, relative clauses, an age). Also says whether an aside was skipped."""
    end = verb_start
    skip = lexicon.patterns["skip_before_verb"]
    while True:
        match = skip.search(text, 0, end)
        if not match or match.start() == match.end():
            break
        end = match.start()
    segments = _segments_before(text, end)
    skipped = comma_before_verb = False
    for index, (start, stop) in enumerate(segments):
        piece = text[start:stop]
        if not piece.strip():
            comma_before_verb = True  # "X, a monitor, said" — or an inversion's clause
            continue
        # A relative clause never opens the sentence (German "der"/"die" are articles there).
        relative = start > 0 and lexicon.patterns["relatives"].match(piece)
        # "Чиновник, …, поскольку не уполномочен говорить с прессой, сообщил": a subordinate
        # clause set off by commas before the verb is an aside, not the subject.
        aside = comma_before_verb and start > 0 and lexicon.patterns["subordinators"].match(piece.lstrip())
        if lexicon.patterns["parentheticals"].match(piece) or relative or aside:
            skipped = True
            continue
        start = _after_last_subordinator(text, start, stop, lexicon)
        piece = text[start:stop]
        if len(piece.split()) > MAX_SUBJECT_WORDS:
            return None, False
        guess = classify(text, start, stop, lexicon)
        if guess is None and start > 0 and (len(piece.split()) <= 2 and not piece.strip()[:1].isalpha()):
            skipped = True  # "Brian Holt, 71, says": an age or a number between commas
            continue
        if guess is None and comma_before_verb and index + 1 < len(segments):
            skipped = True  # "Elena Marín, professor of hydrology, recalls": an unknown role
            continue
        if comma_before_verb and (guess is None or not has_name(guess.text, lexicon)):
            named = _previous_source(text, segments[index + 1:], lexicon)
            if named is not None and named.kind is SourceKind.NAMED_PERSON and has_name(named.text, lexicon):
                return named, True  # "Councillor Margaret Ellery, cabinet member for communities, said"
        if guess is not None and (skipped or comma_before_verb) and lexicon.patterns["indefinite"].match(piece):
            # "The Observatory, a Britain-based monitor, said": the name before the apposition.
            named = _previous_source(text, segments[index + 1:], lexicon)
            if named is not None:
                # The apposition says what the name is ("Scope, a charity"): its kind wins.
                return SourceGuess(guess.kind, named.text, named.start, named.end), True
        return guess, skipped and guess is not None
    return None, False


def _after_last_subordinator(text: str, start: int, stop: int, lexicon: Lexicon) -> int:
    """'Carter resigned after a newspaper reported': the subject follows the last
    subordinating conjunction of the segment."""
    last = None
    for match in lexicon.patterns["subordinators"].finditer(text, start, stop):
        last = match
    return last.end() if last is not None and last.start() > start else start


def _previous_source(text: str, segments: list[tuple[int, int]], lexicon: Lexicon) -> SourceGuess | None:
    for start, stop in segments[:1]:
        if text[start:stop].strip() and len(text[start:stop].split()) <= MAX_SUBJECT_WORDS:
            return classify(text, start, stop, lexicon)
    return None


def _inverted_subject(text: str, cue: re.Match[str], lexicon: Lexicon, strict: bool = True) -> SourceGuess | None:
    """'…," said Mr. Smith' / 'the growth will slow, says the ministry' / '…, a rapporté
    vendredi l'agence Reuters'. A name in apposition wins ('…, said the spokesman, John Smith')."""
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
    if not text[start:end].strip() or lexicon.patterns["np_stops"].match(text[start:end].lstrip()):
        return None
    following = text[end:].split()[:1]
    if following and lexicon.patterns["auxiliaries"].fullmatch(following[0]):
        return None  # "said engineers would work": the start of the reported clause
    guess = _without_addressee(text, start, end, lexicon) or classify(text, start, end, lexicon)
    if guess is None and lexicon.head_first:
        # "— заявил Дмитрий Песков журналистам": the speaker, then who was spoken to.
        guess = _shortest_source(text, start, end, lexicon)
    if end < len(text) and text[end] == ",":
        _, extended = _object_after(text, end + 1, lexicon)
        apposition = classify(text, end + 1, extended, lexicon)
        if apposition is not None and apposition.kind is SourceKind.NAMED_PERSON and not _names_someone(guess, lexicon):
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


def _noun_cue(text: str, lexicon: Lexicon) -> Finding | None:
    """'In a statement, the ministry ...': the source is the phrase after the comma."""
    for cue in lexicon.find("noun", text):
        comma = text.find(",", cue.end())
        if comma < 0:
            continue
        start, end = comma + 1, comma + 1
        words = text[comma + 1:].split()
        for count in range(min(6, len(words)), 0, -1):
            end = comma + 1 + len(text[comma + 1:]) - len(text[comma + 1:].lstrip()) + len(" ".join(words[:count]))
            guess = classify(text, start, end, lexicon)
            if guess and guess.kind is not SourceKind.VAGUE:
                return _guess_finding(guess, cue)
    return None


def _citing_alone(text: str, lexicon: Lexicon) -> Finding | None:
    """'Reuters beruft sich auf Regierungsvertreter': the citing verb is the only cue; the
    subject relays the cited source."""
    for cue in lexicon.find("citing", text):
        relay, _ = _subject_before(text, cue.start(), lexicon)
        cited = _cited_after(text, cue, lexicon)
        if relay is not None and cited is not None:
            return Finding(cited.kind, cited.text, (cited.start, cited.end), cue.group(), cue.span(),
                           via=relay.text, back_reference=cited.back_reference,
                           via_reference=relay.back_reference)
    return None


def _cited_after(text: str, cue: re.Match[str], lexicon: Lexicon) -> SourceGuess | None:
    """The source after a citing cue, grown over commas ("auf iranische, irakische und
    westliche Regierungsvertreter")."""
    start, end = _object_after(text, cue.end(), lexicon)
    guess = classify(text, start, end, lexicon)
    for _ in range(2):
        if guess is not None or end >= len(text) or text[end] != ",":
            break
        _, end = _object_after(text, end + 1, lexicon)
        guess = classify(text, start, end, lexicon)
    return guess


def impersonal_finding(text: str, lexicon: Lexicon) -> Finding | None:
    for cue in lexicon.find("impersonal_vague", text):
        return Finding(SourceKind.VAGUE, cue.group(), cue.span(), cue.group(), cue.span())
    return None


def _with_relay(text: str, lexicon: Lexicon, finding: Finding) -> Finding:
    """Apply 'citing Y' (Y becomes the source, relayed by the finding's source) and the
    outlet that relays the finding ('told Reuters', 'interviewed by Reuters')."""
    cited = _first_object(text, lexicon, "citing", extend=True)
    if cited and cited.kind is not SourceKind.UNATTRIBUTED and (cited.start, cited.end) != finding.source_span:
        finding = _relaying_finding(text, lexicon, finding, cited.start)
        return Finding(cited.kind, cited.text, (cited.start, cited.end), finding.cue, finding.cue_span,
                       via=finding.source, back_reference=cited.back_reference, colon_intro=finding.colon_intro,
                       via_reference=finding.back_reference)
    for key in ("relay", "told", "interview"):
        relay = _first_object(text, lexicon, key)
        if relay and relay.kind in (SourceKind.MEDIA, SourceKind.DOCUMENT) and relay.text != finding.source:
            outlet = lexicon.patterns["media_names"].match(relay.text)
            via = outlet.group() if outlet else relay.text
            if relay.start < finding.source_span[0] < relay.end:  # "à l'AFP le ministre": the relay ends there
                via = text[relay.start:finding.source_span[0]].strip()
            return Finding(**{**finding.__dict__, "via": via})
    return finding


def _relaying_finding(text: str, lexicon: Lexicon, finding: Finding, cited_start: int) -> Finding:
    """Who does the citing: the subject of the last speech cue before "citing", which is not
    always the sentence's first one ("Critics say X, Reuters reported, citing officials")."""
    later = [cue for cue in lexicon.find("speech", text) if finding.cue_span[1] <= cue.start() < cited_start]
    if not later:
        return finding
    cue = later[-1]
    relay, _ = _subject_before(text, cue.start(), lexicon)
    if relay is None or relay.kind is SourceKind.UNATTRIBUTED:
        return finding
    return Finding(relay.kind, relay.text, (relay.start, relay.end), cue.group(), (cue.start(), cue.end()),
                   back_reference=relay.back_reference, colon_intro=finding.colon_intro)


def _first_object(text: str, lexicon: Lexicon, key: str, extend: bool = False) -> SourceGuess | None:
    """The source after the first ``key`` cue. With ``extend``, a phrase cut short by a
    comma grows over the next commas ("citing five Iranian, Iraqi and Western officials")."""
    for cue in lexicon.find(key, text):
        if extend:
            guess = _cited_after(text, cue, lexicon)
        else:
            start, end = _object_after(text, cue.end(), lexicon)
            guess = classify(text, start, end, lexicon) or _shortest_source(text, start, end, lexicon)
        if guess:
            return guess
    return None
