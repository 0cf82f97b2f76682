"""Context across sentences: a quote that runs on, a paragraph of quotes after "X said:",
back-references ("the report", "the agency", "he") and the outlet relaying a run of
anonymous sources.

Input is one optional Finding per sentence; output one optional resolved Attribution.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from sourcelight.pipeline.attribution.body_references import body_named_since
from sourcelight.pipeline.attribution.group_pronouns import group_before
from sourcelight.pipeline.attribution.antecedents import antecedent_of, in_view_at, relay_antecedent
from sourcelight.pipeline.attribution.continuations import (carried, continued_quote, introduced_paragraph,
                                                             paragraph_positions,
                                                             reported_continuation, tag_after_quote)
from sourcelight.pipeline.attribution.cues import Finding
from sourcelight.pipeline.attribution.descriptions import (described_before, named_since_speaker, one_described,
                                                           pair_named_before, role_held_nearby)
from sourcelight.pipeline.attribution.neighbours import (Resolved, before_its_quote, fits_here, named_before,
                                                        nearer_person, who_of)
from sourcelight.pipeline.attribution.quotes import QuoteState
from sourcelight.pipeline.attribution.spokespeople import body_named_before
from sourcelight.pipeline.attribution.thing_pronouns import thing_before
from sourcelight.pipeline.attribution.transcripts import Transcript
from sourcelight.pipeline.attribution.sources import SourceGuess
from sourcelight.pipeline.model import Attribution, QuoteKind, Sentence, SourceKind, Span

# An anonymous source without its own relay inherits the outlet relaying the nearest
# earlier anonymous claim within this many paragraphs (rewrites of wire stories).
VIA_CARRY_PARAGRAPHS = 3


def _any_person(pronoun: str, name: str | None) -> bool:
    return True


def _always(_: str) -> bool:
    return True


@dataclass(frozen=True)
class ArticleReading:
    """What the whole article and its language tell the context rules, beyond the findings.

    ``mentions(i)`` lists the people sentence i names; a "she said" with no earlier
    attributed source falls back on the last person named shortly before. ``reported[i]``
    says sentence i is in the mood of reported speech (German Konjunktiv I, "… sei"):
    with no cue of its own it goes on reporting the previous sentence's source.
    ``transcript`` says which sentences are whose turn in a transcript (transcripts.py).
    ``role_holders`` maps a role to the one person the article gives it ("president" ->
    Barack Obama): "the president said" is that person. ``shared_roles`` maps a role several
    people hold to them: "the president" is the one the sentences just before name (``definite``
    says whether a word is a definite article).
    ``fits(pronoun, name, named)`` says whether a pronoun can mean that source (genders.py).
    ``spokesperson_in(words)`` says whether the words name someone speaking for a body: only
    then can "he" or "she" later mean that body. ``pair_of(names)`` writes two people as one
    source ("both men" after "Dana Okafor and Lee Park met …"). ``subject_of(i)`` is the
    subject of sentence i's main clause where it is no person (a body, an outlet, a
    document): what "it" in the next sentence means. ``opening_group(i, before)`` is the
    plural subject of a clause opening sentence i before that offset ("When the Marines
    arrived, they …"): what a "they" after it means. ``subject_group(i)`` is the plural subject
    of sentence i's main clause where it is people, bodies or documents: what a "they" opening
    the next sentence means. ``described(words)`` says whether the
    words are a definite description of a person ("the Florida senator"), which means the
    named person the sentence just before rests on, else the one person it names.
    ``same_pronoun(pronoun, word)`` says whether a word is a pronoun of the same person as
    ``pronoun`` ("his" for "he"). ``object_word(word)`` says whether a word before a name makes
    it an object or a modifier ("against Mitt Romney", "the Hillary Clinton campaign"), which a
    later pronoun in its sentence does not mean.
    ``first_person(words)`` says whether the words are the speaker's own "I" or "we": in a
    paragraph an "X said:" introduces, that is X. ``clause_word(word)`` says whether a word
    opens a clause ("when", "and"), so that a name right after it is a subject.
    ``company_noun(word)`` says whether "the <word>" means the company named before whatever
    its name ("the company", "the firm"), and ``named_company(words)`` whether an earlier
    source is a body's own name that can be one (not a place nor a metonym of a government).
    ``bodies_in(i, before)`` are the names sentence i gives bodies (up to offset ``before``),
    where it was read: "the company" does not mean a body that spoke before another was named.
    ``fits_description(words, name)`` says whether a description can mean the person (its
    role noun's gender against theirs: "the actress" is no man). ``personal_pronoun(word)``
    says whether a word is a pronoun of a person ("er", "she"). ``pronoun(word)`` says whether
    a word is a pronoun of the third person ("he", "they", "it"), which, like a dropped subject,
    means a source named further back than PRONOUN_LOOKBACK_PARAGRAPHS paragraphs only if the
    paragraphs since still write a word of its name. ``verb_second`` says whether the language
    puts its finite verb second, so that a name opening the sentence right before the verb
    and a pronoun may be the object ("Philipp Hahn kenne er privat, sagt er"). ``people`` are
    the article's people by full name.
    """

    mentions: Callable[[int], list[str]] = lambda _: []
    reported: list[bool] | None = None
    transcript: Transcript | None = None
    role_holders: dict[str, str] | None = None
    shared_roles: dict[str, frozenset[str]] | None = None
    definite: Callable[[str], bool] = lambda _: False
    fits: Callable[..., bool] = _any_person
    spokesperson_in: Callable[[str], bool] = _always
    pair_of: Callable[[list[str]], str] = ", ".join
    subject_of: Callable[[int], SourceGuess | None] = lambda _: None
    opening_group: Callable[[int, int], SourceGuess | None] = lambda _index, _before: None
    subject_group: Callable[[int], SourceGuess | None] = lambda _: None
    described: Callable[[str], bool] = lambda _: False
    same_pronoun: Callable[[str, str], bool] | None = None
    object_word: Callable[[str], bool] = lambda _: False
    first_person: Callable[[str], bool] = lambda _: False
    clause_word: Callable[[str], bool] = lambda _: False
    company_noun: Callable[[str], bool] = lambda _: False
    named_company: Callable[[str], bool] = lambda _: False
    fits_description: Callable[[str, str], bool] = lambda _words, _name: True
    bodies_in: Callable[[int, int | None], tuple[str, ...]] = lambda _index, _before: ()
    personal_pronoun: Callable[[str], bool] = lambda _: False
    pronoun: Callable[[str], bool] = lambda _: False
    verb_second: bool = False
    people: frozenset[str] = frozenset()


def resolve_context(sentences: list[Sentence] | tuple[Sentence, ...], findings: list[Finding | None],
                    quotes: list[QuoteState], reading: ArticleReading = ArticleReading()) -> list[Attribution | None]:
    """One attribution (or None: unattributed) per sentence, context applied, with what the
    ``reading`` of the whole article knows."""
    speakers = _quote_speakers(sentences, findings, quotes)
    resolved: list[Resolved] = []
    # The pronouns each person was already taken to be ("she said" meaning Louise Sunshine):
    # a later "he" is not her either.
    called: dict[str, set[str]] = {}

    def fits_as_called(pronoun: str, name: str | None, named: bool = True) -> bool:
        return reading.fits(pronoun, name, named) and all(reading.fits(pronoun, earlier)
                                                           for earlier in called.get(name or "", ()))

    positions = paragraph_positions(sentences, findings, reading.first_person)
    for index, sentence in enumerate(sentences):
        finding = findings[index]
        if finding is not None:
            fitting = fits_here(fits_as_called, finding, index, sentences, quotes, reading.people)
            attribution = _own_attribution(finding, quotes[index], resolved, sentence, fitting,
                                           reading.role_holders or {}, reading.company_noun, reading.named_company,
                                           in_view_at(sentences, index, reading.personal_pronoun(finding.source))
                                           if finding.source == finding.cue or reading.pronoun(finding.source) else None)
            if finding.names:  # "Dana Okafor and Lee Park said": both, each by name
                attribution = replace(attribution, entity=reading.pair_of(list(finding.names)))
            attribution = named_before(attribution, finding, index, sentences, reading.mentions, fitting)
            attribution = pair_named_before(attribution, finding, index, sentences, reading.mentions, reading.pair_of)
            attribution = nearer_person(attribution, finding, index, sentences, resolved, reading.mentions, fitting,
                                         quotes[index], reading.same_pronoun, before_its_quote(index, quotes),
                                         reading.object_word, reading.clause_word, reading.verb_second,
                                         lambda i: quotes[i].masked(sentences[i].text))
            attribution = thing_before(attribution, finding, index, sentences, reading.subject_of)
            attribution = group_before(attribution, finding, index, sentences, reading.subject_group, reading.pair_of)
            attribution = _group_opening_it(attribution, finding, index, reading.opening_group)
            attribution = body_named_before(attribution, finding, index, sentences, reading.subject_of)
            attribution = body_named_since(attribution, finding, index, resolved, reading.bodies_in, reading.definite)
            attribution = described_before(attribution, finding, index, sentences, resolved, reading.mentions,
                                           reading.described, reading.fits_description)
            attribution = named_since_speaker(attribution, finding, index, sentences, resolved, reading.mentions,
                                              reading.fits_description, reading.personal_pronoun)
            words = finding.source.split()
            holder = (reading.role_holders or {}).get(words[-1].casefold())
            if attribution.kind is SourceKind.NAMED_PERSON and attribution.entity is None and holder is not None \
                    and len(words) == 2 and holder in reading.mentions(index):
                # "the president-elect said" where the article gave that role to one person (the
                # sentence's mentions say it wrote the role so: not "Carlson's attorney")
                attribution = replace(attribution, entity=holder)
            elif attribution.kind is SourceKind.NAMED_PERSON and attribution.entity is None and len(words) == 2 \
                    and reading.definite(words[0]) and words[-1].casefold() in (reading.shared_roles or {}):
                attribution = role_held_nearby(attribution, index, reading.mentions,
                                               reading.shared_roles[words[-1].casefold()])
            attribution = one_described(attribution, finding)
            if reading.first_person(finding.source):
                # "The ambassador said:" then a paragraph "… I hope …": the "I" is the ambassador
                attribution = introduced_paragraph(index, sentences, findings, resolved, positions) or attribution
        elif speakers[index] is not None:
            attribution = speakers[index]
        else:
            attribution = (continued_quote(index, sentences, quotes, resolved, findings)
                           or reported_continuation(index, sentences, reading.reported, resolved)
                           or introduced_paragraph(index, sentences, findings, resolved, positions))
        if finding is not None and finding.back_reference is not None and len(finding.source.split()) == 1 \
                and attribution.entity is not None and attribution.kind is SourceKind.NAMED_PERSON:
            called.setdefault(attribution.entity, set()).add(finding.source.lower())
        if finding is not None and attribution is not None and attribution.entity is None and finding.thing_pronoun:
            # "It says, “…”" about a photo, "As it tells the couple’s story" about a film: a
            # thing's pronoun nothing before resolves rests on no one, not on a body called "it"
            attribution = None
        voiced = finding is not None and reading.spokesperson_in(sentence.text[:finding.cue_span[1]])
        resolved.append(Resolved(attribution, sentence.block, voiced))
    _referred_quote_speakers(findings, quotes, resolved)
    tag_after_quote(sentences, findings, quotes, resolved)
    if reading.transcript is not None:
        _transcript_turns(reading.transcript, resolved)
    _signed_quotes(sentences, findings, quotes, resolved)
    _pointed_back(findings, quotes, resolved)
    return [_carry_via(i, resolved, findings[i]) for i in range(len(resolved))]


def _group_opening_it(attribution: Attribution, finding: Finding, index: int, opening_group) -> Attribution:
    """A "they" after a clause opening its sentence with a group means that group, not the
    nearest source attributed before."""
    reference = finding.back_reference
    if reference is None or not reference.plural or len(finding.source.split()) != 1:
        return attribution
    group = opening_group(index, finding.source_span[0])
    if group is None or group.kind not in reference.refers_to:
        return attribution
    return replace(attribution, kind=group.kind, entity=group.text)


def _transcript_turns(labelled: Transcript, resolved: list[Resolved]) -> None:
    """A transcript's turn (transcripts.py) is the speaker's whose label opens it."""
    for index, label in enumerate(labelled.turn_of):
        if label is not None:
            resolved[index] = replace(resolved[index], attribution=carried(resolved[label].attribution))
    for index in labelled.nobodys:
        resolved[index] = replace(resolved[index], attribution=None)


def _signed_quotes(sentences, findings, quotes, resolved: list[Resolved]) -> None:
    """'“… He represents our greatest shame.” | ― Sonya Herridge': the quote right above a
    sign-off line, or ending in it, is the signer's, back to where it opens; above a signed
    post ("— Paul Ryan (@SpeakerRyan) July 5, 2016") it is the post's paragraph."""
    for line, finding in enumerate(findings):
        if finding is None or not finding.signs_above:
            continue
        signer = carried(resolved[line].attribution)
        inline = bool(quotes[line].stretches)  # "… our greatest shame.” ― Sonya Herridge"
        # (a post's text before its sign-off signs that post, not a quote in the paragraph above)
        opens_line = not sentences[line].text[:finding.cue_span[0]].strip()
        if (inline and quotes[line].starts_inside) or (not inline and opens_line and line > 0
                                                       and quotes[line - 1].stretches):
            index = line - 1
            while index >= 0 and quotes[index].stretches and (findings[index] is None
                                                              or not findings[index].signs_above):
                resolved[index] = replace(resolved[index], attribution=signer)
                if not quotes[index].starts_inside or index == 0:
                    break
                index -= 1
            continue
        if inline:
            continue
        post = sentences[line - 1].block if opens_line else sentences[line].block
        for index in range(line - 1, -1, -1):
            # (what a post's own words seem to cite is the post's: "@stevenf British people
            # say words funny" above "— Matt Haughey (@mathowie)" is Haughey's; an outlet's
            # post relays whom it cites: "…, officials said" above "— The New York Times")
            if sentences[index].block != post or (findings[index] is not None and findings[index].signs_above):
                break
            own = resolved[index].attribution
            relayed = signer is not None and signer.kind is SourceKind.MEDIA and own is not None and own.via is None
            resolved[index] = replace(resolved[index], attribution=replace(own, via=signer.who) if relayed else signer)


def _pointed_back(findings, quotes, resolved: list[Resolved]) -> None:
    """'The ferry will be late all winter. | So says harbour master Dana Okafor.': the
    sentence right before a "so says" rests on its speaker, if it rests on no one else."""
    for line, finding in enumerate(findings):
        if finding is None or not finding.points_back or line == 0 or findings[line - 1] is not None \
                or resolved[line - 1].attribution is not None or resolved[line].attribution is None:
            continue
        said = carried(resolved[line].attribution)
        kind = QuoteKind.DIRECT if quotes[line - 1].is_direct else QuoteKind.INDIRECT
        resolved[line - 1] = replace(resolved[line - 1], attribution=replace(said, quote=kind))


def _quote_speakers(sentences, findings, quotes) -> list[Attribution | None]:
    """Within a quote running over several sentences, every sentence belongs to the
    speaker named in any of them (before, inside or after the quote)."""
    speakers: list[Attribution | None] = [None] * len(sentences)
    for run in _quote_runs(quotes):
        _assign_run(run, findings, speakers)
    return speakers


def _quote_runs(quotes: list[QuoteState]) -> list[list[int]]:
    """The sentences grouped by the quote open across them: a run ends with a sentence that
    does not end inside a quote (or with the article)."""
    runs: list[list[int]] = [[]]
    for index, quote in enumerate(quotes):
        runs[-1].append(index)
        if not quote.ends_inside:
            runs.append([])
    return [run for run in runs if run]


def _referred_quote_speakers(findings, quotes, resolved: list[Resolved]) -> None:
    """'“It's not what worked in 2012. | Those are just distractions,” he said.': a quote
    running over sentences whose only speaker is a pronoun or a description is, all of it,
    whoever that resolved to, never the speaker of a quote before it."""
    for run in _quote_runs(quotes):
        referred = [i for i in run if findings[i] is not None]
        if len(run) < 2 or not referred or any(findings[i].back_reference is None for i in referred):
            continue
        said = resolved[referred[0]].attribution
        if said is not None and said.source is not None:
            for i in run:
                if findings[i] is None:
                    resolved[i] = replace(resolved[i], attribution=carried(said))


def _assign_run(run: list[int], findings, speakers) -> None:
    if len(run) < 2:
        return
    found = next((findings[i] for i in run if findings[i] is not None and findings[i].back_reference is None), None)
    if found is None:
        return
    for i in run:
        speakers[i] = carried(found)


def _own_attribution(finding: Finding, quote: QuoteState, history: list[Resolved],
                     sentence: Sentence, fits, role_holders: dict[str, str],
                     company_noun=lambda _: False, named_company=lambda _: False,
                     in_view: Callable[[Attribution], bool] | None = None) -> Attribution:
    kind, source, via, entity = finding.kind, finding.source, finding.via, None
    source_span = _span(sentence, finding.source_span)
    if finding.back_reference is not None:
        antecedent = antecedent_of(finding, history, fits, sentence.block, role_holders, company_noun, named_company,
                                   in_view)
        if antecedent is not None:
            # The sentence's own words ("he", "the agency") stay the source; who they mean
            # is the entity.
            kind, entity = antecedent.kind, who_of(antecedent)
            via = via or antecedent.via
            if finding.source == finding.cue:  # a dropped subject: no words of its own
                source, source_span = entity, None
        elif finding.source == finding.cue:  # an implicit speaker with no one named before
            source, source_span = None, None
    if finding.via_reference is not None:
        via = relay_antecedent(history) or via
    quote_kind = QuoteKind.DIRECT if quote.is_direct and not _quotes_only_the_source(quote, finding) \
        else QuoteKind.INDIRECT
    return Attribution(kind=kind, source=source, cue=finding.cue, via=via, quote=quote_kind,
                       source_span=source_span, cue_span=_span(sentence, finding.cue_span), entity=entity)


def _quotes_only_the_source(quote: QuoteState, finding: Finding) -> bool:
    """'…, according to the new “dot plot” of rate projections': the only marks in the
    sentence are in the source's name, which quotes no one's words."""
    start, end = finding.source_span
    return bool(quote.stretches) and not quote.starts_inside and not quote.ends_inside and all(
        start <= at and until <= end for at, until in quote.stretches)


def _span(sentence: Sentence, span: tuple[int, int]) -> Span:
    start, end = span
    return Span(sentence.offset(start), sentence.offset(end), sentence.text[start:end])


def _carry_via(index: int, resolved: list[Resolved], finding: Finding | None) -> Attribution | None:
    """An anonymous source near one an outlet relayed is relayed by it too, unless the writer
    heard it ("A former employee told me …")."""
    attribution = resolved[index].attribution
    if attribution is None or attribution.via or attribution.kind is not SourceKind.ANONYMOUS \
            or (finding is not None and finding.heard_by_writer):
        return attribution
    block = resolved[index].block
    for entry in reversed(resolved[:index]):
        if block - entry.block > VIA_CARRY_PARAGRAPHS:
            break
        earlier = entry.attribution
        if earlier is not None and earlier.kind is SourceKind.ANONYMOUS and earlier.via:
            return replace(attribution, via=earlier.via)
    return attribution
