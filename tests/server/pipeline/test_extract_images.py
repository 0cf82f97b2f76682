"""Pictures the reader can load: one absolute http(s) address each, or none at all."""
from __future__ import annotations

import lxml.html
import pytest

from sourcelight.pipeline import annotate_page
from sourcelight.pipeline.extract import extract_article
from sourcelight.pipeline.extract.images import best_srcset_candidate, image_address
from sourcelight.pipeline.model import BlockKind
from sourcelight.pipeline.options import PipelineOptions

URL = "https://news.example.org/world/2026/11/30/harbour-reopens"
TEXT = ("<p>The harbour reopened to cargo ships on Monday, three weeks after a storm sank two tugboats at the "
        "entrance and left the main channel blocked by debris.</p><p>Port officials said divers had cleared the "
        "last of the wreckage on Saturday and that a survey found the channel deep enough for the largest ships.</p>")


def img(markup: str, base: str | None = URL) -> str | None:
    return image_address(lxml.html.fragment_fromstring(markup), base)


@pytest.mark.parametrize("markup, expected", [
    ("<img src='/img/a.jpg'>", "https://news.example.org/img/a.jpg"),
    ("<img src='//cdn.example.net/a.jpg'>", "https://cdn.example.net/a.jpg"),
    ("<img src='data:image/gif;base64,R0lGOD' data-src='/img/real.jpg'>", "https://news.example.org/img/real.jpg"),
    ("<img src='/img/blank.gif' data-lazy-src='https://cdn.example.net/real.jpg'>", "https://cdn.example.net/real.jpg"),
    ("<img data-srcset='/s.jpg 320w, /m.jpg 800w, /l.jpg 2400w'>", "https://news.example.org/m.jpg"),
    ("<img srcset='/a1.jpg 1x, /a2.jpg 2x'>", "https://news.example.org/a2.jpg"),
    ("<img src='/img/placeholder.png' srcset='/big.jpg 3000w'>", "https://news.example.org/big.jpg"),
])
def test_an_image_gets_one_absolute_address(markup, expected):
    assert img(markup) == expected


@pytest.mark.parametrize("markup, base", [
    ("<img src='data:image/png;base64,iVBOR'>", URL),
    ("<img src='javascript:alert(1)'>", URL),
    ("<img src='/img/a.jpg'>", None),  # relative, and no page address to resolve it against
    ("<img src='https://user:secret@cdn.example.net/a.jpg'>", URL),
    ("<img>", URL),
])
def test_an_image_that_cannot_load_has_no_address(markup, base):
    assert img(markup, base) is None


def test_srcset_prefers_the_widest_candidate_a_reader_needs():
    assert best_srcset_candidate("a.jpg 400w, b.jpg 1200w, c.jpg 1600w, d.jpg 3200w") == "c.jpg"
    assert best_srcset_candidate("only.jpg 4000w") == "only.jpg"
    assert best_srcset_candidate("") is None


def test_relative_images_resolve_against_the_base_element():
    html = (f"<html><head><base href='https://static.example.org/media/'><title>Harbour reopens</title></head>"
            f"<body><article><h1>Harbour reopens</h1><figure><img src='tugs.jpg' alt='Tugs'>"
            f"<figcaption>Tugs at the entrance</figcaption></figure>{TEXT}</article></body></html>")
    article = extract_article(html, URL, options=PipelineOptions())
    images = [b.image for b in article.blocks if b.kind is BlockKind.IMAGE]
    assert [(i.src, i.caption) for i in images] == [("https://static.example.org/media/tugs.jpg", "Tugs at the entrance")]


def test_a_lazy_lead_image_shows_in_the_reader_with_an_allowed_address():
    html = (f"<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>"
            f"<figure><img src='data:image/gif;base64,R0lGODlhAQABAAAAACw=' data-src='/img/lead.jpg' alt='The harbour'>"
            f"<figcaption>The harbour on Monday</figcaption></figure>{TEXT}</article></body></html>")
    result = annotate_page(html, URL)
    tree = lxml.html.fromstring(result.html)
    assert [i.get("src") for i in tree.iter("img")] == ["https://news.example.org/img/lead.jpg"]
    assert "The harbour on Monday" in result.html


def test_without_a_page_address_relative_images_are_dropped_not_shown_broken():
    html = (f"<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>"
            f"<figure><img src='/img/lead.jpg' alt='The harbour'></figure>{TEXT}</article></body></html>")
    result = annotate_page(html, None)
    assert list(lxml.html.fromstring(result.html).iter("img")) == []


def test_an_image_size_in_superscript_digits_does_not_fail_the_page():
    prose = "".join(f"<p>Officials said on Tuesday that the new rail line {n} would open next spring, two years later "
                    f"than first promised, after a long dispute over the contract and its costs.</p>" for n in range(6))
    page = f"<html><body><article><h1>Report</h1>{prose}<img src='a.jpg' width='²' height='³'></article></body></html>"
    annotated = annotate_page(page, URL)
    assert annotated.claims and annotated.claims[0].sourcing.kind.value == "anonymous"
