/**
 * Skew of a column against its reference: population stability index and Jensen–Shannon
 * distance (base 2) over shared bins, judged against the configured thresholds AND against
 * what sampling alone produces. Under "same distribution", both statistics are asymptotically
 * a scaled chi-square: PSI ≈ (1/n + 1/m)·χ²(k−1) and JS divergence ≈ (1/n + 1/m)·χ²(k−1)/(8 ln 2)
 * (second-order expansion of the divergences). A column is flagged only when its statistic
 * exceeds both the threshold and the (1 − significance) quantile of that null, so two samples
 * of 10 rows from one distribution are not flagged, while large samples keep the threshold.
 *
 * Binning is the same for both samples. A numeric column whose value counts both profiles hold
 * (integers, low-cardinality numbers) is binned on its values: whole values are grouped into
 * about `bins` reference-quantile bins, so each value lands in one bin in both samples. (Spreading
 * a fine-histogram bin over quantile edges split one integer value differently in each sample
 * whenever min or max differed, and flagged identical Poisson columns most of the time.) Other
 * numeric columns use reference quantile edges snapped to the reference's fine-bin boundaries.
 */
import { normalQuantileApprox } from '../stats/normal.js';
import { digitsToTellApart } from '../report/distinct-digits.js';
import { histogramQuantile, type ColumnProfile, type FineHistogram } from './profile.js';

export interface SkewSettings {
  psi: number;
  jsd: number;
  bins: number;
  significance: number;
}

export const DEFAULT_SKEW: SkewSettings = { psi: 0.25, jsd: 0.1, bins: 10, significance: 0.01 };

export interface SkewResult {
  column: string;
  kind: 'numeric' | 'categorical';
  bins: number;
  rows: number;
  referenceRows: number;
  psi: number;
  jsd: number;
  /** The sampling-noise level each statistic must also exceed. */
  psiNoise: number;
  jsdNoise: number;
  psiFlagged: boolean;
  jsdFlagged: boolean;
  /** Per bin: label, current share, reference share (for the report's chart). */
  shares: { label: string; current: number; reference: number }[];
}

export function columnSkew(current: ColumnProfile, reference: ColumnProfile, settings: SkewSettings): SkewResult | undefined {
  const binned = current.histogram && reference.histogram ? (valueBins(current, reference, settings.bins) ?? numericBins(current, reference, settings.bins)) : categoricalBins(current, reference);
  if (!binned) return undefined;
  const { labels, currentCounts, referenceCounts, kind } = binned;
  const n = sum(currentCounts);
  const m = sum(referenceCounts);
  const k = labels.length;
  if (n === 0 || m === 0 || k < 2) return undefined;
  // Half a count per bin keeps empty bins from making PSI infinite.
  const p = currentCounts.map((c) => (c + 0.5) / (n + 0.5 * k));
  const q = referenceCounts.map((c) => (c + 0.5) / (m + 0.5 * k));
  const psi = p.reduce((acc, pi, i) => acc + (pi - q[i]!) * Math.log(pi / q[i]!), 0);
  const js = p.reduce((acc, pi, i) => {
    const qi = q[i]!;
    const mi = (pi + qi) / 2;
    return acc + 0.5 * pi * Math.log2(pi / mi) + 0.5 * qi * Math.log2(qi / mi);
  }, 0);
  const jsd = Math.sqrt(Math.max(0, js));
  const chi = chiSquareQuantile(1 - settings.significance, k - 1);
  const scale = 1 / n + 1 / m;
  const psiNoise = chi * scale;
  const jsdNoise = Math.sqrt((chi * scale) / (8 * Math.LN2));
  return {
    column: current.name,
    kind,
    bins: k,
    // Row counts, not sums of the rebinned (fractional) counts.
    rows: Math.round(n),
    referenceRows: Math.round(m),
    psi,
    jsd,
    psiNoise,
    jsdNoise,
    psiFlagged: psi > settings.psi && psi > psiNoise,
    jsdFlagged: jsd > settings.jsd && jsd > jsdNoise,
    shares: labels.map((label, i) => ({ label, current: currentCounts[i]! / n, reference: referenceCounts[i]! / m })),
  };
}

/** The numeric value → count pairs of a profile, or undefined when it has none or a key is not a number. */
function numericValueCounts(profile: ColumnProfile): Map<number, number> | undefined {
  if (!profile.value_counts || (profile.type !== 'integer' && profile.type !== 'number')) return undefined;
  const out = new Map<number, number>();
  for (const [key, count] of Object.entries(profile.value_counts)) {
    const value = Number(key);
    if (key.trim() === '' || !Number.isFinite(value)) return undefined;
    out.set(value, (out.get(value) ?? 0) + count);
  }
  return out;
}

/**
 * Bins on whole values: the sorted values of both samples are cut where the reference's
 * cumulative share passes i/bins, so every bin is a range of whole values (a value only the
 * current sample holds falls in the range around it) and both samples are counted exactly.
 */
