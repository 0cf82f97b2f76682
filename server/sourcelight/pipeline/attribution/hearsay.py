"""'I was told that the team did not want to sit with him': what someone was told, by no one
the sentence names, rests on that unnamed teller, not on whoever the words are about. The
verbs whose passive subject hears (tell, inform, assure, warn …) are the lexicon's
syntax.recipients."""
from __future__ import annotations

from sourcelight.pipeline.attribution.cue_lemmas import token_lemma
from sourcelight.pipeline.attribution.deps import PASSIVE_SUBJECTS
from sourcelight.pipeline.attribution.lexicon import Lexicon


def told_by_no_one(doc, lexicon: Lexicon) -> list[range]:
    """The token ranges of the clauses told to a passive subject with no agent."""
    told = []
    for verb in doc:
        if verb.pos_ != "VERB" or token_lemma(verb, lexicon) not in lexicon.syntax.recipients:
            continue
        children = list(verb.children)
        hearer = next((c for c in children if c.dep_ in PASSIVE_SUBJECTS), None)
        if hearer is None or hearer.lower_ == "it" or any(c.dep_ == "agent" for c in children):
            continue
        for clause in children:
            if clause.dep_ == "ccomp" and clause.i > verb.i:
                told.append(range(clause.left_edge.i, clause.right_edge.i + 1))
    return told


def wish_told(token, told: list[range], lexicon: Lexicon) -> bool:
    """A wish or belief inside what an unnamed party told ("I was told that the team did not
    want to …") is the teller's account, no cue; a report there keeps its own source
    ("Residents were told the mayor said …")."""
    return token.pos_ in ("VERB", "AUX", "ADJ") and any(token.i in clause for clause in told) \
        and token_lemma(token, lexicon) not in lexicon.syntax.findings
