"""Extraction: the article alone, its structure and metadata, within the page budgets."""
from __future__ import annotations

import lxml.etree
import pytest

from sourcelight.errors import NoArticleFound, PageTooComplex, PayloadTooLarge
from sourcelight.outputs import render_markdown
from sourcelight.pipeline import annotate_page, markup
from sourcelight.pipeline.extract import article_from_text, canonicalize_url, decode_page, extract_article
from sourcelight.pipeline.extract.blocks import pieces_from_body
from sourcelight.pipeline.extract.records import PageSignals
from sourcelight.pipeline.model import BLOCK_SEPARATOR, BlockKind
from sourcelight.pipeline.options import PipelineOptions

OPTIONS = PipelineOptions()
PARA = ("<p>Officials in the capital said on Tuesday that the new rail line would open next spring, "
        "two years later than first promised, after a dispute over the contract.</p>")


def page(body: str, head: str = "") -> str:
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Rail line delayed again</title>{head}"
            f"</head><body><nav><a href='/'>Home</a><a href='/news'>News</a></nav><article>{body}</article>"
            f"<footer>Copyright 2026 Example Media. All rights reserved.</footer></body></html>")


STRUCTURED = page(
    "<h1>Rail line delayed again</h1>" + PARA
    + "<p>The minister <a href='/reports/rail.pdf'>published the audit</a> on Monday, and it runs to 300 pages of detail.</p>"
    + "<h2>What the audit found</h2>" + PARA.replace("Tuesday", "Wednesday")
    + "<blockquote><p>We were misled about the costs from the very first day of this project.</p></blockquote>"
    + "<ul><li>Costs rose by a third over the period</li><li>Two contractors left the project early</li></ul>"
    + "<figure><img src='/img/station.jpg' alt='The unfinished station'><figcaption>The unfinished station in March.</figcaption></figure>"
    + PARA.replace("Tuesday", "Thursday"),
    head="<link rel='canonical' href='https://news.example.com/rail?utm_source=feed'>"
         "<meta property='og:site_name' content='Example News'><meta name='author' content='Ana Lima'>"
         "<meta property='article:published_time' content='2026-03-04T08:00:00Z'>",
)


def test_structure_is_kept_as_blocks():
    article = extract_article(STRUCTURED, "https://news.example.com/rail", options=OPTIONS)
    kinds = [b.kind for b in article.blocks]
    assert kinds[0] is BlockKind.TITLE and article.blocks[0].text == "Rail line delayed again"
    assert BlockKind.HEADING in kinds and BlockKind.QUOTE in kinds and BlockKind.LIST_ITEM in kinds
    items = [b for b in article.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [b.text for b in items] == ["Costs rose by a third over the period", "Two contractors left the project early"]
    assert len({b.level for b in items}) == 1
    image = next(b.image for b in article.blocks if b.kind is BlockKind.IMAGE)
    assert image.src == "https://news.example.com/img/station.jpg"
    assert image.caption == "The unfinished station in March."


def test_block_offsets_tile_the_article_text():
    article = extract_article(STRUCTURED, "https://news.example.com/rail", options=OPTIONS)
    texts = [b.text for b in article.blocks if b.kind is not BlockKind.IMAGE]
    assert article.text == BLOCK_SEPARATOR.join(texts)
    for block in article.blocks:
        assert article.text[block.start:block.end] == block.text


def test_links_are_absolute_and_located_in_the_text():
    article = extract_article(STRUCTURED, "https://news.example.com/rail", options=OPTIONS)
    links = [link for b in article.blocks for link in b.links]
    assert [(link.href, article.text[link.start:link.end]) for link in links] == [
        ("https://news.example.com/reports/rail.pdf", "published the audit")]


def test_metadata_comes_from_the_page():
    article = extract_article(STRUCTURED, "https://news.example.com/rail?utm_medium=x#top", options=OPTIONS)
    assert article.canonical_url == "https://news.example.com/rail"
    assert article.site == "Example News"
    assert article.byline == "Ana Lima"
    assert article.published == "2026-03-04"
    assert article.lang_hint == "en"


def test_clutter_stays_out():
    article = extract_article(STRUCTURED, "https://news.example.com/rail", options=OPTIONS)
    assert "Copyright" not in article.text and "Home" not in article.text


def test_canonical_of_another_site_under_the_same_public_suffix_is_not_trusted():
    hostile = STRUCTURED.replace("https://news.example.com/rail?utm_source=feed", "https://other-paper.co.uk/rail")
    article = extract_article(hostile, "https://www.my-paper.co.uk/rail", options=OPTIONS)
    assert article.canonical_url == "https://www.my-paper.co.uk/rail"


def test_canonical_of_another_site_is_not_trusted():
    hostile = STRUCTURED.replace("https://news.example.com/rail?utm_source=feed", "https://victim.org/their-article")
    article = extract_article(hostile, "https://news.example.com/rail", options=OPTIONS)
    assert article.canonical_url == "https://news.example.com/rail"


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("https://Example.com/a?utm_source=x&id=3#frag", "https://example.com/a?id=3"),
        ("http://example.com", "http://example.com/"),
        ("https://example.fr:443/a?xtor=RSS-1", "https://example.fr/a"),
        ("javascript:alert(1)", None),
        ("ftp://example.com/file", None),
        (None, None),
    ],
)
def test_canonical_urls_drop_tracking_and_fragments(url, canonical):
    assert canonicalize_url(url) == canonical


