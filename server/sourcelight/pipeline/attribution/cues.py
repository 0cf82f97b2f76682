"""Find the attribution inside one sentence: the cue ("said", "according to", "in a
statement") and the source phrase it points to, plus a relaying outlet ("citing",
"told Reuters", "interviewed by").

Works on the sentence with its quoted words masked (quotes.MASK), so cues inside a
quote are never taken. Offsets are relative to the sentence.
"""
from __future__ import annotations

import re
from dataclasses import replace

from sourcelight.pipeline.attribution.clauses import AFTER_BREAK, CLAUSE_BREAK, Finding
from sourcelight.pipeline.attribution.clauses import guess_finding as _guess_finding
from sourcelight.pipeline.attribution.clauses import noun_phrase_end
from sourcelight.pipeline.attribution.clauses import object_after as _object_after
from sourcelight.pipeline.attribution.clauses import shortest_source as _shortest_source
from sourcelight.pipeline.attribution.clauses import skip_spaces as _skip_spaces
from sourcelight.pipeline.attribution.frames import according_to_after as _according_to_after
from sourcelight.pipeline.attribution.frames import according_to_compound as _according_to_compound
from sourcelight.pipeline.attribution.frames import closing_tag as _closing_tag
from sourcelight.pipeline.attribution.frames import according_to_opening as _according_to_opening
from sourcelight.pipeline.attribution.frames import impersonal_speech as _impersonal_speech
from sourcelight.pipeline.attribution.lemmas import lemma
from sourcelight.pipeline.attribution.lexicon import BackReference, Lexicon
from sourcelight.pipeline.attribution.names import has_name
from sourcelight.pipeline.attribution.noun_readings import is_determined_noun
from sourcelight.pipeline.attribution.person_nouns import group_kind
from sourcelight.pipeline.attribution.passives import is_passive, participle_aside, passive_agent
from sourcelight.pipeline.attribution.sources import SourceGuess, classify
from sourcelight.pipeline.attribution.speech_subjects import (SENTENCE_OPENERS, coordinated_subject, implicit_speaker,
                                                             is_capitalised_noun, opens_sentence, speaker,
                                                             subject_before)
from sourcelight.pipeline.model import SourceKind

__all__ = ["Finding", "find_attribution"]


def find_attribution(masked: str, lexicon: Lexicon, skip: list[tuple[int, int]]) -> Finding | None:
    """The sentence's attribution, or None. ``skip`` are spans (non-responses) whose
    verbs are not cues."""
    finding = (_by_phrase(masked, lexicon) or _quoted_as(masked, lexicon) or _according_to(masked, lexicon)
               or _according_to_after(masked, lexicon) or _according_to_opening(masked, lexicon)
               or _according_to_compound(masked, lexicon) or _closing_tag(masked, lexicon)
               or impersonal_finding(masked, lexicon) or _speech(masked, lexicon, skip, "speech")
               or _speech(masked, lexicon, skip, "document_verbs") or _impersonal_speech(masked, lexicon)
               or _noun_cue(masked, lexicon) or _citing_alone(masked, lexicon))
    if finding is None:
        return None
    return with_anonymity(masked, lexicon, _with_relay(masked, lexicon, finding))


def with_anonymity(text: str, lexicon: Lexicon, finding: Finding) -> Finding:
    """'A paramedic, who did not want to be named, said': an unnamed speaker in a sentence
    that says the speaker asked for anonymity is anonymous, whatever the role."""
    if finding.kind not in (SourceKind.NAMED_PERSON, SourceKind.ORGANIZATION, SourceKind.VAGUE):
        return finding
    if not lexicon.find("anonymity_clauses", text):
        return finding
    spokesperson = _spokesperson_around(text, finding, lexicon) if finding.kind is SourceKind.ORGANIZATION else None
    if spokesperson is not None:
        # "A spokeswoman for Acme, who asked not to be named, said": the unnamed one is the
        # spokeswoman, not Acme
        start, end = spokesperson
        return Finding(**{**finding.__dict__, "kind": SourceKind.ANONYMOUS, "source": text[start:end],
                          "source_span": (start, end)})
    if has_name(finding.source, lexicon):
        return finding
    return Finding(**{**finding.__dict__, "kind": SourceKind.ANONYMOUS})


def _spokesperson_around(text: str, finding: Finding, lexicon: Lexicon) -> tuple[int, int] | None:
    """The whole phrase of the spokesperson a body was narrowed from: 'a spokeswoman for
    Acme' (two words at most between), 'an Acme spokesman' (right after the body)."""
    start, end = finding.source_span
    for match in lexicon.patterns["spokesperson"].finditer(text):
        if match.start() >= end and not text[end:match.start()].strip():
            return _with_determiner(text, start, lexicon), match.end()
        between = text[match.end():start]
        if match.end() <= start and len(between.split()) <= 2 and not any(mark in between for mark in ",;:()"):
            return _with_determiner(text, match.start(), lexicon), end
    return None


