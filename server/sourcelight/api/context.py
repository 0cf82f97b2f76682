"""Access to the per-app objects (store, pipeline options) from inside a request."""
from __future__ import annotations

from typing import Any

from flask import current_app, request

from sourcelight.errors import MalformedInput, UnsupportedMediaType


def get_store():
    return current_app.extensions["sourcelight"]["store"]


def get_pipeline_options():
    return current_app.extensions["sourcelight"]["pipeline_options"]


def get_annotator():
    return current_app.extensions["sourcelight"]["annotator"]


def json_body() -> Any:
    """The request's JSON body.

    Raises UnsupportedMediaType when the body is not declared as JSON (so that a plain HTML
    form can never post), MalformedInput when it does not parse.
    """
    if not request.is_json:
        raise UnsupportedMediaType("send the body as JSON with Content-Type: application/json")
    try:
        data = request.get_json(silent=True)
    except RecursionError:  # silent only covers ValueError; "[[[[..." 100,000 deep raises this
        data = None
    if data is None:
        raise MalformedInput("the body is not valid JSON")
    return data
