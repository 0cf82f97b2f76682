"""The sourcing notebook in the real extension (Chromium) against the real companion, on a library
of 36 articles from six sites over ten weeks, annotated through the companion's API
(library_corpus.py): how the notebook is reached (the toolbar button's context menu, the options
page); the library newest first with fingerprints, its filters and search; the plots and their
tables; the source ledger and its links into the reader at a claim; axe-core on every page; the
pictures in docs/screenshots."""
from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import MEASUREMENTS
from tests.e2e.library_corpus import DESCRIPTOR, build_library
from tests.e2e.test_accessibility import axe_violations
from tests.helpers.server import start_server

pytestmark = pytest.mark.e2e

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def axe_check(page, where: str, scheme: str) -> None:
    found = axe_violations(page)
    MEASUREMENTS.append(f"axe-core on the {where} ({scheme}): {len(found)} serious/critical violations")
    assert found == []


@pytest.fixture(scope="module")
def library(companion):
    return build_library(companion)


@pytest.fixture
def page(browser):
    page = browser.context.new_page()
    yield page
    page.close()


def notebook_url(browser, name: str) -> str:
    return f"chrome-extension://{browser.extension_id}/notebook/{name}"


# Whether the button's menu item exists (updating an unknown id fails). The background makes
# it in its install handler, which may still be running when a fresh browser hands over the
# worker, so this asks again for up to ten seconds before giving the last answer.
MENU_ITEM_ANSWER = """async () => {
  const ask = () => chrome.contextMenus.update('open-notebook', {}).then(() => 'ok', e => String(e));
  for (let tries = 0; tries < 100; tries++) {
    if (await ask() === 'ok') return 'ok';
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return ask();
}"""


def test_the_buttons_context_menu_has_the_notebook_and_opens_it(browser):
    # The item exists, and choosing it opens the library in a new tab.
    assert browser.worker.evaluate(MENU_ITEM_ANSWER) == "ok"
    with browser.context.expect_page() as opened:
        browser.worker.evaluate("() => self.openNotebook().then(() => true)")
    notebook = opened.value
    notebook.wait_for_url(notebook_url(browser, "library.html"))
    expect(notebook.get_by_role("heading", level=1)).to_have_text("Your library")
    notebook.close()


def test_the_options_page_links_to_the_notebook(browser, page):
    page.goto(f"chrome-extension://{browser.extension_id}/options/options.html")
    page.get_by_role("link", name="Open the sourcing notebook").click()
    page.wait_for_url(notebook_url(browser, "library.html"))
    expect(page.get_by_role("navigation", name="Sourcing notebook").get_by_role("link", name="Library")).to_have_attribute("aria-current", "page")


def test_the_reader_opens_a_stored_article_at_a_claim(browser, page, companion, library):
    relayed = next(a for a in library.articles if a.relays_descriptor)
    _, article, _ = companion.request("GET", f"/api/v1/articles/{relayed.id}")
    # The claim of the relayed descriptor, found in the reader HTML the companion wrote.
    page.set_content(article["html"])
    claim_id = page.locator(".sl-claim", has_text="told Reuters").first.get_attribute("data-claim-id")
    page.goto(f"chrome-extension://{browser.extension_id}/reader/reader.html?article={relayed.id}&claim={claim_id}")
    expect(page.locator("body[data-ready=true]")).to_be_attached(timeout=30_000)
    expect(page.locator(".sl-header h1, .sl-article h1").first).to_have_text(relayed.title)
    current = page.locator(".sl-claim.is-current")
    expect(current).to_have_attribute("data-claim-id", claim_id)
    expect(current).to_contain_text(DESCRIPTOR)
    expect(current).to_be_focused()
    expect(current).to_be_in_viewport()


# -- the library ---------------------------------------------------------------------------------

def open_page(page, browser, name: str):
    page.goto(notebook_url(browser, name))
    expect(page.locator("body[data-ready=true]")).to_be_attached(timeout=30_000)
    return page


def listed_titles(page) -> list[str]:
    return page.locator("#articles > li h2").all_inner_texts()


