"""An opening "it" meaning what the sentence before is about, or what its own sentence is
about before it (context.py calls this for every attributed sentence)."""
from __future__ import annotations

from dataclasses import replace

from sourcelight.pipeline.attribution.cues import Finding
from sourcelight.pipeline.attribution.neighbours import WORD
from sourcelight.pipeline.model import Attribution

# Words before an "it" that may still mean what the sentence before is about ("In cases of
# abortion, it said"); further in, it means something its own sentence named ("a company
# called Cambridge Analytica, which builds what it calls …").
THING_PRONOUN_WORDS = 5


def thing_before(attribution: Attribution, finding: Finding, index: int, sentences, subject_of) -> Attribution:
    """'The recording does not include the shooting. It also does not answer whether …': "it"
    means what the sentence before is about, where that is a body, an outlet or a document,
    rather than the nearest such source attributed further back; and what its own sentence is
    about, where that comes before it."""
    reference = finding.back_reference
    if reference is None or not reference.one_thing or len(finding.source.split()) != 1:
        return attribution
    own = subject_of(index)
    if own is not None and own.end <= finding.source_span[0] and own.kind in reference.refers_to:
        # "the FAA is rolling out what it calls NextGen": the thing its own sentence is about
        return replace(attribution, kind=own.kind, entity=own.text)
    if (index == 0 or sentences[index - 1].block < sentences[index].block - 1
            or len(WORD.findall(sentences[index].text[:finding.source_span[0]])) > THING_PRONOUN_WORDS):
        return attribution
    thing = subject_of(index - 1)
    if thing is None or thing.kind not in reference.refers_to:
        return attribution
    head = WORD.findall(thing.text.casefold())[-1:]
    if attribution.entity is not None and head and head[0] in WORD.findall(attribution.entity.casefold()):
        return attribution  # "The city" where "The city of Phoenix" spoke before: the fuller name
    return replace(attribution, kind=thing.kind, entity=thing.text)
