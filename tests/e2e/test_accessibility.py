"""WCAG 2.2 AA in the real pages: axe-core on the reader, the options page and the notebook
(0 serious or critical violations), one Tab stop for the article, the kind and note of a claim
and the label and note of a highlight exposed to assistive technology, visible focus."""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import MEASUREMENTS
from tests.e2e.reader_helpers import drag_over, mid_paragraph_claims, open_seed

pytestmark = pytest.mark.e2e

AXE = Path(__file__).resolve().parents[1] / "extension" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture
def page(browser):
    page = browser.context.new_page()
    yield page
    page.close()


def axe_violations(page) -> list[dict]:
    """Serious and critical violations axe finds in the page as it is now."""
    if not AXE.exists():
        pytest.fail("axe-core is missing: npm install --prefix tests/extension")
    if not page.evaluate("() => Boolean(window.axe)"):
        page.evaluate(AXE.read_text(encoding="utf-8"))  # evaluated by the debugger: the page CSP allows no script tag
    results = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in results["violations"] if v["impact"] in ("serious", "critical")]


def check(page, where: str, theme: str | None = None) -> None:
    found = axe_violations(page)
    MEASUREMENTS.append(f"axe-core on the {where}{f' ({theme})' if theme else ''}: {len(found)} serious/critical violations")
    assert found == []


@pytest.mark.parametrize("theme", ["light", "dark", "sepia"])
def test_reader_has_no_serious_axe_violations(browser, page, site, theme):
    browser.worker.evaluate("t => chrome.storage.local.set({readerPrefs: {theme: t}})", theme)
    try:
        open_seed(browser, page, site)
        drag_over(page, mid_paragraph_claims(page).first)
        page.locator("#selection-toolbar").get_by_role("button", name="Dubious").click()
        page.locator("#toggle-panel").click()
        expect(page.locator("#highlight-list li .save-state").first).to_have_text("Saved")
        check(page, "reader with a highlight and the panel open", theme)
        page.locator("#display-button").click()
        check(page, "reader with the display menu open", theme)
    finally:
        browser.worker.evaluate("() => chrome.storage.local.remove('readerPrefs')")


def test_error_page_has_no_serious_axe_violations(browser, page):
    page.goto("about:blank")
    browser.click_toolbar_button(page)
    page.wait_for_url(f"chrome-extension://{browser.extension_id}/reader/reader.html*")
    expect(page.locator("#status[role=alert]")).to_be_visible()
    check(page, "reader's error page")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_options_and_notebook_have_no_serious_axe_violations(browser, page, site, scheme):
    page.emulate_media(color_scheme=scheme)
    open_seed(browser, page, site)
    drag_over(page, mid_paragraph_claims(page).nth(1))
    page.locator("#selection-toolbar").get_by_role("button", name="Important").click()
    page.goto(f"chrome-extension://{browser.extension_id}/options/options.html")
    expect(page.locator("#shortcuts")).not_to_be_empty()
    page.fill("#token", "wrong")
    page.click("#pair")
    expect(page.locator("#result.error")).not_to_be_empty()
    check(page, "options page with an error", scheme)
    page.click("#search button[type=submit]")
    expect(page.locator("#results li").first).to_be_visible()
    check(page, "notebook with search results", scheme)


def test_the_article_is_one_tab_stop_with_arrows_inside(browser, page, site):
    open_seed(browser, page, site)
    page.evaluate("document.activeElement.blur()")
    claim_stops = 0
    focused = []
    for _ in range(60):
        page.keyboard.press("Tab")
        info = page.evaluate("() => { const e = document.activeElement; return {claim: e.classList.contains('sl-claim'), id: e.id, tag: e.tagName}; }")
        focused.append(info)
        if info["claim"]:
            claim_stops += 1
        if info["tag"] == "BODY":
            break
    MEASUREMENTS.append(f"Tab stops on claims in the seed article: {claim_stops} (was one per sentence)")
    assert claim_stops == 1
    # Inside, the arrows move from claim to claim; focus is visible.
    page.locator(".sl-claim[tabindex='0']").focus()
    first = page.evaluate("document.activeElement.dataset.claimId")
    page.keyboard.press("ArrowDown")
    second = page.evaluate("document.activeElement.dataset.claimId")
    assert second and second != first
    outline = page.evaluate("() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, parseFloat(s.outlineWidth)]; }")
    assert outline[0] != "none" and outline[1] >= 2
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.dataset.claimId") == first
    page.keyboard.press("Tab")
    assert not page.evaluate("document.activeElement.classList.contains('sl-claim')")


def test_kind_and_note_of_a_claim_are_exposed_to_assistive_technology(browser, page, site):
    open_seed(browser, page, site)
    claim = page.locator('.sl-body .sl-claim[data-kind="anonymous"]').first
    note = claim.get_attribute("data-note")
    # What a screen reader announces with the claim: the kind in words, then the note.
    expect(claim).to_have_accessible_description(f"Anonymous. {note}")


def test_a_highlight_says_its_label_and_note(browser, page, site):
    open_seed(browser, page, site)
    claim = mid_paragraph_claims(page).nth(2)
    drag_over(page, claim)
    page.locator("#selection-toolbar").get_by_role("button", name="Note…").click()
    page.keyboard.type("Check the original report")
    page.locator("#highlight-list li").filter(has=page.locator("textarea:focus")).locator("select").select_option("dubious")
    mark = page.locator("mark.sl-highlight").filter(has_text=claim.evaluate("el => el.textContent.trim().slice(0, 20)")).first
    expect(mark).to_have_attribute("data-label", "dubious")
    expect(mark).to_have_accessible_description("Highlight: Dubious. Note: Check the original report")


def test_a_hedged_claim_names_its_hedge_once(browser, page, site):
    open_seed(browser, page, site)
    hedged = page.locator(".sl-body .sl-claim[data-hedges]").first
    hedged.scroll_into_view_if_needed()
    hedged.hover()
    popover = page.locator("#note-popover")
    expect(popover).to_be_visible()
    hedge = hedged.get_attribute("data-hedges").split(",")[0].strip()
    assert popover.inner_text().count(hedge) == 1
