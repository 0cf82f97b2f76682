// Presentation of the server's reader HTML: typography, themes, the kind bar, notes on hover,
// focus or tap, the filter by kind and keyboard navigation. It reads the data- attributes the
// server wrote and decides nothing about sourcing itself.
import { ext } from "../lib/browser.js";
import { KINDS, MARKUP } from "../lib/contract.js";

// A short text mark per kind, so that a claim's kind never rests on colour alone.
const KIND_ICONS = {
  named_person: "P", organization: "O", media: "M", document: "D", anonymous: "A", vague: "V",
  unattributed: "∅", none: "·",
};
const PREFS_KEY = "readerPrefs";
const DEFAULT_PREFS = { size: 20, font: "serif", spacing: "1.65", theme: "auto" };

const $ = (id) => document.getElementById(id);

export async function applyPreferences() {
  const { [PREFS_KEY]: saved } = await ext.storage.local.get(PREFS_KEY);
  const prefs = { ...DEFAULT_PREFS, ...(saved || {}) };
  const root = document.documentElement;
  const apply = () => {
    root.dataset.theme = prefs.theme;
    root.dataset.font = prefs.font;
    root.style.setProperty("--size", `${prefs.size}px`);
    root.style.setProperty("--leading", prefs.spacing);
    $("theme").value = prefs.theme;
    $("font").value = prefs.font;
    $("spacing").value = prefs.spacing;
  };
  const save = () => { apply(); ext.storage.local.set({ [PREFS_KEY]: prefs }); };
  apply();
  $("smaller").addEventListener("click", () => { prefs.size = Math.max(14, prefs.size - 1); save(); });
  $("larger").addEventListener("click", () => { prefs.size = Math.min(30, prefs.size + 1); save(); });
  $("theme").addEventListener("change", (e) => { prefs.theme = e.target.value; save(); });
  $("font").addEventListener("change", (e) => { prefs.font = e.target.value; save(); });
  $("spacing").addEventListener("change", (e) => { prefs.spacing = e.target.value; save(); });
}

/** Puts the server's sanitized HTML in the page without innerHTML, and decorates it. */
export function showArticle(container, article) {
  const parsed = new DOMParser().parseFromString(article.html, "text/html");
  const root = parsed.body.firstElementChild;
  container.replaceChildren(document.adoptNode(root));
  for (const link of root.querySelectorAll("a[href]")) link.target = "_blank";
  for (const claim of root.querySelectorAll(`.${MARKUP.CLAIM_CLASS}`)) {
    claim.dataset.icon = KIND_ICONS[claim.getAttribute(MARKUP.ATTR_KIND)] ?? "";
  }
  for (const segment of root.querySelectorAll(`.${MARKUP.KIND_SEGMENT_CLASS}`)) {
    segment.style.flexGrow = segment.getAttribute(MARKUP.ATTR_COUNT);
    segment.title = `${segment.getAttribute(MARKUP.ATTR_KIND_LABEL)}: ${segment.getAttribute(MARKUP.ATTR_COUNT)}`;
  }
  for (const item of root.querySelectorAll(`.${MARKUP.KIND_LEGEND_CLASS} li`)) {
    item.dataset.icon = KIND_ICONS[item.getAttribute(MARKUP.ATTR_KIND)] ?? "";
    item.tabIndex = 0;
    item.setAttribute("role", "button");
    item.title = "Show only these claims";
  }
  document.title = `${article.title || "Article"} · sourcelight`;
  setupFilter(root, article);
  setupNotes(root);
  return root;
}

function setupFilter(root, article) {
  const select = $("filter");
  select.replaceChildren(new Option("every claim", ""));
  for (const kind of KINDS) {
    const count = article.summary.by_kind[kind.id] || 0;
    if (count) select.add(new Option(`${kind.label} (${count})`, kind.id));
  }
  const apply = (kind) => {
    select.value = kind;
    root.classList.toggle("is-filtering", Boolean(kind));
    for (const claim of root.querySelectorAll(`.${MARKUP.CLAIM_CLASS}`)) {
      claim.classList.toggle("matches-filter", claim.getAttribute(MARKUP.ATTR_KIND) === kind);
    }
    for (const block of root.querySelectorAll(`.${MARKUP.BLOCK_CLASS}`)) {
      block.classList.toggle("no-match", Boolean(kind) && !block.querySelector(".matches-filter"));
    }
  };
  select.addEventListener("change", () => apply(select.value));
  for (const item of root.querySelectorAll(`.${MARKUP.KIND_LEGEND_CLASS} li`)) {
    const choose = () => apply(select.value === item.getAttribute(MARKUP.ATTR_KIND) ? "" : item.getAttribute(MARKUP.ATTR_KIND));
    item.addEventListener("click", choose);
    item.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); choose(); } });
  }
}

