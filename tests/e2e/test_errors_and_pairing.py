"""What the user sees when things go wrong, and pairing through the options page."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

SEED = "seed-sputnik-iran-missiles"


@pytest.fixture
def page(browser):
    page = browser.context.new_page()
    yield page
    page.close()


def test_wrong_token_says_how_to_pair(browser, page, site, companion):
    browser.configure(companion.url, "not-the-token")
    try:
        browser.open_reader(page, f"{site}/{SEED}/source.html")
        alert = page.locator("#status[role=alert]")
        expect(alert).to_contain_text("not paired")
        expect(alert).to_contain_text("sourcelight token")
        expect(alert.get_by_role("button", name="Open the options")).to_be_visible()
    finally:
        browser.configure(companion.url, companion.token)


def test_server_not_running_says_how_to_start_it(browser, page, site, companion):
    browser.configure("http://127.0.0.1:9", companion.token)  # nothing listens on the discard port
    try:
        browser.open_reader(page, f"{site}/{SEED}/source.html")
        alert = page.locator("#status[role=alert]")
        expect(alert).to_contain_text("not answering")
        expect(alert).to_contain_text("sourcelight serve")
    finally:
        browser.configure(companion.url, companion.token)


def test_a_page_without_an_article_is_explained(browser, page, site):
    browser.open_reader(page, f"{site}/")  # the site's bare directory listing
    expect(page.locator("#status[role=alert]")).to_contain_text("article", timeout=30_000)  # a cold companion loads its parser first


def test_highlight_made_while_the_server_is_down_is_kept_and_saved_later(browser, page, site, companion):
    browser.open_reader(page, f"{site}/{SEED}/source.html")
    expect(page.locator("body[data-ready=true]")).to_be_attached(timeout=30_000)
    article_id = page.locator("body").get_attribute("data-article-id")
    companion.stop()
    try:
        page.evaluate(
            """() => {
                const node = [...document.querySelectorAll('.sl-body .sl-claim')]
                    .find(c => c.textContent.includes('remained silent')).firstChild;
                const range = document.createRange();
                const at = node.data.indexOf('remained silent');
                range.setStart(node, at); range.setEnd(node, at + 'remained silent'.length);
                document.getSelection().removeAllRanges(); document.getSelection().addRange(range);
                document.dispatchEvent(new Event('selectionchange'));
            }"""
        )
        page.locator("#selection-toolbar").get_by_role("button", name="Important").click()
        page.locator("#toggle-panel").click()
        state = page.locator("#highlight-list li", has_text="remained silent").locator(".save-state")
        expect(state).to_contain_text("Not saved", timeout=15_000)
    finally:
        companion.start(port=companion.port)
    page.locator("#highlight-list li", has_text="remained silent").get_by_role("button", name="Try again").click()
    expect(page.locator("#highlight-list li", has_text="remained silent").locator(".save-state")).to_have_text("Saved", timeout=15_000)
    _, body, _ = companion.request("GET", f"/api/v1/articles/{article_id}/highlights")
    assert [h["quote"]["exact"] for h in body["highlights"]] == ["remained silent"]


def test_pairing_in_the_options_page(browser, page, companion):
    browser.configure(companion.url, "")
    page.goto(f"chrome-extension://{browser.extension_id}/options/options.html")
    page.fill("#server-url", companion.url)
    page.fill("#token", "wrong")
    page.click("#pair")
    expect(page.locator("#result")).to_contain_text("not paired")
    page.fill("#token", companion.token)
    page.click("#pair")
    expect(page.locator("#result")).to_contain_text("Paired")
    stored = browser.worker.evaluate("() => chrome.storage.local.get(['serverUrl', 'token'])")
    assert stored == {"serverUrl": companion.url, "token": companion.token}


def test_a_page_the_extension_cannot_read_gets_a_clear_message(browser, page):
    page.goto("about:blank")
    browser.click_toolbar_button(page)
    page.wait_for_url(f"chrome-extension://{browser.extension_id}/reader/reader.html*")
    expect(page.locator("#status[role=alert]")).to_contain_text("cannot be read")
