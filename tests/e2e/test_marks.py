"""Calm marks, as a reader sees them (computed styles in the real page): attributed claims
underlined by kind, anonymous and vague ones with a letter, the writer's own sentences plain
unless asked for, headings and captions never marked; highlights in their label's colour."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import MEASUREMENTS
from tests.e2e.reader_helpers import SEED, drag_over, mid_paragraph_claims, open_seed

pytestmark = pytest.mark.e2e

LOOK = """els => els.map(el => {
    const s = getComputedStyle(el), after = getComputedStyle(el, '::after');
    return {kind: el.dataset.kind, hedged: el.hasAttribute('data-hedges'), style: s.textDecorationStyle, line: s.textDecorationLine, badge: after.content, plain: el.classList.contains('is-plain'),
            heading: Boolean(el.closest('h1, h2, h3, h4, h5, h6, figcaption'))};
})"""


@pytest.fixture
def page(browser):
    page = browser.context.new_page()
    yield page
    page.close()


@pytest.mark.parametrize("slug", [SEED, "liveblog-headings", "german-news"])
def test_only_sourced_claims_are_marked_and_anonymous_ones_stand_out(browser, page, site, slug):
    browser.open_reader(page, f"{site}/{slug}/source.html")
    expect(page.locator("body[data-ready=true]")).to_be_attached(timeout=30_000)
    looks = page.locator(".sl-claim").evaluate_all(LOOK)
    marked = [c for c in looks if c["line"] != "none"]
    for claim in looks:
        if claim["heading"] or claim["plain"]:
            assert claim["line"] == "none", claim
        elif claim["hedged"]:  # a hedge stands out whoever the source is
            assert "underline" in claim["line"] and claim["style"] == "wavy", claim
        elif claim["kind"] in ("unattributed", "none"):
            assert claim["line"] == "none", claim
        else:
            assert "underline" in claim["line"], claim
        if claim["kind"] in ("anonymous", "vague") and not claim["heading"]:
            assert claim["badge"] not in ("none", "normal", ""), claim
    MEASUREMENTS.append(f"marked sentences on {slug}: {len(marked)} of {len(looks)} "
                        f"(unattributed and not hedged: {sum(c['kind'] == 'unattributed' and not c['hedged'] for c in looks)}, all plain)")


def test_the_writers_own_sentences_show_on_demand_and_through_the_filter(browser, page, site):
    open_seed(browser, page, site)
    unattributed = page.locator('.sl-body .sl-claim[data-kind="unattributed"]:not([data-hedges])').first
    line = "el => getComputedStyle(el).textDecorationLine"
    assert unattributed.evaluate(line) == "none"
    page.locator("#display-button").click()
    page.locator("#show-unattributed").check()
    assert unattributed.evaluate(line) == "underline"
    page.locator("#show-unattributed").uncheck()
    page.keyboard.press("Escape")
    page.select_option("#filter", "unattributed")
    assert unattributed.evaluate(line) == "underline"
    assert page.locator(".sl-summary li[data-kind='unattributed']").count() == 1  # the legend lists them too


def test_highlights_take_their_labels_colour(browser, page, site):
    open_seed(browser, page, site)
    claims = mid_paragraph_claims(page)
    colours = {}
    for index, label in enumerate(["Important", "Dubious", "Agree"]):
        drag_over(page, claims.nth(index + 5))
        page.locator("#selection-toolbar").get_by_role("button", name=label, exact=True).click()
        mark = page.locator(f"mark.sl-highlight[data-label='{label.lower()}']:not(.is-pending)").first
        expect(mark).to_be_visible()
        colours[label] = mark.evaluate("el => getComputedStyle(el).backgroundColor")
    assert len(set(colours.values())) == 3, colours
