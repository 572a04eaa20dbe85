import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  external_exports
} from "./chunk-IANH7F2M.js";

// shared/data/profile.ts
var PROFILE_VERSION = 1;
var FINE_BINS = 1e3;
var FineHistogram = external_exports.strictObject({
  /** Lower edge of bin 0 and upper edge of the last bin (values in epoch seconds for dates/timestamps): min..max, or a little wider (distributions.ts). */
  low: external_exports.number(),
  high: external_exports.number(),
  counts: external_exports.array(external_exports.number().int().nonnegative())
});
var ColumnProfile = external_exports.strictObject({
  name: external_exports.string(),
  /** integer | number | string | boolean | date | timestamp | other. */
  type: external_exports.string(),
  duckdb_type: external_exports.string(),
  count: external_exports.number().int().nonnegative().describe("Non-missing values"),
  nulls: external_exports.number().int().nonnegative(),
  null_fraction: external_exports.number(),
  distinct: external_exports.number().nullable().describe("Exact with value counts or unique: true, else a HyperLogLog estimate"),
  min: external_exports.union([external_exports.number(), external_exports.string()]).nullable(),
  max: external_exports.union([external_exports.number(), external_exports.string()]).nullable(),
  mean: external_exports.number().nullable(),
  stddev: external_exports.number().nullable(),
  quantiles: external_exports.record(external_exports.string(), external_exports.number()).nullable().describe("q -> value, from the fine histogram"),
  min_length: external_exports.number().nullable(),
  max_length: external_exports.number().nullable(),
  /** Most frequent values with counts (columns with at most 1 000 distinct values). */
  top_values: external_exports.array(external_exports.strictObject({ value: external_exports.string(), count: external_exports.number().int().nonnegative() })).nullable(),
  /** Every value's count, for categorical skew (same columns as top_values). */
  value_counts: external_exports.record(external_exports.string(), external_exports.number().int().nonnegative()).nullable(),
  histogram: FineHistogram.nullable()
});
var DataProfile = external_exports.strictObject({
  kind: external_exports.literal("mlops-data-profile"),
  version: external_exports.literal(PROFILE_VERSION),
  fingerprint: external_exports.string(),
  files: external_exports.array(external_exports.strictObject({ path: external_exports.string(), bytes: external_exports.number().int().nonnegative(), sha256: external_exports.string() })),
  rows: external_exports.number().int().nonnegative(),
  columns: external_exports.array(ColumnProfile)
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
