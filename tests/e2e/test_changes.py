"""What changed since you read it, in the real browser: the reader shows a news page, the page
is updated (a ministry that declined to comment answers, a new anonymous claim), the reader
opens it again and says so in a banner, with the sourcing diff one click away."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PAGES
from tests.e2e.test_accessibility import check

pytestmark = pytest.mark.e2e

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

SLUG = "wire-reuters-style"
SILENT = ("A spokeswoman for Andes Meridian declined to comment on the figures or on the state of the talks, "
          "saying the company would not negotiate through the media.")
ANSWER = ("A spokeswoman for Andes Meridian said on Wednesday that the stockpiles would last at least three weeks "
          "and that the company expected to resume talks.")
ADDED = "Reporters were told by a mine official, who was not authorized to speak publicly, that trucks were idle."


@pytest.fixture(scope="module")
def news_site(tmp_path_factory):
    """A news site whose one story can be updated between visits."""
    import functools
    import http.server
    import threading

    from tests.e2e.conftest import QuietHandler

    root = tmp_path_factory.mktemp("news")
    story = root / "story.html"
    shutil.copy(PAGES / SLUG / "source.html", story)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/story.html", story
    server.shutdown()


def open_and_wait(browser, url):
    page = browser.context.new_page()
    browser.open_reader(page, url)
    expect(page.locator("body[data-ready=true]")).to_be_attached(timeout=60_000)
    return page


def test_reopening_an_updated_page_shows_what_changed_in_its_sourcing(browser, news_site):
    url, story = news_site
    first = open_and_wait(browser, url)
    expect(first.locator("#changes-banner")).to_have_count(0)  # first reading: nothing to compare
    first.close()

    html = story.read_text(encoding="utf-8")
    assert SILENT in html
    story.write_text(html.replace(SILENT, ANSWER).replace("<p>Cerro Alto produced",
                                                           f"<p>{ADDED}</p><p>Cerro Alto produced"), encoding="utf-8")
    page = open_and_wait(browser, url)
    banner = page.locator("#changes-banner")
    expect(banner).to_be_visible()
    summary = banner.locator(".changes-summary")
    expect(summary).to_contain_text("This article changed since you read it on")
    expect(summary).to_contain_text("Claims added: ")
    expect(summary).to_contain_text("Declined to comment before, answered now: 1")

    panel = page.locator("#changes-panel")
    expect(panel).to_be_hidden()
    page.locator("#show-changes").click()
    expect(panel).to_be_visible()
    expect(page.locator("#show-changes")).to_have_attribute("aria-expanded", "true")
    expect(panel.locator("[data-change=non_responses_answered]")).to_contain_text(ANSWER)
    added = panel.locator("[data-change=claims_added] a", has_text=ADDED)
    expect(added).to_have_count(1)
    check(page, "reader with the changes panel open")
    page.evaluate("document.activeElement.blur()")
    page.screenshot(path=str(SHOTS / "reader-changes.png"))  # for docs/extension.md

    # The added claim's link takes the reader to it in the text.
    added.click()
    current = page.locator(".sl-claim.is-current")
    expect(current).to_contain_text("trucks were idle")
    page.close()

    # Shown once: the next visit has nothing new to say.
    again = open_and_wait(browser, url)
    expect(again.locator("#changes-banner")).to_have_count(0)
    again.close()
