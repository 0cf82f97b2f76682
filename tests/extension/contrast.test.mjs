// node --test: WCAG 2.2 contrast of every mark in every theme, computed from the stylesheets
// themselves (the theme variables of lib/theme.css and the colour-mix formulas the reader's marks
// use in reader.css), so a colour edit that makes a mark hard to read fails here.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { HIGHLIGHT_LABELS, KINDS } from "../../extension/lib/contract.js";

const THEME_CSS = readFileSync(new URL("../../extension/lib/theme.css", import.meta.url), "utf8");
const CSS = readFileSync(new URL("../../extension/reader/reader.css", import.meta.url), "utf8");
const AA = 4.5;

function block(selector) {
  const at = THEME_CSS.indexOf(`${selector} {`);
  assert.notEqual(at, -1, `theme.css has no "${selector}" block`);
  const body = THEME_CSS.slice(THEME_CSS.indexOf("{", at) + 1, THEME_CSS.indexOf("}", at));
  return Object.fromEntries([...body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

const LIGHT = block(':root, [data-theme="light"]');
const THEMES = {
  light: LIGHT,
  sepia: { ...LIGHT, ...block('[data-theme="sepia"]') },
  dark: { ...LIGHT, ...block('[data-theme="dark"]') },
};

function rgb(value) {
  const hex = value.match(/^#([0-9a-f]{6})$/i);
  assert.ok(hex, `not a #rrggbb colour: ${value}`);
  return [0, 2, 4].map((i) => parseInt(hex[1].slice(i, i + 2), 16));
}

/** color-mix(in srgb, a p%, b): the same sRGB interpolation the browser does. */
const mix = (a, b, share) => a.map((c, i) => c * share + b[i] * (1 - share));

function luminance([r, g, b]) {
  const lin = (c) => { const s = c / 255; return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

// The formulas of the marks, read from the rules that draw them.
const TINT_RULE = /background: color-mix\(in srgb, var\(--k\) var\(--tint\), var\(--bg\)\)/;
const PENDING_RULE = /color-mix\(in srgb, var\(--hl\) (\d+)%, var\(--bg\)\)/;

test("the marks are drawn with the theme variables this test checks", () => {
  assert.match(CSS, TINT_RULE);
  assert.match(CSS, PENDING_RULE);
  assert.match(CSS, /text-decoration: underline 1\.5px var\(--k\)/);
  assert.match(CSS, /mark\.sl-highlight \{ --hl: var\(--hl-plain\); background: var\(--hl\); color: var\(--fg\)/);
});

for (const [theme, vars] of Object.entries(THEMES)) {
  const color = (name) => rgb(vars[name]);
  const bg = color("--bg");
  const panel = color("--panel");
  const tint = parseFloat(vars["--tint"]) / 100;

  test(`${theme}: body text, muted text and links are readable`, () => {
    for (const name of ["--fg", "--muted", "--accent"]) {
      for (const [where, back] of [["page", bg], ["panel", panel]]) {
        const ratio = contrast(color(name), back);
        assert.ok(ratio >= AA, `${name} on the ${where}: ${ratio.toFixed(2)}:1`);
      }
    }
  });

  for (const kind of KINDS) {
    test(`${theme}: the ${kind.id} mark stands out at ≥ 4.5:1`, () => {
      const mark = color(`--k-${kind.id}`);
      for (const [where, back] of [["page", bg], ["panel", panel], ["tinted background", mix(mark, bg, tint)]]) {
        const ratio = contrast(mark, back);
        assert.ok(ratio >= AA, `${kind.id} mark on the ${where}: ${ratio.toFixed(2)}:1`);
      }
      const text = contrast(color("--fg"), mix(mark, bg, tint));
      assert.ok(text >= AA, `text on the ${kind.id} tint: ${text.toFixed(2)}:1`);
    });
  }

  for (const label of [{ id: "plain" }, ...HIGHLIGHT_LABELS]) {
    test(`${theme}: text on a ${label.id} highlight is readable, saved or not`, () => {
      const hl = color(`--hl-${label.id}`);
      const share = Number(CSS.match(PENDING_RULE)[1]) / 100;
      for (const [what, back] of [["saved", hl], ["pending stripe", mix(hl, bg, share)]]) {
        const ratio = contrast(color("--fg"), back);
        assert.ok(ratio >= AA, `text on a ${what} ${label.id} highlight: ${ratio.toFixed(2)}:1`);
      }
    });
  }
}

// The notebook's charts (notebook/notebook.css): letters drawn on the kinds' fills are readable.
// A kind's letter is the page colour on the kind's colour (the same pair as a mark on the page,
// checked above); the writer's own sentences are a pale grey with the text colour on it.
const NOTEBOOK_CSS = readFileSync(new URL("../../extension/notebook/notebook.css", import.meta.url), "utf8");
const PALE_RULE = /\.kind-fill\[data-kind="unattributed"\] \{ fill: color-mix\(in srgb, var\(--k-unattributed\) (\d+)%, var\(--bg\)\); \}/;

test("the notebook draws letters in the colours this test checks", () => {
  assert.match(NOTEBOOK_CSS, PALE_RULE);
  assert.match(NOTEBOOK_CSS, /\.kind-letter \{ font: [^;]+; fill: var\(--bg\);/);
  assert.match(NOTEBOOK_CSS, /\.kind-letter\[data-kind="unattributed"\] \{ fill: var\(--fg\); \}/);
});

for (const [theme, vars] of Object.entries(THEMES)) {
  test(`${theme}: the letter on the notebook's unattributed segment is readable`, () => {
    const share = Number(NOTEBOOK_CSS.match(PALE_RULE)[1]) / 100;
    const pale = mix(rgb(vars["--k-unattributed"]), rgb(vars["--bg"]), share);
    const ratio = contrast(rgb(vars["--fg"]), pale);
    assert.ok(ratio >= AA, `text on the pale unattributed fill: ${ratio.toFixed(2)}:1`);
  });
}
