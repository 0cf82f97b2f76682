// Pairing: where the companion runs and its token, checked before they are saved.
import { CompanionApi } from "../lib/api.js";
import { DEFAULT_SERVER_URL, ext, loadSettings, saveSettings } from "../lib/browser.js";
import { describeError } from "../lib/errors.js";

const $ = (id) => document.getElementById(id);

function report(message, ok) {
  $("result").textContent = message;
  $("result").className = ok ? "ok" : "error";
}

function isLoopback(url) {
  return ["127.0.0.1", "localhost", "[::1]"].includes(new URL(url).hostname);
}

/** A companion elsewhere than this machine needs the permission to reach its address. */
async function ensureHostPermission(serverUrl) {
  if (isLoopback(serverUrl)) return true;
  const origins = [`${new URL(serverUrl).origin}/*`];
  return ext.permissions.request({ origins });
}

async function check(serverUrl, token) {
  const api = new CompanionApi({ serverUrl, token });
  const health = await api.health();
  await api.checkPairing();
  return health;
}

async function onSubmit(event, save) {
  event?.preventDefault();
  const serverUrl = ($("server-url").value.trim() || DEFAULT_SERVER_URL).replace(/\/+$/, "");
  const token = $("token").value.trim();
  try {
    new URL(serverUrl);
  } catch {
    report("The companion address is not a URL (for example http://127.0.0.1:8765).", false);
    return;
  }
  if (!(await ensureHostPermission(serverUrl))) {
    report("Without the permission to reach that address the extension cannot talk to the companion.", false);
    return;
  }
  report("Checking…", true);
  try {
    const health = await check(serverUrl, token);
    if (save) await saveSettings({ serverUrl, token });
    report(`${save ? "Paired" : "Connected"}: sourcelight ${health.version} at ${serverUrl}.`, true);
  } catch (error) {
    const { message, hint } = describeError(error);
    report(`${message} ${hint}`, false);
  }
}

async function main() {
  const settings = await loadSettings();
  $("server-url").value = settings.serverUrl;
  $("token").value = settings.token;
  $("pairing").addEventListener("submit", (event) => onSubmit(event, true));
  $("test").addEventListener("click", () => onSubmit(null, false));
}

main();
