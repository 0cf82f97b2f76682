"""The export resource: every highlight (or one article's) as JSON-LD, Markdown or CSV."""
from __future__ import annotations

import json

from flask import Blueprint, Response, request

from sourcelight.api.context import get_store
from sourcelight.api.docs import documented
from sourcelight.api.schemas.highlights import ExportQuerySchema
from sourcelight.store import export as exporter

bp = Blueprint("export", __name__, url_prefix="/api/v1")

MEDIA_TYPES = {
    "jsonld": 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    "markdown": "text/markdown; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
}
SUFFIXES = {"jsonld": "jsonld", "markdown": "md", "csv": "csv"}


@bp.get("/export")
@documented("Export highlights: W3C Web Annotation JSON-LD (an AnnotationCollection), Markdown grouped by "
            "article, or CSV for spreadsheets.", query=ExportQuerySchema, content_type=MEDIA_TYPES["jsonld"],
            errors=(401, 403, 404, 422), tags=("export",))
def export():
    query = ExportQuerySchema().load(request.args.to_dict())
    fmt, article_id = query["format"], query["article"]
    with get_store().session() as session:
        if fmt == "jsonld":
            body = json.dumps(exporter.export_jsonld(session, article_id=article_id), ensure_ascii=False, indent=2)
        elif fmt == "markdown":
            body = exporter.export_markdown(session, article_id=article_id)
        else:
            body = exporter.export_csv(session, article_id=article_id)
    response = Response(body, mimetype=None, content_type=MEDIA_TYPES[fmt])
    response.headers["Content-Disposition"] = f'attachment; filename="sourcelight-highlights.{SUFFIXES[fmt]}"'
    return response
