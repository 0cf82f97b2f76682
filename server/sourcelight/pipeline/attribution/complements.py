"""What follows a cue verb on the parse, and what that makes of it: a clause, a colon or a
thing said that the verb reports ("said that …", "predicted a Cruz win", "…, the AP
reported"), or nothing said at all (an infinitive of purpose, a reflexive object, a verb that
only names what was said, "has yet to apologize"). syntax.py applies these tests to each
candidate verb; every word list comes from the lexicon's [syntax] section."""
from __future__ import annotations

from sourcelight.pipeline.attribution.cue_lemmas import token_lemma
from sourcelight.pipeline.attribution.deps import first_conjunct, marked_by, opened_by_that, text_of, to_infinitive
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.questions import leaves_open, question, weighs_whether
from sourcelight.pipeline.attribution.unrealized import counterfactual, not_yet

CLAUSE_DEPS = ("ccomp", "parataxis")


def has_clause(token, infinitive: bool = True, colon: bool = True) -> bool:
    """What was said follows the verb: a clause, a predicate ("calls the wall stupid"), a
    question ("asked workers if they …"), a clause on its object ("voiced doubts that …") or
    what it is said to be ("cited the tax as a reason"), a colon (right after it or its
    object, or ending the sentence: "He then listed the qualities a nominee needs:"), or
    (``infinitive``) a promise
    ("promised to cut waiting times"). Without ``colon``, a colon alone is no clause."""
    after = text_of(token.doc)[token.idx + len(token.text):].lstrip()
    opens = ("oprd", "xcomp") if infinitive else ("oprd",)
    return any((child.dep_ in CLAUSE_DEPS and not bare_infinitive(child) and not _ends_before_colon(child, token))
               or child.dep_ in opens or question(child)
               or (child.dep_ == "dobj" and ((colon and colon_after(child.right_edge)) or content_clause(child)))
               for child in token.children) or object_as_predicate(token) or token.dep_ in ("parataxis",) \
        or (colon and after[:1] == ":") or as_clause(token) \
        or (colon and token.dep_ == "ROOT" and text_of(token.doc).rstrip().endswith(":")
            and not any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in token.children)) \
        or reporting_aside(token) or reporting_opener(token) or clause_on_addressee(token) \
        or clause_hung_above(token) is not None


def _ends_before_colon(clause, verb) -> bool:
    """'… the challenge faced by anyone appointed to fill Kaine's seat: That candidate would
    assume office in January': the sentence before a colon, which the parse hung on the verb
    after it, is what the colon explains, not what the verb's subject said."""
    return clause.i < verb.i and clause.right_edge.i + 1 < verb.i and clause.doc[clause.right_edge.i + 1].text == ":"


def clause_hung_above(verb):
    """'The nominee continues to insist, most recently in an interview with ABC News, that he
    really wants to …' and 'I hope in 2017 America says …' parsed with the clause as the head
    of the verb's own clause: that head, which is what the verb says, or None. Without a
    "that", the verb and its subject open the sentence, right before the head's subject."""
    current = verb
    while current.dep_ == "xcomp" and current.head is not current:
        current = current.head
    head = current.head
    if current.dep_ != "ccomp" or head.i <= verb.i or any(c.dep_ in CLAUSE_DEPS for c in verb.children):
        return None
    opened = any(c.dep_ == "mark" and c.lower_ == "that" and verb.i < c.i < head.i for c in head.children)
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # (not "Those discussions are continuing, he said": a comma sets off what the head says)
    leading = current.left_edge.i == 0 and subject is not None and current.right_edge.i + 1 == subject.left_edge.i \
        and any(c.dep_ == "nsubj" and c.i < verb.i for c in current.children)
    return head if opened or leading else None


def clause_on_addressee(verb) -> bool:
    """'yelling to the officers that her husband was unarmed': a that-clause the parse hung
    on the person addressed, as if it were a relative clause ("that" its subordinator, not its
    subject, nor the object of a passive, which has none: not "the officers that the mayor hired")."""
    def content(clause) -> bool:
        passive = any(m.dep_ == "auxpass" for m in clause.children)
        return any(m.lower_ == "that" and (m.dep_ == "mark" or (m.dep_ == "dobj" and passive)) for m in clause.children)

    # ("claiming without any evidence that Obama wanted …": a content clause the parse hung
    # on the noun of the verb's phrase, as "acl", where the verb has no object of its own)
    unattached = ("relcl", "acl") if not any(c.dep_ in ("dobj", "ccomp") for c in verb.children) else ("relcl",)
    return any(c.dep_ == "prep" and any(
        o.dep_ == "pobj" and any(r.dep_ in unattached and content(r) for r in o.children)
        for o in c.children) for c in verb.children)