function describeClaim(claim) {
  const get = (name) => claim.getAttribute(name);
  const lines = [];
  const kind = document.createElement("div");
  kind.className = "kind";
  kind.textContent = `${claim.dataset.icon} ${get(MARKUP.ATTR_KIND_LABEL)}`;
  const note = document.createElement("div");
  note.textContent = get(MARKUP.ATTR_NOTE) || "";
  lines.push(kind, note);
  const flags = [];
  if (get(MARKUP.ATTR_HEDGES)) flags.push(`Hedged: ${get(MARKUP.ATTR_HEDGES)}`);
  if (get(MARKUP.ATTR_NON_RESPONSE) === "true") flags.push("A non-answer (declined to comment, did not respond)");
  if (get(MARKUP.ATTR_DENIAL) === "true") flags.push("A denial");
  if (get(MARKUP.ATTR_LINKS)) flags.push(`${get(MARKUP.ATTR_LINKS)} link(s) to follow`);
  if (flags.length) {
    const extra = document.createElement("div");
    extra.className = "flags";
    extra.textContent = flags.join(" · ");
    lines.push(extra);
  }
  return lines;
}

let pinned = null;

function showNote(claim) {
  const popover = $("note-popover");
  popover.replaceChildren(...describeClaim(claim));
  popover.setAttribute(MARKUP.ATTR_KIND, claim.getAttribute(MARKUP.ATTR_KIND));
  const box = claim.getBoundingClientRect();
  popover.hidden = false;
  const left = Math.min(window.scrollX + box.left, window.scrollX + window.innerWidth - popover.offsetWidth - 12);
  popover.style.left = `${Math.max(8, left)}px`;
  popover.style.top = `${window.scrollY + box.bottom + 6}px`;
}

export function hideNote() {
  pinned = null;
  $("note-popover").hidden = true;
}

function setupNotes(root) {
  const claimOf = (target) => target.closest && target.closest(`.${MARKUP.CLAIM_CLASS}`);
  root.addEventListener("mouseover", (e) => { const c = claimOf(e.target); if (c && !pinned) showNote(c); });
  root.addEventListener("mouseout", (e) => { const c = claimOf(e.target); if (c && !pinned && !c.contains(e.relatedTarget)) hideNote(); });
  root.addEventListener("focusin", (e) => { const c = claimOf(e.target); if (c) showNote(c); });
  root.addEventListener("focusout", (e) => { if (claimOf(e.target) && !pinned) hideNote(); });
  // A tap (a click that selects nothing) pins the note until the next tap elsewhere.
  root.addEventListener("click", (e) => {
    if (!document.getSelection().isCollapsed) return;
    const c = claimOf(e.target);
    if (c && e.target.tagName !== "A") { pinned = pinned === c ? null : c; if (pinned) showNote(c); else hideNote(); }
    else hideNote();
  });
}

/** j/k (or n/p) move between the visible claims; the current one shows its note. */
export function moveToClaim(step) {
  const claims = [...document.querySelectorAll(`.${MARKUP.CLAIM_CLASS}`)].filter((c) => {
    const filtering = document.querySelector(".is-filtering");
    return !filtering || c.classList.contains("matches-filter");
  });
  if (!claims.length) return;
  const current = document.querySelector(`.${MARKUP.CLAIM_CLASS}.is-current`);
  let index = claims.indexOf(current);
  index = index === -1 ? (step > 0 ? 0 : claims.length - 1) : Math.min(claims.length - 1, Math.max(0, index + step));
  if (current) current.classList.remove("is-current");
  const next = claims[index];
  next.classList.add("is-current");
  next.focus({ preventScroll: true });
  next.scrollIntoView({ block: "center", behavior: "smooth" });
}
