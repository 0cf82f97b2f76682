// The companion server's HTTP API, as the extension uses it. One place for the base URL,
// the token, timeouts and turning error answers into CompanionError values.
import { API_PREFIX } from "./contract.js";
import { ServerTimeout, ServerUnreachable, errorFromResponse } from "./errors.js";
import { toQuery } from "./format.js";

const DEFAULT_TIMEOUT_SECONDS = 30;
// Annotating a large page can take the server's whole time budget (10 s by default) and more.
const ANNOTATE_TIMEOUT_SECONDS = 60;

export class CompanionApi {
  constructor({ serverUrl, token, fetchImpl = globalThis.fetch.bind(globalThis) }) {
    this.serverUrl = serverUrl.replace(/\/+$/, "");
    this.token = token;
    this.fetch = fetchImpl;
  }

  async request(method, path, { body, timeout = DEFAULT_TIMEOUT_SECONDS, auth = true, raw = false } = {}) {
    const headers = {};
    if (auth && this.token) headers.Authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeout * 1000);
    let response;
    try {
      response = await this.fetch(`${this.serverUrl}${API_PREFIX}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
        credentials: "omit",
        cache: "no-store",
      });
    } catch (error) {
      if (error && error.name === "AbortError") throw new ServerTimeout(timeout);
      throw new ServerUnreachable(this.serverUrl);
    } finally {
      clearTimeout(timer);
    }
    if (raw === "blob" && response.ok) return response.blob();
    const text = await response.text();
    if (raw && response.ok) return text;
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }
    if (!response.ok) throw errorFromResponse(response.status, data);
    return data ?? text;
  }

  health() {
    return this.request("GET", "/health", { auth: false, timeout: 5 });
  }

  /** Checks the token with the cheapest authenticated call. */
  checkPairing() {
    return this.request("GET", "/articles?limit=1", { timeout: 5 });
  }

  annotate({ url, html, title, lang }) {
    return this.request("POST", "/articles", { body: { url, html, title, lang }, timeout: ANNOTATE_TIMEOUT_SECONDS });
  }

  listHighlights(articleId) {
    return this.request("GET", `/articles/${encodeURIComponent(articleId)}/highlights`);
  }

  createHighlight(articleId, highlight) {
    return this.request("POST", `/articles/${encodeURIComponent(articleId)}/highlights`, { body: highlight });
  }

  updateHighlight(id, changes) {
    return this.request("PATCH", `/highlights/${encodeURIComponent(id)}`, { body: changes });
  }

  deleteHighlight(id) {
    return this.request("DELETE", `/highlights/${encodeURIComponent(id)}`);
  }

  searchHighlights({ q = "", label = "", limit = 50 } = {}) {
    const query = new URLSearchParams({ limit: String(limit) });
    if (q) query.set("q", q);
    if (label) query.set("label", label);
    return this.request("GET", `/highlights?${query}`);
  }

  /** An export as a Blob, for a download (the notes for everything are a zip): format, and scope
   * for sourcing-csv. */
  exportFile(format, { scope = "", article = "" } = {}) {
    const query = new URLSearchParams({ format });
    if (scope) query.set("scope", scope);
    if (article) query.set("article", article);
    return this.request("GET", `/export?${query}`, { raw: "blob", timeout: 120 });
  }

  /** The library: stored articles newest first, filtered (q, site, kind + min_share, since, until, label, tag) and paged. */
  library(filters = {}) {
    return this.request("GET", `/library?${toQuery(filters)}`);
  }

  /** The library's sourcing by week and by site, the most relied-on sources and outlets (same filters). */
  libraryTrends(filters = {}) {
    return this.request("GET", `/library/trends?${toQuery(filters)}`);
  }

  /** The source ledger: sources across articles, most relied on first (q, kind, limit, offset). */
  sources(filters = {}) {
    return this.request("GET", `/sources?${toQuery(filters)}`);
  }

  /** One source: where it appears, article by article (newest first, paged), claim by claim. */
  source(key, paging = {}) {
    const query = toQuery(paging);
    return this.request("GET", `/sources/${encodeURIComponent(key)}${query ? `?${query}` : ""}`);
  }

  /** What changed in the article's sourcing since the version the reader last showed. */
  articleChanges(articleId) {
    return this.request("GET", `/articles/${encodeURIComponent(articleId)}/changes`);
  }

  /** Records that the reader showed this version of the article. */
  markRead(articleId, version) {
    return this.request("POST", `/articles/${encodeURIComponent(articleId)}/read`, { body: { version } });
  }

  restoreHighlight(id) {
    return this.request("POST", `/highlights/${encodeURIComponent(id)}/restore`);
  }
}
