// Numbers, shares and dates in the interface's language (Intl), and the notebook's filters as
// a URL query. Pure functions: the locale is a parameter, so node tests can check them.

const percentFormats = new Map();

/** A share (0..1) as a percentage: whole percents, one decimal below 10 % so 0.4 % is not "0 %". */
export function formatPercent(share, locale = "en") {
  const digits = share > 0 && share < 0.1 ? 1 : 0;
  const key = `${locale}|${digits}`;
  if (!percentFormats.has(key)) {
    percentFormats.set(key, new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: digits }));
  }
  return percentFormats.get(key).format(share);
}

export function formatNumber(value, locale = "en") {
  return new Intl.NumberFormat(locale).format(value);
}

/** A date (YYYY-MM-DD or an ISO date-time) as the reader's calendar says it, e.g. "16 Nov 2026". */
export function formatDate(value, locale = "en", { year = true } = {}) {
  if (!value) return "";
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return "";
  const options = { month: "short", day: "numeric", timeZone: "UTC", ...(year ? { year: "numeric" } : {}) };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

/** The day `days` after a YYYY-MM-DD day (calendar days, UTC, so no daylight-saving surprises). */
export function addDays(day, days) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The filters as a query string, in a fixed order, without empty values, so the same filters
 * always give the same URL (the page's address, and the API call).
 */
export function toQuery(filters, keys = Object.keys(filters)) {
  const query = new URLSearchParams();
  for (const key of keys) {
    const value = filters[key];
    if (value === undefined || value === null || value === "" || (key === "offset" && Number(value) === 0)) continue;
    query.set(key, String(value));
  }
  return query.toString();
}

/** The filters named by `keys` from a query string ("" for the missing ones). */
export function fromQuery(search, keys) {
  const query = new URLSearchParams(search);
  return Object.fromEntries(keys.map((key) => [key, (query.get(key) || "").trim()]));
}

/** "Showing 26–50 of 134": the first and last position of a page of results (1-based). */
export function pageRange({ offset, limit, total }) {
  if (!total) return { first: 0, last: 0 };
  return { first: offset + 1, last: Math.min(total, offset + limit) };
}
