"""Attribution: who or what each claim rests on (docs/taxonomy.md).

A language-free engine of rules over per-language lexicons (docs/lexicons.md):
quotes.py masks quoted words, cues.py finds each sentence's cue and source phrase (with
speech_subjects.py for who a speech verb reports, clauses.py for clause geometry and
frames.py for "Pour X, …", "X zufolge", "hieß es"),
lemmas.py matches cue verbs in any form, sources.py classifies the phrase, transcripts.py
and signoffs.py read a transcript's speaker labels and a quote's sign-off line, context.py
carries quotes and reported speech and resolves back-references across sentences
(neighbours.py those the sentences just before settle),
hedges.py sets the flags, notes.py and summary.py write the reader's text in the
article's language (messages.py).
"""
from __future__ import annotations

from dataclasses import replace

from sourcelight.pipeline.attribution.context import ArticleReading, resolve_context
from sourcelight.pipeline.attribution.continuations import reports_speech
from sourcelight.pipeline.attribution.cues import Finding, find_attribution
from sourcelight.pipeline.attribution.hedges import Flags, find_flags, is_denial
from sourcelight.pipeline.attribution.lexicon import Lexicon, load_lexicon
from sourcelight.pipeline.attribution.lemmas import lemma
from sourcelight.pipeline.attribution.messages import messages_for
from sourcelight.pipeline.attribution.notes import claim_note, unavailable_note
from sourcelight.pipeline.attribution.silent_parties import find_non_response_party, silent_party
from sourcelight.pipeline.attribution.quotes import quote_states
from sourcelight.pipeline.attribution.refusals import without_refusals
from sourcelight.pipeline.attribution.hedge_verbs import without_taking_hedges
from sourcelight.pipeline.attribution.anonymity import anonymity_reasons
from sourcelight.pipeline.attribution.entities import unify_entities, without_nouns_as_names
from sourcelight.pipeline.attribution.genders import (cast_by_gender, fits, fits_description, genders_shown,
                                                     other_gender, same_pronoun, with_first_names, with_pronouns_said)
from sourcelight.pipeline.attribution.signoffs import with_sign_offs
from sourcelight.pipeline.attribution.cast import written_cast
from sourcelight.pipeline.attribution.described import is_description, person_description
from sourcelight.pipeline.attribution.transcripts import transcript
from sourcelight.pipeline.attribution.parsed import (bodies_of, bodies_written, cast_of, find_with_parse, genders_of,
                                                    parse_sentences, opening_group, roles_of, shared_roles_of,
                                                    subject_group, subject_thing, things_of)
from sourcelight.pipeline.attribution.wire import relayed_by_agency, wire_agency
from sourcelight.pipeline.attribution.own_outlet import own_outlet_names, without_own_outlet
from sourcelight.pipeline.attribution.cast import people_mentioned
from sourcelight.pipeline.attribution.summary import summarize, unavailable_summary
from sourcelight.pipeline.model import (
    Article, Attribution, Claim, Sentence, SourceKind, SourcingSummary,
)

__all__ = ["attribute_article", "prepare_language", "summarize_sourcing"]


def prepare_language(language: str) -> None:
    """Load what annotating ``language`` needs on first use: its lexicon (compiled), its
    lemmatizer's dictionary and its parser model (with the process that runs its recogniser,
    beside.py), so that the first page in it does not wait for them."""
    from sourcelight.pipeline.attribution.beside import start_helper
    from sourcelight.pipeline.attribution.parser import load_parser

    lexicon = load_lexicon(language)
    if lexicon is None:
        return
    lemma(language, language, lexicon.lemmatizer)  # any word: the lemmatizer reads its dictionary on first use
    nlp = load_parser(language)
    if nlp is not None:
        start_helper(nlp)


def attribute_article(article: Article, sentences: list[Sentence] | tuple[Sentence, ...],
                      language: str) -> tuple[Claim, ...]:
    """One Claim per sentence, with its sourcing, flags, links and note.

    A language without a lexicon gets ``sourcing=None`` on every claim (never another
    language's rules). Raises LexiconError only if a shipped lexicon is broken.
    """
    lexicon = load_lexicon(language)
    if lexicon is None:
        note = unavailable_note(language)
        return tuple(_claim(article, s, None, Flags((), False, (), ()), False, note) for s in sentences)
    try:
        return _attribute(article, sentences, lexicon)
    finally:
        lexicon.forget()