def _with_determiner(text: str, start: int, lexicon: Lexicon) -> int:
    """``start``, or the start of the determiner right before it ('a', 'the')."""
    before = text[:start].rstrip()
    word = before.rsplit(None, 1)[-1] if before.split() else ""
    return len(before) - len(word) if word and lexicon.is_determiner(word) else start


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
        guess, _ = subject_before(text, cue.start(), lexicon)
        if guess:
            return _guess_finding(guess, cue)
    return None


def _according_to(text: str, lexicon: Lexicon) -> Finding | None:
    for cue in lexicon.find("according_to", text):
        start, end = _object_after(text, cue.end(), lexicon)
        if lexicon.capitalised_nouns:
            end = noun_phrase_end(text, start, end, lexicon)  # "Laut dem Bundesamt | steigen …"
        guess = classify(text, start, end, lexicon) or _shortest_source(text, start, end, lexicon)
        if guess:
            return _guess_finding(guess, cue)
    return None


def _speech(text: str, lexicon: Lexicon, skip: list[tuple[int, int]], key: str) -> Finding | None:
    """'X said' or (inverted) 'said X'; document verbs accept only documents and outlets."""
    for cue in lexicon.find(key, text):
        if any(s <= cue.start() < e for s, e in skip) or is_capitalised_noun(text, cue) \
                or _other_sense(text, cue, lexicon) or _verb_first_question(text, cue, lexicon) \
                or _not_done(text, cue, lexicon) or is_determined_noun(text, cue, lexicon) \
                or participle_aside(text, cue, lexicon):
            continue
        if is_passive(text, cue, lexicon):
            guess = passive_agent(text, cue, lexicon)  # "a été critiqué par la mairie"
            if guess is None:
                continue
        else:
            guess = speaker(text, cue, lexicon) or coordinated_subject(text, cue, lexicon) \
                or implicit_speaker(text, cue, lexicon)
        if guess is None:
            continue
        guess = _group_of_plural_verb(text, guess, cue, lexicon)
        if key == "document_verbs" and guess.kind not in (SourceKind.DOCUMENT, SourceKind.MEDIA):
            continue
        finding = _guess_finding(guess, cue)
        colon = text[cue.end():].lstrip()[:1] == ":" or text.rstrip().endswith(":")
        return Finding(**{**finding.__dict__, "colon_intro": colon})
    return None


def _not_done(text: str, cue: re.Match[str], lexicon: Lexicon) -> bool:
    """'Die Kanzlerin will morgen sprechen', 'Trotzdem wollen wir über Zahlen sprechen': a cue
    verb's infinitive with a modal or future auxiliary in its clause (grammar.modal_verbs) is a
    saying not done; it reports no one's words."""
    word = cue.group().split()[0]
    if lemma(word, lexicon.language, lexicon.lemmatizer) != word.lower():
        return False  # "hat gesagt", "sagte": done
    clause_start = max((b.end() for b in CLAUSE_BREAK.finditer(text, 0, cue.start())), default=0)
    clause_end = next((b.start() for b in CLAUSE_BREAK.finditer(text, cue.end())), len(text))
    return any(m.start() < cue.start() or m.start() >= cue.end()
               for m in lexicon.patterns["modal_verbs"].finditer(text, clause_start, clause_end))


def _verb_first_question(text: str, cue: re.Match[str], lexicon: Lexicon) -> bool:
    """'Glauben Sie, dass …?', '¿Cree usted que …?': a question that opens with the verb (or
    with a question word and the verb: 'Warum behauptet die Bahn, dass …?') asks the reader or
    the interviewee; it reports no one. So does one whose verb takes its pronoun after it
    (grammar.inverted_pronouns: 'Ceux qui sont refusés répondaient-ils …?'), but not the
    inversion that follows a quote ('…, a-t-il répondu.')."""
    if not text.rstrip().endswith("?"):
        return False
    if opens_sentence(text, cue.start()):
        return True
    before = text[:cue.start()].rstrip()
    if len(before.split()) == 1 and lexicon.patterns["subordinators"].fullmatch(before.strip("¿¡«„“\"' ")):
        return True  # "Warum behauptet die Bahn, dass …?": a question word, then the verb
    inverted = lexicon.patterns["inverted_pronouns"]
    # ("Le ministre a-t-il déclaré …?": the auxiliary takes the pronoun)
    after_auxiliary = any(m.end() == len(before) for m in inverted.finditer(before))
    return (inverted.match(text, cue.end()) is not None or after_auxiliary) and before[-1:] not in (",", "»", '"', "”")


# A pronoun that is "she" or "they" with a plural verb: people left unnamed, never one person.
THEY = BackReference((SourceKind.ANONYMOUS, SourceKind.VAGUE), SourceKind.VAGUE, plural=True)


