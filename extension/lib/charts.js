// The notebook's charts, drawn as accessible SVG: each chart is an image with a title and a
// description (role="img", aria-labelledby, aria-describedby), its kinds told apart by colour,
// letter and pattern, and its numbers in a table a button shows. Layout arithmetic is in
// scales.js; colours come from the theme's variables (lib/theme.css) through notebook.css.
import { KIND_LETTERS } from "./kinds.js";
import { bands, linearScale, niceTicks, stackSegments } from "./scales.js";

const SVG = "http://www.w3.org/2000/svg";
const PATTERNS_ID = "sl-chart-patterns";

/** An SVG element with attributes and children (strings become text). */
export function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined && value !== null) element.setAttribute(name, String(value));
  for (const child of children.flat()) if (child !== null && child !== undefined) element.append(child);
  return element;
}

/**
 * The hatch (anonymous) and dot (vague) patterns, defined once per page: the kinds a reader
 * should weigh first look different from the others in grey scale and to colour-blind readers.
 */
export function ensurePatterns() {
  if (document.getElementById(PATTERNS_ID)) return;
  const hatch = svg("pattern", { id: "sl-pattern-anonymous", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
    svg("rect", { class: "kind-fill", "data-kind": "anonymous", width: 6, height: 6 }),
    svg("rect", { class: "pattern-gap", width: 2, height: 6 }));
  const dots = svg("pattern", { id: "sl-pattern-vague", width: 5, height: 5, patternUnits: "userSpaceOnUse" },
    svg("rect", { class: "kind-fill", "data-kind": "vague", width: 5, height: 5 }),
    svg("circle", { class: "pattern-gap", cx: 2.5, cy: 2.5, r: 1.1 }));
  const holder = svg("svg", { id: PATTERNS_ID, width: 0, height: 0, "aria-hidden": "true", focusable: "false", class: "patterns" }, svg("defs", {}, hatch, dots));
  document.body.prepend(holder);
}

let chartCount = 0;

/** An SVG image of `width`×`height` user units with its accessible name and description. */
function chartSvg(width, height, { title, description, className }) {
  chartCount += 1;
  const titleId = `chart-title-${chartCount}`;
  const descId = `chart-desc-${chartCount}`;
  return svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": titleId, "aria-describedby": descId, class: className },
    svg("title", { id: titleId }, title), svg("desc", { id: descId }, description));
}

/** The segments of one 100 % bar: a rect per kind, its letter inside when there is room. */
function stackedBar(byKind, { x, y, length, thickness, vertical = false, letters = true, describe }) {
  const group = svg("g", { class: "stack" });
  for (const part of stackSegments(byKind, length, { gap: 1 })) {
    const size = part.end - part.start;
    const box = vertical
      ? { x, y: y + length - part.end, width: thickness, height: size }
      : { x: x + part.start, y, width: size, height: thickness };
    const rect = svg("rect", { ...box, class: "kind-fill", "data-kind": part.kind });
    if (describe) rect.append(svg("title", {}, describe(part)));
    group.append(rect);
    if (letters && size >= 13 && thickness >= 13) {
      group.append(svg("text", { x: box.x + box.width / 2, y: box.y + box.height / 2, class: "kind-letter", "data-kind": part.kind,
        "text-anchor": "middle", "dominant-baseline": "central", "aria-hidden": "true" }, KIND_LETTERS[part.kind]));
    }
  }
  return group;
}

/** The small sourcing fingerprint of one article: a stacked bar of its claims by kind. */
export function fingerprint(byKind, { label, width = 160, height = 12 }) {
  ensurePatterns();
  const image = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": label, class: "fingerprint-bar" },
    svg("rect", { width, height, class: "bar-track" }));
  image.append(stackedBar(byKind, { x: 0, y: 0, length: width, thickness: height, letters: false }));
  return image;
}

/**
 * Columns of 100 % stacked bars (one per week): `rows` are {label, byKind}; the y axis is the
 * share of claims, with ticks at every 25 %.
 */
export function stackedColumns(rows, { title, description, formatShare, describe, width = CHART_WIDTH }) {
  ensurePatterns();
  const margin = { top: 10, right: 8, bottom: 30, left: 44 };
  const height = 240;
  const inner = { width: width - margin.left - margin.right, height: height - margin.top - margin.bottom };
  const image = chartSvg(width, height, { title, description, className: "chart" });
  const y = linearScale([0, 1], [margin.top + inner.height, margin.top]);
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    image.append(svg("line", { x1: margin.left, x2: width - margin.right, y1: y(tick), y2: y(tick), class: "grid" }),
      svg("text", { x: margin.left - 6, y: y(tick), class: "tick", "text-anchor": "end", "dominant-baseline": "central" }, formatShare(tick)));
  }
  const band = bands(rows.length, inner.width, 0.25);
  const every = Math.ceil(rows.length / Math.max(1, Math.floor(inner.width / 56))); // labels never overlap
  rows.forEach((row, index) => {
    const x = margin.left + band.start(index);
    image.append(stackedBar(row.byKind, { x, y: margin.top, length: inner.height, thickness: band.size, vertical: true,
      describe: describe && ((part) => describe(row, part)) }));
    if (index % every === 0) {
      image.append(svg("text", { x: x + band.size / 2, y: height - margin.bottom + 16, class: "tick", "text-anchor": "middle" }, row.label));
    }
  });
  return image;
}

