/**
 * Drift against a data-validate profile when no raw reference is at hand. The reference is
 * then known through its fine histogram (≤ 1 000 equal-width bins over min..max) or its exact
 * value counts, and every figure says how far it can be from the raw-data figure:
 * - KS statistic: the reference CDF is taken as linear inside each bin; the true CDF lies
 *   between the bin's edge values, so the error is at most the largest bin's share. The
 *   p-value is the asymptotic one at n = round(n_ref·n_cur/(n_ref+n_cur)).
 * - Wasserstein: moving each reference value inside its bin moves the distance by at most
 *   the bin width (normed: width / sd). The sd is the profile's (sample sd, rescaled to ddof 0).
 * - PSI and JS: the reference deciles are snapped to histogram edges, so the reference counts
 *   are exact; only current values lying exactly on an edge can fall in the other bin.
 * - Value counts (text, boolean, few-valued numbers): exact.
 */
import type { ColumnProfile } from '../data/profile.js';
import { countBins } from '../stats/binning.js';
import { jensenShannonDistance, psi } from '../stats/divergence.js';
import { kolmogorovSf } from '../stats/kolmogorov.js';
import { roundHalfEven } from '../stats/ks.js';
import { MIN_NORM_SD } from '../stats/wasserstein.js';
import { categoricalMeasure, type CategoryCounts } from './categorical.js';
import type { DriftTest } from './choose-test.js';
import { binsHistogram, valueCounts } from './numeric.js';
import type { ColumnMeasure } from './result.js';
import type { NumericSample } from './sample.js';

const DECILES = 10;

/** Category counts of a profiled column, exact when it has value counts. */
export function profileCategories(profile: ColumnProfile): { counts: CategoryCounts; otherShare: number } | undefined {
  const missing = profile.nulls;
  if (profile.value_counts) return { counts: { counts: new Map(Object.entries(profile.value_counts)), missing }, otherShare: 0 };
  if (profile.top_values) {
    const counts = new Map(profile.top_values.map((t) => [t.value, t.count] as const));
    const listed = [...counts.values()].reduce((a, b) => a + b, 0);
    const other = Math.max(0, profile.count - listed);
    if (other > 0) counts.set('(other)', other);
    return { counts: { counts, missing }, otherShare: profile.count > 0 ? other / profile.count : 0 };
  }
  return undefined;
}

/** A numeric column tested as categories against the profile's value counts (keys compared as numbers). */
export function numericValuesAgainstProfile(column: string, role: 'feature' | 'prediction', test: DriftTest, profile: ColumnProfile, current: NumericSample): ColumnMeasure | undefined {
  if (!profile.value_counts) return undefined;
  const counts = new Map<string, number>();
  for (const [key, count] of Object.entries(profile.value_counts)) {
    const value = Number(key);
    const name = Number.isNaN(value) ? key : String(value === 0 ? 0 : value);
    counts.set(name, (counts.get(name) ?? 0) + count);
  }
  const measure = categoricalMeasure(column, role, test, { counts, missing: profile.nulls }, valueCounts(current));
  return { ...measure, from_profile: { method: 'exact value counts from the profile', bounds: {} } };
}

