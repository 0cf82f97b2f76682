// The library: every stored article, newest first, each with its sourcing fingerprint, site,
// date and highlights; filters and full-text search run on the companion (GET /library), a page
// of 25 at a time. The filters live in the page's address, so Back and a bookmark keep them.
import { fingerprint } from "../lib/charts.js";
import { HIGHLIGHT_LABELS, KINDS } from "../lib/contract.js";
import { formatDate, formatNumber, formatPercent, fromQuery, pageRange, toQuery } from "../lib/format.js";
import { kindName, labelName, t } from "../lib/i18n.js";
import { STANDOUT_KINDS } from "../lib/kinds.js";
import { kindShares } from "../lib/scales.js";
import { el, kindLegend, locale, readerHref, showProblem, startPage } from "./page.js";

const FILTERS = ["q", "site", "kind", "min_share", "since", "until", "label", "tag", "sort"];
// Filters that narrow the list (the order does not).
const NARROWING = FILTERS.filter((key) => key !== "sort");
const PAGE_SIZE = 25;
const $ = (id) => document.getElementById(id);

/** The fingerprint's words: every kind present with its share (what a screen reader hears). */
function sourcingLabel(item) {
  const parts = kindShares(item.by_kind).filter((part) => part.count > 0)
    .map((part) => `${kindName(part.kind)} ${formatPercent(part.share, locale())}`);
  return parts.length ? t("fingerprintLabel", parts.join(", ")) : t("fingerprintEmpty");
}

/** The kinds a reader should weigh first, in words beside the bar: "Anonymous 40 % · Vague 10 %". */
function standoutText(item) {
  const shares = kindShares(item.by_kind).filter((part) => STANDOUT_KINDS.includes(part.kind) && part.count > 0);
  if (!shares.length) return el("span", { className: "standout none" }, t("noAnonymousOrVague"));
  return el("span", { className: "standout" }, shares.map((part) =>
    el("span", { className: "standout-kind", "data-kind": part.kind }, `${kindName(part.kind)} ${formatPercent(part.share, locale())}`)));
}

function articleItem(item) {
  const headingId = `article-${item.id}`;
  const date = item.date;
  const meta = [
    el("span", { className: "site", title: item.domain || "" }, item.site || item.domain),
    date ? el("time", { datetime: date.slice(0, 10) }, formatDate(date, locale())) : null,
    el("span", {}, t("claimsCount", formatNumber(item.claims, locale()))),
    el("span", {}, t("highlightsCount", formatNumber(item.highlights, locale()))),
    item.changed_since_read ? el("span", { className: "changed" }, t("changedSinceRead")) : null,
  ].filter(Boolean);
  return el("li", { className: "article-item" },
    el("article", { "aria-labelledby": headingId },
      el("h2", { id: headingId }, el("a", { href: readerHref(item.id) }, item.title || t("untitledArticle"))),
      el("p", { className: "meta" }, meta.flatMap((part, index) => (index ? [" · ", part] : [part]))),
      el("div", { className: "fingerprint", title: sourcingLabel(item) },
        fingerprint(item.by_kind, { label: sourcingLabel(item) }), standoutText(item))));
}

function fillForm(filters) {
  for (const kind of KINDS) $("kind").add(new Option(kindName(kind.id), kind.id));
  for (const label of HIGHLIGHT_LABELS) $("label").add(new Option(labelName(label.id), label.id));
  for (const option of $("min_share").options) {
    if (option.value) option.textContent = formatPercent(Number(option.value), locale());
  }
  for (const key of FILTERS) if (filters[key]) $(key).value = filters[key];
  const shareMatters = () => { $("min_share").disabled = !$("kind").value; };
  $("kind").addEventListener("change", shareMatters);
  shareMatters();
}

/** Sites to suggest in the site field: the library's busiest (any other can be typed). */
async function suggestSites(api) {
  const trends = await api.libraryTrends({});
  $("site-list").replaceChildren(...trends.sites.filter((site) => site.site).map((site) => new Option(site.site)));
}

function submitFilters(event) {
  event.preventDefault();
  const values = Object.fromEntries(FILTERS.map((key) => [key, $(key).disabled ? "" : $(key).value.trim()]));
  if (!values.kind) values.min_share = "";
  location.search = toQuery(values, FILTERS);
}

function showPager(filters, page) {
  const { first, last } = pageRange(page);
  const link = (element, offset, show) => {
    element.hidden = !show;
    if (show) element.href = `?${toQuery({ ...filters, offset }, [...FILTERS, "offset"])}`;
  };
  link($("newer"), Math.max(0, page.offset - page.limit), page.offset > 0);
  link($("older"), page.offset + page.limit, last < page.total);
  $("range").textContent = t("pageRange", formatNumber(first, locale()), formatNumber(last, locale()), formatNumber(page.total, locale()));
  $("pager").hidden = page.total <= page.limit;
}

async function main() {
  const filters = fromQuery(location.search, FILTERS);
  const offset = Math.max(0, Number(new URLSearchParams(location.search).get("offset")) || 0);
  fillForm(filters);
  $("legend").append(kindLegend());
  $("filters").addEventListener("submit", submitFilters);
  let api;
  try {
    api = await startPage();
    $("status").textContent = t("loadingLibrary");
    const query = { ...filters, min_share: filters.kind ? filters.min_share : "", sort: filters.sort || "date", limit: PAGE_SIZE, offset };
    // Site suggestions come from the trends, asked for only when the site field is first used.
    $("site").addEventListener("focus", () => suggestSites(api).catch(() => {}), { once: true });
    const page = await api.library(query);
    $("articles").replaceChildren(...page.articles.map(articleItem));
    const searching = NARROWING.some((key) => filters[key]);
    const total = formatNumber(page.total, locale());
    if (page.total) $("status").textContent = searching ? t("libraryFound", total) : t("libraryCount", total);
    else $("status").textContent = searching ? t("libraryNoMatch") : t("libraryEmpty");
    showPager(filters, page);
  } catch (error) {
    $("status").textContent = "";
    showProblem($("results"), error);
  }
  document.body.dataset.ready = "true";
}

main();
