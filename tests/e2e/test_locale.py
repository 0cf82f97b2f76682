"""The interface follows the browser's language: Chromium started in German shows the reader,
its messages, the options page and the notebook in German (the notes come from the server, in the
article's language, and are not checked here)."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import CHROMIUM, launch_browser
from tests.e2e.library_corpus import build_library
from tests.e2e.reader_helpers import SEED, drag_over, mid_paragraph_claims

pytestmark = pytest.mark.e2e


# Debian ships Chromium's interface languages apart (chromium-l10n; tests/run.sh installs it).
GERMAN_PAK = Path("/usr/lib/chromium/locales/de.pak")


@pytest.fixture(scope="module")
def german_browser(tmp_path_factory, companion):
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (tests/run.sh installs it)")
    if not GERMAN_PAK.exists():
        pytest.skip("Chromium has no German interface here: install chromium-l10n (tests/run.sh does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # Chromium on Linux takes its interface language from LANGUAGE and --lang.
        opened = launch_browser(playwright, tmp_path_factory.mktemp("profile-de"), companion, args=("--lang=de",),
                                locale="de-DE", env={**os.environ, "LANGUAGE": "de", "LANG": "de_DE.UTF-8"})
        yield opened
        opened.context.close()


def test_the_reader_speaks_the_browsers_language(german_browser, site):
    browser = german_browser
    page = browser.context.new_page()
    assert browser.worker.evaluate("() => chrome.i18n.getUILanguage()").startswith("de")
    browser.open_reader(page, f"{site}/{SEED}/source.html")
    expect(page.locator("body[data-ready=true]")).to_be_attached(timeout=30_000)
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.locator("#toggle-panel")).to_contain_text("Markierungen")
    expect(page.locator("#filter option").first).to_have_text("Alle Aussagen")
    drag_over(page, mid_paragraph_claims(page).first)
    toolbar = page.locator("#selection-toolbar")
    expect(toolbar.get_by_role("button", name="Braucht eine Quelle")).to_be_visible()
    toolbar.get_by_role("button", name="Zweifelhaft").click()
    page.locator("#toggle-panel").click()
    expect(page.locator("#highlight-list li .save-state").first).to_have_text("Gespeichert")
    page.goto(f"chrome-extension://{browser.extension_id}/options/options.html")
    expect(page.locator("#pair")).to_have_text("Koppeln")
    expect(page.locator("#notebook-title")).to_have_text("Ihr Notizbuch")
    page.close()


def test_errors_are_in_the_browsers_language(german_browser, companion):
    browser = german_browser
    page = browser.context.new_page()
    page.goto("about:blank")
    browser.click_toolbar_button(page)
    page.wait_for_url(f"chrome-extension://{browser.extension_id}/reader/reader.html*")
    expect(page.locator("#status[role=alert]")).to_contain_text("Browserseiten")
    page.close()


def test_the_notebook_speaks_the_browsers_language_and_writes_its_numbers(german_browser, companion):
    browser = german_browser
    build_library(companion, count=4)
    page = browser.context.new_page()
    page.goto(f"chrome-extension://{browser.extension_id}/notebook/library.html")
    expect(page.locator("body[data-ready=true]")).to_be_attached(timeout=30_000)
    expect(page.get_by_role("heading", level=1)).to_have_text("Ihre Bibliothek")
    expect(page.get_by_role("button", name="Anwenden")).to_be_visible()
    # Shares and dates as German writes them: "50 %", "27. Nov. 2026".
    expect(page.locator("#articles .standout-kind").first).to_have_text(re.compile(r"^Anonym \d+\s%$"))
    expect(page.locator("#articles time").first).to_have_text("27. Nov. 2026")
    page.goto(f"chrome-extension://{browser.extension_id}/notebook/plots.html")
    expect(page.locator("body[data-ready=true]")).to_be_attached(timeout=30_000)
    expect(page.locator("#over-time").get_by_role("button", name="Zahlen als Tabelle zeigen")).to_be_visible()
    page.close()
