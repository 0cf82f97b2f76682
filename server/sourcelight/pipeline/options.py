"""PipelineOptions: every limit and threshold of the pipeline in one frozen object."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PipelineOptions:
    # Hostile or broken pages must fail fast with a typed error instead of pinning a core.
    max_html_chars: int = 10_000_000
    max_elements: int = 30_000  # trafilatura takes ~9 s on 40,000 sibling paragraphs
    max_depth: int = 400  # lxml refuses deeper trees anyway (libxml2's 256/10000 limits)
    max_text_chars: int = 1_000_000
    time_budget_seconds: float = 10.0
    # An "article" shorter than this is almost always a login wall or an index page.
    min_article_chars: int = 120
    # Reader defaults, not extractor defaults (see docs/extraction.md for the figures).
    # trafilatura's mode: recall, then sourcelight's own clutter rules (extract/clutter.py) take
    # out what it keeps; on public test pages that scores best (docs/extraction.md, "Measured").
    favor_precision: bool = False
    favor_recall: bool = True
    include_images: bool = True
    include_comments: bool = False
    # Force a language instead of detecting it (research corpora of known language).
    language: str | None = None


DEFAULT_OPTIONS = PipelineOptions()

# The server setting (config.py, set through the environment) behind each limit, so that an
# error about a limit can name what to change.
SETTING_NAMES: dict[str, str] = {
    "max_html_chars": "SOURCELIGHT_MAX_CONTENT_LENGTH",
    "max_elements": "SOURCELIGHT_MAX_ELEMENTS",
    "max_depth": "SOURCELIGHT_MAX_DEPTH",
    "max_text_chars": "SOURCELIGHT_MAX_TEXT_CHARS",
    "time_budget_seconds": "SOURCELIGHT_TIME_BUDGET_SECONDS",
}


def setting_name(option: str) -> str:
    """The server setting that sets a PipelineOptions limit (e.g. SOURCELIGHT_MAX_TEXT_CHARS)."""
    return SETTING_NAMES[option]
