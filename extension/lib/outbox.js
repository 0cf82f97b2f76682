// The outbox: every change to a highlight (create, note, label, delete, undo) waits here, in
// extension storage, until the companion has it. It survives the companion being down, the
// reader tab being closed and the browser restarting; whoever opens a reader next sends it.
// Changes go out one at a time, oldest first, so the server sees them in the order made.

export const OUTBOX_KEY = "pendingChanges";
// How long to wait before trying again when the companion does not answer.
export const RETRY_SECONDS = 5;

/**
 * @typedef {object} Change
 * @property {"create"|"update"|"delete"|"restore"} type
 * @property {string} id          the highlight's id (chosen by the extension for a create)
 * @property {string} articleId
 * @property {object} [body]      the create or update payload
 * @property {number} [seq]       order in the outbox, given by add()
 */

/**
 * What becomes of a change after one attempt: "sent" (the server has it), "retry" (the
 * companion did not answer; keep it and try later) or "rejected" (the server refused it and
 * asking again will not help; drop it and tell the user).
 */
export const OUTCOME = Object.freeze({ SENT: "sent", RETRY: "retry", REJECTED: "rejected" });

export class Outbox {
  /**
   * @param {object} options
   * @param {{get(key): Promise<object>, set(items): Promise<void>}} options.storage  storage.local
   * @param {(change: Change) => Promise<{outcome: string, result?: object, error?: Error}>} options.send
   * @param {(change: Change, attempt: object) => void} [options.onSettled]  after "sent" or "rejected"
   * @param {(waiting: boolean) => void} [options.onWaiting]  true when a retry is scheduled
   */
  constructor({ storage, send, onSettled = () => {}, onWaiting = () => {}, retrySeconds = RETRY_SECONDS,
    timers = globalThis, locks = globalThis.navigator?.locks ?? null }) {
    this.storage = storage;
    this.send = send;
    this.onSettled = onSettled;
    this.onWaiting = onWaiting;
    this.retrySeconds = retrySeconds;
    this.timers = timers;
    this.inFlight = null; // seq of the change being sent: it must not be merged into
    this.flushing = null;
    this.again = false;
    this.retryTimer = null;
    this.waiting = false;
    this.lock = Promise.resolve(); // storage read-modify-write, one at a time
    this.locks = locks;
  }

  /** The changes not yet sent, oldest first. */
  async list() {
    const { [OUTBOX_KEY]: queue } = await this.storage.get(OUTBOX_KEY);
    return Array.isArray(queue) ? queue : [];
  }

  /** Whether a change for this highlight is still waiting. */
  async has(id) {
    return (await this.list()).some((change) => change.id === id);
  }

  /**
   * Keeps a change. An update merges into the highlight's last waiting create or update (unless
   * that one is being sent), so typing a note keeps one entry, not one per key press.
   */
  add(change) {
    return this.modify((queue) => {
      const last = queue.findLast((c) => c.id === change.id);
      if (change.type === "update" && last && last.seq !== this.inFlight && (last.type === "create" || last.type === "update")) {
        last.body = { ...last.body, ...change.body };
        return queue;
      }
      const seq = queue.reduce((max, c) => Math.max(max, c.seq || 0), 0) + 1;
      return [...queue, { ...change, seq }];
    });
  }

  modify(edit) {
    const write = async () => {
      const queue = edit(await this.list());
      await this.storage.set({ [OUTBOX_KEY]: queue });
    };
    // Two reader tabs share the outbox: the Web Locks API (shared by the extension's pages) keeps
    // one tab's read-modify-write from overwriting the other's.
    const locks = this.locks;
    const run = this.lock.then(() => (locks ? locks.request(OUTBOX_KEY, write) : write()));
    this.lock = run.catch(() => {});
    return run;
  }

  /** Sends what waits, oldest first; stops at the first change the companion did not take. */
  flush() {
    if (this.flushing) { this.again = true; return this.flushing; }
    this.timers.clearTimeout(this.retryTimer);
    this.flushing = this.drain().finally(() => {
      this.flushing = null;
      if (this.again) { this.again = false; this.flush(); }
    });
    return this.flushing;
  }

  async drain() {
    // Changes queued by an older version of the extension carry no number yet.
    await this.modify((queue) => {
      let next = queue.reduce((max, c) => Math.max(max, c.seq || 0), 0);
      return queue.map((c) => (c.seq ? c : { ...c, seq: ++next }));
    });
    for (;;) {
      await this.lock;
      const [change] = await this.list();
      if (!change) { this.setWaiting(false); return; }
      this.inFlight = change.seq;
      let attempt;
      try {
        attempt = await this.send(change);
      } finally {
        this.inFlight = null;
      }
      if (attempt.outcome === OUTCOME.RETRY) {
        this.setWaiting(true);
        this.retryTimer = this.timers.setTimeout(() => this.flush(), this.retrySeconds * 1000);
        return;
      }
      // The change may have grown while it was sent (a merge is refused while in flight, so
      // only later entries changed): drop exactly the one sent.
      await this.modify((queue) => queue.filter((c) => c.seq !== change.seq));
      this.onSettled(change, attempt);
    }
  }

  setWaiting(waiting) {
    if (waiting !== this.waiting) { this.waiting = waiting; this.onWaiting(waiting); }
  }

  /** Stops the retry timer (the page is going away). */
  stop() {
    this.timers.clearTimeout(this.retryTimer);
  }
}

/**
 * Applies the waiting changes of one article to the highlights the server listed, so the
 * reader shows what the user did even before the companion has it.
 */
export function applyWaiting(highlights, queue, articleId) {
  const byId = new Map(highlights.map((h) => [h.id, { ...h }]));
  const deleted = new Map();
  for (const change of queue) {
    if (change.articleId !== articleId) continue;
    const current = byId.get(change.id);
    if (change.type === "create") byId.set(change.id, { ...current, ...change.body, article_id: articleId, anchor: "anchored", orphaned: false, pending: true });
    else if (change.type === "update" && current) Object.assign(current, change.body, { pending: true });
    else if (change.type === "delete" && current) { deleted.set(change.id, current); byId.delete(change.id); }
    else if (change.type === "restore" && deleted.has(change.id)) byId.set(change.id, { ...deleted.get(change.id), pending: true });
  }
  return [...byId.values()];
}
