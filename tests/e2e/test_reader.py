"""One click on a news page: the article alone, notes on every claim, filters, highlights that come back."""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

SEED = "seed-sputnik-iran-missiles"
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "reader-seed.png"


@pytest.fixture
def page(browser):
    page = browser.context.new_page()
    yield page
    page.close()


def open_seed(browser, page, site):
    browser.open_reader(page, f"{site}/{SEED}/source.html")
    expect(page.locator("body[data-ready=true]")).to_be_attached(timeout=30_000)
    return page


def test_one_click_shows_the_article_alone_with_notes_on_its_claims(browser, page, site):
    open_seed(browser, page, site)
    expect(page.locator(".sl-header h1")).to_contain_text("Tehran Reportedly Arms Iraqi Militias")
    body = page.locator(".sl-body")
    expect(body).to_contain_text("short-range ballistic missiles")
    for clutter in ("Community standards", "Registration", "push notifications", "Related:", "READ MORE"):
        expect(page.locator("#reader")).not_to_contain_text(clutter)
    claims = page.locator(".sl-claim")
    assert claims.count() > 10
    expect(page.locator(".sl-summary-headline")).to_contain_text("anonymous")
    # The note of a claim shows when the keyboard moves to it, with the kind in words.
    page.select_option("#filter", "anonymous")
    page.keyboard.press("j")
    expect(page.locator(".sl-claim.is-current")).to_have_attribute("data-kind", "anonymous")
    popover = page.locator("#note-popover")
    expect(popover).to_be_visible()
    expect(popover).to_contain_text("Anonymous")
    page.select_option("#filter", "")
    page.keyboard.press("Escape")
    expect(popover).to_be_hidden()
    # The picture in the README: the summary on top and the note of an anonymous claim.
    page.set_viewport_size({"width": 1280, "height": 1500})
    page.evaluate("document.activeElement.blur(); window.scrollTo(0, 0)")
    page.locator('.sl-claim[data-kind="anonymous"]').first.hover()
    expect(popover).to_be_visible()
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=False)


def test_filter_shows_only_the_claims_of_one_kind(browser, page, site):
    open_seed(browser, page, site)
    page.select_option("#filter", "anonymous")
    visible = page.locator(".sl-claim.matches-filter")
    assert visible.count() >= 3
    kinds = set(visible.evaluate_all("els => els.map(e => e.dataset.kind)"))
    assert kinds == {"anonymous"}
    # Paragraphs without an anonymous claim are hidden.
    expect(page.locator(".sl-block", has_text="Relations between Israel and Iran")).to_be_hidden()
    page.select_option("#filter", "")
    expect(page.locator(".sl-block", has_text="Relations between Israel and Iran")).to_be_visible()


def test_keyboard_moves_between_claims(browser, page, site):
    open_seed(browser, page, site)
    page.keyboard.press("j")
    page.keyboard.press("j")
    current = page.locator(".sl-claim.is-current")
    expect(current).to_have_count(1)
    # Headings carry no mark and are skipped: the second claim of the body is the second stop.
    assert current.get_attribute("data-claim-id") == page.locator(".sl-claim:not(.is-plain)").nth(1).get_attribute("data-claim-id")
    expect(current).to_be_focused()


def select_text(page, text: str) -> None:
    page.evaluate(
        """text => {
            const walker = document.createTreeWalker(document.querySelector('.sl-body'), NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.data.indexOf(text);
                if (at >= 0) {
                    const range = document.createRange();
                    range.setStart(node, at); range.setEnd(node, at + text.length);
                    const selection = document.getSelection();
                    selection.removeAllRanges(); selection.addRange(range);
                    document.dispatchEvent(new Event('selectionchange'));
                    return;
                }
            }
            throw new Error('text not found: ' + text);
        }""",
        text,
    )


def stored_highlight(companion, article_id: str, exact: str, **fields) -> dict:
    """A highlight made through the API, so that a test never relies on one made by another."""
    status, article, _ = companion.request("GET", f"/api/v1/articles/{article_id}")
    assert status == 200
    start = article["text"].index(exact)
    status, body, _ = companion.request("POST", f"/api/v1/articles/{article_id}/highlights", {
        "quote": {"exact": exact}, "position": {"start": start, "end": start + len(exact)}, **fields})
    assert status == 201, body
    return body


def test_highlight_with_a_note_is_stored_and_comes_back(browser, page, site, companion):
    open_seed(browser, page, site)
    article_id = page.locator("body").get_attribute("data-article-id")
    select_text(page, "just a couple of dozen")
    toolbar = page.locator("#selection-toolbar")
    expect(toolbar).to_be_visible()
    toolbar.get_by_role("button", name="Needs a source").click()
    expect(page.locator("mark.sl-highlight", has_text="just a couple of dozen")).to_have_count(1)
    page.locator("#toggle-panel").click()
    item = page.locator("#highlight-list li", has_text="just a couple of dozen")
    expect(item.locator(".save-state")).to_have_text("Saved")
    item.locator("textarea").click()
    page.keyboard.type("Which intelligence source? Only one, unnamed.")
    expect(item.locator("textarea")).to_be_focused()
    expect(item.locator(".save-state")).to_have_text("Saved")

    status, body, _ = companion.request("GET", f"/api/v1/articles/{article_id}/highlights")
    assert status == 200
    [stored] = [h for h in body["highlights"] if h["quote"]["exact"] == "just a couple of dozen"]
    assert stored["label"] == "needs-source"
    assert stored["note"] == "Which intelligence source? Only one, unnamed."

    page.reload()
    expect(page.locator("body[data-ready=true]")).to_be_attached(timeout=30_000)
    expect(page.locator("mark.sl-highlight", has_text="just a couple of dozen")).to_have_count(1)
    page.locator("#toggle-panel").click()
    note = page.locator("#highlight-list li", has_text="just a couple of dozen").locator("textarea")
    expect(note).to_have_value("Which intelligence source? Only one, unnamed.")


