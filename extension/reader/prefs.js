// Reader preferences: text size, font, line height, theme and whether unattributed sentences are
// marked, kept in extension storage; and the Aa menu that holds them.
import { ext } from "../lib/browser.js";

const PREFS_KEY = "readerPrefs";
const DEFAULT_PREFS = { size: 20, font: "serif", spacing: "1.65", theme: "auto", showUnattributed: false };

const $ = (id) => document.getElementById(id);

export async function applyPreferences() {
  const { [PREFS_KEY]: saved } = await ext.storage.local.get(PREFS_KEY);
  const prefs = { ...DEFAULT_PREFS, ...(saved || {}) };
  const root = document.documentElement;
  const systemDark = window.matchMedia("(prefers-color-scheme: dark)");
  const apply = () => {
    // "auto" resolves here, so the stylesheet defines each theme once.
    root.dataset.theme = prefs.theme === "auto" ? (systemDark.matches ? "dark" : "light") : prefs.theme;
    root.dataset.font = prefs.font;
    root.classList.toggle("show-unattributed", Boolean(prefs.showUnattributed));
    root.style.setProperty("--size", `${prefs.size}px`);
    root.style.setProperty("--leading", prefs.spacing);
    $("theme").value = prefs.theme;
    $("font").value = prefs.font;
    $("spacing").value = prefs.spacing;
    $("show-unattributed").checked = Boolean(prefs.showUnattributed);
  };
  const save = () => { apply(); ext.storage.local.set({ [PREFS_KEY]: prefs }); };
  apply();
  systemDark.addEventListener("change", apply);
  $("smaller").addEventListener("click", () => { prefs.size = Math.max(14, prefs.size - 1); save(); });
  $("larger").addEventListener("click", () => { prefs.size = Math.min(30, prefs.size + 1); save(); });
  $("theme").addEventListener("change", (e) => { prefs.theme = e.target.value; save(); });
  $("font").addEventListener("change", (e) => { prefs.font = e.target.value; save(); });
  $("spacing").addEventListener("change", (e) => { prefs.spacing = e.target.value; save(); });
  $("show-unattributed").addEventListener("change", (e) => { prefs.showUnattributed = e.target.checked; save(); });
  setupMenu();
}

/** The display menu (Aa): opens on click, closes on Esc, a click outside, or leaving it. */
function setupMenu() {
  const buttonEl = $("display-button");
  const menu = $("display-menu");
  const toggle = (open = menu.hidden) => {
    menu.hidden = !open;
    buttonEl.setAttribute("aria-expanded", String(open));
    if (open) menu.querySelector("button, select, input").focus();
  };
  buttonEl.addEventListener("click", () => toggle());
  document.addEventListener("pointerdown", (e) => { if (!menu.hidden && !menu.contains(e.target) && e.target !== buttonEl) toggle(false); });
  menu.addEventListener("keydown", (e) => { if (e.key === "Escape") { e.stopPropagation(); toggle(false); buttonEl.focus(); } });
}

