// The WebExtension namespace in Chrome and Firefox alike: Firefox has `browser` (and `chrome`),
// Chrome only `chrome`; both return promises from the MV3 APIs we use.
export const ext = globalThis.browser ?? globalThis.chrome;

export const DEFAULT_SERVER_URL = "http://127.0.0.1:8765";

/** Settings kept in extension storage: where the companion runs and the pairing token. */
export async function loadSettings() {
  const stored = await ext.storage.local.get({ serverUrl: DEFAULT_SERVER_URL, token: "" });
  return { serverUrl: stored.serverUrl || DEFAULT_SERVER_URL, token: stored.token || "" };
}

export async function saveSettings({ serverUrl, token }) {
  await ext.storage.local.set({ serverUrl, token });
}