def _group_of_plural_verb(text: str, guess: SourceGuess, cue: re.Match[str], lexicon: Lexicon) -> SourceGuess:
    """'Die beteiligten AfD-Politiker bestreiten, …', 'Die Richter schreiben': where a verb's
    ending shows it plural (grammar.plural_verb_endings) and the German noun for one person is
    the same as for many, a subject phrase that names no one is a group: vague, or anonymous
    when counted ("zwei Politiker"), never one person described. So is one word opening the
    sentence ("Brandenburger halten …": no surname takes a plural verb), and "sie" is "they"
    ("Sie fürchten …"), never one woman. Only a verb right next to its subject is surely the
    finite one ("Der Minister wird morgen sagen" is one minister), and a lone word after the
    sentence's start may be a surname the coordination before it shares ("Sowohl Keith als
    auch Keuter behaupten"); or an auxiliary right next to it ("Sie hatten erklärt", "Die
    Richter haben geschrieben")."""
    if (guess.kind is not SourceKind.NAMED_PERSON or not lexicon.plural_verb_endings
            or has_name(guess.text, lexicon) or lexicon.patterns["leading_conjunctions"].search(guess.text)):
        return guess
    before = guess.end <= cue.start() and not text[guess.end:cue.start()].strip()
    after = guess.start >= cue.end() and not text[cue.end():guess.start].strip()
    words = guess.text.split()
    auxiliaries = lexicon.patterns["finite_auxiliaries"]
    auxiliary = next((m for m in auxiliaries.finditer(text, 0, guess.start)
                      if not text[m.end():guess.start].strip()), None)
    if before and auxiliary is not None:
        finite = auxiliary.group()  # "Über seinen Anwalt ließ der Minister mitteilen": the auxiliary's number
    elif before or after:
        finite = cue.group().split()[0]
    else:
        following = auxiliaries.match(text, _skip_spaces(text, guess.end))
        if following is not None and following.end() <= cue.start():
            finite = following.group()  # "Sie hatten erklärt"
        elif auxiliary is not None:
            finite = auxiliary.group()  # "Hatten sie das erklärt"
        else:
            return guess
    if not finite.casefold().endswith(lexicon.plural_verb_endings):
        return guess
    if guess.back_reference is not None:
        if len(words) == 1:  # a pronoun
            return replace(guess, kind=THEY.fallback, back_reference=THEY)
        return guess
    if len(words) < 2 and not opens_sentence(text, guess.start):
        return guess
    return replace(guess, kind=group_kind(words[0], lexicon))



def _other_sense(text: str, cue: re.Match[str], lexicon: Lexicon) -> bool:
    """'Im vergangenen Jahr schrieb das Haus einen Verlust', 'Das Ergebnis hält mit teureren
    Geräten mit': the cue verb's clause holds an object (cues.other_senses), or ends with a
    particle (cues.particle_senses), that makes it another verb."""
    if not lexicon.speech_other_senses and not lexicon.particle_senses:
        return False
    verb = lemma(cue.group().split()[0], lexicon.language, lexicon.lemmatizer)
    clause_end = next((b.start() for b in AFTER_BREAK.finditer(text, cue.end())), len(text))
    words = [w.casefold() for w in re.findall(r"\w+", text[cue.end():clause_end])]
    clause = " ".join(words)
    if any(sense_verb == verb and f" {word} " in f" {clause} " for sense_verb, word in lexicon.speech_other_senses):
        return True
    if len(cue.group().split()) != 1:
        return False
    if bool(words) and (verb, words[-1]) in lexicon.particle_senses:
        return True
    # (a list between the verb and its particle: "hielt Lehraufträge zu Governance, Agile Management
    # und Data Science an zahlreichen Hochschulen inne", where no clause of its own opens)
    sentence = [w.casefold() for w in re.findall(r"\w+", text[cue.end():])]
    if not sentence or (verb, sentence[-1]) not in lexicon.particle_senses:
        return False
    segments = [segment.strip() for segment in re.split(r"[,;]", text[cue.end():])][1:]
    return not any(lexicon.patterns[key].match(segment)
                   for segment in segments for key in ("subordinators", "relatives"))


def _noun_cue(text: str, lexicon: Lexicon) -> Finding | None:
    """'In a statement, the ministry ...': the source is the phrase after the comma that ends
    the opening phrase (not a comma further on: "Según explicó en un comunicado Twitter Lite
    estará disponible en Bolivia, Brasil …" names no Brasil)."""
    for cue in lexicon.find("noun", text):
        comma = text.find(",", cue.end())
        before = text[:cue.start()].strip(SENTENCE_OPENERS)
        if comma < 0 or (before and not lexicon.patterns["leading_conjunctions"].fullmatch(before.lower())):
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
        relay, _ = subject_before(text, cue.start(), lexicon)
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
    """'It is widely believed that …' rests on a vague many; "We're told …", on sources the
    writer leaves unnamed."""
    for key, kind in (("impersonal_vague", SourceKind.VAGUE), ("impersonal_anonymous", SourceKind.ANONYMOUS)):
        for cue in lexicon.find(key, text):
            return Finding(kind, cue.group(), cue.span(), cue.group(), cue.span())
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
    relay, _ = subject_before(text, cue.start(), lexicon)
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
