"""What a relative pronoun or a cleft stands for on the parse: the person "who" means when
the parse hung it on a body or a place ("the president of the Foundation …, who criticizes"),
the body "which" means ("the Illinois Board of Elections, which ruled"), the name a predicate
noun describes ("Trump is a … birther who has pledged"), and the subject a cleft focuses
("It was at the conference that Swanson …")."""
from __future__ import annotations

from sourcelight.pipeline.attribution.cast import BODIES, PERSON
from sourcelight.pipeline.attribution.deps import MAX_CLIMB


def who_means(relative, head):
    """'Matt Duss, the president of the Foundation for Middle East Peace, who criticizes …'
    parsed with "who" on the foundation's name: "who" means a person, up the chain of "of"
    and "for" to the role and the name it describes; and "which" parsed on a date means
    what was dated."""
    if relative.lower_ == "which" and head.ent_type_ in ("DATE", "TIME") and head.dep_ == "pobj":
        # "released her medical records in July, which showed …": no date shows anything;
        # "which" means the object the dated verb acted on
        acted = head.head.head
        return next((c for c in acted.children if c.dep_ == "dobj" and c.i < head.i), head)
    if relative.lower_ in ("who", "which") and head.dep_ == "appos" and head.ent_type_ in ("", "NORP") and (
            head.head.ent_type_ == PERSON or head.head.ent_type_ in BODIES):
        # "Dana Okafor, a ferry captain who says …", "James Lankford, an Oklahoma Republican who
        # warned …", "China and the United States, the world's
        # two biggest polluters, which together vowed …": the ones named
        return head.head
    if relative.lower_ == "which" and head.pos_ == "NOUN":
        body = body_right_before(relative, head)
        if body is not None:
            return body  # "got a favorable decision from the Illinois Board of Elections, which ruled …": the board
    if relative.lower_ == "who":
        subject = described_by_predicate(head)
        if subject is not None:
            return subject  # "Trump … is a serial liar, … and birther who has pledged …": Trump
    if relative.lower_ != "who" or head.ent_type_ not in BODIES or head.ent_type_ == "NORP":
        return head  # "handed the report to Democrats who say …": a people is who says
    current = head
    for _ in range(2 * MAX_CLIMB):
        if current.dep_ not in ("pobj", "prep", "compound") or current.head.i == current.i:
            break
        current = current.head
    if current.pos_ in ("VERB", "AUX"):
        # "placate nervous Republicans in Harbourton, who …" with the place on the verb: the
        # verb's object before it
        current = next((c for c in current.children if c.dep_ == "dobj" and c.i < head.i), head)
    # "nervous Democrats on Capitol Hill, who have argued": a people, not the body they sit in;
    # nor the "to" of "gave arguments to Republicans who say …", where the climb stops on it
    if current.i == head.i or current.pos_ == "ADP" or (current.ent_type_ in BODIES and current.ent_type_ != "NORP"):
        return head
    return current.head if current.dep_ == "appos" else current


def body_right_before(relative, head):
    """The name of a body that ends right before the comma of ", which", inside the phrase of
    the noun the parse hung the clause on: the head of that name ("Board" of "the Illinois
    Board of Elections")."""
    doc = relative.doc
    if relative.i < 2 or doc[relative.i - 1].text != ",":
        return None
    before = doc[relative.i - 2]
    if before.pos_ != "PROPN" or before.ent_type_ not in BODIES or not head.left_edge.i < before.i <= head.right_edge.i:
        return None
    name, current = before, before
    while current.head.i != current.i and current.head.i > head.i and current.head.pos_ in ("PROPN", "ADP"):
        current = current.head
        if current.pos_ == "PROPN":
            name = current
    if relative.head.tag_ == "VBP" and name.tag_ == "NNP" and head.tag_ == "NNS":
        return None  # "the new rules from the Harbour Authority, which say …": the rules
    return name


def cleft_subject(copula):
    """'It was at the conference that Swanson delivered his tirade': the subject of the clause
    a cleft's "that" opens, or None."""
    # the clause on the copula or on its focus ("It was Swanson who", "It was at the conference that")
    focus = [c for c in copula.children if c.dep_ in ("attr", "prep")]
    focus += [g for c in focus if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for clause in [c for head in [copula, *focus] for c in head.children]:
        if clause.dep_ in ("relcl", "ccomp") and clause.i > copula.i and any(
                c.lower_ == "that" and c.dep_ in ("dobj", "mark", "advmod") for c in clause.children):
            subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.lower_ != "that"), None)
            if subject is not None and subject.pos_ in ("PROPN", "PRON", "NOUN"):
                return subject
    return None


def described_by_predicate(noun):
    """The name a predicate noun describes ("Trump is a liar and birther"), or None."""
    if noun.ent_type_ == PERSON:
        return None  # "Trump was out-brutalizing Ted Cruz, who said …": Cruz, a name, not a description
    while noun.dep_ == "conj":
        noun = noun.head
    if noun.dep_ != "attr":
        return None
    verb = noun.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "conj":
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in ("PROPN", "PRON") or subject.lower_ in ("it", "this", "that"):
        return None  # "It was Mr. Manafort who had argued …": the cleft's name, not "it"
    return subject


__all__ = ["who_means", "cleft_subject", "described_by_predicate"]
