"""Each claim's sourcing as a W3C Web Annotation, so that other tools can read it: the claim's
sentence is the target, and its kind, cue and hedges are bodies with the purpose
"classifying"; who it rests on (and the outlet relaying it) are bodies "identifying"; the
sourcing note is a body "describing".

The kinds are IRIs of sourcelight's vocabulary (docs/taxonomy.md), under the prefix the
export's context declares, "sl:" = urn:sourcelight:terms#: "sl:kinds/anonymous" is
urn:sourcelight:terms#kinds/anonymous once expanded. Flags (non_response, denial) are IRIs
under "sl:flags/". A TextualBody's "sl:facet" says which field a word came from (cue,
hedge, source, via, anonymity_reason).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sourcelight.store.documents import StoredClaim
    from sourcelight.store.export import ExportArticle

__all__ = ["CLAIM_ID_PREFIX", "KIND_IRI_PREFIX", "FLAG_IRI_PREFIX", "claim_annotations"]

CLAIM_ID_PREFIX = "urn:sourcelight:claim:"
KIND_IRI_PREFIX = "sl:kinds/"
FLAG_IRI_PREFIX = "sl:flags/"
# Prefix and suffix of the quote selector: about 32 characters, as highlights are stored.
QUOTE_CONTEXT_CHARS = 32


def claim_annotations(article: ExportArticle) -> list[dict[str, Any]]:
    """The classifying annotations of every claim of the article's latest version."""
    source = article.url or f"urn:sourcelight:article:{article.id}"
    text = article.document.text
    return [_claim_annotation(article, claim, source, text) for claim in article.document.claims if claim.kind]


def _claim_annotation(article: ExportArticle, claim: StoredClaim, source: str, text: str) -> dict[str, Any]:
    bodies: list[dict[str, Any]] = [{"type": "SpecificResource", "purpose": "classifying",
                                     "source": KIND_IRI_PREFIX + claim.kind}]
    if claim.cue:
        bodies.append(_word(claim.cue, "classifying", "cue"))
    bodies += [_word(hedge, "classifying", "hedge") for hedge in claim.hedges]
    bodies += [{"type": "SpecificResource", "purpose": "classifying", "source": FLAG_IRI_PREFIX + flag}
               for flag, on in (("non_response", claim.non_response), ("denial", claim.denial)) if on]
    if claim.entity:
        bodies.append(_word(claim.entity, "identifying", "source"))
    if claim.via:
        bodies.append(_word(claim.via, "identifying", "via"))
    if claim.anonymity_reason:
        bodies.append(_word(claim.anonymity_reason, "describing", "anonymity_reason"))
    if claim.note:
        bodies.append({"type": "TextualBody", "value": claim.note, "purpose": "describing"})
    return {
        "id": f"{CLAIM_ID_PREFIX}{article.id}:{article.version}:{claim.id}",
        "type": "Annotation",
        "motivation": "classifying",
        "body": bodies,
        "target": {
            "type": "SpecificResource",
            "source": source,
            "selector": [
                {"type": "TextQuoteSelector", "exact": text[claim.start:claim.end],
                 "prefix": text[max(0, claim.start - QUOTE_CONTEXT_CHARS):claim.start],
                 "suffix": text[claim.end:claim.end + QUOTE_CONTEXT_CHARS]},
                {"type": "TextPositionSelector", "start": claim.start, "end": claim.end},
            ],
        },
    }


def _word(value: str, purpose: str, facet: str) -> dict[str, Any]:
    return {"type": "TextualBody", "value": value, "purpose": purpose, "sl:facet": facet}
