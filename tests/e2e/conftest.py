"""The real extension in Debian's Chromium (Playwright, headless), against the real server.

Each module gets: the companion server as a subprocess on a free port with its own data
directory, a small site serving the fixture pages on another loopback port, and a browser
profile with the unpacked extension loaded and paired (server address and token set in
extension storage through its service worker).
"""
from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

from tests.helpers.server import start_server

ROOT = Path(__file__).resolve().parents[2]
EXTENSION = ROOT / "extension"
PAGES = ROOT / "tests" / "fixtures" / "pages"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

pytestmark = pytest.mark.e2e


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="module")
def site():
    """The fixture pages served like a news site: http://127.0.0.1:PORT/<slug>/source.html."""
    handler = functools.partial(QuietHandler, directory=str(PAGES))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def companion(tmp_path_factory):
    server = start_server(tmp_path_factory.mktemp("companion"))
    yield server
    server.stop()


class Browser:
    def __init__(self, context, extension_id: str):
        self.context = context
        self.extension_id = extension_id

    @property
    def worker(self):
        workers = self.context.service_workers
        return workers[0] if workers else self.context.wait_for_event("serviceworker")

    def configure(self, server_url: str, token: str) -> None:
        self.worker.evaluate("c => chrome.storage.local.set(c)", {"serverUrl": server_url, "token": token})

    def click_toolbar_button(self, page) -> None:
        """The real action click (grants activeTab), through CDP on the page's tab target."""
        session = self.context.browser.new_browser_cdp_session() if self.context.browser else None
        if session is None:
            session = self.context.new_cdp_session(page)
        targets = session.send("Target.getTargets", {"filter": [{"type": "tab"}]})["targetInfos"]
        tab = next(t for t in targets if t["url"] == page.url)
        session.send("Extensions.triggerAction", {"id": self.extension_id, "targetId": tab["targetId"]})

    def open_reader(self, page, url: str):
        page.goto(url)
        self.click_toolbar_button(page)
        page.wait_for_url(f"chrome-extension://{self.extension_id}/reader/reader.html*")
        return page


def launch_browser(playwright, profile: Path, companion, *, args: tuple = (), **options) -> Browser:
    """Chromium with the unpacked extension, paired with the companion. Extra launch options
    (locale, has_touch, env) and command-line args are for the modules that need them."""
    context = playwright.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, headless=True, **{"viewport": {"width": 1280, "height": 900}, **options},
        args=[f"--disable-extensions-except={EXTENSION}", f"--load-extension={EXTENSION}",
              "--enable-unsafe-extension-debugging", "--disable-background-networking",
              "--disable-component-update", "--no-first-run", *args],
    )
    worker = context.service_workers[0] if context.service_workers else context.wait_for_event("serviceworker")
    opened = Browser(context, worker.url.split("/")[2])
    opened.configure(companion.url, companion.token)
    return opened


@pytest.fixture(scope="module")
def browser(tmp_path_factory, companion):
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (tests/run.sh installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        opened = launch_browser(playwright, tmp_path_factory.mktemp("profile"), companion)
        yield opened
        opened.context.close()


# Figures measured during the run, printed at the end (goals are reported, never asserted).
MEASUREMENTS: list[str] = []


def pytest_terminal_summary(terminalreporter):
    if MEASUREMENTS:
        terminalreporter.section("e2e measurements")
        for line in MEASUREMENTS:
            terminalreporter.write_line(line)
