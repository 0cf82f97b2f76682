"""The library: the articles read with their sourcing (filtered, searched, paged), and the plots' data."""
from __future__ import annotations

from flask import Blueprint, request

from sourcelight.api.context import get_store
from sourcelight.api.docs import documented
from sourcelight.api.schemas.library import LibraryPageSchema, LibraryQuerySchema, TrendsQuerySchema, TrendsSchema
from sourcelight.store import library

bp = Blueprint("library", __name__, url_prefix="/api/v1")


@bp.get("/library")
@documented("Every article read, last opened first, with its sourcing counted by kind: filter by site, share "
            "of a kind, date, highlight label or tag; search articles and highlights together.",
            query=LibraryQuerySchema, response=LibraryPageSchema, errors=(401, 403, 422), tags=("library",))
def list_library():
    query = LibraryQuerySchema().load(request.args.to_dict())
    sort, limit, offset = query.pop("sort"), query.pop("limit"), query.pop("offset")
    with get_store().read_session() as session:
        items, total = library.list_library(session, library.LibraryFilters(**query), sort=sort, limit=limit,
                                            offset=offset)
    return LibraryPageSchema().dump({"articles": items, "total": total, "limit": limit, "offset": offset})


@bp.get("/library/trends")
@documented("The plots' data: claims by kind per week and per site, anonymous claims with and without a stated "
            "reason, the most relied-on sources and outlets.", query=TrendsQuerySchema, response=TrendsSchema,
            errors=(401, 403, 422), tags=("library",))
def library_trends():
    query = TrendsQuerySchema().load(request.args.to_dict())
    query.pop("bucket")
    with get_store().read_session() as session:
        trends = library.library_trends(session, library.LibraryFilters(**query))
    return TrendsSchema().dump(trends)
