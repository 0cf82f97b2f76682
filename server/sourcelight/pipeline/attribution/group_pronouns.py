"""An opening "they" meaning the group the sentence before is about ("College athletes aren't
vulnerable because those agents are visible at practices. They're vulnerable because when
they survey the landscape, they see coaches …" is the athletes, not "those coaches" quoted
further back; context.py calls this for every attributed sentence)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from sourcelight.pipeline.attribution.cues import Finding
from sourcelight.pipeline.attribution.neighbours import WORD
from sourcelight.pipeline.attribution.sources import SourceGuess
from sourcelight.pipeline.attribution.thing_pronouns import THING_PRONOUN_WORDS
from sourcelight.pipeline.model import Attribution


def group_before(attribution: Attribution, finding: Finding, index: int, sentences,
                 subject_group: Callable[[int], SourceGuess | None], pair_of) -> Attribution:
    """``attribution`` meaning the plural subject of the sentence before (in its paragraph or
    the one before), where a "they" opens the sentence (not after a comma) and that subject is
    people, a body or a document other than the source it was taken to mean."""
    reference = finding.back_reference
    if reference is None or not reference.plural or len(finding.source.split()) != 1 or index == 0 \
            or sentences[index - 1].block < sentences[index].block - 1 \
            or len(WORD.findall(sentences[index].text[:finding.source_span[0]])) > THING_PRONOUN_WORDS \
            or sentences[index].text[:finding.source_span[0]].rstrip().endswith(","):
        # (after a comma, an aside goes on with the speakers before: "More women are founding
        # their own companies … . Within marriages, they said, women now have more authority")
        return attribution
    group = subject_group(index - 1)
    if group is None:
        return attribution
    # (the people a coordination names, but not one of them for "Ms. Henry and other labor leaders")
    meant = pair_of(list(group.names)) if len(group.names) > 1 else group.text
    if attribution.entity is not None and _shared_words(meant, attribution.entity):
        return attribution  # ("the Marines" where "Marines" spoke before: the same)
    return replace(attribution, kind=group.kind, entity=meant, via=finding.via)


def _shared_words(one: str, other: str) -> bool:
    def words(text: str) -> set[str]:
        return {word.casefold() for word in WORD.findall(text) if len(word) > 3}
    return bool(words(one) & words(other))


__all__ = ["group_before"]
