// The server's reader HTML on the page: calm marks, the filter by kind, and keyboard navigation
// between claims. It reads the data- attributes the server wrote and decides nothing about
// sourcing itself.
import { KINDS, MARKUP } from "../lib/contract.js";
import { kindName, t } from "../lib/i18n.js";
import { KIND_LETTERS } from "../lib/kinds.js";
import { setupNotes } from "./notes.js";

// Kinds whose claims stand out with a letter beside the underline: the sourcing a reader should
// weigh before believing (the other kinds get a quiet underline, unattributed sentences none).
const FLAGGED_KINDS = { anonymous: "A", vague: "V" };
const LEGEND_ICONS = KIND_LETTERS;
// Claims inside these never carry a mark or a note: headings, captions, credits, the byline.
const UNMARKED_CONTAINERS = "h1, h2, h3, h4, h5, h6, figcaption, figure, .sl-meta, header";

const $ = (id) => document.getElementById(id);
const CLAIM = `.${MARKUP.CLAIM_CLASS}`;

/** Puts the server's sanitized HTML in the page without innerHTML, and decorates it. */
export function showArticle(container, article) {
  const parsed = new DOMParser().parseFromString(article.html, "text/html");
  const root = parsed.body.firstElementChild;
  container.replaceChildren(document.adoptNode(root));
  for (const link of root.querySelectorAll("a[href]")) { link.target = "_blank"; link.rel = "noopener noreferrer"; }
  const descriptions = $("descriptions");
  descriptions.replaceChildren();
  const claims = [];
  for (const claim of root.querySelectorAll(CLAIM)) {
    claim.removeAttribute("tabindex"); // one Tab stop for the article: see setupNavigation
    if (claim.closest(UNMARKED_CONTAINERS)) {
      claim.classList.add("is-plain");
      continue;
    }
    const kind = claim.getAttribute(MARKUP.ATTR_KIND);
    if (FLAGGED_KINDS[kind]) claim.dataset.icon = FLAGGED_KINDS[kind];
    const description = document.createElement("span");
    description.id = `claim-desc-${claims.length}`;
    description.textContent = `${kindName(kind === MARKUP.KIND_NONE ? "none" : kind)}. ${claim.getAttribute(MARKUP.ATTR_NOTE) || ""}`;
    descriptions.append(description);
    claim.setAttribute("aria-describedby", description.id);
    claims.push(claim);
  }
  for (const segment of root.querySelectorAll(`.${MARKUP.KIND_SEGMENT_CLASS}`)) {
    segment.style.flexGrow = segment.getAttribute(MARKUP.ATTR_COUNT);
  }
  for (const item of root.querySelectorAll(`.${MARKUP.KIND_LEGEND_CLASS} li`)) {
    const kind = item.getAttribute(MARKUP.ATTR_KIND);
    item.dataset.icon = LEGEND_ICONS[kind] ?? "";
    const legendButton = document.createElement("button");
    legendButton.type = "button";
    legendButton.textContent = `${kindName(kind)}: ${item.getAttribute(MARKUP.ATTR_COUNT)}`;
    legendButton.title = t("showOnlyThese");
    legendButton.dataset.kind = kind;
    item.replaceChildren(legendButton);
  }
  document.title = `${article.title || t("untitled")} · sourcelight`;
  setupFilter(root, article);
  setupNotes(root);
  setupNavigation(root, claims);
  return root;
}

