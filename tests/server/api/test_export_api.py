"""The export route's sourcing formats: the sourcing tables, Obsidian/Logseq notes, on SQLite and PostgreSQL."""
from __future__ import annotations

import csv
import io
import zipfile

import pytest

pytestmark = pytest.mark.both_databases

PAGE = "wire-reuters-style"
PAGE_URL = "https://wire.example.com/world/2024/story"


@pytest.fixture
def article(client, auth_headers, fixture_page):
    response = client.post("/api/v1/articles", json={"url": PAGE_URL, "html": fixture_page(PAGE)}, headers=auth_headers)
    assert response.status_code == 201
    return response.get_json()


def test_sourcing_csv_per_claim_and_per_article(client, auth_headers, article):
    claims = client.get("/api/v1/export?format=sourcing-csv&scope=claims", headers=auth_headers)
    assert claims.status_code == 200 and claims.content_type.startswith("text/csv")
    assert "sourcelight-claims.csv" in claims.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(claims.get_data(as_text=True), newline="")))
    assert [r["claim_id"] for r in rows] == [c["id"] for c in article["claims"]]  # no highlight needed
    articles = client.get("/api/v1/export?format=sourcing-csv&scope=articles", headers=auth_headers)
    [row] = list(csv.DictReader(io.StringIO(articles.get_data(as_text=True), newline="")))
    assert int(row["claims"]) == article["summary"]["claims"]


def test_obsidian_note_for_one_article_and_a_zip_for_everything(client, auth_headers, article):
    one = client.get(f"/api/v1/export?format=obsidian&article={article['id']}", headers=auth_headers)
    assert one.status_code == 200 and one.content_type.startswith("text/markdown")
    assert one.get_data(as_text=True).startswith("---\ntitle: ")
    assert ".md" in one.headers["Content-Disposition"]
    everything = client.get("/api/v1/export?format=obsidian", headers=auth_headers)
    assert everything.content_type == "application/zip"
    assert len(zipfile.ZipFile(io.BytesIO(everything.get_data())).namelist()) == 1


@pytest.mark.parametrize("query, field", [("format=sourcing-csv&scope=rows", "scope"), ("format=obsidian&x=1", "x")])
def test_export_query_is_validated(client, auth_headers, query, field):
    response = client.get(f"/api/v1/export?{query}", headers=auth_headers)
    assert response.status_code == 422 and field in response.get_json()["error"]["fields"]


def test_an_unknown_article_is_404(client, auth_headers):
    assert client.get("/api/v1/export?format=obsidian&article=nope", headers=auth_headers).status_code == 404
