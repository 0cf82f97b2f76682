"""The highlight resource: create on an article, list, change, trash and restore, search."""
from __future__ import annotations

from flask import Blueprint, request

from sourcelight.api.context import get_store, json_body
from sourcelight.api.docs import documented
from sourcelight.api.schemas.common import PageQuerySchema
from sourcelight.api.schemas.highlights import (
    HighlightCreateSchema, HighlightListSchema, HighlightSchema, HighlightSearchQuerySchema, HighlightUpdateSchema,
)
from sourcelight.store import highlights as highlight_store
from sourcelight.store.reanchor import bring_up_to_date

bp = Blueprint("highlights", __name__, url_prefix="/api/v1")


@bp.post("/articles/<article_id>/highlights")
@documented("Highlight a passage of an article, with an optional note, label and tags. The exact quote must "
            "occur in the article text at or near the position (422 otherwise).",
            body=HighlightCreateSchema, response=HighlightSchema, status=201,
            errors=(400, 401, 403, 404, 409, 415, 422), tags=("highlights",))
def create_highlight(article_id: str):
    data = HighlightCreateSchema().load(json_body())
    with get_store().session() as session:
        stored = highlight_store.create_highlight(session, article_id, data)
    return HighlightSchema().dump(stored), 201


@bp.get("/articles/<article_id>/highlights")
@documented("The article's highlights in reading order, each placed by the server in the article's latest "
            "text: `anchor` says how (anchored, moved, orphaned) and `position` where (code points); those "
            "that could not be placed are flagged orphaned (and kept).", response=HighlightListSchema,
            errors=(401, 403, 404), tags=("highlights",))
def list_article_highlights(article_id: str):
    bring_up_to_date(get_store(), article_id)
    with get_store().read_session() as session:
        items = highlight_store.list_highlights(session, article_id)
    return HighlightListSchema().dump({"highlights": items, "total": len(items)})


@bp.patch("/highlights/<highlight_id>")
@documented("Change a highlight's note, label, tags or colour.", body=HighlightUpdateSchema,
            response=HighlightSchema, errors=(400, 401, 403, 404, 415, 422), tags=("highlights",))
def update_highlight(highlight_id: str):
    changes = HighlightUpdateSchema().load(json_body())
    with get_store().session() as session:
        stored = highlight_store.update_highlight(session, highlight_id, changes)
    return HighlightSchema().dump(stored)


@bp.delete("/highlights/<highlight_id>")
@documented("Move a highlight to the trash (restore undoes it).", response=HighlightSchema,
            errors=(401, 403, 404), tags=("highlights",))
def delete_highlight(highlight_id: str):
    with get_store().session() as session:
        stored = highlight_store.delete_highlight(session, highlight_id)
    return HighlightSchema().dump(stored)


@bp.post("/highlights/<highlight_id>/restore")
@documented("Take a highlight out of the trash.", response=HighlightSchema, errors=(401, 403, 404, 409),
            tags=("highlights",))
def restore_highlight(highlight_id: str):
    with get_store().session() as session:
        stored = highlight_store.restore_highlight(session, highlight_id)
    return HighlightSchema().dump(stored)


@bp.get("/trash")
@documented("Highlights in the trash, most recently deleted first.", query=PageQuerySchema,
            response=HighlightListSchema, errors=(401, 403, 422), tags=("highlights",))
def list_trash():
    page = PageQuerySchema().load(request.args.to_dict())
    with get_store().read_session() as session:
        items, total = highlight_store.list_trash(session, **page)
    return HighlightListSchema().dump({"highlights": items, "total": total})


@bp.get("/highlights")
@documented("Search every highlight, newest first: full text over quotes, notes and tags, and filters.",
            query=HighlightSearchQuerySchema, response=HighlightListSchema, errors=(401, 403, 422),
            tags=("highlights",))
def search_highlights():
    query = HighlightSearchQuerySchema().load(request.args.to_dict())
    query["article_id"] = query.pop("article")
    with get_store().read_session() as session:
        items, total = highlight_store.search_highlights(session, **query)
    return HighlightListSchema().dump({"highlights": items, "total": total})
