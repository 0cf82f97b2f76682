"""Denial words that deny nothing, on the parse: a denial verb negated ("the Government does
not deny that …") or one whose object is a thing asked for or offered ("rejected the request",
"denied a request to review the settlement", "rebuffed the offer"), which is a refusal. Which
things are the lexicon's syntax.refusals. And non-responses that withhold no answer: a refusal
held against another verb's object ("attacking Trump for refusing to say if …")."""
from __future__ import annotations

from dataclasses import replace

from sourcelight.pipeline.attribution.complements import negated
from sourcelight.pipeline.attribution.cue_lemmas import token_lemma
from sourcelight.pipeline.attribution.deps import PASSIVE_SUBJECTS, RELATIVE_PRONOUNS, token_at
from sourcelight.pipeline.attribution.hedges import Flags
from sourcelight.pipeline.attribution.lexicon import Lexicon


def without_refusals(flags: Flags, doc, lexicon: Lexicon) -> Flags:
    """``flags`` less the denial words the parse shows deny nothing, and the non-responses it
    shows withhold no answer."""
    if lexicon.syntax is None or doc is None:
        return flags
    kept = tuple(span for span in flags.denial_spans if not _denies_nothing(doc, span, lexicon))
    silent = tuple(span for span in flags.non_response_spans if not said_of_an_object(token_at(doc, span[0])))
    if kept == flags.denial_spans and silent == flags.non_response_spans:
        return flags
    return replace(flags, denial_spans=kept, non_response_spans=silent,
                   non_response=flags.non_response and (bool(silent) or not flags.non_response_spans))


def said_of_an_object(verb) -> bool:
    """'… spent months attacking Trump for refusing to say if …': a refusal a preposition
    hangs on another verb's object is what that verb holds against the object, no answer
    withheld (and not the subject's)."""
    preposition = verb.head if verb is not None and verb.dep_ == "pcomp" else None
    return preposition is not None and preposition.dep_ == "prep" and any(
        c.dep_ == "dobj" and c.i < preposition.i for c in preposition.head.children)


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


__all__ = ["without_refusals", "said_of_an_object"]
