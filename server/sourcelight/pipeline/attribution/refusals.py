"""Denial words that deny nothing, on the parse: a denial verb negated ("the Government does
not deny that …") or one whose object is a thing asked for or offered ("rejected the request",
"denied a request to review the settlement", "rebuffed the offer"), which is a refusal. Which
things are the lexicon's syntax.refusals."""
from __future__ import annotations

from dataclasses import replace

from sourcelight.pipeline.attribution.complements import negated
from sourcelight.pipeline.attribution.cue_lemmas import token_lemma
from sourcelight.pipeline.attribution.deps import PASSIVE_SUBJECTS, RELATIVE_PRONOUNS, token_at
from sourcelight.pipeline.attribution.hedges import Flags
from sourcelight.pipeline.attribution.lexicon import Lexicon


def without_refusals(flags: Flags, doc, lexicon: Lexicon) -> Flags:
    """``flags`` less the denial words the parse shows deny nothing."""
    if not flags.denial_spans or lexicon.syntax is None or doc is None:
        return flags
    kept = tuple(span for span in flags.denial_spans if not _denies_nothing(doc, span, lexicon))
    return flags if kept == flags.denial_spans else replace(flags, denial_spans=kept)


def _denies_nothing(doc, span: tuple[int, int], lexicon: Lexicon) -> bool:
    verb = token_at(doc, span[1] - 1)  # (the verb ends the span: "flatly denied")
    if verb is None or verb.pos_ != "VERB":
        return False
    if negated(verb):
        return True
    taken = next((c for c in verb.children if c.dep_ == "dobj" or c.dep_ in PASSIVE_SUBJECTS), None)
    if taken is not None and taken.tag_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        taken = verb.head  # "the request, which the board rejected"
    return taken is not None and token_lemma(taken, lexicon) in lexicon.syntax.refusals


__all__ = ["without_refusals"]
