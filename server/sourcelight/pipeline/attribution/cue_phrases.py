"""Attribution cues on the parse that are no verb: "according to X" and "per X", statement
nouns ("a statement from X", "in a statement, X …", "reports that …") and the parties of
non-responses ("Acme declined to comment", "no comment from Kyiv"). Colons are colons.py's."""
from __future__ import annotations

from dataclasses import replace

from sourcelight.pipeline.attribution.cast import PERSON
from sourcelight.pipeline.attribution.cue_lemmas import regular_stems, token_lemma
from sourcelight.pipeline.attribution.cues import Finding
from sourcelight.pipeline.attribution.deps import hyphenated_word, opened_by_that, possessor, text_of
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.questions import in_asked_clause
from sourcelight.pipeline.attribution.refusals import said_of_an_object
from sourcelight.pipeline.attribution.relays import citable, citer, employer_outlet, outlet_of_statement, owner_outlet
from sourcelight.pipeline.attribution.sourcekind import guess_source
from sourcelight.pipeline.attribution.sources import classify
from sourcelight.pipeline.attribution.speakers import SUBJECTS, party_of, speaker_of
from sourcelight.pipeline.attribution.stranded import quoted as inside_quote
from sourcelight.pipeline.model import SourceKind

# Whom a non-response's pronoun of a thing ("it"), or of a man or a woman, may mean among those
# asked for comment.
_BODIES = frozenset({SourceKind.ORGANIZATION, SourceKind.MEDIA})
_PEOPLE = frozenset({SourceKind.NAMED_PERSON, SourceKind.ANONYMOUS})


def _subject_read_as_apposition(preposition, obj):
    """The apposition in the preposition's object that the parse hung there though it is the
    subject of the verb the phrase opens: it ends right before that verb, which has no subject."""
    verb = preposition.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i < obj.i or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    return next((t for t in obj.subtree if t.dep_ == "appos" and t.right_edge.i + 1 == verb.i), None)


def preposition_cue(token, lexicon: Lexicon) -> Finding | None:
    """'according to X', 'per X', and a sentence-level 'citing X' / 'quoting X'."""
    for phrase in lexicon.syntax.prepositions:
        if token.lower_ != phrase[0]:
            continue
        doc = token.doc
        words = [doc[i].lower_ for i in range(token.i, min(len(doc), token.i + len(phrase)))]
        if tuple(words) != phrase:
            continue
        last = doc[token.i + len(phrase) - 1]
        obj = next((c for c in last.children if c.dep_ in ("pobj", "dobj")), None)
        if obj is None and len(phrase) > 1:
            obj = next((c for c in token.children if c.dep_ in ("pobj", "dobj")), None)
        tokens = None
        misread = next((c for c in last.children if c.dep_ == "pcomp" and c.tag_ in ("VB", "VBP")), None) \
            if obj is None and last.lower_ == "to" else None
        if misread is not None:
            # "according to show insiders": a noun the tagger took for a verb, its object the head
            obj = next((c for c in misread.children if c.dep_ == "dobj"), None)
            tokens = list(misread.subtree)
        if obj is None:
            continue
        subject = _subject_read_as_apposition(token, obj) if tokens is None else None
        named = next((e for e in doc.ents if e.label_ == PERSON and e.start == obj.i + 1), None) \
            if obj.pos_ == "NOUN" and tokens is None else None
        if named is not None and named.root.head.i != obj.i:
            # "according to spoiler king Reality Steve" with the name hung elsewhere: the
            # role's name, right after it, is the source
            tokens, obj = list(doc[obj.left_edge.i:named.end]), named.root
        if token_lemma(token, lexicon) in lexicon.syntax.citing and not citable(obj, lexicon):
            continue  # "…, citing rising costs": a reason, not a source
        if _rate(token, obj, lexicon):
            continue
        if token.lower_ in lexicon.syntax.rate_prepositions and obj.tag_ == "VBG":
            continue  # "Per Serving: 210 cal.": a label over figures
        if token.lower_ in lexicon.syntax.rate_prepositions and token.is_title and token.i > token.sent.start \
                and doc[token.i - 1].is_title:
            continue  # "BPM (Beats Per Minute) is …": a word of a name in title case
        thing = _thing(obj, lexicon)
        # (a thing, or a document such as rules: "according to the rules" is how it was done)
        manner = obj.pos_ == "NOUN" and token_lemma(obj, lexicon) in lexicon.syntax.manner_nouns
        if token_lemma(obj, lexicon) in lexicon.syntax.nouns:
            obj = _giver(obj, lexicon) or obj  # "according to an interview his brother gave to ITV": the brother
        guess = guess_source(obj, lexicon, tokens)
        if guess is not None and subject is not None and guess.end > subject.left_edge.idx:
            # "According to a blog post for InfoAmazonia, Brazil’s National Institute … predicts":
            # the phrase ends at its comma, and what follows is the verb's subject
            end = guess.start + len(text_of(doc)[guess.start:subject.left_edge.idx].rstrip(" ,"))
            guess = replace(guess, text=text_of(doc)[guess.start:end], end=end)
        if guess is None or (guess.kind in (SourceKind.VAGUE, SourceKind.DOCUMENT) and manner):
            continue  # "according to simple rules", "according to his wishes": how, not who says
        if guess.kind is SourceKind.VAGUE and thing:
            guess = replace(guess, kind=SourceKind.DOCUMENT)  # "according to the summary", "per the playbook"
        cue_end = last.idx + len(last.text)
        finding = Finding.of(guess, text_of(doc)[token.idx:cue_end], (token.idx, cue_end))
        employer = employer_outlet(obj, lexicon)
        if employer and employer != finding.source and finding.kind is SourceKind.NAMED_PERSON:
            return replace(finding, kind=SourceKind.MEDIA, via=employer)  # "according to Jane Roe of the Times"
        via = owner_outlet(obj, lexicon) or citer(token, lexicon)
        if via and via != finding.source:
            finding = replace(finding, via=via)
        return finding
    return None