export function numericAgainstHistogram(column: string, role: 'feature' | 'prediction', profile: ColumnProfile, current: NumericSample): ColumnMeasure | undefined {
  const histogram = profile.histogram;
  if (!histogram || histogram.counts.length === 0) return undefined;
  const bins = histogram.counts.length;
  const total = histogram.counts.reduce((a, b) => a + b, 0);
  if (total === 0) return undefined;
  const width = (histogram.high - histogram.low) / bins;
  const cumulative = new Float64Array(bins + 1);
  for (let i = 0; i < bins; i++) cumulative[i + 1] = cumulative[i]! + histogram.counts[i]! / total;
  const edge = (i: number) => histogram.low + width * i;
  /** Reference CDF, linear inside each bin. */
  const refCdf = (x: number): number => {
    if (!(width > 0)) return x < histogram.low ? 0 : 1;
    if (x <= histogram.low) return 0;
    if (x >= histogram.high) return 1;
    const position = (x - histogram.low) / width;
    const i = Math.min(bins - 1, Math.floor(position));
    return cumulative[i]! + (cumulative[i + 1]! - cumulative[i]!) * (position - i);
  };

  const cur = current.sorted;
  const n = cur.length;
  let d = 0;
  for (let k = 0; k < n; ) {
    const v = cur[k]!;
    let j = k;
    while (j < n && cur[j]! === v) j++;
    const f = refCdf(v);
    d = Math.max(d, Math.abs(f - k / n), Math.abs(f - j / n));
    k = j;
  }

  // ∫ |F_ref − F_cur| over the merged breakpoints; F_ref linear, F_cur constant on each piece.
  const points = new Set<number>();
  for (let i = 0; i <= bins; i++) points.add(edge(i));
  for (let i = 0; i < n; i++) points.add(cur[i]! === 0 ? 0 : cur[i]!);
  const xs = [...points].sort((a, b) => a - b);
  let wasserstein = 0;
  let index = 0;
  for (let p = 0; p + 1 < xs.length; p++) {
    const a = xs[p]!;
    const b = xs[p + 1]!;
    while (index < n && cur[index]! <= a) index++;
    const c = index / n;
    wasserstein += integralAbsLinear(refCdf(a) - c, refCdf(b) - c, b - a);
  }
  const populationSd = profile.stddev === null ? 0 : profile.stddev * Math.sqrt(Math.max(0, profile.count - 1) / Math.max(1, profile.count));
  const norm = Math.max(populationSd, MIN_NORM_SD);

  // Reference deciles snapped to histogram edges: reference counts stay exact.
  const edges: number[] = [];
  for (let k = 1; k < DECILES; k++) {
    let i = 0;
    while (i < bins && cumulative[i + 1]! < k / DECILES) i++;
    const e = edge(Math.min(bins, i + 1));
    if (e < histogram.high && (edges.length === 0 || e > edges.at(-1)!)) edges.push(e);
  }
  const refCounts: number[] = [];
  let start = 0;
  for (const e of edges) {
    const upto = Math.round((e - histogram.low) / width);
    refCounts.push(histogram.counts.slice(start, upto).reduce((a, b) => a + b, 0));
    start = upto;
  }
  refCounts.push(histogram.counts.slice(start).reduce((a, b) => a + b, 0));
  const curCounts = countBins(cur, edges);

  const en = (total * n) / (total + n);
  const maxBinShare = Math.max(...histogram.counts) / total;
  return {
    column,
    role,
    type: 'numeric',
    test: 'ks',
    statistic: d,
    p_value: kolmogorovSf(d, Math.max(1, roundHalfEven(en))),
    ks_method: 'asymp',
    effect: { measure: 'wasserstein_normed', value: wasserstein / norm },
    wasserstein,
    wasserstein_normed: wasserstein / norm,
    psi: psi(refCounts, curCounts),
    js: jensenShannonDistance(refCounts, curCounts),
    reference_values: total,
    current_values: n,
    reference_missing: profile.nulls,
    current_missing: current.nan,
    from_profile: {
      method: `reference histogram (${bins} bins of width ${Number(width.toPrecision(4))})`,
      bounds: { statistic: maxBinShare, wasserstein: width, wasserstein_normed: width / norm },
    },
    histogram: binsHistogram({ kind: 'quantiles', edges, reference: refCounts, current: curCounts }),
  };
}

/** ∫_0^len |f(t)| dt for f linear from fa to fb. */
function integralAbsLinear(fa: number, fb: number, len: number): number {
  if (len <= 0) return 0;
  if ((fa >= 0 && fb >= 0) || (fa <= 0 && fb <= 0)) return (Math.abs(fa + fb) / 2) * len;
  const zero = (fa / (fa - fb)) * len;
  return (Math.abs(fa) / 2) * zero + (Math.abs(fb) / 2) * (len - zero);
}
