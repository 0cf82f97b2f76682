"""The same extension files in Firefox: Debian's firefox-esr driven over WebDriver BiDi.

Playwright cannot drive a stock Firefox, so this speaks BiDi itself (a few messages over a
websocket): install the extension temporarily (webExtension.install), pair it, open the seed
page, ask the background to open the reader for that tab (BiDi cannot press the toolbar
button), and check the reader shows the annotated article; and the sourcing notebook on a small
library (the button's menu item, the library with its fingerprints, the plots and a table).

Firefox refuses BiDi navigation to moz-extension:// pages, so the test installs a copy of the
extension whose manifest lets 127.0.0.1 pages open its options page (the only difference).
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import re
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from tests.e2e.library_corpus import build_library
from tests.helpers.server import start_server

pytestmark = pytest.mark.e2e

FIREFOX = shutil.which("firefox-esr") or shutil.which("firefox")
EXTENSION = Path(__file__).resolve().parents[2] / "extension"
GECKO_ID = json.loads((EXTENSION / "manifest.json").read_text())["browser_specific_settings"]["gecko"]["id"]
SEED = "seed-sputnik-iran-missiles"


class Bidi:
    def __init__(self, socket):
        self.socket = socket
        self.next_id = 0

    async def send(self, method: str, params: dict) -> dict:
        self.next_id += 1
        await self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(await self.socket.recv())
            if message.get("id") == self.next_id:
                if message.get("type") == "error":
                    raise RuntimeError(f"{method}: {message.get('error')}: {message.get('message')}")
                return message["result"]

    async def evaluate(self, context: str, expression: str):
        result = await self.send("script.evaluate", {
            "expression": expression, "target": {"context": context}, "awaitPromise": True,
            "resultOwnership": "none",
        })
        if result.get("type") == "exception":
            raise RuntimeError(result["exceptionDetails"]["text"])
        return result["result"].get("value")

    async def wait_for(self, context: str, expression: str, timeout: float = 30.0):
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            try:
                value = await self.evaluate(context, expression)
                if value:
                    return value
            except RuntimeError:
                pass  # the page is navigating
            if asyncio.get_running_loop().time() > deadline:
                raise TimeoutError(expression)
            await asyncio.sleep(0.2)


def build_for_test(tmp_path: Path) -> Path:
    copy = tmp_path / "extension"
    shutil.copytree(EXTENSION, copy)
    manifest = json.loads((copy / "manifest.json").read_text())
    manifest["web_accessible_resources"] = [{"resources": ["options/options.html", "notebook/*.html"], "matches": ["http://127.0.0.1/*"]}]
    (copy / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return copy


@contextlib.asynccontextmanager
async def firefox_with_extension(tmp_path: Path, site: str, companion):
    """Firefox with the extension installed and paired; yields (bidi, extension uuid, helper tab).

    The helper tab shows the extension's options page (reached from a 127.0.0.1 page, see
    build_for_test), where the extension's own APIs can be called."""
    import websockets

    profile = tmp_path / "profile"
    profile.mkdir()
    extension_uuid = str(uuid.uuid4())
    (profile / "user.js").write_text(
        f'user_pref("extensions.webextensions.uuids", {json.dumps(json.dumps({GECKO_ID: extension_uuid}))});\n'
        'user_pref("browser.shell.checkDefaultBrowser", false);\n'
        'user_pref("datareporting.policy.dataSubmissionEnabled", false);\n'
    )
    process = subprocess.Popen(
        [FIREFOX, "--headless", "--no-remote", "--profile", str(profile), "--remote-debugging-port", "0"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        endpoint = None
        for line in process.stderr:
            match = re.search(r"WebDriver BiDi listening on (ws://\S+)", line)
            if match:
                endpoint = match.group(1)
                break
        assert endpoint, "firefox did not start WebDriver BiDi"
        async with websockets.connect(f"{endpoint}/session", max_size=2**26) as socket:
            bidi = Bidi(socket)
            await bidi.send("session.new", {"capabilities": {}})
            await bidi.send("webExtension.install", {"extensionData": {"type": "path", "path": str(build_for_test(tmp_path))}})
            helper = (await bidi.send("browsingContext.create", {"type": "tab"}))["context"]
            await bidi.send("browsingContext.navigate", {"context": helper, "url": f"{site}/", "wait": "complete"})
            await bidi.evaluate(helper, f"location.href = 'moz-extension://{extension_uuid}/options/options.html'")
            await bidi.wait_for(helper, "typeof browser !== 'undefined' && !!browser.storage")
            settings = json.dumps({"serverUrl": companion.url, "token": companion.token})
            await bidi.evaluate(helper, f"browser.storage.local.set({settings}).then(() => true)")
            yield bidi, extension_uuid, helper
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


async def run_firefox_reader(tmp_path: Path, site: str, companion) -> dict:
    async with firefox_with_extension(tmp_path, site, companion) as (bidi, extension_uuid, helper):
        tree = await bidi.send("browsingContext.getTree", {})
        news = tree["contexts"][0]["context"]
        await bidi.send("browsingContext.navigate", {"context": news, "url": f"{site}/{SEED}/source.html", "wait": "complete"})
        await bidi.evaluate(helper, f"""(async () => {{
            const [tab] = (await browser.tabs.query({{}})).filter(t => t.url.includes('{SEED}'));
            const background = await browser.runtime.getBackgroundPage();
            await background.openReader(tab);
            return true;
        }})()""")
        await bidi.wait_for(news, "document.body && document.body.dataset.ready === 'true'", timeout=60)
        # A highlight with a label, through the selection toolbar, saved by the outbox.
        quote = await bidi.evaluate(news, """(() => {
            const claim = document.querySelector('.sl-body .sl-claim[data-kind="anonymous"]');
            const range = document.createRange(); range.selectNodeContents(claim);
            const selection = document.getSelection(); selection.removeAllRanges(); selection.addRange(range);
            return claim.textContent.trim();
        })()""")
        await bidi.wait_for(news, "!document.getElementById('selection-toolbar').hidden")
        await bidi.evaluate(news, "document.querySelector('#selection-toolbar button[data-label=dubious]').click(), true")
        await bidi.wait_for(news, "[...document.querySelectorAll('#highlight-list .save-state')].some(s => s.textContent === 'Saved')")
        return await bidi.evaluate(news, """({
            quote: """ + json.dumps(quote) + """,
            marked: [...document.querySelectorAll('mark.sl-highlight[data-label=dubious]')].map(m => m.textContent).join(''),
            toolbarText: document.getElementById('toggle-panel').textContent,
            articleId: document.body.dataset.articleId,
            title: document.querySelector('.sl-header h1').textContent,
            claims: document.querySelectorAll('.sl-claim').length,
            kinds: [...new Set([...document.querySelectorAll('.sl-claim')].map(c => c.dataset.kind))],
            headline: document.querySelector('.sl-summary-headline').textContent,
            clutter: document.body.textContent.includes('Community standards'),
            url: location.href,
        })""")


async def run_firefox_notebook(tmp_path: Path, site: str, companion) -> dict:
    async with firefox_with_extension(tmp_path, site, companion) as (bidi, extension_uuid, helper):
        # The button's context-menu item exists (updating an unknown id fails).
        menu = await bidi.evaluate(helper, "browser.contextMenus.update('open-notebook', {}).then(() => 'ok', e => String(e))")
        base = f"moz-extension://{extension_uuid}/notebook/"
        await bidi.evaluate(helper, f"location.href = '{base}library.html'")
        await bidi.wait_for(helper, "location.pathname.endsWith('/library.html') && document.body.dataset.ready === 'true'")
        library = await bidi.evaluate(helper, """({
            status: document.getElementById('status').textContent,
            titles: [...document.querySelectorAll('#articles > li h2')].map(h => h.textContent),
            fingerprints: document.querySelectorAll('#articles svg.fingerprint-bar[role=img]').length,
            hatched: getComputedStyle(document.querySelector('#articles rect.kind-fill[data-kind=anonymous]')).fill,
        })""")
        await bidi.evaluate(helper, f"location.href = '{base}plots.html'")
        await bidi.wait_for(helper, "location.pathname.endsWith('/plots.html') && document.body.dataset.ready === 'true'")
        await bidi.evaluate(helper, "document.querySelector('#by-outlet button.table-toggle').click(), true")
        plots = await bidi.evaluate(helper, """({
            charts: document.querySelectorAll('svg.chart[role=img]').length,
            bars: document.querySelectorAll('#by-outlet svg rect.kind-fill').length,
            tableShown: !document.querySelector('#by-outlet .table-wrap').hidden,
            tableRows: document.querySelectorAll('#by-outlet tbody tr').length,
        })""")
        return {"menu": menu, "library": bidi_value(library), "plots": bidi_value(plots)}


def bidi_value(value):
    """BiDi serializes objects as [[key, {type, value}], ...]; turn that back into Python."""
    if isinstance(value, list) and all(isinstance(p, list) and len(p) == 2 for p in value):
        return {k: bidi_value(v) for k, v in value}
    if isinstance(value, dict) and "type" in value:
        inner = value.get("value")
        if value["type"] == "array":
            return [bidi_value(v) for v in inner]
        if value["type"] == "object":
            return bidi_value(inner)
        return inner
    return value


@pytest.mark.skipif(FIREFOX is None, reason="firefox-esr is not installed (tests/run.sh installs it)")
def test_firefox_shows_the_annotated_reader(tmp_path, site, companion):
    result = bidi_value(asyncio.run(run_firefox_reader(tmp_path, site, companion)))
    assert result["url"].startswith("moz-extension://")
    assert "Tehran Reportedly Arms Iraqi Militias" in result["title"]
    assert result["claims"] > 10
    assert "anonymous" in result["kinds"]
    assert "anonymous" in result["headline"]
    assert result["clutter"] is False
    # The interface text comes from _locales (the browser is in English) and a highlight is saved.
    assert "Highlights" in result["toolbarText"]
    assert result["marked"] == result["quote"]
    _, body, _ = companion.request("GET", f"/api/v1/articles/{result['articleId']}/highlights")
    assert any(h["quote"]["exact"] == result["quote"] and h["label"] == "dubious" for h in body["highlights"])


@pytest.mark.skipif(FIREFOX is None, reason="firefox-esr is not installed (tests/run.sh installs it)")
def test_firefox_shows_the_notebook(tmp_path, site):
    # A companion of its own: the library holds exactly the articles stored here.
    (tmp_path / "companion").mkdir()
    companion = start_server(tmp_path / "companion")
    try:
        library = build_library(companion, count=8)
        result = asyncio.run(run_firefox_notebook(tmp_path, site, companion))
    finally:
        companion.stop()
    assert result["menu"] == "ok"
    assert result["library"]["status"] == "Articles in your library: 8."
    assert result["library"]["titles"] == [a.title for a in library.newest_first()]
    assert result["library"]["fingerprints"] == 8
    assert result["library"]["hatched"].startswith("url(")
    assert result["plots"]["charts"] == 5
    assert result["plots"]["bars"] > 6 and result["plots"]["tableShown"]
    assert result["plots"]["tableRows"] == 6
