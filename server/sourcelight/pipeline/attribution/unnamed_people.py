"""Common nouns for people an article leaves unnamed: whether a noun is one for a person
("protester", "cryptographer"), and whether a phrase counts a few of them out ("one of the
nurses", "Two Clinton donors"), which makes them unnamed people rather than a group."""
from __future__ import annotations

from sourcelight.pipeline.attribution.cue_lemmas import token_lemma
from sourcelight.pipeline.attribution.deps import object_of
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.person_signs import PERSON_ROLE_KEYS, is_person_role
from sourcelight.pipeline.attribution.sources import classify


def counted_people(head, lexicon: Lexicon) -> bool:
    """'one of the nurses said', 'two of the engineers present', 'Two Clinton donors': a few
    people the article counts out and leaves unnamed (a share, "most of them" or "one or more
    of its members", or a crowd, "500 residents", is a group)."""
    if head.tag_ == "NNS":
        people = head
        # (not "the two voters", known already, nor "at least four senators", a count)
        counted = not any(c.dep_ in ("det", "predet", "poss") for c in head.children) and any(
            c.dep_ == "nummod" and c.ent_type_ == "CARDINAL" and not any(c.children)
            and lexicon.patterns["indefinite"].fullmatch(c.lower_) for c in head.children)
    else:
        people = object_of(head, "of")
        counted = head.tag_ == "CD" and head.ent_type_ == "CARDINAL" and people is not None and people.tag_ == "NNS" \
            and not any(c.dep_ == "conj" for c in head.children) and any(
            d.dep_ == "poss" or (d.dep_ == "det" and lexicon.is_determiner(d.lower_)) for d in people.children)
    return counted and (person_word(token_lemma(people, lexicon), lexicon) or any(
        lexicon.patterns[key].fullmatch(token_lemma(people, lexicon)) for key in PERSON_ROLE_KEYS))


def people_gathered(head, lexicon: Lexicon) -> bool:
    """'One group of researchers found', 'a team of scientists', 'a coalition of advocates': a
    body no one names, made of people the phrase names only by what they are, is a vague group
    (not "the group", named before, nor "a group of Sierra Club members")."""
    if head.pos_ != "NOUN" or not any(
            (c.dep_ == "det" or (c.dep_ == "nummod" and c.ent_type_ == "CARDINAL"))
            and lexicon.patterns["indefinite"].fullmatch(c.lower_) for c in head.children):
        return False
    people = object_of(head, "of")
    # (not one that names bodies among them: "… advocates, including Public Citizen, Sierra Club")
    return people is not None and people.tag_ == "NNS" and not any(
        t.ent_type_ == "ORG" or (t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "LOC", "NORP"))
        for t in head.subtree) and person_word(token_lemma(people, lexicon), lexicon)


def person_word(lemma: str, lexicon: Lexicon) -> bool:
    """'protester', 'cryptographer': a noun for a person, listed or by its ending."""
    return lemma in lexicon.syntax.person_descriptions or lemma.endswith(lexicon.syntax.person_suffixes)


def a_thing(head, lexicon: Lexicon) -> bool:
    """'The camera …', 'The name refers to …', 'the server responds': one definite thing (or
    several things) the lexicon lists neither as a person nor as a body, an outlet or a
    document (those are known before this is asked), with no name in it, and no one a
    description could mean."""
    determiner = next((c for c in head.children if c.dep_ == "det"), None)
    if head.left_edge.i > 0 and head.doc[head.left_edge.i - 1].pos_ == "PROPN":
        return False  # "Obama the realist knows …": a name's description
    if any(t.pos_ == "PROPN" or t.ent_type_ for t in head.subtree) or person_word(token_lemma(head, lexicon), lexicon) \
            or is_person_role(head, lexicon):
        return False
    if head.tag_ == "NNS":
        return _things(head, lexicon)
    return head.tag_ == "NN" and determiner is not None and lexicon.patterns["definite"].fullmatch(determiner.lower_)


def _things(head, lexicon: Lexicon) -> bool:
    """'These economic scenarios suggest …', 'Leaks suggest …', 'murals that told of …': a
    plural noun no list knows as people, a body, an outlet or a document, not shaped as a
    doer's ("elders", "proponents" may be people the lists miss), and no gathering of others
    ("crowds of protesters", "majorities of voters")."""
    lemma = token_lemma(head, lexicon)
    gathers = object_of(head, "of")
    # (lower-cased: a capital opening the sentence makes no name of "Leaks")
    return not lemma.endswith(lexicon.syntax.agent_endings) and lemma not in lexicon.syntax.company_nouns \
        and not (gathers is not None and gathers.tag_ in ("NNS", "NNPS")) \
        and classify(head.lower_, 0, len(head.lower_), lexicon) is None


__all__ = ["counted_people", "person_word", "a_thing"]