def _attribute(article: Article, sentences, lexicon: Lexicon) -> tuple[Claim, ...]:
    states = quote_states(sentences, lexicon.quote_pairs, lexicon.single_quote_pairs)
    findings: list[Finding | None] = []
    flags: list[Flags] = []
    reported: list[bool] = []
    silent: list[str | None] = []  # who did not answer, where a cue before it reports that
    parses = parse_sentences(sentences, lexicon)
    for index, (sentence, state, parse) in enumerate(zip(sentences, states, parses)):
        masked = state.masked(sentence.text)
        sentence_flags = find_flags(sentence.text, masked, lexicon)
        # (on the parse engine, a sentence with no cue word has no parse, and still is the engine's)
        on_parse = parses.engine and index not in parses.unparsed
        if on_parse:
            sentence_flags = without_refusals(sentence_flags, parse, lexicon)
        if lexicon.patterns["own_voice_labels"].match(sentence.text):
            # "Editor's note: Trump … has repeatedly pledged to ban …": the outlet's own
            # claim, whoever it reports of
            findings.append(None)
        elif on_parse:
            findings.append(find_with_parse(parse, masked, lexicon, sentence_flags))
        else:
            findings.append(_finding(masked, lexicon, sentence_flags))
        if on_parse:
            sentence_flags = without_taking_hedges(sentence_flags, parse, findings[-1], sentence.text, lexicon)
        flags.append(sentence_flags)
        # (a silence reports nothing a sentence after it could go on with: "Darüber möchte H.
        # nichts sagen. Ob er … gegangen sei?" are the writer's questions)
        reported.append(reports_speech(masked, lexicon) and not (len(flags) > 1 and flags[-2].non_response))
        silent.append(silent_party(findings[-1], parse if on_parse else None, masked, lexicon, sentence_flags))
    # (the cast by name alone, for the claims' own words to choose from; pronouns read it by gender)
    full_cast = cast_of(parses) if parses.engine else written_cast((s.text for s in sentences), lexicon)
    genders = with_first_names(replace(with_pronouns_said(genders_shown(article.text, lexicon), genders_of(parses)),
                                       people=frozenset(full_cast.values())), lexicon)
    cast, things, bodies = cast_by_gender(full_cast, genders), things_of(parses), bodies_of(parses)
    # (on a parse, colon_cue reads a name before a colon; the rule engine has only the labels)
    labelled = transcript(sentences, findings, cast, lexicon.language, name_labels=not parses.engine)
    findings = with_sign_offs(sentences, labelled.findings, states, lexicon)
    roles = roles_of(parses)
    mentioned: dict[int, list[str]] = {}  # (the context rules ask about one sentence many times)

    def mentions(index: int) -> list[str]:
        if index not in mentioned:
            mentioned[index] = people_mentioned(sentences[index].text, cast, lexicon, things, roles)
        return mentioned[index]

    reading = ArticleReading(mentions=mentions,
                             reported=reported, transcript=labelled, role_holders=roles,
                             shared_roles=shared_roles_of(parses),
                             definite=lambda word: bool(lexicon.patterns["definite"].fullmatch(word.lower())),
                             fits=lambda pronoun, name, named=True: fits(pronoun, name, genders, lexicon, named),
                             spokesperson_in=lambda words: bool(lexicon.patterns["spokesperson"].search(words)),
                             pair_of=lambda names: messages_for(lexicon.language).join("summary", names),
                             subject_of=lambda i: subject_thing(parses, i, lexicon),
                             opening_group=lambda i, before: opening_group(parses, i, before, lexicon),
                             subject_group=lambda i: subject_group(parses, i, lexicon),
                             # (not "the daughter of Lee Park": someone of a person it names)
                             # (where every noun is capitalised, a noun with a person's ending:
                             # "die Branchenkennerin")
                             described=lambda words: (person_description(words, lexicon) or (
                                 lexicon.capitalised_nouns and is_description(words, lexicon))) and not people_mentioned(
                                 words, cast, lexicon, things, roles),
                             same_pronoun=lambda pronoun, word: same_pronoun(pronoun, word, lexicon),
                             # (and a determiner: "The Hillary Clinton campaign" names no subject)
                             object_word=lambda word: lexicon.is_determiner(word.lower()) or (
                                 word.lower() in lexicon.syntax.name_prepositions if lexicon.syntax is not None
                                 else False),
                             first_person=lexicon.is_first_person,
                             clause_word=lambda word: any(lexicon.patterns[key].fullmatch(word.lower())
                                                          for key in ("subordinators", "leading_conjunctions")),
                             company_noun=lambda word: lexicon.syntax is not None
                             and word in lexicon.syntax.company_nouns,
                             named_company=lambda words: _named_company(words, things, bodies, lexicon),
                             fits_description=lambda words, name: fits_description(words, name, genders,
                                                                                   lexicon),
                             bodies_in=lambda i, before: bodies_written(parses, i, before),
                             personal_pronoun=lambda word: word.lower() in lexicon.pronoun_genders,
                             pronoun=lexicon.is_third_person, verb_second=lexicon.verb_second,
                             people=genders.people)
    attributions = resolve_context(sentences, findings, states, reading)
    attributions = unify_entities(attributions, full_cast, lexicon, lambda attribution, name: other_gender(
        attribution.source, attribution.source_span, name, genders, article.text, lexicon, attribution.entity),
        bodies)
    attributions = without_nouns_as_names(attributions, lexicon)
    attributions = relayed_by_agency(attributions, wire_agency(article, sentences, lexicon))
    attributions = without_own_outlet(attributions, own_outlet_names(article, lexicon), lexicon)
    reasons = anonymity_reasons(sentences, attributions, lexicon)
    claims = []
    for sentence, finding, attribution, sentence_flags, reason, party in zip(sentences, findings, attributions, flags,
                                                                             reasons, silent):
        attribution = _as_written(attribution, article) if attribution else Attribution(kind=SourceKind.UNATTRIBUTED)
        if sentence_flags.non_response and party is None and _writer_holds_back(attribution, sentence,
                                                                                 sentence_flags, lexicon):
            sentence_flags = replace(sentence_flags, non_response=False)
        denial = finding is not None and is_denial(sentence_flags, finding.source_span, finding.cue_span,
                                                             finding.predicate_end)
        links = _links(article, sentence)
        note = claim_note(attribution, sentence_flags.hedges, sentence_flags.non_response, denial, links,
                          lexicon.language, anonymity_reason=reason, silent_party=party)
        claims.append(replace(_claim(article, sentence, attribution, sentence_flags, denial, note, links),
                              anonymity_reason=reason))
    return tuple(claims)


