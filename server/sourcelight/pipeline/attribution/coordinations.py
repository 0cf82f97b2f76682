"""What a coordination or a list of sources is: the people it names together ("Dana Okafor
and Lee Park said", "Dana Okafor, Tom Reyes and Sarah Collins said", "Two senators, Dana Okafor
and Lee Park, said", "Sam and I wrote"), each of them, so that several are never read as one;
and, of groups, their kind ("labor unions, environmental groups, and many lawmakers")."""
from __future__ import annotations

from dataclasses import replace

from sourcelight.pipeline.attribution.cast import BODIES_KEY, CAST_KEY, PERSON
from sourcelight.pipeline.attribution.deps import coordinated
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.persons import entity_of, whole_name
from sourcelight.pipeline.attribution.phrases import phrase_tokens
from sourcelight.pipeline.attribution.sources import SourceGuess, classify
from sourcelight.pipeline.model import SourceKind

# The recogniser's labels of a member that names someone.
NAMED = ("ORG", "PERSON", "GPE", "NORP")


def people_named(head, first_person=lambda _: False) -> list:
    """'Dana Okafor and Lee Park said': the name of each person a coordination of names
    gives, whole; empty unless every member is a person's name, or the writer's own "I" or
    "we" (``first_person``) beside at least one ("Sam and I wrote")."""
    members = _conjuncts(head)
    people = []
    cast = head.doc.user_data.get(CAST_KEY) or {}
    writers = {m.i for m in members if m.pos_ == "PRON" and first_person(m.text)}
    beside_writer = len(members) > 1 and bool(writers)
    for member in members:
        entity = entity_of(member)
        if beside_writer and member.i in writers:
            people.append(member.doc[member.i:member.i + 1])
        elif beside_writer and member.pos_ == "PROPN" and (entity is None or entity.label_ != PERSON):
            # "Both Sam & I", "@d_okafor & I": one the writer names as a companion is a
            # person, whatever the recogniser took the name for
            start = min([c.i for c in member.children if c.dep_ == "compound"] + [member.i])
            people.append(member.doc[start:member.i + 1])
        elif entity is not None and entity.label_ == PERSON and entity.root.i == member.i:
            people.append(whole_name(member, entity))
        elif member.pos_ == "PROPN" and member.text in cast and not any(c.dep_ == "compound" for c in member.children):
            # (a surname the article named a person by, whatever the recogniser took it for
            # here: "Reyes and Okafor said" after "Tom Reyes" and "Maria Okafor")
            people.append(member.doc[member.i:member.i + 1])
        else:
            return []
    return people if any(p.start not in writers for p in people) else []


def _conjuncts(head) -> list:
    """The head and every phrase coordinated with it, in the text's order ("A, B and C": the
    parse hangs B and C on A, or C on B, or B on A as an apposition with C on B)."""
    listed = [c for c in head.children if c.dep_ != "conj" and _listed_on(c, head)]
    members = {t.i: t for member in [head] + listed for t in coordinated(member)}
    return [members[i] for i in sorted(members)]


def _listed_on(child, head) -> bool:
    """'Dana Okafor, Tom Reyes and Sarah Collins said': the parse took "Tom Reyes" for an
    apposition of Okafor, and hung "Sarah Collins" on it; an apposition is a list's member
    only where a coordination follows it so, before the verb ("Trump … endorsed … Paul Ryan,
    Sen. John McCain, and Sen. Kelly Ayotte" may hang McCain on Trump across the verb)."""
    return child.dep_ == "appos" and head.i < child.i < head.head.i \
        and child.doc[child.left_edge.i - 1].text == "," and any(c.dep_ == "conj" for c in child.children)


def roles_coordinated(head, lexicon: Lexicon) -> list:
    """'The President and the First Lady said': each person a coordination of definite role
    descriptions gives (no name in any), so that the two are never taken for one person named
    before; empty unless every member is such a description."""
    members = _conjuncts(head)
    if len(members) < 2:
        return []
    described = []
    for member in members:
        phrase = member.doc[member.left_edge.i:member.i + 1]
        if not phrase or not lexicon.patterns["definite"].fullmatch(phrase[0].lower_) \
                or any(t.ent_type_ == PERSON for t in phrase) or not lexicon.patterns["person_roles"].search(phrase.text):
            return []
        described.append(phrase)
    return described


def people_listed_beside(head) -> list:
    """'Two senators, Dana Okafor and Lee Park, said': the people the apposition of a plural
    subject names, each whole (empty unless it names more than one and only people)."""
    if head.tag_ != "NNS" or head.dep_ not in ("nsubj", "nsubjpass"):
        return []
    # (before the verb: "The lawyers also pointed to …, Sen. John McCain … and …" hangs the
    # names on the subject across the verb)
    listed = next((c for c in head.children if c.dep_ == "appos" and c.i < head.head.i), None)
    return people_named(listed) if listed is not None else []


__all__ = ["people_named", "people_listed_beside", "roles_coordinated"]


def kind_of_groups(head, tokens: list, guess: SourceGuess, text: str, lexicon: Lexicon) -> SourceGuess:
    """'labor unions, environmental groups, and many Democratic lawmakers claim', 'the
    families, supporters and administration officials said': a coordination of groups one of
    which is vague is a vague group, whatever its last member."""
    members = _conjuncts(head)
    # (not where a member is named: "Facebook and other tech companies" are Facebook's kind)
    if guess.kind not in (SourceKind.ANONYMOUS, SourceKind.ORGANIZATION) or len(members) < 2 \
            or tokens[-1].i < members[-1].i or any(_named_member(m) for m in members):
        return guess
    for member in members:
        own = phrase_tokens(member)
        kind = classify(text, own[0].idx, own[-1].idx + len(own[-1].text), lexicon)
        if kind is not None and kind.kind is SourceKind.VAGUE:
            return replace(guess, kind=SourceKind.VAGUE)
    return guess


def _named_member(member) -> bool:
    """A name ("Facebook", which the tagger may read as a verb opening the sentence): a proper
    noun, a name the recogniser saw, or a capitalised word the article names a body or a
    person by elsewhere."""
    data = member.doc.user_data
    if member.tag_ in ("NN", "NNS"):
        return False  # (a common noun the recogniser ran into a name: "Groups representing …")
    return member.pos_ == "PROPN" or member.ent_type_ in NAMED or (member.text[:1].isupper() and (
        member.text in (data.get(BODIES_KEY) or ()) or member.text in (data.get(CAST_KEY) or {})))
