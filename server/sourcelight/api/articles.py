"""The article resource: annotate a page and store it; read stored articles back."""
from __future__ import annotations

from flask import Blueprint, request

from sourcelight.api.context import get_annotator, get_pipeline_options, get_store, json_body
from sourcelight.api.docs import documented
from sourcelight.api.schemas.articles import (
    ArticleCreateSchema, ArticleListQuerySchema, ArticleListSchema, ArticleSchema,
)
from sourcelight.store import articles as article_store
from sourcelight.store.reanchor import bring_up_to_date

bp = Blueprint("articles", __name__, url_prefix="/api/v1")

# How long a request waits for an annotation slot before answering 503.
SLOT_WAIT_SECONDS = 15


@bp.post("/articles")
@documented(
    "Annotate a page's HTML and store the article; the same page again returns the same id.",
    body=ArticleCreateSchema, response=ArticleSchema, status=201, errors=(400, 401, 403, 413, 415, 422, 503),
    tags=("articles",),
)
def create_article():
    data = ArticleCreateSchema().load(json_body())
    options = get_pipeline_options()
    article = get_annotator().annotate(
        "html", data["html"], url=data["url"], lang_hint=data["lang"], title_hint=data["title"],
        options=options, budget_seconds=options.time_budget_seconds, wait_seconds=SLOT_WAIT_SECONDS,
    )
    with get_store().session() as session:
        stored = article_store.save_article(session, article, seen_url=data["url"])
    bring_up_to_date(get_store(), stored["id"])  # after the write: other requests never wait on it
    return ArticleSchema().dump(stored), 201


@bp.get("/articles/<article_id>")
@documented("Return a stored article (its latest version).", response=ArticleSchema, errors=(401, 403, 404),
            tags=("articles",))
def get_article(article_id: str):
    bring_up_to_date(get_store(), article_id)
    with get_store().read_session() as session:
        stored = article_store.get_article(session, article_id)
    return ArticleSchema().dump(stored)


@bp.get("/articles")
@documented("List stored articles, newest first, optionally filtered.", query=ArticleListQuerySchema,
            response=ArticleListSchema, errors=(401, 403, 422), tags=("articles",))
def list_articles():
    query = ArticleListQuerySchema().load(request.args.to_dict())
    with get_store().read_session() as session:
        items, total = article_store.list_articles(session, **query)
    return ArticleListSchema().dump({"articles": items, "total": total})
