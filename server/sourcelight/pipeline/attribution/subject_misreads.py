"""Subjects the parse got wrong: a participle it made the sentence's verb ("Three names
mentioned as nominees are …") or the sentence's verb it made a participle ("A new poll found
last week that …"), a noun it read as a verb ("filming television shows"), a possessor it
read as a subject, a "by" it made an active verb's agent. speakers.speaker_of asks these
before it reads a verb's subject."""
from __future__ import annotations

from sourcelight.pipeline.attribution.deps import SUBJECTS, name_suffix, to_infinitive
from sourcelight.pipeline.attribution.stranded import quoted


def perfect_misread(verb, auxiliary) -> bool:
    """'And he's predicted big wins': a contracted "has" the parse took for a passive "is",
    with an active subject and an object, or a verb tagged as a past tense ("who's called for
    big tax hikes"), which no "is" comes before; or with a finite clause after the verb."""
    if auxiliary.lower_ not in ("'s", "’s"):
        return False
    if any(c.dep_ == "nsubj" for c in verb.children):
        return any(c.dep_ == "dobj" for c in verb.children) or verb.tag_ == "VBD"
    # "He's said he gets his ideas from …": a finite clause after it, which no passive "is
    # said" takes (but "It's said that …" is one, and "he's said to be ill" another)
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return subject is not None and subject.lower_ != "it" and any(
        c.dep_ == "ccomp" and c.i > verb.i and not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children)


def participle_misread(verb):
    """'A new poll found last week that …' parsed as a noun with a participle ('a poll
    found last week'): a bare past form hanging on the sentence's head noun (or on a subject
    its clause already has), with a that-clause of its own, is the noun's verb; so is one
    set off after a name that opens a colon. A participle set off by a comma on a sentence
    that is all one noun phrase ("Erin Brockovich, the activist, endorsed Sanders' approach
    Saturday, saying she …", with "endorsed" read as an adjective) is that noun's."""
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ == "ROOT" and verb.head.pos_ in (
            "NOUN", "PROPN") and verb.head.i < verb.i and verb.doc[verb.i - 1].text == "," and any(
            (c.dep_ == "ccomp" or _says_to_say(c)) and c.i > verb.i for c in verb.children):
        return verb.head
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD") or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(c.dep_ in ("aux", "auxpass", "agent") for c in verb.children):
        return None
    noun = verb.head
    if _opens_colon(verb) and verb.i > 0 and verb.doc[verb.i - 1].text == "," and noun.i < verb.i:
        return noun  # "Mitt Romney, the 2012 nominee, tweeted in response: “…”"
    if noun.dep_ == "ROOT" and noun.i < verb.i and verb.doc[verb.i - 1].text == "," and any(
            c.dep_ in ("relcl", "appos") and c.i < verb.i for c in noun.children):
        # "Demonstrators, who have taken to the streets, called for footage to be released"
        # with no verb for the sentence but the one after the aside: the noun's verb
        return noun
    if noun.dep_ == "nsubj" and noun.i < verb.i and any(
            c.dep_ == "nsubj" and c.i > verb.i for c in noun.head.children):
        # "Multiple outlets reported on Wednesday the Secret Service had …" parsed with two
        # subjects of "had": the participle is the sentence's verb, the rest what it reported
        return noun
    root = verb.sent.root
    if root.pos_ not in ("VERB", "AUX") and verb.i == noun.i + 1 and any(c.dep_ in ("dobj", "oprd") for c in verb.children):
        if root.i < noun.i and any(a.dep_ == "relcl" and a.i < noun.i for a in noun.ancestors):
            # "One of the docs who sent the letter called Oz a quack" with the sentence's only
            # verb hung on the relative clause's object: the phrase the clause is in speaks
            return root
        if verb.tag_ == "VBD":
            # "Twenty-two years ago, a Times article hailed Trump as “The Comeback Kid”" with the
            # sentence's only verb tagged as a past tense and hung on the noun: the noun is its subject
            return noun
    if root.pos_ not in ("VERB", "AUX") and verb.i == noun.i + 1 and verb.tag_ == "VBD" and noun.dep_ == "ROOT":
        # "Donald Trump called Wednesday for Justice Ginsburg to resign …" with the sentence's
        # only verb, a past tense right after the name, hung on it: the name is its subject
        return noun
    if not any((c.dep_ == "ccomp" or _says_to_say(c)) and c.i > verb.i for c in verb.children):
        return None
    if noun.dep_ == "ROOT":
        return noun
    return None


