// The source ledger: every source the library's claims rest on, most relied on first (GET
// /sources), and one source across articles and outlets (GET /sources/<key>, ?key= here), each
// claim linked into the reader at that claim: "five outlets, one anonymous source via one agency".
import { KINDS } from "../lib/contract.js";
import { formatDate, formatNumber, fromQuery, pageRange, toQuery } from "../lib/format.js";
import { kindName, t } from "../lib/i18n.js";
import { KIND_LETTERS } from "../lib/kinds.js";
import { el, locale, readerHref, showProblem, startPage, swatch } from "./page.js";

const FILTERS = ["q", "kind"];
const PAGE_SIZE = 25;
const $ = (id) => document.getElementById(id);
const count = (value) => formatNumber(value, locale());

/** The kind in words, after its swatch and letter. */
function kindTag(kind) {
  return el("span", { className: "kind-tag" }, swatch(kind, 12), el("span", { "aria-hidden": "true" }, KIND_LETTERS[kind]), kindName(kind));
}

/** "12 claims in 5 articles on 5 sites, via Reuters": how far one source reaches. */
function reach(source) {
  const text = t("sourceReach", count(source.claims), count(source.articles), count(source.sites));
  const via = source.via && source.via.length ? ` ${t("sourceVia", source.via.join(", "))}` : "";
  return `${text}${via}`;
}

function sourceItem(source) {
  const query = new URLSearchParams({ key: source.key });
  return el("li", { className: "source-item" },
    el("h2", {}, el("a", { href: `sources.html?${query}` }, source.name)),
    el("p", { className: "meta" }, kindTag(source.kind), " · ", reach(source)));
}

function claimItem(articleId, claim) {
  const details = [
    claim.role === "relay" && claim.source ? t("claimSource", claim.source) : "",
    claim.via && claim.role !== "relay" ? t("claimVia", claim.via) : "", // on the relaying outlet's own page, "via" is the page itself
    claim.cue ? t("claimCue", claim.cue) : "",
    claim.hedges && claim.hedges.length ? t("claimHedges", claim.hedges.join(", ")) : "",
  ].filter(Boolean).join(" · ");
  return el("li", {},
    el("blockquote", {}, claim.text),
    details ? el("p", { className: "meta" }, details) : null,
    el("a", { href: readerHref(articleId, claim.claim_id), className: "to-claim" }, t("openAtClaim")));
}

function appearanceItem(appearance) {
  const date = appearance.date ? el("time", { datetime: appearance.date.slice(0, 10) }, formatDate(appearance.date, locale())) : null;
  return el("li", { className: "appearance" },
    el("h3", {}, el("a", { href: readerHref(appearance.article_id) }, appearance.title || t("untitledArticle"))),
    el("p", { className: "meta" }, el("span", { className: "site", title: appearance.domain || "" }, appearance.site || appearance.domain || ""),
      date ? " · " : "", date),
    el("ol", {}, appearance.claims.map((claim) => claimItem(appearance.article_id, claim))));
}

async function showSource(api, key, offset) {
  $("list-view").hidden = true;
  $("detail-view").hidden = false;
  const source = await api.source(key, { limit: PAGE_SIZE, offset });
  document.title = `${source.name} · ${t("sourcesTitle")}`;
  $("source-name").textContent = source.name;
  $("results").replaceChildren(
    el("p", { className: "meta" }, kindTag(source.kind)),
    el("p", { className: "reach" }, reach(source)),
    el("h2", {}, t("sourceAppearances")),
    el("ol", { className: "appearances" }, source.appearances.map(appearanceItem)));
  showPager({ key }, { offset, total: source.articles }, ["key"]);
}

/** Previous and next links over `page.total` items, keeping the page's other parameters. */
function showPager(kept, page, keys) {
  const { first, last } = pageRange({ ...page, limit: PAGE_SIZE });
  const link = (element, to, show) => {
    element.hidden = !show;
    if (show) element.href = `?${toQuery({ ...kept, offset: to }, [...keys, "offset"])}`;
  };
  link($("newer"), Math.max(0, page.offset - PAGE_SIZE), page.offset > 0);
  link($("older"), page.offset + PAGE_SIZE, last < page.total);
  $("range").textContent = t("pageRange", count(first), count(last), count(page.total));
  $("pager").hidden = page.total <= PAGE_SIZE;
}

async function showList(api, filters, offset) {
  for (const kind of KINDS) $("kind").add(new Option(kindName(kind.id), kind.id));
  for (const key of FILTERS) if (filters[key]) $(key).value = filters[key];
  $("filters").addEventListener("submit", (event) => {
    event.preventDefault();
    location.search = toQuery(Object.fromEntries(FILTERS.map((key) => [key, $(key).value.trim()])), FILTERS);
  });
  const page = await api.sources({ ...filters, limit: PAGE_SIZE, offset });
  $("results").replaceChildren(el("ol", { className: "sources", id: "sources" }, page.sources.map(sourceItem)));
  const searching = FILTERS.some((key) => filters[key]);
  if (page.total) $("status").textContent = t("sourcesCount", count(page.total));
  else $("status").textContent = searching ? t("sourcesNoMatch") : t("sourcesEmpty");
  showPager(filters, { offset, total: page.total }, FILTERS);
}

async function main() {
  const query = new URLSearchParams(location.search);
  try {
    const api = await startPage();
    $("status").textContent = t("loadingSources");
    const offset = Math.max(0, Number(query.get("offset")) || 0);
    if (query.get("key")) await showSource(api, query.get("key"), offset);
    else await showList(api, fromQuery(location.search, FILTERS), offset);
    if (query.get("key")) $("status").textContent = "";
  } catch (error) {
    $("status").textContent = "";
    showProblem($("results"), error);
  }
  document.body.dataset.ready = "true";
}

main();
