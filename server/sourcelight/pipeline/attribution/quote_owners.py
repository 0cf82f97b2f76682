"""Whose words a quote in the sentence is: a cue verb that needs a clause or a quote has none
of its own when the only quote is told by another speaking verb, after it ("footage of Trump
saying, “…”") or in a phrase beside it ("under what Mr. Hedge called “…”")."""
from __future__ import annotations

import re

from sourcelight.pipeline.attribution.complements import CLAUSE_DEPS
from sourcelight.pipeline.attribution.cue_lemmas import hyphen_compound, token_lemma
from sourcelight.pipeline.attribution.deps import SUBJECTS
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.quotes import MASK


def quote_told_below(verb, masked: str, lexicon: Lexicon) -> bool:
    """'The spot concludes with footage of Trump saying during the debate, “…”': the verb's
    only words are a quote after it that another speaking verb comes before, and so tells."""
    if MASK not in masked[verb.idx:] or MASK in masked[:verb.idx]:
        return False
    if any(c.dep_ in ("dobj", "oprd", "xcomp", "advcl") for c in verb.children):
        return False  # words of its own ("asked the crowd to welcome …")
    clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS]
    if not clauses or any(masked[c.idx] != MASK and masked[c.left_edge.idx] != MASK for c in clauses):
        return False  # ("But, Carson added, he did not support issuing quarantines “willy-nilly.”")
    quote = masked.find(MASK, verb.idx)
    return any(verb.i < t.i and t.idx < quote and t.tag_.startswith("VB") and t.dep_ not in ("amod", "compound")
               and not hyphen_compound(t, lexicon) and token_lemma(t, lexicon) in lexicon.syntax.speech
               for t in verb.doc)  # (not "so-called")


def quote_in_adjunct(verb, masked: str, lexicon: Lexicon) -> bool:
    """'Under what Mr. Hedge called “the prior economy model,” the club charged a fee': every
    quoted word sits in a phrase beside the verb or in its subject, where another speaking
    verb tells it or the subject is a thing, so none is the verb's own."""
    quoted = _quoted_words(verb.doc, masked)
    tellers = [t for c in verb.children if c.dep_ in ("prep", "npadvmod") or c.dep_ in SUBJECTS
               for t in c.subtree if t.tag_.startswith("VB") and token_lemma(t, lexicon) in lexicon.syntax.speech]
    # (a thing as subject holds its own words: "the team's request to “provide a list …” casts a shroud")
    tellers += [c for c in verb.children if c.dep_ in SUBJECTS and c.pos_ == "NOUN" and c.i < verb.i]
    return bool(quoted) and all(any(v.left_edge.i <= t.i <= v.right_edge.i for v in tellers) for t in quoted)


def makes_a_work(verb, lexicon: Lexicon) -> bool:
    """'write his books', 'wrote a song': a verb whose object is a work (syntax.work_nouns)
    makes that work; it says no words of the sentence unless they stand beside it ("his series
    of tweets" is a number of things, no work)."""
    return any(c.dep_ == "dobj" and token_lemma(c, lexicon) in lexicon.syntax.work_nouns
               and not any(g.dep_ == "prep" and g.lower_ == "of" for g in c.children) for c in verb.children)


def quote_names_a_thing(verb, masked: str) -> bool:
    """'We've added a “continuity” control for cliffs': every quote is one word modifying a
    noun in the verb's object, a term set off, not words the subject says (for a verb with a
    sense other than saying; "reaffirmed the “ironclad” nature of the alliance" says it)."""
    quoted = _quoted_words(verb.doc, masked)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(quoted) and all(
        " " not in t.text and t.dep_ in ("amod", "compound", "nmod") and t.head.pos_ in ("NOUN", "PROPN")
        and masked[t.head.idx] != MASK and any(o.left_edge.i <= t.i <= o.right_edge.i for o in objects)
        for t in quoted) and len({t.i for t in quoted}) == sum(1 for _ in re.finditer(f"{MASK}+", masked))


def _quoted_words(doc, masked: str) -> list:
    """The sentence's tokens inside a quote, its marks left out."""
    return [t for t in doc if masked[t.idx] == MASK and not t.is_punct]
