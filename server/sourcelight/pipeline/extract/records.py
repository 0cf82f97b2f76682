"""The records that flow between extraction's steps (each step takes and returns these)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sourcelight.pipeline.model import BlockKind, Image
from sourcelight.pipeline.extract.text import LinkSpan


@dataclass(frozen=True)
class PageSignals:
    """What the page says that trafilatura drops: collected from the parsed page before it runs.

    ``images`` maps every address an <img> is known by (src, lazy-loading attributes, srcset
    entries, resolved against the page) to the Image a reader can load; ``meta_texts`` are
    the texts of the page's captions, credits, bylines and datelines (so that a line
    trafilatura kept as a paragraph can be moved to its figure or header).
    """

    base_url: str | None
    language: str | None
    headlines: tuple[str, ...]
    standfirsts: dict[str, str]
    anchor_texts: tuple[str, ...]
    images: dict[str, Image]
    lead_image: Image | None
    canonical_link: str | None = None
    meta_texts: frozenset[str] = frozenset()
    placed_images: tuple[tuple[str, Image], ...] = ()


@dataclass(frozen=True)
class Extraction:
    """trafilatura's result: its metadata as it found them, and its XML body (lxml element)."""

    title: str
    author: str
    date: str
    sitename: str
    declared_url: str
    body: Any = field(repr=False)


@dataclass(frozen=True)
class Piece:
    """One block before assembly; ``links`` are (href, start, end) within ``text``."""

    kind: BlockKind
    text: str = ""
    links: tuple[LinkSpan, ...] = ()
    level: int = 0
    ordered: bool = False
    image: Image | None = None


@dataclass(frozen=True)
class Metadata:
    """The article's header: what the reader shows above the text."""

    title: str
    byline: str | None
    site: str | None
    published: str | None
    canonical_url: str | None
    credits: tuple[str, ...] = ()
