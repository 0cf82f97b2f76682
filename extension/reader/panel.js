// The side panel: the article's highlights in reading order, each with its label, note and
// tags. Items are created once and then updated in place: a field the reader is typing in is
// never rewritten, re-created or blurred, whatever the save queue or the companion do.
import { HIGHLIGHT_LABELS } from "../lib/contract.js";
import { labelName, t } from "../lib/i18n.js";
import { button } from "./dom.js";

const $ = (id) => document.getElementById(id);

export class Panel {
  /**
   * @param {object} handlers  onLabel(id, label), onNote(id, note), onTags(id, tags), onDelete(id),
   *                           onRetry(), onShow(id) (scroll the article to the highlight)
   */
  constructor(handlers) {
    this.handlers = handlers;
    this.items = new Map(); // id → {element, fields}
    this.list = $("highlight-list");
    this.waiting = false;
  }

  start() {
    $("toggle-panel").addEventListener("click", () => this.toggle());
    $("close-panel").addEventListener("click", () => this.toggle(false));
  }

  get open() {
    return !$("panel").hidden;
  }

  toggle(open = !this.open) {
    $("panel").hidden = !open;
    $("toggle-panel").setAttribute("aria-expanded", String(open));
    document.body.classList.toggle("panel-open", open);
    if (!open && $("panel").contains(document.activeElement)) $("toggle-panel").focus();
  }

  /** Adds or updates the item of one highlight, in reading order. */
  upsert(highlight) {
    let item = this.items.get(highlight.id);
    if (!item) {
      item = this.createItem(highlight);
      this.items.set(highlight.id, item);
    }
    this.fill(item, highlight);
    this.place(item, highlight);
    this.updateCount();
  }

  remove(id) {
    const item = this.items.get(id);
    if (!item) return;
    item.element.remove();
    this.items.delete(id);
    this.updateCount();
  }

  /** Shows that the companion is not answering (or is again), on every unsaved item. */
  setWaiting(waiting) {
    this.waiting = waiting;
    for (const item of this.items.values()) this.fillState(item);
  }

  /** Opens the panel at a highlight's item and draws the eye to it. */
  reveal(id) {
    const item = this.items.get(id);
    if (!item) return;
    this.toggle(true);
    item.element.scrollIntoView({ block: "nearest" });
    item.element.classList.remove("is-revealed");
    void item.element.offsetWidth; // restart the animation
    item.element.classList.add("is-revealed");
    item.fields.quote.focus({ preventScroll: true });
  }

  /** Puts the cursor in a highlight's note box (after "Note…"). */
  focusNote(id) {
    this.toggle(true);
    const item = this.items.get(id);
    if (item) item.fields.note.focus();
  }

  createItem(highlight) {
    const element = document.createElement("li");
    element.dataset.highlightId = highlight.id;
    const quote = document.createElement("blockquote");
    quote.tabIndex = -1;
    const show = button(t("showInArticle"), () => this.handlers.onShow(highlight.id));
    show.className = "link";
    const label = document.createElement("select");
    label.setAttribute("aria-label", t("labelField"));
    label.add(new Option(t("noLabel"), ""));
    for (const l of HIGHLIGHT_LABELS) label.add(new Option(labelName(l.id), l.id));
    label.addEventListener("change", () => this.handlers.onLabel(highlight.id, label.value || null));
    const note = document.createElement("textarea");
    note.placeholder = t("notePlaceholder");
    note.setAttribute("aria-label", t("noteField"));
    // Every key press is kept at once (the save queue lives in extension storage); nothing
    // waits for a Save button, so closing the tab loses nothing.
    note.addEventListener("input", () => this.handlers.onNote(highlight.id, note.value));
    const tags = document.createElement("input");
    tags.placeholder = t("tagsPlaceholder");
    tags.setAttribute("aria-label", t("tagsField"));
    tags.addEventListener("input", () => this.handlers.onTags(highlight.id, tags.value.split(",").map((s) => s.trim()).filter(Boolean)));
    const remove = button(t("delete"), () => this.handlers.onDelete(highlight.id));
    remove.dataset.action = "delete";
    const state = document.createElement("span");
    state.className = "save-state";
    state.setAttribute("role", "status");
    const retry = button(t("tryAgain"), () => this.handlers.onRetry());
    retry.dataset.action = "retry";
    const orphan = document.createElement("p");
    orphan.className = "orphaned";
    orphan.textContent = t("orphanedNote");
    const row = document.createElement("div");
    row.className = "row";
    row.append(remove, state, retry);
    element.append(quote, show, orphan, label, note, tags, row);
    return { element, fields: { quote, show, label, note, tags, state, retry, orphan }, highlight };
  }

  fill(item, highlight) {
    const { fields } = item;
    item.highlight = highlight;
    fields.quote.textContent = highlight.quote.exact;
    if (highlight.label) item.element.dataset.label = highlight.label; else delete item.element.dataset.label;
    const orphaned = Boolean(highlight.orphaned || highlight.anchor === "orphaned");
    fields.orphan.hidden = !orphaned;
    fields.show.hidden = orphaned;
    // Never touch what the reader is editing.
    if (document.activeElement !== fields.label) fields.label.value = highlight.label || "";
    if (document.activeElement !== fields.note && fields.note.value !== (highlight.note || "")) fields.note.value = highlight.note || "";
    const tags = (highlight.tags || []).join(", ");
    if (document.activeElement !== fields.tags && fields.tags.value.split(",").map((s) => s.trim()).filter(Boolean).join(", ") !== tags) {
      fields.tags.value = tags;
    }
    this.fillState(item);
  }

  fillState(item) {
    const { state, retry } = item.fields;
    const waiting = item.highlight.pending && this.waiting;
    const text = waiting ? t("notSavedYet") : item.highlight.pending ? t("saving") : t("saved");
    if (state.textContent !== text) state.textContent = text;
    state.classList.toggle("failed", waiting);
    retry.hidden = !waiting;
  }

  place(item, highlight) {
    const key = sortKey(highlight);
    const after = [...this.items.values()].find((other) => other !== item && other.element.isConnected && compare(sortKey(other.highlight), key) > 0);
    const reference = after ? after.element : null;
    if (item.element.parentNode === this.list && item.element.nextSibling === reference) return;
    if (item.element.contains(document.activeElement)) return; // moving it would drop the focus
    this.list.insertBefore(item.element, reference);
  }

  updateCount() {
    $("highlight-count").textContent = String(this.items.size);
    document.querySelector(".panel-empty").hidden = this.items.size > 0;
  }
}

// Reading order; orphans (no place in the text) last.
const sortKey = (h) => [h.orphaned || h.anchor === "orphaned" ? 1 : 0, h.position.start, h.created || ""];

function compare(a, b) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}