def _rate(preposition, obj, lexicon: Lexicon) -> bool:
    """'a 3.5% raise per worker', '$2.86 per thousand cubic feet', 'the death rate per vehicle
    mile', 'up to 1TB eSATA per DVR', 'parts per billion': a rate, not a source."""
    if preposition.lower_ not in lexicon.syntax.rate_prepositions:
        return False
    head = preposition.head
    if any(c.dep_ == "nummod" for c in head.children):
        return True
    # (not a part of a document: "per section 2.3 of the RFC")
    if obj.tag_ == "NN" and obj.text.islower() and all(c.dep_ in ("compound", "amod") for c in obj.children) \
            and all(c.tag_ == "NN" and c.text.islower() for c in obj.children if c.dep_ == "compound") \
            and classify(text_of(obj.doc), obj.left_edge.idx, obj.idx + len(obj.text), lexicon) is None:
        return True  # "…, and that per vehicle mile, motorcyclists were …": a unit, whatever it hangs on
    return head.pos_ in ("NOUN", "NUM") and (
        (obj.tag_ == "NN" and not any(c.dep_ in ("det", "poss") for c in obj.children) and (
            not any(c.dep_ == "compound" for c in obj.children)
            or (all(c.tag_ == "NN" for c in obj.children if c.dep_ == "compound")
                and classify(obj.text, 0, len(obj.text), lexicon) is None)))
        or head.ent_type_ in ("MONEY", "CARDINAL", "PERCENT", "QUANTITY")
        or obj.pos_ == "NUM" or any(c.dep_ == "nummod" for c in obj.children))


def _thing(noun, lexicon: Lexicon) -> bool:
    """A common noun that no list of sources has and that describes no person: a thing."""
    lemma = token_lemma(noun, lexicon)
    return noun.pos_ == "NOUN" and lemma not in lexicon.syntax.person_descriptions and lemma not in lexicon.syntax.nouns \
        and classify(noun.text, 0, len(noun.text), lexicon) is None


