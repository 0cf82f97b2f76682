"""The pipeline: page HTML (or plain text) in, AnnotatedArticle out (see annotate.py).

``annotate_page`` and ``annotate_text`` load on first use, so that importing a light part
(model, markup) does not pull in trafilatura and langdetect's profiles: the server process
never annotates itself (its worker processes do), and starts faster without them.
"""
from __future__ import annotations

__all__ = ["annotate_page", "annotate_text", "warm_up"]


def __getattr__(name: str):
    if name in __all__:
        from sourcelight.pipeline import annotate

        return getattr(annotate, name)
    raise AttributeError(f"module 'sourcelight.pipeline' has no attribute {name!r}")
