"""The rule engine's speaker of a speech verb in one masked sentence: the subject before it
(the nearest clause, past subordinators and addressees), the inverted subject after it ("said
X"), or the speaker an implicit subject leaves to the sentences before. cues.py finds the
verbs, passives.py reads the passive ones; this module finds who they report.
"""
from __future__ import annotations

import re

from sourcelight.pipeline.attribution.clauses import object_after as _object_after
from sourcelight.pipeline.attribution.clauses import segments_before as _segments_before
from sourcelight.pipeline.attribution.clauses import noun_phrase_end, subject_after_relative, subject_before_object
from sourcelight.pipeline.attribution.inverted_subjects import inverted_subject
from sourcelight.pipeline.attribution.frames import prepositional_source as _prepositional_source
from sourcelight.pipeline.attribution.lemmas import lemma, lower_case_word
from sourcelight.pipeline.attribution.lexicon import BackReference, Lexicon
from sourcelight.pipeline.attribution.quotes import MASK
from sourcelight.pipeline.attribution.names import has_name
from sourcelight.pipeline.attribution.person_signs import ROLE_BEFORE_NAME_KEYS
from sourcelight.pipeline.attribution.sources import SourceGuess, classify
from sourcelight.pipeline.model import SourceKind

# A clause before a verb longer than this is no subject phrase but a sentence of its own.
MAX_SUBJECT_WORDS = 12


def speaker(text: str, cue: re.Match[str], lexicon: Lexicon) -> SourceGuess | None:
    """Who the verb's speaker is. A subject set off by an aside ("The source, who asked
    not to be named, said") beats an inversion but one that ends the sentence ("…, como
    presunta responsable …, informa Europa Press."); an inversion ("…, said Mr. Smith") beats
    a plain subject; free word order languages also invert without a comma."""
    subject, across_aside = subject_before(text, cue.start(), lexicon)
    if subject is not None and lexicon.patterns["coordinators"].fullmatch(subject.text.split()[-1].lower()):
        # "Le ministre est venu à Lyon et a déclaré": the first clause is no subject, its subject is
        subject, across_aside = coordinated_subject(text, cue, lexicon), False
    if subject is not None and lexicon.patterns["relatives"].fullmatch(subject.text.split()[-1].lower()):
        # "Lo que dijo el capitán … es falso": what someone said, as the subject of a sentence
        # the writer says; "Según lo que dijo el ministro, …" is the minister's
        if not text[:subject.start].strip(SENTENCE_OPENERS + " "):
            return None
        subject = None
    inverted = inverted_subject(text, cue, lexicon)
    if subject is not None and across_aside and not (inverted is not None and _ends_sentence(text, inverted.end)):
        return subject
    if subject is not None and across_aside and lexicon.verb_second \
            and _opening_person_set_off(text, subject, cue, lexicon):
        # "Sabine Keller, Sprecherin der Stadt, kritisierte die Entscheidung": where the verb
        # comes second, a person opening the sentence and an aside on them fill its first
        # place, so what follows the verb is its object (not "…, sei gut, sagte der Minister")
        return subject
    opening = text[:cue.start()].strip(SENTENCE_OPENERS).split()
    if len(opening) == 1 and lexicon.is_pronoun(opening[0]):
        return subject  # "Ich glaube die Menschen, die … shoppen, sind …": the pronoun before the verb is its subject
    if inverted is not None:
        return inverted
    following = (text[cue.end():].split(maxsplit=1) or [""])[0]
    set_off = following.rstrip(",.;:")
    if set_off != following and lexicon.is_pronoun(set_off) and text[:cue.start()].rstrip().endswith(","):
        return None  # "Andere Dinge, sagen wir, …": the pronoun set off after the verb is its subject
    if subject is not None:
        return subject
    if not lexicon.free_inversion or _in_clause_on_noun(text, cue, lexicon):
        return None
    # (a sentence that opens with the verb's object: "Diesen Schritt kritisierte Tom Reyes scharf")
    object_first = lexicon.patterns["oblique_articles"].match(text[:cue.start()].lstrip(SENTENCE_OPENERS)) is not None
    inverted = inverted_subject(text, cue, lexicon, strict=False, up_to_noun=object_first)
    if inverted is not None:
        return inverted
    return _clause_subject(text, cue.start(), lexicon) or _prepositional_source(text, cue, lexicon)


