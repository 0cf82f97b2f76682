// node --test: the outbox keeps every change in storage until the companion has it, in order,
// through the companion being down and the page being closed and opened again.
import assert from "node:assert/strict";
import { test } from "node:test";

import { OUTBOX_KEY, OUTCOME, Outbox, applyWaiting } from "../../extension/lib/outbox.js";

/** storage.local as the browser gives it: JSON in, copies out. */
function memoryStorage(initial = {}) {
  const data = structuredClone(initial);
  return {
    data,
    async get(key) { return key in data ? { [key]: structuredClone(data[key]) } : {}; },
    async set(items) { Object.assign(data, structuredClone(items)); },
  };
}

/** A companion that can be up or down, recording what reached it. */
function companion() {
  const server = { up: true, received: [] };
  server.send = async (change) => {
    await new Promise((resolve) => setImmediate(resolve));
    if (!server.up) return { outcome: OUTCOME.RETRY };
    server.received.push(structuredClone(change));
    return { outcome: OUTCOME.SENT, result: { id: change.id } };
  };
  return server;
}

// No real timers: a retry is scheduled, and the test decides when it fires.
function manualTimers() {
  const timers = { pending: [] };
  timers.setTimeout = (fn) => { timers.pending.push(fn); return timers.pending.length; };
  timers.clearTimeout = () => {};
  timers.fire = () => { const due = timers.pending.splice(0); due.forEach((fn) => fn()); };
  return timers;
}

const create = (id, note = "") => ({ type: "create", id, articleId: "a1", body: { id, note, quote: { exact: "x" } } });

test("changes reach the companion in the order they were made", async () => {
  const server = companion();
  const outbox = new Outbox({ storage: memoryStorage(), send: server.send, timers: manualTimers() });
  await outbox.add(create("h1"));
  await outbox.add({ type: "delete", id: "h1", articleId: "a1" });
  await outbox.add({ type: "restore", id: "h1", articleId: "a1" });
  await outbox.flush();
  assert.deepEqual(server.received.map((c) => c.type), ["create", "delete", "restore"]);
  assert.deepEqual(await outbox.list(), []);
});

test("a note typed while the companion is down is kept and sent when it is back", async () => {
  const server = companion();
  const timers = manualTimers();
  const waiting = [];
  const outbox = new Outbox({ storage: memoryStorage(), send: server.send, timers, onWaiting: (w) => waiting.push(w) });
  server.up = false;
  await outbox.add(create("h1"));
  await outbox.flush();
  for (const text of ["W", "Wh", "Who", "Who says?"]) await outbox.add({ type: "update", id: "h1", articleId: "a1", body: { note: text } });
  await outbox.flush();
  assert.deepEqual(server.received, []);
  assert.equal(timers.pending.length > 0, true, "a retry is scheduled");
  server.up = true;
  timers.fire();
  await outbox.flushing;
  assert.equal(server.received.length, 1, "key presses merged into the waiting create");
  assert.equal(server.received[0].body.note, "Who says?");
  assert.deepEqual(waiting, [true, false]);
});

test("what waits survives the page being closed: a new outbox on the same storage sends it", async () => {
  const storage = memoryStorage();
  const down = companion();
  down.up = false;
  const first = new Outbox({ storage, send: down.send, timers: manualTimers() });
  await first.add(create("h1"));
  await first.add({ type: "update", id: "h1", articleId: "a1", body: { note: "kept" } });
  await first.flush();
  first.stop(); // the tab is closed

  const server = companion();
  const reopened = new Outbox({ storage, send: server.send, timers: manualTimers() });
  assert.equal(await reopened.has("h1"), true);
  await reopened.flush();
  assert.equal(server.received[0].body.note, "kept");
  assert.deepEqual(storage.data[OUTBOX_KEY], []);
});

