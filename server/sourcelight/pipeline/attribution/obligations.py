"""'Voters should know what those questions are', 'the Committee should formally ask …',
'Israel must also acknowledge …': a cue after a modal of obligation (the lexicon's
syntax.obligation_modals) is what the writer says someone owes, not anything they said.
The writer's own "I should say that …" is said."""
from __future__ import annotations

from sourcelight.pipeline.attribution.deps import first_conjunct
from sourcelight.pipeline.attribution.lexicon import Lexicon


def owed(verb, lexicon: Lexicon) -> bool:
    """The verb (or, with no subject of its own, the first of the verbs joined to it) follows
    a modal of obligation, and its subject is not the writer."""
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = first_conjunct(verb)  # "should ask and say": one modal for both, not for "…, he told reporters"
    if not any(c.dep_ == "aux" and c.lower_ in lexicon.syntax.obligation_modals for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is None or not lexicon.is_first_person(subject.text)
