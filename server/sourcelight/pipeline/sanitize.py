"""Sanitizing: the reader HTML through an allowlist sanitizer (nh3, i.e. ammonia) as a last wall.

The renderer escapes everything it writes, so on legitimate output this removes nothing;
it is here so that a bug in rendering or extraction can never put a script, an event
handler, a frame, a form or a javascript:/data: URL in front of the reader. The allowlist
is exactly what markup.py says the renderer emits.
"""
from __future__ import annotations

import nh3

from sourcelight.pipeline import markup

__all__ = ["sanitize_html", "ALLOWED_TAGS", "ALLOWED_ATTRIBUTES", "ALLOWED_URL_SCHEMES"]

ALLOWED_TAGS = frozenset(markup.TAGS)
ALLOWED_ATTRIBUTES = {tag: set(attrs) for tag, attrs in markup.ATTRIBUTES.items()}
# No data: (it can carry HTML or SVG), no javascript:, no file:.
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto"})

_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=set(ALLOWED_URL_SCHEMES),
    link_rel="noopener noreferrer",
    strip_comments=True,
    # Dropped with their contents, not unwrapped: their text is code, not article.
    clean_content_tags={"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math"},
)


def sanitize_html(html: str) -> str:
    """Reader HTML with everything outside the renderer's vocabulary removed."""
    return _CLEANER.clean(html)
