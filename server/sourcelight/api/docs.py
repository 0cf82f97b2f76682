"""Route documentation attached to the view functions themselves, so that the OpenAPI
document (openapi.py) is built from the routes that really exist and the schemas they use."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable


@dataclass(frozen=True)
class RouteDoc:
    summary: str
    body: type | None = None  # marshmallow schema class of the JSON body
    query: type | None = None  # marshmallow schema class of the query string
    response: type | None = None  # marshmallow schema class of the success body
    status: int = 200
    content_type: str = "application/json"
    errors: tuple[int, ...] = ()
    auth: bool = True
    tags: tuple[str, ...] = field(default_factory=tuple)


def documented(summary: str, **kwargs) -> Callable:
    """Attach a RouteDoc to a view function (read by api/openapi.py)."""

    def decorate(view: Callable) -> Callable:
        view.route_doc = RouteDoc(summary=summary, **kwargs)
        return view

    return decorate