def noun_cue(token, lexicon: Lexicon, has_quote: bool = False, quotes_words: bool = False) -> Finding | None:
    """'In a statement, the ministry blamed …' (the subject of the verb the phrase hangs
    on), 'a statement from the ministry', 'the ministry's statement', 'reports that …'."""
    if token.pos_ not in ("NOUN", "PROPN") or token_lemma(token, lexicon) not in lexicon.syntax.nouns:
        return None
    if any(c.dep_ == "nsubj" for c in token.children):
        return None  # "But Trump claims that …": a verb read as a noun (misreads.py)
    if in_asked_clause(token):
        return None
    if token_lemma(token, lexicon) in lexicon.syntax.holding_nouns and not that_clause(token) and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return None  # "The agent puts the cash in her account": where money is, no statement
    owner = _statement_owner(token, lexicon)
    # "In a statement, the ministry said …", "As X put it in a statement": on a verb, not on a
    # noun ("emails in Clinton's private account"), nor in a subordinate clause ("received
    # $250,000 after Sanders endorsed him in a fundraising email" is not Sanders's claim)
    said_in = token.dep_ == "pobj" and token.head.lower_ in ("in", "during") and token.head.head.pos_ in ("VERB", "AUX") \
        and not any(c.dep_ == "mark" and c.lower_ != "as" for c in token.head.head.children) \
        and not _in_relative_clause(token.head.head, lexicon) and not _in_answer_to(token) and not _modifies_next(token)
    quoted = has_quote and token.dep_ in ("nsubj", "dobj", "appos", "ROOT") and _quote_beyond_modifiers(token)
    if owner is not None and (owner.head.lower_ != "by" or owner.head.dep_ == "agent"
                              or (token.dep_ not in ("nsubj", "nsubjpass", "ROOT")
                                  and not any(c.dep_ == "relcl" for c in token.children))) \
            and not (quoted or that_clause(token) or said_in):
        # "Obama's announcement of new actions" reports an act; "the claim by X" names its
        # author, and "… in a statement from X" says the sentence is X's (not "articles
        # written by volunteers": what they made, not what it says; nor "reviewing the text
        # of the ruling by the court", a document the sentence speaks of).
        owner = None
    if owner is None and said_in:
        verb = token.head.head
        # not past an "as" with no subject of its own: "As explained in an interview, the
        # ferry will close" is no word of the ferry's
        unowned_aside = any(c.dep_ == "mark" for c in verb.children) and not any(
            c.dep_ in SUBJECTS for c in verb.children)
        if not unowned_aside and (_told_in(token, verb, lexicon) or that_clause(token)):
            owner, _ = speaker_of(verb, lexicon)  # "Democrats persisted in arguments that …" are theirs
            if owner is not None and inside_quote(owner) and not inside_quote(token):
                # "In an address that spoke to the ''frustration, the fear …'' over …, Mrs.
                # Clinton struck" parsed with "fear" as the subject: no word of a quote speaks it
                owner = None
    if owner is None and token.dep_ == "dobj" and ((quotes_words and _quote_it_takes(token)) or that_clause(token)
                                                  or _told_in_participle(token)
                                                  or _opens_colon(token)) \
            and not _receives(token.head, lexicon):
        # "President Clinton released the following statement:", but "it was drawing complaints
        # that …" are others' complaints
        owner, _ = speaker_of(token.head, lexicon)
    if owner is None:
        if not that_clause(token):
            return None
        # "reports that …": the reports themselves; "his comments that …": his
        owner = possessor(token) or _relative_giver(token) or token
    guess = guess_source(owner, lexicon)
    if guess is None:
        return None
    via = outlet_of_statement(token, lexicon) if said_in else None  # "In an interview with ABC News, …"
    cue_start = token.doc[hyphenated_word(token)[0]].idx  # "op-ed", not "ed"
    return Finding.of(guess, text_of(token.doc)[cue_start:token.idx + len(token.text)],
                      (cue_start, token.idx + len(token.text)), via=via if via != guess.text else None)


def _quote_it_takes(noun) -> bool:
    """A quote after the object noun, or one its verb tags ("“…,” begins a scripted message");
    not one elsewhere in the sentence ("The CRISPR system, dubbed a “search and replace
    function”, lets scientists … by replacing DNA letters")."""
    verb = noun.head.i
    return any(t.tag_ == "``" or t.text in ("“", "«", "„") for t in noun.doc[noun.i + 1:]) \
        or any(t.tag_ == "''" for t in noun.doc[max(0, verb - 2):verb])


def _modifies_next(noun) -> bool:
    """'typing in new article post URLs': a noun right before a common noun modifies it, though
    the parse lost the phrase's head; no one says anything in it."""
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    return after is not None and after.tag_ in ("NN", "NNS") and after.ent_type_ not in ("DATE", "TIME")


def _in_answer_to(noun) -> bool:
    """'raised the fare in answer to the complaints': an act done in return, not words."""
    return not any(c.dep_ in ("det", "poss") for c in noun.children) and any(
        c.dep_ == "prep" and c.lower_ == "to" for c in noun.children)


def _opens_colon(noun) -> bool:
    """'released the following statement:': the sentence ends at a colon with no other verb
    after the noun (not "these Republican threats against …, is a cultish blind faith in
    Obama's word:", where the colon opens what the rest of the sentence says)."""
    doc = noun.doc
    colon = next((t.i for t in reversed(doc) if not t.is_space), None)
    return colon is not None and doc[colon].text == ":" and not any(
        t.pos_ in ("VERB", "AUX") for t in doc[noun.i + 1:colon])


