"""Speakers the parse put somewhere other than the cue verb's subject: the name between a
quote and its verb ("“…,” Flynn, a top Trump surrogate, said"), the name after the last comma
before a closing verb ("…, Dana Rubinstein at POLITICO New York reports"), the outlet a
closing verb took for its object ("…, reported the Washington Examiner."), the document a
subjectless participle cites ("As stated in Davis' commentary, …"), and the name after a said
form opening the line, which the parser ran into one name ("Added Maria Okafor, “…”")."""
from __future__ import annotations

from sourcelight.pipeline.attribution.cue_lemmas import inverted_tag
from sourcelight.pipeline.attribution.cues import Finding
from sourcelight.pipeline.attribution.deps import SUBJECTS, possessor, without_and
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.quotes import MASK
from sourcelight.pipeline.attribution.outlet_names import media_of
from sourcelight.pipeline.attribution.sourcekind import guess_source
from sourcelight.pipeline.model import SourceKind


def name_after_quote(verb, masked: str):
    """'“…,” Flynn, a top Trump surrogate, said Thursday on “Fox and Friends.”': the name
    between the quote and its verb, where the parser took a quoted title for the subject."""
    start = verb.i
    while start > 0 and masked[verb.doc[start - 1].idx] != MASK:
        start -= 1
    if start == 0 or verb.dep_ not in ("ROOT", "conj", "parataxis") or any(
            t.pos_ == "AUX" for t in verb.doc[start:verb.i]):
        return None  # a tag closing the quote, not "… Tyson was not asked to speak"
    first = next((t for t in verb.doc[start:verb.i] if not t.is_punct), None)
    name = _whole_name(first, start, verb.i) if first is not None else None
    return name if name is not None and name.pos_ in ("PROPN", "PRON") else None


def tag_opening_quote(doc, masked: str, lexicon: Lexicon) -> Finding | None:
    """'Added Maria Okafor, “…”', 'Replied Stephen, with some delicacy, “…”': a said form of a
    speech verb opening the line, then a person's name and a comma, then a quote: the name
    speaks (the parser reads the verb as the first word of the name)."""
    if len(doc) < 4 or not inverted_tag(doc[0], lexicon) or doc[0].lower_.endswith("ing") or MASK not in masked:
        return None  # (not a participle: "Citing John Locke, she recommended …")
    comma = next((t for t in doc[2:] if t.text == ","), None)
    if comma is None or masked.find(MASK) < comma.idx:
        return None  # the quote comes after the name
    person = next((e for e in doc.ents if e.label_ == "PERSON" and e.start <= 1 and e.end == comma.i), None)
    if person is None:
        return None
    name = doc[1:person.end]
    start, end = name[0].idx, name[-1].idx + len(name[-1].text)
    return Finding(SourceKind.NAMED_PERSON, name.text, (start, end), doc[0].text, (doc[0].idx, doc[0].idx + len(doc[0].text)))


def _whole_name(first, start: int, end: int):
    """The head of the name ``first`` begins, within [start, end): "Mr. Daniloff", "Dana Okafor"."""
    while first.dep_ == "compound" and start <= first.head.i < end:
        first = first.head
    return first


def name_closing(verb, subject):
    """'$43 million—the amount … to lower Manhattan, Dana Rubinstein at POLITICO New York
    reports': a name between the last comma and a verb closing the sentence is its subject,
    where the parse took a noun before the comma for it."""
    if subject.i >= verb.i:
        return None
    comma = next((t.i for t in reversed(verb.doc[subject.i + 1:verb.i]) if t.text == ","), None)
    if comma is not None and comma + 1 == verb.i:
        return _described_before(verb.doc, comma, subject)
    if comma is None or any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp") and c.i > verb.i
                            for c in verb.children):
        return None
    span = verb.doc[comma + 1:verb.i]
    if span[0].pos_ != "PROPN" or any(t.pos_ in ("VERB", "AUX") or t.text == "," or t.dep_ == "cc" for t in span):
        return None  # not a list ("Voters in Ohio, Pennsylvania and Florida said")
    name = _whole_name(span[0], span.start, verb.i)
    return name if name.pos_ == "PROPN" and name.dep_ != "conj" else None


def _described_before(doc, comma: int, subject):
    """'…, the source, who said he had spoken to people inside, told Reuters': the noun whose
    clause, set off by commas, ends right before the verb."""
    last = doc[comma - 1]
    clause = next((a for a in [last, *last.ancestors] if a.dep_ == "relcl"), None)
    if clause is None or clause.right_edge.i != comma - 1 or clause.head.pos_ not in ("NOUN", "PROPN"):
        return None
    noun = clause.head
    described = noun
    while described.dep_ == "appos" and described.head.i != described.i:
        described = described.head  # "Shane Shook, a security expert who …, said": Shook's description
    opened = noun.left_edge.i
    return noun if described.i != subject.i and noun.i > subject.i and opened > 0 and doc[opened - 1].text == "," \
        else None


def stated_in(verb, lexicon: Lexicon):
    """'As stated in Davis' commentary, there are …', 'as noted in the report, …': a
    participle set off with no subject, stated in a document or an outlet, tells what that
    says (not "failed as predicted": nobody)."""
    if verb.tag_ != "VBN" or verb.dep_ != "advcl" or not any(c.dep_ == "mark" for c in verb.children) or any(
            c.dep_ in SUBJECTS or c.dep_ in ("aux", "auxpass", "agent") for c in verb.children):
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        stated = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if stated is None:
            continue
        guess = guess_source(stated, lexicon)
        if guess is not None and guess.kind in (SourceKind.DOCUMENT, SourceKind.MEDIA):
            return stated
        owner = possessor(stated)
        owned = guess_source(owner, lexicon) if owner is not None else None
        if owned is not None and owned.kind in (SourceKind.NAMED_PERSON, SourceKind.ORGANIZATION, SourceKind.MEDIA):
            return owner  # "As stated in Davis' commentary": Davis
    return None


def outlet_closing(verb, lexicon: Lexicon):
    """'Cecile Richards noted that …, reported the Washington Examiner.' parsed as a second
    verb of Richards's (or a clause of hers, or an adverbial one) with the outlet for its
    object: a verb joined by a comma alone (no "and") whose object, an outlet, closes the
    sentence is the outlet reporting. Only for a verb an outlet reports with
    (``syntax.findings``, which the caller checks): not "Trump attacked Clinton, praised Fox News"."""
    doc = verb.doc
    if verb.dep_ not in ("conj", "ccomp", "advcl") or verb.i == 0 or doc[verb.i - 1].text != "," \
            or not without_and(verb) or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    # (or the parse's adverbial noun: "…, reported MSNBC.")
    objects = [c for c in verb.children if c.dep_ in ("dobj", "npadvmod")]
    if len(objects) != 1 or objects[0].pos_ != "PROPN" or any(
            not t.is_punct for t in doc[objects[0].right_edge.i + 1:]):
        return None
    return objects[0] if media_of(objects[0], lexicon) else None


__all__ = ["name_after_quote", "name_closing", "outlet_closing", "stated_in"]
