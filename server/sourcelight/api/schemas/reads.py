"""Schemas of read marks and of what changed in an article since it was last read."""
from marshmallow import RAISE, Schema, fields, validate

from sourcelight.api.schemas.articles import KIND_VALUES

MAX_VERSION = 1_000_000  # far past any article's history; keeps absurd numbers from the database



class ReadCreateSchema(Schema):
    class Meta:
        unknown = RAISE

    version = fields.Integer(required=True, strict=True, validate=validate.Range(min=1, max=MAX_VERSION),
                             metadata={"description": "the version of the article the reader showed"})


class ChangesQuerySchema(Schema):
    class Meta:
        unknown = RAISE

    since = fields.Integer(load_default=None, validate=validate.Range(min=1, max=MAX_VERSION), metadata={
        "description": "the older version (default: the last version the reader showed, else the latest)"})
    to = fields.Integer(load_default=None, validate=validate.Range(min=1, max=MAX_VERSION),
                        metadata={"description": "the newer version (default: the latest)"})


class ReadMarkSchema(Schema):
    version = fields.Integer(required=True, metadata={"description": "the highest version the reader has shown"})
    first_read = fields.String(required=True, metadata={"description": "when it first showed it (ISO 8601, UTC)"})
    last_read = fields.String(required=True, metadata={"description": "when it last showed it (ISO 8601, UTC)"})


class ClaimBriefSchema(Schema):
    claim_id = fields.String(required=True, metadata={"description": "the claim's id in the version it is listed from"})
    text = fields.String(required=True)
    kind = fields.String(allow_none=True, validate=validate.OneOf(KIND_VALUES))
    source = fields.String(allow_none=True, metadata={"description": "who it rests on (the entity, else the words)"})
    via = fields.String(allow_none=True)
    hedges = fields.List(fields.String(), required=True)
    non_response = fields.Boolean(required=True)


class SourceRefSchema(Schema):
    name = fields.String(required=True)
    kind = fields.String(required=True, validate=validate.OneOf(KIND_VALUES))


class HedgeChangeSchema(Schema):
    claim_id = fields.String(required=True, metadata={"description": "the claim's id in the newer version"})
    text = fields.String(required=True)
    before = fields.List(fields.String(), required=True)
    after = fields.List(fields.String(), required=True)


class RestingSchema(Schema):
    kind = fields.String(allow_none=True)
    source = fields.String(allow_none=True)
    via = fields.String(allow_none=True)


class SourcingChangeSchema(Schema):
    claim_id = fields.String(required=True, metadata={"description": "the claim's id in the newer version"})
    text = fields.String(required=True)
    before = fields.Nested(RestingSchema, required=True)
    after = fields.Nested(RestingSchema, required=True)


class AnsweredSchema(Schema):
    party = fields.String(required=True, metadata={"description": "who did not answer in the older version"})
    claim_id = fields.String(required=True, metadata={"description": "their claim in the newer version"})
    before_text = fields.String(required=True)
    after_text = fields.String(required=True)


class CountsSchema(Schema):
    claims = fields.Integer(required=True)
    attributed = fields.Integer(required=True)
    by_kind = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)
    anonymous_share = fields.Float(allow_none=True, metadata={"description": "(anonymous + vague) / attributed"})
    hedged = fields.Integer(required=True)
    non_responses = fields.Integer(required=True)
    sources = fields.Integer(required=True)


class ChangesSchema(Schema):
    article_id = fields.String(required=True)
    from_version = fields.Integer(required=True)
    to_version = fields.Integer(required=True)
    latest_version = fields.Integer(required=True)
    from_date = fields.String(required=True, metadata={"description": "when the older version was stored"})
    to_date = fields.String(required=True, metadata={"description": "when the newer version was stored"})
    text_changed = fields.Boolean(required=True, metadata={"description": "the two versions' texts differ"})
    changed = fields.Boolean(required=True, metadata={"description": "the sourcing differs (any list below is not empty)"})
    last_read = fields.Nested(ReadMarkSchema, allow_none=True)
    claims_added = fields.List(fields.Nested(ClaimBriefSchema), required=True)
    claims_removed = fields.List(fields.Nested(ClaimBriefSchema), required=True)
    sources_added = fields.List(fields.Nested(SourceRefSchema), required=True)
    sources_dropped = fields.List(fields.Nested(SourceRefSchema), required=True)
    hedges_changed = fields.List(fields.Nested(HedgeChangeSchema), required=True)
    sourcing_changed = fields.List(fields.Nested(SourcingChangeSchema), required=True, metadata={
        "description": "the same claim (its text edited or not) now resting on another kind, source or relay"})
    non_responses_answered = fields.List(fields.Nested(AnsweredSchema), required=True)
    summary_before = fields.Nested(CountsSchema, required=True)
    summary_after = fields.Nested(CountsSchema, required=True)
