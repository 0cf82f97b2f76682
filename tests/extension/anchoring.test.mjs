// node --test: what the extension still does about anchoring (the companion places stored
// highlights): code points ↔ UTF-16 with astral characters, selectors for a new selection,
// trimming, and trusting the server's placement.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  codePointToUtf16, placementOf, selectorsFor, sliceCodePoints, trimWhitespace, utf16ToCodePoint,
} from "../../extension/lib/anchoring.js";

const ARTICLE = [
  "Tehran has been supplying its allies in Iraq with missiles, Reuters reported, citing anonymous sources.",
  "According to the media outlet, the reason was to build up deterrence.",
].join("\n\n");

test("offsets convert between UTF-16 and code points around an astral character", () => {
  const text = "Flood 🌊 warning issued";
  const utf16 = text.indexOf("warning");
  assert.equal(utf16, 9);
  assert.equal(utf16ToCodePoint(text, utf16), 8);
  assert.equal(codePointToUtf16(text, 8), 9);
  assert.equal(sliceCodePoints(text, 8, 15), "warning");
});

test("an offset inside a surrogate pair does not count the pair's second half", () => {
  assert.equal(utf16ToCodePoint("🌊a", 1), 1);
  assert.equal(utf16ToCodePoint("🌊a", 2), 1);
  assert.equal(utf16ToCodePoint("🌊a", 3), 2);
});

test("selectors carry 32 code points of context each side", () => {
  const at = ARTICLE.indexOf("the reason was");
  const selector = selectorsFor(ARTICLE, at, at + "the reason was".length);
  assert.equal(selector.quote.exact, "the reason was");
  assert.equal(selector.quote.prefix, ARTICLE.slice(at - 32, at));
  assert.equal(selector.quote.suffix, ARTICLE.slice(at + 14, at + 14 + 32));
  assert.deepEqual(selector.position, { start: at, end: at + 14 });
});

test("positions after an emoji are code points, as the server counts them", () => {
  const text = "🌊🌊 Officials said the dam held.";
  const start = utf16ToCodePoint(text, text.indexOf("the dam held"));
  const selector = selectorsFor(text, start, start + 12);
  assert.equal(selector.position.start, Array.from("🌊🌊 Officials said ").length);
  assert.equal(selector.quote.exact, "the dam held");
  assert.equal(selector.quote.prefix, "🌊🌊 Officials said ");
});

test("a selection is trimmed of the white space around it", () => {
  assert.deepEqual(trimWhitespace("  a b  ", 0, 7), { start: 2, end: 5 });
  assert.equal(trimWhitespace("   ", 0, 3), null);
});

test("the server's placement is used as it is; an orphan is not drawn", () => {
  assert.deepEqual(placementOf({ anchor: "moved", orphaned: false, position: { start: 40, end: 52 } }), { start: 40, end: 52 });
  assert.equal(placementOf({ anchor: "orphaned", orphaned: true, position: { start: 40, end: 52 } }), null);
});


test("a placement in another version of the text than the one shown is not drawn", () => {
  const highlight = { anchor: "anchored", orphaned: false, version: 1, position: { start: 4, end: 9 } };
  assert.equal(placementOf(highlight, 2), null);
  assert.deepEqual(placementOf(highlight, 1), { start: 4, end: 9 });
  assert.deepEqual(placementOf({ ...highlight, version: undefined }, 2), { start: 4, end: 9 }); // made here, not yet saved
});
