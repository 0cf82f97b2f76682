// node --test: the interface text. Every language has every message, with the same
// substitutions; every key the extension asks for exists; messages are in sentence case.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { test } from "node:test";

import { catalogue, format } from "./fake-i18n.mjs";
import { HIGHLIGHT_LABELS, KINDS } from "../../extension/lib/contract.js";

const EXTENSION = new URL("../../extension/", import.meta.url);
const LANGUAGES = ["en", "de", "fr", "es", "ru"];
const english = catalogue("en");

function sources(dir = EXTENSION) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const url = new URL(entry.name + (entry.isDirectory() ? "/" : ""), dir);
    if (entry.isDirectory() && entry.name !== "_locales") files.push(...sources(url));
    else if (/\.(js|html|json)$/.test(entry.name)) files.push({ name: url.pathname, text: readFileSync(url, "utf8") });
  }
  return files;
}

/** Message keys the code and pages use: t("key"), data-i18n, data-i18n-attr, __MSG_key__. */
function usedKeys() {
  const keys = new Set();
  for (const { name, text } of sources()) {
    for (const m of text.matchAll(/\bt\(\s*"([\w@]+)"/g)) keys.add(m[1]);
    if (!name.endsWith(".html")) continue;
    for (const m of text.matchAll(/data-i18n="(\w+)"/g)) keys.add(m[1]);
    for (const m of text.matchAll(/data-i18n-attr="([^"]+)"/g)) for (const pair of m[1].split(";")) keys.add(pair.split(":")[1]);
  }
  for (const { text } of sources()) {
    for (const m of text.matchAll(/__MSG_(\w+)__/g)) keys.add(m[1]);
    for (const m of text.matchAll(/:\s*"(unreadable\w+|hint\w+|error\w+)"/g)) keys.add(m[1]);
  }
  for (const kind of KINDS) keys.add(`kind_${kind.id}`);
  keys.add("kind_none");
  for (const label of HIGHLIGHT_LABELS) keys.add(`label_${label.id.replace(/-/g, "_")}`);
  return keys;
}

test("every message key the extension uses is in the English catalogue", () => {
  const missing = [...usedKeys()].filter((key) => !key.startsWith("@@") && !(key in english));
  assert.deepEqual(missing, []);
});

test("no English message is left unused", () => {
  const used = usedKeys();
  assert.deepEqual(Object.keys(english).filter((key) => !used.has(key)), []);
});

test("English messages are in sentence case and end sentences with a stop", () => {
  for (const [key, entry] of Object.entries(english)) {
    const text = entry.message;
    // Product and command names are written as they are typed (sourcelight, sourcelight serve).
    if (/^(sourcelight|\(|[A-Z]\+|Aa)/.test(text) || /^[^A-Za-z]/.test(text)) continue;
    assert.match(text, /^[A-Z]/, `${key} starts in lower case: ${text}`);
    const sentences = text.replace(/\$\w+\$/g, "").split(/[.:?!]\s+/);
    const words = sentences.flatMap((s) => s.split(/\s+/).slice(1)).filter((w) => /^[A-Z][a-z]/.test(w));
    const allowed = /^(Markdown|Web|Annotation|JSON-LD|CSV|HTTP|Pair|Esc|SOURCELIGHT_\w+|PDF|Reuters|URL|Obsidian|Logseq)/;
    assert.deepEqual(words.filter((w) => !allowed.test(w)), [], `${key} is in title case: ${text}`);
  }
});

for (const lang of LANGUAGES.slice(1)) {
  test(`${lang}: every message is translated, with the same substitutions`, () => {
    const messages = catalogue(lang);
    assert.deepEqual(Object.keys(messages).sort(), Object.keys(english).sort());
    for (const [key, entry] of Object.entries(english)) {
      const args = (e) => Object.keys(e.placeholders || {}).sort();
      assert.deepEqual(args(messages[key]), args(entry), `${lang} ${key}: substitutions differ`);
      assert.ok(messages[key].message.trim(), `${lang} ${key} is empty`);
      for (const name of args(entry)) assert.ok(format(messages[key], ["X1", "X2"]).includes(name === "arg1" ? "X1" : "X2"), `${lang} ${key} drops $${name}$`);
    }
  });

  test(`${lang}: messages start as sentences do`, () => {
    for (const [key, entry] of Object.entries(catalogue(lang))) {
      const text = entry.message;
      if (/^(sourcelight|\(|Aa)/.test(text) || !/^\p{L}/u.test(text)) continue;
      assert.match(text, /^\p{Lu}/u, `${lang} ${key} starts in lower case: ${text}`);
    }
  });

  test(`${lang}: the interface is really translated, not English copied`, () => {
    const messages = catalogue(lang);
    // Short names that may be the same word in both languages (Sepia, Markdown…) aside.
    const same = Object.keys(english).filter((key) => english[key].message.length > 12 && messages[key].message === english[key].message
      && !/sourcelight|JSON-LD|http/.test(english[key].message));
    assert.deepEqual(same, []);
  });
}