def test_the_library_lists_every_article_newest_first_with_its_fingerprint(browser, page, library):
    open_page(page, browser, "library.html")
    expect(page.locator("#status")).to_have_text(f"Articles in your library: {len(library.articles)}.")
    newest = library.newest_first()
    assert listed_titles(page) == [a.title for a in newest[:25]]
    first = page.locator("#articles > li").first
    expect(first.locator(".meta")).to_contain_text("Nov 27, 2026")
    # Every article has its fingerprint: an image whose name says the shares in words.
    fingerprints = page.locator("#articles svg.fingerprint-bar[role=img]")
    expect(fingerprints).to_have_count(25)
    assert all(label.startswith("Sourcing of its claims: ") and "%" in label
               for label in (f.get_attribute("aria-label") for f in fingerprints.all()))
    # The first article relays the anonymous official: anonymous stands out, in words and hatched.
    expect(first.locator(".standout-kind[data-kind=anonymous]")).to_contain_text("Anonymous")
    hatched = first.locator("svg.fingerprint-bar rect.kind-fill[data-kind=anonymous]")
    assert hatched.evaluate("r => getComputedStyle(r).fill").startswith("url(")
    # The next page has the rest, oldest last.
    page.get_by_role("link", name="Older").click()
    expect(page.locator("#range")).to_have_text(f"26–{len(library.articles)} of {len(library.articles)}")
    assert listed_titles(page) == [a.title for a in newest[25:]]


def test_a_site_filter_narrows_the_list(browser, page, library):
    open_page(page, browser, "library.html")
    site = "valley-tribune.com"
    page.get_by_label("Site").fill(site)
    page.get_by_role("button", name="Apply").click()
    expected = [a.title for a in library.newest_first() if a.site == site]
    expect(page.locator("#status")).to_have_text(f"Articles found: {len(expected)}.")
    assert listed_titles(page) == expected
    assert set(page.locator("#articles .site").evaluate_all("els => els.map(e => e.title)")) == {site}
    expect(page.get_by_label("Site")).to_have_value(site)  # the filter stays in the form (and the URL)


def test_a_kind_share_filter_keeps_only_articles_resting_that_much_on_it(browser, page, library):
    open_page(page, browser, "library.html")
    page.get_by_label("Kind of source").select_option(label="Anonymous")
    page.get_by_label("Share of claims at least").select_option("0.25")
    page.get_by_role("button", name="Apply").click()
    expect(page.locator("#status")).to_contain_text("Articles found:")
    shown = page.locator("#articles .standout-kind[data-kind=anonymous]").all_inner_texts()
    assert 0 < len(shown) < len(library.articles)
    assert len(shown) == page.locator("#articles > li").count()
    assert all(int(text.split()[-1].rstrip("%")) >= 25 for text in shown), shown


def test_search_finds_an_article_by_a_highlights_note(browser, page, library):
    open_page(page, browser, "library.html")
    page.get_by_label("Search articles, notes and highlights").fill(library.note_word)
    page.keyboard.press("Enter")
    expect(page.locator("#status")).to_have_text("Articles found: 1.")
    assert listed_titles(page) == [library.noted_article.title]
    expect(page.locator("#articles > li .meta")).to_contain_text("Highlights: 1")


def test_an_article_of_the_library_opens_in_the_reader(browser, page, library):
    open_page(page, browser, "library.html")
    newest = library.newest_first()[0]
    page.get_by_role("link", name=newest.title).click()
    expect(page.locator("body[data-ready=true]")).to_be_attached(timeout=30_000)
    assert f"article={newest.id}" in page.url
    expect(page.locator(".sl-article h1").first).to_have_text(newest.title)


# -- plots -------------------------------------------------------------------------------------

def test_every_chart_is_an_image_with_a_title_and_a_table_of_its_numbers(browser, page, library):
    open_page(page, browser, "plots.html")
    charts = page.locator("svg.chart[role=img]")
    expect(charts).to_have_count(5)
    for chart in charts.all():
        title = chart.locator(":scope > title").text_content()
        expect(chart).to_have_accessible_name(title)
        assert chart.locator(":scope > desc").text_content()
    section = page.locator("#by-outlet")
    table = section.locator("table")
    expect(table).to_be_hidden()
    toggle = section.get_by_role("button", name="Show the numbers as a table")
    toggle.click()
    expect(table).to_be_visible()
    expect(section.get_by_role("button", name="Hide the table")).to_have_attribute("aria-expanded", "true")
    # One row per site, each with the six articles the library has from it.
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(6)
    per_site = {row.locator("th").inner_text(): row.locator("td").first.inner_text() for row in rows.all()}
    assert per_site == {site: "6" for site in {a.site for a in library.articles}}


