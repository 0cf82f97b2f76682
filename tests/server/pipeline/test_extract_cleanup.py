"""Extraction on the open web: no crash on odd pages, budgets that count what a reader sees,
titles without the site's name, and clutter lines moved where they belong."""
from __future__ import annotations

import pytest

from sourcelight.errors import PageTooComplex, PayloadTooLarge
from sourcelight.pipeline import annotate_page
from sourcelight.pipeline.extract import extract_article
from sourcelight.pipeline.model import BlockKind
from sourcelight.pipeline.options import PipelineOptions

OPTIONS = PipelineOptions()
URL = "https://news.example.org/world/2026/11/30/harbour-reopens"
PARAS = [
    "The harbour reopened to cargo ships on Monday, three weeks after a storm sank two tugboats at "
    "the entrance and left the main channel blocked by debris.",
    "Port officials said divers had cleared the last of the wreckage on Saturday and that a survey of "
    "the channel found it deep enough for the largest ships that use the port.",
    "Shipping companies had diverted about forty vessels to other ports during the closure, and some "
    "said it would take until the end of the month to clear the backlog of containers.",
]


def page(body: str, *, title: str = "Harbour reopens after storm", head: str = "") -> str:
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
            f"<body><nav><a href='/'>Home</a></nav><article>{body}</article></body></html>")


def paragraphs(*texts: str) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def body_texts(article) -> list[str]:
    return [b.text for b in article.blocks if b.kind not in (BlockKind.TITLE, BlockKind.IMAGE)]


# -- no crash ------------------------------------------------------------------------------------

def test_a_lead_figure_without_a_picture_does_not_crash_with_a_url():
    html = page("<figure><video src='/v.mp4'></video><figcaption>Drone footage</figcaption></figure>"
                "<h1>Harbour reopens after storm</h1>" + paragraphs(*PARAS))
    article = extract_article(html, URL, options=OPTIONS)
    assert body_texts(article)[0] == PARAS[0]
    assert not any(b.kind is BlockKind.IMAGE for b in article.blocks)


# -- budgets ---------------------------------------------------------------------------------------

def test_a_megabyte_of_inline_css_is_not_counted_as_text():
    css = "<style>" + ".c{color:#123456}\n" * 60_000 + "</style>"  # about 1.1 MB
    script = "<script>var x = '" + "y" * 300_000 + "';</script>"
    html = page(paragraphs(*PARAS), head=css + script)
    assert len(html) > 1_000_000
    article = extract_article(html, URL, options=PipelineOptions(max_text_chars=1_000_000))
    assert body_texts(article) == PARAS


def test_too_much_visible_text_names_the_setting_that_allows_more():
    html = page(paragraphs(*PARAS * 40))
    with pytest.raises(PageTooComplex) as caught:
        extract_article(html, URL, options=PipelineOptions(max_text_chars=5_000))
    assert "SOURCELIGHT_MAX_TEXT_CHARS" in caught.value.message
    assert "visible text" in caught.value.message


def test_a_page_over_the_size_budget_names_the_request_size_setting():
    with pytest.raises(PayloadTooLarge) as caught:
        extract_article(page(paragraphs(*PARAS)), URL, options=PipelineOptions(max_html_chars=100))
    assert "SOURCELIGHT_MAX_CONTENT_LENGTH" in caught.value.message


# -- title ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("title", [
    "Harbour reopens after storm - ExampleNews.com",
    "Harbour reopens after storm | Example Daily",
    "Harbour reopens after storm — Example Daily",
    "Example Daily: Harbour reopens after storm",
])
def test_the_site_name_is_not_part_of_the_title(title):
    head = "<meta property='og:site_name' content='Example Daily'>"
    article = extract_article(page(paragraphs(*PARAS), title=title, head=head), URL, options=OPTIONS)
    assert article.title == "Harbour reopens after storm"


def test_a_title_with_a_colon_of_its_own_keeps_it():
    title = "Storm damage: harbour reopens after three weeks"
    head = "<meta property='og:site_name' content='Example Daily'>"
    article = extract_article(page(paragraphs(*PARAS), title=title, head=head), URL, options=OPTIONS)
    assert article.title == title


