"""The pipeline's records and the sourcing taxonomy.

Every stage takes and returns these frozen records, never dicts.

Offsets: every ``start``/``end`` in this module is a Python ``str`` index — a Unicode
code point, end exclusive — into ``Article.text`` (the same string as
``AnnotatedArticle.text``). That is also the unit of the W3C TextPositionSelector. The
extension converts to and from JavaScript's UTF-16 units in exactly one function
(``extension/lib/anchoring.js``).

``Article.text`` is the blocks' texts joined by ``BLOCK_SEPARATOR``; image blocks have
no text and take no room in it.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

BLOCK_SEPARATOR = "\n\n"


class SourceKind(str, enum.Enum):
    """What a claim rests on. Exactly one per claim."""

    NAMED_PERSON = "named_person"
    ORGANIZATION = "organization"
    MEDIA = "media"
    DOCUMENT = "document"
    ANONYMOUS = "anonymous"
    VAGUE = "vague"
    UNATTRIBUTED = "unattributed"


# Human labels and one-line meanings; the reader and docs/taxonomy.md use these, and the
# extension gets them through the generated contract.js.
KIND_LABELS: dict[SourceKind, str] = {
    SourceKind.NAMED_PERSON: "Named person",
    SourceKind.ORGANIZATION: "Organization",
    SourceKind.MEDIA: "Other outlet",
    SourceKind.DOCUMENT: "Document",
    SourceKind.ANONYMOUS: "Anonymous",
    SourceKind.VAGUE: "Vague",
    SourceKind.UNATTRIBUTED: "Unattributed",
}

KIND_DESCRIPTIONS: dict[SourceKind, str] = {
    SourceKind.NAMED_PERSON: "a person named on the record",
    SourceKind.ORGANIZATION: "a named institution, government, agency or company, or its unnamed spokesperson",
    SourceKind.MEDIA: "another news outlet or its report",
    SourceKind.DOCUMENT: "a report, study, filing, statement or data set",
    SourceKind.ANONYMOUS: "a specific source deliberately not named",
    SourceKind.VAGUE: "a generic or indefinite group standing in for a source",
    SourceKind.UNATTRIBUTED: "no source in the sentence or its context",
}

# Kinds whose claims count as "attributed" in the summary's shares.
ATTRIBUTED_KINDS = frozenset(k for k in SourceKind if k is not SourceKind.UNATTRIBUTED)
# Kinds a reader should treat with care: the summary's anonymous_share counts these.
UNNAMED_KINDS = frozenset({SourceKind.ANONYMOUS, SourceKind.VAGUE})


class QuoteKind(str, enum.Enum):
    DIRECT = "direct"
    INDIRECT = "indirect"
    NONE = "none"


class BlockKind(str, enum.Enum):
    TITLE = "title"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    LIST_ITEM = "list_item"
    IMAGE = "image"
    # A program's text or a terminal session ("$ hg add file1"): shown, never read for claims.
    CODE = "code"


@dataclass(frozen=True)
class Link:
    """A hyperlink inside the article text."""

    href: str
    start: int
    end: int


@dataclass(frozen=True)
class Image:
    src: str
    alt: str = ""
    caption: str = ""


@dataclass(frozen=True)
class Block:
    """One paragraph-level unit of the article, in reading order.

    ``index`` is the block's position in ``Article.blocks`` and is what claims call their
    ``paragraph``. ``level`` is the heading level (1-6) for headings, and for list items the
    number of the list they belong to (consecutive items of one list share it).
    """

    index: int
    kind: BlockKind
    text: str
    start: int
    end: int
    level: int = 0
    ordered: bool = False
    links: tuple[Link, ...] = ()
    image: Image | None = None


@dataclass(frozen=True)
class Article:
    """What extraction found: metadata plus the article body as blocks.

    ``credits`` are the story's credit lines ("Reporting by …", "Editing by …"): header
    material, kept out of ``text`` so that they never become claims.
    """

    url: str | None
    canonical_url: str | None
    title: str
    byline: str | None
    site: str | None
    published: str | None  # ISO 8601 date (YYYY-MM-DD)
    lang_hint: str | None
    blocks: tuple[Block, ...]
    text: str
    credits: tuple[str, ...] = ()


@dataclass(frozen=True)
class LanguageGuess:
    language: str  # ISO 639-1 code, or "und" when nothing could be detected
    confidence: float  # 0..1


@dataclass(frozen=True)
class Sentence:
    """One sentence: the unit a claim is made of. ``text`` is as the attribution engine reads
    it, each whitespace run one space; the claim quotes the article text between the offsets
    (pasted text keeps the writer's runs of spaces and no-break spaces)."""

    index: int
    block: int
    start: int
    end: int
    text: str
    # Where ``text`` shortened a run of whitespace: (index of its space, characters dropped).
    gaps: tuple[tuple[int, int], ...] = ()

    def offset(self, index: int) -> int:
        """The offset in the article text of ``text[index]``."""
        return self.start + widened(index, self.gaps)


def widened(index: int, gaps: tuple[tuple[int, int], ...]) -> int:
    """Where ``index`` of a text whose whitespace runs were shortened (``gaps``: where each
    run's space is, how many characters were dropped after it) falls in the text as written."""
    return index + sum(dropped for at, dropped in gaps if at < index)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Attribution:
    """Who or what a claim rests on.

    ``source_span`` and ``cue_span`` locate ``source`` and ``cue`` in ``Article.text``
    when they occur in the claim's own sentence (they are None for a source carried over
    from context, such as the speaker of a quote that runs over several sentences).
    """

    kind: SourceKind
    source: str | None = None
    cue: str | None = None
    via: str | None = None
    quote: QuoteKind = QuoteKind.NONE
    source_span: Span | None = None
    cue_span: Span | None = None
    # Who the source is across the article: "Donald Trump" for a sentence's "he", "Mr.
    # Trump" or "Trump". None when nothing resolves it further than ``source``.
    entity: str | None = None

    @property
    def who(self) -> str | None:
        """Who the claim rests on across the article: the entity, else the sentence's words."""
        return self.entity or self.source

    @property
    def outlet(self) -> str | None:
        """The news outlet the claim relies on: the source itself if it is one, else its relay."""
        if self.via:
            return self.via  # "Jane Roe of the New York Times": the Times
        if self.kind is SourceKind.MEDIA:
            return self.who
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "source": self.source,
            "cue": self.cue,
            "via": self.via,
            "quote": self.quote.value,
            "entity": self.who,
        }


