// node --test: the pure parts of the notebook: shares by kind, stacked segments, ticks and
// scales (lib/scales.js), and numbers, dates and filter queries (lib/format.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import "./fake-i18n.mjs";
import { addDays, formatDate, formatPercent, fromQuery, pageRange, toQuery } from "../../extension/lib/format.js";
import { KIND_IDS, KIND_LETTERS } from "../../extension/lib/kinds.js";
import { bands, kindShares, linearScale, niceTicks, shareOf, stackSegments } from "../../extension/lib/scales.js";

test("every kind of the taxonomy has its own letter", () => {
  assert.deepEqual(Object.keys(KIND_LETTERS).sort(), [...KIND_IDS].sort());
  assert.equal(new Set(Object.values(KIND_LETTERS)).size, KIND_IDS.length);
});

test("shares by kind add up to one and keep the taxonomy's order", () => {
  const shares = kindShares({ anonymous: 3, named_person: 1, unattributed: 4 });
  assert.deepEqual(shares.map((s) => s.kind), KIND_IDS);
  assert.equal(shares.reduce((sum, s) => sum + s.share, 0), 1);
  assert.equal(shareOf({ anonymous: 3, named_person: 1, unattributed: 4 }, "anonymous"), 0.375);
});

test("an article without claims has no shares rather than NaN", () => {
  assert.ok(kindShares({}).every((s) => s.share === 0));
  assert.deepEqual(stackSegments({}, 100), []);
});

test("stacked segments fill the bar exactly, in order, with the gaps between them", () => {
  const segments = stackSegments({ named_person: 1, anonymous: 2, vague: 1 }, 102, { gap: 1 });
  assert.deepEqual(segments.map((s) => s.kind), ["named_person", "anonymous", "vague"]);
  assert.equal(segments[0].start, 0);
  assert.equal(segments.at(-1).end, 102);
  assert.equal(segments[1].start - segments[0].end, 1);
  assert.equal(segments[1].end - segments[1].start, 50); // 2 of 4 claims, of the 100 px left after two gaps
});

test("ticks are round numbers that reach the largest value", () => {
  assert.deepEqual(niceTicks(1), [0, 0.2, 0.4, 0.6, 0.8, 1]);
  assert.deepEqual(niceTicks(17), [0, 5, 10, 15, 20]);
  assert.deepEqual(niceTicks(3, { integer: true }), [0, 1, 2, 3]);
  assert.deepEqual(niceTicks(0.37), [0, 0.1, 0.2, 0.3, 0.4]);
  assert.deepEqual(niceTicks(0), [0, 1]);
});

test("a linear scale maps the domain onto the range, and a zero-width domain onto its start", () => {
  const x = linearScale([0, 20], [10, 210]);
  assert.equal(x(0), 10);
  assert.equal(x(5), 60);
  assert.equal(x(20), 210);
  assert.equal(linearScale([0, 0], [10, 210])(0), 10);
});

test("bands split a length evenly, each centred in its step", () => {
  const b = bands(4, 400, 0.25);
  assert.equal(b.step, 100);
  assert.equal(b.size, 75);
  assert.equal(b.start(2), 212.5);
});

test("percentages are whole, with one decimal for small shares, in the reader's language", () => {
  assert.equal(formatPercent(0.5, "en"), "50%");
  assert.equal(formatPercent(0.004, "en"), "0.4%");
  assert.equal(formatPercent(0, "en"), "0%");
  assert.equal(formatPercent(0.125, "de").replace(/\s/g, " "), "13 %");
  assert.equal(formatPercent(0.045, "fr").replace(/\s/g, " "), "4,5 %");
});

test("dates are shown in the reader's calendar, from a day or a date-time, and nothing from nothing", () => {
  assert.equal(formatDate("2026-11-16", "en"), "Nov 16, 2026");
  assert.equal(formatDate("2026-11-16T23:30:00Z", "de"), "16. Nov. 2026");
  assert.equal(formatDate("2026-11-16", "en", { year: false }), "Nov 16");
  assert.equal(formatDate("", "en"), "");
  assert.equal(formatDate("not a date", "en"), "");
});

test("filters become a stable query without empty values, and come back from it", () => {
  const keys = ["q", "site", "kind", "min_share", "offset"];
  const query = toQuery({ offset: 0, kind: "anonymous", q: "", site: "a.com", min_share: 0.25 }, keys);
  assert.equal(query, "site=a.com&kind=anonymous&min_share=0.25");
  assert.deepEqual(fromQuery(`?${query}&x=1`, keys), { q: "", site: "a.com", kind: "anonymous", min_share: "0.25", offset: "" });
  assert.equal(toQuery({ offset: 50 }, ["offset"]), "offset=50");
});

test("a page of results says which positions it shows", () => {
  assert.deepEqual(pageRange({ offset: 25, limit: 25, total: 134 }), { first: 26, last: 50 });
  assert.deepEqual(pageRange({ offset: 125, limit: 25, total: 134 }), { first: 126, last: 134 });
  assert.deepEqual(pageRange({ offset: 0, limit: 25, total: 0 }), { first: 0, last: 0 });
});

test("a week runs from its Monday to the Sunday six days later, across a month's end", () => {
  assert.equal(addDays("2026-11-30", 6), "2026-12-06");
  assert.equal(addDays("2026-03-23", 6), "2026-03-29"); // the week Europe moves its clocks
  assert.equal(addDays("2028-02-26", 6), "2028-03-03"); // a leap year
});
