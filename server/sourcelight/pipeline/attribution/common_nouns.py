"""What a source phrase headed by a common noun the lexicon does not list names: someone
described before ("the billionaire businessman"), a group ("mourners", "half of them"), one
person left unnamed ("a protester", "one student at Duke University"), a body's people ("a
producer for Yahoo Studios") or an outlet's ("a Washington Post columnist").
"""
from __future__ import annotations

from dataclasses import replace

from sourcelight.pipeline.attribution.cast import CAST_KEY, ROLES_KEY
from sourcelight.pipeline.attribution.cue_lemmas import token_lemma
from sourcelight.pipeline.attribution.deps import object_of, text_of
from sourcelight.pipeline.attribution.lexicon import BackReference, Lexicon
from sourcelight.pipeline.attribution.outlets import names_outlet
from sourcelight.pipeline.attribution.sources import SourceGuess, classify
from sourcelight.pipeline.attribution.thing_names import CAPITALISED_WORDS_KEY, LOWERCASE_WORDS_KEY
from sourcelight.pipeline.attribution.unnamed_people import counted_people, person_word
from sourcelight.pipeline.model import SourceKind

# "the billionaire real estate magnate says": a definite description of the person named last
# (of whatever role: unlike "the mayor", its words need not be in the name), never of a body.
DESCRIPTION_REFERENCE = BackReference((SourceKind.NAMED_PERSON,), SourceKind.VAGUE)
# "the architect says": the one person the article gave that role (cast.role_holders), whose
# name need not hold the word.
ROLE_REFERENCE = BackReference((SourceKind.NAMED_PERSON,), SourceKind.VAGUE)
# "said the 46-year-old": a person described by what they are, not by a role another person
# may hold ("the moderator" after "Trump was asked …" is not Trump), so where no one spoke
# before, the one person the sentence before names.
ATTRIBUTE_REFERENCE = BackReference((SourceKind.NAMED_PERSON,), SourceKind.VAGUE)


def unlisted_noun(head, tokens, start: int, end: int, lexicon: Lexicon) -> SourceGuess | None:
    """A common noun the lexicon does not list: a definite singular describes someone named
    before if it describes a person at all ("the billionaire businessman", not "the health
    care page"); a number, a share or a plural is a group; a body named inside makes it that
    body's ('a producer for Yahoo Studios')."""
    text = text_of(head.doc)[start:end]
    # (or the phrase's first word, where the parse hung it outside the phrase: "the bearded
    # businessman laughs" read with "laughs" as a noun)
    inside = {t.i for t in tokens}
    determiner = next((t for t in tokens if t.dep_ == "det" and (
        t.head.i == head.i or (t.i == tokens[0].i and t.head.i not in inside))), None)
    if head.tag_ == "JJ" and determiner is not None and determiner.lower_ == "the":
        return SourceGuess(SourceKind.VAGUE, text, start, end, ATTRIBUTE_REFERENCE)  # "said the 46-year-old"
    if lexicon.syntax is not None and head.lower_ in lexicon.syntax.quantities:
        return _share_of_group(head, text, start, end, lexicon)
    if head.pos_ not in ("NOUN", "NUM"):
        return None
    # A share or a crowd is a group wherever it is from ("Half of Vermont Democrats"); one
    # person with a body named inside speaks for it ("a producer for Yahoo Studios"); a
    # nationality or party names no body ("Republican primary voters" are a group).
    described = (head.tag_ == "NN" and determiner is not None and determiner.lower_ in ("the", "this", "that")
                 and not any((t.pos_ == "NUM" and t.ent_type_ not in ("DATE", "TIME")) or t.ent_type_ in ("PERCENT", "CARDINAL")
                             for t in tokens))  # (a date is no count: "the nominee for the Nov. 8 election")
    person = person_word(token_lemma(head, lexicon), lexicon) or any(
        c.dep_ == "amod" and c.lower_ in lexicon.syntax.past_role_modifiers for c in head.children)
    # A person is from a place, not its government ("an exchange student in Montana").
    bodies = [t for t in tokens if t.i != head.i and (t.ent_type_ == "ORG" or (t.ent_type_ == "GPE" and not person))]
    # (a body named before a person's description is whose the person is, not who speaks: "a
    # Trump supporter", "a Sanders voter")
    before_only = all(t.i < head.i for t in bodies)
    if bodies and not described and lexicon.patterns["media_roles"].fullmatch(head.lower_) and names_outlet(text, lexicon):
        return SourceGuess(SourceKind.MEDIA, text, start, end)  # "a Washington Post columnist": the outlet's
    if person and bodies and _one_placed_at_body(head, determiner, bodies, lexicon):
        return SourceGuess(SourceKind.ANONYMOUS, text, start, end)
    if not group_head(head) and bodies and not ((described or person) and before_only):
        return SourceGuess(SourceKind.ORGANIZATION, text, start, end)
    if described and head.lower_ in (head.doc.user_data.get(ROLES_KEY) or {}):
        # "the architect says", "the Washington Post columnist said" where the article gave
        # one person that role ("Phoenix architect Marwan Al-Sayed"): that person
        return SourceGuess(SourceKind.VAGUE, text, start, end, ROLE_REFERENCE)
    if described and bodies and token_lemma(head, lexicon) in lexicon.syntax.company_nouns and all(
            _names_the_head(b, head) for b in bodies if b.dep_ != "det"):
        return SourceGuess(SourceKind.ORGANIZATION, text, start, end)  # "the Standing Rock Sioux tribe": that body
    if described and bodies:
        # "the GOP presidential front-runner", "the NeverTrump faction": described, not the
        # party, and not taken for whoever was named last
        return SourceGuess(SourceKind.VAGUE, text, start, end)
    if described:
        return SourceGuess(SourceKind.VAGUE, text, start, end, DESCRIPTION_REFERENCE if person else None)
    if person and head.tag_ == "NN" and _one_counted(head, determiner, lexicon):
        return SourceGuess(SourceKind.ANONYMOUS, text, start, end)  # "a protester said", "one nurse": left unnamed
    if counted_people(head, lexicon):
        return SourceGuess(SourceKind.ANONYMOUS, text, start, end)
    if head.tag_ == "NN" and determiner is None and any(
            c.dep_ in ("poss", "nmod") and c.pos_ == "NOUN" and any(g.tag_ == "POS" for g in c.children)
            for c in head.children):
        return SourceGuess(SourceKind.VAGUE, text, start, end)  # "says the ad's narrator": someone new
    if head.tag_ in ("NNS", "CD") or head.ent_type_ in ("PERCENT", "CARDINAL") or any(
            t.ent_type_ in ("PERCENT", "CARDINAL") for t in tokens):
        return SourceGuess(SourceKind.VAGUE, text, start, end)
    return None