@dataclass(frozen=True)
class Claim:
    """A sentence of the article with the note on how it is sourced.

    ``sourcing`` is None only when no lexicon exists for the article's language.
    """

    id: str
    text: str
    start: int
    end: int
    paragraph: int
    sourcing: Attribution | None
    hedges: tuple[str, ...] = ()
    non_response: bool = False
    denial: bool = False
    links: tuple[str, ...] = ()
    note: str = ""
    # For a claim resting on an anonymous source: the words that say why the source is not
    # named ("not authorized to speak publicly"), or "" when the article gives no reason.
    # None for other claims, and where the language's lexicon cannot tell.
    anonymity_reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "paragraph": self.paragraph,
            "sourcing": self.sourcing.to_dict() if self.sourcing else None,
            "hedges": list(self.hedges),
            "non_response": self.non_response,
            "denial": self.denial,
            "links": list(self.links),
            "note": self.note,
            "anonymity_reason": self.anonymity_reason,
        }


@dataclass(frozen=True)
class SourceCount:
    name: str
    claims: int

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "claims": self.claims}


@dataclass(frozen=True)
class NonResponse:
    claim_id: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"claim_id": self.claim_id, "text": self.text}


@dataclass(frozen=True)
class SourcingSummary:
    """What the whole article rests on.

    ``anonymous_share`` is (anonymous + vague claims) / attributed claims, None when no
    claim is attributed. ``available`` is False when the language has no lexicon; the
    headline then says so and the counts are empty.
    """

    claims: int
    by_kind: dict[str, int]
    anonymous_share: float | None
    named_sources: tuple[SourceCount, ...]
    outlets: tuple[SourceCount, ...]
    non_responses: tuple[NonResponse, ...]
    headline: str
    available: bool = True
    # Claims resting on anonymous sources, and how many of them the article explains.
    anonymous_claims: int = 0
    anonymity_explained: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "claims": self.claims,
            "by_kind": dict(self.by_kind),
            "anonymous_share": self.anonymous_share,
            "named_sources": [s.to_dict() for s in self.named_sources],
            "outlets": [s.to_dict() for s in self.outlets],
            "non_responses": [n.to_dict() for n in self.non_responses],
            "headline": self.headline,
            "available": self.available,
            "anonymous_claims": self.anonymous_claims,
            "anonymity_explained": self.anonymity_explained,
        }


@dataclass(frozen=True)
class AnnotatedArticle:
    """The pipeline's result; ``to_dict()`` is exactly the HTTP API's article body.

    ``id`` is derived from the canonical URL (or the text when there is no URL) so the
    pure pipeline is deterministic; the store may replace it with the id of an article it
    already holds under another URL. ``fingerprint`` is a hash of ``text`` that tells
    versions of one article apart.
    """

    id: str
    url: str | None
    canonical_url: str | None
    title: str
    byline: str | None
    site: str | None
    published: str | None
    language: str
    language_confidence: float
    text: str
    html: str
    claims: tuple[Claim, ...]
    summary: SourcingSummary
    fingerprint: str
    blocks: tuple[Block, ...] = field(default=(), repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "canonical_url": self.canonical_url,
            "title": self.title,
            "byline": self.byline,
            "site": self.site,
            "published": self.published,
            "language": self.language,
            "language_confidence": self.language_confidence,
            "fingerprint": self.fingerprint,
            "text": self.text,
            "html": self.html,
            "claims": [c.to_dict() for c in self.claims],
            "summary": self.summary.to_dict(),
        }
