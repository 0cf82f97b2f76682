"""Whether the words around a name, or the article's other mentions of it, make a source a
body's rather than a person's: a description set off before the body's name ("The developer,
Harbor Point Partners"), a common noun for a body right before it ("whale rescue group Project
Jonah"), an owner ("the mayor's office"), the names the recogniser took for bodies, or an "its"
in the name's own clause ("Vidyard announced updates to its video platform"), or a group placed
in a named body ("researchers at IBM")."""
from __future__ import annotations

from sourcelight.pipeline.attribution.cast import BODIES_KEY, CAST_KEY
from sourcelight.pipeline.attribution.companies import listed_body
from sourcelight.pipeline.attribution.person_signs import is_person_role
from sourcelight.pipeline.attribution.cue_lemmas import token_lemma
from sourcelight.pipeline.attribution.deps import HYPHENS, text_of
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.persons import entity_of, thing_opening_a_name, thing_pronoun_after, whole_name
from sourcelight.pipeline.attribution.phrases import phrase_tokens
from sourcelight.pipeline.attribution.sources import classify
from sourcelight.pipeline.attribution.thing_names import THING_NAMES_KEY
from sourcelight.pipeline.model import SourceKind


def body_in_apposition(head, lexicon: Lexicon):
    """'The developer, Harbor Point Partners, did not respond': a description, then the
    name of the organization it describes, which is the source (so is the firm after a place
    it is based in: "Modena, Italy-based IK Multimedia")."""
    if head.pos_ == "PROPN" and head.ent_type_ == "GPE":
        return _based_in(head)
    if head.pos_ != "NOUN" or is_person_role(head, lexicon):  # "Schilling's son, Grant": a person
        return None
    cast = head.doc.user_data.get(CAST_KEY) or {}
    for child in head.children:
        # Set off by a comma: "his nephew Michery el Soheil" is a person's name.
        set_off = child.i > head.i + 1 and head.doc[head.i + 1].text == ","
        entity = entity_of(child) if child.dep_ == "appos" and child.pos_ == "PROPN" and set_off else None
        if entity is not None and entity.label_ == "ORG" and not any(w in cast for w in entity.text.split()):
            return entity
    return None


def _based_in(place):
    """'Modena, Italy-based tech firm IK Multimedia hopes …' parsed with the city as the
    subject and the firm set beside it: the firm's name, which the "-based" describes."""
    doc = place.doc
    for child in place.children:
        if child.dep_ != "appos" or child.pos_ != "PROPN" or place.i + 1 >= len(doc) or doc[place.i + 1].text != ",":
            continue
        if any(t.dep_ == "amod" and t.lower_ == "based" and t.i > 0 and doc[t.i - 1].text in HYPHENS
               for t in child.subtree):
            return whole_name(child, doc[child.i:child.i + 1])
    return None


def body_word_before(name, tokens, lexicon: Lexicon) -> bool:
    """The word right before the name is a common noun for a body that the name is the name
    of ("according to whale rescue group Project Jonah", a name the recogniser took for a
    person's)."""
    doc = name.doc
    before = doc[name.start - 1] if name.start > tokens[0].i else None
    # (the tagger reads "firm" of "data analysis firm 1010data" as the adjective)
    if before is None or before.pos_ not in ("NOUN", "ADJ") or not before.text.islower() \
            or not name.start <= before.head.i < name.end:
        return False
    if before.pos_ == "ADJ":  # (only a word the lists know for a body: not "anchor" of "Co-anchor Norah O’Donnell")
        word = classify(before.text, 0, len(before.text), lexicon)
        if word is None or word.kind is not SourceKind.ORGANIZATION:
            return False
    first = before.i  # the description's words: "whale rescue group"
    while first > tokens[0].i and doc[first - 1].dep_ in ("compound", "amod") \
            and doc[first - 1].head.i in range(first, name.end):
        first -= 1
    alone = classify(text_of(doc), doc[first].idx, before.idx + len(before.text), lexicon)
    return alone is not None and alone.kind is SourceKind.ORGANIZATION and alone.back_reference is None


def possessed_body(head, lexicon: Lexicon) -> SourceKind | None:
    """'The mayor's office', 'the senator's campaign': the head names the body; the person
    in front only owns it."""
    if head.pos_ != "NOUN" or not any(c.dep_ == "poss" for c in head.children):
        return None
    alone = classify(head.text, 0, len(head.text), lexicon)
    if alone is not None and alone.kind is SourceKind.ORGANIZATION and alone.back_reference is None:
        return SourceKind.ORGANIZATION
    return None