def only_adverbials_before(verb, start: int) -> bool:
    """Everything before the subject at ``start`` modifies the verb: a clause a subordinator
    opens ("when the time came,"), a phrase ("In the end,"), an adverb or a conjunction."""
    left = [c for c in verb.children if c.i < start and not c.is_punct]
    return bool(left) and all(
        c.dep_ in ("prep", "advmod", "npadvmod", "cc", "mark", "intj")
        or (c.dep_ == "advcl" and any(m.dep_ == "mark" or (m.dep_ == "advmod" and m.tag_ == "WRB")
                                      for m in c.children if m.i < c.i))
        for c in left)


def only_names(verb) -> bool:
    """'His group, called the Virginia Conservation Legacy Fund, …': a name given, with no
    object to say it of, says nothing (not "called Oz a quack", parsed with two predicates, nor
    "called on Gov. Rick Snyder to resign", parsed with the governor as the name given)."""
    reflexive = reflexive_object(verb)  # "a group that calls itself Asawitri Media"
    predicates = [c for c in verb.children if c.dep_ == "oprd"]
    return len(predicates) < 2 and any((c.pos_ == "PROPN" or reflexive) and c.text[:1].isupper()
                                       for c in predicates) and not any(
        c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and not is_reflexive(c)) for c in verb.children)


def object_as_predicate(verb) -> bool:
    """'cited the tax as a major reason …', 'denounced the attack as terrorism': what the
    object is said to be; also 'called the citation and the demand a transparent political
    ploy', where the parse took the predicate for an apposition with no comma before it."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects or reflexive_object(verb):
        return False
    said_as = any(c.dep_ == "prep" and c.lower_ == "as" and c.i > objects[0].i
                  and any(p.dep_ == "pobj" for p in c.children) for c in verb.children)
    return said_as or any(_predicate_read_as_apposition(t) for o in verb.children
                          if o.dep_ == "dobj" or (o.dep_ == "conj" and o.pos_ == "NOUN") for t in o.subtree)


def _predicate_read_as_apposition(token) -> bool:
    """A noun phrase with its determiner that the parse hung on the one before as an
    apposition, though no comma sets it off."""
    doc = token.doc
    return (token.dep_ == "appos" and token.pos_ == "NOUN" and token.left_edge.i > 0
            and doc[token.left_edge.i - 1].is_alpha and token.left_edge.tag_ == "DT")


def content_clause(noun) -> bool:
    """'expressed concern that the plan would fail', 'expressed confidence it was holding the
    better hand': a clause with its own subject on the object says what the concern is (not a
    relative clause, 'the plan that failed')."""
    return any(c.dep_ in ("acl", "ccomp") and (opened_by_that(c) or any(m.dep_ == "nsubj" for m in c.children))
               for c in noun.children)


def says_nothing(verb, clause: bool, has_quote: bool, non_response: bool, lexicon: Lexicon) -> bool:
    """The cue verb, where ``clause`` says whether anything said follows it, says nothing the
    sentence rests on."""
    if not clause and (names_what_was_said(verb)  # "what Obama says is the baseline"
                       or only_itself(verb)  # "that bond quickly revealed itself"
                       or infinitive_on_noun(verb)):  # "has positive things to say"
        return True
    if any(c.dep_ == "relcl" for c in verb.children) or (not has_quote and (finds_itself(verb) or finds_it_hard(verb))):
        return True  # "Massachusetts and Vermont, states that vote on March 1": a noun
    # ("whether she agrees or disagrees": the mark is on the first verb)
    if marked_by(verb, "if", "unless", "whether") or marked_by(first_conjunct(verb), "if", "unless", "whether"):
        return True  # "If Obama says it, it's true", "unclear whether the judges would rule that": not a claim
    if in_generic_gerund(verb):
        return True  # a case talked about, not a saying that happened
    if counterfactual(verb):
        return True  # "If the kids had held up a photo of …, they would have been identifying with …"
    if not has_quote and (leaves_open(verb) or weighs_whether(verb)):
        return True  # "The video does not show whether Scott had a gun": it tells nothing
    if impersonal_infinitive(verb, lexicon) or asked_aside(verb) or not_yet(verb) or only_names(verb) or bare_passive(verb):
        # "Suffice it to say, …", "asked about …, had said", "has yet to apologize", "X, called
        # Y,", "failed as predicted"
        return True
    if not clause and negated(verb) and not has_quote and not non_response and verb.dep_ not in ("ROOT", "conj"):
        # "taking heat for not condemning Trump's attacks": nothing said in a clause about
        # something else ("Trump didn't apologize" is still his, and "did not disclose" a
        # non-answer)
        return True
    # "Subscribers took to social media to complain.": nothing said is told
    return not clause and bare_purpose(verb)






def colon_after(token) -> bool:
    """ "Whitlock Endorses Aberly: I Am ‘Horrified’": a colon after the verb's object opens
    what was said."""
    return text_of(token.doc)[token.idx + len(token.text):].lstrip()[:1] == ":"


def bare_infinitive(verb) -> bool:
    """'would like to see Ryan stay on': a bare infinitive is what was seen or heard, not a
    clause anyone said; nor is an infinitive with a subject of its own, which the parse
    makes of a noun ("Trump adds 200 staff to campaign")."""
    if verb.tag_ != "VB":
        return False
    if to_infinitive(verb):
        return any(c.dep_ == "nsubj" for c in verb.children)
    return not any(c.dep_ in ("aux", "mark", "nsubjpass", "auxpass") for c in verb.children)


def infinitive_on_noun(verb) -> bool:
    """'has positive things to say about the company': an infinitive describing a noun says
    nothing yet."""
    return verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PRON") and to_infinitive(verb)


def tells_how_much(verb, lexicon: Lexicon) -> bool:
    """'says something about the media', 'said little about his plans': how much the words
    tell of a topic, which is the writer's judgment, not a claim they make."""
    amount = next((c for c in verb.children
                   if c.dep_ == "dobj" and token_lemma(c, lexicon) in lexicon.syntax.told_amounts), None)
    return amount is not None and any(
        c.dep_ == "prep" and c.lower_ == "about" for c in (*verb.children, *amount.children))


