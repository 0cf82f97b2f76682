// Highlights in the reader: ties the selection toolbar, the painter, the side panel and the
// outbox together. A highlight shows at once (marked as not yet saved); every change goes to the
// outbox, which keeps it in extension storage until the companion has it.
import { selectorsFor } from "../lib/anchoring.js";
import { ext } from "../lib/browser.js";
import { describeError, isRetryable } from "../lib/errors.js";
import { t } from "../lib/i18n.js";
import { OUTCOME, Outbox, applyWaiting } from "../lib/outbox.js";
import { toast } from "./dom.js";
import { Painter } from "./paint.js";
import { Panel } from "./panel.js";
import { SelectionToolbar } from "./selection.js";

// Typing a note is kept in storage at every key press; the companion gets it after a pause.
const SEND_AFTER_TYPING_MS = 600;
// Fields of a highlight that only the server decides (where it is, in which state).
const SERVER_FIELDS = ["position", "anchor", "orphaned", "version", "quote", "claim_id", "created", "updated", "article_id"];

export class HighlightController {
  constructor({ api, article, root, descriptions }) {
    this.api = api;
    this.article = article;
    this.highlights = new Map(); // id → highlight as the server shapes it, plus .pending
    this.painter = new Painter({ root, descriptions, version: article.version ?? null });
    this.toolbar = new SelectionToolbar({
      root, text: article.text, bar: document.getElementById("selection-toolbar"),
      onChoose: (choice) => this.create(choice),
    });
    this.panel = new Panel({
      onLabel: (id, label) => this.change(id, { label }, { now: true }),
      onNote: (id, note) => this.change(id, { note }),
      onTags: (id, tags) => this.change(id, { tags }),
      onDelete: (id) => this.remove(id),
      onRetry: () => this.outbox.flush(),
      onShow: (id) => this.show(id),
    });
    this.outbox = new Outbox({
      storage: ext.storage.local,
      send: (change) => this.send(change),
      onSettled: (change, attempt) => this.settle(change, attempt),
      onWaiting: (waiting) => this.panel.setWaiting(waiting),
    });
    this.sendTimer = null;
  }

  /** @param {Promise<object>} [listing] the article's highlights, if already asked for */
  async start(listing = this.api.listHighlights(this.article.id)) {
    this.toolbar.start();
    this.panel.start();
    let stored = [];
    try {
      stored = (await listing).highlights;
    } catch (error) {
      toast(t("highlightsNotLoaded", describeError(error).message));
    }
    for (const highlight of applyWaiting(stored, await this.outbox.list(), this.article.id)) {
      this.highlights.set(highlight.id, highlight);
      this.painter.paint(highlight);
      this.panel.upsert(highlight);
    }
    this.outbox.flush();
    window.addEventListener("online", () => this.outbox.flush());
    // A click on a highlight (that selects nothing) opens its item in the panel.
    this.painter.root.addEventListener("click", (event) => {
      const mark = event.target.closest && event.target.closest("mark.sl-highlight");
      if (mark && document.getSelection().isCollapsed && !event.target.closest("a")) this.panel.reveal(mark.dataset.highlightId);
    });
  }

  /** Highlights the current selection (the h key); false if nothing is selected. */
  highlightSelection() {
    return this.toolbar.choose(null, false);
  }

  create({ start, end, label, withNote }) {
    const { quote, position } = selectorsFor(this.article.text, start, end);
    const body = { id: crypto.randomUUID(), quote, position, note: "", label, tags: [] };
    const highlight = { ...body, article_id: this.article.id, anchor: "anchored", orphaned: false, pending: true };
    this.highlights.set(body.id, highlight);
    this.painter.paint(highlight);
    this.panel.upsert(highlight);
    if (withNote) this.panel.focusNote(body.id);
    this.queue({ type: "create", id: body.id, articleId: this.article.id, body }, { now: true });
  }

  change(id, changes, { now = false } = {}) {
    const highlight = this.highlights.get(id);
    if (!highlight) return;
    Object.assign(highlight, changes, { pending: true });
    this.painter.restyle(highlight);
    this.panel.upsert(highlight);
    this.queue({ type: "update", id, articleId: this.article.id, body: changes }, { now });
  }

  remove(id) {
    const highlight = this.highlights.get(id);
    if (!highlight) return;
    this.highlights.delete(id);
    this.painter.unpaint(id);
    this.panel.remove(id);
    this.queue({ type: "delete", id, articleId: this.article.id }, { now: true });
    toast(t("highlightDeleted"), t("undo"), () => {
      const restored = { ...highlight, pending: true };
      this.highlights.set(id, restored);
      this.painter.paint(restored);
      this.panel.upsert(restored);
      this.queue({ type: "restore", id, articleId: this.article.id }, { now: true });
    });
  }

  show(id) {
    // Over a narrow window the panel covers the article: step aside to show the passage.
    if (window.matchMedia("(max-width: 1100px)").matches) this.panel.toggle(false);
    const [mark] = this.painter.marks(id);
    if (mark) mark.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  async queue(change, { now }) {
    await this.outbox.add(change);
    clearTimeout(this.sendTimer);
    if (now) this.outbox.flush();
    else this.sendTimer = setTimeout(() => this.outbox.flush(), SEND_AFTER_TYPING_MS);
  }

  async send(change) {
    try {
      let result;
      if (change.type === "create") result = await this.api.createHighlight(change.articleId, change.body);
      else if (change.type === "update") result = await this.api.updateHighlight(change.id, change.body);
      else if (change.type === "delete") result = await this.api.deleteHighlight(change.id);
      else result = await this.api.restoreHighlight(change.id);
      return { outcome: OUTCOME.SENT, result };
    } catch (error) {
      if (isRetryable(error)) return { outcome: OUTCOME.RETRY, error };
      if (error.status === 409) return { outcome: OUTCOME.SENT }; // an earlier attempt reached the server
      if (error.status === 404 && change.type === "delete") return { outcome: OUTCOME.SENT }; // already gone
      return { outcome: OUTCOME.REJECTED, error };
    }
  }

  async settle(change, { outcome, result, error }) {
    if (outcome === OUTCOME.REJECTED) toast(t("changeNotSaved", describeError(error).message));
    if (change.articleId !== this.article.id) return;
    const highlight = this.highlights.get(change.id);
    if (!highlight) return;
    if (outcome === OUTCOME.REJECTED && change.type === "create") {
      this.highlights.delete(change.id);
      this.painter.unpaint(change.id);
      this.panel.remove(change.id);
      return;
    }
    // Where the highlight is and its state come from the server; what the reader typed since
    // stays as typed (it is still in the outbox).
    const moved = result && result.position && (result.position.start !== highlight.position.start
      || result.position.end !== highlight.position.end || result.anchor !== highlight.anchor);
    if (result && result.id) for (const field of SERVER_FIELDS) if (field in result) highlight[field] = result[field];
    highlight.pending = await this.outbox.has(change.id);
    if (moved) this.painter.paint(highlight); else this.painter.restyle(highlight);
    this.panel.upsert(highlight);
  }
}
