"""The export resource: every highlight (or one article's) as JSON-LD, Markdown or CSV."""
from __future__ import annotations

import json

from flask import Blueprint, Response, request

from sourcelight import outputs
from sourcelight.api.context import get_store
from sourcelight.api.docs import documented
from sourcelight.api.schemas.highlights import ExportQuerySchema
from sourcelight.store.export import collect_export

bp = Blueprint("export", __name__, url_prefix="/api/v1")

MEDIA_TYPES = {
    "jsonld": 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    "markdown": "text/markdown; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
}
SUFFIXES = {"jsonld": "jsonld", "markdown": "md", "csv": "csv"}
WRITERS = {
    "jsonld": lambda data: json.dumps(outputs.export_jsonld(data), ensure_ascii=False, indent=2),
    "markdown": outputs.export_markdown,
    "csv": outputs.export_csv,
}


@bp.get("/export")
@documented("Export highlights: W3C Web Annotation JSON-LD (an AnnotationCollection), Markdown grouped by "
            "article, or CSV for spreadsheets.", query=ExportQuerySchema, content_type=MEDIA_TYPES["jsonld"],
            errors=(401, 403, 404, 422), tags=("export",))
def export():
    query = ExportQuerySchema().load(request.args.to_dict())
    with get_store().read_session() as session:
        data = collect_export(session, article_id=query["article"])
    response = Response(WRITERS[query["format"]](data), mimetype=None, content_type=MEDIA_TYPES[query["format"]])
    response.headers["Content-Disposition"] = f'attachment; filename="sourcelight-highlights.{SUFFIXES[query["format"]]}"'
    return response