def compound_noun_misread(verb) -> bool:
    """'…, filming television shows and meeting with …' parsed with "television" the subject
    of "shows": a present tense joined to the verb before it, whose subject is a bare noun
    after a participle, is the plural noun ending the participle's object."""
    if verb.tag_ != "VBZ" or verb.dep_ != "conj":
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.tag_ == "NN" and subject.i == verb.i - 1 and not any(
        c.dep_ in ("det", "poss") for c in subject.children) and any(
        c.dep_ == "amod" and c.tag_ == "VBG" for c in subject.children)


def possessor_misread(verb) -> bool:
    """'garnered most the convention’s pledged delegates' parsed with "convention" the
    subject of "pledged": a subject marked as a possessor right before the verb owns the noun
    after it, and the verb is that noun's adjective (but "McDonald’s said" is a company's
    name)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and name_suffix(subject) is None and any(
        c.dep_ == "case" and c.tag_ == "POS" and c.i == verb.i - 1 for c in subject.children)


def disagreeing_inversion(verb) -> bool:
    """'… doesn’t fit the spec — think Wikipedia, which …' parsed with "Wikipedia" the
    subject after "think": a subject after a plural present ("say critics") is plural, so one
    in the singular there is the verb's object, and the verb an order to the reader."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.i > verb.i and verb.tag_ == "VBP" and subject.tag_ in ("NN", "NNP") \
        and not any(c.dep_ in ("conj", "cc") for c in subject.children)


def plural_noun_misread(verb) -> bool:
    """'Syria proved resistant to the Obama/Clinton calls for regime change' parsed with
    "calls" a verb: a present tense hung on the clause above with no subject and no
    subordinator of its own, right after the noun phrase it ends, is a plural noun, and no one
    speaks through it (not the sentence's subject)."""
    if verb.tag_ != "VBZ" or verb.dep_ != "advcl" or verb.i == 0 or any(
            c.dep_ in SUBJECTS or c.dep_ in ("mark", "aux", "auxpass") for c in verb.children):
        return False
    before = verb.doc[verb.i - 1]
    return before.pos_ in ("PROPN", "NOUN") and before.dep_ in ("pobj", "compound", "nmod", "dobj")


def tag_subject_misread(verb):
    """'The source of the attraction to Mr. Trump, union members and leaders say, is manifold'
    parsed with "source" as the subject of the tag set off by commas: its speaker is what
    stands between the last comma and it."""
    doc = verb.doc
    if verb.dep_ != "parataxis" or verb.i + 1 >= len(doc) or doc[verb.i + 1].text != ",":
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    commas = [t.i for t in doc[subject.left_edge.i:verb.i] if t.text == ","] if subject is not None else []
    if not commas or subject.i > commas[-1] or commas[-1] + 1 >= verb.i:
        return None
    return doc[commas[-1] + 1:verb.i].root


def gerund_object_misread(verb) -> bool:
    """'… so having more diverse speakers directly supports the goal' parsed with the gerund
    and its object as two subjects: the noun right after the gerund is its object, and a
    doing, not a person, is what the verb's subject says."""
    gerunds = [c for c in verb.children if c.dep_ == "csubj" and c.tag_ == "VBG"]
    return any(c.dep_ == "nsubj" and c.left_edge.i == g.right_edge.i + 1 for c in verb.children for g in gerunds)


def object_misread(verb) -> bool:
    """'Calls men derogatory names, and operates beauty pageants' (a list of what someone does,
    its subject left out) parsed with "men" as the subject: a verb that opens the sentence
    with its subject after it and an object after that is no inversion ("said the mayor"
    takes no object), and the noun after it is whom the verb acts on."""
    if any(not t.is_punct for t in verb.doc[:verb.i]):
        return False
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    return subject is not None and subject.i > verb.i and any(
        c.dep_ in ("dobj", "oprd") and c.i > subject.i for c in verb.children)


def _says_to_say(clause) -> bool:
    """'tweeted on Friday to say he had never suggested …': an infinitive with a clause."""
    return clause.dep_ in ("advcl", "xcomp") and to_infinitive(clause) \
        and any(c.dep_ == "ccomp" for c in clause.children)


