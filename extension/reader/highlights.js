// Highlighting in the reader: select text → a small toolbar → saved at once. The page shows the
// highlight before the server has it (marked pending); every change goes through a queue kept in
// extension storage, so nothing typed is lost when the companion is down, and is retried.
import { anchorQuote, codePointToUtf16, selectorsFor, utf16ToCodePoint } from "../lib/anchoring.js";
import { ext } from "../lib/browser.js";
import { HIGHLIGHT_LABELS, MARKUP } from "../lib/contract.js";
import { ServerTimeout, ServerUnreachable, describeError } from "../lib/errors.js";
import { button } from "./dom.js";

const QUEUE_KEY = "pendingChanges";
const RETRY_SECONDS = 5;
const $ = (id) => document.getElementById(id);

export class HighlightController {
  constructor({ api, article, root }) {
    this.api = api;
    this.article = article;
    this.root = root;
    this.highlights = new Map(); // id → highlight as the server shapes it (plus .pending/.failed)
    this.retryTimer = null;
  }

  async start() {
    this.setupSelectionToolbar();
    this.setupPanel();
    let stored = [];
    try {
      stored = (await this.api.listHighlights(this.article.id)).highlights;
    } catch (error) {
      toast(`Your highlights could not be loaded: ${describeError(error).message}`);
    }
    for (const highlight of stored) this.highlights.set(highlight.id, highlight);
    for (const change of await readQueue()) {
      if (change.articleId !== this.article.id) continue;
      if (change.type === "create") this.highlights.set(change.id, { ...change.body, pending: true });
      if (change.type === "update" && this.highlights.has(change.id)) Object.assign(this.highlights.get(change.id), change.body, { pending: true });
      if (change.type === "delete") this.highlights.delete(change.id);
    }
    for (const highlight of this.highlights.values()) this.paint(highlight);
    this.renderPanel();
    this.flush();
  }

  // -- selection → highlight ------------------------------------------------------------------

  setupSelectionToolbar() {
    const bar = $("selection-toolbar");
    const buttons = [{ id: "", label: "Highlight" }, ...HIGHLIGHT_LABELS].map((label) => {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = label.label;
      button.dataset.label = label.id;
      button.addEventListener("mousedown", (e) => e.preventDefault()); // keep the selection
      button.addEventListener("click", () => this.highlightSelection(label.id || null));
      return button;
    });
    const note = document.createElement("button");
    note.type = "button";
    note.textContent = "Note…";
    note.dataset.action = "note";
    note.addEventListener("mousedown", (e) => e.preventDefault());
    note.addEventListener("click", () => this.highlightSelection(null, { focusNote: true }));
    bar.replaceChildren(...buttons, note);
    document.addEventListener("selectionchange", () => this.placeToolbar());
  }

  selectionOffsets() {
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
    const range = selection.getRangeAt(0);
    const start = this.offsetOf(range.startContainer, range.startOffset);
    const end = this.offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return null;
    return trimWhitespace(this.article.text, start, end);
  }

  /** Code point offset in the article text of a DOM point inside a .sl-block. */
  offsetOf(node, offset) {
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    const block = element && element.closest(`.${MARKUP.BLOCK_CLASS}`);
    if (!block || !this.root.contains(block)) return null;
    const before = document.createRange();
    before.setStart(block, 0);
    before.setEnd(node, offset);
    const blockText = block.textContent;
    return Number(block.getAttribute(MARKUP.ATTR_BLOCK_START)) + utf16ToCodePoint(blockText, before.toString().length);
  }

  placeToolbar() {
    const bar = $("selection-toolbar");
    const offsets = this.selectionOffsets();
    if (!offsets) { bar.hidden = true; return; }
    const box = document.getSelection().getRangeAt(0).getBoundingClientRect();
    bar.hidden = false;
    bar.style.left = `${Math.max(8, window.scrollX + box.left)}px`;
    bar.style.top = `${Math.max(8, window.scrollY + box.top - bar.offsetHeight - 8)}px`;
  }

  highlightSelection(label, { focusNote = false } = {}) {
    const offsets = this.selectionOffsets();
    $("selection-toolbar").hidden = true;
    if (!offsets) return;
    const { quote, position } = selectorsFor(this.article.text, offsets.start, offsets.end);
    const body = { id: crypto.randomUUID(), quote, position, note: "", label, tags: [] };
    const highlight = { ...body, article_id: this.article.id, anchor: "anchored", pending: true };
    this.highlights.set(body.id, highlight);
    document.getSelection().removeAllRanges();
    this.paint(highlight);
    this.renderPanel();
    this.enqueue({ type: "create", id: body.id, articleId: this.article.id, body });
    if (focusNote) this.openNote(body.id);
  }

