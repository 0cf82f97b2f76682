// node --test: the anchoring module on text fixtures, including changed text and astral characters.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  anchorQuote, codePointToUtf16, selectorsFor, sliceCodePoints, utf16ToCodePoint,
} from "../../extension/lib/anchoring.js";

const ARTICLE = [
  "Tehran has been supplying its allies in Iraq with missiles, Reuters reported, citing anonymous sources.",
  "According to the media outlet, the reason was to build up deterrence.",
  "Iranian officials declined to comment on the report.",
].join("\n\n");

function select(text, exact, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(exact, at + 1);
  const start = utf16ToCodePoint(text, at);
  return selectorsFor(text, start, start + Array.from(exact).length);
}

test("offsets convert between UTF-16 and code points around an astral character", () => {
  const text = "Flood 🌊 warning issued";
  const utf16 = text.indexOf("warning");
  assert.equal(utf16, 9);
  assert.equal(utf16ToCodePoint(text, utf16), 8);
  assert.equal(codePointToUtf16(text, 8), 9);
  assert.equal(sliceCodePoints(text, 8, 15), "warning");
});

test("selectors carry 32 characters of context each side", () => {
  const selector = select(ARTICLE, "the reason was");
  assert.equal(selector.quote.exact, "the reason was");
  assert.equal(selector.quote.prefix, ARTICLE.slice(ARTICLE.indexOf("the reason was") - 32, ARTICLE.indexOf("the reason was")));
  assert.equal(selector.quote.suffix.length, 32);
});

test("unchanged text anchors where it was", () => {
  const selector = select(ARTICLE, "declined to comment");
  const anchor = anchorQuote(ARTICLE, selector);
  assert.equal(anchor.state, "anchored");
  assert.equal(ARTICLE.slice(anchor.start, anchor.end), "declined to comment");
});

test("text that moved is found again by quote", () => {
  const selector = select(ARTICLE, "declined to comment");
  const changed = "UPDATE: A new first paragraph was added.\n\n" + ARTICLE;
  const anchor = anchorQuote(changed, selector);
  assert.equal(anchor.state, "moved");
  assert.equal(sliceCodePoints(changed, anchor.start, anchor.end), "declined to comment");
});

test("a repeated quote goes to the occurrence whose context matches", () => {
  const text = "The report said yes. Later the report said no. Then the report said maybe.";
  const selector = select(text, "the report said", 1); // the one before "maybe"
  const changed = "Intro. " + text;
  const anchor = anchorQuote(changed, selector);
  assert.equal(sliceCodePoints(changed, anchor.end, anchor.end + 6), " maybe");
});

test("a slightly edited quote is found approximately", () => {
  const selector = select(ARTICLE, "the reason was to build up deterrence");
  const edited = ARTICLE.replace("the reason was to build up deterrence", "the reason was to build up its deterrence");
  const anchor = anchorQuote(edited, selector);
  assert.equal(anchor.state, "moved");
  assert.equal(edited.slice(anchor.start, anchor.end).startsWith("the reason was to build up"), true);
});

test("a quote that is gone is an orphan, not a wrong place", () => {
  const selector = select(ARTICLE, "declined to comment on the report");
  const rewritten = "A completely different article about the weather in Lisbon.\n\nSun all week.";
  assert.equal(anchorQuote(rewritten, selector).state, "orphaned");
});

test("positions after an emoji are code points, as the server counts them", () => {
  const text = "🌊🌊 Officials said the dam held.";
  const selector = select(text, "the dam held");
  assert.equal(selector.position.start, Array.from("🌊🌊 Officials said ").length);
  assert.equal(anchorQuote(text, selector).state, "anchored");
});