def _in_clause_on_noun(text: str, cue: re.Match[str], lexicon: Lexicon) -> bool:
    """'El plan que anunció el Gobierno costará tres millones': a verb right after a relative
    word on a noun, with nothing it says after it, tells which plan, not who says the sentence
    (unlike "lo que dijo el ministro", what the minister said, or "… que anunció: …")."""
    words = text[:_before_verb_words(text, cue.start(), lexicon)].split()
    if len(words) < 2 or not lexicon.patterns["relatives"].fullmatch(words[-1].lower()) \
            or lexicon.patterns["object_pronouns"].fullmatch(words[-2].lower()) or lexicon.is_determiner(words[-2]):
        return False
    _, end = _object_after(text, cue.end(), lexicon)
    return not re.match(r"\s*[:\x00\"«“]", text[end:]) and not lexicon.patterns["complementizers"].match(text, end)


def _opening_person_set_off(text: str, subject: SourceGuess, cue: re.Match[str], lexicon: Lexicon) -> bool:
    """The subject, a person, opens the sentence, and what stands right before the verb is an
    aside on them: a relative clause, or a phrase a capital or an article opens (a role), not
    a clause of the words they report ("…, sei gut, sagte …")."""
    if text[:subject.start].strip(SENTENCE_OPENERS) or not (
            subject.kind in (SourceKind.NAMED_PERSON, SourceKind.ANONYMOUS) or has_name(subject.text, lexicon)):
        return False
    pieces = [text[start:stop].strip() for start, stop in _segments_before(text, _before_verb_words(
        text, cue.start(), lexicon))]
    aside = next((piece for piece in pieces if piece), "")
    first = aside.split(maxsplit=1)[0] if aside else ""
    return bool(first) and (first[:1].isupper() or lexicon.is_determiner(first)
                            or lexicon.patterns["relatives"].fullmatch(first) is not None)


def _ends_sentence(text: str, end: int) -> bool:
    return not text[end:].strip(" .!?…»”\"'")


def _clause_subject(text: str, verb_start: int, lexicon: Lexicon) -> SourceGuess | None:
    """Perfect tenses put the verb last ("Der Kreml hat Vorwürfe zurückgewiesen"): the
    subject is what opens the clause, up to its auxiliary."""
    segments = _segments_before(text, verb_start)
    start, stop = segments[-1] if len(segments) == 1 else segments[0]
    # (the verb's own clause: "El fiscal va a Madrid a que le digan …" is theirs, unnamed)
    start = _after_last_subordinator(text, start, stop, lexicon)
    match = lexicon.patterns["auxiliaries_anywhere"].search(text, start, stop)
    if match is None or match.start() == start or _opens_no_subject(text[start:match.start()], lexicon):
        return None  # ("Bei | öffentlich versicherten Patienten …": a preposition opens no subject)
    return classify(text, start, match.start(), lexicon)


def coordinated_subject(text: str, cue: re.Match[str], lexicon: Lexicon) -> SourceGuess | None:
    """'Tom Reyes kam nach Berlin und sagte, …', 'Die Bahn verteidigte den Plan und betonte, …':
    a verb right after a coordinating conjunction (grammar.coordinators) shares the subject
    that opens the clause before it, where that clause opens with one: up to where the capitals
    show its noun phrase ends (clauses.noun_phrase_end, German), else up to the clause's first
    verb, a word the lemmatizer takes back to an infinitive (grammar.infinitive_endings: "Le
    ministre | est venu à Lyon et a déclaré …")."""
    before = text[:_before_verb_words(text, cue.start(), lexicon)].rstrip()
    words = before.split()
    if not words or not lexicon.patterns["coordinators"].fullmatch(words[-1].lower()):
        return None
    clause_start = max((m.end() for m in re.finditer(r"[;:]\s*", before)), default=0)
    clause_start += len(text[clause_start:]) - len(text[clause_start:].lstrip(SENTENCE_OPENERS + " "))
    if _opens_no_subject(text[clause_start:], lexicon) or lexicon.patterns["subordinators"].match(text, clause_start):
        return None  # (nor a clause before the main one: "Als am 11. März … online geht, ist …")
    coordinator_at = len(before) - len(words[-1])
    end = noun_phrase_end(text, clause_start, coordinator_at, lexicon) if lexicon.capitalised_nouns \
        else _first_verb(text, clause_start, coordinator_at, lexicon)
    return classify(text, clause_start, end, lexicon) if end is not None and text[clause_start:end].strip() else None


def _first_verb(text: str, start: int, stop: int, lexicon: Lexicon) -> int | None:
    """Where the first inflected verb after the clause's first word begins (None: none)."""
    if not lexicon.infinitive_endings:
        return None
    for match in list(re.finditer(r"\w+", text[start:stop]))[1:]:
        word = match.group().casefold()
        base = lemma(word, lexicon.language, lexicon.lemmatizer)
        if base != word and base.endswith(lexicon.infinitive_endings):
            return start + match.start()
    return None


