import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  external_exports
} from "./chunk-LH2H4NB2.js";

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

// shared/progress/progress.ts
var LOG_EVERY_MS = 5e3;
var LIVE_EVERY_MS = 250;
var Progress = class {
  constructor(sink, options) {
    this.sink = sink;
    this.options = options;
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
    this.last = this.started;
    this.total = options.total;
  }
  sink;
  options;
  started;
  last;
  lines = 0;
  shown = false;
  now;
  total;
  /** Reports `done` units (and the total, when it became known); writes only when the interval has passed. */
  update(done, total) {
    if (total !== void 0) this.total = total;
    const now = this.now();
    const live = this.sink.liveLine !== void 0;
    const every = live ? this.options.liveEveryMs ?? LIVE_EVERY_MS : this.options.logEveryMs ?? LOG_EVERY_MS;
    if (now - this.last < every) return;
    this.last = now;
    const text = formatProgress({ label: this.options.label, unit: this.options.unit, done, total: this.total, elapsedMs: now - this.started });
    if (live) {
      this.sink.liveLine(text);
      this.shown = true;
    } else {
      this.sink.info(text);
      this.lines += 1;
    }
  }
  /** Ends the report: clears a live line. Log lines already written stay (the caller logs the outcome). */
  finish() {
    if (this.shown) this.sink.liveLine?.(null);
    this.shown = false;
  }
  /** Log lines written so far. */
  get linesWritten() {
    return this.lines;
  }
};
function formatProgress(state) {
  const { label, unit, done, total, elapsedMs } = state;
  const seconds = elapsedMs / 1e3;
  const rate = seconds > 0 ? done / seconds : 0;
  const parts = [];
  if (total !== void 0 && total > 0) {
    const share = Math.min(1, Math.max(0, done / total));
    parts.push(`${amount(done, unit)} of ${amount(total, unit)} ${unitName(unit)} (${(share * 100).toFixed(1)} %)`);
  } else {
    parts.push(`${amount(done, unit)} ${unitName(unit)}`);
  }
  if (rate > 0) parts.push(`${amount(rate, unit)} ${unitName(unit)}/s`);
  if (total !== void 0 && total > 0 && rate > 0 && done < total) parts.push(`about ${duration((total - done) / rate)} left`);
  else if (total !== void 0 && total > 0 && done >= total) parts.push("finishing");
  return `${label}: ${parts.join(", ")}`;
}
function unitName(unit) {
  return unit === "bytes" ? "MB" : unit;
}
function amount(value, unit) {
  if (unit === "bytes") return (value / 1e6).toFixed(1);
  return Math.round(value).toLocaleString("en-US");
}
function duration(seconds) {
  if (!Number.isFinite(seconds) || seconds < 0) return "unknown";
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
  const minutes = Math.round(s / 60);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

export {
  PROFILE_VERSION,
  FINE_BINS,
  DataProfile,
  PROFILE_QUANTILES,
  valueCountsQuantile,
  histogramQuantile,
  stable,
  Progress
};
