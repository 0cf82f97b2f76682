"""Helpers for driving the reader with real input (Playwright's mouse and keyboard)."""
from __future__ import annotations

from playwright.sync_api import expect

SEED = "seed-sputnik-iran-missiles"


def open_seed(browser, page, site):
    browser.open_reader(page, f"{site}/{SEED}/source.html")
    expect(page.locator("body[data-ready=true]")).to_be_attached(timeout=30_000)
    return page


# The first and last character boxes of an element's text, in viewport coordinates.
CHAR_BOXES = """el => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const nodes = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.data.length) nodes.push(n);
    const first = nodes[0], last = nodes[nodes.length - 1];
    let a = 0; while (/\\s/.test(first.data[a])) a++;
    let b = last.data.length; while (/\\s/.test(last.data[b - 1])) b--;
    const box = (node, i) => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
        const rects = r.getClientRects(); const q = rects[rects.length - 1]; return {x: q.x, y: q.y, w: q.width, h: q.height}; };
    return {first: box(first, a), last: box(last, b - 1)};
}"""


# How far from the window's top and bottom a drag must stay so the browser does not autoscroll.
EDGE_PX = 40


def drag_over(page, element) -> None:
    """A real mouse drag from the left edge of the element's first letter to the right edge of its last.

    The element is first brought to the middle of the window, as a reader scrolls before selecting:
    a drag that ends at the window's edge makes the browser scroll the page under the mouse and
    grow the selection past the sentence, by as much as the time the machine takes to release it."""
    element.evaluate("el => el.scrollIntoView({block: 'center', inline: 'nearest'})")
    page.mouse.move(5, 5)
    boxes = element.evaluate(CHAR_BOXES)
    first, last = boxes["first"], boxes["last"]
    height = page.evaluate("() => window.innerHeight")
    assert EDGE_PX < first["y"] and last["y"] + last["h"] < height - EDGE_PX, f"drag too close to the window's edge: {boxes}"
    page.mouse.move(first["x"] + 1, first["y"] + first["h"] / 2)
    page.mouse.down()
    page.mouse.move(last["x"] + last["w"] - 1, last["y"] + last["h"] / 2, steps=12)
    page.mouse.up()


def selected_text(page) -> str:
    return page.evaluate("() => document.getSelection().toString()")


def mid_paragraph_claims(page):
    """Claims that start after other text in their paragraph (not at its start)."""
    return page.locator(".sl-body .sl-claim:not(.is-plain)").filter(
        has=page.locator("xpath=self::*[preceding-sibling::node()[normalize-space()]]"))
