"""What changed in an article's sourcing between two of its versions: claims added and
removed, sources added and dropped, hedges changed on the same claim, a party that declined
to comment and is quoted later, and the counts before and after.

Pure: takes two article documents in the shape the pipeline's AnnotatedArticle.to_dict()
gives and the store keeps per version (GET /api/v1/articles/<id> returns the same), returns
a SourcingDiff. The one implementation of the diff: the API serves it, the extension only
draws it.

Claims are matched across versions by their text, not by id (an id is a claim's position,
which shifts when a paragraph is inserted above it): first the same text once normalized
(case, spacing, quotation marks), then, for what is left, the closest text that is still
nearly the same sentence (rapidfuzz), so that an edited sentence is one changed claim rather
than one removed and one added.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from rapidfuzz import fuzz, process

from sourcelight.pipeline.model import ATTRIBUTED_KINDS, UNNAMED_KINDS, SourceKind

__all__ = ["ClaimBrief", "SourcingDiff", "diff_sourcing", "normalize_text", "sourcing_counts"]

# Two sentences scoring at least this (0..100, _similarity below) are one claim edited. 80
# keeps "The missiles could reportedly reach Riyadh and Tel Aviv …" = "The missiles could
# reach Riyadh and Tel Aviv …, according to a Pentagon report" (a hedge dropped, a source
# added: 87) together, and apart "The ministry declined to comment." and "The ministry said
# on Saturday that …" (71), or two sentences sharing a subject and saying different things.
SAME_CLAIM_SCORE = 80.0
# Word-set similarity (which forgives words added or dropped) only speaks for sentences of at
# least this many words: "He said." is a subset of every sentence he said.
WORD_SET_MIN_WORDS = 5
# Two names of a party at least this close (token_sort_ratio) are the same party: "the Iraqi
# defence ministry" and "Iraq's defence ministry" (~90), not "the ministry" and "the army".
SAME_PARTY_SCORE = 88.0

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"',
                         "\u00bb": '"', "\u2033": '"', "\u2013": "-", "\u2014": "-"})
_SPACE = re.compile(r"\s+")
_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+")


def normalize_text(text: str) -> str:
    """A sentence as compared across versions: NFKC, case-folded, straight quotes and
    hyphens, one space between words."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()).strip()


@functools.lru_cache(maxsize=4096)
def _party(name: str | None) -> str:
    """A source's name as compared across versions ("The Iraqi ministry" = "the iraqi ministry")."""
    return _LEADING_ARTICLE.sub("", normalize_text(name or "")).strip(" .,;:")


@dataclass(frozen=True)
class ClaimBrief:
    """A claim as the diff lists it; ``claim_id`` is its id in the version it is listed from."""

    claim_id: str
    text: str
    kind: str | None
    source: str | None
    via: str | None
    hedges: tuple[str, ...]
    non_response: bool

    @classmethod
    def of(cls, claim: Mapping[str, Any]) -> ClaimBrief:
        sourcing = claim.get("sourcing") or {}
        return cls(claim_id=claim["id"], text=claim.get("text", ""), kind=sourcing.get("kind"),
                   source=sourcing.get("entity") or sourcing.get("source"), via=sourcing.get("via"),
                   hedges=tuple(claim.get("hedges") or ()), non_response=bool(claim.get("non_response")))


