"""docs/api.md and the OpenAPI document come from the schemas and the real routes."""
from pathlib import Path

from sourcelight.api.openapi import openapi_document, openapi_markdown

API_MD = Path(__file__).resolve().parents[3] / "docs" / "api.md"


def test_docs_api_md_is_generated_and_current():
    assert API_MD.read_text(encoding="utf-8") == openapi_markdown(), (
        "docs/api.md is stale: run `sourcelight openapi --format markdown --out docs/api.md`"
    )


def test_every_registered_route_is_documented(app):
    documented = {(path, method) for path, ops in openapi_document()["paths"].items() for method in ops}
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/"):
            continue
        path = rule.rule.replace("<", "{").replace(">", "}")
        path = "/".join("{" + p[1:-1].split(":")[-1] + "}" if p.startswith("{") else p for p in path.split("/"))
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            assert (path, method.lower()) in documented, f"{method} {rule.rule} has no @documented"


def test_article_schema_is_in_the_document():
    schemas = openapi_document()["components"]["schemas"]
    assert {"Article", "Claim", "Sourcing", "Summary", "Error"} <= set(schemas)
