"""Schemas of the library (the articles read, with their sourcing), its plots and the source ledger."""
from marshmallow import RAISE, Schema, ValidationError, fields, validate, validates_schema

from sourcelight.api.schemas.common import MAX_OFFSET
from sourcelight.contract import HIGHLIGHT_LABELS
from sourcelight.store.library import SORTS
from sourcelight.store.sourcing_rows import KINDS

MAX_LIBRARY_PAGE = 100
MAX_QUERY_CHARS = 500
# PostgreSQL refuses NUL in any string (a 500 from the driver): refused here, naming the field.
NoNul = validate.Regexp(r"^[^\x00]*\Z", error="must not contain NUL characters")

Kind = fields.String(load_default=None, validate=validate.OneOf(KINDS), metadata={"description": "a source kind"})
ByKindSchema = Schema.from_dict({kind: fields.Integer(required=True) for kind in KINDS}, name="ByKind")


class _Paged(Schema):
    class Meta:
        unknown = RAISE

    limit = fields.Integer(load_default=25, validate=validate.Range(min=1, max=MAX_LIBRARY_PAGE),
                           metadata={"description": f"page size, 1 to {MAX_LIBRARY_PAGE}"})
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0, max=MAX_OFFSET),
                            metadata={"description": f"items to skip, 0 to {MAX_OFFSET:,}"})


class _ArticleFilters(Schema):
    class Meta:
        unknown = RAISE

    site = fields.String(load_default=None, validate=[validate.Length(min=1, max=253), NoNul],
                         metadata={"description": "only this site (registrable domain, as in `domain`), exact"})
    since = fields.Date(load_default=None, metadata={
        "description": "YYYY-MM-DD: articles dated (published, else first read) on or after it"})
    until = fields.Date(load_default=None, metadata={"description": "YYYY-MM-DD: dated on or before it"})


class LibraryQuerySchema(_Paged, _ArticleFilters):
    q = fields.String(load_default=None, validate=[validate.Length(max=MAX_QUERY_CHARS), NoNul], metadata={
        "description": "words (prefixes), all in the article's title, text and source names, or all in one "
                       "of its highlights' quote, note and tags"})
    kind = Kind
    min_share = fields.Float(load_default=None, validate=validate.Range(min=0, max=1), metadata={
        "description": "with `kind`: only articles where at least this share (0 to 1) of the claims is of that "
                       "kind; without it, `kind` means at least one claim of that kind"})
    label = fields.String(load_default=None, validate=validate.OneOf(list(HIGHLIGHT_LABELS)),
                          metadata={"description": "only articles with a highlight with this label"})
    tag = fields.String(load_default=None, validate=[validate.Length(min=1, max=64), NoNul],
                        metadata={"description": "only articles with a highlight with this tag (whole, any case)"})
    sort = fields.String(load_default="read", validate=validate.OneOf(SORTS), metadata={
        "description": "read: last opened first (default); date: newest article date first"})

    @validates_schema
    def share_needs_kind(self, data, **_):
        if data.get("min_share") is not None and not data.get("kind"):
            raise ValidationError("min_share needs kind", field_name="min_share")


class TrendsQuerySchema(_ArticleFilters):
    bucket = fields.String(load_default="week", validate=validate.OneOf(["week"]),
                           metadata={"description": "the time bucket of `weeks` (ISO weeks)"})


class SourceListQuerySchema(_Paged):
    q = fields.String(load_default=None, validate=[validate.Length(max=MAX_QUERY_CHARS), NoNul],
                      metadata={"description": "words of the source's name, in order"})
    kind = Kind


class LibraryItemSchema(Schema):
    id = fields.String(required=True)
    title = fields.String(required=True)
    site = fields.String(allow_none=True, metadata={"description": "the site's name as the page gives it"})
    domain = fields.String(allow_none=True, metadata={"description": "registrable domain (the `site` filter)"})
    url = fields.String(allow_none=True)
    published = fields.String(allow_none=True)
    date = fields.String(required=True, metadata={
        "description": "YYYY-MM-DD: published if known, else first read (date filters and weeks use it)"})
    first_read = fields.String(required=True)
    last_read = fields.String(required=True)
    latest_version = fields.Integer(required=True)
    versions = fields.Integer(required=True)
    claims = fields.Integer(required=True, metadata={"description": "claims of the latest version"})
    attributed = fields.Integer(required=True)
    by_kind = fields.Nested(ByKindSchema, required=True, metadata={"description": "claims per kind, all seven"})
    anonymous = fields.Integer(required=True)
    anonymity_explained = fields.Integer(required=True, metadata={
        "description": "anonymous claims for which the article says why the source is not named"})
    hedged = fields.Integer(required=True)
    non_responses = fields.Integer(required=True)
    highlights = fields.Integer(required=True, metadata={"description": "live highlights"})
    language = fields.String(allow_none=True)
    changed_since_read = fields.Boolean(required=True, metadata={
        "description": "the text changed since the reader was last shown the article"})


