"""Attribution: who or what each claim rests on. (Bootstrap rule; the engine replaces it.)"""
from __future__ import annotations

from collections import Counter

from sourcelight.pipeline.model import (
    Article, Attribution, Claim, Sentence, SourceKind, SourcingSummary,
)


def attribute_article(article: Article, sentences: list[Sentence] | tuple[Sentence, ...], language: str) -> tuple[Claim, ...]:
    claims = []
    for sentence in sentences:
        links = tuple(link.href for link in article.blocks[sentence.block].links
                      if link.start < sentence.end and link.end > sentence.start)
        claims.append(Claim(
            id=f"c{sentence.index}", text=sentence.text, start=sentence.start, end=sentence.end,
            paragraph=sentence.block, sourcing=Attribution(kind=SourceKind.UNATTRIBUTED),
            links=links, note="No source is named for this sentence.",
        ))
    return tuple(claims)


def summarize_sourcing(claims: tuple[Claim, ...], language: str) -> SourcingSummary:
    by_kind = Counter(c.sourcing.kind.value for c in claims if c.sourcing)
    return SourcingSummary(
        claims=len(claims), by_kind=dict(by_kind), anonymous_share=None, named_sources=(),
        outlets=(), non_responses=(), headline=f"{len(claims)} claims; no attributed claims found.",
    )
