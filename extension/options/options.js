// Pairing: where the companion runs and its token, checked before they are saved.
import { CompanionApi } from "../lib/api.js";
import { DEFAULT_SERVER_URL, ext, loadSettings, saveSettings } from "../lib/browser.js";
import { HIGHLIGHT_LABELS } from "../lib/contract.js";
import { describeError } from "../lib/errors.js";
import { labelName, localizePage, t } from "../lib/i18n.js";

const $ = (id) => document.getElementById(id);

function report(message, ok) {
  $("result").textContent = message;
  $("result").className = ok ? "ok" : "error";
}

function isLoopback(url) {
  return ["127.0.0.1", "localhost", "[::1]"].includes(new URL(url).hostname);
}

/** A companion elsewhere than this machine needs the permission to reach its address. */
async function ensureHostPermission(serverUrl) {
  if (isLoopback(serverUrl)) return true;
  const origins = [`${new URL(serverUrl).origin}/*`];
  return ext.permissions.request({ origins });
}

async function check(serverUrl, token) {
  const api = new CompanionApi({ serverUrl, token });
  const health = await api.health();
  await api.checkPairing();
  return health;
}

async function onSubmit(event, save) {
  event?.preventDefault();
  const serverUrl = ($("server-url").value.trim() || DEFAULT_SERVER_URL).replace(/\/+$/, "");
  const token = $("token").value.trim();
  try {
    new URL(serverUrl);
  } catch {
    report(t("notAUrl"), false);
    return;
  }
  if (!(await ensureHostPermission(serverUrl))) {
    report(t("noPermission"), false);
    return;
  }
  report(t("checking"), true);
  try {
    const health = await check(serverUrl, token);
    if (save) await saveSettings({ serverUrl, token });
    report(save ? t("paired", health.version, serverUrl) : t("connected", health.version, serverUrl), true);
  } catch (error) {
    const { message, hint } = describeError(error);
    report(`${message} ${hint}`, false);
  }
}

// -- the notebook: search and export ----------------------------------------------------------

// The file each export button saves, by format (and scope, for the sourcing table).
const EXPORT_FILES = {
  markdown: "sourcelight-highlights.md", csv: "sourcelight-highlights.csv", jsonld: "sourcelight-highlights.jsonld",
  "sourcing-csv:claims": "sourcelight-claims.csv", "sourcing-csv:articles": "sourcelight-articles.csv",
  obsidian: "sourcelight-notes.zip",
};

async function api() {
  return new CompanionApi(await loadSettings());
}

function resultItem(highlight) {
  const item = document.createElement("li");
  const quote = document.createElement("blockquote");
  quote.textContent = highlight.quote.exact;
  item.append(quote);
  if (highlight.note) {
    const note = document.createElement("p");
    note.textContent = highlight.note;
    item.append(note);
  }
  if (highlight.article) {
    const source = document.createElement(highlight.article.url ? "a" : "span");
    source.textContent = highlight.article.title || highlight.article.url || t("untitledArticle");
    if (highlight.article.url) {
      source.href = highlight.article.url;
      source.target = "_blank";
      source.rel = "noopener noreferrer";
    }
    item.append(source);
  }
  const meta = document.createElement("div");
  meta.className = "meta";
  meta.textContent = [highlight.label && labelName(highlight.label), (highlight.tags || []).map((tag) => `#${tag}`).join(" "),
    highlight.created.slice(0, 10)].filter(Boolean).join(" · ");
  item.append(meta);
  return item;
}

async function onSearch(event) {
  event.preventDefault();
  $("search-status").textContent = t("searching");
  try {
    const found = await (await api()).searchHighlights({ q: $("query").value.trim(), label: $("label").value });
    $("results").replaceChildren(...found.highlights.map(resultItem));
    $("search-status").textContent = t("foundCount", found.total);
  } catch (error) {
    const { message, hint } = describeError(error);
    $("search-status").textContent = `${message} ${hint}`;
  }
}

async function onExport(format, scope) {
  try {
    const blob = await (await api()).exportFile(format, { scope });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = EXPORT_FILES[scope ? `${format}:${scope}` : format];
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  } catch (error) {
    const { message, hint } = describeError(error);
    $("search-status").textContent = `${message} ${hint}`;
  }
}

/** The shortcuts the browser really assigned (it may refuse a suggested one). */
async function showShortcuts() {
  const commands = await ext.commands.getAll();
  const assigned = commands.map((c) => c.shortcut).filter(Boolean);
  $("shortcuts").textContent = assigned.length ? assigned.join(", ") : t("noShortcut");
}

async function main() {
  localizePage();
  showShortcuts();
  const settings = await loadSettings();
  $("server-url").value = settings.serverUrl;
  $("token").value = settings.token;
  $("pairing").addEventListener("submit", (event) => onSubmit(event, true));
  $("test").addEventListener("click", () => onSubmit(null, false));
  for (const label of HIGHLIGHT_LABELS) $("label").add(new Option(labelName(label.id), label.id));
  $("search").addEventListener("submit", onSearch);
  for (const button of document.querySelectorAll("[data-export]")) {
    button.addEventListener("click", () => onExport(button.dataset.export, button.dataset.scope || ""));
  }
}

main();