class LibraryPageSchema(Schema):
    articles = fields.List(fields.Nested(LibraryItemSchema), required=True)
    total = fields.Integer(required=True)
    limit = fields.Integer(required=True)
    offset = fields.Integer(required=True)


class _Counts(Schema):
    articles = fields.Integer(required=True)
    claims = fields.Integer(required=True)
    by_kind = fields.Nested(ByKindSchema, required=True)


class WeekSchema(_Counts):
    week = fields.String(required=True, metadata={"example": "2026-W47"})
    start = fields.String(required=True, metadata={"description": "the Monday, YYYY-MM-DD"})


class SiteTrendSchema(_Counts):
    site = fields.String(allow_none=True, metadata={"description": "registrable domain"})


class AnonymousTrendSchema(Schema):
    claims = fields.Integer(required=True)
    explained = fields.Integer(required=True, metadata={"description": "the article says why it is not named"})
    unexplained = fields.Integer(required=True)


class TopSourceSchema(Schema):
    key = fields.String(required=True)
    name = fields.String(required=True)
    kind = fields.String(required=True)
    articles = fields.Integer(required=True)
    claims = fields.Integer(required=True)


class TopOutletSchema(Schema):
    key = fields.String(required=True)
    name = fields.String(required=True)
    articles = fields.Integer(required=True)
    claims = fields.Integer(required=True)


class TrendsSchema(Schema):
    weeks = fields.List(fields.Nested(WeekSchema), required=True, metadata={"description": "oldest first"})
    sites = fields.List(fields.Nested(SiteTrendSchema), required=True,
                        metadata={"description": "the 30 sites with the most articles"})
    anonymous = fields.Nested(AnonymousTrendSchema, required=True)
    top_sources = fields.List(fields.Nested(TopSourceSchema), required=True, metadata={"description": "top 10"})
    top_outlets = fields.List(fields.Nested(TopOutletSchema), required=True, metadata={
        "description": "top 10 outlets relied on, as the source or relaying it"})


class SourceItemSchema(Schema):
    key = fields.String(required=True, metadata={
        "description": "kind + '.' + the name's words in lower case without leading determiners; "
                       "encode it as a path segment"})
    name = fields.String(required=True)
    kind = fields.String(required=True)
    articles = fields.Integer(required=True)
    claims = fields.Integer(required=True)
    sites = fields.Integer(required=True)
    via = fields.List(fields.String(), required=True, metadata={"description": "outlets relaying it"})


class SourceListSchema(Schema):
    sources = fields.List(fields.Nested(SourceItemSchema), required=True)
    total = fields.Integer(required=True)
    limit = fields.Integer(required=True)
    offset = fields.Integer(required=True)


class LedgerClaimSchema(Schema):
    claim_id = fields.String(required=True)
    text = fields.String(required=True)
    kind = fields.String(required=True)
    role = fields.String(required=True, validate=validate.OneOf(["source", "relay"]), metadata={
        "description": "source: the claim rests on it; relay: it relays the claim's source"})
    source = fields.String(allow_none=True)
    via = fields.String(allow_none=True)
    cue = fields.String(allow_none=True)
    hedges = fields.List(fields.String(), required=True)


class AppearanceSchema(Schema):
    article_id = fields.String(required=True)
    title = fields.String(required=True)
    site = fields.String(allow_none=True)
    domain = fields.String(allow_none=True)
    published = fields.String(allow_none=True)
    date = fields.String(required=True)
    url = fields.String(allow_none=True)
    claims = fields.List(fields.Nested(LedgerClaimSchema), required=True)


class SourceDetailSchema(SourceItemSchema):
    appearances = fields.List(fields.Nested(AppearanceSchema), required=True,
                              metadata={"description": "newest article first, paged by limit/offset"})
    limit = fields.Integer(required=True)
    offset = fields.Integer(required=True)


class SourceDetailQuerySchema(_Paged):
    pass
