// node --test: the API client turns every way the companion can fail into a message with a next step.
import assert from "node:assert/strict";
import { test } from "node:test";

import "./fake-i18n.mjs";

import { CompanionApi } from "../../extension/lib/api.js";
import { NotPaired, ServerUnreachable, describeError, isRetryable } from "../../extension/lib/errors.js";

function respond(status, body) {
  return async () => new Response(body === undefined ? "" : JSON.stringify(body), { status });
}

test("requests carry the token and JSON body to the API prefix", async () => {
  let seen;
  const api = new CompanionApi({
    serverUrl: "http://127.0.0.1:8765/",
    token: "tok",
    fetchImpl: async (url, init) => { seen = { url, init }; return new Response("{\"id\":\"a1\"}", { status: 201 }); },
  });
  const article = await api.annotate({ url: "https://e.example/", html: "<p>x</p>", title: "T", lang: "en" });
  assert.equal(article.id, "a1");
  assert.equal(seen.url, "http://127.0.0.1:8765/api/v1/articles");
  assert.equal(seen.init.headers.Authorization, "Bearer tok");
  assert.equal(JSON.parse(seen.init.body).url, "https://e.example/");
  assert.equal(seen.init.credentials, "omit");
});

test("a server that is not running says how to start it", async () => {
  const api = new CompanionApi({ serverUrl: "http://127.0.0.1:1", token: "t", fetchImpl: async () => { throw new TypeError("Failed to fetch"); } });
  await assert.rejects(api.health(), (error) => {
    assert.ok(error instanceof ServerUnreachable);
    assert.match(describeError(error).hint, /sourcelight serve/);
    return true;
  });
});

test("a wrong token says how to pair again", async () => {
  const api = new CompanionApi({ serverUrl: "http://x", token: "bad", fetchImpl: respond(401, { error: { code: "unauthorized", message: "no" } }) });
  await assert.rejects(api.checkPairing(), (error) => {
    assert.ok(error instanceof NotPaired);
    assert.match(describeError(error).hint, /sourcelight token/);
    return true;
  });
});

test("the server's own message is shown, in sentence case, for an error the extension has no words for", async () => {
  const body = { error: { code: "validation_error", message: "invalid or missing fields: url" } };
  const api = new CompanionApi({ serverUrl: "http://x", token: "t", fetchImpl: respond(422, body) });
  await assert.rejects(api.annotate({ url: "u", html: "h" }), (error) => {
    assert.equal(error.status, 422);
    assert.equal(describeError(error).message, "Invalid or missing fields: url.");
    return true;
  });
});

test("a page without an article is explained in the reader's words, and retrying is not offered", async () => {
  const body = { error: { code: "no_article", message: "no article text was found on this page" } };
  const api = new CompanionApi({ serverUrl: "http://x", token: "t", fetchImpl: respond(422, body) });
  await assert.rejects(api.annotate({ url: "u", html: "h" }), (error) => {
    assert.match(describeError(error).message, /^No article was found on this page/);
    assert.equal(isRetryable(error), false);
    return true;
  });
});

test("trying again is offered when the companion is down, busy or says a retry can help", async () => {
  const down = new CompanionApi({ serverUrl: "http://x", token: "t", fetchImpl: async () => { throw new TypeError("Failed to fetch"); } });
  await assert.rejects(down.health(), (error) => isRetryable(error));
  const busy = new CompanionApi({ serverUrl: "http://x", token: "t", fetchImpl: respond(503, { error: { code: "processing_timeout", message: "too slow" } }) });
  await assert.rejects(busy.annotate({ url: "u", html: "h" }), (error) => isRetryable(error));
  const says = new CompanionApi({ serverUrl: "http://x", token: "t", fetchImpl: respond(422, { error: { code: "x", message: "m", retryable: true } }) });
  await assert.rejects(says.annotate({ url: "u", html: "h" }), (error) => isRetryable(error));
  const refuses = new CompanionApi({ serverUrl: "http://x", token: "t", fetchImpl: respond(503, { error: { code: "x", message: "m", retryable: false } }) });
  await assert.rejects(refuses.annotate({ url: "u", html: "h" }), (error) => !isRetryable(error));
});

