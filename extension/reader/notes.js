// A claim's note: shown on hover (after a pause), on keyboard focus or on a tap, beside the text
// or under it, never over the text being read or selected, and hidden as soon as a selection starts.
import { MARKUP } from "../lib/contract.js";
import { kindName } from "../lib/i18n.js";

const HOVER_DELAY_MS = 350;
const CLAIM = `.${MARKUP.CLAIM_CLASS}`;

const $ = (id) => document.getElementById(id);

// -- notes -------------------------------------------------------------------------------------

let pinned = null;
let hoverTimer = null;
let pointerIsDown = false;

function showNote(claim) {
  const popover = $("note-popover");
  const kind = claim.getAttribute(MARKUP.ATTR_KIND);
  const title = document.createElement("div");
  title.className = "kind";
  title.textContent = kindName(kind);
  const note = document.createElement("div");
  note.textContent = claim.getAttribute(MARKUP.ATTR_NOTE) || "";
  popover.replaceChildren(title, note);
  popover.setAttribute(MARKUP.ATTR_KIND, kind);
  popover.hidden = false;
  // Never over the claim's own text: in the margin beside it when the window is wide enough,
  // else below its last line (or above its first line near the bottom of the window).
  const lines = [...claim.getClientRects()];
  const last = lines[lines.length - 1] || claim.getBoundingClientRect();
  const first = lines[0] || last;
  const column = claim.closest(`.${MARKUP.ARTICLE_CLASS}`).getBoundingClientRect();
  const margin = document.documentElement.clientWidth - 8 - (column.right + 24);
  const besides = margin >= 220 && !document.body.classList.contains("panel-open");
  popover.style.maxWidth = besides ? `${Math.min(384, margin)}px` : "";
  const width = popover.offsetWidth;
  const height = popover.offsetHeight;
  let left;
  let top;
  if (besides) {
    left = column.right + 24;
    top = first.top;
    popover.dataset.side = "margin";
  } else {
    const below = last.bottom + 6 + height < window.innerHeight || first.top - height - 6 < 60;
    top = below ? last.bottom + 6 : first.top - height - 6;
    left = Math.min(first.left, document.documentElement.clientWidth - width - 8);
    popover.dataset.side = below ? "below" : "above";
  }
  popover.style.left = `${window.scrollX + Math.max(8, left)}px`;
  popover.style.top = `${window.scrollY + top}px`;
}

export function hideNote() {
  clearTimeout(hoverTimer);
  document.querySelector(".is-pinned")?.classList.remove("is-pinned");
  pinned = null;
  $("note-popover").hidden = true;
}

export function noteOpen() {
  return !$("note-popover").hidden;
}

export function setupNotes(root) {
  const claimOf = (target) => {
    const claim = target && target.closest && target.closest(CLAIM);
    return claim && !claim.classList.contains("is-plain") ? claim : null;
  };
  const selecting = () => !document.getSelection().isCollapsed;
  root.addEventListener("pointerover", (e) => {
    const claim = claimOf(e.target);
    clearTimeout(hoverTimer);
    if (!claim || pinned || e.pointerType === "touch" || e.buttons) return;
    hoverTimer = setTimeout(() => { if (!selecting()) showNote(claim); }, HOVER_DELAY_MS);
  });
  root.addEventListener("pointerout", (e) => {
    const claim = claimOf(e.target);
    if (claim && !claim.contains(e.relatedTarget)) { clearTimeout(hoverTimer); if (!pinned) $("note-popover").hidden = true; }
  });
  // Selecting text hides every pop-up: nothing may sit over the text being selected.
  document.addEventListener("pointerdown", () => {
    pointerIsDown = true;
    clearTimeout(hoverTimer);
    if (!pinned) $("note-popover").hidden = true;
  }, true);
  for (const type of ["pointerup", "pointercancel"]) document.addEventListener(type, () => { pointerIsDown = false; }, true);
  document.addEventListener("selectionchange", () => { if (selecting()) hideNote(); });
  root.addEventListener("focusin", (e) => { const claim = claimOf(e.target); if (claim && !selecting() && !pointerIsDown) showNote(claim); });
  root.addEventListener("focusout", (e) => { if (claimOf(e.target) && !pinned) $("note-popover").hidden = true; });
  // A tap or click that selects nothing pins the note until the next one elsewhere.
  root.addEventListener("click", (e) => {
    if (selecting()) return;
    const claim = claimOf(e.target);
    if (claim && !e.target.closest("a, mark.sl-highlight")) {
      document.querySelector(".is-pinned")?.classList.remove("is-pinned");
      pinned = pinned === claim ? null : claim;
      if (pinned) { claim.classList.add("is-pinned"); showNote(claim); } else hideNote();
    } else hideNote();
  });
}