def _quote_beyond_modifiers(noun) -> bool:
    """A quoted word outside what modifies the noun: in "sort Clinton's “work-related” emails
    from her “personal messages”" the quotes describe the emails, which say nothing."""
    modifiers = {t.i for c in noun.children if c.dep_ in ("prep", "amod", "compound") for t in c.subtree}
    # "When PolitiFact examined the senator's statement, it was labeled “Mostly True.”": a
    # noun in a clause set off before the main one says nothing quoted outside that clause
    clause = noun.head if noun.head.dep_ == "advcl" else None
    depth = 0
    for token in noun.doc:
        if token.tag_ == "``":
            depth += 1
        elif token.tag_ == "''":
            depth = max(0, depth - 1)
        elif depth and not token.is_punct and token.i not in modifiers and (
                clause is None or clause.left_edge.i <= token.i <= clause.right_edge.i):
            return True
    return False


def _receives(verb, lexicon: Lexicon) -> bool:
    """The verb's subject gets what others said ("was drawing complaints", "faced accusations")."""
    receipt = lexicon.syntax.receipt
    return token_lemma(verb, lexicon) in receipt or any(
        stem in receipt for stem in regular_stems(verb.lower_, verb.tag_))


def _in_relative_clause(verb, lexicon: Lexicon) -> bool:
    """'risky for Cruz, who refused to endorse Trump during a speech': what a relative clause
    tells of someone is no statement the sentence rests on, unless it tells of saying ('a
    strategy, which the bank detailed in its filings')."""
    while verb.dep_ in ("xcomp", "conj") and verb.head is not verb:
        verb = verb.head
    word = token_lemma(verb, lexicon)
    return verb.dep_ in ("relcl", "acl") and word not in lexicon.syntax.speech and word not in lexicon.syntax.findings


def _told_in(noun, verb, lexicon: Lexicon) -> bool:
    """'In an interview with ABC News, Clinton laughed off the ad': what the subject does in
    one interview or statement, it says there. Not a copula ('In the earlier interviews, it
    was a different story'), nor what is yet to come ('will participate in an interview'),
    nor, for several ('During past press conferences, friends filled the front seats'),
    anything but a verb of saying."""
    if verb.pos_ != "VERB" or any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return False
    if verb.dep_ == "pcomp" and verb.head.lower_ == "for":
        return False  # "was criticized for offering vague answers during an interview": the critics' claim
    return noun.tag_ != "NNS" or token_lemma(verb, lexicon) in lexicon.syntax.verbs


def that_clause(noun) -> bool:
    """'reports that …': a content clause on the noun. 'a report that Trump had a net loss' is one
    too, though the parser calls it relative: its "that" is no argument of the clause."""
    if any(c.dep_ in ("acl", "ccomp") and (any(g.lower_ == "that" for g in c.children) or opened_by_that(c))
           or c.dep_ == "relcl" and opened_by_that(c) for c in noun.children):
        return True
    # "The board's response was that no rules were broken": the clause a copula gives the noun
    return noun.dep_ == "nsubj" and noun.head.lemma_ == "be" and any(
        c.dep_ == "ccomp" and c.i > noun.head.i and opened_by_that(c) for c in noun.head.children)


def _told_in_participle(noun) -> bool:
    """'released statements deploring what happened', 'published a report detailing the
    changes': a participle on the noun says what the statement says."""
    return any(c.dep_ == "acl" and c.tag_ == "VBG" and any(g.dep_ in ("dobj", "ccomp") for g in c.children)
               for c in noun.children)


def _giver(statement, lexicon: Lexicon):
    """Who gave a statement, an interview, a speech: its owner ('a statement from X', 'X's
    letter') or the subject of the clause on it ('an interview his brother gave', 'an account
    she gave')."""
    owner = _statement_owner(statement, lexicon)
    if owner is None and not lexicon.patterns["documents"].fullmatch(statement.text):
        # "according to her account": hers; but "according to its FEC reports" rests on the filings
        owner = possessor(statement)
    return owner if owner is not None else _relative_giver(statement)


