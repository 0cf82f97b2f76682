// A stand-in for the browser's i18n API in node: the English catalogue, with $1… substitution
// through named placeholders as the browser does it. Import this before any extension module.
import { readFileSync } from "node:fs";

export function catalogue(lang) {
  return JSON.parse(readFileSync(new URL(`../../extension/_locales/${lang}/messages.json`, import.meta.url), "utf8"));
}

/** What browser.i18n.getMessage returns for `entry` with these substitutions. */
export function format(entry, substitutions = []) {
  if (!entry) return "";
  return entry.message.replace(/\$(\w+)\$/g, (_, name) => {
    const placeholder = entry.placeholders && entry.placeholders[name.toLowerCase()];
    if (!placeholder) return "";
    return placeholder.content.replace(/\$(\d)/g, (__, n) => substitutions[Number(n) - 1] ?? "");
  });
}

const english = catalogue("en");
globalThis.chrome = {
  i18n: {
    getMessage: (key, substitutions) => format(english[key], [].concat(substitutions ?? [])),
    getUILanguage: () => "en",
  },
};
