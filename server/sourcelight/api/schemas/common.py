"""Schemas shared by every resource: the error body, health, pagination."""
from marshmallow import Schema, fields, validate


class ErrorDetailSchema(Schema):
    code = fields.String(required=True, metadata={"description": "stable machine-readable code"})
    message = fields.String(required=True, metadata={"description": "what is wrong, in one sentence"})
    retryable = fields.Boolean(required=True, metadata={
        "description": "true when sending the same request again may succeed (the server was busy); "
                       "false when it would fail the same way, so a client offers 'Try again' only on true"})
    fields = fields.Dict(
        keys=fields.String(), values=fields.Raw(),
        metadata={"description": "per input field, what is wrong with it (validation errors only)"},
    )


class ErrorSchema(Schema):
    error = fields.Nested(ErrorDetailSchema, required=True)


class EngineSchema(Schema):
    language = fields.String(required=True, metadata={"example": "en"})
    engine = fields.String(required=True, validate=validate.OneOf(["parse", "rules"]),
                           metadata={"description": "parse: rules on a dependency parse; rules: rules over the lexicon"})
    model = fields.String(allow_none=True, metadata={"example": "en_core_web_sm 3.8.0 (package en_core_web_sm)"})


class HealthSchema(Schema):
    status = fields.String(required=True, metadata={"example": "ok"})
    version = fields.String(required=True)
    engines = fields.List(fields.Nested(EngineSchema), metadata={
        "description": "which attribution engine and parser model each language with a lexicon uses"})


# Paging bounds. An offset past any real notebook is refused here (422 naming the field):
# unbounded, offset=10**30 reached the database driver and overflowed its 64-bit integer.
MAX_PAGE_SIZE = 200
MAX_OFFSET = 1_000_000
# Code point offsets into an article's text: the text is at most MAX_TEXT_CHARS (1,000,000 by
# default) long; this bound only keeps absurd numbers away from the database.
MAX_TEXT_OFFSET = 100_000_000


class PageQuerySchema(Schema):
    limit = fields.Integer(load_default=20, validate=validate.Range(min=1, max=MAX_PAGE_SIZE),
                           metadata={"description": f"page size, 1 to {MAX_PAGE_SIZE}"})
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0, max=MAX_OFFSET),
                            metadata={"description": f"items to skip, 0 to {MAX_OFFSET:,}"})
