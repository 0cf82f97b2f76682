// The reader page: takes the page the background captured, has the companion annotate it,
// shows the result, and hands over to the highlight controller. Every failure is shown with
// what to do next, and "Try again" only where trying again can help.
import { CompanionApi } from "../lib/api.js";
import { ext, loadSettings } from "../lib/browser.js";
import { NotPaired, describeError, isRetryable } from "../lib/errors.js";
import { localizePage, t } from "../lib/i18n.js";
import { UNREADABLE, captureKey } from "../lib/messages.js";
import { requestChanges, showChangesSinceRead } from "./changes.js";
import { button } from "./dom.js";
import { HighlightController } from "./highlights.js";
import { hideNote, noteOpen } from "./notes.js";
import { applyPreferences } from "./prefs.js";
import { extendSelection, goToClaim, moveToClaim, showArticle } from "./view.js";

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const tabId = params.get("tab");
let highlights = null;
let articleRoot = null;

function goBack() {
  if (history.length > 1) history.back();
}

/** A status or error page: the message, a hint, actions; the article's controls are hidden. */
function showStatus(message, { hint = "", error = false, actions = [] } = {}) {
  document.body.dataset.state = error ? "error" : "loading";
  const status = document.createElement("div");
  status.id = "status";
  status.className = error ? "status error" : "status";
  status.setAttribute("role", error ? "alert" : "status");
  const text = document.createElement("p");
  text.textContent = message;
  status.append(text);
  if (hint) {
    const help = document.createElement("p");
    help.className = "hint";
    help.textContent = hint;
    status.append(help);
  }
  if (actions.length) {
    const row = document.createElement("p");
    row.className = "actions";
    row.append(...actions);
    status.append(row);
  }
  $("reader").replaceChildren(status);
}

function showError(error) {
  const { message, hint } = describeError(error);
  const actions = [];
  if (error instanceof NotPaired) actions.push(button(t("openOptions"), () => ext.runtime.openOptionsPage()));
  if (isRetryable(error)) actions.push(button(t("tryAgain"), () => location.reload()));
  showStatus(message, { hint, error: true, actions });
}

/** The shortcut the browser really assigned to open the reader ("" if none). */
async function assignedShortcut() {
  try {
    const commands = await ext.commands.getAll();
    return commands.map((c) => c.shortcut).find(Boolean) || "";
  } catch {
    return "";
  }
}

function setupKeys() {
  document.addEventListener("keydown", (event) => {
    // Never while typing: any field, or anything editable, keeps every key.
    const target = event.target;
    const typing = target.closest && (target.closest("input, textarea, select, [contenteditable]") || target.isContentEditable);
    if (event.key === "Tab" && !event.shiftKey && !$("selection-toolbar").hidden && !$("selection-toolbar").contains(target)) {
      // A keyboard user reaches the selection's toolbar with Tab (the selection stays).
      event.preventDefault();
      $("selection-toolbar").querySelector("button").focus();
      return;
    }
    if (typing || event.defaultPrevented) return;
    if (articleRoot && extendSelection(event, articleRoot)) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Escape") {
      if (!$("panel").hidden && ($("panel").contains(target) || window.matchMedia("(max-width: 1100px)").matches)) {
        highlights?.panel.toggle(false);
      } else if (noteOpen() || !$("selection-toolbar").hidden) {
        const fromToolbar = $("selection-toolbar").contains(target);
        hideNote();
        $("selection-toolbar").hidden = true;
        if (fromToolbar) articleRoot?.querySelector(".sl-claim[tabindex='0']")?.focus();
      } else goBack();
    } else if (event.shiftKey) {
      return; // Shift+arrows extend a selection; Shift+letters are nobody's shortcut here
    } else if (event.key === "h" && highlights) {
      if (highlights.highlightSelection()) event.preventDefault();
    } else if (event.key === "j" || event.key === "n") {
      moveToClaim(1);
    } else if (event.key === "k" || event.key === "p") {
      moveToClaim(-1);
    }
  });
  $("back").addEventListener("click", goBack);
  $("next-claim").addEventListener("click", () => moveToClaim(1));
  $("prev-claim").addEventListener("click", () => moveToClaim(-1));
}

/** The article for this tab: a stored one by id (?article=, from the notebook), annotated now
 * from the capture, or fetched again on a reload. */
async function loadArticle(api) {
  const storedId = params.get("article");
  if (storedId) return api.request("GET", `/articles/${encodeURIComponent(storedId)}`);
  const key = captureKey(tabId);
  const { [key]: saved } = await ext.storage.session.get(key);
  if (!saved) throw Object.assign(new Error(t(UNREADABLE["no-capture"])), { hint: "" });
  if (saved.articleId) {
    return api.request("GET", `/articles/${encodeURIComponent(saved.articleId)}`);
  }
  const started = Date.now();
  const timer = setInterval(() => {
    showStatus(t("readingSeconds", Math.round((Date.now() - started) / 1000)), { hint: t("readingHint") });
  }, 1000);
  try {
    const article = await api.annotate(saved);
    // Keep only the id: a reload fetches the stored article instead of sending the page again.
    await ext.storage.session.set({ [key]: { articleId: article.id, url: saved.url } });
    return article;
  } finally {
    clearInterval(timer);
  }
}

async function main() {
  localizePage();
  setupKeys();
  const preferences = applyPreferences();
  const settingsLoaded = loadSettings();
  await preferences;
  const problem = params.get("error");
  if (problem) {
    const shortcut = await assignedShortcut();
    showStatus(t(UNREADABLE[problem] || UNREADABLE["no-access"]), {
      hint: shortcut ? t("hintOpenReaderShortcut", shortcut) : t("hintOpenReaderButton"), error: true,
    });
    return;
  }
  const settings = await settingsLoaded;
  if (!settings.token) {
    showError(new NotPaired());
    return;
  }
  const api = new CompanionApi(settings);
  showStatus(t("reading"));
  let article;
  try {
    article = await loadArticle(api);
  } catch (error) {
    showError(error);
    return;
  }
  // Ask for the highlights while the article is being laid out.
  const listing = api.listHighlights(article.id);
  listing.catch(() => {}); // handled by the controller
  const changes = requestChanges(api, article); // what changed since it was last shown; marks it shown
  document.body.dataset.state = "article";
  const root = showArticle($("reader"), article);
  articleRoot = root;
  performance.mark("sourcelight:readable"); // the article is on screen (bench_reader.py)
  document.body.dataset.articleId = article.id;
  highlights = new HighlightController({ api, article, root, descriptions: $("descriptions") });
  await highlights.start(listing);
  await showChangesSinceRead(changes, $("reader")); // "changed since you read it", above the article
  if (params.get("claim")) goToClaim(params.get("claim")); // a link from the notebook's source ledger
  document.body.dataset.ready = "true";
  performance.mark("sourcelight:ready"); // and its highlights drawn (bench_reader.py)
}

main().catch(showError);
