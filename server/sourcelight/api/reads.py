"""Read marks and what changed since: the reader says which version it showed, and asks what
changed in the sourcing since the version it showed last."""
from __future__ import annotations

from flask import Blueprint, request

from sourcelight.api.context import get_store, json_body
from sourcelight.api.docs import documented
from sourcelight.api.schemas.reads import ChangesQuerySchema, ChangesSchema, ReadCreateSchema
from sourcelight.store import reads

bp = Blueprint("reads", __name__, url_prefix="/api/v1")


@bp.post("/articles/<article_id>/read")
@documented("Record that the reader showed this version of the article (the last version read never goes back).",
            body=ReadCreateSchema, status=204, errors=(401, 403, 404, 415, 422), tags=("articles",))
def record_read(article_id: str):
    data = ReadCreateSchema().load(json_body())
    with get_store().session() as session:
        reads.record_read(session, article_id, data["version"])
    return "", 204


@bp.get("/articles/<article_id>/changes")
@documented("What changed in the article's sourcing between two stored versions: by default since the version "
            "the reader last showed, to the latest.", query=ChangesQuerySchema, response=ChangesSchema,
            errors=(401, 403, 404, 422), tags=("articles",))
def article_changes(article_id: str):
    query = ChangesQuerySchema().load(request.args.to_dict())
    with get_store().read_session() as session:
        changes = reads.article_changes(session, article_id, **query)
    return ChangesSchema().dump(changes)