test("a wrong token is not something trying again fixes", async () => {
  const api = new CompanionApi({ serverUrl: "http://x", token: "bad", fetchImpl: respond(401, {}) });
  await assert.rejects(api.checkPairing(), (error) => !isRetryable(error));
});

test("a server that is too slow is reported as a timeout", async () => {
  const api = new CompanionApi({
    serverUrl: "http://x", token: "t",
    fetchImpl: (url, init) => new Promise((_, reject) => init.signal.addEventListener("abort", () => reject(Object.assign(new Error("aborted"), { name: "AbortError" })))),
  });
  await assert.rejects(api.request("GET", "/health", { timeout: 0.05 }), /did not answer within/);
});

test("the notebook's calls send only the filters that are set, and a source key as one path segment", async () => {
  const seen = [];
  const api = new CompanionApi({ serverUrl: "http://127.0.0.1:8765", token: "t",
    fetchImpl: async (url) => { seen.push(url); return new Response("{}", { status: 200 }); } });
  await api.library({ q: "ceasefire talks", site: "", kind: "anonymous", min_share: 0.25, offset: 0, limit: 25 });
  await api.libraryTrends({ site: "harbour-gazette.com", since: "", until: "2026-11-30" });
  await api.sources({ q: "", kind: "anonymous", offset: 25 });
  await api.source("anonymous:a senior official/x");
  assert.deepEqual(seen, [
    "http://127.0.0.1:8765/api/v1/library?q=ceasefire+talks&kind=anonymous&min_share=0.25&limit=25",
    "http://127.0.0.1:8765/api/v1/library/trends?site=harbour-gazette.com&until=2026-11-30",
    "http://127.0.0.1:8765/api/v1/sources?kind=anonymous&offset=25",
    "http://127.0.0.1:8765/api/v1/sources/anonymous%3Aa%20senior%20official%2Fx",
  ]);
});

test("an export comes back as the bytes the server sent (a zip of notes stays a zip)", async () => {
  const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x80, 0xfe]);
  let seen;
  const api = new CompanionApi({
    serverUrl: "http://x", token: "t",
    fetchImpl: async (url) => { seen = url; return new Response(zip, { status: 200, headers: { "Content-Type": "application/zip" } }); },
  });
  const blob = await api.exportFile("sourcing-csv", { scope: "articles" });
  assert.deepEqual(new Uint8Array(await blob.arrayBuffer()), zip);
  assert.equal(seen, "http://x/api/v1/export?format=sourcing-csv&scope=articles");
});

test("a refused export is a typed error, not a file", async () => {
  const api = new CompanionApi({ serverUrl: "http://x", token: "t",
    fetchImpl: respond(422, { error: { code: "validation_error", message: "invalid or missing fields: scope" } }) });
  await assert.rejects(api.exportFile("sourcing-csv", { scope: "rows" }), (error) => {
    assert.match(error.message, /scope/);
    return true;
  });
});

test("what changed since and the read mark go to the article's routes", async () => {
  const seen = [];
  const api = new CompanionApi({ serverUrl: "http://x", token: "t",
    fetchImpl: async (url, init) => { seen.push([init.method, url, init.body]); return new Response(init.method === "GET" ? "{\"changed\":false}" : null, { status: init.method === "GET" ? 200 : 204 }); } });
  assert.deepEqual(await api.articleChanges("a/1"), { changed: false });
  await api.markRead("a/1", 3);
  assert.deepEqual(seen, [["GET", "http://x/api/v1/articles/a%2F1/changes", undefined],
    ["POST", "http://x/api/v1/articles/a%2F1/read", "{\"version\":3}"]]);
});
