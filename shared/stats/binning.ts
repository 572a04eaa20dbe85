/**
 * Bins shared by the two samples of a numeric column, for PSI and Jensen–Shannon. Both
 * samples are always counted on the same bins:
 * - at most MAX_VALUE_BINS distinct values in the two samples together (integer codes,
 *   ratings, flags): one bin per distinct value;
 * - otherwise the reference's deciles (NumPy's default linear quantiles), duplicates
 *   dropped, as right-closed bins (−∞, e1], (e1, e2], …, (ek, +∞).
 * Inputs sorted ascending, NaN-free.
 */
import { quantileSorted } from './quantile.js';

export const MAX_VALUE_BINS = 20;
export const QUANTILE_BINS = 10;

export interface SharedBins {
  kind: 'values' | 'quantiles';
  /** Upper (inclusive) edges of every bin but the last, which is open to +∞. */
  edges: number[];
  reference: number[];
  current: number[];
}

export function shareBins(reference: ArrayLike<number>, current: ArrayLike<number>): SharedBins {
  const values = distinctUpTo([reference, current], MAX_VALUE_BINS);
  if (values) {
    const edges = values.slice(0, -1);
    return { kind: 'values', edges, reference: countBins(reference, edges), current: countBins(current, edges) };
  }
  const edges: number[] = [];
  for (let k = 1; k < QUANTILE_BINS; k++) {
    const edge = quantileSorted(reference, k / QUANTILE_BINS);
    if (edges.length === 0 || edge > edges.at(-1)!) edges.push(edge);
  }
  return { kind: 'quantiles', edges, reference: countBins(reference, edges), current: countBins(current, edges) };
}

/** The distinct values of the samples, sorted, or undefined when there are more than `limit`. */
function distinctUpTo(samples: ArrayLike<number>[], limit: number): number[] | undefined {
  const seen = new Set<number>();
  for (const sample of samples) {
    for (let i = 0; i < sample.length; i++) {
      const v = sample[i]! === 0 ? 0 : sample[i]!; // −0 and +0 are one value
      if (i > 0 && v === sample[i - 1]) continue;
      seen.add(v);
      if (seen.size > limit) return undefined;
    }
  }
  return [...seen].sort((a, b) => a - b);
}

/** Counts of a sorted sample in the bins (−∞, e0], (e0, e1], …, (e_last, +∞). */
export function countBins(sorted: ArrayLike<number>, edges: readonly number[]): number[] {
  const counts: number[] = [];
  let start = 0;
  for (const edge of edges) {
    const end = upperBound(sorted, edge, start);
    counts.push(end - start);
    start = end;
  }
  counts.push(sorted.length - start);
  return counts;
}

/** First index at or after `from` whose value is greater than x. */
function upperBound(sorted: ArrayLike<number>, x: number, from: number): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
