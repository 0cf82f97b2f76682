"""Hedge verbs the parse shows report nothing: "claimed" where something is taken, not
said ("Tim Burton once again claimed the top spot at the box office", "the plane crash that
claimed her bandmates", "before the task is claimed"). A claim made keeps its hedge: "claimed
the storm was the worst", "claimed to have been harassed", "“…,” claimed the lawsuit", and so
does a bare noun, which is what was asserted: "claimed self-defense", "the women who claimed
extramarital affairs"."""
from __future__ import annotations

from dataclasses import replace

from sourcelight.pipeline.attribution.clauses import Finding
from sourcelight.pipeline.attribution.deps import token_at
from sourcelight.pipeline.attribution.hedges import Flags
from sourcelight.pipeline.attribution.lexicon import Lexicon

# What a verb says, where it says something: a clause, or a predicate of its object
# ("claimed him a victim").
SAID_DEPS = ("ccomp", "xcomp", "parataxis", "oprd")
TAKEN_DEPS = ("dobj", "nsubjpass")
# What makes a noun one thing in particular, which can be taken: "the", "her", "six".
PARTICULAR_DEPS = ("det", "poss", "nummod")


def without_taking_hedges(flags: Flags, doc, finding: Finding | None, text: str, lexicon: Lexicon) -> Flags:
    """``flags`` less each one-word hedge the parse shows to be a verb taking a thing, unless
    it is the sentence's cue."""
    if doc is None or not flags.hedges:
        return flags
    found = list(lexicon.find("hedges", text))
    kept = []
    for hedge in flags.hedges:
        matches = [m for m in found if m.group().casefold() == hedge.casefold()]
        verbs = [token_at(doc, m.start()) for m in matches if " " not in m.group()]
        if verbs and len(verbs) == len(matches) and all(_takes_a_thing(verb, finding) for verb in verbs):
            continue
        kept.append(hedge)
    return flags if len(kept) == len(flags.hedges) else replace(flags, hedges=tuple(kept))


def _takes_a_thing(verb, finding: Finding | None) -> bool:
    if verb is None or verb.pos_ != "VERB":
        return False
    if finding is not None and finding.cue_span[0] <= verb.idx < finding.cue_span[1]:
        return False
    if any(c.dep_ in SAID_DEPS for c in verb.children):
        return False
    return any(c.dep_ in TAKEN_DEPS and (c.pos_ == "PROPN" or (c.pos_ == "NOUN" and any(
        d.dep_ in PARTICULAR_DEPS for d in c.children))) for c in verb.children)


__all__ = ["without_taking_hedges"]