def test_bytes_are_decoded_by_declared_charset():
    html = STRUCTURED.replace("Officials in the capital", "Les élus à Zürich").encode("latin-1", "replace")
    html = html.replace(b"charset='utf-8'", b"charset='iso-8859-1'")
    article = extract_article(html, "https://news.example.com/rail", options=OPTIONS)
    assert "Les élus à Zürich" in article.text


def test_junk_characters_never_reach_the_parser():
    assert decode_page("a\x00b\ud800c") == "a b?c"


@pytest.mark.parametrize(
    ("html", "error"),
    [
        ("", NoArticleFound),
        ("<html><body><nav>Home</nav></body></html>", NoArticleFound),
        ("<html><body>" + "<span>x</span>" * 120_000 + "</body></html>", PageTooComplex),
    ],
)
def test_pages_that_are_not_articles_or_too_complex_fail_with_a_typed_error(html, error):
    with pytest.raises(error):
        extract_article(html, "https://example.com/", options=OPTIONS)


def test_deep_nesting_over_the_budget_is_refused():
    deep = page("<div>" * 120 + PARA * 3 + "</div>" * 120)
    with pytest.raises(PageTooComplex):
        extract_article(deep, "https://example.com/", options=PipelineOptions(max_depth=100))


def test_page_over_the_size_budget_is_refused_before_parsing():
    with pytest.raises(PayloadTooLarge):
        extract_article(page(PARA * 10), "https://example.com/", options=PipelineOptions(max_html_chars=1000))


def test_plain_text_paragraphs_become_blocks():
    article = article_from_text("First paragraph here.\n\n  Second\nparagraph.  \n\n\n", title="T", options=OPTIONS)
    assert [b.text for b in article.blocks] == ["T", "First paragraph here.", "Second paragraph."]
    with pytest.raises(NoArticleFound):
        article_from_text(" \n\n ", options=OPTIONS)


def test_plain_text_keeps_the_writers_spaces_and_reads_line_breaks_as_spaces():
    article = article_from_text("Mr.\u00a0Lima said\u00a0\u00a0it cost 5\u202fkm \nof   road.\u00a0\n", options=OPTIONS)
    assert article.blocks[-1].text == "Mr.\u00a0Lima said\u00a0\u00a0it cost 5\u202fkm  of   road."


def test_credit_lines_in_pasted_text_go_to_the_header_not_the_claims():
    text = ("The plan was approved on Monday, officials said.\n\n"
            "The vote was close. (Reporting by Ana Lima; Editing by Tom Hale)\n\n"
            "Additional reporting by Tom Hale in Lisbon")
    article = article_from_text(text, title="T", options=OPTIONS)
    assert [b.text for b in article.blocks] == ["T", "The plan was approved on Monday, officials said.",
                                                "The vote was close."]
    assert article.credits == ("Reporting by Ana Lima; Editing by Tom Hale", "Additional reporting by Tom Hale in Lisbon")
    with pytest.raises(NoArticleFound):
        article_from_text("(Reporting by Ana Lima; Editing by Tom Hale)", options=OPTIONS)


def test_an_element_with_thousands_of_attributes_is_refused_before_parsing():
    hostile = page("<p " + " ".join(f'a{i}="{"x" * 50}"' for i in range(5000)) + ">hi</p>" + PARA * 3)
    with pytest.raises(PageTooComplex):
        extract_article(hostile, "https://example.com/", options=OPTIONS)


def test_a_page_that_is_mostly_links_is_not_an_article():
    listing = page("<ul>" + "".join(f"<li><a href='/story/{i}'>Headline number {i} of a long list of stories</a></li>"
                                    for i in range(30)) + "</ul>")
    with pytest.raises(NoArticleFound, match="mostly links"):
        extract_article(listing, "https://news.example.com/", options=OPTIONS)


