"""Cue verbs that say nothing a sentence rests on: a verb that only names what was said
("what Obama says is the baseline"), a reflexive or "it" standing in for a clause ("that bond
revealed itself", "It feels good to vent"), a condition or a question ("If Obama says it, …"),
a saying not yet made or only supposed, a bare purpose ("took to social media to complain"),
a clause that only tells when the main one happened ("Wiig smiles when I tell her this").
syntax.py asks says_nothing of each candidate verb; complements.py reads what follows it."""
from __future__ import annotations

from sourcelight.pipeline.attribution.complements import (as_clause, is_reflexive, negated, reflexive_object,
                                                          says_what_came_before)
from sourcelight.pipeline.attribution.cue_lemmas import token_lemma
from sourcelight.pipeline.attribution.deps import first_conjunct, marked_by, to_infinitive
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.questions import leaves_open, weighs_whether
from sourcelight.pipeline.attribution.unrealized import counterfactual, not_yet

def says_nothing(verb, clause: bool, has_quote: bool, non_response: bool, lexicon: Lexicon) -> bool:
    """The cue verb, where ``clause`` says whether anything said follows it, says nothing the
    sentence rests on."""
    if not clause and (names_what_was_said(verb)  # "what Obama says is the baseline"
                       or only_itself(verb)  # "that bond quickly revealed itself"
                       or infinitive_on_noun(verb)  # "has positive things to say"
                       or only_an_address(verb)):  # "He tweets @pmorici1."
        return True
    if any(c.dep_ == "relcl" for c in verb.children) or (not has_quote and (
            finds_itself(verb) or finds_it_hard(verb) or it_feels_so(verb))):
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


def only_an_address(verb) -> bool:
    """'He tweets @pmorici1.', 'She blogs at example.org': a handle or an address where the
    words would be tells where someone writes, not anything written."""
    objects = [c for c in verb.subtree if c.dep_ in ("dobj", "pobj") and c.head.i in (
        verb.i, *(p.i for p in verb.children if p.dep_ == "prep"))]
    return bool(objects) and all(o.text.startswith("@") or o.like_url or o.like_email for o in objects)


def only_names(verb) -> bool:
    """'His group, called the Virginia Conservation Legacy Fund, …': a name given, with no
    object to say it of, says nothing (not "called Oz a quack", parsed with two predicates, nor
    "called on Gov. Rick Snyder to resign", parsed with the governor as the name given)."""
    reflexive = reflexive_object(verb)  # "a group that calls itself Asawitri Media"
    predicates = [c for c in verb.children if c.dep_ == "oprd"]
    return len(predicates) < 2 and any((c.pos_ == "PROPN" or reflexive) and c.text[:1].isupper()
                                       for c in predicates) and not any(
        c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and not is_reflexive(c)) for c in verb.children)


def infinitive_on_noun(verb) -> bool:
    """'has positive things to say about the company': an infinitive describing a noun says
    nothing yet."""
    return verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PRON") and to_infinitive(verb)


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


def it_feels_so(verb) -> bool:
    """'It feels good to vent', 'it felt wrong that …': "it" standing in for the clause
    after the adjective, no one feeling anything."""
    return any(s.dep_ == "nsubj" and s.lower_ == "it" for s in verb.children) \
        and any(c.dep_ == "acomp" for c in verb.children) \
        and any((c.dep_ == "xcomp" and to_infinitive(c)) or (c.dep_ == "ccomp" and marked_by(c, "that"))
                for c in verb.children)


def bare_purpose(verb) -> bool:
    """An infinitive of purpose with nothing said ('gathered outside to protest'): why they
    did something, not a claim they made."""
    return verb.dep_ == "advcl" and to_infinitive(verb) and not any(
        c.dep_ in ("dobj", "prep", "attr", "dative", "ccomp", "xcomp", "oprd") for c in verb.children)


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


def only_times_the_main_clause(verb, phrasal: bool, lexicon: Lexicon) -> bool:
    """'Wiig smiles when I tell her this', 'The crowd cheered as Trump spoke about the wall':
    a clause opened by "when", "as" or a preposition of time (syntax.time_prepositions, but
    not "while", which also sets a claim against another) that says nothing of its own only
    tells when the main clause happened (but "after it announced a breach" reports the
    breach, and "as one aide put it" the main clause)."""
    children = list(verb.children)
    timed = [c for c in children if c.i < verb.i and (c.tag_ == "WRB" or (c.dep_ == "mark" and (
        c.lower_ in lexicon.syntax.time_prepositions and c.lower_ != "while" or marked_by(verb, "as"))))]
    if verb.dep_ != "advcl" or not timed:
        return False
    if any(c.dep_ == "dobj" and (c.pos_ in ("NOUN", "PROPN", "NUM") or (c.lower_ == "it" and marked_by(verb, "as")))
           for c in children):
        return False  # (nor "…, as Levy tells it")
    # a topic, not what was said of it: "spoke about the wall", not "talks about how tough it's been"
    topic = any(c.dep_ == "prep" and c.lower_ == "about" and not any(g.dep_ == "pcomp" for g in c.children)
                for c in children)
    return not phrasal or topic


__all__ = ["says_nothing", "only_times_the_main_clause"]