def says_a_ritual(verb, lexicon: Lexicon) -> bool:
    """'could say goodbye to all that', 'said grace', 'thank God it did': words said as a
    custom, which claim nothing, whatever clause follows (a quote beside them still may)."""
    return any(c.dep_ == "dobj" and token_lemma(c, lexicon) in lexicon.syntax.rituals for c in verb.children)


def has_object(verb) -> bool:
    """What was found or shown is named ('polls show Clinton ahead'), not 'reports live
    from the field'."""
    return any(c.dep_ in ("dobj", "attr", "oprd") for c in verb.children)


def negated(verb) -> bool:
    """'did not report the launch': an outlet or body that told nothing (a study that 'did
    not find evidence' still found something)."""
    return any(c.dep_ == "neg" for c in verb.children)


def reflexive_object(verb) -> bool:
    return any(c.dep_ == "dobj" and is_reflexive(c) for c in verb.children)


def is_reflexive(token) -> bool:
    """'himself', 'themselves': the subject again."""
    return token.lower_.endswith(("self", "selves"))


def only_itself(verb) -> bool:
    """The verb's only object is a reflexive pronoun, with nothing after it."""
    return reflexive_object(verb) and not any(c.dep_ == "prep" for c in verb.children)


def finds_itself(verb) -> bool:
    """'Fox News found itself playing host', 'he found himself embroiled in controversy':
    what the subject does or undergoes, not what it found."""
    return any(c.dep_ in ("ccomp", "xcomp", "oprd") and c.tag_ in ("VBG", "VBN")
               and any(s.dep_ == "nsubj" and is_reflexive(s) for s in c.children)
               for c in verb.children)


def finds_it_hard(verb) -> bool:
    """'political leaders will find it harder to address pressing needs': how hard a thing
    is to do, not a finding (but "found it likely that the fire was set" is one)."""
    return any(c.dep_ in ("ccomp", "oprd") and c.pos_ == "ADJ" and any(
        s.dep_ == "nsubj" and s.lower_ == "it" for s in c.children) and any(
        to_infinitive(g) for g in c.children) and not any(
        m.dep_ == "mark" for g in c.children for m in g.children) for c in verb.children)


