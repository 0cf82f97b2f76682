// Interface text in the browser's language, from _locales/<lang>/messages.json through the
// WebExtensions i18n API (English when the browser's language has no catalogue). Pages mark
// their static text with data-i18n="key" (text) and data-i18n-attr="attr:key;attr:key".
import { ext } from "./browser.js";

/** The message `key` with its $1… substitutions; the key itself if the catalogue lacks it. */
export function t(key, ...substitutions) {
  const text = ext && ext.i18n ? ext.i18n.getMessage(key, substitutions.map(String)) : "";
  return text || key;
}

/** A highlight label's name ("needs-source" → "Needs a source"). */
export const labelName = (id) => t(`label_${String(id).replace(/-/g, "_")}`);

/** A claim kind's name ("named_person" → "Named person"). */
export const kindName = (id) => t(`kind_${id}`);

/** Fills the page's marked text and attributes, and says which language the page is in. */
export function localizePage(root = document) {
  for (const element of root.querySelectorAll("[data-i18n]")) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll("[data-i18n-attr]")) {
    for (const pair of element.dataset.i18nAttr.split(";")) {
      const [attribute, key] = pair.split(":");
      element.setAttribute(attribute.trim(), t(key.trim()));
    }
  }
  if (ext && ext.i18n && root === document) document.documentElement.lang = t("@@ui_locale").replace("_", "-");
}
