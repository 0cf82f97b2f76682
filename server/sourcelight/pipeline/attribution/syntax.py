"""Find a sentence's attribution on its dependency parse: the cue is a predicate found by
lemma, the source is what that predicate says it comes from — the subject ("X said"), the
inverted subject ("said X"), the passive agent ("was told by X"), the object of "according
to X" / "per X", the cited party of "citing X" — as a span of the sentence.

Cues that are no verb (prepositions, statement nouns, colons, non-responses) are in
cue_phrases.py. Labels are those of spaCy's English pipelines (ClearNLP). Every word comes
from the lexicon's [syntax] section; what kind of source a span is comes from sources.classify (the
lexicon) refined by the parser's named entities (sourcekind.py).
"""
from __future__ import annotations

import re

from dataclasses import replace

from sourcelight.pipeline.attribution.cast import PERSON
from sourcelight.pipeline.attribution.complements import (CLAUSE_DEPS, as_clause, clause_hung_above, has_clause,
                                                         has_object, negated, says_what_came_before, says_a_ritual,
                                                         says_without_object, sees_it_happen, set_off_cue,
                                                         tells_how_much)
from sourcelight.pipeline.attribution.closing_tags import closing_tag_over_according, quote_tag_over_idle_cues
from sourcelight.pipeline.attribution.colons import (colon_cue, is_heading, named_before_quote, speaker_label,
                                                     subject_before_quote)
from sourcelight.pipeline.attribution.cue_lemmas import hyphen_compound, phrasal_cue, token_lemma
from sourcelight.pipeline.attribution.cue_phrases import non_response, noun_cue, preposition_cue
from sourcelight.pipeline.attribution.cues import Finding
from sourcelight.pipeline.attribution.deps import (adjective_read_as_verb, gerund_as_noun, main_conjunct,
                                                   noun_after_quantity, text_of, to_infinitive, token_at)
from sourcelight.pipeline.attribution.finding_ranks import only_itself_speaks, tree_depth, with_colon
from sourcelight.pipeline.attribution.hearsay import told_by_no_one, wish_told
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.misplaced_speakers import (name_after_quote, name_closing, outlet_closing, stated_in,
                                                                tag_opening_quote)
from sourcelight.pipeline.attribution.misreads import verb_read_as_noun
from sourcelight.pipeline.attribution.names import is_institution
from sourcelight.pipeline.attribution.object_cues import (body_tells, cites_as_its_own, frames_object, judges_object,
                                                          listed_preposition, questions_a_thing, says_a_statement,
                                                          says_by_object, self_image, speaks_by_object,
                                                          takes_a_position)
from sourcelight.pipeline.attribution.polls import poll_figure, survey_behind
from sourcelight.pipeline.attribution.questions import asked_ahead, in_question, knows_how, leaves_open, looks_to_find_out
from sourcelight.pipeline.attribution.quotes import MASK
from sourcelight.pipeline.attribution.quote_owners import (makes_a_work, quote_in_adjunct, quote_names_a_thing,
                                                        quote_told_below)
from sourcelight.pipeline.attribution.relays import (outlet_reporting, relayed_speaker, with_citing, with_outlet_aside,
                                                    with_relays)
from sourcelight.pipeline.attribution.continuations import SPEAKER_TAG_WORDS
from sourcelight.pipeline.attribution.said_nothing import only_times_the_main_clause, says_nothing
from sourcelight.pipeline.attribution.sourcekind import guess_source
from sourcelight.pipeline.attribution.speakers import SUBJECTS, name_before, speaker_of
from sourcelight.pipeline.attribution.stances import stance_cue
from sourcelight.pipeline.attribution.unnamed_people import a_thing
from sourcelight.pipeline.attribution.unrealized import imperative, owed, unrealized
from sourcelight.pipeline.attribution.viewpoints import viewpoint_cue
from sourcelight.pipeline.attribution.wishes import opening_motive, wish_that_describes
from sourcelight.pipeline.model import SourceKind