  // -- marks in the text ----------------------------------------------------------------------

  paint(highlight) {
    this.unpaint(highlight.id);
    const anchor = anchorQuote(this.article.text, highlight);
    highlight.anchorState = anchor.state;
    if (anchor.state === "orphaned") return;
    for (const block of this.root.querySelectorAll(`.${MARKUP.BLOCK_CLASS}`)) {
      const blockStart = Number(block.getAttribute(MARKUP.ATTR_BLOCK_START));
      const text = block.textContent;
      const blockEnd = blockStart + utf16ToCodePoint(text, text.length);
      if (anchor.end <= blockStart || anchor.start >= blockEnd) continue;
      const from = codePointToUtf16(text, Math.max(anchor.start, blockStart) - blockStart);
      const to = codePointToUtf16(text, Math.min(anchor.end, blockEnd) - blockStart);
      wrapRange(block, from, to, highlight);
    }
  }

  unpaint(id) {
    for (const mark of this.root.querySelectorAll(`mark.sl-highlight[data-highlight-id="${CSS.escape(id)}"]`)) {
      mark.replaceWith(...mark.childNodes);
    }
    this.root.normalize();
  }

  // -- the side panel ---------------------------------------------------------------------------

  setupPanel() {
    $("toggle-panel").addEventListener("click", () => this.togglePanel());
  }

  togglePanel(open) {
    const panel = $("panel");
    panel.hidden = open === undefined ? !panel.hidden : !open;
    $("toggle-panel").setAttribute("aria-expanded", String(!panel.hidden));
  }

  renderPanel() {
    const items = [...this.highlights.values()].sort((a, b) => a.position.start - b.position.start);
    $("highlight-count").textContent = String(items.length);
    document.querySelector(".panel-empty").hidden = items.length > 0;
    $("highlight-list").replaceChildren(...items.map((h) => this.panelItem(h)));
  }

