"""Sayings not done: one needed, demanded or expected of someone ("needs to tell more
jokes", "requires candidates to disclose …"), one not yet made ("has yet to apologize"), one
that would have been made had something else happened ("If the ferry had been late, the
mayor would have said so"), one owed ("Israel must also acknowledge …"), and one the reader is
told to make ("Say what you will about …"). Which verbs ask
for a saying and which modals oblige one are the lexicon's syntax.unrealized and
syntax.obligation_modals; the writer's own "I should say that …" is said."""
from __future__ import annotations

from sourcelight.pipeline.attribution.cue_lemmas import token_lemma
from sourcelight.pipeline.attribution.deps import first_conjunct, marked_by, to_infinitive
from sourcelight.pipeline.attribution.lexicon import Lexicon


def unrealized(verb, lexicon: Lexicon) -> bool:
    """'Clinton needs to sell herself and tell more jokes', 'the law requires candidates to
    disclose their assets', 'increase the pressure on her to say …': a saying needed, demanded
    or expected is not done."""
    if verb.tag_ == "VBG" and any(c.dep_ == "xcomp" and token_lemma(c, lexicon) == "do" and to_infinitive(c)
                                  for c in verb.children):
        return True  # "the nominee had some explaining to do": a saying owed, named as a noun
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    preposition = verb.head
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and preposition.lower_ in lexicon.syntax.prevention_prepositions \
            and any(c.dep_ == "dobj" and c.i < preposition.i for c in preposition.head.children):
        return True  # "won't keep your toddler from wanting to bang on the keyboard": kept from it, not done
    if verb.tag_ == "VBG" and verb.dep_ == "xcomp" and token_lemma(verb.head, lexicon) in lexicon.syntax.unrealized:
        return True  # "registering would require disclosing his earnings"
    if verb.dep_ == "ccomp" and _subjunctive(verb) and token_lemma(verb.head, lexicon) in lexicon.syntax.unrealized:
        return True  # "requests that he describe Du Pont as a “mentor”": a subjunctive, asked for, not done
    if not to_infinitive(verb):
        return False
    if any(c.tag_ in ("WRB", "WP") and c.i < verb.i for c in verb.children):
        return True  # "will explain … how to declare custom attributes": a way to say, none said
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ == "advcl" and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.head.children):
        return True  # "Perhaps hard to tell from the photo, this book is …": how easy a saying would be
    objects = [c for c in verb.head.children if c.dep_ == "dobj"]
    if verb.dep_ == "advcl" and objects and (token_lemma(verb.head, lexicon) in lexicon.syntax.unrealized or any(
            token_lemma(c, lexicon) in lexicon.syntax.unrealized for c in objects)):
        # "will increase the pressure on her to say whether …", "is encouraging her supporters
        # at a rally to ask why …": not said yet, nor by the one pressing
        return True
    if verb.dep_ in ("advcl", "xcomp") and any(
            c.dep_ == "acomp" and c.i < verb.i and c.lower_ in lexicon.syntax.unrealized for c in verb.head.children):
        return True  # "He was unable, deep inside, to say, “Yes …”": the parse hung the saying on "was"
    return verb.dep_ in ("xcomp", "ccomp") and token_lemma(verb.head, lexicon) in lexicon.syntax.unrealized


def _subjunctive(verb) -> bool:
    """'that he describe', 'that the board announce': a bare form after "that" and a singular
    subject (not "Don't let the media tell you …", the writer's own words)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return not any(c.dep_ in ("aux", "auxpass") for c in verb.children) and subject is not None and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in verb.children) and (
        verb.tag_ == "VB" or (verb.tag_ == "VBP" and (subject.tag_ in ("NN", "NNP")
                                                     or subject.lower_ in ("he", "she", "it"))))


def imperative(verb) -> bool:
    """'Say what you will about Paltrow, the Oscar winner proved …', 'Tell your friends':
    a bare verb opening its sentence with no subject, auxiliary or subordinator of its own, or
    one set off by commas, is an order to the reader, no saying of anyone's."""
    doc = verb.doc
    if verb.tag_ == "VB" and 0 < verb.i < len(doc) - 1 and doc[verb.i - 1].text == "," == doc[verb.i + 1].text \
            and not any(c.dep_ in ("aux", "auxpass", "mark") for c in verb.children):
        return True  # "the owners (billionaires, remember, as …)": a word to the reader, set off
    if verb.dep_ == "conj" and verb.tag_ in ("VB", "VBP") and doc[verb.i - 1].text == "," and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in verb.children) and any(
            c.dep_ == "advcl" and c.i < verb.i and any(m.dep_ == "mark" for m in c.children) for c in verb.children):
        return True  # "…, but if there's a valve adjustment involved, expect to pay …": a condition, then an order
    if verb.tag_ != "VB" or verb.dep_ not in ("ROOT", "advcl"):
        return False
    first = next((t for t in verb.sent if not t.is_punct and not t.is_space), None)
    return first is not None and first.i == verb.i and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark", "expl") for c in verb.children)


def not_yet(verb) -> bool:
    return verb.dep_ == "xcomp" and to_infinitive(verb) and any(
        c.dep_ == "advmod" and c.lower_ == "yet" and c.i < verb.i for c in verb.head.children)


def counterfactual(verb) -> bool:
    """The verb, with "would have" (or "could", "might"), is what would have happened if the
    condition on it had held: nothing that was said."""
    auxiliaries = [c for c in verb.children if c.dep_ == "aux"]
    if not (any(c.tag_ == "MD" for c in auxiliaries) and any(c.lower_ in ("have", "'ve") for c in auxiliaries)):
        return False
    # the condition on the verb, or opening the sentence where the parse hung it elsewhere
    return verb.doc[0].lower_ == "if" or any(c.dep_ == "advcl" and marked_by(c, "if") for c in verb.children)


def owed(verb, lexicon: Lexicon) -> bool:
    """The verb (or, with no subject of its own, the first of the verbs joined to it) follows
    a modal of obligation, and its subject is not the writer."""
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = first_conjunct(verb)  # "should ask and say": one modal for both, not for "…, he told reporters"
    if verb.dep_ == "xcomp" and to_infinitive(verb) and verb.head.dep_ == "acomp":
        verb = verb.head.head  # "They shouldn't be afraid to say “hey”": the modal is the copula's
    if not any(c.dep_ == "aux" and c.lower_ in lexicon.syntax.obligation_modals for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is None or not lexicon.is_first_person(subject.text)


__all__ = ["unrealized", "not_yet", "counterfactual", "owed"]