def test_the_weekly_table_counts_every_article(browser, page, library):
    open_page(page, browser, "plots.html")
    section = page.locator("#over-time")
    section.get_by_role("button", name="Show the numbers as a table").click()
    counts = section.locator("tbody tr td:nth-child(2)").all_inner_texts()
    assert sum(int(c) for c in counts) == len(library.articles)
    # A week in the table opens the library for that week (Monday to Sunday).
    section.locator("tbody tr th a").last.click()
    expect(page.locator("body[data-ready=true]")).to_be_attached()
    monday = datetime.date.fromisoformat(page.get_by_label("From").input_value())
    assert monday.weekday() == 0 and page.get_by_label("To").input_value() == str(monday + datetime.timedelta(days=6))
    in_week = [a.title for a in library.newest_first() if monday <= a.published <= monday + datetime.timedelta(days=6)]
    assert in_week and listed_titles(page) == in_week
    assert counts[-1] == str(len(in_week))


# -- the source ledger ---------------------------------------------------------------------------

def test_the_ledger_shows_one_anonymous_descriptor_across_sites_and_opens_the_reader_at_its_claim(browser, page, library):
    open_page(page, browser, "sources.html")
    page.get_by_role("searchbox", name="Find a source").fill("senior administration official")
    page.get_by_role("button", name="Search").click()
    item = page.locator("#sources > li").first
    expect(item.locator("h2")).to_have_text(DESCRIPTOR, ignore_case=True)
    relaying_sites = {a.site for a in library.articles if a.relays_descriptor}
    expect(item.locator(".meta")).to_contain_text("Anonymous")
    expect(item.locator(".meta")).to_contain_text("(via Reuters)")
    item.get_by_role("link").click()
    expect(page.locator("#source-name")).to_have_text(DESCRIPTOR, ignore_case=True)
    sites_shown = set(page.locator(".appearance .site").evaluate_all("els => els.map(e => e.title)"))
    assert relaying_sites <= sites_shown and len(sites_shown) >= 3
    # A claim relayed by Reuters, opened in the reader at that claim.
    relayed = page.locator(".appearance li", has_text="told Reuters").first
    expect(relayed).to_contain_text("Via Reuters")
    quote = relayed.locator("blockquote").inner_text()
    relayed.get_by_role("link", name="Open the article at this claim").click()
    expect(page.locator("body[data-ready=true]")).to_be_attached(timeout=30_000)
    current = page.locator(".sl-claim.is-current")
    expect(current).to_have_text(quote)
    expect(current).to_be_in_viewport()


# -- accessibility and pictures ------------------------------------------------------------------

def open_every_table(page) -> None:
    toggles = page.locator("button.table-toggle")
    for index in range(toggles.count()):
        toggles.nth(index).click()
    expect(page.locator("button.table-toggle[aria-expanded=false]")).to_have_count(0)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_notebook_pages_have_no_serious_axe_violations(browser, page, library, scheme):
    page.emulate_media(color_scheme=scheme)
    open_page(page, browser, "library.html")
    expect(page.locator("html")).to_have_attribute("data-theme", scheme)
    axe_check(page, "notebook's library", scheme)
    open_page(page, browser, "plots.html")
    open_every_table(page)
    axe_check(page, "notebook's plots with every table shown", scheme)
    open_page(page, browser, "sources.html")
    axe_check(page, "notebook's source ledger", scheme)
    page.locator("#sources > li h2 a").first.click()
    expect(page.locator("body[data-ready=true]")).to_be_attached()
    expect(page.locator(".appearance").first).to_be_visible()
    axe_check(page, "notebook's page of one source", scheme)


def test_the_filters_and_the_list_work_from_the_keyboard(browser, page, library):
    open_page(page, browser, "library.html")
    page.locator("#q").focus()
    page.keyboard.type(library.note_word)
    page.keyboard.press("Enter")
    expect(page.locator("#status")).to_have_text("Articles found: 1.")
    # Tab from the search field reaches the article's link, which Enter opens.
    page.locator("#q").focus()
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('#articles') !== null"):
            break
    expect(page.locator("#articles h2 a")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("body[data-ready=true]")).to_be_attached(timeout=30_000)
    assert f"article={library.noted_article.id}" in page.url


def test_screenshots_of_the_notebook(browser, page, library):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    open_page(page, browser, "library.html")
    page.screenshot(path=str(SHOTS / "notebook-library.png"))
    open_page(page, browser, "plots.html")
    page.locator("#by-outlet").get_by_role("button", name="Show the numbers as a table").click()
    page.screenshot(path=str(SHOTS / "notebook-plots.png"), full_page=True)
    open_page(page, browser, "sources.html")
    page.screenshot(path=str(SHOTS / "notebook-sources.png"))
    page.get_by_role("link", name=DESCRIPTOR, exact=False).first.click()
    expect(page.locator(".appearance").first).to_be_visible()
    page.screenshot(path=str(SHOTS / "notebook-source.png"))


