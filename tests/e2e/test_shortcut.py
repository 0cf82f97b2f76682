"""The keyboard shortcut opens the reader: real key presses on a virtual screen (Xvfb + xdotool).

Playwright's keyboard events never reach the browser's own shortcuts, so this test runs a
headed Chromium on Xvfb and types the shortcut with xdotool, as a user would. Chromium keeps
Alt+Shift+R for itself (it leaves that suggested key unassigned), so the key typed here is
the second suggested shortcut, Alt+Shift+L.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import CHROMIUM, EXTENSION, Browser

pytestmark = pytest.mark.e2e

SEED = "seed-sputnik-iran-missiles"
NEEDED = ("Xvfb", "xdotool")


@pytest.fixture(scope="module")
def display():
    if any(shutil.which(tool) is None for tool in NEEDED):
        pytest.skip("Xvfb and xdotool are not installed (tests/run.sh installs them)")
    number = next(n for n in range(99, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists()
                  and not Path(f"/tmp/.X{n}-lock").exists())
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    socket = Path(f"/tmp/.X11-unix/X{number}")
    for _ in range(200):  # up to 10 s for the server to listen
        if socket.exists() and _answers(f":{number}"):
            break
        time.sleep(0.05)
    else:
        server.kill()
        pytest.fail("Xvfb did not start")
    yield f":{number}"
    server.terminate()
    server.wait(10)


def _answers(display: str) -> bool:
    probe = subprocess.run(["xdotool", "getmouselocation"], env={**os.environ, "DISPLAY": display},
                           capture_output=True)
    return probe.returncode == 0


@pytest.fixture(scope="module")
def headed_browser(tmp_path_factory, companion, display):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("headed-profile")), executable_path=CHROMIUM, headless=False,
            env={**os.environ, "DISPLAY": display},
            args=[f"--disable-extensions-except={EXTENSION}", f"--load-extension={EXTENSION}", "--ozone-platform=x11",
                  "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        )
        worker = context.service_workers[0] if context.service_workers else context.wait_for_event("serviceworker")
        opened = Browser(context, worker.url.split("/")[2])
        opened.configure(companion.url, companion.token)
        yield opened
        context.close()


def press(display: str, window_name: str, keys: str) -> None:
    """Focus the browser window whose title contains ``window_name`` and type ``keys``."""
    environment = {**os.environ, "DISPLAY": display}
    # The window takes the page's title a moment after the page loads, later still on a busy machine.
    deadline = time.monotonic() + 20
    while True:
        windows = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", window_name], env=environment,
                                 capture_output=True, text=True).stdout.split()
        if windows or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert windows, f"no visible window titled with {window_name!r} after 20 s"
    subprocess.run(["xdotool", "windowfocus", "--sync", windows[0], "key", "--clearmodifiers", keys],
                   env=environment, check=True)


def test_the_keyboard_shortcut_opens_the_reader(headed_browser, site, display):
    page = headed_browser.context.pages[0] if headed_browser.context.pages else headed_browser.context.new_page()
    page.goto(f"{site}/{SEED}/source.html")
    page.bring_to_front()
    shortcuts = headed_browser.worker.evaluate("async () => (await chrome.commands.getAll()).map(c => c.shortcut)")
    assert "Alt+Shift+L" in shortcuts
    press(display, "Sputnik", "alt+shift+l")
    page.wait_for_url(f"chrome-extension://{headed_browser.extension_id}/reader/reader.html*", timeout=15_000)
    expect(page.locator("body[data-ready=true]")).to_be_attached(timeout=30_000)
    expect(page.locator(".sl-header h1")).to_contain_text("Tehran Reportedly Arms Iraqi Militias")
