// Keys under which the background hands a captured page to the reader (storage.session).
export const captureKey = (tabId) => `capture:${tabId}`;

/** Why the extension could not read a tab, shown by the reader. */
export const UNREADABLE = Object.freeze({
  "browser-page": "Browser pages (settings, new tab, extensions) cannot be read.",
  "web-store": "The browser does not let extensions read its add-on store.",
  "not-html": "This is not a web page the extension can read (a PDF, an image or a download).",
  "no-access": "The browser did not let the extension read this page.",
  "no-capture": "Nothing to show: open a news page and press the sourcelight button there.",
});