def sees_it_happen(verb) -> bool:
    """'cannot hear smugglers digging', 'watched the mayor leave': what a verb of perception
    takes in is an event, its doer named inside; nothing anyone claimed (what a poll finds
    happening, "found Clinton leading Sanders", is its finding: syntax.py asks this of no
    verb of finding)."""
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    return bool(clauses) and all(c.tag_ in ("VBG", "VB") and any(g.dep_ == "nsubj" for g in c.children)
                                 and not any(g.dep_ in ("mark", "aux") for g in c.children) for c in clauses)


def bare_purpose(verb) -> bool:
    """An infinitive of purpose with nothing said ('gathered outside to protest'): why they
    did something, not a claim they made."""
    return verb.dep_ == "advcl" and to_infinitive(verb) and not any(
        c.dep_ in ("dobj", "prep", "attr", "dative", "ccomp", "xcomp", "oprd") for c in verb.children)


def says_without_object(verb) -> bool:
    """'Few economists agree.', 'Some residents worry about traffic.': an unnamed group's
    view, told with no object, is the claim the sentence rests on."""
    # (a "conj" only of the sentence's own verb, not "begin shouting, pointing and jeering")
    return (verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")) and not any(
        c.dep_ in ("dobj", "attr", "dative", "acomp", "neg") for c in verb.children)


def reporting_aside(verb) -> bool:
    """'…, the Associated Press reported on Wednesday.': a verb with no object of its own
    whose subject opens after a comma reports the words before the comma."""
    if verb.i == 0 or verb.dep_ == "relcl" or to_infinitive(verb) or any(
            c.dep_ in ("dobj", "attr", "oprd", "dative", "xcomp") for c in verb.children):
        return False  # not "…, who added to her delegate lead", nor "…, libertarians—to counter …"
    subject = next((c for c in verb.children if c.dep_ in ("nsubj",) and c.i < verb.i), None)
    if subject is None or subject.tag_ in ("WP", "WDT"):
        return False
    start = subject.left_edge.i
    doc = verb.doc
    if verb.dep_ == "ROOT" and only_adverbials_before(verb, start):
        return False  # "But when the time came, Washington backed out.": no words before to report
    if verb.i + 1 >= len(doc) or doc[verb.i + 1].is_punct:
        # "…, fundraising documents show." with the modifier misread as a verb of its own
        while start > 0 and verb.i - start < 4 and doc[start - 1].pos_ in ("NOUN", "PROPN", "ADJ", "VERB") \
                and doc[start - 1].tag_ in ("NN", "NNS", "NNP", "JJ", "VBG"):
            start -= 1
    return start > 0 and doc[start - 1].text == ","


def reporting_opener(verb) -> bool:
    """'Breitbart News' Michael Patrick Leahy previously reported, The Clinton Foundation
    refused …': a verb with a subject and nothing after it, set off by a comma before the
    clause the parse hung it on, introduces that clause (not "Ali didn't feel well and was
    unable to attend, so …")."""
    doc = verb.doc
    return (verb.dep_ in ("ccomp", "parataxis") and verb.right_edge.i == verb.i and verb.head.i > verb.i + 1
            and doc[verb.i + 1].text == "," and any(c.dep_ == "nsubj" for c in verb.children))


def as_clause(verb) -> bool:
    """'As the Post reported, …': the sentence the as-clause hangs on is what was said (not
    'as he's affectionately known by his grandchildren', which describes its subject, nor 'as
    it claims more territory' or 'as she continues to face', which have an object of their own)."""
    # (a ccomp where the parse hung it on a verb before: "does not answer whether …, as police have said")
    return verb.dep_ in ("advcl", "ccomp") and marked_by(verb, "as") and not any(
        # a scene, not a report: "As Freddy … joked with his best friend at the table, …"
        c.dep_ == "prep" and c.lower_ == "with" for c in verb.children) and not any(
        (c.dep_ == "nsubjpass" and c.lower_ != "it") or c.dep_ in ("dobj", "xcomp") for c in verb.children)


def says_what_came_before(verb) -> bool:
    """'That's what my friend Andy McCarthy wrote recently.': what the sentence before said
    is theirs."""
    return verb.dep_ == "ccomp" and any(c.dep_ == "dobj" and c.tag_ == "WP" for c in verb.children) and any(
        c.dep_ == "nsubj" and c.tag_ == "DT" for c in verb.head.children)


