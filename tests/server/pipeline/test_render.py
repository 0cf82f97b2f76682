"""Reader HTML: claims wrapped once with their notes, offsets recoverable from the DOM."""
from __future__ import annotations

import lxml.html
import pytest

from sourcelight.pipeline import annotate_text, markup
from sourcelight.pipeline.extract import article_from_text
from sourcelight.pipeline.model import (
    Attribution, Claim, QuoteKind, SourceKind, SourcingSummary,
)
from sourcelight.pipeline.options import PipelineOptions
from sourcelight.outputs import render_markdown, render_standalone
from sourcelight.pipeline.render import render_reader
from sourcelight.pipeline.sanitize import sanitize_html

TEXT = ("Officials said the bridge would reopen in May. It was closed after cracks appeared.\n\n"
        "\"We are confident,\" the mayor's office said. <b>Residents</b> & shop owners were not convinced.")


def annotated():
    return annotate_text(TEXT, "https://news.example.com/bridge", title="Bridge to reopen <soon>")


def dom(html: str):
    return lxml.html.fragment_fromstring(html, create_parent="div")


def test_each_claim_is_one_span_with_its_note_and_kind():
    article = annotated()
    tree = dom(article.html)
    spans = tree.find_class(markup.CLAIM_CLASS)
    assert [s.get(markup.ATTR_CLAIM_ID) for s in spans] == [c.id for c in article.claims]
    for span, claim in zip(spans, article.claims):
        assert span.text_content() == claim.text
        assert span.get(markup.ATTR_NOTE) == claim.note
        assert span.get(markup.ATTR_KIND) == claim.sourcing.kind.value


def test_block_text_content_maps_back_to_article_offsets():
    article = annotated()
    blocks = dom(article.html).find_class(markup.BLOCK_CLASS)
    assert len(blocks) == len(article.blocks)
    for element in blocks:
        start = int(element.get(markup.ATTR_BLOCK_START))
        content = element.text_content()
        assert article.text[start:start + len(content)] == content


def test_text_that_looks_like_markup_is_shown_as_text():
    article = annotated()
    tree = dom(article.html)
    assert tree.find(".//b") is None
    assert "<b>Residents</b> & shop owners" in tree.text_content()
    assert "Bridge to reopen <soon>" in tree.text_content()


def test_summary_comes_first_with_counts_per_kind():
    article = annotated()
    tree = dom(article.html)
    root = tree[0]
    assert root.get("class") == markup.ARTICLE_CLASS
    assert root[0].get("class") == markup.SUMMARY_CLASS
    legend = {li.get(markup.ATTR_KIND): int(li.get(markup.ATTR_COUNT)) for li in tree.find_class(markup.KIND_LEGEND_CLASS)[0]}
    assert legend == article.summary.by_kind
    assert tree.find_class(markup.SUMMARY_HEADLINE_CLASS)[0].text_content() == article.summary.headline


def test_links_inside_claims_survive_and_claims_stay_whole():
    html = ('<html><body><article><h1>Audit</h1><p>The audit was <a href="https://gov.example/audit.pdf">published '
            'in full. It found</a> that costs doubled over the decade, officials said on Monday morning.</p>'
            '<p>More text follows here so that the page reads like an article of a reasonable length.</p></article></body></html>')
    from sourcelight.pipeline import annotate_page
    article = annotate_page(html, "https://gov.example/news", options=PipelineOptions(min_article_chars=20))
    tree = dom(article.html)
    anchors = tree.findall(".//a[@href='https://gov.example/audit.pdf']")
    # The link crosses a sentence end, so it is cut in two, one piece inside each claim.
    assert [a.text_content() for a in anchors if a.text_content().strip()] == ["published in full.", "It found"]
    assert all(a.get("rel") == "noopener noreferrer" for a in anchors)
    for span, claim in zip(tree.find_class(markup.CLAIM_CLASS), article.claims):
        assert span.text_content() == claim.text


def test_language_without_analysis_shows_a_notice_and_kind_none():
    article = article_from_text("Some text here. More text.", title="T", options=PipelineOptions())
    claims = (Claim(id="c0", text="T", start=0, end=1, paragraph=0, sourcing=None, note="Not analysed."),)
    summary = SourcingSummary(claims=1, by_kind={}, anonymous_share=None, named_sources=(), outlets=(),
                              non_responses=(), headline="Sourcing analysis is not available for Finnish.", available=False)
    tree = dom(sanitize_html(render_reader(article, claims, summary)))
    assert tree.find_class(markup.NOTICE_CLASS)[0].text_content() == summary.headline
    assert tree.find_class(markup.CLAIM_CLASS)[0].get(markup.ATTR_KIND) == markup.KIND_NONE


def test_sourcing_details_are_written_as_attributes():
    article = article_from_text("Reuters reported the talks failed, citing sources.", options=PipelineOptions())
    claim = Claim(id="c0", text=article.text, start=0, end=len(article.text), paragraph=0,
                  sourcing=Attribution(SourceKind.ANONYMOUS, source="sources", cue="reported", via="Reuters",
                                       quote=QuoteKind.INDIRECT),
                  hedges=("reportedly",), non_response=True, denial=True, links=("https://x.example/",), note="N.")
    summary = SourcingSummary(claims=1, by_kind={"anonymous": 1}, anonymous_share=1.0, named_sources=(),
                              outlets=(), non_responses=(), headline="H.")
    span = dom(sanitize_html(render_reader(article, (claim,), summary))).find_class(markup.CLAIM_CLASS)[0]
    assert (span.get(markup.ATTR_SOURCE), span.get(markup.ATTR_VIA), span.get(markup.ATTR_QUOTE)) == ("sources", "Reuters", "indirect")
    assert (span.get(markup.ATTR_HEDGES), span.get(markup.ATTR_NON_RESPONSE), span.get(markup.ATTR_DENIAL)) == ("reportedly", "true", "true")
    assert span.get(markup.ATTR_LINKS) == "1"


def test_standalone_page_has_a_strict_policy_and_no_script():
    page = render_standalone(annotated())
    assert page.startswith("<!DOCTYPE html>")
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "<script" not in page


def test_markdown_puts_notes_in_footnotes_and_escapes_markup():
    article = annotated()
    markdown = render_markdown(article)
    assert markdown.startswith("# Bridge to reopen \\<soon\\>\n")  # a title is no claim: no footnote
    for claim in article.claims:
        assert f"[^{claim.id}]: " in markdown
    assert "\\<b\\>Residents" in markdown


@pytest.mark.parametrize("kind", list(SourceKind))
def test_every_kind_has_a_human_label_in_the_reader(kind):
    article = article_from_text("A sentence here.", options=PipelineOptions())
    claim = Claim(id="c0", text=article.text, start=0, end=len(article.text), paragraph=0,
                  sourcing=Attribution(kind), note="N.")
    summary = SourcingSummary(claims=1, by_kind={kind.value: 1}, anonymous_share=None, named_sources=(),
                              outlets=(), non_responses=(), headline="H.")
    span = dom(render_reader(article, (claim,), summary)).find_class(markup.CLAIM_CLASS)[0]
    assert span.get(markup.ATTR_KIND_LABEL)
