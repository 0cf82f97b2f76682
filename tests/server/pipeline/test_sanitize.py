"""The sanitizer's allowlist is the renderer's vocabulary: nothing legitimate lost, nothing dangerous kept."""
from __future__ import annotations

import pytest

from sourcelight.pipeline import annotate_text
from sourcelight.pipeline.sanitize import sanitize_html


def test_legitimate_reader_html_passes_through_unchanged():
    text = "Officials said the bridge would reopen. \"Soon,\" the mayor said.\n\nCritics doubt it."
    article = annotate_text(text, "https://news.example.com/a", title="Bridge")
    assert sanitize_html(article.html) == article.html


@pytest.mark.parametrize(
    ("dirty", "forbidden"),
    [
        ('<p>x<script>alert(1)</script></p>', "alert"),
        ('<p onclick="steal()">x</p>', "steal"),
        ('<a href="javascript:steal()">x</a>', "javascript"),
        ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "data:"),
        ('<iframe src="https://evil.example"></iframe>', "iframe"),
        ('<form action="https://evil.example"><input name=a></form>', "form"),
        ('<svg><script>alert(1)</script></svg>', "svg"),
        ('<math><mi xlink:href="javascript:alert(1)">x</mi></math>', "javascript"),
        ('<p style="background:url(javascript:alert(1))">x</p>', "style"),
        ('<img src="x" onerror="steal()">', "onerror"),
        ('<span data-claim-id="c1" data-evil="1">x</span>', "data-evil"),
    ],
)
def test_dangerous_markup_does_not_survive(dirty, forbidden):
    assert forbidden not in sanitize_html(dirty).lower()


def test_links_get_noopener_noreferrer():
    assert sanitize_html('<a href="https://a.example/">x</a>') == '<a href="https://a.example/" rel="noopener noreferrer">x</a>'