def body_named(head, tokens, lexicon: Lexicon) -> SourceKind | None:
    """A name the parse cannot place that the article shows is a body: "Scope, a charity,
    said", a word of an organization named elsewhere and of no person ("Acme said"), or a
    name its sentence refers back to as a thing's."""
    for child in head.children:
        if child.dep_ == "appos" and not is_person_role(child, lexicon):  # "Lee, a Tinder spokeswoman" is a person
            described = phrase_tokens(child)
            guess = classify(text_of(head.doc), described[0].idx, described[-1].idx + len(described[-1].text), lexicon)
            if guess is not None and guess.kind in (SourceKind.ORGANIZATION, SourceKind.MEDIA):
                return guess.kind
    people = head.doc.user_data.get(CAST_KEY) or {}
    bodies = head.doc.user_data.get(BODIES_KEY) or frozenset()
    written = one_word(tokens)  # (one word, or a hyphened one the tokenizer split: "M-Pesa")
    # (a name the tagger took for a common noun too, where the article's own words show it
    # is a body's: "one Zentrix customer … Zentrix is hoping …"; thing_names)
    if written is not None and written in bodies and (
            written not in people or thing_opening_a_name(written, head.doc)) and (
            head.pos_ == "PROPN" or written in (head.doc.user_data.get(THING_NAMES_KEY) or frozenset())):
        return SourceKind.ORGANIZATION
    if head.pos_ == "PROPN" and head.text not in people and any(c.lower_ == "the" for c in head.children):
        return SourceKind.ORGANIZATION  # a name with an article is no person's: "The General Staff said"
    if len(tokens) == 1 and head.pos_ == "PROPN" and head.text not in people and not head.ent_type_ \
            and thing_pronoun_after(head, lexicon):
        return SourceKind.ORGANIZATION  # "Vidyard announced updates to its video platform"
    return None


def one_word(tokens) -> str | None:
    """The phrase's text where it is one word ("Uber", "M-Pesa"), else None."""
    written = text_of(tokens[0].doc)[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]
    return written if written and not any(c.isspace() for c in written) else None


def staff_of_body(head, lexicon: Lexicon) -> bool:
    """'Researchers at IBM found', 'IBM researchers found', 'experts from the National Oceanic
    and Atmospheric Administration estimated': a group the sentence places in a named body
    (after one of the lexicon's syntax.affiliation_prepositions, or with the body's name right
    before a noun of syntax.staff_nouns) speaks for that body, no vague crowd (but "critics of
    the plan", "residents from Kyiv" and "scientists at the lab" are no body's, nor, as owners
    name no one's employer, "the Anglosphere’s advocates")."""
    if head.tag_ != "NNS":
        return False
    for child in head.children:
        if child.dep_ == "compound" and child.i == head.i - 1 \
                and token_lemma(head, lexicon) in lexicon.syntax.staff_nouns:
            body = child  # "IBM researchers" (not "Apple investors", "Carrier workers": no one's staff)
        elif child.dep_ == "prep" and child.lower_ in lexicon.syntax.affiliation_prepositions:
            body = next((c for c in child.children if c.dep_ == "pobj"), None)
        else:
            continue
        if body is None or body.pos_ != "PROPN":
            continue
        entity = entity_of(body)
        if body.text in (head.doc.user_data.get(CAST_KEY) or {}):
            continue  # "volunteers with Lee Park": a person's, whatever the recogniser said
        named = text_of(head.doc)[body.left_edge.idx:body.idx + len(body.text)]
        if (entity is not None and entity.label_ not in ("ORG", "PERSON")) \
                or lexicon.patterns["metonyms"].fullmatch(named) or lexicon.patterns["metonyms"].fullmatch(body.text):
            continue  # "residents from Kyiv", "fans at the Super Bowl": a place's or an event's people
        if (entity is not None and entity.label_ == "ORG") or listed_body(named, lexicon):
            return True  # (the lists know "Zentrix Labs", whatever the recogniser said)
    return False


__all__ = ["body_in_apposition", "body_word_before", "possessed_body", "body_named", "staff_of_body"]
