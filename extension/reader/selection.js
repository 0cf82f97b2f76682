// The selection toolbar: select text in the article (mouse drag, touch, or Shift+arrows) and a
// small bar offers Highlight, the labels and Note…. It appears only once the selection is made
// (never during a drag, so nothing pops up over the text being selected), and sits above the
// selection, or below it where the browser's own touch menu or the page top leaves no room.
import { offsetsOfRange } from "../lib/anchoring.js";
import { HIGHLIGHT_LABELS } from "../lib/contract.js";
import { labelName, t } from "../lib/i18n.js";

// A keyboard selection grows one key press at a time: wait for a pause before showing the bar.
const SETTLE_MS = 250;
const GAP_PX = 8;

export class SelectionToolbar {
  /**
   * @param {object} options
   * @param {Element} options.root     the article
   * @param {string} options.text      the article text (code point offsets are into it)
   * @param {Element} options.bar      the toolbar element
   * @param {(choice: {start: number, end: number, label: string|null, withNote: boolean}) => void} options.onChoose
   */
  constructor({ root, text, bar, onChoose }) {
    Object.assign(this, { root, text, bar, onChoose });
    this.pointerDown = false;
    this.pointerType = "mouse";
    this.settleTimer = null;
  }

  start() {
    const choices = [{ id: null, name: t("highlight") }, ...HIGHLIGHT_LABELS.map((l) => ({ id: l.id, name: labelName(l.id) }))];
    const buttons = choices.map((choice) => this.button(choice.name, choice.id, false));
    const note = this.button(t("noteEllipsis"), null, true);
    note.dataset.action = "note";
    this.bar.replaceChildren(...buttons, note);
    // A toolbar is one stop; the arrows move between its buttons.
    this.bar.addEventListener("keydown", (event) => {
      const all = [...this.bar.querySelectorAll("button")];
      const at = all.indexOf(document.activeElement);
      const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
      if (at === -1 || !step) return;
      event.preventDefault();
      all[(at + step + all.length) % all.length].focus();
    });
    document.addEventListener("pointerdown", (event) => {
      if (this.bar.contains(event.target)) return;
      this.pointerDown = true;
      this.pointerType = event.pointerType || "mouse";
      this.hide();
    }, true);
    const release = () => {
      if (!this.pointerDown) return;
      this.pointerDown = false;
      setTimeout(() => this.update(), 0); // the selection is final after the event
    };
    document.addEventListener("pointerup", release, true);
    document.addEventListener("pointercancel", release, true);
    document.addEventListener("selectionchange", () => {
      clearTimeout(this.settleTimer);
      if (this.pointerDown) return;
      this.settleTimer = setTimeout(() => this.update(), SETTLE_MS);
    });
  }

  button(text, label, withNote) {
    const element = document.createElement("button");
    element.type = "button";
    element.textContent = text;
    element.dataset.label = label || "";
    element.tabIndex = -1; // reached with Tab from the selection, then the arrows (see start())
    // Pressing a button must not take the selection away.
    element.addEventListener("pointerdown", (event) => event.preventDefault());
    element.addEventListener("mousedown", (event) => event.preventDefault());
    element.addEventListener("click", () => this.choose(label, withNote));
    return element;
  }

  /** The selection in article offsets (code points), or null if nothing in the article is selected. */
  current() {
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
    const range = selection.getRangeAt(0);
    if (!range.intersectsNode(this.root)) return null;
    return offsetsOfRange(this.root, this.text, range);
  }

  /** Highlights the current selection (from a button or the h key); false if there is none. */
  choose(label = null, withNote = false) {
    const offsets = this.current();
    this.hide();
    if (!offsets) return false;
    document.getSelection().removeAllRanges();
    this.onChoose({ ...offsets, label, withNote });
    return true;
  }

  update() {
    if (!this.current()) { this.hide(); return; }
    this.show(document.getSelection().getRangeAt(0));
  }

  show(range) {
    const rects = [...range.getClientRects()].filter((r) => r.width && r.height);
    if (!rects.length) return;
    const first = rects[0];
    const last = rects[rects.length - 1];
    this.bar.hidden = false;
    const height = this.bar.offsetHeight;
    const width = this.bar.offsetWidth;
    const top = document.querySelector(".toolbar")?.getBoundingClientRect().bottom ?? 0;
    const roomAbove = first.top - height - GAP_PX > top;
    const below = this.pointerType === "touch" || !roomAbove;
    const y = below ? last.bottom + GAP_PX : first.top - height - GAP_PX;
    const anchorX = below ? last.right - width / 2 : first.left;
    const x = Math.min(Math.max(GAP_PX, anchorX), document.documentElement.clientWidth - width - GAP_PX);
    this.bar.style.left = `${window.scrollX + Math.max(GAP_PX, x)}px`;
    this.bar.style.top = `${window.scrollY + y}px`;
    this.bar.dataset.side = below ? "below" : "above";
  }

  hide() {
    clearTimeout(this.settleTimer);
    this.bar.hidden = true;
  }

  get visible() {
    return !this.bar.hidden;
  }
}
