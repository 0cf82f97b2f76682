// What the notebook's pages share: their text in the reader's language, the reader's theme, the
// companion client, the kind legend, links into the reader, and problems shown with what to do.
import { CompanionApi } from "../lib/api.js";
import { ext, loadSettings } from "../lib/browser.js";
import { ensurePatterns, svg } from "../lib/charts.js";
import { NotPaired, describeError, isRetryable } from "../lib/errors.js";
import { kindName, localizePage, t } from "../lib/i18n.js";
import { KIND_IDS, KIND_LETTERS } from "../lib/kinds.js";

/** The language the interface is in, for Intl (numbers, dates). */
export const locale = () => {
  const ui = t("@@ui_locale");
  return ui && ui !== "@@ui_locale" ? ui.replace("_", "-") : "en";
};

/** The reader's theme (its Aa menu), "auto" following the system, as the reader resolves it. */
async function applyTheme() {
  const { readerPrefs } = await ext.storage.local.get("readerPrefs");
  const chosen = (readerPrefs && readerPrefs.theme) || "auto";
  const systemDark = window.matchMedia("(prefers-color-scheme: dark)");
  const apply = () => {
    document.documentElement.dataset.theme = chosen === "auto" ? (systemDark.matches ? "dark" : "light") : chosen;
  };
  apply();
  systemDark.addEventListener("change", apply);
}

/** Localizes the page, applies the theme and returns a client for the paired companion. */
export async function startPage() {
  localizePage();
  await applyTheme();
  const settings = await loadSettings();
  if (!settings.token) throw new NotPaired();
  return new CompanionApi(settings);
}

/** An HTML element with attributes (className, dataset-free) and children. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "className") element.className = value;
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== "") element.append(child);
  return element;
}

/** The reader showing a stored article, scrolled to one of its claims if given. */
export function readerHref(articleId, claimId) {
  const query = new URLSearchParams({ article: articleId });
  if (claimId) query.set("claim", claimId);
  return `../reader/reader.html?${query}`;
}

/** A small square in the kind's colour and pattern (decoration: the kind is said in words beside it). */
export function swatch(kind, size = 14) {
  ensurePatterns();
  return svg("svg", { viewBox: `0 0 ${size} ${size}`, width: size, height: size, "aria-hidden": "true", class: "swatch" },
    svg("rect", { width: size, height: size, class: "kind-fill", "data-kind": kind }));
}

/** The legend of the kinds: a swatch (colour and pattern), the kind's letter and its name. */
export function kindLegend(kinds = KIND_IDS) {
  return el("ul", { className: "kind-legend" }, kinds.map((kind) => el("li", {},
    swatch(kind), el("span", { className: "letter", "aria-hidden": "true" }, KIND_LETTERS[kind]), kindName(kind))));
}

/** A problem in place of the page's results: what went wrong, what to do, and the way out. */
export function showProblem(container, error) {
  const { message, hint } = describeError(error);
  const actions = [];
  if (error instanceof NotPaired) {
    const open = el("button", { type: "button" }, t("openOptions"));
    open.addEventListener("click", () => ext.runtime.openOptionsPage());
    actions.push(open);
  }
  if (isRetryable(error)) {
    const again = el("button", { type: "button" }, t("tryAgain"));
    again.addEventListener("click", () => location.reload());
    actions.push(again);
  }
  container.replaceChildren(el("div", { className: "problem", role: "alert" },
    el("p", {}, message), hint ? el("p", { className: "hint" }, hint) : null,
    actions.length ? el("p", { className: "actions" }, actions) : null));
}