def test_a_date_range_keeps_the_articles_dated_within_it(browser, page, library):
    open_page(page, browser, "library.html")
    page.get_by_label("From").fill("2026-10-01")
    page.get_by_label("To").fill("2026-10-31")
    page.get_by_role("button", name="Apply").click()
    expected = [a.title for a in library.newest_first() if "2026-10-01" <= a.published.isoformat() <= "2026-10-31"]
    expect(page.locator("#status")).to_have_text(f"Articles found: {len(expected)}.")
    assert listed_titles(page) == expected


def test_label_and_tag_filters_keep_the_articles_with_such_highlights(browser, page, library):
    open_page(page, browser, "library.html")
    page.get_by_label("Highlight label").select_option(label="Needs a source")
    page.get_by_role("button", name="Apply").click()
    expect(page.locator("#status")).to_have_text("Articles found: 1.")
    assert listed_titles(page) == [library.noted_article.title]
    page.goto(notebook_url(browser, "library.html?tag=follow-up"))
    expect(page.locator("#status")).to_have_text("Articles found: 2.")
    expect(page.get_by_label("Tag")).to_have_value("follow-up")


def test_a_site_in_the_plots_table_opens_the_library_for_that_site(browser, page, library):
    open_page(page, browser, "plots.html")
    section = page.locator("#by-outlet")
    section.get_by_role("button", name="Show the numbers as a table").click()
    section.get_by_role("link", name="eastern-ledger.org").click()
    expect(page.locator("body[data-ready=true]")).to_be_attached()
    assert listed_titles(page) == [a.title for a in library.newest_first() if a.site == "eastern-ledger.org"]


def test_an_article_that_changed_since_it_was_read_says_so(browser, page, companion, library):
    oldest = library.newest_first()[-1]
    _, shown, _ = companion.request("GET", f"/api/v1/articles/{oldest.id}")
    status, _, _ = companion.request("POST", f"/api/v1/articles/{oldest.id}/read", {"version": shown["version"]})
    assert status == 204
    # The outlet updates the story: the same page with one more paragraph.
    updated = oldest.page.replace("</article>", "<p>Officials will meet again next week to review the figures.</p></article>")
    status, again, _ = companion.request("POST", "/api/v1/articles", {"url": oldest.url, "html": updated})
    assert status in (200, 201) and again["id"] == oldest.id and again["version"] == shown["version"] + 1
    open_page(page, browser, "library.html?offset=25")
    item = page.locator("#articles > li", has=page.get_by_role("link", name=oldest.title))
    expect(item.locator(".changed")).to_have_text("Changed since you read it")
    expect(page.locator("#articles .changed")).to_have_count(1)


def test_without_pairing_the_notebook_says_how_to_pair(browser, page, companion):
    browser.worker.evaluate("() => chrome.storage.local.set({token: ''})")
    try:
        open_page(page, browser, "library.html")
        problem = page.get_by_role("alert")
        expect(problem).to_contain_text("sourcelight token")
        with browser.context.expect_page() as options:
            problem.get_by_role("button", name="Open the options").click()
        options.value.wait_for_url(f"chrome-extension://{browser.extension_id}/options/options.html")
        options.value.close()
    finally:
        browser.configure(companion.url, companion.token)


def test_an_empty_library_says_how_to_fill_it(browser, page, companion, tmp_path):
    (tmp_path / "empty").mkdir()
    empty = start_server(tmp_path / "empty")
    browser.configure(empty.url, empty.token)
    try:
        open_page(page, browser, "library.html")
        expect(page.locator("#status")).to_have_text(
            "Your library is empty: open an article with the sourcelight button and it appears here.")
        expect(page.locator("#articles > li")).to_have_count(0)
        open_page(page, browser, "plots.html")
        expect(page.locator("#over-time .chart-summary")).to_have_text("Nothing to show for these filters yet.")
        expect(page.locator("#anonymity .chart-summary")).to_have_text("No anonymous sources in these articles.")
        axe_check(page, "notebook's plots of an empty library", "light")
        open_page(page, browser, "sources.html")
        expect(page.locator("#status")).to_contain_text("No sources yet")
    finally:
        browser.configure(companion.url, companion.token)
        empty.stop()