  panelItem(highlight) {
    const item = document.createElement("li");
    item.dataset.highlightId = highlight.id;
    const quote = document.createElement("blockquote");
    quote.textContent = highlight.quote.exact;
    const label = document.createElement("select");
    label.setAttribute("aria-label", "Label");
    label.add(new Option("No label", ""));
    for (const l of HIGHLIGHT_LABELS) label.add(new Option(l.label, l.id));
    label.value = highlight.label || "";
    label.addEventListener("change", () => this.change(highlight.id, { label: label.value || null }));
    const note = document.createElement("textarea");
    note.placeholder = "Your note (Markdown)";
    note.value = highlight.note || "";
    note.setAttribute("aria-label", "Note");
    const tags = document.createElement("input");
    tags.placeholder = "tags, comma separated";
    tags.value = (highlight.tags || []).join(", ");
    tags.setAttribute("aria-label", "Tags");
    const save = button("Save note", () => this.change(highlight.id, {
      note: note.value, tags: tags.value.split(",").map((t) => t.trim()).filter(Boolean),
    }));
    save.dataset.action = "save-note";
    note.addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) save.click(); });
    const remove = button("Delete", () => this.remove(highlight.id));
    const state = document.createElement("span");
    state.className = "save-state";
    state.textContent = highlight.failed ? "Not saved: the companion is not answering." : highlight.pending ? "Saving…" : "Saved";
    if (highlight.failed) {
      state.classList.add("failed");
      item.append(quote, label, note, tags, row(save, remove, state, button("Retry now", () => this.flush())));
    } else {
      item.append(quote, label, note, tags, row(save, remove, state));
    }
    if (highlight.anchorState === "orphaned" || highlight.orphaned) {
      const orphan = document.createElement("div");
      orphan.className = "orphaned";
      orphan.textContent = "This passage is no longer in the article's latest text; the note is kept.";
      item.append(orphan);
    }
    return item;
  }

  openNote(id) {
    this.togglePanel(true);
    const field = $("highlight-list").querySelector(`li[data-highlight-id="${CSS.escape(id)}"] textarea`);
    if (field) field.focus();
  }

  change(id, changes) {
    const highlight = this.highlights.get(id);
    if (!highlight) return;
    Object.assign(highlight, changes, { pending: true });
    this.paint(highlight);
    this.renderPanel();
    this.enqueue({ type: "update", id, articleId: this.article.id, body: changes });
  }

  remove(id) {
    const highlight = this.highlights.get(id);
    if (!highlight) return;
    this.highlights.delete(id);
    this.unpaint(id);
    this.renderPanel();
    this.enqueue({ type: "delete", id, articleId: this.article.id });
    toast("Highlight deleted.", "Undo", () => {
      this.highlights.set(id, { ...highlight, pending: true });
      this.paint(highlight);
      this.renderPanel();
      this.enqueue({ type: "restore", id, articleId: this.article.id });
    });
  }

  // -- the queue --------------------------------------------------------------------------------

  async enqueue(change) {
    const queue = await readQueue();
    queue.push(change);
    await ext.storage.local.set({ [QUEUE_KEY]: queue });
    this.flush();
  }

  async flush() {
    if (this.flushing) { this.flushAgain = true; return; }
    this.flushing = true;
    clearTimeout(this.retryTimer);
    try {
      let queue = await readQueue();
      while (queue.length) {
        const change = queue[0];
        const outcome = await this.send(change);
        if (outcome === "retry") {
          this.markFailed(queue);
          this.retryTimer = setTimeout(() => this.flush(), RETRY_SECONDS * 1000);
          return;
        }
        queue = (await readQueue()).slice(1);
        await ext.storage.local.set({ [QUEUE_KEY]: queue });
        if (change.articleId === this.article.id) this.settle(change, outcome);
      }
    } finally {
      this.flushing = false;
      if (this.flushAgain) { this.flushAgain = false; this.flush(); }
    }
  }

  async send(change) {
    try {
      if (change.type === "create") return await this.api.createHighlight(change.articleId, change.body);
      if (change.type === "update") return await this.api.updateHighlight(change.id, change.body);
      if (change.type === "delete") return await this.api.deleteHighlight(change.id);
      return await this.api.restoreHighlight(change.id);
    } catch (error) {
      if (error instanceof ServerUnreachable || error instanceof ServerTimeout || error.status === 503) return "retry";
      if (error.status === 409) return null; // already done (an earlier attempt reached the server)
      toast(`A change could not be saved: ${describeError(error).message}`);
      return { rejected: true };
    }
  }

  settle(change, outcome) {
    const highlight = this.highlights.get(change.id);
    if (!highlight) return;
    if (outcome && outcome.rejected && change.type === "create") {
      this.highlights.delete(change.id);
      this.unpaint(change.id);
    } else if (outcome && outcome.id) {
      Object.assign(highlight, outcome, { pending: false, failed: false });
    } else {
      Object.assign(highlight, { pending: false, failed: false });
    }
    this.paint(highlight);
    this.renderPanel();
  }

  markFailed(queue) {
    for (const change of queue) {
      const highlight = this.highlights.get(change.id);
      if (highlight) Object.assign(highlight, { failed: true, pending: true });
    }
    this.renderPanel();
    for (const highlight of this.highlights.values()) if (highlight.failed) this.paint(highlight);
  }
}

async function readQueue() {
  const { [QUEUE_KEY]: queue } = await ext.storage.local.get(QUEUE_KEY);
  return Array.isArray(queue) ? queue : [];
}

function trimWhitespace(text, start, end) {
  const chars = Array.from(text);
  while (start < end && /\s/.test(chars[start])) start++;
  while (end > start && /\s/.test(chars[end - 1])) end--;
  return end > start ? { start, end } : null;
}

/** Wraps the UTF-16 range [from, to) of block's text in <mark> elements, one per text node. */
function wrapRange(block, from, to, highlight) {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  const pieces = [];
  let offset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.data.length;
    const a = Math.max(from, offset);
    const b = Math.min(to, offset + length);
    if (a < b) pieces.push([node, a - offset, b - offset]);
    offset += length;
  }
  for (const [node, a, b] of pieces) {
    let target = node;
    if (a > 0) target = target.splitText(a);
    if (b - a < target.data.length) target.splitText(b - a);
    const mark = document.createElement("mark");
    mark.className = "sl-highlight";
    mark.dataset.highlightId = highlight.id;
    if (highlight.label) mark.dataset.label = highlight.label;
    if (highlight.pending) mark.classList.add("is-pending");
    mark.title = highlight.note || "";
    target.replaceWith(mark);
    mark.append(target);
  }
}

function row(...children) {
  const div = document.createElement("div");
  div.className = "row";
  div.append(...children);
  return div;
}

let toastTimer = null;

export function toast(message, actionLabel, action) {
  const box = $("toast");
  const text = document.createElement("span");
  text.textContent = message;
  const parts = [text];
  if (actionLabel) parts.push(button(actionLabel, () => { box.hidden = true; action(); }));
  box.replaceChildren(...parts);
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.hidden = true; }, 8000);
}
