// Where highlights sit in the article text. The companion owns anchoring: it re-finds every
// stored highlight in the article's latest text and says where it is now (`position`, in code
// points) and in which state (`anchor`: anchored, moved or orphaned). This module keeps only
// what needs JavaScript or the DOM: converting the browser's UTF-16 offsets to the server's
// code points (the one place that does it), selectors for a new selection, and turning offsets
// into DOM ranges and back through the reader's `sl-block` elements (each carries the offset
// of its text in the article as `data-start`).
import { MARKUP } from "./contract.js";

export const CONTEXT_CHARS = 32;

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

/** [start, end) in code points without leading and trailing white space, or null if nothing is left. */
export function trimWhitespace(text, start, end) {
  const chars = Array.from(text);
  while (start < end && /\s/.test(chars[start])) start++;
  while (end > start && /\s/.test(chars[end - 1])) end--;
  return end > start ? { start, end } : null;
}

/**
 * Where the reader should draw a highlight: the server's placement, or null for an orphan (its
 * passage is not in this text; the panel lists it, the article does not show it) and for a
 * placement in another version of the article's text than the one shown.
 */
export function placementOf(highlight, shownVersion = null) {
  if (highlight.orphaned || highlight.anchor === "orphaned") return null;
  if (shownVersion != null && highlight.version != null && highlight.version !== shownVersion) return null;
  return { start: highlight.position.start, end: highlight.position.end };
}

// -- DOM ---------------------------------------------------------------------------------------

function blockOf(node, root) {
  const element = node.nodeType === 1 ? node : node.parentElement;
  const block = element && element.closest(`.${MARKUP.BLOCK_CLASS}`);
  return block && root.contains(block) ? block : null;
}

/** Code point offset in the article text of a DOM point inside a block of `root`, or null. */
export function offsetOfPoint(root, node, offset) {
  const block = blockOf(node, root);
  if (!block) return null;
  const before = document.createRange();
  before.setStart(block, 0);
  before.setEnd(node, offset);
  return Number(block.getAttribute(MARKUP.ATTR_BLOCK_START)) + utf16ToCodePoint(block.textContent, before.toString().length);
}

/**
 * The article offsets of a DOM range, trimmed of white space. A range that starts or ends
 * between blocks (a drag that began in a margin) is clamped to the blocks it covers.
 */
export function offsetsOfRange(root, text, range) {
  const blocks = [...root.querySelectorAll(`.${MARKUP.BLOCK_CLASS}`)].filter((b) => range.intersectsNode(b));
  if (!blocks.length) return null;
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  const start = blockOf(range.startContainer, root) ? offsetOfPoint(root, range.startContainer, range.startOffset)
    : Number(first.getAttribute(MARKUP.ATTR_BLOCK_START));
  const end = blockOf(range.endContainer, root) ? offsetOfPoint(root, range.endContainer, range.endOffset)
    : Number(last.getAttribute(MARKUP.ATTR_BLOCK_START)) + Array.from(last.textContent).length;
  if (start === null || end === null || end <= start) return null;
  return trimWhitespace(text, start, end);
}

/**
 * The pieces of DOM text covering [start, end) code points: one [textNode, from, to] (UTF-16
 * offsets in the node) per text node, across blocks.
 */
export function textPieces(root, start, end) {
  const pieces = [];
  for (const block of root.querySelectorAll(`.${MARKUP.BLOCK_CLASS}`)) {
    const blockStart = Number(block.getAttribute(MARKUP.ATTR_BLOCK_START));
    const text = block.textContent;
    const blockEnd = blockStart + utf16ToCodePoint(text, text.length);
    if (end <= blockStart || start >= blockEnd) continue;
    const from = codePointToUtf16(text, Math.max(start, blockStart) - blockStart);
    const to = codePointToUtf16(text, Math.min(end, blockEnd) - blockStart);
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let offset = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const a = Math.max(from, offset);
      const b = Math.min(to, offset + node.data.length);
      if (a < b) pieces.push([node, a - offset, b - offset]);
      offset += node.data.length;
    }
  }
  return pieces;
}
