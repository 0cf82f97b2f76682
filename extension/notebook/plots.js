// Plots: the library's sourcing over time and by outlet, the sources and outlets it relies on
// most, and how often anonymity comes with a reason (GET /library/trends). Every chart is an SVG
// image with a title and a description, and a button that shows its numbers as a table.
import { countBars, dataTable, stackedColumns, stackedRows, tableToggle } from "../lib/charts.js";
import { KIND_LETTERS } from "../lib/kinds.js";
import { addDays, formatDate, formatNumber, formatPercent, fromQuery, toQuery } from "../lib/format.js";
import { kindName, t } from "../lib/i18n.js";
import { kindShares } from "../lib/scales.js";
import { el, kindLegend, locale, showProblem, startPage } from "./page.js";

const FILTERS = ["site", "since", "until"];
const MAX_SITES_DRAWN = 15;
const $ = (id) => document.getElementById(id);
/** The width the charts are shown at: the page's column, between 320 and 720 px. */
const chartWidth = () => Math.round(Math.max(320, Math.min(720, $("charts").clientWidth || 720)));

const percent = (share) => formatPercent(share, locale());
const count = (value) => formatNumber(value, locale());
const shareOf = (part, whole) => (whole ? part / whole : 0);

/** A section: heading, a sentence of what the chart shows, the chart, its legend, its table. */
function chartSection({ id, heading, summary, chart, legend, table }) {
  const tableWrap = dataTable({ ...table, id: `${id}-table` });
  return el("section", { className: "chart-section", id, "aria-labelledby": `${id}-heading` },
    el("h2", { id: `${id}-heading` }, heading),
    el("p", { className: "chart-summary" }, summary),
    chart, legend || null,
    tableToggle(tableWrap, { show: t("showTable"), hide: t("hideTable") }),
    tableWrap);
}

/** Table columns for the kinds present in any row: "Anonymous (A)" with "25 % (3)" cells. */
function kindColumns(rows) {
  const present = kindShares({}).map((part) => part.kind).filter((kind) => rows.some((row) => (row.by_kind[kind] || 0) > 0));
  return {
    columns: present.map((kind) => ({ label: `${kindName(kind)} (${KIND_LETTERS[kind]})`, numeric: true })),
    cells: (row) => {
      const total = Object.values(row.by_kind).reduce((sum, n) => sum + n, 0);
      return present.map((kind) => `${percent(shareOf(row.by_kind[kind] || 0, total))} (${count(row.by_kind[kind] || 0)})`);
    },
  };
}

const partTitle = (row, part) => `${row.label}: ${kindName(part.kind)} ${percent(part.share)} (${count(part.count)})`;

function overTime(weeks) {
  const rows = weeks.map((week) => ({ label: formatDate(week.start, locale(), { year: false }), byKind: week.by_kind }));
  const claims = weeks.reduce((sum, week) => sum + week.claims, 0);
  const anonymous = weeks.reduce((sum, week) => sum + (week.by_kind.anonymous || 0), 0);
  const kinds = kindColumns(weeks);
  return chartSection({
    id: "over-time",
    heading: t("chartTimeHeading"),
    summary: weeks.length
      ? t("chartTimeSummary", count(weeks.length), formatDate(weeks[0].start, locale()), percent(shareOf(anonymous, claims)))
      : t("chartNoData"),
    chart: stackedColumns(rows, { title: t("chartTimeHeading"), description: t("chartTimeDesc"), formatShare: percent, describe: partTitle , width: chartWidth() }),
    table: {
      caption: t("chartTimeHeading"),
      columns: [{ label: t("columnWeekOf") }, { label: t("columnArticles"), numeric: true }, { label: t("columnClaims"), numeric: true }, ...kinds.columns],
      rows: weeks.map((week) => [weekLink(week), count(week.articles), count(week.claims), ...kinds.cells(week)]),
    },
  });
}

function byOutlet(sites) {
  const sorted = [...sites].sort((a, b) => b.claims - a.claims || a.site.localeCompare(b.site));
  const drawn = sorted.slice(0, MAX_SITES_DRAWN).map((site) => ({ label: site.site, byKind: site.by_kind }));
  const kinds = kindColumns(sorted);
  const mostAnonymous = [...sorted].filter((s) => s.claims).sort((a, b) => shareOf(b.by_kind.anonymous || 0, b.claims) - shareOf(a.by_kind.anonymous || 0, a.claims))[0];
  return chartSection({
    id: "by-outlet",
    heading: t("chartOutletHeading"),
    summary: mostAnonymous
      ? t("chartOutletSummary", count(sites.length), mostAnonymous.site, percent(shareOf(mostAnonymous.by_kind.anonymous || 0, mostAnonymous.claims)))
      : t("chartNoData"),
    chart: stackedRows(drawn, { title: t("chartOutletHeading"), description: t("chartOutletDesc", count(drawn.length)), formatShare: percent, describe: partTitle , width: chartWidth() }),
    table: {
      caption: t("chartOutletHeading"),
      columns: [{ label: t("columnSite") }, { label: t("columnArticles"), numeric: true }, { label: t("columnClaims"), numeric: true }, ...kinds.columns],
      rows: sorted.map((site) => [libraryLink(site.site), count(site.articles), count(site.claims), ...kinds.cells(site)]),
    },
  });
}