def test_a_subheading_set_in_capitals_is_a_heading_not_a_claim():
    html = page("<h1>Rail line delayed again</h1>" + PARA + "<p>A DISAPPOINTING NIGHT FOR THE MINISTER</p>"
                + PARA.replace("Tuesday", "Friday") + "<p>NATO and the EU said nothing.</p>")
    article = extract_article(html, "https://news.example.com/rail", options=OPTIONS)
    kinds = {b.text: b.kind for b in article.blocks}
    assert kinds["A DISAPPOINTING NIGHT FOR THE MINISTER"] is BlockKind.HEADING
    assert kinds["NATO and the EU said nothing."] is BlockKind.PARAGRAPH



def test_paragraphs_inside_a_division_stay_paragraphs():
    # trafilatura keeps a page's nesting as <div>s around its paragraphs: each paragraph is still
    # a block of its own ("…next spring.On Wednesday, …" would be one unreadable sentence)
    body = lxml.etree.fromstring(
        "<main><div><div><p>Officials said on Tuesday that the rail line would open next spring.</p>"
        "<p>On Wednesday, contractors asked the commission to let them finish the western section.</p></div>"
        "A loose line the page left between its blocks.</div><p>The minister did not comment.</p></main>")
    signals = PageSignals(base_url=None, language="en", headlines=(), standfirsts={}, anchor_texts=(), images={},
                          lead_image=None)
    pieces = pieces_from_body(body, "Rail line delayed again", signals, with_images=False)
    assert [(p.kind, p.text) for p in pieces] == [
        (BlockKind.PARAGRAPH, "Officials said on Tuesday that the rail line would open next spring."),
        (BlockKind.PARAGRAPH, "On Wednesday, contractors asked the commission to let them finish the western section."),
        (BlockKind.PARAGRAPH, "A loose line the page left between its blocks."),
        (BlockKind.PARAGRAPH, "The minister did not comment."),
    ]


def _pieces(xml: str):
    signals = PageSignals(base_url=None, language="en", headlines=(), standfirsts={}, anchor_texts=(), images={},
                          lead_image=None)
    return [(p.kind, p.text) for p in pieces_from_body(lxml.etree.fromstring(xml), "Rail line delayed again",
                                                        signals, with_images=False)]


def test_a_story_laid_out_in_a_table_cell_is_read_paragraph_by_paragraph():
    # old wire pages set the whole story in one cell of a layout table: each paragraph is a
    # sentence of its own, not "…no trace of him, an official said.Mateen met with reporters …"
    pieces = _pieces(
        "<main><table><row><cell><p>Rail line delayed again</p></cell></row><row><cell>"
        "<p>Officials said on Tuesday that the rail line would open next spring.</p>"
        "<p>Contractors met with reporters on Wednesday, the minister said.</p></cell></row></table></main>")
    assert pieces == [
        (BlockKind.PARAGRAPH, "Rail line delayed again"),
        (BlockKind.PARAGRAPH, "Officials said on Tuesday that the rail line would open next spring."),
        (BlockKind.PARAGRAPH, "Contractors met with reporters on Wednesday, the minister said."),
    ]


def test_a_data_table_keeps_its_rows():
    pieces = _pieces("<main><table><row><cell><p>Route</p></cell><cell><p>Opening</p></cell></row>"
                     "<row><cell>Western section</cell><cell>2027</cell></row></table></main>")
    assert pieces == [(BlockKind.PARAGRAPH, "Route | Opening"), (BlockKind.PARAGRAPH, "Western section | 2027")]


def test_blocks_nested_in_a_block_are_never_glued_to_its_last_sentence():
    pieces = _pieces(
        "<main><p>Officials said the line would open next spring.<p>Contractors disagreed.</p></p>"
        "<list><item><head>2/10</head><p>The minister resigned on Friday.</p><p>Getty</p></item></list></main>")
    assert pieces == [
        (BlockKind.PARAGRAPH, "Officials said the line would open next spring. Contractors disagreed."),
        (BlockKind.LIST_ITEM, "2/10 The minister resigned on Friday. Getty"),
    ]


def test_a_photo_credit_in_a_box_of_one_column_is_no_article_text():
    html = page("<h1>Rail line delayed again</h1><table><tr><td>The unfinished station photographed from the air "
                "on Monday, two years after work began.<p>Credit: Harbour Trust/ESA</p></td></tr></table>"
                + PARA + PARA.replace("Tuesday", "Friday"))
    article = extract_article(html, "https://news.example.com/rail", options=OPTIONS)
    texts = [b.text for b in article.blocks]
    assert "The unfinished station photographed from the air on Monday, two years after work began." in texts
    assert not any("Credit" in text or "Harbour Trust/ESA" in text for text in texts)