def _named_company(words: str, things: frozenset[str], bodies: frozenset[str], lexicon: Lexicon) -> bool:
    """A body's own name ("Verizon", "The National Park Service"), not a place the
    recogniser saw ("Russia", "South Carolina") nor a government's metonym ("the Pentagon")."""
    if not words or not all(word[:1].isupper() or not word[:1].isalpha() for word in words.split()) \
            or lexicon.patterns["metonyms"].search(words):
        return False
    # (the things include the names of several words it took for bodies: those are bodies)
    named = [word for word in words.split() if not lexicon.patterns["definite"].fullmatch(word)]
    return words not in things or (bool(named) and all(word in bodies for word in named))


def _as_written(attribution: Attribution, article: Article) -> Attribution:
    """The source and the cue as the article writes them: the engine read pasted text's
    no-break spaces and runs of spaces as one space ("A\u00a0Bloomberg poll")."""
    changes = {}
    for field, span_field in (("source", "source_span"), ("cue", "cue_span")):
        span = getattr(attribution, span_field)
        if span is None or getattr(attribution, field) != span.text:
            continue
        written = article.text[span.start:span.end]
        if written != span.text:
            changes.update({field: written, span_field: replace(span, text=written)})
    return replace(attribution, **changes) if changes else attribution


def _writer_holds_back(attribution: Attribution, sentence: Sentence, flags: Flags, lexicon: Lexicon) -> bool:
    """'we won’t discuss these applications of monitoring here': the writer's own "I" or "we"
    leaving a subject out, no party that did not answer."""
    span = attribution.cue_span
    if attribution.kind is not SourceKind.NAMED_PERSON or span is None or not attribution.source \
            or not lexicon.is_first_person(attribution.source) or attribution.entity not in (None, attribution.source):
        return False
    return any(start <= span.start - sentence.start < end for start, end in flags.non_response_spans)


def _finding(masked: str, lexicon: Lexicon, flags: Flags) -> Finding | None:
    """The sentence's attribution; a non-response with no other cue is attributed to the
    party that did not answer (issue 9: the note names it)."""
    return (find_attribution(masked, lexicon, list(flags.non_response_spans + flags.not_cue_spans))
            or find_non_response_party(masked, lexicon, flags.non_response_spans))


def _links(article: Article, sentence: Sentence) -> tuple[str, ...]:
    block = article.blocks[sentence.block]
    # in order, each once (a dict, not a list: a paragraph of thousands of links)
    return tuple(dict.fromkeys(link.href for link in block.links
                               if link.start < sentence.end and link.end > sentence.start))


def _claim(article: Article, sentence: Sentence, attribution: Attribution | None, flags: Flags,
           denial: bool, note: str, links: tuple[str, ...] | None = None) -> Claim:
    return Claim(
        id=f"c{sentence.index}", text=article.text[sentence.start:sentence.end],  # as written, not as read
        start=sentence.start, end=sentence.end,
        paragraph=sentence.block, sourcing=attribution, hedges=flags.hedges,
        non_response=flags.non_response, denial=denial,
        links=links if links is not None else _links(article, sentence), note=note,
    )


def summarize_sourcing(claims: tuple[Claim, ...], language: str) -> SourcingSummary:
    """Counts, shares, sources relied on, non-responses and the headline."""
    if load_lexicon(language) is None:
        return unavailable_summary(claims, language)
    return summarize(claims, language)
