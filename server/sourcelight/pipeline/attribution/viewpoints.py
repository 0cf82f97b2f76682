"""'In Bolton's view, …', 'in the words of one senator', 'by his own account': a phrase of
viewpoint names whose claim the sentence is. Which preposition goes with which noun is the
lexicon's syntax.viewpoints ("in view", "in eyes", "by account")."""
from __future__ import annotations

from sourcelight.pipeline.attribution.cue_lemmas import token_lemma
from sourcelight.pipeline.attribution.cues import Finding
from sourcelight.pipeline.attribution.deps import text_of
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.sourcekind import guess_source
from sourcelight.pipeline.model import SourceKind


def viewpoint_cue(token, lexicon: Lexicon) -> Finding | None:
    """The holder of the view a preposition opens: the noun's possessor ("in HIS view") or,
    after "the", its "of" object ("in the eyes of CRITICS"); "by one estimate" is the estimate's.
    Not "in view of the fact", "in full view of the cameras", "by all accounts": no one holds
    those."""
    if token.dep_ != "prep":
        return None
    noun = next((c for c in token.children if c.dep_ == "pobj"), None)
    if noun is None or not {(token.lower_, noun.lower_), (token.lower_, token_lemma(noun, lexicon))} & \
            lexicon.syntax.viewpoints:
        return None
    if any(c.dep_ == "amod" and c.lower_ != "own" for c in noun.children):
        return None  # "saw the same thing in Christie's robotic words": words looked at, not a view
    holder = next((c for c in noun.children if c.dep_ == "poss"), None)
    if holder is None and _unowned_by(token, noun, lexicon):
        # (an estimate, not "by one count" with no document named)
        return _held_by(noun, token.idx, noun.idx + len(noun.text), lexicon, only=SourceKind.DOCUMENT)
    if holder is not None:
        return _held_by(holder, noun.idx, noun.idx + len(noun.text), lexicon)
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == noun.i + 1), None)
    the = [c for c in noun.children if c.dep_ == "det"]
    if of is None or [t.lower_ for t in the] != ["the"]:
        return None
    holder = next((c for c in of.children if c.dep_ == "pobj"), None)
    return _held_by(holder, token.idx, of.idx + len(of.text), lexicon) if holder is not None else None


def _unowned_by(preposition, noun, lexicon: Lexicon) -> bool:
    """'by one estimate', 'by some estimates': a "by" phrase whose noun, counted but owned by no
    one, is itself the source ("by all accounts" is no one's: "all" is not counted)."""
    return preposition.lower_ == "by" and any(
        c.dep_ in ("det", "nummod") and lexicon.patterns["indefinite"].fullmatch(c.lower_) for c in noun.children)


def _held_by(holder, cue_start: int, cue_end: int, lexicon: Lexicon, only: SourceKind | None = None) -> Finding | None:
    """The finding of the view ``holder`` holds, the cue the text from ``cue_start`` to ``cue_end``;
    None where the holder names no source (or none of kind ``only``)."""
    guess = guess_source(holder, lexicon)
    if guess is None or (only is not None and guess.kind is not only):
        return None
    return Finding.of(guess, text_of(holder.doc)[cue_start:cue_end], (cue_start, cue_end))


__all__ = ["viewpoint_cue"]