def test_the_headline_is_not_repeated_as_the_first_paragraph():
    html = page("<p>Harbour reopens after storm</p>" + paragraphs(*PARAS))
    article = extract_article(html, URL, options=OPTIONS)
    assert [b.text for b in article.blocks if b.kind is BlockKind.TITLE] == ["Harbour reopens after storm"]
    assert body_texts(article) == PARAS


# -- clutter lines -----------------------------------------------------------------------------------

def test_separators_and_share_prompts_are_dropped():
    html = page(paragraphs(PARAS[0], "___", PARAS[1], "* * *", PARAS[2])
                + "<p><a href='https://twitter.com/intent/tweet?url=x'>Tweet</a> "
                  "<a href='https://www.facebook.com/sharer/sharer.php?u=x'>Facebook</a></p>"
                + "<p>Follow us on Twitter</p>")
    assert body_texts(extract_article(html, URL, options=OPTIONS)) == PARAS


def test_list_numbers_printed_as_paragraphs_join_their_item():
    html = page(paragraphs(PARAS[0], "1.", PARAS[1], "2.", PARAS[2]))
    assert body_texts(extract_article(html, URL, options=OPTIONS)) == [PARAS[0], "1. " + PARAS[1], "2. " + PARAS[2]]


@pytest.mark.parametrize("credit", [
    "(Reporting by Ana Lima; Editing by Tom Hale)",
    "Contributing: Ana Lima",
    "(Graphic: harbour traffic before and after the storm here)",
    "Additional reporting by Tom Hale in Lisbon",
    "With reporting by Ana Lima.",
    # a wire story's credit listing many reporters in many cities, longer than any other credit line
    "(Additional reporting by " + ", ".join(f"Reporter {n} Surname{n}" for n in range(1, 16))
    + " in LISBON, " + ", ".join(f"Reporter {n} Other{n} in PORTO" for n in range(1, 6))
    + "; Writing by Ana Lima; Editing by Tom Hale)",
])
def test_credit_lines_go_to_the_header_not_the_text_or_the_claims(credit):
    html = page(paragraphs(*PARAS, credit))
    article = extract_article(html, URL, options=OPTIONS)
    assert body_texts(article) == PARAS
    assert article.credits == (credit.strip("()"),)
    annotated = annotate_page(html, URL)
    assert credit.strip("()") in annotated.html
    assert not any(credit.strip("()") in claim.text for claim in annotated.claims)


def test_a_credit_at_the_end_of_the_last_paragraph_is_split_off():
    html = page(paragraphs(*PARAS[:2], PARAS[2] + " (Reporting by Ana Lima; Editing by Tom Hale)"))
    article = extract_article(html, URL, options=OPTIONS)
    assert body_texts(article) == PARAS
    assert article.credits == ("Reporting by Ana Lima; Editing by Tom Hale",)


def test_a_bracketed_link_to_another_story_ending_a_paragraph_is_dropped():
    teaser = "<a href='/2026/01/02/other-story'><strong>(RELATED: Harbour Pilots Vote To Strike Over Pay)</strong></a>"
    html = page(paragraphs(PARAS[0], PARAS[1] + " " + teaser, PARAS[2]))
    article = extract_article(html, URL, options=OPTIONS)
    assert body_texts(article) == PARAS
    assert not any("RELATED" in claim.text or "Harbour Pilots" in claim.text for claim in annotate_page(html, URL).claims)


def test_a_byline_run_into_the_date_is_not_article_text():
    html = page("<p>JANE DOENov. 20, 2019Updated Nov. 21, 2019</p>" + paragraphs(*PARAS),
                head="<meta name='author' content='Jane Doe'>")
    article = extract_article(html, URL, options=OPTIONS)
    assert body_texts(article) == PARAS
    assert article.byline == "Jane Doe"