# "«…», lamentó." — a quote, its verb, and no subject: the speaker named before.
IMPLICIT_SPEAKER = BackReference((SourceKind.NAMED_PERSON, SourceKind.ORGANIZATION, SourceKind.ANONYMOUS),
                                 SourceKind.NAMED_PERSON)


def implicit_speaker(text: str, cue: re.Match[str], lexicon: Lexicon) -> SourceGuess | None:
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


# What may stand before a sentence's first word: quotation marks, brackets, a dash, an opening
# "¿", and the mask of a quote.
SENTENCE_OPENERS = " \x00\"'“”„«»‘’([—–-¿"


def opens_sentence(text: str, position: int) -> bool:
    """Nothing but opening marks comes before ``position``: a word there opens the sentence."""
    return not text[:position].strip(SENTENCE_OPENERS)


def is_capitalised_noun(text: str, cue: re.Match[str]) -> bool:
    """'the United States' is no 'states': a capitalised cue counts only where a
    sentence (or a quote) starts, or in a headline written in title case."""
    if not cue.group()[:1].isupper() or opens_sentence(text, cue.start()):
        return False
    words = [w for w in text.split() if w[:1].isalpha()]
    title_case = sum(w[:1].isupper() for w in words) >= 0.7 * len(words)
    return not title_case


def subject_before(text: str, verb_start: int, lexicon: Lexicon) -> tuple[SourceGuess | None, bool]:
    """The subject of a verb: the nearest clause segment before it, skipping asides
    (parentheticals, relative clauses, an age). Also says whether an aside was skipped."""
    end = _before_verb_words(text, verb_start, lexicon)
    segments = _segments_before(text, end)
    skipped = comma_before_verb = False
    for index, (start, stop) in enumerate(segments):
        piece = text[start:stop]
        if not piece.strip():
            if index == 0 and text[:start].rstrip()[-1:] == ":":
                return None, False  # "Die Lage: Am Montag sagte er": a label's colon opens the verb's clause
            comma_before_verb = True  # "X, a monitor, said" — or an inversion's clause
            continue
        if text[:start].rstrip().endswith("(") and text[stop:].lstrip().startswith(")"):
            skipped = True  # "… Andreas Scheuer (CSU) versprachen": a party in brackets is an aside
            continue
        # A relative clause never opens the sentence (German "der"/"die" are articles there),
        # nor the clause a colon opens right before the verb ("Erstens: Das Gericht sagt, …").
        opened = text[:start].rstrip()[-1:] in ":;" and not comma_before_verb
        # (but a verb inside a clause an aside holds has that clause's subject: "…, dont il ne
        # cite pas le nom quand il dénonce …" is "il")
        opens_relative = lexicon.patterns["relatives"].match(piece) is not None and not _verb_second_after(
            piece, lexicon)
        holds_clause = opens_relative and not comma_before_verb and _after_last_subordinator(
            text, start, stop, lexicon) > start
        relative = start > 0 and not opened and opens_relative and not holds_clause
        # "Чиновник, …, поскольку не уполномочен говорить с прессой, сообщил": a subordinate
        # clause set off by commas before the verb is an aside, not the subject; so is one
        # opening the sentence where a comma comes right before the verb ("Ob der Leitfaden
        # überarbeitet wird, steht nicht fest, sagte …"; not "Aunque el líder (…) declare").
        aside = comma_before_verb and lexicon.patterns["subordinators"].match(piece.lstrip()) and (
            start > 0 or text[:end].rstrip().endswith(","))
        # (an aside stands between a subject and its verb; where the verb comes second, words
        # that open one may open the sentence: "Am Montag hat der Minister gesagt", "Auch
        # Minister Müller sagte", and so may they after a label's colon: "Die Lage: Am Montag
        # sagte der Minister")
        parenthetical = lexicon.patterns["parentheticals"].match(piece) and not holds_clause and (
            (start > 0 and not (opened and lexicon.verb_second)) or comma_before_verb or not lexicon.verb_second)
        if relative and index == 0 and not comma_before_verb:
            inner = subject_after_relative(text, start, stop, lexicon)
            if inner is not None:
                return inner, False  # "Ein Fakt, den Vreni nicht bestreitet": the verb ends the relative clause
        if parenthetical or relative or aside:
            skipped = True
            continue
        # (in a subordinate clause where the verb comes second elsewhere, the verb comes last:
        # the subject ends where its object opens, "dass die Regierung | das Gesetz … hält")
        clause_start = _after_last_subordinator(text, start, stop, lexicon)
        subject_stop = subject_before_object(text, clause_start, stop, lexicon) \
            if lexicon.verb_second and clause_start > start else stop
        start = clause_start
        opening = _past_opening_adverb(text, start, stop, verb_start, lexicon)
        # (only in the verb's own clause: "Er habe davon erfahren, als ihm … erzählten" is theirs)
        auxiliary = _finite_auxiliary(text, start if opening is None else opening, stop, lexicon) \
            if not text[stop:end].strip() else None
        if opening is None:
            # "Sinngemäß sagt Wodarg": where the verb comes second, the speaker follows it; the
            # auxiliary's where it comes second ("Am Montag hat der Minister gesagt")
            return (None if auxiliary is None else _around_auxiliary(text, auxiliary.start(), auxiliary, lexicon)), False
        start = opening
        piece = text[start:stop]
        if len(piece.split()) > MAX_SUBJECT_WORDS:
            return None, False
        if auxiliary is not None:
            return _around_auxiliary(text, start, auxiliary, lexicon), False
        if not comma_before_verb and _opens_no_subject(piece, lexicon):
            # "Für ihre Fans schreibt Pamela …": a phrase a preposition opens is no subject, nor
            # one an object's article opens ("Den Vorwurf weist die Bahn zurück"); where the
            # verb comes second, the speaker follows it
            return None, False
        guess = classify(text, start, subject_stop, lexicon)
        if guess is None and start > 0 and (len(piece.split()) <= 2 and not piece.strip()[:1].isalpha()):
            skipped = True  # "Brian Holt, 71, says": an age or a number between commas
            continue
        if guess is None and comma_before_verb and index + 1 < len(segments):
            skipped = True  # "Elena Marín, professor of hydrology, recalls": an unknown role
            continue
        if comma_before_verb and (guess is None or not has_name(guess.text, lexicon)
                                  or _role_described(piece, lexicon)):
            named = _previous_source(text, segments[index + 1:], lexicon)
            # "Councillor Margaret Ellery, cabinet member for communities, said", "Ein Team um
            # Charles Davis, Professor für …, bestätigte" (the role is his, the team speaks)
            if named is not None and named.kind in (SourceKind.NAMED_PERSON, SourceKind.ORGANIZATION) \
                    and has_name(named.text, lexicon):
                return named, True
        if guess is not None and (skipped or comma_before_verb) and lexicon.patterns["indefinite"].match(piece):
            # "The Observatory, a Britain-based monitor, said": the name before the apposition.
            named = _previous_source(text, segments[index + 1:], lexicon)
            if named is not None:
                # The apposition says what the name is ("Scope, a charity"): its kind wins.
                return SourceGuess(guess.kind, named.text, named.start, named.end), True
        return guess, skipped and guess is not None
    return None, False


