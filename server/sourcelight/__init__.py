"""sourcelight: the article alone, with a note on how every claim is sourced.

The public Python API is :func:`annotate` (HTML in, :class:`AnnotatedArticle` out) and
:func:`annotate_text` (plain text in). Both are pure: no Flask, no database.
"""
import logging

__version__ = "0.1.0"

# A library never decides where logs go: only create_app() and the CLI attach handlers.
logging.getLogger(__name__).addHandler(logging.NullHandler())

from sourcelight.pipeline.model import AnnotatedArticle, Claim, SourceKind  # noqa: E402

__all__ = ["__version__", "annotate", "annotate_text", "AnnotatedArticle", "Claim", "SourceKind"]


def __getattr__(name: str):
    # Loaded on first use: importing sourcelight (the server, the CLI) stays light.
    if name == "annotate":
        from sourcelight.pipeline.annotate import annotate_page

        return annotate_page
    if name == "annotate_text":
        from sourcelight.pipeline.annotate import annotate_text

        return annotate_text
    raise AttributeError(f"module 'sourcelight' has no attribute {name!r}")