def find_in_parse(doc, masked: str, lexicon: Lexicon, skip: list[tuple[int, int]],
                  non_response_spans: tuple[tuple[int, int], ...] = ()) -> Finding | None:
    """The sentence's attribution, or None. ``doc`` is the parse of the sentence alone (its
    character offsets are the sentence's); ``masked`` the sentence with quotes masked;
    ``skip`` spans (hedges such as "is said to") whose verbs are no cue."""
    label = colon_cue(doc, masked, lexicon)
    speaker = (speaker_label(doc, label, lexicon) if label is not None else None) or tag_opening_quote(doc, masked, lexicon)
    if speaker is not None:
        return speaker  # "JAKE TAPPER: Donald Trump released a video …" is Tapper speaking
    findings = []
    has_quote = MASK in masked
    # An object noun introduces a quote of words, not a quoted word ("all her ''work-related'' emails")
    quotes_words = has_quote and any(" " in text_of(doc)[m.start():m.end()].strip()
                                     for m in re.finditer(f"{MASK}+", masked))
    # "who asked not to be named" says why a source is anonymous; it is no cue.
    not_cues = list(skip) + list(non_response_spans) + [m.span() for m in lexicon.find("anonymity_clauses", masked)]
    hearsay = told_by_no_one(doc, lexicon)
    for token in doc:
        # The verb completing such a phrase is no cue either ("were not authorized | to discuss").
        completes = token.head if token.dep_ == "xcomp" else token
        if masked[token.idx:token.idx + 1] == MASK or any(
                s <= t.idx < e for s, e in not_cues for t in (token, completes)) or wish_told(token, hearsay, lexicon):
            continue
        according = preposition_cue(token, lexicon)
        # "In Bolton's view, …" is his, but "Clinton said that in her view …" is what she said
        finding = (_verb_cue(token, lexicon, has_quote, masked) or according or viewpoint_cue(token, lexicon)
                   or stance_cue(token, lexicon)
                   or noun_cue(token, lexicon, has_quote, quotes_words) or verb_read_as_noun(token, lexicon)
                   or poll_figure(token, lexicon))
        if finding is not None and token.pos_ == "VERB" and \
                finding.source_span[0] <= finding.cue_span[0] < finding.source_span[1]:
            # "Preys on our worst fears … and calls people “losers”": a speaker whose phrase
            # holds the verb it speaks by is a misparse
            finding = None
        if finding is not None:
            aside = set_off_cue(token) if according is None else None
            if aside is None and token.pos_ == "NOUN" and token_lemma(token, lexicon) not in lexicon.syntax.nouns \
                    and all(t.is_punct for t in doc[token.i + 1:]):
                aside = "closing"  # the parse read the closing verb as a noun: "…, newly released files show."
            # A study closing the sentence speaks for all of it; an outlet or a body there
            # relays the speaker inside it ("…, two officials said, Reuters reported").
            hung_above = clause_hung_above(token) if token.pos_ == "VERB" else None
            depth = -1 if aside == "inside" or (aside == "closing" and finding.kind is SourceKind.DOCUMENT) \
                else tree_depth(hung_above) - 1 if hung_above is not None else tree_depth(token)
            # A quote is its speaker's: "“…,” he continued, citing the many Americans who …"
            # cites evidence, not the source of the words.
            whole_sentence = according is not None and not (
                has_quote and token_lemma(token, lexicon) in lexicon.syntax.citing)
            findings.append((not whole_sentence, depth, token.i, finding))
    findings = quote_tag_over_idle_cues(closing_tag_over_according(findings, doc, masked), doc, masked, lexicon)
    declined = non_response(doc, masked, lexicon, non_response_spans)
    if not findings:
        # A person before a headline's colon speaks only as speaker_label knows them: a
        # capitalised phrase alone ("Stealth Over Health: …") is a headline's kicker.
        unnamed_label = label if label is not None and label.kind is not SourceKind.NAMED_PERSON \
            and not is_heading(doc, label, lexicon) else None
        return declined or unnamed_label or named_before_quote(doc, masked, lexicon) or subject_before_quote(
            doc, masked, lexicon)
    # "According to X" speaks for the whole sentence ("Officials warned …, according to a
    # leaked memo": the memo); otherwise the cue highest in the tree wins ("Sanders denounced
    # …, saying his campaign doesn't want …": Sanders, not his campaign), and at the same
    # height a relayed finding ("…, Reuters reported, citing two officials") tells more. A cue
    # before a colon introduces what follows it ("A report … noted that …: 70 percent believe").
    colon = masked.find(":")
    verb_before_colon = any(doc[item[2]].pos_ == "VERB" and 0 <= item[3].cue_span[0] < colon for item in findings)
    # At one height a verb beats a statement noun ("shrugged off Trump's comments, telling
    # reporters, “…”": the campaign telling, not Trump commenting).
    # A sentence that ends on a colon introduces what its last main clause's cue says: "The
    # Times made these same allegations …, and Breitbart News responded:".
    introduces = masked.rstrip().endswith(":")
    findings.sort(key=lambda item: (item[0], item[3].position, verb_before_colon and 0 <= colon < item[3].cue_span[0],
                                    only_itself_speaks(item[3]), not (introduces and main_conjunct(doc[item[2]])),
                                    item[1], doc[item[2]].pos_ not in ("VERB", "AUX"), item[3].via is None, item[2]))
    declined_at = token_at(doc, declined.cue_span[0]) or doc[0] if declined is not None else None
    if declined is not None and findings[0][0] and tree_depth(declined_at) < findings[0][1]:
        return declined  # "Stewart wouldn't say when the Senate will vote to confirm": Stewart's non-answer
    # ("…,” she said, according to NBC News" is hers, relayed; not a share of an outlet's poll, a claim
    # named in passing, nor a clause on who one is: "The native, who announced …, notes the Examiner")
    others = [item for item in findings[1:] if doc[item[2]].dep_ != "relcl" and doc[item[2]].pos_ != "NOUN"]
    relayed = relayed_speaker(findings[0][3], [item[3] for item in others if item[0]]) if findings[0][0] else \
        relayed_speaker(findings[0][3], [i[3] for i in others if i[3].kind is not SourceKind.VAGUE],
                        opening=not masked[:findings[0][3].cue_span[0]].strip())
    if relayed is not None:
        return with_colon(doc, relayed)
    if not findings[0][0]:
        reporter = outlet_reporting(doc[findings[0][2]], [(doc[item[2]], item[3]) for item in findings[1:]])
        if reporter is not None and findings[0][3].via is None:
            # "Reuters reported that, according to two officials, …": the officials, via Reuters
            return with_colon(doc, replace(findings[0][3], via=reporter.source))
    return with_colon(doc, with_outlet_aside(findings[0][3], [(doc[item[2]], item[3]) for item in findings[1:]],
                                              doc[findings[0][2]]))


