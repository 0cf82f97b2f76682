"""Schemas of the article resource: what POST /articles takes and what every article
response is (the shape of AnnotatedArticle.to_dict() plus the stored version)."""
from marshmallow import RAISE, Schema, fields, validate

from sourcelight.api.schemas.common import PageQuerySchema
from sourcelight.pipeline.model import QuoteKind, SourceKind

KIND_VALUES = [k.value for k in SourceKind]
QUOTE_VALUES = [q.value for q in QuoteKind]


class ArticleCreateSchema(Schema):
    class Meta:
        unknown = RAISE

    url = fields.Url(
        required=True, schemes={"http", "https"}, require_tld=False,
        metadata={"description": "the page's address (http or https); the server never fetches it"},
    )
    html = fields.String(
        required=True, validate=validate.Length(min=1),
        metadata={"description": "the page's live DOM (document.documentElement.outerHTML)"},
    )
    title = fields.String(load_default=None, allow_none=True, metadata={"description": "document.title, a hint"})
    lang = fields.String(
        load_default=None, allow_none=True, validate=validate.Length(max=35),
        metadata={"description": "the page's lang attribute, a hint only"},
    )


class ArticleListQuerySchema(PageQuerySchema):
    class Meta:
        unknown = RAISE

    q = fields.String(load_default=None, metadata={"description": "words in the title or URL"})
    site = fields.String(load_default=None, metadata={"description": "site name or host"})


class SourcingSchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(KIND_VALUES))
    source = fields.String(allow_none=True, metadata={"description": "who or what the claim rests on"})
    cue = fields.String(allow_none=True, metadata={"description": "the words that attribute it (said, according to…)"})
    via = fields.String(allow_none=True, metadata={"description": "the outlet or document relaying the source"})
    quote = fields.String(required=True, validate=validate.OneOf(QUOTE_VALUES))
    entity = fields.String(allow_none=True, metadata={
        "description": "who the source is across the article: 'Donald Trump' where the sentence says 'he'"})


class ClaimSchema(Schema):
    id = fields.String(required=True)
    text = fields.String(required=True)
    start = fields.Integer(required=True, metadata={"description": "code point offset into the article text"})
    end = fields.Integer(required=True, metadata={"description": "end offset (exclusive)"})
    paragraph = fields.Integer(required=True, metadata={"description": "index of the block the claim is in"})
    sourcing = fields.Nested(SourcingSchema, allow_none=True,
                             metadata={"description": "null when the language has no sourcing lexicon"})
    hedges = fields.List(fields.String(), required=True)
    non_response = fields.Boolean(required=True)
    denial = fields.Boolean(required=True)
    links = fields.List(fields.String(), required=True)
    note = fields.String(required=True, metadata={"description": "one plain sentence on how the claim is sourced"})
    anonymity_reason = fields.String(allow_none=True, metadata={
        "description": "for a claim on an anonymous source: why the article says it is not named ('' = no reason given)"})


class SourceCountSchema(Schema):
    name = fields.String(required=True)
    claims = fields.Integer(required=True)


class NonResponseSchema(Schema):
    claim_id = fields.String(required=True)
    text = fields.String(required=True)


class SummarySchema(Schema):
    claims = fields.Integer(required=True)
    by_kind = fields.Dict(keys=fields.String(validate=validate.OneOf(KIND_VALUES)), values=fields.Integer(), required=True)
    anonymous_share = fields.Float(allow_none=True, metadata={"description": "(anonymous + vague) / attributed claims"})
    named_sources = fields.List(fields.Nested(SourceCountSchema), required=True)
    outlets = fields.List(fields.Nested(SourceCountSchema), required=True)
    non_responses = fields.List(fields.Nested(NonResponseSchema), required=True)
    headline = fields.String(required=True)
    available = fields.Boolean(required=True, metadata={"description": "false when the language has no sourcing lexicon"})
    anonymous_claims = fields.Integer(metadata={"description": "claims resting on anonymous sources"})
    anonymity_explained = fields.Integer(metadata={"description": "of those, claims whose anonymity the article explains"})


class ArticleSchema(Schema):
    id = fields.String(required=True)
    version = fields.Integer(metadata={"description": "1 for the first text seen; +1 each time the text changes"})
    url = fields.String(allow_none=True)
    canonical_url = fields.String(allow_none=True)
    title = fields.String(required=True)
    byline = fields.String(allow_none=True)
    site = fields.String(allow_none=True)
    published = fields.String(allow_none=True, metadata={"description": "ISO date or null"})
    language = fields.String(required=True)
    language_confidence = fields.Float(required=True)
    fingerprint = fields.String(required=True, metadata={"description": "sha256 of the article text"})
    text = fields.String(required=True, metadata={"description": "plain article text; offsets count code points"})
    html = fields.String(required=True, metadata={"description": "sanitized reader HTML"})
    claims = fields.List(fields.Nested(ClaimSchema), required=True)
    summary = fields.Nested(SummarySchema, required=True)


class ArticleListItemSchema(Schema):
    id = fields.String(required=True)
    url = fields.String(allow_none=True)
    canonical_url = fields.String(allow_none=True)
    title = fields.String(required=True)
    site = fields.String(allow_none=True)
    published = fields.String(allow_none=True)
    language = fields.String(allow_none=True)
    version = fields.Integer()
    created = fields.String()
    updated = fields.String()
    highlights = fields.Integer(metadata={"description": "number of live highlights"})


class ArticleListSchema(Schema):
    articles = fields.List(fields.Nested(ArticleListItemSchema), required=True)
    total = fields.Integer(required=True)
