"""Pictures of the reader for docs/extension.md: the three themes, with highlights in label
colours and a note showing, and the narrow (420 px) layout with the highlights panel open."""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.reader_helpers import drag_over, mid_paragraph_claims, open_seed

pytestmark = pytest.mark.e2e

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def page(browser):
    page = browser.context.new_page()
    yield page
    page.close()


def choose_theme(page, theme: str) -> None:
    page.locator("#display-button").click()
    page.select_option("#theme", theme)
    page.keyboard.press("Escape")
    expect(page.locator("html")).to_have_attribute("data-theme", theme)


def test_screenshots_of_the_three_themes_and_the_narrow_layout(browser, page, site):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    open_seed(browser, page, site)
    claims = mid_paragraph_claims(page)
    for index, label in ((0, "Needs a source"), (2, "Dubious"), (4, "Agree")):
        drag_over(page, claims.nth(index))
        page.locator("#selection-toolbar").get_by_role("button", name=label, exact=True).click()
    expect(page.locator("mark.sl-highlight:not(.is-pending)")).not_to_have_count(0)
    try:
        for theme in ("light", "dark", "sepia"):
            choose_theme(page, theme)
            page.evaluate("window.scrollTo(0, 0)")
            target = page.locator('.sl-body .sl-claim[data-kind="anonymous"]').nth(1)
            target.scroll_into_view_if_needed()
            page.evaluate("window.scrollBy(0, 260)")
            target.hover()
            expect(page.locator("#note-popover")).to_be_visible()
            page.evaluate("document.activeElement.blur()")
            page.screenshot(path=str(SHOTS / f"reader-{theme}.png"))
        choose_theme(page, "light")
        page.set_viewport_size({"width": 420, "height": 860})
        page.mouse.move(2, 2)
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(SHOTS / "reader-420.png"))
        page.locator("#toggle-panel").click()
        expect(page.locator("#panel")).to_be_visible()
        page.screenshot(path=str(SHOTS / "reader-420-panel.png"))
    finally:
        browser.worker.evaluate("() => chrome.storage.local.remove('readerPrefs')")
