// Keys under which the background hands a captured page to the reader (storage.session).
export const captureKey = (tabId) => `capture:${tabId}`;

/** Why the extension could not read a tab, shown by the reader: the message key of each reason. */
export const UNREADABLE = Object.freeze({
  "browser-page": "unreadableBrowserPage",
  "web-store": "unreadableWebStore",
  "not-html": "unreadableNotHtml",
  "no-access": "unreadableNoAccess",
  "no-capture": "unreadableNoCapture",
});

/** The id of the toolbar button's context-menu item that opens the sourcing notebook. */
export const NOTEBOOK_MENU_ID = "open-notebook";
