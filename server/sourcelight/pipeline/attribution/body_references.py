"""A body's description ("the company", "the agency", "the group") after another body is
named: "Roscosmos and NASA said … . NASA supplier SpaceX, meanwhile, has been grounded … .
The company hopes to resume launches in December" is not Roscosmos for sure, nor the agency
that "The outgoing Federal Communications Commission chairman, Tom Wheeler, has been
skeptical …" names after T-Mobile spoke: the description stays the body as the sentence
calls it."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from sourcelight.pipeline.attribution.cues import Finding
from sourcelight.pipeline.attribution.lemmas import WORD
from sourcelight.pipeline.attribution.neighbours import Resolved, who_of
from sourcelight.pipeline.model import Attribution, SourceKind

BODY_KINDS = (SourceKind.ORGANIZATION, SourceKind.MEDIA)


def body_named_since(attribution: Attribution, finding: Finding, index: int, history: list[Resolved],
                     bodies_in: Callable[[int, int | None], tuple[str, ...]], definite) -> Attribution:
    """``attribution`` without the earlier body its description was taken to mean, where a
    sentence since (or its own words before the description) names another body and not that
    one again.
    ``bodies_in(i, before)`` are the bodies sentence i names up to offset ``before``."""
    reference = finding.back_reference
    words = finding.source.split()
    if reference is None or reference.fallback is not SourceKind.ORGANIZATION or attribution.entity is None \
            or attribution.kind not in BODY_KINDS or len(words) < 2 or not definite(words[0]):
        return attribution
    spoke_at = next((earlier for earlier in range(min(index, len(history)) - 1, -1, -1)
                     if history[earlier].attribution is not None
                     and who_of(history[earlier].attribution) == attribution.entity), None)
    if spoke_at is None:
        return attribution
    own = _name_words(attribution.entity, definite)
    if not own or words[-1].casefold() in own:
        return attribution  # ("the university" after "San Diego State University": its own word)
    named = [_name_words(body, definite) for between in range(spoke_at + 1, index + 1)
             for body in bodies_in(between, finding.source_span[0] if between == index else None)]
    # (where the body is named again since, it is still the one written about: "Microsoft tried
    # models where the Surface Studio went flat, but the company wanted …")
    if any(not (body & own) for body in named) and not any(body & own for body in named):
        return replace(attribution, kind=finding.kind, entity=None, via=finding.via)
    return attribution


def _name_words(name: str, definite) -> set[str]:
    return {word.casefold() for word in WORD.findall(name) if word[:1].isupper() and not definite(word)}


__all__ = ["body_named_since"]