def test_opening_the_page_again_brings_the_highlights_back(browser, page, site, companion):
    open_seed(browser, page, site)
    article_id = page.locator("body").get_attribute("data-article-id")
    stored_highlight(companion, article_id, "short-range ballistic missiles", label="important")
    _, body, _ = companion.request("GET", f"/api/v1/articles/{article_id}/highlights")
    open_seed(browser, page, site)
    expect(page.locator("mark.sl-highlight", has_text="short-range ballistic missiles")).to_have_count(1)
    expect(page.locator("mark.sl-highlight")).to_have_count(len(body["highlights"]))


def test_clicking_a_highlight_opens_its_note(browser, page, site):
    open_seed(browser, page, site)
    select_text(page, "Tehran and Washington's relations")
    page.locator("#selection-toolbar").get_by_role("button", name="Agree", exact=True).click()
    mark = page.locator("mark.sl-highlight", has_text="Tehran and Washington's relations")
    expect(page.locator("#panel")).to_be_hidden()
    mark.click()
    expect(page.locator("#panel")).to_be_visible()
    item = page.locator("#highlight-list li", has_text="Tehran and Washington's relations")
    expect(item.locator("blockquote")).to_be_focused()
    expect(item.locator("select")).to_have_value("agree")


def test_deleting_a_highlight_can_be_undone(browser, page, site, companion):
    open_seed(browser, page, site)
    select_text(page, "At least two factories")
    page.locator("#selection-toolbar").get_by_role("button", name="Dubious").click()
    page.locator("#toggle-panel").click()
    item = page.locator("#highlight-list li", has_text="At least two factories")
    expect(item.locator(".save-state")).to_have_text("Saved")
    item.get_by_role("button", name="Delete").click()
    expect(page.locator("mark.sl-highlight", has_text="At least two factories")).to_have_count(0)
    page.locator("#toast").get_by_role("button", name="Undo").click()
    expect(page.locator("mark.sl-highlight", has_text="At least two factories")).to_have_count(1)
    expect(page.locator("#highlight-list li", has_text="At least two factories").locator(".save-state")).to_have_text("Saved")
    article_id = page.locator("body").get_attribute("data-article-id")
    _, body, _ = companion.request("GET", f"/api/v1/articles/{article_id}/highlights")
    assert any(h["quote"]["exact"] == "At least two factories" for h in body["highlights"])


def test_esc_goes_back_to_the_original_page(browser, page, site):
    open_seed(browser, page, site)
    page.keyboard.press("Escape")
    page.wait_for_url(f"{site}/{SEED}/source.html")


def test_notebook_finds_a_note_and_exports_markdown(browser, page, site, companion):
    open_seed(browser, page, site)
    article_id = page.locator("body").get_attribute("data-article-id")
    stored_highlight(companion, article_id, "a backup plan if Iran was attacked", note="Check the notebook finds zeppelins.")
    page.goto(f"chrome-extension://{browser.extension_id}/options/options.html")
    page.fill("#query", "zeppelins")
    page.click("#search button[type=submit]")
    expect(page.locator("#results li").first).to_contain_text("a backup plan if Iran was attacked")
    expect(page.locator("#search-status")).to_contain_text("Highlights found: 1")
    expect(page.locator("#results li a").first).to_contain_text("Tehran Reportedly Arms Iraqi Militias")
    with page.expect_download() as download:
        page.click("button[data-export=markdown]")
    text = open(download.value.path(), encoding="utf-8").read()
    assert "> a backup plan if Iran was attacked" in text
    assert "Check the notebook finds zeppelins." in text


def test_a_changed_page_shows_moved_highlights_in_place_and_orphans_in_the_panel_only(browser, page, site, companion):
    """The server re-anchors; the reader draws each highlight where the server placed it."""
    open_seed(browser, page, site)
    article_id = page.locator("body").get_attribute("data-article-id")
    kept = stored_highlight(companion, article_id, "Baghdad was aware of the supplies", note="kept")
    gone = stored_highlight(companion, article_id, "The CIA and Pentagon have also remained silent", note="gone")
    source = (Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "pages" / SEED / "source.html").read_text(encoding="utf-8")
    assert " The CIA and Pentagon have also remained silent." in source and "<p>The report comes amid" in source
    changed = source.replace(" The CIA and Pentagon have also remained silent.", "").replace(
        "<p>The report comes amid", "<p>Update: this story now opens with a new paragraph on the reaction in Baghdad.</p><p>The report comes amid", 1)
    status, body, _ = companion.request("POST", "/api/v1/articles", {"url": f"{site}/{SEED}/source.html", "html": changed})
    assert status in (200, 201) and body["id"] == article_id
    page.reload()
    expect(page.locator("body[data-ready=true]")).to_be_attached(timeout=30_000)
    expect(page.locator(".sl-body")).to_contain_text("Update: this story now opens")
    expect(page.locator(f"mark.sl-highlight[data-highlight-id='{kept['id']}']")).to_have_text("Baghdad was aware of the supplies")
    expect(page.locator(f"mark.sl-highlight[data-highlight-id='{gone['id']}']")).to_have_count(0)
    page.locator("#toggle-panel").click()
    orphan = page.locator(f"#highlight-list li[data-highlight-id='{gone['id']}']")
    expect(orphan.locator(".orphaned")).to_contain_text("no longer in the article")
    expect(orphan.locator("textarea")).to_have_value("gone")