def _names_the_head(name, head) -> bool:
    """The name is a compound on the head, or on a compound of it: the body's own name ("the
    Standing Rock Sioux tribe")."""
    while name.dep_ == "compound" and name.head.i != name.i:
        name = name.head
        if name.i == head.i:
            return True
    return False


def _one_placed_at_body(head, determiner, bodies, lexicon: Lexicon) -> bool:
    """'One student at Duke University', 'a nurse at St. Mary's', 'two students from
    Wesleyan': people the article counts out and places at a body, where they study or
    work, but leaves unnamed; they speak for no one but themselves (unlike 'a producer for
    Yahoo Studios', who works for it, or 'researchers at IBM', its staff)."""
    counted = _one_counted(head, determiner, lexicon) if head.tag_ == "NN" else counted_people(head, lexicon)
    if not counted:
        return False
    places = [c for c in head.children if c.dep_ == "prep" and c.lower_ in lexicon.syntax.affiliation_prepositions]
    return all(any(p.left_edge.i <= b.i <= p.right_edge.i for p in places) for b in bodies)


def _one_counted(head, determiner, lexicon: Lexicon) -> bool:
    """'a protester', 'one nurse': one person counted out, with the indefinite article or "one"."""
    if determiner is not None:
        return bool(lexicon.patterns["indefinite"].fullmatch(determiner.lower_))
    return any(c.dep_ == "nummod" and lexicon.patterns["indefinite"].fullmatch(c.lower_) for c in head.children)


def _share_of_group(head, text: str, start: int, end: int, lexicon: Lexicon) -> SourceGuess | None:
    """ "most of them said", "all of the GOP candidates have pledged", "all agreed", whatever
    the tag; not "All of a sudden, voters saw" nor "All told, the group raised"."""
    whole = object_of(head, "of")
    if whole is not None and any(d.dep_ == "det" and lexicon.patterns["indefinite"].fullmatch(d.lower_)
                                 for d in whole.children):
        return None
    if head.tag_ == "DT" and head.head.dep_ in ("advcl", "parataxis") and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return None
    return SourceGuess(SourceKind.VAGUE, text, start, end)


def opening_capital(guess: SourceGuess | None, tokens, start: int, end: int,
                    lexicon: Lexicon) -> SourceGuess | None:
    """The source a phrase opening the sentence names as the same words inside one: a common
    noun with a capital only because it opens the sentence ("Companies expect that …", a vague
    group like "companies"); a lone word the tagger read as a name, but which the article writes
    in lower case elsewhere and no one in it is called ("Society may choose to believe …",
    "Tourism plays a role …, supporting …") and never with a capital inside a sentence (as
    "Uber", whatever "uber" a link writes), names no one unless its lower-case form does."""
    opening = tokens[0]
    doc = opening.doc
    if guess is None or opening.i != 0 or opening.ent_type_ or not opening.text[:1].isupper() \
            or opening.text in (doc.user_data.get(CAST_KEY) or {}):
        return guess
    common = opening.tag_ in ("NN", "NNS")
    named_as_common = opening.tag_ in ("NNP", "NN") and len(tokens) == 1 \
        and opening.lower_ in (doc.user_data.get(LOWERCASE_WORDS_KEY) or ()) \
        and opening.text not in (doc.user_data.get(CAPITALISED_WORDS_KEY) or ())
    if not (common or named_as_common):
        return guess
    written = text_of(doc)[start:end]
    lowered = classify(written[:1].lower() + written[1:], 0, end - start, lexicon)
    if lowered is None:
        return None if named_as_common else guess
    if lowered.kind is not guess.kind and lowered.back_reference is None:
        return replace(guess, kind=lowered.kind)
    return guess


def group_head(head) -> bool:
    """A share or a crowd ("Nine in 10 …", "half of …", "mourners"), not a name that looks
    plural to the tagger ("Sanders")."""
    if head.tag_ == "CD" or head.ent_type_ in ("PERCENT", "CARDINAL"):
        return True
    cast = head.doc.user_data.get(CAST_KEY) or {}
    return head.tag_ == "NNS" and not head.ent_type_ and head.text not in cast


__all__ = ["ATTRIBUTE_REFERENCE", "DESCRIPTION_REFERENCE", "ROLE_REFERENCE", "unlisted_noun", "group_head"]
