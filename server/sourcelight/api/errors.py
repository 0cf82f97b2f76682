"""The one mapping from errors to HTTP: every error body is {"error": {code, message, retryable, fields?}}."""
from __future__ import annotations

import logging

from flask import Flask, jsonify
from marshmallow import ValidationError
from werkzeug.exceptions import BadRequest, HTTPException

from sourcelight import errors

log = logging.getLogger(__name__)

# Domain error -> (HTTP status, stable machine code). Order matters only for subclasses.
ERROR_STATUS: dict[type[errors.SourcelightError], tuple[int, str]] = {
    errors.InvalidInput: (422, "invalid_input"),
    errors.MalformedInput: (400, "invalid_json"),
    errors.PayloadTooLarge: (413, "payload_too_large"),
    errors.PageTooComplex: (422, "page_too_complex"),
    errors.ProcessingTimeout: (503, "processing_timeout"),
    errors.NoArticleFound: (422, "no_article"),
    errors.NotFound: (404, "not_found"),
    errors.Conflict: (409, "conflict"),
    errors.Unauthorized: (401, "unauthorized"),
    errors.Forbidden: (403, "forbidden"),
    errors.UnsupportedMediaType: (415, "unsupported_media_type"),
}


def error_response(status: int, code: str, message: str, fields=None, *, retryable: bool = False):
    payload = {"code": code, "message": message, "retryable": retryable}
    if fields:
        payload["fields"] = fields
    response = jsonify({"error": payload})
    response.status_code = status
    return response


def status_for(error: errors.SourcelightError) -> tuple[int, str]:
    for cls in type(error).__mro__:
        if cls in ERROR_STATUS:
            return ERROR_STATUS[cls]
    return 400, "bad_request"


def _handle_domain_error(error: errors.SourcelightError):
    status, code = status_for(error)
    return error_response(status, code, error.message, error.fields, retryable=bool(error.retryable))


def _handle_validation_error(error: ValidationError):
    messages = error.messages if isinstance(error.messages, dict) else {"_schema": error.messages}
    names = ", ".join(sorted(str(k) for k in messages))
    return error_response(422, "validation_error", f"invalid or missing fields: {names}", messages)


def _handle_http_exception(error: HTTPException):
    if isinstance(error, BadRequest) and error.code == 400:
        return error_response(400, "bad_request", "the request could not be understood (is the body valid JSON?)")
    code = (error.name or "error").lower().replace(" ", "_")
    if error.code == 413:
        return error_response(413, "payload_too_large", "the request body is larger than the server accepts")
    # Too many requests and a temporarily unavailable server are worth another try; nothing else.
    return error_response(error.code or 500, code, error.description or error.name,
                          retryable=error.code in (429, 503))


def _handle_unexpected(error: Exception):
    # The traceback goes to the log only; the client learns nothing about internals.
    log.exception("unexpected error while handling a request")
    return error_response(500, "internal_error", "something went wrong inside sourcelight; the server log has details")


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(errors.SourcelightError, _handle_domain_error)
    app.register_error_handler(ValidationError, _handle_validation_error)
    app.register_error_handler(HTTPException, _handle_http_exception)
    app.register_error_handler(Exception, _handle_unexpected)