function setupFilter(root, article) {
  const select = $("filter");
  select.replaceChildren(new Option(t("everyClaim"), ""));
  for (const kind of KINDS) {
    const count = article.summary.by_kind[kind.id] || 0;
    if (count) select.add(new Option(`${kindName(kind.id)} (${count})`, kind.id));
  }
  const apply = (kind) => {
    select.value = kind;
    root.classList.toggle("is-filtering", Boolean(kind));
    for (const claim of root.querySelectorAll(CLAIM)) {
      claim.classList.toggle("matches-filter", Boolean(kind) && claim.getAttribute(MARKUP.ATTR_KIND) === kind && !claim.classList.contains("is-plain"));
    }
    for (const block of root.querySelectorAll(`.${MARKUP.BLOCK_CLASS}`)) {
      block.classList.toggle("no-match", Boolean(kind) && !block.querySelector(".matches-filter"));
    }
    for (const legendButton of root.querySelectorAll(`.${MARKUP.KIND_LEGEND_CLASS} button`)) {
      legendButton.setAttribute("aria-pressed", String(legendButton.dataset.kind === kind));
    }
  };
  select.addEventListener("change", () => apply(select.value));
  for (const legendButton of root.querySelectorAll(`.${MARKUP.KIND_LEGEND_CLASS} button`)) {
    legendButton.setAttribute("aria-pressed", "false");
    legendButton.addEventListener("click", () => apply(select.value === legendButton.dataset.kind ? "" : legendButton.dataset.kind));
  }
}

// -- keyboard ----------------------------------------------------------------------------------

let navigable = [];

/** One Tab stop for the whole article (a roving tabindex); arrows, j/k, Home/End move inside. */
function setupNavigation(root, claims) {
  navigable = claims;
  if (claims.length) claims[0].tabIndex = 0;
  root.addEventListener("keydown", (e) => {
    if (!e.target.matches || !e.target.matches(CLAIM) || e.shiftKey || e.ctrlKey || e.metaKey || e.altKey) return;
    const steps = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1, Home: -Infinity, End: Infinity };
    if (!(e.key in steps)) return;
    e.preventDefault();
    moveToClaim(steps[e.key]);
  });
}

/**
 * Shift+arrows select text in the article, as in an editor: from the caret a click left, or from
 * the start of the claim the keyboard is on. (Browsers move a selection with the keyboard only in
 * caret browsing mode, which few people turn on.) Ctrl+Shift moves by word. Returns true if handled.
 */
export function extendSelection(event, root) {
  const directions = { ArrowRight: "forward", ArrowLeft: "backward", ArrowDown: "forward", ArrowUp: "backward" };
  if (!event.shiftKey || event.altKey || event.metaKey || !(event.key in directions)) return false;
  const selection = document.getSelection();
  const inArticle = selection.rangeCount && root.contains(selection.anchorNode);
  if (!inArticle) {
    const claim = document.activeElement && document.activeElement.closest && document.activeElement.closest(CLAIM);
    if (!claim || !root.contains(claim)) return false;
    selection.collapse(claim, 0);
  }
  const unit = event.key === "ArrowDown" || event.key === "ArrowUp" ? "line" : event.ctrlKey ? "word" : "character";
  selection.modify("extend", directions[event.key], unit);
  event.preventDefault();
  return true;
}

function visibleClaims() {
  const filtering = document.querySelector(".is-filtering");
  return navigable.filter((c) => !filtering || c.classList.contains("matches-filter"));
}

/** Moves to the next (step 1), previous (-1), first or last visible claim; it shows its note. */
export function moveToClaim(step) {
  const claims = visibleClaims();
  if (!claims.length) return;
  const focused = navigable.includes(document.activeElement) ? document.activeElement : null;
  const current = focused || document.querySelector(`${CLAIM}.is-current`);
  let index = claims.indexOf(current);
  if (index === -1) index = step > 0 ? 0 : claims.length - 1;
  else index = Math.min(claims.length - 1, Math.max(0, index + step));
  makeCurrent(claims[index]);
}

/** Moves to the claim with this id (a link from the notebook); false if the article has none. */
export function goToClaim(claimId) {
  const claim = navigable.find((c) => c.getAttribute(MARKUP.ATTR_CLAIM_ID) === claimId);
  if (claim) makeCurrent(claim);
  return Boolean(claim);
}

function makeCurrent(next) {
  for (const claim of navigable) if (claim !== next) claim.removeAttribute("tabindex");
  document.querySelector(`${CLAIM}.is-current`)?.classList.remove("is-current");
  next.classList.add("is-current");
  next.tabIndex = 0;
  next.focus({ preventScroll: true });
  next.scrollIntoView({ block: "center", behavior: "smooth" });
}