@dataclass(frozen=True)
class SourcingDiff:
    changed: bool  # anything below differs
    claims_added: tuple[ClaimBrief, ...]  # ids in the newer version, in its order
    claims_removed: tuple[ClaimBrief, ...]  # ids in the older version
    sources_added: tuple[dict[str, str], ...]  # {"name", "kind"}
    sources_dropped: tuple[dict[str, str], ...]
    hedges_changed: tuple[dict[str, Any], ...]  # {"claim_id", "text", "before", "after"}
    sourcing_changed: tuple[dict[str, Any], ...]  # the same claim, now resting on another kind or source
    non_responses_answered: tuple[dict[str, Any], ...]  # {"party", "claim_id", "before_text", "after_text"}
    summary_before: dict[str, Any]
    summary_after: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def diff_sourcing(before: Mapping[str, Any], after: Mapping[str, Any]) -> SourcingDiff:
    """The sourcing diff from the document ``before`` to the document ``after``."""
    old = [ClaimBrief.of(c) for c in before.get("claims") or ()]
    new = [ClaimBrief.of(c) for c in after.get("claims") or ()]
    pairs = match_claims(old, new)
    matched_old = {i for i, _ in pairs}
    matched_new = {j for _, j in pairs}
    added = tuple(c for j, c in enumerate(new) if j not in matched_new)
    removed = tuple(c for i, c in enumerate(old) if i not in matched_old)
    hedges = tuple(
        {"claim_id": new[j].claim_id, "text": new[j].text, "before": list(old[i].hedges), "after": list(new[j].hedges)}
        for i, j in sorted(pairs, key=lambda p: p[1]) if sorted(old[i].hedges) != sorted(new[j].hedges))
    resting = tuple(
        {"claim_id": new[j].claim_id, "text": new[j].text,
         "before": {"kind": old[i].kind, "source": old[i].source, "via": old[i].via},
         "after": {"kind": new[j].kind, "source": new[j].source, "via": new[j].via}}
        for i, j in sorted(pairs, key=lambda p: p[1])
        if (old[i].kind, _party(old[i].source), _party(old[i].via)) != (new[j].kind, _party(new[j].source), _party(new[j].via)))
    old_sources, new_sources = _sources(old), _sources(new)
    sources_added = tuple(new_sources[k] for k in new_sources if k not in old_sources)
    sources_dropped = tuple(old_sources[k] for k in old_sources if k not in new_sources)
    answered = _answered(old, new, unchanged={new[j].claim_id for i, j in pairs if old[i].text == new[j].text})
    return SourcingDiff(
        changed=bool(added or removed or hedges or resting or sources_added or sources_dropped or answered),
        claims_added=added, claims_removed=removed, sources_added=sources_added, sources_dropped=sources_dropped,
        hedges_changed=hedges, sourcing_changed=resting, non_responses_answered=answered,
        summary_before=sourcing_counts(old), summary_after=sourcing_counts(new),
    )


def match_claims(old: Sequence[ClaimBrief], new: Sequence[ClaimBrief]) -> list[tuple[int, int]]:
    """Pairs (index in old, index in new) of the same claim: equal normalized text first, in
    order, then the most similar remaining sentences at or above SAME_CLAIM_SCORE."""
    old_texts = [normalize_text(c.text) for c in old]
    new_texts = [normalize_text(c.text) for c in new]
    pairs: list[tuple[int, int]] = []
    waiting: dict[str, list[int]] = {}
    for i, text in enumerate(old_texts):
        waiting.setdefault(text, []).append(i)
    for j, text in enumerate(new_texts):
        same = waiting.get(text)
        if same:
            pairs.append((same.pop(0), j))
    paired_old, paired_new = {i for i, _ in pairs}, {j for _, j in pairs}
    left_old = [i for i in range(len(old)) if i not in paired_old]
    left_new = [j for j in range(len(new)) if j not in paired_new]
    scores = _similarities([old_texts[i] for i in left_old], [new_texts[j] for j in left_new])
    scored = sorted(((scores[a][b], -i, -j) for a, i in enumerate(left_old) for b, j in enumerate(left_new)
                     if scores[a][b] >= SAME_CLAIM_SCORE), reverse=True)
    used_old: set[int] = set()
    used_new: set[int] = set()
    for score, minus_i, minus_j in scored:
        i, j = -minus_i, -minus_j
        if score < SAME_CLAIM_SCORE or i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        pairs.append((i, j))
    return pairs