def test_a_media_caption_line_goes_under_its_picture():
    html = page(paragraphs(PARAS[0]) + "<img src='/img/tugs.jpg' alt='Tugboats'>"
                + "<p>Media caption, Divers cleared the wreck on Saturday</p>" + paragraphs(*PARAS[1:]))
    article = extract_article(html, URL, options=OPTIONS)
    assert body_texts(article) == PARAS
    images = [b.image for b in article.blocks if b.kind is BlockKind.IMAGE]
    assert [(i.src, i.caption) for i in images] == [
        ("https://news.example.org/img/tugs.jpg", "Divers cleared the wreck on Saturday")]


def test_a_page_saved_as_utf8_that_still_declares_its_old_charset_reads_right():
    text = "Die Stadtverwaltung prüft, ob die Brücke über die Förde bis März gesperrt bleibt, sagte ein Sprecher."
    html = page(paragraphs(text, *PARAS), head="<meta http-equiv='Content-Type' content='text/html; charset=gb2312'>")
    article = extract_article(html.encode("utf-8"), URL, options=OPTIONS)
    assert body_texts(article)[0] == text


@pytest.mark.parametrize("teaser", [
    "Read more: <a href='/world/ports-strike'>Dockers strike over pay at three ports</a>",
    "Más noticias: <a href='/world/ports-strike'>Dockers strike over pay at three ports</a>",
    "Lesen Sie auch: Hafenarbeiter streiken",
])
def test_read_more_teasers_between_paragraphs_are_dropped(teaser):
    html = page(paragraphs(PARAS[0], teaser, *PARAS[1:]))
    assert body_texts(extract_article(html, URL, options=OPTIONS)) == PARAS


def test_an_ad_widget_s_from_the_web_list_items_are_dropped():
    # An ad network's "FROM THE WEB" box, its items a list between the article's paragraphs.
    widget = ("<ul><li>FROM THE WEB Harbour Daily [Photos] Ferry Captains Who Look Familiar…Ad is hidden</li>"
              "<li>FROM THE WEB dockside.example Tugboat Gifts Everyone Is Buying…Ad is hidden</li></ul>")
    items = "<ul><li>Life jackets for every passenger</li><li>A second ramp for cars</li></ul>"
    html = page(paragraphs(PARAS[0]) + widget + paragraphs(PARAS[1]) + items + paragraphs(PARAS[2]))
    texts = body_texts(extract_article(html, URL, options=OPTIONS))
    assert not any("FROM THE WEB" in t for t in texts)
    assert "Life jackets for every passenger" in texts


@pytest.mark.parametrize("line", [
    "<a href='/report.pdf'>The full inspection report on the harbour entrance</a> was published",
    "<a href='https://petition.example.org/save-the-harbour-tugs'>https://petition.example.org/save-the-harbour</a>",
    "Photos: <a href='/people/jane-doe'>Jane Doe</a>",
])
def test_a_line_that_is_mostly_a_link_but_no_teaser_stays(line):
    html = page(paragraphs(PARAS[0], line, *PARAS[1:]))
    assert len(body_texts(extract_article(html, URL, options=OPTIONS))) == 4


def test_another_story_s_blurb_ending_in_a_full_article_link_is_dropped():
    blurb = ("Ferry operators warned of higher fares after the fuel tax rose, the transport minister told "
             "reporters on Friday <a href='/2026/11/28/fares'>Full&nbsp;Article</a>")
    html = page(paragraphs(PARAS[0], PARAS[1], blurb, PARAS[2]))
    article = extract_article(html, URL, options=OPTIONS)
    assert body_texts(article) == PARAS
    assert not any("transport minister" in claim.text for claim in annotate_page(html, URL).claims)


def test_a_read_more_link_ending_a_long_paragraph_loses_only_its_words():
    long_paragraph = PARAS[0] + " " + PARAS[1] + " " + PARAS[2]
    html = page(paragraphs(PARAS[0], long_paragraph + " <a href='/more'>Read more</a>", PARAS[2]))
    assert body_texts(extract_article(html, URL, options=OPTIONS)) == [PARAS[0], long_paragraph, PARAS[2]]