def _relative_giver(statement):
    """'an account she gave to the Free Beacon', 'the most telling promise Mrs. Clinton has
    made': the subject of the clause on the noun, whoever they are."""
    for clause in statement.children:
        # not "accusations that Rubio recites the same points": a content clause, parsed relative
        if clause.dep_ == "relcl" and not opened_by_that(clause):
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject is not None and (subject.pos_ in ("NOUN", "PROPN") or subject.tag_ == "PRP"):
                return subject
    return None


def _statement_owner(noun, lexicon: Lexicon):
    """Who made a statement or document: 'the ministry's statement', 'a report by the agency',
    'a statement from X', 'a report issued last year by the agency' (syntax.issuing_verbs)."""
    for child in noun.children:
        # (a time owns no statement: "In this week's address, the Vice President laid out …")
        if child.dep_ == "poss" and child.tag_ not in ("PRP$",) and child.ent_type_ not in ("DATE", "TIME"):
            return child
        if child.dep_ == "prep" and child.lower_ in ("from", "by") and (obj := _maker(child)) is not None:
            return obj
        if child.dep_ == "acl" and child.tag_ == "VBN" and token_lemma(child, lexicon) in lexicon.syntax.issuing_verbs \
                and (obj := _maker(next((c for c in child.children if c.dep_ == "agent"), None))) is not None:
            return obj
    return None


def _maker(preposition):
    """The noun or name a 'by' or 'from' takes, who made the statement, or None."""
    obj = next((c for c in preposition.children if c.dep_ == "pobj"), None) if preposition is not None else None
    return obj if obj is not None and obj.pos_ in ("PROPN", "NOUN") else None


def _answer_from(noun):
    """The party in 'no comment from X', 'no response from X'."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "from":
            return next((c for c in child.children if c.dep_ == "pobj" and c.pos_ in ("PROPN", "NOUN")), None)
    return None


def non_response(doc, masked: str, lexicon: Lexicon, spans: tuple[tuple[int, int], ...]) -> Finding | None:
    """'Acme Records declined to comment', 'the ministry did not respond', 'X could not be
    reached': the party that did not answer is the source of the non-answer."""
    for start, end in spans:
        for token in doc:
            if not start <= token.idx < end:
                continue
            if token.pos_ == "NOUN":
                party = _answer_from(token)  # "There was no immediate comment from Kyiv."
                if party is None and token.dep_ == "dobj" and start <= token.head.idx < end:
                    party = party_of(token.head)  # "The foundation had no comment."
                guess = guess_source(party, lexicon) if party is not None else None
                if guess is not None:
                    return Finding.of(guess, text_of(doc)[start:end], (start, end))
                continue
            if not token.tag_.startswith("VB"):
                continue
            if token_lemma(token, lexicon) not in lexicon.syntax.non_responses or said_of_an_object(token):
                continue
            party = party_of(token)
            if party is None:
                continue
            guess = _asked_party(party, token, lexicon) or guess_source(party, lexicon)
            if guess is None:
                continue
            return Finding.of(guess, text_of(doc)[start:end], (start, end))
    return None


def _asked_party(pronoun, verb, lexicon: Lexicon):
    """'Reuters contacted the ministry on Monday, but it declined to comment', 'When we asked
    Mr. Reyes, he did not respond': a pronoun that did not answer means the one asked for
    comment just before, not the one who asked (where that one fits the pronoun)."""
    if pronoun.pos_ != "PRON" or lexicon.is_first_person(pronoun.text):
        return None
    reference = lexicon.back_reference(pronoun.text)
    things = reference is not None and not set(reference.refers_to) & _PEOPLE
    wanted = _BODIES if things else _PEOPLE if lexicon.pronoun_genders.get(pronoun.lower_) else None
    askings = ([verb.head] if verb.dep_ == "conj" else []) + [c for c in verb.children if c.dep_ == "advcl"]
    for asking in askings:
        if asking.i > pronoun.i or token_lemma(asking, lexicon) not in lexicon.syntax.comment_requests:
            continue
        asked = [c for c in asking.children if c.dep_ == "dobj"] + [
            g for c in asking.children if c.dep_ == "prep" and c.lower_ in lexicon.syntax.request_prepositions
            for g in c.children if g.dep_ == "pobj"]
        guesses = [guess_source(word, lexicon) for word in asked if word.pos_ in ("NOUN", "PROPN")]
        fitting = [g for g in guesses if g is not None and (wanted is None or g.kind in wanted)]
        if len(fitting) == 1:
            return fitting[0]
    return None


__all__ = ["preposition_cue", "noun_cue", "non_response", "that_clause"]