export function valueBins(current: ColumnProfile, reference: ColumnProfile, bins: number) {
  const cur = numericValueCounts(current);
  const ref = numericValueCounts(reference);
  if (!cur || !ref) return undefined;
  const values = [...new Set([...cur.keys(), ...ref.keys()])].sort((a, b) => a - b);
  const total = [...ref.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return undefined;
  // Upper (inclusive) value of each bin but the last.
  const uppers: number[] = [];
  let seen = 0;
  let next = 1;
  for (let i = 0; i < values.length - 1; i++) {
    seen += ref.get(values[i]!) ?? 0;
    if (next < bins && seen / total >= next / bins - 1e-12) {
      uppers.push(values[i]!);
      // A heavy value may pass several targets at once: one bin for all of them.
      while (next < bins && seen / total >= next / bins - 1e-12) next++;
    }
  }
  const labels: string[] = [];
  const currentCounts: number[] = [];
  const referenceCounts: number[] = [];
  let start = 0;
  for (let b = 0; b <= uppers.length; b++) {
    const upper = b < uppers.length ? uppers[b]! : Number.POSITIVE_INFINITY;
    let c = 0;
    let r = 0;
    let first: number | undefined;
    let last: number | undefined;
    while (start < values.length && values[start]! <= upper) {
      const v = values[start++]!;
      first ??= v;
      last = v;
      c += cur.get(v) ?? 0;
      r += ref.get(v) ?? 0;
    }
    if (first === undefined) continue;
    labels.push(first === last ? fmt(first) : `${fmt(first)}–${fmt(last!)}`);
    currentCounts.push(c);
    referenceCounts.push(r);
  }
  return { kind: 'numeric' as const, labels, currentCounts, referenceCounts };
}

function numericBins(current: ColumnProfile, reference: ColumnProfile, bins: number) {
  const ref = reference.histogram!;
  const refMin = Number(reference.min);
  const refMax = Number(reference.max);
  // Quantile bins of the reference: each holds about the same share of the reference.
  const inner: number[] = [];
  for (let i = 1; i < bins; i++) {
    const edge = histogramQuantile(ref, i / bins, refMin, refMax);
    if (Number.isFinite(edge) && (inner.length === 0 || edge > inner.at(-1)!)) inner.push(edge);
  }
  if (inner.length === 0) return undefined;
  const edges = [Number.NEGATIVE_INFINITY, ...inner, Number.POSITIVE_INFINITY];
  // Four significant digits, or as many as tell the edges apart.
  const digits = digitsToTellApart(inner, fmt, 4, 15);
  const f = (x: number) => fmt(x, digits);
  const labels = edges.slice(0, -1).map((low, i) => (i === 0 ? `< ${f(edges[1]!)}` : i === edges.length - 2 ? `≥ ${f(low)}` : `${f(low)}–${f(edges[i + 1]!)}`));
  return { kind: 'numeric' as const, labels, currentCounts: rebin(current.histogram!, edges), referenceCounts: rebin(ref, edges) };
}

/** Spreads each fine bin's count over the target bins it overlaps, in proportion to the overlap. */
function rebin(histogram: FineHistogram, edges: number[]): number[] {
  const out = new Array<number>(edges.length - 1).fill(0);
  const fine = histogram.counts.length;
  const width = (histogram.high - histogram.low) / fine;
  for (let i = 0; i < fine; i++) {
    const count = histogram.counts[i]!;
    if (count === 0) continue;
    const low = histogram.low + i * width;
    const high = low + width;
    if (width === 0) {
      out[binOf(edges, low)]! += count;
      continue;
    }
    for (let b = 0; b < out.length; b++) {
      const overlap = Math.min(high, edges[b + 1]!) - Math.max(low, edges[b]!);
      if (overlap > 0) out[b]! += (count * overlap) / width;
    }
  }
  return out;
}

function binOf(edges: number[], value: number): number {
  for (let b = 0; b < edges.length - 1; b++) if (value < edges[b + 1]!) return b;
  return edges.length - 2;
}

function categoricalBins(current: ColumnProfile, reference: ColumnProfile) {
  if (!current.value_counts || !reference.value_counts) return undefined;
  const labels = [...new Set([...Object.keys(reference.value_counts), ...Object.keys(current.value_counts)])].sort();
  // More categories than half the smaller sample: an identifier, not a distribution to compare.
  if (labels.length > Math.min(current.count, reference.count) / 2) return undefined;
  return {
    kind: 'categorical' as const,
    labels,
    currentCounts: labels.map((l) => current.value_counts![l] ?? 0),
    referenceCounts: labels.map((l) => reference.value_counts![l] ?? 0),
  };
}

/** Wilson–Hilferty: accurate to a few tenths of a percent for k ≥ 1 at the upper tail. */
export function chiSquareQuantile(p: number, k: number): number {
  const z = normalQuantile(p);
  const a = 2 / (9 * k);
  return k * Math.max(0, 1 - a + z * Math.sqrt(a)) ** 3;
}

/** Acklam's approximation of the standard normal quantile (relative error < 1.2e-9). */
export const normalQuantile = normalQuantileApprox;

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function fmt(value: number, digits = 4): string {
  return Number(value.toPrecision(digits)).toString();
}
