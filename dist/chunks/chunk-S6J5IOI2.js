import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  _gte,
  array,
  describe,
  int,
  literal,
  nullable,
  number2 as number,
  record,
  strictObject,
  string,
  union
} from "./chunk-A3VPNE7V.js";

// shared/data/profile.ts
var PROFILE_VERSION = 1;
var FINE_BINS = 1e3;
var FineHistogram = strictObject({
  /** Lower edge of bin 0 and upper edge of the last bin (values in epoch seconds for dates/timestamps): min..max, or a little wider (distributions.ts). */
  low: number(),
  high: number(),
  counts: array(number().check(int(), _gte(0)))
});
var ColumnProfile = strictObject({
  name: string(),
  /** integer | number | string | boolean | date | timestamp | other. */
  type: string(),
  duckdb_type: string(),
  count: number().check(int(), _gte(0), describe("Non-missing values")),
  nulls: number().check(int(), _gte(0)),
  null_fraction: number(),
  distinct: nullable(number()).check(describe("Exact with value counts or unique: true, else a HyperLogLog estimate")),
  min: nullable(union([number(), string()])),
  max: nullable(union([number(), string()])),
  mean: nullable(number()),
  stddev: nullable(number()),
  quantiles: nullable(record(string(), number())).check(describe("q -> value, from the fine histogram")),
  min_length: nullable(number()),
  max_length: nullable(number()),
  /** Most frequent values with counts (columns with at most 1 000 distinct values). */
  top_values: nullable(array(strictObject({ value: string(), count: number().check(int(), _gte(0)) }))),
  /** Every value's count, for categorical skew (same columns as top_values). */
  value_counts: nullable(record(string(), number().check(int(), _gte(0)))),
  histogram: nullable(FineHistogram)
});
var DataProfile = strictObject({
  kind: literal("mlops-data-profile"),
  version: literal(PROFILE_VERSION),
  fingerprint: string(),
  files: array(strictObject({ path: string(), bytes: number().check(int(), _gte(0)), sha256: string() })),
  rows: number().check(int(), _gte(0)),
  columns: array(ColumnProfile)
});
var PROFILE_QUANTILES = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];
function valueCountsQuantile(counts, q) {
  const entries = [];
  for (const [key, count] of Object.entries(counts)) {
    const value = Number(key);
    if (key.trim() === "" || !Number.isFinite(value)) return null;
    if (count > 0) entries.push([value, count]);
  }
  entries.sort((a, b) => a[0] - b[0]);
  const n = entries.reduce((sum, [, count]) => sum + count, 0);
  if (n === 0) return null;
  const position = (n - 1) * q;
  const lower = Math.floor(position);
  const at = (rank) => {
    let seen = 0;
    for (const [value, count] of entries) {
      seen += count;
      if (rank < seen) return value;
    }
    return entries.at(-1)[0];
  };
  const low = at(lower);
  const fraction = position - lower;
  return fraction === 0 ? low : low + (at(lower + 1) - low) * fraction;
}
function histogramQuantile(histogram, q, min, max) {
  const total = histogram.counts.reduce((a, b) => a + b, 0);
  if (total === 0) return Number.NaN;
  const target = q * total;
  const width = (histogram.high - histogram.low) / histogram.counts.length;
  let seen = 0;
  for (let i = 0; i < histogram.counts.length; i++) {
    const count = histogram.counts[i];
    if (count > 0 && seen + count >= target) {
      const value = histogram.low + width * (i + (target - seen) / count);
      return Math.min(max, Math.max(min, value));
    }
    seen += count;
  }
  return max;
}
function stable(value) {
  if (value === null || value === void 0 || !Number.isFinite(value)) return null;
  return Number(value.toPrecision(12));
}

export {
  PROFILE_VERSION,
  FINE_BINS,
  DataProfile,
  PROFILE_QUANTILES,
  valueCountsQuantile,
  histogramQuantile,
  stable
};