def test_embed_code_offered_in_a_text_box_never_reaches_the_extractor():
    # a small page's story and its video box can come out of trafilatura as one run of text,
    # the box's "<iframe …>" code with it (globalnews.ca): a text box is a form's, never prose
    from sourcelight.pipeline.extract.page import drop_invisible, parse_page

    tree = parse_page(page(PARA + "<div class='embed_box'><textarea class='embed_select'><iframe width='670' "
                                  "src='https://news.example.com/video/embed/1/'>Your browser does not support frames."
                                  "</iframe></textarea> Loading video.</div>"))
    drop_invisible(tree)
    text = " ".join(tree.itertext())
    assert "iframe" not in text and "does not support frames" not in text
    assert "Loading video." in text and "rail line would open next spring" in text


def test_a_copyright_notice_is_no_article_text_but_a_sentence_about_copyright_is():
    html = page("<h1>Rail line delayed again</h1>" + PARA
                + "<p>Copyright lawyers said the audit could be published in full.</p>"
                + PARA.replace("Tuesday", "Friday")
                + "<p>© 2026 Example Media. All rights reserved. This material may not be published, broadcast, "
                  "rewritten or redistributed.</p>")
    article = extract_article(html, "https://news.example.com/rail", options=OPTIONS)
    assert "All rights reserved" not in article.text and "redistributed" not in article.text
    assert "Copyright lawyers said the audit could be published in full." in article.text


def test_a_terminal_session_on_the_page_is_shown_as_code_and_read_for_no_claim():
    html = page("<h1>Rail line delayed again</h1>" + PARA
                + "<p>To see the timetable yourself, run the tool:</p>"
                + "<pre><code>$ rail add timetable\n$ rail commit -m 'Reyes said the line is late'\n</code></pre>"
                + PARA.replace("Tuesday", "Friday"))
    annotated = annotate_page(html, "https://news.example.com/rail", options=OPTIONS)
    code = [b for b in annotated.blocks if b.kind is BlockKind.CODE]
    assert [b.text for b in code] == ["$ rail add timetable $ rail commit -m 'Reyes said the line is late'"]
    assert not any("rail commit" in claim.text for claim in annotated.claims)
    assert f'<pre class="{markup.BLOCK_CLASS}"' in annotated.html and "$ rail add timetable" in annotated.html
    assert "```\n$ rail add timetable" in render_markdown(annotated)


def test_an_embedded_post_trafilatura_keeps_as_code_is_still_someones_words():
    pieces = _pieces("<main><code class='twitter-tweet'><p>The night ferry is cancelled again.</p>"
                     "<p>— Dana Okafor (@danaokafor) March 4, 2026</p></code><code>$ rail add timetable</code></main>")
    assert pieces == [
        (BlockKind.PARAGRAPH, "The night ferry is cancelled again. — Dana Okafor (@danaokafor) March 4, 2026"),
        (BlockKind.CODE, "$ rail add timetable")]


def test_prose_set_in_preformatted_text_is_still_read_for_claims():
    prose = ("Status of this Memo. This Internet-Draft is submitted in full conformance with the provisions of "
             "the harbour board. Internet-Drafts are working documents of the Harbour Trust and its working groups. "
             "Note that other groups may also distribute working documents as drafts, the board said in March. "
             "Drafts are valid for a maximum of six months and may be updated at any time.")
    assert _pieces(f"<main><code>{prose}</code></main>") == [(BlockKind.PARAGRAPH, prose)]


def test_a_bold_question_or_speaker_label_is_not_glued_to_the_answer_after_it():
    # trafilatura drops the space, or the line break, between a bold lead-in and the words after it
    interview = page(
        "<h1>Rail line delayed again</h1>" + PARA
        + "<p><strong>Mr Reyes, when will the line open?<br></strong>We are checking the timetable with the "
          "contractors every week, and the board will publish a date in spring.</p>"
        + "<p><strong>Tom Reyes:</strong> The costs rose by a third, and nobody on the board saw that coming early enough.</p>"
        + PARA.replace("Tuesday", "Thursday"))
    text = extract_article(interview, "https://news.example.com/rail", options=OPTIONS).text
    assert "open? We are checking" in text
    assert "Tom Reyes: The costs rose" in text