def _similarities(old: list[str], new: list[str]) -> list[list[float]]:
    """How alike each pair of normalized sentences is: edit similarity, or, for sentences of
    at least WORD_SET_MIN_WORDS words, the similarity of their word sets if higher (a clause
    added to a sentence keeps it the same claim). One matrix, computed in C++ (rapidfuzz)."""
    if not old or not new:
        return [[] for _ in old]
    edit = process.cdist(old, new, scorer=fuzz.ratio, workers=1)
    words = process.cdist(old, new, scorer=fuzz.token_set_ratio, workers=1)
    long_old = [len(t.split()) >= WORD_SET_MIN_WORDS for t in old]
    long_new = [len(t.split()) >= WORD_SET_MIN_WORDS for t in new]
    return [[max(float(edit[a][b]), float(words[a][b]) if long_old[a] and long_new[b] else 0.0)
             for b in range(len(new))] for a in range(len(old))]


def sourcing_counts(claims: Iterable[ClaimBrief]) -> dict[str, Any]:
    """What a version rests on, in numbers: claims by kind, attributed, anonymous (with the
    vague, as the summary's anonymous_share counts them), hedged, non-responses, sources."""
    claims = [c for c in claims if c.kind]
    by_kind = {kind.value: 0 for kind in SourceKind}
    for claim in claims:
        if claim.kind in by_kind:
            by_kind[claim.kind] += 1
    attributed = sum(by_kind[k.value] for k in ATTRIBUTED_KINDS)
    unnamed = sum(by_kind[k.value] for k in UNNAMED_KINDS)
    return {
        "claims": len(claims), "attributed": attributed, "by_kind": by_kind,
        "anonymous_share": round(unnamed / attributed, 4) if attributed else None,
        "hedged": sum(1 for c in claims if c.hedges), "non_responses": sum(1 for c in claims if c.non_response),
        "sources": len(_sources(claims)),
    }


def _sources(claims: Iterable[ClaimBrief]) -> dict[tuple[str, str], dict[str, str]]:
    """Who the version's claims rest on, keyed by (kind, normalized name), in order of first
    appearance; an outlet relaying a source counts as a media source of its own."""
    found: dict[tuple[str, str], dict[str, str]] = {}
    for claim in claims:
        if claim.kind and claim.kind != SourceKind.UNATTRIBUTED.value and _party(claim.source):
            found.setdefault((claim.kind, _party(claim.source)), {"name": claim.source or "", "kind": claim.kind})
        if claim.via and _party(claim.via):
            found.setdefault((SourceKind.MEDIA.value, _party(claim.via)), {"name": claim.via, "kind": SourceKind.MEDIA.value})
    return found


def _same_party(a: str, b: str) -> bool:
    return bool(a and b) and (a == b or fuzz.token_sort_ratio(a, b) >= SAME_PARTY_SCORE)


def _answered(old: Sequence[ClaimBrief], new: Sequence[ClaimBrief], *, unchanged: set[str]) -> tuple[dict[str, Any], ...]:
    """Parties that did not answer in the older version and, in the newer, are the source of
    a claim that is not a non-response and was not already there word for word."""
    answered: list[dict[str, Any]] = []
    seen: set[str] = set()
    # A party's non-answer the newer version no longer has is the one its answer replaced
    # ("declined to comment on the figures" became what it said), not one still there word
    # for word ("The company did not say how long …").
    kept = {c.text for c in new}
    silences = sorted((c for c in old if c.non_response and _party(c.source)), key=lambda c: c.text in kept)
    for silent in silences:
        party = _party(silent.source)
        if party in seen:
            continue
        reply = next((c for c in new if not c.non_response and c.claim_id not in unchanged
                      and _same_party(party, _party(c.source))), None)
        if reply is not None:
            seen.add(party)
            answered.append({"party": silent.source, "claim_id": reply.claim_id, "before_text": silent.text,
                             "after_text": reply.text})
    return tuple(answered)
