// Anchoring highlights in the article text: the one place that converts JavaScript's UTF-16
// offsets to the server's code point offsets, builds W3C TextQuote/TextPosition selectors,
// and re-finds a stored quote in a text that may have changed (position first, then the exact
// quote scored by context and position, then an approximate match), as Hypothesis does.

export const CONTEXT_CHARS = 32;
const MIN_SIMILARITY = 0.75;
const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };

/** Code points of `text` before the UTF-16 offset `offset`. */
export function utf16ToCodePoint(text, offset) {
  let points = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < offset) i++; // a surrogate pair counts once
    points++;
  }
  return points;
}

/** UTF-16 offset in `text` of the code point offset `points`. */
export function codePointToUtf16(text, points) {
  let i = 0;
  for (let seen = 0; seen < points && i < text.length; seen++) {
    const unit = text.charCodeAt(i);
    i += unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length ? 2 : 1;
  }
  return i;
}

/** `text` sliced by code point offsets. */
export function sliceCodePoints(text, start, end) {
  return text.slice(codePointToUtf16(text, start), codePointToUtf16(text, end));
}

/** Selectors for text[start:end] (code points), as the server stores them. */
export function selectorsFor(text, start, end) {
  return {
    quote: {
      exact: sliceCodePoints(text, start, end),
      prefix: sliceCodePoints(text, Math.max(0, start - CONTEXT_CHARS), start),
      suffix: sliceCodePoints(text, end, end + CONTEXT_CHARS),
    },
    position: { start, end },
  };
}

/**
 * Where a stored highlight is in `text` now: {start, end, state} in code points, state being
 * "anchored" (same place), "moved" (found elsewhere, exactly or approximately) or "orphaned"
 * (start/end are then the stored ones and must not be used).
 */
export function anchorQuote(text, { quote, position }) {
  const chars = Array.from(text);
  const exact = Array.from(quote.exact || "");
  const prefix = Array.from(quote.prefix || "");
  const suffix = Array.from(quote.suffix || "");
  const { start, end } = position;
  if (exact.length && same(chars, start, exact)) return { start, end: start + exact.length, state: "anchored" };
  const hits = occurrences(chars, exact);
  if (hits.length) {
    const best = maxBy(hits, (at) => score(chars, at, at + exact.length, exact, prefix, suffix, start));
    return { start: best, end: best + exact.length, state: "moved" };
  }
  const fuzzy = fuzzyAnchor(chars, exact, prefix, suffix, start);
  return fuzzy ?? { start, end, state: "orphaned" };
}

function same(chars, at, needle) {
  if (at < 0 || at + needle.length > chars.length) return false;
  for (let i = 0; i < needle.length; i++) if (chars[at + i] !== needle[i]) return false;
  return true;
}

function occurrences(chars, needle, limit = 1000) {
  const hits = [];
  if (!needle.length) return hits;
  for (let at = 0; at + needle.length <= chars.length && hits.length < limit; at++) {
    if (chars[at] === needle[0] && same(chars, at, needle)) hits.push(at);
  }
  return hits;
}

function maxBy(items, key) {
  let best = items[0];
  let bestKey = key(best);
  for (const item of items.slice(1)) {
    const k = key(item);
    if (k > bestKey) [best, bestKey] = [item, k];
  }
  return best;
}

/** 1 - edit distance / longer length. */
export function similarity(a, b) {
  if (a.length === 0 && b.length === 0) return 1;
  if (!a.length || !b.length) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return 1 - previous[b.length] / Math.max(a.length, b.length);
}

function score(chars, at, end, exact, prefix, suffix, hint) {
  const quote = similarity(chars.slice(at, end), exact);
  const before = prefix.length ? similarity(chars.slice(Math.max(0, at - prefix.length), at), prefix) : 1;
  const after = suffix.length ? similarity(chars.slice(end, end + suffix.length), suffix) : 1;
  const nearness = 1 - Math.min(1, Math.abs(at - hint) / Math.max(1, chars.length));
  return WEIGHTS.quote * quote + WEIGHTS.prefix * before + WEIGHTS.suffix * after + WEIGHTS.position * nearness;
}

function fuzzyAnchor(chars, exact, prefix, suffix, hint) {
  if (!exact.length || !chars.length) return null;
  const starts = new Set([Math.min(hint, chars.length - 1)]);
  const prefixTail = prefix.slice(-CONTEXT_CHARS);
  const suffixHead = suffix.slice(0, CONTEXT_CHARS);
  for (const at of occurrences(chars, prefixTail, 50)) starts.add(at + prefixTail.length);
  for (const at of occurrences(chars, suffixHead, 50)) starts.add(Math.max(0, at - exact.length));
  let best = null;
  for (const at of starts) {
    const ends = new Set([Math.min(chars.length, at + exact.length)]);
    const next = occurrences(chars.slice(at), suffixHead, 1)[0];
    if (next !== undefined && next <= 2 * exact.length) ends.add(at + next);
    for (const end of ends) {
      if (end <= at || similarity(chars.slice(at, end), exact) < MIN_SIMILARITY) continue;
      const s = score(chars, at, end, exact, prefix, suffix, hint);
      if (!best || s > best.score) best = { start: at, end, state: "moved", score: s };
    }
  }
  return best ? { start: best.start, end: best.end, state: best.state } : null;
}
