"""Schemas of the highlight resource, its search, the trash and the export."""
from marshmallow import RAISE, Schema, ValidationError, fields, validate, validates_schema

from sourcelight.api.schemas.common import MAX_TEXT_OFFSET, PageQuerySchema
from sourcelight.contract import ANCHOR_STATES, HIGHLIGHT_LABELS

LABELS = list(HIGHLIGHT_LABELS)
MAX_QUOTE_CHARS = 20_000
MAX_NOTE_CHARS = 100_000
Tag = fields.String(validate=validate.Length(min=1, max=64))
Color = fields.String(allow_none=True, validate=validate.Regexp(r"^(#[0-9a-fA-F]{3,8}|[a-z]{3,20})$"),
                      metadata={"description": "a CSS hex colour or colour name"})


class QuoteSchema(Schema):
    """W3C TextQuoteSelector."""

    class Meta:
        unknown = RAISE

    exact = fields.String(required=True, validate=validate.Length(min=1, max=MAX_QUOTE_CHARS))
    prefix = fields.String(load_default="", validate=validate.Length(max=1000))
    suffix = fields.String(load_default="", validate=validate.Length(max=1000))


class PositionSchema(Schema):
    """W3C TextPositionSelector: code point offsets into the article text."""

    class Meta:
        unknown = RAISE

    start = fields.Integer(required=True, validate=validate.Range(min=0, max=MAX_TEXT_OFFSET))
    end = fields.Integer(required=True, validate=validate.Range(min=0, max=MAX_TEXT_OFFSET))

    @validates_schema
    def end_after_start(self, data, **_):
        if data["end"] <= data["start"]:
            raise ValidationError("end must be greater than start", field_name="end")


class HighlightCreateSchema(Schema):
    class Meta:
        unknown = RAISE

    id = fields.UUID(load_default=None, metadata={"description": "optional client-chosen id (idempotent retries)"})
    quote = fields.Nested(QuoteSchema, required=True)
    position = fields.Nested(PositionSchema, required=True)
    claim_id = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=32))
    note = fields.String(load_default="", validate=validate.Length(max=MAX_NOTE_CHARS),
                         metadata={"description": "Markdown"})
    label = fields.String(load_default=None, allow_none=True, validate=validate.OneOf(LABELS))
    tags = fields.List(Tag, load_default=list, validate=validate.Length(max=50))
    color = Color

    @validates_schema
    def quote_fits_position(self, data, **_):
        span = data["position"]["end"] - data["position"]["start"]
        if span != len(data["quote"]["exact"]):
            raise ValidationError("position must span exactly the quote's characters", field_name="position")


class HighlightUpdateSchema(Schema):
    class Meta:
        unknown = RAISE

    note = fields.String(validate=validate.Length(max=MAX_NOTE_CHARS))
    label = fields.String(allow_none=True, validate=validate.OneOf(LABELS))
    tags = fields.List(Tag, validate=validate.Length(max=50))
    color = Color

    @validates_schema
    def not_empty(self, data, **_):
        if not data:
            raise ValidationError("give at least one of note, label, tags, color")


class ArticleRefSchema(Schema):
    id = fields.String(required=True)
    title = fields.String(required=True)
    url = fields.String(allow_none=True)
    site = fields.String(allow_none=True)


class HighlightSchema(Schema):
    id = fields.String(required=True)
    article_id = fields.String(required=True)
    version = fields.Integer(required=True, metadata={
        "description": "the article version the position refers to: the latest, unless orphaned"})
    quote = fields.Nested(QuoteSchema, required=True, metadata={
        "description": "TextQuoteSelector: the passage as it reads in that version, with 32 characters of context"})
    position = fields.Nested(PositionSchema, required=True, metadata={
        "description": "TextPositionSelector placed by the server: code point offsets into the latest text "
                       "(for an orphan, into `version`'s text); the extension only maps them to the page"})
    claim_id = fields.String(allow_none=True)
    note = fields.String(required=True)
    label = fields.String(allow_none=True)
    tags = fields.List(fields.String(), required=True)
    color = fields.String(allow_none=True)
    anchor = fields.String(required=True, validate=validate.OneOf(list(ANCHOR_STATES)), metadata={
        "description": "how the server found it in the latest text: anchored (where it was), moved (elsewhere, "
                       "or changed a little), orphaned (not found; kept)"})
    orphaned = fields.Boolean(required=True, metadata={"description": "could not be placed in the latest text"})
    created = fields.String(required=True)
    updated = fields.String(required=True)
    deleted = fields.String(allow_none=True, metadata={"description": "when it went to the trash, or null"})
    article = fields.Nested(ArticleRefSchema, allow_none=True,
                            metadata={"description": "in search results: the article the highlight is in"})


class HighlightListSchema(Schema):
    highlights = fields.List(fields.Nested(HighlightSchema), required=True)
    total = fields.Integer()


class HighlightSearchQuerySchema(PageQuerySchema):
    class Meta:
        unknown = RAISE

    q = fields.String(load_default=None, validate=validate.Length(max=500),
                      metadata={"description": "words in quotes, notes or tags (prefix match)"})
    label = fields.String(load_default=None, validate=validate.OneOf(LABELS))
    tag = fields.String(load_default=None)
    site = fields.String(load_default=None)
    since = fields.AwareDateTime(load_default=None,
                                 metadata={"description": "ISO 8601 with time zone"})
    until = fields.AwareDateTime(load_default=None, metadata={"description": "ISO 8601 with time zone"})
    article = fields.String(load_default=None, data_key="article")


class ExportQuerySchema(Schema):
    class Meta:
        unknown = RAISE

    format = fields.String(
        load_default="jsonld", validate=validate.OneOf(["jsonld", "markdown", "csv", "sourcing-csv", "obsidian"]),
        metadata={"description": "jsonld: W3C Web Annotation (highlights, and every claim's sourcing as classifying "
                                 "annotations); markdown: highlights grouped by article; csv: one row per highlight; "
                                 "sourcing-csv: the sourcing table (see scope); obsidian: a Markdown note per article "
                                 "for Obsidian/Logseq (one article: the note; everything: a zip of notes)"})
    article = fields.String(load_default=None, metadata={"description": "only this article"})
    scope = fields.String(load_default="claims", validate=validate.OneOf(["claims", "articles"]), metadata={
        "description": "sourcing-csv only: one row per claim, or one row per article with its shares by kind"})
