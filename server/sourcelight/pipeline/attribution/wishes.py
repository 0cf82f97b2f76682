"""Wishes and motives the sentence narrates, not views it reports: a wish in a clause on a
noun or of manner says who or what that is ("apartment dwellers that want to avoid wires",
"as much video as they want"), and a participle of fear or thought opening the sentence gives
its subject a motive ("Fearing that …, the Nats let Span leave"). Which verbs are the
lexicon's syntax.wishes and syntax.motives; syntax.py asks."""
from __future__ import annotations

from sourcelight.pipeline.attribution.deps import RELATIVE_PRONOUNS, SUBJECTS
from sourcelight.pipeline.attribution.lexicon import Lexicon


def opening_motive(verb) -> bool:
    """'Fearing that …, the Nats let Span leave', 'Thinking I could fix things …, I made a
    discovery': a participle that opens the sentence, with no subject or subordinator of its
    own, before the main verb."""
    first = next((t for t in verb.doc if not t.is_punct), None)
    return verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.i < verb.head.i and first is not None \
        and verb.left_edge.i <= first.i and not any(c.dep_ in SUBJECTS or c.dep_ == "mark" for c in verb.children)


def wish_that_describes(verb, lexicon: Lexicon) -> bool:
    """'apartment dwellers that want to avoid wires', 'the packages we want to install', 'as
    much video as they want', 'wherever he wanted it to': a wish in a clause on a noun or of
    manner, held by no one it names, tells who or what that is; it is no view the sentence
    reports (but "topics Clinton wants to talk about" and "the policy points he hopes to see"
    tell that person's, "…, as some liberals hope, …" set off is theirs, and "Democrats, who
    hope that the vote …" hold one: a finite clause of its own)."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if any(c.dep_ == "ccomp" and _finite(c) for c in verb.children):
        return False  # "the reason he hopes Americans consider moving there", "which he hoped would spark …"
    if verb.dep_ in ("relcl", "acl"):
        holder = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if holder is None or holder.tag_ in RELATIVE_PRONOUNS:
            holder = verb.head  # "dwellers that want …": the ones the clause describes
    elif verb.dep_ == "advcl" and any((c.dep_ == "mark" and c.lower_ == "as" and not _comma_before(c)) or (
            c.tag_ == "WRB" and c.lower_.endswith("ever")) for c in verb.children):
        holder = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    else:
        return False
    clause = {t.i for t in verb.subtree} if holder is not None and holder.i == verb.head.i else set()
    # (a name, or "he", "his campaign": someone the article names)
    return holder is None or not any(t.pos_ == "PROPN" or t.lower_ in lexicon.pronoun_genders
                                     for t in holder.subtree if t.i not in clause)


def _finite(clause) -> bool:
    """A clause with a verb of its own: a subject (not the relative pronoun of the clause
    around it) or a tense ('would spark')."""
    return clause.tag_ in ("VBD", "VBZ", "VBP") or any(
        (c.dep_ in SUBJECTS and c.tag_ not in RELATIVE_PRONOUNS) or c.tag_ == "MD" for c in clause.children)


def _comma_before(word) -> bool:
    """A comma right before the word: '…, as some liberals hope, …'."""
    return word.i > 0 and word.doc[word.i - 1].text == ","


__all__ = ["opening_motive", "wish_that_describes"]
