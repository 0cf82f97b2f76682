"""The reader on a touch screen: a tap shows a claim's note (and a tap elsewhere hides it), and a
selection made on a touch screen gets its toolbar below the text, clear of the browser's own
selection menu above it. Headless desktop Chromium makes no selection from a long press, so the
selection itself is set the way the browser's selection handles set it; the taps are real touch
events (CDP Input.dispatchTouchEvent)."""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import CHROMIUM, launch_browser
from tests.e2e.reader_helpers import SEED, mid_paragraph_claims

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def touch_browser(tmp_path_factory, companion):
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (tests/run.sh installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        opened = launch_browser(playwright, tmp_path_factory.mktemp("profile-touch"), companion,
                                has_touch=True, is_mobile=False, viewport={"width": 420, "height": 860})
        yield opened
        opened.context.close()


def tap_middle(page, element) -> None:
    element.scroll_into_view_if_needed()
    point = element.evaluate("el => { const r = el.getClientRects()[0]; return {x: r.x + r.width / 2, y: r.y + r.height / 2}; }")
    page.touchscreen.tap(point["x"], point["y"])


def test_a_tap_shows_the_note_and_a_tap_elsewhere_hides_it(touch_browser, site):
    page = touch_browser.context.new_page()
    touch_browser.open_reader(page, f"{site}/{SEED}/source.html")
    expect(page.locator("body[data-ready=true]")).to_be_attached(timeout=30_000)
    claim = page.locator('.sl-body .sl-claim[data-kind="anonymous"]').first
    tap_middle(page, claim)
    popover = page.locator("#note-popover")
    expect(popover).to_be_visible()
    expect(popover).to_contain_text("Anonymous")
    page.wait_for_timeout(400)  # nothing that follows the tap (pointerout, compatibility mouse events) hides it
    expect(popover).to_be_visible()
    tap_middle(page, page.locator(".sl-summary-headline"))
    expect(popover).to_be_hidden()
    page.close()


def test_a_touch_selection_gets_its_toolbar_below_the_text(touch_browser, site):
    page = touch_browser.context.new_page()
    touch_browser.open_reader(page, f"{site}/{SEED}/source.html")
    expect(page.locator("body[data-ready=true]")).to_be_attached(timeout=30_000)
    claim = mid_paragraph_claims(page).first
    tap_middle(page, claim)  # the finger comes down on the sentence…
    claim.evaluate("""el => { const r = document.createRange(); r.selectNodeContents(el);
        document.getSelection().removeAllRanges(); document.getSelection().addRange(r); }""")  # …and the handles select it
    toolbar = page.locator("#selection-toolbar")
    expect(toolbar).to_be_visible()
    expect(toolbar).to_have_attribute("data-side", "below")
    selection_bottom = page.evaluate("() => { const rs = [...document.getSelection().getRangeAt(0).getClientRects()]; return Math.max(...rs.map(r => r.bottom)); }")
    assert toolbar.bounding_box()["y"] >= selection_bottom
    expect(page.locator("#note-popover")).to_be_hidden()
    toolbar.get_by_role("button", name="Highlight", exact=True).tap()
    expect(page.locator("mark.sl-highlight").first).to_be_visible()
    page.close()
