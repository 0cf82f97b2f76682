// The toolbar button and Alt+Shift+R: capture the tab's live DOM and show the reader in the
// same tab. Nothing is sent anywhere from here; the reader page talks to the companion.
import { ext } from "../lib/browser.js";
import { t } from "../lib/i18n.js";
import { NOTEBOOK_MENU_ID, captureKey } from "../lib/messages.js";

const READER = "reader/reader.html";
const NOTEBOOK = "notebook/library.html";
// Pages no extension may script, and the stores that forbid it.
const WEB_STORES = [/^https:\/\/chrome\.google\.com\/webstore/, /^https:\/\/chromewebstore\.google\.com/,
  /^https:\/\/addons\.mozilla\.org/, /^https:\/\/microsoftedge\.microsoft\.com\/addons/];

export function unreadableReason(url) {
  if (!url || !/^https?:/.test(url)) return "browser-page";
  if (WEB_STORES.some((pattern) => pattern.test(url))) return "web-store";
  if (/\.pdf(?:[?#]|$)/i.test(url)) return "not-html";
  return null;
}

async function showReader(tabId, params) {
  const url = ext.runtime.getURL(`${READER}?${new URLSearchParams({ tab: String(tabId), ...params })}`);
  await ext.tabs.update(tabId, { url });
}

export async function openReader(tab) {
  const reason = unreadableReason(tab.url);
  if (reason) return showReader(tab.id, { error: reason });
  let capture;
  try {
    const [result] = await ext.scripting.executeScript({ target: { tabId: tab.id }, files: ["content/capture.js"] });
    capture = result && result.result;
  } catch (error) {
    return showReader(tab.id, { error: "no-access" });
  }
  if (!capture || !capture.html) return showReader(tab.id, { error: "no-access" });
  if (capture.contentType && !/html/i.test(capture.contentType)) return showReader(tab.id, { error: "not-html" });
  await ext.storage.session.set({ [captureKey(tab.id)]: capture });
  return showReader(tab.id, {});
}

ext.action.onClicked.addListener((tab) => {
  openReader(tab).catch((error) => console.error("sourcelight: could not open the reader", error));
});

// A second shortcut: Chromium keeps Alt+Shift+R for itself and never assigns it to an
// extension, so Alt+Shift+L is suggested too (both can be changed in the browser's settings).
ext.commands.onCommand.addListener(async (command, tab) => {
  if (command !== "open-reader") return;
  const target = tab ?? (await ext.tabs.query({ active: true, currentWindow: true }))[0];
  if (target) openReader(target).catch((error) => console.error("sourcelight: could not open the reader", error));
});

/** The sourcing notebook (library, plots, sources) in a new tab. */
export function openNotebook() {
  return ext.tabs.create({ url: ext.runtime.getURL(NOTEBOOK) });
}

// The button's own context menu: "Open the sourcing notebook". Both browsers keep menu items
// across restarts of a non-persistent background, so they are created once, at install or
// update (Firefox calls the API `menus` and keeps `contextMenus` as its alias).
ext.runtime.onInstalled.addListener(async () => {
  await ext.contextMenus.removeAll();
  ext.contextMenus.create({ id: NOTEBOOK_MENU_ID, title: t("openNotebook"), contexts: ["action"] });
});

ext.contextMenus.onClicked.addListener((info) => {
  if (info.menuItemId !== NOTEBOOK_MENU_ID) return;
  openNotebook().catch((error) => console.error("sourcelight: could not open the notebook", error));
});

// For tests and for other extension pages: open the reader for a tab by id, or the notebook.
self.openReader = openReader;
self.openNotebook = openNotebook;
