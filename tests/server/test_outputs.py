"""Every output format escapes what the page supplied, by one rule per format that the CLI and
the export share (issue 10: the CLI's Markdown carried og:site_name's HTML as it was)."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from sourcelight import outputs
from sourcelight.outputs import csv_cell, escape_markdown, markdown_url
from sourcelight.pipeline import annotate_page
from sourcelight.store import Store
from sourcelight.store.articles import save_article
from sourcelight.store.export import collect_export
from sourcelight.store.highlights import create_highlight

HOSTILE = "<img src=x onerror=alert(1)>"
PROSE = ("The minister said on Tuesday that the bridge would reopen in May, according to officials. "
         "Critics say the repairs were rushed and the costs were hidden from the public, Reuters reported. ")
PAGE = (f'<html><head><title>Bridge {HOSTILE} repairs</title><meta property="og:site_name" content="{HOSTILE}">'
        f'<meta name="author" content="Ann &lt;script&gt;alert(1)&lt;/script&gt; Writer">'
        f'<meta property="article:published_time" content="2024-03-01"></head><body><article>'
        f'<h1>Bridge &lt;img src=x onerror=alert(1)&gt; repairs</h1>' + "".join(f"<p>{PROSE}</p>" for _ in range(4)) + "</article></body></html>")
URL = "https://news.example/bridge"
# An HTML tag Markdown would pass through: "<" not escaped by a backslash.
RAW_TAG = re.compile(r"(?<!\\)<(img|script)", re.IGNORECASE)


def _cli(fmt: str) -> str:
    result = subprocess.run([sys.executable, "-m", "sourcelight", "annotate", "-", "--url", URL, "--format", fmt],
                            input=PAGE.encode(), capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode()


def _site() -> str:
    """The site name as the pipeline reads it from og:site_name (it capitalises words)."""
    site = annotate_page(PAGE, URL).site
    assert site.startswith("<") and site.lower() == HOSTILE  # still markup: the test means something
    return site


def test_cli_markdown_has_no_raw_html_from_the_page():
    markdown = _cli("markdown")
    assert RAW_TAG.search(markdown) is None
    assert escape_markdown(_site()) in markdown
    assert "Bridge \\<img src=x onerror=alert(1)\\> repairs" in markdown  # the title, as text


def test_cli_standalone_html_has_no_markup_from_the_page():
    page = _cli("html")
    assert "<img src=x" not in page.lower() and "<script" not in page.lower()
    assert "<title>Bridge &lt;img src=x onerror=alert(1)&gt; repairs · sourcelight</title>" in page


def test_the_export_writes_the_same_value_as_the_cli_does(tmp_path):
    article = annotate_page(PAGE, URL)
    store = Store(f"sqlite:///{tmp_path / 'outputs.db'}")
    store.upgrade()
    with store.session() as session:
        stored = save_article(session, article, seen_url=URL)
        start = stored["text"].index("the bridge would reopen")
        create_highlight(session, stored["id"], {"quote": {"exact": "the bridge would reopen"},
                                                 "position": {"start": start, "end": start + 23}})
    with store.read_session() as session:
        data = collect_export(session)
    store.dispose()
    exported = outputs.export_markdown(data)
    assert RAW_TAG.search(exported) is None
    site = _site()
    assert RAW_TAG.search(exported) is None
    assert escape_markdown(site) + " · 2024-03-01" in exported
    assert escape_markdown(site) in outputs.render_markdown(article)  # the same rule, the same text
    assert site in outputs.export_csv(data)  # CSV carries text as text; its rule is formulas


@pytest.mark.parametrize(("text", "escaped"), [
    (HOSTILE, "\\<img src=x onerror=alert(1)\\>"),
    ("*Daesh* [1]", "\\*Daesh\\* \\[1\\]"),
    ("a\n# heading", "a \\# heading"),
    ("- not a list", "\\- not a list"),
    ("1. not a list", "1\\. not a list"),
    ("= underline", "\\= underline"),
    ("R&D `code` ~x~ !img", "R\\&D \\`code\\` \\~x\\~ \\!img"),
    ("plain words, é and 日本", "plain words, é and 日本"),
])
def test_escape_markdown_keeps_text_literal_and_on_one_line(text, escaped):
    assert escape_markdown(text) == escaped


@pytest.mark.parametrize(("url", "target"), [
    ("https://news.example/a b>c", "<https://news.example/a%20b%3Ec>"),
    ("javascript:alert(1)", ""),
    ("data:text/html,<script>", ""),
    ("http://e.example/x?a=1&b=2", "<http://e.example/x?a=1&b=2>"),
])
def test_markdown_link_targets_are_http_only_and_cannot_break_out(url, target):
    assert markdown_url(url) == target


@pytest.mark.parametrize(("value", "cell"), [
    ('=HYPERLINK("http://evil.example")', '\'=HYPERLINK("http://evil.example")'),
    ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("plain", "plain"), (None, ""),
])
def test_csv_cells_never_start_a_formula(value, cell):
    assert csv_cell(value) == cell
