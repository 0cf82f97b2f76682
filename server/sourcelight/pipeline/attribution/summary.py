"""What the whole article rests on: counts by kind, the share of unnamed sourcing, the
named sources and outlets relied on, the non-responses, and a one-sentence headline."""
from __future__ import annotations

from collections import Counter

from sourcelight.pipeline.model import (
    ATTRIBUTED_KINDS, UNNAMED_KINDS, Claim, NonResponse, SourceCount, SourceKind, SourcingSummary,
)

_PLURALS = {
    SourceKind.NAMED_PERSON: "named people",
    SourceKind.ORGANIZATION: "organizations",
    SourceKind.MEDIA: "other outlets",
    SourceKind.DOCUMENT: "documents",
    SourceKind.ANONYMOUS: "anonymous sources",
    SourceKind.VAGUE: "vague sources",
}


def unavailable_summary(claims: tuple[Claim, ...], language: str) -> SourcingSummary:
    return SourcingSummary(
        claims=len(claims), by_kind={}, anonymous_share=None, named_sources=(), outlets=(),
        non_responses=(), available=False,
        headline=f"Sourcing analysis is not available for this language ({language or 'unknown'}).",
    )


def summarize(claims: tuple[Claim, ...]) -> SourcingSummary:
    kinds = Counter(c.sourcing.kind for c in claims if c.sourcing)
    attributed = sum(kinds[k] for k in ATTRIBUTED_KINDS)
    unnamed = sum(kinds[k] for k in UNNAMED_KINDS)
    return SourcingSummary(
        claims=len(claims),
        by_kind={k.value: kinds[k] for k in SourceKind if kinds[k]},
        anonymous_share=round(unnamed / attributed, 3) if attributed else None,
        named_sources=_counts(c.sourcing.source for c in claims if c.sourcing and c.sourcing.source
                              and c.sourcing.kind in (SourceKind.NAMED_PERSON, SourceKind.ORGANIZATION)),
        outlets=_counts(_outlets(claims)),
        non_responses=tuple(NonResponse(c.id, c.text) for c in claims if c.non_response),
        headline=_headline(claims, kinds, attributed),
    )


def _outlets(claims: tuple[Claim, ...]):
    for claim in claims:
        if claim.sourcing is not None and claim.sourcing.outlet:
            yield claim.sourcing.outlet


def _key(name: str) -> str:
    words = name.split()
    if len(words) > 1 and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words).casefold()


def _counts(names) -> tuple[SourceCount, ...]:
    """Counts per name, merging 'the BBC' with 'BBC'; most relied on first."""
    counts: Counter[str] = Counter()
    display: dict[str, str] = {}
    for name in names:
        key = _key(name)
        counts[key] += 1
        display.setdefault(key, name)
    return tuple(SourceCount(display[k], n) for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _headline(claims: tuple[Claim, ...], kinds: Counter, attributed: int) -> str:
    if attributed == 0:
        return f"None of the {len(claims)} claims names a source."
    unnamed = kinds[SourceKind.ANONYMOUS] + kinds[SourceKind.VAGUE]
    if unnamed * 2 > attributed:
        first = f"Most attributed claims ({unnamed} of {attributed}) rest on {_unnamed_words(kinds)}"
        relay = _main_relay(claims)
        if relay:
            first += f" relayed by {relay}"
    else:
        kind, count = max(((k, kinds[k]) for k in _PLURALS), key=lambda kv: kv[1])
        if count * 2 > attributed:
            first = f"Most attributed claims ({count} of {attributed}) rest on {_PLURALS[kind]}"
        else:
            mix = ", ".join(f"{kinds[k]} on {_PLURALS[k]}" for k in _PLURALS if kinds[k])
            first = f"The {attributed} attributed claims rest on a mix: {mix}"
    named = kinds[SourceKind.NAMED_PERSON]
    if named == 0:
        return first + "; no named person speaks on the record."
    people = "person speaks" if named == 1 else "people speak"
    speakers = len({_key(c.sourcing.source or "") for c in claims
                    if c.sourcing and c.sourcing.kind is SourceKind.NAMED_PERSON})
    return first + f"; {speakers} named {people if speakers != 1 else 'person speaks'} on the record."


def _unnamed_words(kinds: Counter) -> str:
    if kinds[SourceKind.VAGUE] == 0:
        return "anonymous sources"
    if kinds[SourceKind.ANONYMOUS] == 0:
        return "vague sources"
    return "anonymous or vague sources"


def _main_relay(claims: tuple[Claim, ...]) -> str | None:
    """The outlet relaying at least half of the anonymous and vague claims, if any."""
    unnamed = [c.sourcing for c in claims if c.sourcing and c.sourcing.kind in UNNAMED_KINDS]
    relays = Counter(_key(s.via) for s in unnamed if s.via)
    if not relays:
        return None
    key, count = relays.most_common(1)[0]
    if count * 2 < len(unnamed):
        return None
    return next(s.via for s in unnamed if s.via and _key(s.via) == key)