/** A week's first day, linked to the library showing that week's articles. */
const weekLink = (week) => el("a", { href: `library.html?${new URLSearchParams({ since: week.start, until: addDays(week.start, 6) })}` },
  formatDate(week.start, locale()));

/** A site's name, linked to the library showing that site's articles. */
const libraryLink = (site) => (site ? el("a", { href: `library.html?${new URLSearchParams({ site })}` }, site) : "");
const ledgerLink = (item) => el("a", { href: `sources.html?${new URLSearchParams({ key: item.key })}` }, item.name);

function topSources(sources) {
  return chartSection({
    id: "top-sources",
    heading: t("chartSourcesHeading"),
    summary: sources.length ? t("chartSourcesSummary", sources[0].name, count(sources[0].articles)) : t("chartNoData"),
    chart: countBars(sources.map((s) => ({ label: s.name, value: s.articles, kind: s.kind })),
      { title: t("chartSourcesHeading"), description: t("chartSourcesDesc"), formatCount: count, width: chartWidth() }),
    table: {
      caption: t("chartSourcesHeading"),
      columns: [{ label: t("columnSource") }, { label: t("columnKind") }, { label: t("columnArticles"), numeric: true }, { label: t("columnClaims"), numeric: true }],
      rows: sources.map((s) => [ledgerLink(s), `${kindName(s.kind)} (${KIND_LETTERS[s.kind]})`, count(s.articles), count(s.claims)]),
    },
  });
}

function topOutlets(outlets) {
  return chartSection({
    id: "top-outlets",
    heading: t("chartOutletsHeading"),
    summary: outlets.length ? t("chartOutletsSummary", outlets[0].name, count(outlets[0].articles)) : t("chartNoData"),
    chart: countBars(outlets.map((o) => ({ label: o.name, value: o.articles, kind: "media" })),
      { title: t("chartOutletsHeading"), description: t("chartOutletsDesc"), formatCount: count, width: chartWidth() }),
    table: {
      caption: t("chartOutletsHeading"),
      columns: [{ label: t("columnOutlet") }, { label: t("columnArticles"), numeric: true }, { label: t("columnClaims"), numeric: true }],
      rows: outlets.map((o) => [ledgerLink(o), count(o.articles), count(o.claims)]),
    },
  });
}

function anonymity(anonymous, totalClaims) {
  const rows = [
    { label: t("anonymousExplained"), value: anonymous.explained, kind: "anonymous", variant: "explained" },
    { label: t("anonymousUnexplained"), value: anonymous.unexplained, kind: "anonymous" },
  ];
  return chartSection({
    id: "anonymity",
    heading: t("chartAnonymityHeading"),
    summary: anonymous.claims
      ? t("chartAnonymitySummary", count(anonymous.claims), percent(shareOf(anonymous.claims, totalClaims)), count(anonymous.explained), percent(shareOf(anonymous.explained, anonymous.claims)))
      : t("chartAnonymityNone"),
    chart: countBars(rows, { title: t("chartAnonymityHeading"), description: t("chartAnonymityDesc"), formatCount: count, width: chartWidth() }),
    table: {
      caption: t("chartAnonymityHeading"),
      columns: [{ label: t("columnAnonymousClaims") }, { label: t("columnClaims"), numeric: true }, { label: t("columnShareOfAnonymous"), numeric: true }],
      rows: [...rows.map((row) => [row.label, count(row.value), percent(shareOf(row.value, anonymous.claims))]),
        [t("anonymousAll"), count(anonymous.claims), percent(anonymous.claims ? 1 : 0)]],
    },
  });
}

function fillForm(filters, sites) {
  $("site-list").replaceChildren(...sites.filter((site) => site.site).map((site) => new Option(site.site)));
  for (const key of FILTERS) if (filters[key]) $(key).value = filters[key];
}

async function main() {
  const filters = fromQuery(location.search, FILTERS);
  $("filters").addEventListener("submit", (event) => {
    event.preventDefault();
    location.search = toQuery(Object.fromEntries(FILTERS.map((key) => [key, $(key).value.trim()])), FILTERS);
  });
  $("legend").append(kindLegend());
  try {
    const api = await startPage();
    $("status").textContent = t("loadingPlots");
    const filtered = FILTERS.some((key) => filters[key]);
    const [trends, all] = await Promise.all([api.libraryTrends(filters), filtered ? api.libraryTrends({}) : null]);
    fillForm(filters, (all || trends).sites);
    const totalClaims = trends.weeks.reduce((sum, week) => sum + week.claims, 0);
    $("charts").replaceChildren(overTime(trends.weeks), byOutlet(trends.sites), topSources(trends.top_sources),
      topOutlets(trends.top_outlets), anonymity(trends.anonymous, totalClaims));
    $("status").textContent = "";
  } catch (error) {
    $("status").textContent = "";
    showProblem($("charts"), error);
  }
  document.body.dataset.ready = "true";
}

main();
