"""The export resource: highlights and sourcing as JSON-LD, Markdown, CSV, sourcing tables, or
notes for Obsidian/Logseq (sourcelight/outputs/ writes every format)."""
from __future__ import annotations

from urllib.parse import quote

from flask import Blueprint, Response, request

from sourcelight.api.context import get_store
from sourcelight.api.docs import documented
from sourcelight.api.schemas.highlights import ExportQuerySchema
from sourcelight.outputs.formats import JSONLD_TYPE, export_format, write_export
from sourcelight.store.export import collect_export

bp = Blueprint("export", __name__, url_prefix="/api/v1")


@bp.get("/export")
@documented("Export highlights and sourcing: W3C Web Annotation JSON-LD (an AnnotationCollection with each claim's "
            "kind, cue and hedges as classifying bodies), Markdown grouped by article, CSV of highlights, the "
            "sourcing table as CSV (a row per claim or per article), or Obsidian/Logseq notes.",
            query=ExportQuerySchema, content_type=JSONLD_TYPE, errors=(401, 403, 404, 422), tags=("export",))
def export():
    query = ExportQuerySchema().load(request.args.to_dict())
    fmt = export_format(query["format"], query["scope"])
    with get_store().read_session() as session:
        data = collect_export(session, article_id=query["article"], every_article=fmt.every_article,
                              records=fmt.records, stream=fmt.stream)
        body, content_type, filename = write_export(fmt, data)
    response = Response(body, mimetype=None, content_type=content_type)
    response.headers["Content-Disposition"] = _attachment(filename)
    return response


def _attachment(filename: str) -> str:
    """Content-Disposition for a file name that may hold any character (RFC 6266 filename*)."""
    plain = "".join(c if c.isascii() and c.isprintable() and c not in '"\\;' else "_" for c in filename)
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(filename, safe='')}"