def _verb_second_after(piece: str, lexicon: Lexicon) -> bool:
    """'…, das hatte er schon mitgeteilt, …': where the verb comes second, a relative word
    the finite verb follows at once opens a main clause (a relative clause ends with its verb)."""
    words = piece.split()
    return lexicon.verb_second and len(words) > 1 and lexicon.patterns["auxiliaries"].fullmatch(words[1]) is not None


def _before_verb_words(text: str, verb_start: int, lexicon: Lexicon) -> int:
    """Where the subject's words before a verb may end: before the auxiliaries, adverbs
    (grammar.skip_before_verb) and object pronouns (grammar.object_pronouns: "Le ministre LE
    dit", "LO dice el ministro") between them. A pronoun that may also be the subject
    ("Nous disons") is the object only after another word ("Elle NOUS a dit")."""
    end = verb_start
    skip, objects = lexicon.patterns["skip_before_verb"], lexicon.patterns["object_pronouns"]
    while True:
        match = skip.search(text, 0, end)
        if not match or match.start() == match.end():
            match = objects.search(text, 0, end)
            if not match or match.start() == match.end():
                return end
            if lexicon.is_pronoun(match.group().strip()) and not text[:match.start()].strip():
                return end
        end = match.start()


def _finite_auxiliary(text: str, start: int, stop: int, lexicon: Lexicon) -> re.Match[str] | None:
    """The finite verb inside the phrase before a verb at the clause's end (a perfect's
    auxiliary or "lassen", grammar.finite_auxiliaries: "Okafor HAT einen Beitrag | geschrieben",
    "Die Bahn LIESS | mitteilen"): that phrase is a clause, not its subject."""
    return next((m for m in lexicon.patterns["finite_auxiliaries"].finditer(text, start, stop)
                 if text[m.end():stop].strip() or text[start:m.start()].strip()), None)