def _verb_cue(token, lexicon: Lexicon, has_quote: bool, masked: str) -> Finding | None:
    syntax = lexicon.syntax
    if not token.tag_.startswith("VB") or token.dep_ in ("amod", "compound", "acomp") or hyphen_compound(
            token, lexicon):
        return None
    word = token_lemma(token, lexicon)
    if not has_quote and adjective_read_as_verb(token):
        return None  # "The response was telling.": revealing, not telling anyone
    if noun_after_quantity(token, lexicon.syntax.quantities):
        return None
    phrasal = phrasal_cue(token, word, syntax.speech)
    stated = says_by_object(token, word, lexicon)  # "raised concerns about …"
    speech, finding_verb = word in syntax.speech or phrasal or stated, word in syntax.findings
    if not (speech or finding_verb) or (not phrasal and _unlisted_particle(token, word, lexicon)):
        return None
    if word in syntax.citing and any(c.dep_ == "nsubjpass" for c in token.children) and any(
            c.dep_ == "prep" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children) for c in token.children):
        return None  # "was cited by state media as saying …": the saying's finding, the one cited speaks
    if (word in syntax.judgements and not judges_object(token)) or self_image(token, word, lexicon):
        return None  # "Clinton is considering running", "will consider how to spend it"
    if has_quote and token.dep_ == "relcl" and MASK not in masked[token.left_edge.idx:] \
            and MASK not in masked[token.head.left_edge.idx:token.head.idx + 1]:
        # "… three times on “Fox News Sunday” about whom he would first call": a clause on a
        # noun, with every quote of the sentence before it, does not say them (but "the “wise
        # Latina” phrase Grassley cited" cites the words of its noun, and a tag the parse hung
        # on a quoted word tags the quote: "“… search them for records” …, Wolverton wrote")
        has_quote = False
    if has_quote and token.dep_ == "advcl" and any(c.dep_ == "mark" or c.tag_ == "WRB" for c in token.children) \
            and MASK not in masked[token.left_edge.idx:]:
        has_quote = False  # "… stay on “cc,” you’ll get the latest thread when everyone responds"
    if has_quote and word in syntax.thing_senses and quote_names_a_thing(token, masked):
        has_quote = False
    if has_quote and makes_a_work(token, lexicon) and not _quote_beside(token, masked):
        has_quote = False  # "rose at five to write his books, …: “You will …”": he made them, said nothing
    so_says = _so_says(token)
    # words of its own besides a quote in the sentence, which may be another verb's
    said_what = (has_clause(token) or says_a_statement(token, lexicon) or says_what_came_before(token) or so_says
                 or _thinks_so(token) or stated)
    own_clause = phrasal or said_what
    clause = has_quote or own_clause
    if not (has_quote or said_what) and only_times_the_main_clause(token, phrasal, lexicon) \
            and not (frames_object(token, word, lexicon) and word not in syntax.perception):
        # "Wiig smiles when I tell her this": the moment of the main clause (but "after
        # Clinton accused him of sexism" says what she accused him of)
        return None
    if not (has_quote or said_what) and gerund_as_noun(token):
        return None
    if token.dep_ == "relcl" and not (has_quote or has_clause(token)) and (
            negated(token) or any(c.tag_ == "MD" for c in token.children)) and _describes_a_thing(token.head):
        # "gives money to charities that do not disclose their donors", "distortions that would
        # reveal …", "borrowed three equations that would describe a simpler system"
        return None
    if token.dep_ == "advcl" and to_infinitive(token) and not (has_quote or has_clause(token)) \
            and token.head.pos_ == "VERB" and not any(c.dep_ in SUBJECTS for c in token.head.children):
        return None  # "and stop invoking Soros to explain every threat": a purpose, whose doer is far off
    wish = token.head if token.dep_ == "xcomp" and token.head.i != token.i else token
    if token_lemma(wish, lexicon) in syntax.wishes and not has_quote and wish_that_describes(wish, lexicon):
        # "items they want to sell", "as much video as they want", "fans who hope to see the
        # band": who or what, not a view nor a saying
        return None
    if word in syntax.motives and opening_motive(token):
        return None  # "Fearing that his back would not heal, the Nats let him leave": why, not who says
    if word in syntax.modal_guesses and any(c.dep_ == "aux" and c.tag_ == "MD" for c in token.children) and not any(
            c.dep_ == "auxpass" or (c.dep_ == "advmod" and c.lower_ in syntax.narrative_adverbs)
            for c in token.children):
        # "Donald Trump may want to check his stats": the writer's advice (but "an inquiry
        # would later find" tells what it found)
        return None
    cited = stated_in(token, lexicon)
    if cited is not None:
        source_token, passive, clause = cited, False, True
    elif says_nothing(token, clause, has_quote, word in syntax.non_responses, lexicon) or unrealized(token, lexicon) \
            or owed(token, lexicon) or imperative(token) \
            or in_question(token) or asked_ahead(token) or (says_a_ritual(token, lexicon) and not has_quote) or (not clause and (
                tells_how_much(token, lexicon) or any(
                c.dep_ == "prep" and (word, c.lower_) in syntax.other_senses and not _opens_words_said(c)
                for c in token.children))) or (
            word in syntax.perception and not has_quote and (
                looks_to_find_out(token) or knows_how(token) or (not finding_verb and sees_it_happen(token))
                or leaves_open(token, question_words=True))):
        return None
    else:
        source_token, passive = speaker_of(token, lexicon)
    if finding_verb and (closing := outlet_closing(token, lexicon)) is not None:
        source_token, clause = closing, True  # it reports the words before its comma
    elif (source_token is None and has_quote) or (
            source_token is not None and masked[source_token.idx:source_token.idx + 1] == MASK):
        # not a show's title ("… on “Fox and Friends.”"), nor nobody where the parse hung the
        # verb on the quote ("“…,” Mr. Daniloff, now 81 and retired in Cambridge, said")
        source_token = name_after_quote(token, masked)
    elif source_token is not None and (closing := name_closing(token, source_token)) is not None:
        source_token, clause = closing, True
    if source_token is None or (source_token.i > token.i and token_lemma(source_token, lexicon) in syntax.told_amounts):
        return None  # ("… says a lot about the company" with "a lot" read as a speaker after the verb)
    guess = guess_source(source_token, lexicon)
    if guess is None:
        return None
    if stated and word not in syntax.speech and not speaks_by_object(source_token, guess, lexicon):
        return None  # "The documents raised new questions about …", "The attack raised concerns": they prompt them
    if passive and word in syntax.perception and not clause and not any(
            t.dep_ == "prep" and t.lower_ == "as" for t in token.subtree if t.i > token.i):
        return None  # "The arguments will be heard by 10 judges", not "was seen by some as a demotion"
    if word in syntax.needs_clause and not (clause and not quote_told_below(token, masked, lexicon) and not (
            has_quote and not own_clause and quote_in_adjunct(token, masked, lexicon))) and not (
            finding_verb and has_object(token) and (guess.kind is SourceKind.DOCUMENT or (
                guess.kind is SourceKind.MEDIA and not negated(token)))) and not (
            finding_verb and guess.kind is SourceKind.ORGANIZATION and body_tells(token, source_token)
            and _heads_a_body(source_token, lexicon)) and not (
            passive and token.tag_ == "VBN"  # ("set by the Fed to support the economy" is no passive cue)
            and guess.kind in (SourceKind.DOCUMENT, SourceKind.MEDIA, SourceKind.ORGANIZATION)) and not (
            guess.kind in (SourceKind.VAGUE, SourceKind.ANONYMOUS) and says_without_object(token)
            and word not in syntax.positions) and not (
            speech and _speaker_tag(token, word, lexicon)) and not cites_as_its_own(
            token, word, lexicon) and not questions_a_thing(token, word, lexicon) and not frames_object(
            token, word, lexicon) and not takes_a_position(token, word, lexicon):
        return None  # "added 200 jobs", but "polls show Clinton ahead", "was first reported by MSNBC"
    # (a verb that frames its object says nothing by a colon: "attacking a rival …: Jeb Bush")
    framing = any(verb == word for verb, _ in syntax.object_frames)
    if word in syntax.performances and masked[token.idx + len(token.text):].lstrip().startswith(MASK):
        return None  # "will sing “You're Drunk, Go Home”": a song's title, not words said
    if word in syntax.needs_quote and as_clause(token) and not _quote_beside(token, masked):
        return None  # "… at first light as the search continues": a while, no saying
    if word in syntax.needs_quote and not (_quote_beside(token, masked) or has_clause(
            token, infinitive=False, colon=not framing, predicate=False) or (
            listed_preposition(token, word, syntax.speech) and not has_clause(token)) or frames_object(
            token, word, lexicon)):
        # "agrees with Dean", not "agreed with regulators to pay" nor "the police shot back"
        return None  # "he continued: …", not "Clinton continues to lead"
    if (not speech and guess.kind not in (SourceKind.DOCUMENT, SourceKind.MEDIA, SourceKind.ORGANIZATION)) or (
            guess.kind is SourceKind.VAGUE and guess.back_reference is None and not has_quote
            and word in syntax.thing_senses and a_thing(source_token, lexicon)):
        return None  # ("The camera stays on him, only revealing the singer": no one speaks)
    if guess.kind is SourceKind.VAGUE and source_token.pos_ != "PRON":
        guess = survey_behind(token, lexicon) or survey_behind(source_token, lexicon, within=True) or guess
    cue_start, cue_end = _cue_extent(token, word, syntax.speech)
    finding = Finding.of(guess, text_of(token.doc)[cue_start:cue_end], (cue_start, cue_end),
                         predicate_end=_predicate_end(token), position=word in syntax.positions and not clause)
    finding = with_relays(token, source_token, finding, lexicon)
    if so_says:
        finding = replace(finding, points_back=True)
    if has_quote and finding.kind is not SourceKind.MEDIA and finding.via is None:
        return finding  # "“…,” he continued, citing the many Americans …": his own words
    return with_citing(token, finding, lexicon)


