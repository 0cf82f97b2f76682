// The reader page: takes the page the background captured, has the companion annotate it,
// shows the result, and hands over to the highlight controller. Every failure is shown with
// what to do next.
import { CompanionApi } from "../lib/api.js";
import { ext, loadSettings } from "../lib/browser.js";
import { NotPaired, describeError } from "../lib/errors.js";
import { UNREADABLE, captureKey } from "../lib/messages.js";
import { button } from "./dom.js";
import { HighlightController } from "./highlights.js";
import { applyPreferences, hideNote, moveToClaim, showArticle } from "./view.js";

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const tabId = params.get("tab");

function goBack() {
  if (history.length > 1) history.back();
}

function showStatus(message, { hint = "", error = false, actions = [] } = {}) {
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
    row.append(...actions);
    status.append(row);
  }
  $("reader").replaceChildren(status);
}

function showError(error) {
  const { message, hint } = describeError(error);
  const actions = [button("Try again", () => location.reload())];
  if (error instanceof NotPaired) actions.unshift(button("Open the options", () => ext.runtime.openOptionsPage()));
  showStatus(message, { hint, error: true, actions });
}

function setupKeys() {
  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest && event.target.closest("input, textarea, select");
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Escape") {
      const open = ["note-popover", "selection-toolbar"].some((id) => !$(id).hidden);
      if (open) { hideNote(); $("selection-toolbar").hidden = true; } else goBack();
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

/** The article for this tab: annotated now from the capture, or fetched again on a reload. */
async function loadArticle(api) {
  const key = captureKey(tabId);
  const { [key]: saved } = await ext.storage.session.get(key);
  if (!saved) throw Object.assign(new Error(UNREADABLE["no-capture"]), { hint: "" });
  if (saved.articleId) {
    return api.request("GET", `/articles/${encodeURIComponent(saved.articleId)}`);
  }
  const started = Date.now();
  const timer = setInterval(() => {
    showStatus(`Reading the article… ${Math.round((Date.now() - started) / 1000)} s`,
      { hint: "The companion is extracting the article and checking how each claim is sourced." });
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
  setupKeys();
  await applyPreferences();
  const problem = params.get("error");
  if (problem) {
    showStatus(UNREADABLE[problem] || UNREADABLE["no-access"], {
      hint: "Open a news article in a normal tab and press the sourcelight button (Alt+Shift+R).", error: true,
    });
    return;
  }
  const settings = await loadSettings();
  if (!settings.token) {
    showError(new NotPaired());
    return;
  }
  const api = new CompanionApi(settings);
  showStatus("Reading the article…");
  let article;
  try {
    article = await loadArticle(api);
  } catch (error) {
    showError(error);
    return;
  }
  const root = showArticle($("reader"), article);
  document.body.dataset.articleId = article.id;
  await new HighlightController({ api, article, root }).start();
  document.body.dataset.ready = "true";
}

main().catch(showError);
