// The arithmetic of the notebook's charts: shares by kind, stacked segments, linear scales with
// round ticks, bands. Pure functions (no DOM), tested with node; lib/charts.js draws with them.
import { KIND_IDS } from "./kinds.js";

/** Each kind's count and share of the total, in the taxonomy's order (all kinds, zeros too). */
export function kindShares(byKind = {}) {
  const total = KIND_IDS.reduce((sum, kind) => sum + (byKind[kind] || 0), 0);
  return KIND_IDS.map((kind) => ({ kind, count: byKind[kind] || 0, share: total ? (byKind[kind] || 0) / total : 0 }));
}

/**
 * The segments of a 100 % stacked bar `length` long: one per kind present, [start, end) in
 * order, gaps of `gap` between neighbours (so two colours never touch) taken evenly from all.
 */
export function stackSegments(byKind, length, { gap = 0 } = {}) {
  const present = kindShares(byKind).filter((part) => part.count > 0);
  const usable = Math.max(0, length - gap * Math.max(0, present.length - 1));
  let position = 0;
  return present.map((part, index) => {
    const size = usable * part.share;
    const segment = { ...part, start: position, end: position + size };
    position += size + (index < present.length - 1 ? gap : 0);
    return segment;
  });
}

/**
 * Round tick values from 0 up to the first one ≥ `max`: steps of 1, 2 or 5 × 10^k, about `count`
 * of them; whole numbers only when `integer` (counts of articles never show 2.5).
 */
export function niceTicks(max, { count = 5, integer = false } = {}) {
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  let step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough * (1 - 1e-9));
  if (integer) step = Math.max(1, Math.round(step));
  const ticks = [0];
  while (ticks[ticks.length - 1] < max * (1 - 1e-9)) ticks.push(Number((ticks.length * step).toPrecision(12)));
  return ticks;
}

/** A linear map from [d0, d1] onto [r0, r1]; a domain of zero width maps everything to r0. */
export function linearScale([d0, d1], [r0, r1]) {
  const span = d1 - d0;
  return (value) => (span ? r0 + ((value - d0) / span) * (r1 - r0) : r0);
}

/** `count` equal bands along `length` with `padding` (0..1 of a step) between them. */
export function bands(count, length, padding = 0.2) {
  const step = count ? length / count : 0;
  const size = step * (1 - padding);
  return { step, size, start: (index) => index * step + (step - size) / 2 };
}

/** The share of a kind in a by_kind count (0 when there are no claims). */
export function shareOf(byKind, kind) {
  return kindShares(byKind).find((part) => part.kind === kind).share;
}