def _describes_a_thing(noun) -> bool:
    """A noun, no one's name, that the sentence does something to: a negated clause on it
    with no words said of its own tells what it is ("charities that do not disclose their
    donors"), unlike one on the sentence's subject or on a person named ("Swanson, who
    declined …"), and unlike a saying done ("the Saudi government, which has denied …")."""
    return noun.pos_ in ("NOUN", "PROPN") and noun.ent_type_ != PERSON and noun.dep_ in ("dobj", "pobj", "dative", "attr")


def _opens_words_said(token) -> bool:
    """'I felt like, That’s what …': a preposition a comma or colon follows opens the words
    said (quotative "like"), not an object of another sense of the verb ("has felt like (and
    been called) a giant outrage machine" is one)."""
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].text in (",", ":")


def _unlisted_particle(verb, word: str, lexicon: Lexicon) -> bool:
    """'Berlin backed off, replacing the levy …': a particle makes another verb ("back off" is
    no backing), unless the lexicon lists that verb with it ("point out", "find out")."""
    syntax = lexicon.syntax
    return any(c.dep_ == "prt" and f"{word} {c.lower_}" not in syntax.speech
               and f"{word} {c.lower_}" not in syntax.findings for c in verb.children)


def _heads_a_body(head, lexicon: Lexicon) -> bool:
    """The word heading the source is a body's name or a word for a body ("The company
    reported earnings"), not an event a place inside its phrase made look like one ("The
    fight in Nevada underscored …")."""
    return head.pos_ == "PROPN" or head.ent_type_ in ("ORG", "GPE", "NORP") or is_institution(head.text, lexicon)


