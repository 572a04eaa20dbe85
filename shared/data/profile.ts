/**
 * The data profile: per-column statistics and distributions, written as JSON and reusable as
 * the `reference` of a later run (skew is computed profile against profile).
 */
import * as z from 'zod/mini';
import '../zod/setup.js';

export const PROFILE_VERSION = 1;
/** Bins of the fine numeric histogram quantiles and skew bins are derived from. */
export const FINE_BINS = 1000;

const FineHistogram = z.strictObject({
  /** Lower edge of bin 0 and upper edge of the last bin (values in epoch seconds for dates/timestamps): min..max, or a little wider (distributions.ts). */
  low: z.number(),
  high: z.number(),
  counts: z.array(z.number().check(z.int(), z.gte(0))),
});

export const ColumnProfile = z.strictObject({
  name: z.string(),
  /** integer | number | string | boolean | date | timestamp | other. */
  type: z.string(),
  duckdb_type: z.string(),
  count: z.number().check(z.int(), z.gte(0), z.describe('Non-missing values')),
  nulls: z.number().check(z.int(), z.gte(0)),
  null_fraction: z.number(),
  distinct: z.nullable(z.number()).check(z.describe('Exact with value counts or unique: true, else a HyperLogLog estimate')),
  min: z.nullable(z.union([z.number(), z.string()])),
  max: z.nullable(z.union([z.number(), z.string()])),
  mean: z.nullable(z.number()),
  stddev: z.nullable(z.number()),
  quantiles: z.nullable(z.record(z.string(), z.number())).check(z.describe('q -> value, from the fine histogram')),
  min_length: z.nullable(z.number()),
  max_length: z.nullable(z.number()),
  /** Most frequent values with counts (columns with at most 1 000 distinct values). */
  top_values: z.nullable(z.array(z.strictObject({ value: z.string(), count: z.number().check(z.int(), z.gte(0)) }))),
  /** Every value's count, for categorical skew (same columns as top_values). */
  value_counts: z.nullable(z.record(z.string(), z.number().check(z.int(), z.gte(0)))),
  histogram: z.nullable(FineHistogram),
});

export const DataProfile = z.strictObject({
  kind: z.literal('mlops-data-profile'),
  version: z.literal(PROFILE_VERSION),
  fingerprint: z.string(),
  files: z.array(z.strictObject({ path: z.string(), bytes: z.number().check(z.int(), z.gte(0)), sha256: z.string() })),
  rows: z.number().check(z.int(), z.gte(0)),
  columns: z.array(ColumnProfile),
});

export type ColumnProfile = z.infer<typeof ColumnProfile>;
export type DataProfile = z.infer<typeof DataProfile>;
export type FineHistogram = z.infer<typeof FineHistogram>;

export const PROFILE_QUANTILES = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];

/**
 * Exact quantile of a column whose every value is counted (value_counts of a numeric column with
 * few distinct values): NumPy's default (linear interpolation between the order statistics at
 * (n − 1)·q), so a 0/1 column's median is 0, 0.5 or 1 — never a point inside a histogram bin.
 * Undefined (null) when a key is not a finite number or the counts are empty.
 */
export function valueCountsQuantile(counts: Record<string, number>, q: number): number | null {
  const entries: [number, number][] = [];
  for (const [key, count] of Object.entries(counts)) {
    const value = Number(key);
    if (key.trim() === '' || !Number.isFinite(value)) return null;
    if (count > 0) entries.push([value, count]);
  }
  entries.sort((a, b) => a[0] - b[0]);
  const n = entries.reduce((sum, [, count]) => sum + count, 0);
  if (n === 0) return null;
  const position = (n - 1) * q;
  const lower = Math.floor(position);
  const at = (rank: number): number => {
    let seen = 0;
    for (const [value, count] of entries) {
      seen += count;
      if (rank < seen) return value;
    }
    return entries.at(-1)![0];
  };
  const low = at(lower);
  const fraction = position - lower;
  return fraction === 0 ? low : low + (at(lower + 1) - low) * fraction;
}

/** Quantile from a fine histogram, linear within the bin; clamped to the observed min/max. */
export function histogramQuantile(histogram: FineHistogram, q: number, min: number, max: number): number {
  const total = histogram.counts.reduce((a, b) => a + b, 0);
  if (total === 0) return Number.NaN;
  const target = q * total;
  const width = (histogram.high - histogram.low) / histogram.counts.length;
  let seen = 0;
  for (let i = 0; i < histogram.counts.length; i++) {
    const count = histogram.counts[i]!;
    if (count > 0 && seen + count >= target) {
      const value = histogram.low + width * (i + (target - seen) / count);
      return Math.min(max, Math.max(min, value));
    }
    seen += count;
  }
  return max;
}

/** Stable across runs: DuckDB's parallel sums differ in the last bits, so floats are rounded. */
export function stable(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return Number(value.toPrecision(12));
}