test("typing while a change is being sent is not lost with it", async () => {
  const storage = memoryStorage();
  const received = [];
  let release;
  const send = async (change) => {
    received.push(structuredClone(change));
    if (received.length === 1) await new Promise((resolve) => { release = resolve; });
    return { outcome: OUTCOME.SENT };
  };
  const outbox = new Outbox({ storage, send, timers: manualTimers() });
  await outbox.add({ type: "update", id: "h1", articleId: "a1", body: { note: "first" } });
  const flushing = outbox.flush();
  while (!release) await new Promise((resolve) => setImmediate(resolve));
  await outbox.add({ type: "update", id: "h1", articleId: "a1", body: { note: "first and more" } });
  release();
  await flushing;
  await outbox.flush();
  assert.deepEqual(received.map((c) => c.body.note), ["first", "first and more"]);
  assert.deepEqual(await outbox.list(), []);
});

test("a change the server refuses is dropped and reported, and the rest still go", async () => {
  const settled = [];
  const received = [];
  const send = async (change) => {
    received.push(change.id);
    return change.id === "bad" ? { outcome: OUTCOME.REJECTED, error: new Error("refused") } : { outcome: OUTCOME.SENT };
  };
  const outbox = new Outbox({ storage: memoryStorage(), send, timers: manualTimers(), onSettled: (c, a) => settled.push([c.id, a.outcome]) });
  await outbox.add(create("bad"));
  await outbox.add(create("good"));
  await outbox.flush();
  assert.deepEqual(received, ["bad", "good"]);
  assert.deepEqual(settled, [["bad", OUTCOME.REJECTED], ["good", OUTCOME.SENT]]);
  assert.deepEqual(await outbox.list(), []);
});

test("the reader shows waiting changes over the server's list: new, edited, deleted, undone", () => {
  const server = [
    { id: "s1", note: "old", position: { start: 0, end: 3 }, anchor: "anchored" },
    { id: "s2", note: "", position: { start: 5, end: 9 }, anchor: "moved" },
  ];
  const queue = [
    create("n1"),
    { type: "update", id: "s1", articleId: "a1", body: { note: "new" } },
    { type: "delete", id: "s2", articleId: "a1" },
    { type: "create", id: "other", articleId: "a2", body: { id: "other" } },
  ];
  const shown = applyWaiting(server, queue, "a1");
  assert.deepEqual(shown.map((h) => h.id).sort(), ["n1", "s1"]);
  assert.equal(shown.find((h) => h.id === "s1").note, "new");
  assert.equal(shown.find((h) => h.id === "s1").pending, true);
  const undone = applyWaiting(server, [...queue, { type: "restore", id: "s2", articleId: "a1" }], "a1");
  assert.equal(undone.find((h) => h.id === "s2").anchor, "moved");
});

test("changes queued by the previous version of the extension (without numbers) are all sent", async () => {
  const legacy = [create("h1"), { type: "update", id: "h1", articleId: "a1", body: { note: "old note" } }, create("h2")];
  const server = companion();
  const outbox = new Outbox({ storage: memoryStorage({ [OUTBOX_KEY]: legacy }), send: server.send, timers: manualTimers() });
  await outbox.flush();
  assert.deepEqual(server.received.map((c) => `${c.type} ${c.id}`), ["create h1", "update h1", "create h2"]);
  assert.deepEqual(await outbox.list(), []);
});

/** storage.local with the latency of a real one: reads and writes of two pages interleave. */
function slowStorage() {
  const storage = memoryStorage();
  const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
  return { data: storage.data, get: async (k) => { await tick(); return storage.get(k); }, set: async (i) => { await tick(); return storage.set(i); } };
}

/** What navigator.locks gives every page of the extension: one holder of a name at a time. */
function sharedLocks() {
  let tail = Promise.resolve();
  return { request: (name, fn) => { const run = tail.then(fn); tail = run.catch(() => {}); return run; } };
}

async function twoTabsAdd(locks) {
  const storage = slowStorage();
  const tabs = [1, 2].map(() => new Outbox({ storage, send: companion().send, timers: manualTimers(), locks }));
  await Promise.all(tabs.flatMap((tab, t) => Array.from({ length: 10 }, (_, i) => tab.add(create(`t${t}-h${i}`)))));
  return tabs[0].list();
}

test("two reader tabs writing to the outbox at once lose nothing (the browser's Web Locks)", async () => {
  assert.equal((await twoTabsAdd(sharedLocks())).length, 20);
});
