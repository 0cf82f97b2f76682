"""The sourcing notebook in the real extension (Chromium) against the real companion: how it is
reached (the toolbar button's context menu, the options page), and the reader opening a stored
article at one of its claims, as the notebook's links do."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.library_corpus import DESCRIPTOR, build_library

pytestmark = pytest.mark.e2e


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


def test_the_buttons_context_menu_has_the_notebook_and_opens_it(browser):
    # The item exists (updating an unknown id fails), and choosing it opens the library in a new tab.
    assert browser.worker.evaluate("() => chrome.contextMenus.update('open-notebook', {}).then(() => 'ok', e => String(e))") == "ok"
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
