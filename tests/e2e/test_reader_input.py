"""The reader with real input: mouse drags, keyboard selection, typing a note while the companion
is down, and a narrow window. What issue 12 found broken, tried the way a reader does it."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import MEASUREMENTS
from tests.e2e.reader_helpers import SEED, drag_over, mid_paragraph_claims, open_seed, selected_text

pytestmark = pytest.mark.e2e


@pytest.fixture
def page(browser):
    page = browser.context.new_page()
    yield page
    page.close()


def rects_overlap(a, b) -> bool:
    return a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"] and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]


@pytest.mark.parametrize("slug", [SEED, "german-news", "liveblog-headings", "french-news"])
def test_twenty_drags_from_the_first_letter_of_a_sentence_mid_paragraph_select_that_sentence(browser, page, site, slug):
    browser.open_reader(page, f"{site}/{slug}/source.html")
    expect(page.locator("body[data-ready=true]")).to_be_attached(timeout=30_000)
    claims = mid_paragraph_claims(page)
    assert claims.count() >= 3
    toolbar = page.locator("#selection-toolbar")
    right = 0
    failures = []
    for attempt in range(20):
        claim = claims.nth(attempt % claims.count())
        expected = claim.evaluate("el => el.textContent.trim()")
        drag_over(page, claim)
        got = selected_text(page).strip()
        if got == expected:
            right += 1
        else:
            failures.append((expected, got))
        # The toolbar shows once the drag is over, and never over the selected text.
        expect(toolbar).to_be_visible()
        selection = page.evaluate("""() => [...document.getSelection().getRangeAt(0).getClientRects()]
            .map(r => ({x: r.x, y: r.y, width: r.width, height: r.height}))""")
        bar = toolbar.bounding_box()
        assert not any(rects_overlap(bar, r) for r in selection if r["width"] > 1)
        expect(page.locator("#note-popover")).to_be_hidden()
        page.mouse.click(5, 300)  # a click in the margin clears the selection
    MEASUREMENTS.append(f"real mouse drags from the first letter of a sentence mid-paragraph ({slug}, {min(20, claims.count())} different sentences): {right}/20 selected that sentence")
    assert failures == []


def test_a_dragged_sentence_is_highlighted_exactly(browser, page, site, companion):
    open_seed(browser, page, site)
    claim = mid_paragraph_claims(page).first
    expected = claim.evaluate("el => el.textContent.trim()")
    drag_over(page, claim)
    page.locator("#selection-toolbar").get_by_role("button", name="Important").click()
    mark = page.locator("mark.sl-highlight[data-label=important]")
    expect(mark.first).to_be_visible()
    assert "".join(mark.all_text_contents()) == expected
    article_id = page.locator("body").get_attribute("data-article-id")
    page.locator("#toggle-panel").click()
    expect(page.locator("#highlight-list li", has_text=expected[:30]).locator(".save-state")).to_have_text("Saved")
    _, body, _ = companion.request("GET", f"/api/v1/articles/{article_id}/highlights")
    assert expected in [h["quote"]["exact"] for h in body["highlights"]]


def test_shift_arrows_select_from_inside_a_sentence_and_h_highlights(browser, page, site):
    open_seed(browser, page, site)
    claim = mid_paragraph_claims(page).nth(1)
    claim.scroll_into_view_if_needed()
    # Put the caret after the sentence's first word with a click, then extend it with the keyboard.
    word = claim.evaluate("""el => { const t = el.firstChild; const i = t.data.indexOf(' ');
        const r = document.createRange(); r.setStart(t, i); r.setEnd(t, i + 1); const q = r.getBoundingClientRect();
        return {x: q.x + 1, y: q.y + q.height / 2, rest: t.data.slice(i + 1, i + 1 + 12)}; }""")
    page.mouse.click(word["x"], word["y"])
    for _ in range(13):
        page.keyboard.press("Shift+ArrowRight")
    assert selected_text(page).strip() == word["rest"].strip()
    expect(page.locator("#selection-toolbar")).to_be_visible()
    page.keyboard.press("h")
    expect(page.locator("mark.sl-highlight", has_text=word["rest"].strip())).to_have_count(1)


def test_tab_reaches_the_selection_toolbar_and_a_label_applies_from_the_keyboard(browser, page, site):
    open_seed(browser, page, site)
    claim = mid_paragraph_claims(page).nth(4)
    claim.scroll_into_view_if_needed()
    start = claim.evaluate("""el => { const t = el.firstChild; const r = document.createRange(); r.setStart(t, 0); r.setEnd(t, 1);
        const q = r.getBoundingClientRect(); return {x: q.x + 1, y: q.y + q.height / 2}; }""")
    page.mouse.click(start["x"], start["y"])
    page.keyboard.press("Control+Shift+ArrowRight")
    page.keyboard.press("Control+Shift+ArrowRight")
    words = selected_text(page).strip()
    assert len(words.split()) == 2
    expect(page.locator("#selection-toolbar")).to_be_visible()
    page.keyboard.press("Tab")
    for _ in range(3):  # Highlight, Important, Needs a source, Dubious
        page.keyboard.press("ArrowRight")
    expect(page.locator("#selection-toolbar button:focus")).to_have_text("Dubious")
    page.keyboard.press("Enter")
    expect(page.locator("mark.sl-highlight[data-label=dubious]", has_text=words)).to_have_count(1)


def test_a_drag_across_two_paragraphs_highlights_both_parts(browser, page, site, companion):
    open_seed(browser, page, site)
    blocks = page.locator(".sl-body p.sl-block")
    first, second = blocks.nth(2), blocks.nth(3)
    first.scroll_into_view_if_needed()
    # From the middle of the first paragraph's last sentence.
    a = first.evaluate("""el => { const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT); let t, n;
        while ((n = w.nextNode())) if (n.data.trim().length > 20) t = n;
        const r = document.createRange(); const i = Math.floor(t.data.length / 2); r.setStart(t, i); r.setEnd(t, i + 1);
        const q = r.getBoundingClientRect(); return {x: q.x + 1, y: q.y + q.height / 2}; }""")
    b = second.evaluate("""el => { const r = el.getClientRects()[0]; return {x: r.x + 60, y: r.y + 10}; }""")
    page.mouse.move(a["x"], a["y"])
    page.mouse.down()
    page.mouse.move(b["x"], b["y"], steps=10)
    page.mouse.up()
    text = selected_text(page)
    assert "\n" in text.strip()
    ids = "() => [...new Set([...document.querySelectorAll('mark.sl-highlight')].map(m => m.dataset.highlightId))]"
    before = set(page.evaluate(ids))
    page.locator("#selection-toolbar").get_by_role("button", name="Highlight", exact=True).click()
    [new] = set(page.evaluate(ids)) - before
    marks = page.locator(f"mark.sl-highlight[data-highlight-id='{new}']")
    assert len({m.evaluate("el => el.closest('.sl-block').dataset.start") for m in marks.all()}) == 2
    article_id = page.locator("body").get_attribute("data-article-id")
    page.locator("#toggle-panel").click()
    expect(page.locator("#highlight-list li .save-state").first).to_have_text("Saved")
    _, body, _ = companion.request("GET", f"/api/v1/articles/{article_id}/highlights")
    assert any("\n" in h["quote"]["exact"] for h in body["highlights"])


def test_note_button_keeps_the_cursor_in_the_note_box(browser, page, site):
    open_seed(browser, page, site)
    drag_over(page, mid_paragraph_claims(page).nth(2))
    page.locator("#selection-toolbar").get_by_role("button", name="Note…").click()
    note = page.locator("#highlight-list li textarea:focus")
    expect(note).to_have_count(1)
    page.wait_for_timeout(600)  # the save round trip is over: the cursor must still be there
    page.keyboard.type("jk np kept")
    expect(note).to_have_value("jk np kept")
    expect(page.locator(".sl-claim.is-current")).to_have_count(0)  # j/k did not move in the article


def test_a_note_typed_while_the_companion_is_down_is_kept_through_retries_and_a_closed_tab(browser, site, companion):
    page = browser.context.new_page()
    open_seed(browser, page, site)
    article_id = page.locator("body").get_attribute("data-article-id")
    claim = mid_paragraph_claims(page).nth(3)
    quote = claim.evaluate("el => el.textContent.trim()")
    companion.stop()
    text = "Who are the sources? j k n p Escape-free typing, through two retry cycles of the outbox."
    try:
        drag_over(page, claim)
        page.locator("#selection-toolbar").get_by_role("button", name="Note…").click()
        item = page.locator("#highlight-list li", has_text=quote[:30])
        note = item.locator("textarea")
        expect(note).to_be_focused()
        page.keyboard.type(text, delay=120)  # about 11 s: the outbox retries every 5 s meanwhile
        expect(item.locator(".save-state")).to_contain_text("Not saved yet")
        expect(note).to_be_focused()
        expect(note).to_have_value(text)
        expect(page.locator(".sl-claim.is-current")).to_have_count(0)
        page.close()  # the tab goes away with the note unsent
    finally:
        companion.start(port=companion.port)
    again = browser.context.new_page()
    open_seed(browser, again, site)
    again.locator("#toggle-panel").click()
    item = again.locator("#highlight-list li", has_text=quote[:30])
    expect(item.locator(".save-state")).to_have_text("Saved", timeout=15_000)
    expect(item.locator("textarea")).to_have_value(text)
    _, body, _ = companion.request("GET", f"/api/v1/articles/{article_id}/highlights")
    assert [h["note"] for h in body["highlights"] if h["quote"]["exact"] == quote] == [text]
    MEASUREMENTS.append("note typed with the companion down, tab closed, companion back: 0 characters lost")
    again.close()


def test_at_420_px_the_toolbar_is_one_row_and_the_panel_opens_over_the_article(browser, page, site):
    page.set_viewport_size({"width": 420, "height": 860})
    open_seed(browser, page, site)
    tops = page.evaluate("""() => [...document.querySelectorAll('.toolbar > *')]
        .filter(e => e.getBoundingClientRect().height > 0)
        .map(e => Math.round(e.getBoundingClientRect().top))""")
    assert max(tops) - min(tops) <= 6, tops
    assert page.locator(".toolbar").bounding_box()["height"] < 56
    assert page.evaluate("document.documentElement.scrollWidth") <= 420
    page.locator("#display-button").click()
    menu = page.locator("#display-menu")
    expect(menu).to_be_visible()
    box = menu.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 420
    page.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    page.locator("#toggle-panel").click()
    panel = page.locator("#panel")
    expect(panel).to_be_visible()
    box = panel.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 421 and box["y"] <= 1 and box["height"] >= 800
    page.keyboard.press("Escape")  # closes the overlay, and stays in the reader
    expect(panel).to_be_hidden()
    assert "reader.html" in page.url
    page.locator("#toggle-panel").click()
    page.locator("#close-panel").click()
    expect(panel).to_be_hidden()
    # A selection's toolbar fits the narrow window too.
    drag_over(page, mid_paragraph_claims(page).first)
    expect(page.locator("#selection-toolbar")).to_be_visible()
    bar = page.locator("#selection-toolbar").bounding_box()
    assert bar["x"] >= 0 and bar["x"] + bar["width"] <= 420


def test_error_pages_show_no_article_toolbar_and_offer_retry_only_when_it_can_help(browser, page, site, companion):
    page.goto("about:blank")
    browser.click_toolbar_button(page)
    page.wait_for_url(f"chrome-extension://{browser.extension_id}/reader/reader.html*")
    alert = page.locator("#status[role=alert]")
    expect(alert).to_contain_text("cannot be read")
    for control in ("#filter", "#toggle-panel", "#next-claim"):
        expect(page.locator(control)).to_be_hidden()
    expect(alert.get_by_role("button", name="Try again")).to_have_count(0)
    # The hint names the shortcut the browser really assigned (or says none is).
    assigned = browser.worker.evaluate("async () => (await chrome.commands.getAll()).map(c => c.shortcut).filter(Boolean)")
    hint = alert.locator(".hint").inner_text()
    if assigned:
        assert assigned[0] in hint
    else:
        assert "No keyboard shortcut is assigned" in hint
    assert "Alt+Shift+R" not in hint or "Alt+Shift+R" in assigned

    browser.configure("http://127.0.0.1:9", companion.token)
    try:
        browser.open_reader(page, f"{site}/{SEED}/source.html")
        expect(page.locator("#status[role=alert]").get_by_role("button", name="Try again")).to_be_visible()
        expect(page.locator("#toggle-panel")).to_be_hidden()
    finally:
        browser.configure(companion.url, companion.token)