def _opens_colon(verb) -> bool:
    """The verb and its modifiers end at a colon ('tweeted in response:')."""
    end = max([verb.i] + [c.right_edge.i for c in verb.children if c.i > verb.i])
    return end + 1 < len(verb.doc) and verb.doc[end + 1].text == ":"


def reduced_passive(verb) -> bool:
    """'Three names prominently mentioned as potential nominees are …', 'Kyle, referred to as
    the deadliest sniper, has been seen as …': a passive participle the parse made the
    sentence's verb, its subject the one spoken of (a bare past participle with no auxiliary,
    or a preposition left with no object before "as")."""
    auxiliaries = any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    # (a past tense the tagger took for a participle takes no "as": "The college blamed staff
    # shortages", "…, Syrian state media reported on Monday")
    if verb.tag_ == "VBN" and not auxiliaries and any(c.dep_ == "nsubj" for c in verb.children) and any(
            c.dep_ == "prep" and c.lower_ == "as" and c.i == verb.i + 1 for c in verb.children) \
            and not any(c.dep_ == "dobj" for c in verb.children):
        return True
    doc = verb.doc
    return verb.i + 2 < len(doc) and doc[verb.i + 1].dep_ == "prep" and doc[verb.i + 1].head.i == verb.i \
        and not any(c.dep_ == "pobj" for c in doc[verb.i + 1].children) and doc[verb.i + 2].lower_ == "as"




def agent_misread(verb, children) -> bool:
    """'Mateen … called the massacre by his son, Omar Mateen, “the act of a terrorist”' parsed
    with "by his son" as the agent of "called": a verb in an active tense with an object of its
    own, in a clause of its own, has no passive agent; the "by" belongs to the object (but
    "…, backed by a phalanx of officials" and "Called a 'violent rhythm game' by its
    creators, …", participles tagged as a past tense, have one)."""
    return verb.tag_ in ("VBD", "VBZ", "VBP") and verb.dep_ in ("ROOT", "conj", "ccomp") \
        and not any(c.dep_ == "auxpass" for c in children) and any(c.dep_ == "dobj" for c in children)


def conjunct_after_object(subject):
    """'… 5 percent prefer Libertarian nominee Gary Johnson and 1 percent support Jill Stein'
    parsed with "Gary Johnson and 1 percent" as the subject: a subject right after a verb that
    has no object of its own is that verb's object, and the last noun joined to it is the
    subject."""
    at = subject.left_edge.i - 1
    if at < 0 or subject.i > subject.head.i:
        return None
    before = subject.doc[at]
    if before.pos_ != "VERB" or before.tag_ not in ("VB", "VBD", "VBP", "VBZ") or any(
            c.dep_ in ("dobj", "ccomp", "xcomp", "attr") for c in before.children):
        return None
    joined = [c for c in subject.children if c.dep_ == "conj" and c.i > subject.i]
    return joined[-1] if joined else None


def object_left_by(subject, verb) -> bool:
    """A subject after the verb right behind a preposition of that verb with no object of its
    own: that preposition's object."""
    at = subject.left_edge.i - 1
    if subject.i < verb.i or at <= verb.i:
        return False
    preposition = subject.doc[at]
    return preposition.dep_ == "prep" and preposition.head.i == verb.i and not any(
        c.dep_ == "pobj" for c in preposition.children)


def stray_agent(verb):
    """'Al-Muteiri was confirmed as one of the passengers by the assistant foreign minister':
    the "by" phrase of a passive that the parse hung on a noun inside it."""
    for token in verb.subtree:
        if token.dep_ == "prep" and token.lower_ == "by" and token.head.i != verb.i and not quoted(token):
            named = next((c for c in token.children if c.dep_ == "pobj"), None)
            # a name, not "grabbing a photographer by the throat" or "by the end of the year"
            if named is not None and named.pos_ == "PROPN" and named.ent_type_ not in ("DATE", "TIME"):
                return named
    return None


__all__ = ["perfect_misread", "participle_misread", "compound_noun_misread", "possessor_misread", "plural_noun_misread",
           "object_misread", "reduced_passive", "disagreeing_inversion", "agent_misread", "conjunct_after_object",
           "object_left_by", "stray_agent"]
