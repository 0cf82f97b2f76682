"""The source ledger: the same source across articles and sites, with the claims resting on it."""
from __future__ import annotations

from flask import Blueprint, request

from sourcelight.api.context import get_store
from sourcelight.api.docs import documented
from sourcelight.api.schemas.library import (
    SourceDetailQuerySchema, SourceDetailSchema, SourceListQuerySchema, SourceListSchema,
)
from sourcelight.store import ledger

bp = Blueprint("sources", __name__, url_prefix="/api/v1")


@bp.get("/sources")
@documented("The sources the articles rest on, most relied-on first: named people and organizations, outlets "
            "(as the source or relaying it), and anonymous or vague descriptors, each one key across articles "
            "and sites.", query=SourceListQuerySchema, response=SourceListSchema, errors=(401, 403, 422),
            tags=("sources",))
def list_sources():
    query = SourceListQuerySchema().load(request.args.to_dict())
    with get_store().read_session() as session:
        items, total = ledger.list_sources(session, **query)
    return SourceListSchema().dump({"sources": items, "total": total, "limit": query["limit"],
                                    "offset": query["offset"]})


@bp.get("/sources/<key>")
@documented("One source: the articles (newest first) and the claims in each that rest on it or that it relays.",
            query=SourceDetailQuerySchema, response=SourceDetailSchema, errors=(401, 403, 404, 422),
            tags=("sources",))
def get_source(key: str):
    query = SourceDetailQuerySchema().load(request.args.to_dict())
    with get_store().read_session() as session:
        source = ledger.get_source(session, key, **query)
    return SourceDetailSchema().dump({**source, **query})