def _so_says(verb) -> bool:
    """'So says harbour master Dana Okafor.', 'Or so the ferry company claims.': "so" standing
    for what the sentence before says, with nothing else before the verb but its speaker."""
    so = next((c for c in verb.children if c.dep_ == "advmod" and c.lower_ == "so" and c.i < verb.i), None)
    if so is None or any(c.dep_ in CLAUSE_DEPS for c in verb.children):
        return False
    spoken = {t.i for c in verb.children if c.dep_ in SUBJECTS and c.i < verb.i for t in c.subtree}
    return all(t.i == so.i or t.i in spoken or t.is_punct or t.dep_ == "cc" for t in verb.doc[:verb.i])


def _thinks_so(verb) -> bool:
    """'She doesn't think so.', 'the captain said so': "so" closing the verb's clause stands
    for what was said (but it signs nothing above, as "So says …" does)."""
    doc = verb.doc
    return any(c.dep_ == "advmod" and c.lower_ == "so" and c.i == verb.i + 1
               and (c.i + 1 == len(doc) or doc[c.i + 1].is_punct) for c in verb.children)


def _quote_beside(token, masked: str) -> bool:
    """A quote right before the verb's clause or right after it ('“…,” he continued',
    'he continued: “…”'), not one elsewhere in the sentence ('Even as Obama said he opposes
    ''boots on the ground'', his administration continues to …')."""
    doc = token.doc
    subjects = [c for c in token.children if c.dep_ in SUBJECTS] + [t for t in (name_before(token),) if t is not None]
    left = min([token.i] + [c.left_edge.i for c in subjects])
    right = max([token.i] + [c.right_edge.i for c in subjects if c.i > token.i])
    before = masked[:doc[left].idx].rstrip(" ,")
    after = masked[doc[right].idx + len(doc[right].text):].lstrip(" ,:")
    return before.endswith(MASK) or after.startswith(MASK)