/** Rows of 100 % stacked bars (one per outlet), their names on the left. */
export function stackedRows(rows, { title, description, formatShare, describe, width = CHART_WIDTH }) {
  ensurePatterns();
  const margin = { top: 24, right: 24, bottom: 8, left: labelRoom(width, 170) };
  const rowHeight = 26;
  const height = margin.top + margin.bottom + rows.length * rowHeight;
  const image = chartSvg(width, height, { title, description, className: "chart" });
  const length = width - margin.left - margin.right;
  const x = linearScale([0, 1], [margin.left, margin.left + length]);
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    image.append(svg("line", { x1: x(tick), x2: x(tick), y1: margin.top - 4, y2: height - margin.bottom, class: "grid" }),
      svg("text", { x: x(tick), y: margin.top - 10, class: "tick", "text-anchor": "middle" }, formatShare(tick)));
  }
  rows.forEach((row, index) => {
    const top = margin.top + index * rowHeight + 4;
    image.append(svg("text", { x: margin.left - 8, y: top + (rowHeight - 8) / 2, class: "row-label", "text-anchor": "end", "dominant-baseline": "central" }, clip(row.label, labelChars(margin.left))),
      stackedBar(row.byKind, { x: margin.left, y: top, length, thickness: rowHeight - 8, describe: describe && ((part) => describe(row, part)) }));
  });
  return image;
}

/**
 * Horizontal bars of counts (sources, outlets): `rows` are {label, value, kind?, variant?}; the
 * kind gives the colour and the letter after the label, a variant ("explained") a plain fill.
 */
export function countBars(rows, { title, description, formatCount, width = CHART_WIDTH }) {
  ensurePatterns();
  const margin = { top: 24, right: 40, bottom: 8, left: labelRoom(width, 230) };
  const rowHeight = 26;
  const height = margin.top + margin.bottom + Math.max(1, rows.length) * rowHeight;
  const image = chartSvg(width, height, { title, description, className: "chart" });
  const max = Math.max(1, ...rows.map((row) => row.value));
  const ticks = niceTicks(max, { count: 4, integer: true });
  const x = linearScale([0, ticks.at(-1)], [margin.left, width - margin.right]);
  for (const tick of ticks) {
    image.append(svg("line", { x1: x(tick), x2: x(tick), y1: margin.top - 4, y2: height - margin.bottom, class: "grid" }),
      svg("text", { x: x(tick), y: margin.top - 10, class: "tick", "text-anchor": "middle" }, formatCount(tick)));
  }
  rows.forEach((row, index) => {
    const top = margin.top + index * rowHeight + 4;
    const chars = labelChars(margin.left);
    const label = row.kind ? `${clip(row.label, chars - 4)} (${KIND_LETTERS[row.kind]})` : clip(row.label, chars);
    image.append(
      svg("text", { x: margin.left - 8, y: top + (rowHeight - 8) / 2, class: "row-label", "text-anchor": "end", "dominant-baseline": "central" }, label),
      svg("rect", { x: margin.left, y: top, width: Math.max(1, x(row.value) - margin.left), height: rowHeight - 8,
        class: row.variant ? `kind-fill ${row.variant}` : "kind-fill", "data-kind": row.kind || "media" }),
      svg("text", { x: x(row.value) + 6, y: top + (rowHeight - 8) / 2, class: "value", "dominant-baseline": "central" }, formatCount(row.value)));
  });
  return image;
}

/**
 * Charts are drawn at the width they are shown at (at most 720 px), so their 12 px text stays 12 px
 * on a narrow window instead of shrinking with the picture.
 */
const CHART_WIDTH = 720;

/** Room for the row labels: `wanted` on a wide chart, at most 40 % of a narrow one. */
function labelRoom(width, wanted) {
  return Math.min(wanted, Math.round(width * 0.4));
}

/** About how many characters of 12 px text fit in `room` pixels (the table has names in full). */
function labelChars(room) {
  return Math.max(8, Math.floor((room - 8) / 6.6));
}

/** A long name shortened for a chart label (the table beside the chart has it in full). */
function clip(text, length) {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/**
 * A table of the chart's numbers, hidden until its button is pressed: the chart's text
 * alternative for screen readers and for anyone who wants the figures.
 */
export function dataTable({ caption, columns, rows, id }) {
  const table = document.createElement("table");
  table.className = "data-table";
  const captionElement = table.createCaption();
  captionElement.textContent = caption;
  const head = table.createTHead().insertRow();
  columns.forEach((column) => {
    const cell = document.createElement("th");
    cell.scope = "col";
    cell.textContent = column.label;
    if (column.numeric) cell.className = "num";
    head.append(cell);
  });
  const body = table.createTBody();
  for (const row of rows) {
    const line = body.insertRow();
    row.forEach((value, index) => {
      const cell = document.createElement(index === 0 ? "th" : "td");
      if (index === 0) cell.scope = "row";
      if (columns[index].numeric) cell.className = "num";
      cell.append(value);
      line.append(cell);
    });
  }
  const wrapper = document.createElement("div");
  wrapper.className = "table-wrap";
  wrapper.id = id;
  wrapper.hidden = true;
  wrapper.append(table);
  return wrapper;
}

/** The button that shows and hides a chart's table (aria-expanded says which). */
export function tableToggle(table, { show, hide }) {
  const toggle = document.createElement("button");
  toggle.type = "button";
  toggle.className = "table-toggle";
  toggle.setAttribute("aria-controls", table.id);
  toggle.setAttribute("aria-expanded", "false");
  toggle.textContent = show;
  toggle.addEventListener("click", () => {
    table.hidden = !table.hidden;
    toggle.setAttribute("aria-expanded", String(!table.hidden));
    toggle.textContent = table.hidden ? show : hide;
  });
  return toggle;
}
