"""The sourcing exports from the options page, in the real browser against the real server:
the table a teacher opens in a spreadsheet, the notes a reader drops into Obsidian."""
from __future__ import annotations

import csv
import io
import zipfile

import pytest

from tests.e2e.reader_helpers import open_seed

pytestmark = pytest.mark.e2e


@pytest.fixture
def page(browser):
    page = browser.context.new_page()
    yield page
    page.close()


def download(page, selector):
    with page.expect_download() as done:
        page.click(selector)
    return done.value


def test_the_sourcing_table_and_the_notes_download_from_the_options_page(browser, page, site, companion):
    open_seed(browser, page, site)
    article_id = page.locator("body").get_attribute("data-article-id")
    status, article, _ = companion.request("GET", f"/api/v1/articles/{article_id}")
    assert status == 200
    exact = "a backup plan if Iran was attacked"
    start = article["text"].index(exact)
    status, highlight, _ = companion.request("POST", f"/api/v1/articles/{article_id}/highlights", {
        "quote": {"exact": exact}, "position": {"start": start, "end": start + len(exact)}, "note": "Ask who said so."})
    assert status == 201, highlight
    page.goto(f"chrome-extension://{browser.extension_id}/options/options.html")

    claims = download(page, "button[data-export=sourcing-csv][data-scope=claims]")
    assert claims.suggested_filename == "sourcelight-claims.csv"
    rows = list(csv.DictReader(io.StringIO(open(claims.path(), encoding="utf-8", newline="").read(), newline="")))
    mine = [r for r in rows if r["article_id"] == article_id]
    assert [r["claim_id"] for r in mine] == [c["id"] for c in article["claims"]]
    assert {r["kind"] for r in mine} >= {"anonymous"}  # the seed article rests on anonymous sources

    per_article = download(page, "button[data-export=sourcing-csv][data-scope=articles]")
    [row] = [r for r in csv.DictReader(open(per_article.path(), encoding="utf-8", newline="")) if r["article_id"] == article_id]
    assert int(row["claims"]) == article["summary"]["claims"]

    notes = download(page, "button[data-export=obsidian]")
    assert notes.suggested_filename == "sourcelight-notes.zip"
    archive = zipfile.ZipFile(notes.path())
    [note] = [archive.read(n).decode() for n in archive.namelist() if f"({article_id})" in n]
    assert note.startswith("---\ntitle: ")
    assert f"> {exact}" in note and "> Ask who said so." in note
    assert f"^sl-{highlight['id']}" in note
