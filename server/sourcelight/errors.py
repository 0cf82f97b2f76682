"""The domain error hierarchy. No Flask and no HTTP codes here: api/errors.py maps each
class to a status and a stable machine code, in one place."""
from __future__ import annotations


class SourcelightError(Exception):
    """Base of every error sourcelight raises on purpose.

    ``message`` is one sentence a user can act on; ``fields`` maps input field names to
    what is wrong with them, when the error is about specific fields. ``retryable`` says
    whether the same request may succeed if sent again unchanged (the server was busy),
    so that a client offers "Try again" only then.
    """

    retryable = False

    def __init__(self, message: str, *, fields: dict[str, list[str]] | None = None,
                 retryable: bool | None = None):
        super().__init__(message)
        self.message = message
        self.fields = fields
        if retryable is not None:
            self.retryable = retryable


class InvalidInput(SourcelightError):
    """The input is well-formed but not acceptable (a non-http URL, a bad selector)."""


class MalformedInput(SourcelightError):
    """The input could not be parsed at all (a body that is not valid JSON)."""


class PayloadTooLarge(SourcelightError):
    """The input is larger than a configured limit allows."""


class PageTooComplex(SourcelightError):
    """The page exceeds a structural budget (element count, nesting, text length)."""


class ProcessingTimeout(SourcelightError):
    """The page could not be processed within its time budget, or the server was too busy to
    start on it (only that case is retryable: the same page would run out of time again)."""


class NoArticleFound(SourcelightError):
    """The page holds no article text worth reading (a login page, an index, junk)."""


class NotFound(SourcelightError):
    """No stored record has that id."""


class Conflict(SourcelightError):
    """The request contradicts stored state (e.g. restoring a highlight that is not deleted)."""


class Unauthorized(SourcelightError):
    """The request carries no valid pairing token."""


class Forbidden(SourcelightError):
    """The request comes from a place that may never call the server (a web page's Origin)."""


class UnsupportedMediaType(SourcelightError):
    """A write arrived with a body that is not JSON."""
