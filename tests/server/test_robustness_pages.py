"""Odd but real-looking pages, each with the address the extension would send: the pipeline
and the HTTP API either give the article or a clear, typed refusal — never a crash or a 500.

The pages are tests/fixtures/robustness/*.html; pages.json gives each one's URL, what a
reader should get ("article" or "no_article") and why the page is there.
"""
from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest

from sourcelight.errors import NoArticleFound
from sourcelight.pipeline import annotate_page
from sourcelight.pipeline.extract import decode_page

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "robustness"
CASES = json.loads((PAGES / "pages.json").read_text(encoding="utf-8"))


def cases(expect: str | None = None) -> list:
    return [pytest.param(name, case, id=name) for name, case in CASES.items() if expect in (None, case["expect"])]


def source(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def test_every_page_in_the_folder_is_listed():
    assert sorted(p.name for p in PAGES.glob("*.html")) == sorted(CASES)


@pytest.mark.parametrize(("name", "case"), cases("article"))
def test_article_pages_are_annotated_with_loadable_pictures_only(name, case):
    article = annotate_page(source(name), case["url"])
    assert article.title and article.text
    for img in lxml.html.fromstring(article.html).iter("img"):
        assert img.get("src", "").startswith(("https://", "http://")), img.get("src")


@pytest.mark.parametrize(("name", "case"), cases("no_article"))
def test_pages_without_an_article_are_refused_plainly(name, case):
    with pytest.raises(NoArticleFound):
        annotate_page(source(name), case["url"])


@pytest.mark.parametrize(("name", "case"), cases())
def test_the_http_api_answers_every_page_without_a_500(client, auth_headers, name, case):
    html = decode_page(source(name))  # the extension sends the DOM's outerHTML as a string
    response = client.post("/api/v1/articles", json={"url": case["url"], "html": html}, headers=auth_headers)
    if case["expect"] == "article":
        assert response.status_code == 201, response.get_json()
        assert response.get_json()["text"]
    else:
        assert response.status_code == 422
        error = response.get_json()["error"]
        assert error["code"] == "no_article" and error["message"] and error["retryable"] is False


def test_a_heavy_ordinary_page_is_annotated():
    """2.5 MB of HTML: a megabyte of inline CSS, a megabyte of script, and the article."""
    base = source("byline-date-run.html").decode("utf-8")
    css = "<style>" + ".a-very-long-class-name-from-a-framework{margin:0 auto;padding:1px}\n" * 15_500 + "</style>"
    script = "<script>window.__STATE__=" + json.dumps({"items": ["x" * 90] * 11_000}) + "</script>"
    heavy = base.replace("</head>", css + script + "</head>")
    assert len(heavy) > 2_000_000
    article = annotate_page(heavy, CASES["byline-date-run.html"]["url"])
    assert "Nobody came into politics to close libraries" in article.text


def test_clutter_on_the_wire_page_stays_out_of_the_text():
    article = annotate_page(source("byline-date-run.html"), CASES["byline-date-run.html"]["url"])
    assert article.title == "Council votes to close two libraries"
    assert article.byline == "Maria Fuentes"
    assert "___" not in article.text and "Reporting by" not in article.text and "FUENTESNov" not in article.text
    assert "Reporting by Maria Fuentes; Editing by Tom Hale" in article.html