def names_what_was_said(verb) -> bool:
    """The verb only describes a thing said, which the sentence then talks about: a free
    relative ("what Obama says …") or a relative clause on its object ("the things that
    Trump has said"), where the speaker is not the relative pronoun."""
    if any(c.dep_ == "dobj" and c.tag_ in ("WP", "WDT") for c in verb.children):
        return not says_what_came_before(verb)
    if verb.dep_ != "relcl":
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.tag_ not in ("WP", "WDT")


def bare_passive(verb) -> bool:
    """'Patriot failed as predicted', 'with Obama expected to visit': a passive participle
    with no auxiliary and no agent hung on a clause or a preposition; nobody in the sentence
    predicted or expected it. A preposition's complement is no past tense either, whatever
    the tag."""
    if any(c.dep_ in ("aux", "auxpass", "agent") for c in verb.children):
        return False
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    if marks & {"with", "without"}:
        return verb.tag_ in ("VBN", "VBD") and verb.dep_ == "advcl"  # "With Obama expected to visit, …"
    if as_clause(verb) and any(c.dep_ == "nsubj" for c in verb.children):
        return False  # a finite clause the tagger took for a participle ("As the Post's unit reported just today, …")
    if verb.tag_ == "VBN":  # not on a noun: the parser reads many a finite verb so ("A poll found …")
        return verb.dep_ in ("advcl", "pcomp")
    return verb.tag_ == "VBD" and verb.dep_ == "pcomp" and not any(
        c.tag_ in ("WP", "WDT") for c in verb.children)  # but "with what lawmakers called “fraud”"


def asked_aside(verb) -> bool:
    """'Mr. Trump, asked about the deaths of journalists, had said …': a participle set off
    after a comma with no subject or object of its own and a preposition after it is a
    passive (he was asked); no one in the sentence said it."""
    doc = verb.doc
    end = verb.right_edge.i
    # (or opening the sentence: "Asked about it by NJ Advance Media, Doherty declined …")
    return (verb.tag_ in ("VBN", "VBD") and (verb.i == 0 or doc[verb.i - 1].text == ",")
            and verb.i + 1 < len(doc) and doc[verb.i + 1].dep_ == "prep"
            # closed like an aside, not "tweeted in response:"
            and (doc[end].text == "," or (end + 1 < len(doc) and doc[end + 1].text == ","))
            and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "ccomp") for c in verb.children))


def in_generic_gerund(verb) -> bool:
    """The verb is, or hangs by its clauses from, a gerund with no subject of its own that is
    a clausal subject: a case talked about ("having a candidate rely on a TV doctor to
    discuss his health may be …", "Telling voters that … is a mistake")."""
    token = verb
    while True:
        if token.tag_ == "VBG" and token.dep_ == "csubj" and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            return True
        if token.dep_ not in ("xcomp", "advcl", "ccomp", "conj") or token.head is token:
            return False
        token = token.head


def impersonal_infinitive(verb, lexicon: Lexicon) -> bool:
    """'Suffice it to say, …': an infinitive whose verb has "it" for its object says nothing
    anyone in the sentence said; nor does one a copula (syntax.linking_verbs) predicates of a
    placeholder (syntax.placeholder_subjects: "None of this is to say Page ever stopped …",
    "That is not to say …"; but "Their reaction is to tell the public that …" is a saying)."""
    if verb.dep_ not in ("xcomp", "ccomp") or not to_infinitive(verb):
        return False
    syntax = lexicon.syntax
    return any(c.dep_ == "dobj" and c.lower_ == "it" and c.i < verb.i for c in verb.head.children) \
        or (verb.head.pos_ == "AUX" and token_lemma(verb.head, lexicon) in syntax.linking_verbs and any(
            c.dep_ == "nsubj" and c.lower_ in syntax.placeholder_subjects for c in verb.head.children))


__all__ = ["CLAUSE_DEPS", "asked_aside", "says_a_ritual", "impersonal_infinitive", "has_clause", "not_yet",
           "has_object", "reflexive_object", "is_reflexive", "negated", "only_itself", "bare_purpose",
           "says_without_object", "says_what_came_before", "names_what_was_said", "infinitive_on_noun",
           "says_nothing", "in_generic_gerund", "sees_it_happen"]