def _speaker_tag(verb, word: str, lexicon: Lexicon) -> bool:
    """'Mr. Manafort asked.', 'he added on Tuesday.': a sentence that is only a speaker and the
    verb (the quote it tags ended the sentence before, on a question or an exclamation); a
    verb of finding alone tags nothing ("Trump's inexperience has shown in many ways"), nor
    does one that tells where a thing was found (_found_somewhere)."""
    if verb.dep_ != "ROOT" or text_of(verb.doc).rstrip().endswith("?"):
        return False  # "How has the administration responded?"
    # Not a credit line ("Lerer reported from Los Angeles."), nor a market's move ("The FTSE
    # 100 added 1.2 percent on Monday.")
    if not (any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children)
            and all(c.dep_ in ("nsubj", "advmod", "npadvmod", "prep", "punct", "aux") and c.lower_ != "from"
                    and not (c.dep_ == "npadvmod" and c.ent_type_ in ("PERCENT", "MONEY", "QUANTITY"))
                    for c in verb.children)):
        return False
    if _found_somewhere(verb, word, lexicon):
        return False
    return len(verb.doc) <= SPEAKER_TAG_WORDS or sum(not t.is_punct for t in verb.doc) <= SPEAKER_TAG_WORDS


def _found_somewhere(verb, word: str, lexicon: Lexicon) -> bool:
    """'Wreckage found in Java Sea': a past form of a verb of perceiving, a noun before it and
    only a place after it, tells where a thing was found or seen, and tags no one's words
    (unlike "As an immigrant, she felt for me", "I know all about it")."""
    return word in lexicon.syntax.perception and verb.tag_ in ("VBD", "VBN") and any(
        c.dep_ == "prep" for c in verb.children) and not any(
        c.dep_ == "nsubj" and c.pos_ == "PRON" for c in verb.children)


def _predicate_end(verb) -> int | None:
    """'called the accusations baseless': the end of the verb's object predicate."""
    predicate = next((c for c in verb.children if c.dep_ == "oprd"), None)
    if predicate is None:
        return None
    last = max(predicate.subtree, key=lambda t: t.i)
    return last.idx + len(last.text)


def _cue_extent(token, word: str, speech: frozenset[str]) -> tuple[int, int]:
    """The cue verb with its particle, adjective or listed object ('pointed out', 'made clear',
    'put it')."""
    end = token.idx + len(token.text)
    for child in token.children:
        if child.i == token.i + 1 and (child.dep_ == "prt" or (child.tag_ == "JJ" and child.dep_ in ("acomp", "ccomp", "oprd"))
                                       or (child.dep_ in ("dobj", "advmod") and f"{word} {child.lower_}" in speech)):
            end = child.idx + len(child.text)
    return token.idx, end


__all__ = ["find_in_parse"]