def _opens_no_subject(phrase: str, lexicon: Lexicon) -> bool:
    """The phrase opens with a preposition ("Für ihre Fans", "Über seinen Anwalt") or an
    object's article ("Den Vorwurf", grammar.oblique_articles): whatever it says, it is no
    subject."""
    phrase = phrase.lstrip()
    return bool(lexicon.patterns["prepositions"].match(phrase) or lexicon.patterns["oblique_articles"].match(phrase))


def _around_auxiliary(text: str, start: int, auxiliary: re.Match[str], lexicon: Lexicon) -> SourceGuess | None:
    """Who speaks in a clause whose verb comes last: the phrase before its finite verb ("Dana
    Okafor hat … geschrieben"), or, where that phrase is no source ("Gestern hat der Minister
    … gesagt"), the phrase right after it."""
    # (neither an opening adverb, "Sinngemäß hat Wodarg gesagt", nor a phrase a preposition
    # opens, "Über seinen Anwalt ließ der Minister mitteilen")
    opening = _past_opening_adverb(text, start, auxiliary.start(), auxiliary.start(), lexicon)
    if opening is not None and text[opening:auxiliary.start()].strip() \
            and not _opens_no_subject(text[opening:auxiliary.start()], lexicon):
        before = classify(text, opening, auxiliary.start(), lexicon)
        if before is not None:
            return before
    after_start, after_end = _object_after(text, auxiliary.end(), lexicon)
    return classify(text, after_start, after_end, lexicon) if text[after_start:after_end].strip() else None


def _past_opening_adverb(text: str, start: int, stop: int, verb_start: int, lexicon: Lexicon) -> int | None:
    """Where only nouns and names take a capital (German), a word opening the sentence that
    the dictionary writes in lower case is no name: alone before the verb, with a phrase right
    after the verb, it is no speaker (None: "Sinngemäß sagt Wodarg:"; but "Kurz sagte, …" may
    be Sebastian Kurz); before a name it is not the name's ("Noch Peter Ensikat glaubte" is
    Peter Ensikat; "Der Arzt Wolfgang Wodarg" keeps its article, "Sie hält …" its pronoun)."""
    words = text[start:stop].split()
    if not (lexicon.capitalised_nouns and opens_sentence(text, start) and words and not lexicon.is_determiner(words[0])
            and lexicon.back_reference(words[0]) is None and not lexicon.is_pronoun(words[0])
            and lower_case_word(words[0], lexicon.language, lexicon.lemmatizer)):
        return start
    if len(words) == 1:
        verb_and_next = text[verb_start:].split(maxsplit=2)
        inverted = len(verb_and_next) > 1 and verb_and_next[0][-1:].isalpha() and verb_and_next[1][:1].isalpha()
        return None if inverted else start
    rest = text.index(words[1], start + len(words[0]))
    return rest if has_name(text[rest:stop], lexicon) else start


def _after_last_subordinator(text: str, start: int, stop: int, lexicon: Lexicon) -> int:
    """'Carter resigned after a newspaper reported': the subject follows the last
    subordinating conjunction of the segment."""
    last = None
    for match in lexicon.patterns["subordinators"].finditer(text, start, stop):
        last = match
    return last.end() if last is not None and last.start() >= start else start


def _role_described(piece: str, lexicon: Lexicon) -> bool:
    """'Professor für Evolutionsbiologie an der Harvard University', 'spokesman for the
    council': a role and a word in lower case after it, set off after a name, describes that
    name (a role right before a name is a title: "Professor Charles Davis")."""
    words = piece.split()
    return len(words) > 1 and words[1][:1].islower() and any(
        lexicon.patterns[key].fullmatch(words[0].strip(",")) for key in ROLE_BEFORE_NAME_KEYS)


def _previous_source(text: str, segments: list[tuple[int, int]], lexicon: Lexicon) -> SourceGuess | None:
    for start, stop in segments[:1]:
        if text[start:stop].strip() and len(text[start:stop].split()) <= MAX_SUBJECT_WORDS:
            return classify(text, start, stop, lexicon)
    return None


__all__ = ["SENTENCE_OPENERS", "speaker", "implicit_speaker", "coordinated_subject", "is_capitalised_noun",
           "subject_before", "IMPLICIT_SPEAKER"]
