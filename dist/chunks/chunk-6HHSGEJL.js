import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  FINE_BINS,
  PROFILE_QUANTILES,
  PROFILE_VERSION,
  histogramQuantile,
  stable,
  valueCountsQuantile
} from "./chunk-S6J5IOI2.js";
import {
  fingerprintData
} from "./chunk-F6PV3AJM.js";
import {
  Progress
} from "./chunk-GG7GAS35.js";
import {
  doubleColumn,
  validityBits,
  writeZeros
} from "./chunk-QSV4JYVJ.js";
import {
  DataScan,
  linesOfRecords,
  openDuckSession,
  sqlDouble,
  sqlIdentifier,
  sqlString
} from "./chunk-G6IGFEOW.js";
import {
  digitsToTellApart
} from "./chunk-DRKOEN4Q.js";
import {
  normalQuantileApprox
} from "./chunk-65D4D4NJ.js";
import {
  UserError
} from "./chunk-OIBAWGZR.js";

// shared/data/skew.ts
var DEFAULT_SKEW = { psi: 0.25, jsd: 0.1, bins: 10, significance: 0.01 };
function columnSkew(current, reference, settings) {
  const binned = current.histogram && reference.histogram ? valueBins(current, reference, settings.bins) ?? numericBins(current, reference, settings.bins) : categoricalBins(current, reference);
  if (!binned) return void 0;
  const { labels, currentCounts, referenceCounts, kind } = binned;
  const n = sum(currentCounts);
  const m = sum(referenceCounts);
  const k = labels.length;
  if (n === 0 || m === 0 || k < 2) return void 0;
  const p = currentCounts.map((c) => (c + 0.5) / (n + 0.5 * k));
  const q = referenceCounts.map((c) => (c + 0.5) / (m + 0.5 * k));
  const psi = p.reduce((acc, pi, i) => acc + (pi - q[i]) * Math.log(pi / q[i]), 0);
  const js = p.reduce((acc, pi, i) => {
    const qi = q[i];
    const mi = (pi + qi) / 2;
    return acc + 0.5 * pi * Math.log2(pi / mi) + 0.5 * qi * Math.log2(qi / mi);
  }, 0);
  const jsd = Math.sqrt(Math.max(0, js));
  const chi = chiSquareQuantile(1 - settings.significance, k - 1);
  const scale = 1 / n + 1 / m;
  const psiNoise = chi * scale;
  const jsdNoise = Math.sqrt(chi * scale / (8 * Math.LN2));
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
    shares: labels.map((label, i) => ({ label, current: currentCounts[i] / n, reference: referenceCounts[i] / m }))
  };
}
function numericValueCounts(profile) {
  if (!profile.value_counts || profile.type !== "integer" && profile.type !== "number") return void 0;
  const out = /* @__PURE__ */ new Map();
  for (const [key, count] of Object.entries(profile.value_counts)) {
    const value = Number(key);
    if (key.trim() === "" || !Number.isFinite(value)) return void 0;
    out.set(value, (out.get(value) ?? 0) + count);
  }
  return out;
}
function valueBins(current, reference, bins) {
  const cur = numericValueCounts(current);
  const ref = numericValueCounts(reference);
  if (!cur || !ref) return void 0;
  const values = [.../* @__PURE__ */ new Set([...cur.keys(), ...ref.keys()])].sort((a, b) => a - b);
  const total = [...ref.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return void 0;
  const uppers = [];
  let seen = 0;
  let next = 1;
  for (let i = 0; i < values.length - 1; i++) {
    seen += ref.get(values[i]) ?? 0;
    if (next < bins && seen / total >= next / bins - 1e-12) {
      uppers.push(values[i]);
      while (next < bins && seen / total >= next / bins - 1e-12) next++;
    }
  }
  const labels = [];
  const currentCounts = [];
  const referenceCounts = [];
  let start = 0;
  for (let b = 0; b <= uppers.length; b++) {
    const upper = b < uppers.length ? uppers[b] : Number.POSITIVE_INFINITY;
    let c = 0;
    let r = 0;
    let first;
    let last;
    while (start < values.length && values[start] <= upper) {
      const v = values[start++];
      first ??= v;
      last = v;
      c += cur.get(v) ?? 0;
      r += ref.get(v) ?? 0;
    }
    if (first === void 0) continue;
    labels.push(first === last ? fmt(first) : `${fmt(first)}\u2013${fmt(last)}`);
    currentCounts.push(c);
    referenceCounts.push(r);
  }
  return { kind: "numeric", labels, currentCounts, referenceCounts };
}
function numericBins(current, reference, bins) {
  const ref = reference.histogram;
  const refMin = Number(reference.min);
  const refMax = Number(reference.max);
  const inner = [];
  for (let i = 1; i < bins; i++) {
    const edge = histogramQuantile(ref, i / bins, refMin, refMax);
    if (Number.isFinite(edge) && (inner.length === 0 || edge > inner.at(-1))) inner.push(edge);
  }
  if (inner.length === 0) return void 0;
  const edges = [Number.NEGATIVE_INFINITY, ...inner, Number.POSITIVE_INFINITY];
  const digits = digitsToTellApart(inner, fmt, 4, 15);
  const f = (x) => fmt(x, digits);
  const labels = edges.slice(0, -1).map((low, i) => i === 0 ? `< ${f(edges[1])}` : i === edges.length - 2 ? `\u2265 ${f(low)}` : `${f(low)}\u2013${f(edges[i + 1])}`);
  return { kind: "numeric", labels, currentCounts: rebin(current.histogram, edges), referenceCounts: rebin(ref, edges) };
}
function rebin(histogram, edges) {
  const out = new Array(edges.length - 1).fill(0);
  const fine = histogram.counts.length;
  const width = (histogram.high - histogram.low) / fine;
  for (let i = 0; i < fine; i++) {
    const count = histogram.counts[i];
    if (count === 0) continue;
    const low = histogram.low + i * width;
    const high = low + width;
    if (width === 0) {
      out[binOf(edges, low)] += count;
      continue;
    }
    for (let b = 0; b < out.length; b++) {
      const overlap = Math.min(high, edges[b + 1]) - Math.max(low, edges[b]);
      if (overlap > 0) out[b] += count * overlap / width;
    }
  }
  return out;
}
function binOf(edges, value) {
  for (let b = 0; b < edges.length - 1; b++) if (value < edges[b + 1]) return b;
  return edges.length - 2;
}
function categoricalBins(current, reference) {
  if (!current.value_counts || !reference.value_counts) return void 0;
  const labels = [.../* @__PURE__ */ new Set([...Object.keys(reference.value_counts), ...Object.keys(current.value_counts)])].sort();
  if (labels.length > Math.min(current.count, reference.count) / 2) return void 0;
  return {
    kind: "categorical",
    labels,
    currentCounts: labels.map((l) => current.value_counts[l] ?? 0),
    referenceCounts: labels.map((l) => reference.value_counts[l] ?? 0)
  };
}
function chiSquareQuantile(p, k) {
  const z = normalQuantile(p);
  const a = 2 / (9 * k);
  return k * Math.max(0, 1 - a + z * Math.sqrt(a)) ** 3;
}
var normalQuantile = normalQuantileApprox;
function sum(values) {
  return values.reduce((a, b) => a + b, 0);
}
function fmt(value, digits = 4) {
  return Number(value.toPrecision(digits)).toString();
}

// shared/data/query-progress.ts
import { stat } from "node:fs/promises";
var POLL_MS = 250;
function bytesDone(progress, totalBytes2) {
  if (!(progress.percentage >= 0)) return void 0;
  return Math.min(100, progress.percentage) / 100 * totalBytes2;
}
async function totalBytes(files) {
  let total = 0;
  for (const file of files) total += (await stat(file)).size;
  return total;
}
async function withQueryProgress(connection, sink, label, total, work) {
  if (!sink || total <= 0) return work();
  const progress = new Progress(sink, { label, unit: "bytes", total });
  const timer = setInterval(() => {
    const done = bytesDone(connection.progress, total);
    if (done !== void 0) progress.update(done);
  }, POLL_MS);
  timer.unref();
  try {
    return await work();
  } finally {
    clearInterval(timer);
    progress.finish();
  }
}

// shared/data/validate/column-plan.ts
function planColumn(column, contract, key) {
  const raw = sqlIdentifier(column.name);
  const declared = contract?.type;
  const { value, wrongType } = declared ? typedValue(raw, column.kind, declared) : { value: raw, wrongType: void 0 };
  const type = declared ?? column.kind;
  const rowChecks = [];
  if (wrongType) rowChecks.push({ check: "type", condition: wrongType, message: `value is not ${article(declared)}` });
  if (contract) rowChecks.push(...contractChecks(value, raw, type, contract, key));
  return { column, type, value, raw, contract, severity: contract?.severity ?? "error", rowChecks };
}
function valueText(plan) {
  return plan.type === "string" ? plan.value : `CAST(${plan.value} AS VARCHAR)`;
}
function forcedReadType(declared, format) {
  if (declared === "string" || declared && format === "jsonl") return "VARCHAR";
  return void 0;
}
function typedValue(raw, kind, declared) {
  const fromText = (sqlType) => {
    const value = `TRY_CAST(${raw} AS ${sqlType})`;
    return { value, wrongType: `(${raw} IS NOT NULL AND ${value} IS NULL)` };
  };
  const never = { value: `NULL`, wrongType: `(${raw} IS NOT NULL)` };
  switch (declared) {
    case "string":
      return { value: kind === "string" ? raw : `CAST(${raw} AS VARCHAR)` };
    case "integer":
      if (kind === "integer") return { value: raw };
      if (kind === "number") return { value: `CASE WHEN ${raw} = round(${raw}) THEN ${raw} END`, wrongType: `(${raw} IS NOT NULL AND ${raw} <> round(${raw}))` };
      if (kind === "string") return fromText("BIGINT");
      return never;
    case "number":
      if (kind === "integer" || kind === "number") return { value: `CAST(${raw} AS DOUBLE)` };
      if (kind === "string") return fromText("DOUBLE");
      return never;
    case "boolean":
      if (kind === "boolean") return { value: raw };
      if (kind === "string") return fromText("BOOLEAN");
      if (kind === "integer") return { value: `CASE WHEN ${raw} IN (0, 1) THEN ${raw} = 1 END`, wrongType: `(${raw} IS NOT NULL AND ${raw} NOT IN (0, 1))` };
      return never;
    case "date":
      if (kind === "date") return { value: raw };
      if (kind === "string") return fromText("DATE");
      if (kind === "timestamp") return { value: `CASE WHEN CAST(${raw} AS TIME) = TIME '00:00:00' THEN CAST(${raw} AS DATE) END`, wrongType: `(${raw} IS NOT NULL AND CAST(${raw} AS TIME) <> TIME '00:00:00')` };
      return never;
    case "timestamp":
      if (kind === "timestamp" || kind === "date") return { value: `CAST(${raw} AS TIMESTAMP)` };
      if (kind === "string") return fromText("TIMESTAMP");
      return never;
  }
}
function contractChecks(value, raw, type, contract, key) {
  const checks = [];
  const present = (condition) => `(${value} IS NOT NULL AND (${condition}))`;
  if (contract.nullable === false) checks.push({ check: "nullable", condition: `(${raw} IS NULL)`, message: "value is missing" });
  if (contract.min !== void 0 || contract.max !== void 0) {
    const parts = [];
    if (contract.min !== void 0) parts.push(`${value} < ${literal(contract.min, type, `${key}.min`)}`);
    if (contract.max !== void 0) parts.push(`${value} > ${literal(contract.max, type, `${key}.max`)}`);
    const bounds2 = [contract.min !== void 0 ? `\u2265 ${contract.min}` : "", contract.max !== void 0 ? `\u2264 ${contract.max}` : ""].filter(Boolean).join(" and ");
    checks.push({ check: "range", condition: present(parts.join(" OR ")), message: `value outside the range (must be ${bounds2})` });
  }
  if (contract.values) {
    const numeric = type === "integer" || type === "number";
    const list = contract.values.map((v, i) => numeric ? literal(v, type, `${key}.values[${i}]`) : sqlString(String(v))).join(", ");
    const subject = numeric ? value : `CAST(${value} AS VARCHAR)`;
    checks.push({ check: "values", condition: present(`${subject} NOT IN (${list})`), message: `value not among the allowed values (${contract.values.map(String).join(", ")})` });
  }
  if (contract.pattern !== void 0) {
    checks.push({ check: "pattern", condition: present(`NOT regexp_full_match(CAST(${value} AS VARCHAR), ${sqlString(contract.pattern)})`), message: `value does not match ${contract.pattern}` });
  }
  if (contract.min_length !== void 0 || contract.max_length !== void 0) {
    const length = `length(CAST(${value} AS VARCHAR))`;
    const parts = [];
    if (contract.min_length !== void 0) parts.push(`${length} < ${contract.min_length}`);
    if (contract.max_length !== void 0) parts.push(`${length} > ${contract.max_length}`);
    checks.push({ check: "length", condition: present(parts.join(" OR ")), message: `value length outside ${contract.min_length ?? 0}..${contract.max_length ?? "\u221E"} characters` });
  }
  return checks;
}
function literal(bound, type, key) {
  const bad = (expected) => new UserError(`${JSON.stringify(bound)} is not ${expected}`, { where: { file: "mlops.yml", key: `data.columns.${key}` }, hint: `The column's type is ${type}.` });
  if (type === "integer" || type === "number") {
    if (typeof bound !== "number") throw bad("a number");
    return String(bound);
  }
  if (type === "date" || type === "timestamp") {
    if (typeof bound !== "string" || Number.isNaN(Date.parse(bound))) throw bad(`an ISO ${type} such as "2024-01-31"`);
    return `${type === "date" ? "DATE" : "TIMESTAMP"} ${sqlString(bound)}`;
  }
  return sqlString(String(bound));
}
function article(type) {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

// shared/data/validate/distributions.ts
var MAX_CATEGORIES = 1e3;
var SUB_BINS = 4;
var GRID_BINS = SUB_BINS * FINE_BINS;
var FAR_BINS = 64 * GRID_BINS;
function gridBin(value, low, high) {
  const width = (high - low) / GRID_BINS;
  const bin = `floor((${value} - ${sqlDouble(low)}) / ${sqlDouble(width)})`;
  return `CASE WHEN ${value} IS NULL THEN NULL WHEN ${value} <= ${sqlDouble(high)} THEN greatest(least(${bin}, ${GRID_BINS - 1}), ${-FAR_BINS}) ELSE least(greatest(${bin}, ${GRID_BINS}), ${GRID_BINS - 1 + FAR_BINS}) END::BIGINT`;
}
function foldGrid(bins, low, high) {
  const keys = Object.keys(bins).map(Number);
  if (keys.length === 0) return void 0;
  const first = Math.min(...keys);
  const last = Math.max(...keys);
  if (first <= -FAR_BINS || last >= GRID_BINS - 1 + FAR_BINS) return void 0;
  const inside = first >= 0 && last <= GRID_BINS - 1;
  const start = inside ? 0 : first;
  const span = inside ? GRID_BINS : last - first + 1;
  const group = Math.ceil(span / FINE_BINS);
  const counts = new Array(Math.ceil(span / group)).fill(0);
  for (const key of keys) counts[Math.floor((key - start) / group)] += bins[String(key)];
  if (inside) return { low, high, counts };
  const width = (high - low) / GRID_BINS;
  return { low: low + start * width, high: low + (start + counts.length * group) * width, counts };
}
function histogramOfValues(values, low, high, type) {
  const width = (high - low) / FINE_BINS;
  const counts = new Array(FINE_BINS).fill(0);
  for (const [key, count] of Object.entries(values)) {
    const x = type === "date" || type === "timestamp" ? epochSeconds(key) : Number(key);
    if (!Number.isFinite(x)) return null;
    counts[Math.min(Math.max(Math.floor((x - low) / width), 0), FINE_BINS - 1)] += count;
  }
  return { low, high, counts };
}
async function completeDistributions(scan, plans, looks, stats) {
  const wanted = plans.map(() => ({ histogram: false, values: false }));
  const result = plans.map((plan, j) => {
    const s = stats[j];
    const look = looks[j];
    let valueCounts = null;
    if (look.categorical && s.valueCounts) {
      s.distinct = Object.keys(s.valueCounts).length;
      if (s.count > 0 && s.distinct <= MAX_CATEGORIES) valueCounts = s.valueCounts;
    } else if (s.distinct !== null && s.distinct <= MAX_CATEGORIES && s.count > 0) {
      wanted[j].values = true;
    }
    let histogram = null;
    const bounds2 = numericExpression(plan) ? numericBounds(s) : void 0;
    if (bounds2 && s.count > 0) {
      if (bounds2.low === bounds2.high) histogram = { low: bounds2.low, high: bounds2.high, counts: [s.count] };
      else if (look.categorical && s.valueCounts) histogram = histogramOfValues(s.valueCounts, bounds2.low, bounds2.high, plan.type);
      else if (s.bins && look.range) histogram = foldGrid(s.bins, look.range.low, look.range.high) ?? null;
      if (!histogram) wanted[j].histogram = true;
    }
    return { histogram, valueCounts };
  });
  if (!wanted.some((w) => w.histogram || w.values)) return result;
  const redone = await distributionPass(scan, plans, stats, wanted);
  return result.map((r, j) => ({ histogram: wanted[j].histogram ? redone[j].histogram : r.histogram, valueCounts: wanted[j].values ? redone[j].valueCounts : r.valueCounts }));
}
async function distributionPass(scan, plans, stats, wanted) {
  const select = [];
  const readers = [];
  plans.forEach((plan, j) => {
    const s = stats[j];
    let histogram;
    const numericValue = numericExpression(plan);
    const bounds2 = numericBounds(s);
    if (wanted[j].histogram && numericValue && bounds2 && s.count > 0) {
      const { low, high } = bounds2;
      const width = (high - low) / FINE_BINS;
      const bin = `CASE WHEN ${numericValue} IS NOT NULL THEN ${width > 0 ? `least(greatest(floor((${numericValue} - ${sqlDouble(low)}) / ${sqlDouble(width)})::BIGINT, 0), ${FINE_BINS - 1})` : "0"} END`;
      select.push(`to_json(histogram(${bin})) AS h${j}`);
      histogram = (json) => {
        const counts = new Array(width > 0 ? FINE_BINS : 1).fill(0);
        for (const [key, count] of Object.entries(JSON.parse(json))) counts[Number(key)] = count;
        return { low, high, counts };
      };
    }
    const categorical = wanted[j].values;
    if (categorical) select.push(`to_json(histogram(CAST(${plan.value} AS VARCHAR))) AS v${j}`);
    readers.push((row2) => ({
      histogram: histogram && typeof row2[`h${j}`] === "string" ? histogram(row2[`h${j}`]) : null,
      valueCounts: categorical && typeof row2[`v${j}`] === "string" ? JSON.parse(row2[`v${j}`]) : null
    }));
  });
  if (select.length === 0) return readers.map((read) => read({}));
  const row = await scan.run(async (from) => {
    const reader = await scan.session.connection.runAndReadAll(`SELECT ${select.join(", ")} FROM ${from}`);
    return reader.getRowObjectsJS()[0];
  });
  return readers.map((read) => read(row));
}
function numericExpression(plan) {
  if (plan.type === "integer" || plan.type === "number") return `CAST(${plan.value} AS DOUBLE)`;
  if (plan.type === "date" || plan.type === "timestamp") return `epoch(CAST(${plan.value} AS TIMESTAMP))`;
  return void 0;
}
function epochSeconds(text) {
  return Date.parse(text.includes("T") || text.length <= 10 ? text : text.replace(" ", "T") + "Z") / 1e3;
}
function numericBounds(s) {
  const toNumber = (x) => typeof x === "number" ? x : typeof x === "string" ? epochSeconds(x) : Number.NaN;
  const low = toNumber(s.min);
  const high = toNumber(s.max);
  if (!Number.isFinite(low) || !Number.isFinite(high)) return void 0;
  return { low, high };
}

// shared/data/validate/prefix.ts
var PREFIX_ROWS = 65536;
var SATURATION = 20;
function countsDistinct(plan) {
  return plan.type !== "number" || plan.contract?.distinct !== void 0;
}
async function prefixLook(scan, plans) {
  const select = ["count(*)::DOUBLE AS n"];
  plans.forEach((plan, j) => {
    const numeric = numericExpression(plan);
    if (numeric) select.push(`min(${numeric})::DOUBLE AS lo${j}`, `max(${numeric})::DOUBLE AS hi${j}`);
    if (countsDistinct(plan)) select.push(`count(DISTINCT ${plan.value})::DOUBLE AS d${j}`);
    if (countsDistinct(plan) && plan.type !== "integer" && plan.type !== "date") {
      select.push(`CASE WHEN count(DISTINCT ${plan.value}) <= ${MAX_CATEGORIES} THEN list(DISTINCT ${valueText(plan)}) FILTER (WHERE ${valueText(plan)} IS NOT NULL) END AS l${j}`);
    }
  });
  const row = await scan.run(async (from) => {
    const reader = await scan.session.connection.runAndReadAll(`SELECT ${select.join(", ")} FROM (SELECT * FROM ${from} LIMIT ${PREFIX_ROWS})`);
    return reader.getRowObjectsJS()[0];
  });
  const num = (key) => typeof row[key] === "number" && Number.isFinite(row[key]) ? row[key] : null;
  const rows = num("n") ?? 0;
  const whole = rows < PREFIX_ROWS;
  return plans.map((_, j) => {
    const low = num(`lo${j}`);
    const high = num(`hi${j}`);
    const distinct = num(`d${j}`);
    const categorical = distinct !== null && distinct <= MAX_CATEGORIES && (whole || distinct * SATURATION <= rows);
    const list = row[`l${j}`];
    const labels = categorical && Array.isArray(list) ? list.filter((x) => typeof x === "string").sort() : null;
    return { range: low !== null && high !== null ? { low, high } : null, categorical, labels };
  });
}

// shared/data/validate/chunk-function.ts
var registered = 0;
function registerChunkFunction(engine, connection, args) {
  if (args.length === 0) return [];
  const name = `mlops_chunks_${++registered}`;
  connection.registerScalarFunction(
    engine.DuckDBScalarFunction.create({
      name,
      returnType: engine.INTEGER,
      parameterTypes: args.map((arg) => engine[arg.type]),
      volatile: true,
      specialHandling: true,
      mainFunction(_info, chunk, out) {
        const rows = chunk.rowCount;
        for (let k = 0; k < args.length; k++) args[k].consume(chunk.getColumnVector(k), rows);
        writeZeros(out, rows);
      }
    })
  );
  return [`sum(${name}(${args.map((arg) => arg.sql).join(", ")})) AS ${name}`];
}

// shared/data/validate/tally.ts
var DENSE_INTEGERS = 1 << 16;
var EXACT_INTEGER = 2 ** 53;
var ColumnTally = class {
  total = 0;
  /** False when a value could not be keyed exactly (an integer beyond ±2^53). */
  exact = true;
};
var BinTally = class extends ColumnTally {
  constructor(low, high) {
    super();
    this.low = low;
    this.high = high;
    this.width = (high - low) / GRID_BINS;
  }
  low;
  high;
  inside = new Float64Array(GRID_BINS);
  outside = /* @__PURE__ */ new Map();
  width;
  /** The grid's bin, as the SQL of pass 1 computed it before: CASE WHEN x <= high THEN greatest(least(floor((x - low) / width), GRID - 1), -FAR) ELSE least(greatest(…, GRID), GRID - 1 + FAR) END (NaN sorts last in DuckDB). */
  bin(x) {
    const b = Math.floor((x - this.low) / this.width);
    if (x <= this.high) return b > GRID_BINS - 1 ? GRID_BINS - 1 : b < -FAR_BINS ? -FAR_BINS : b;
    return Number.isNaN(b) || b > GRID_BINS - 1 + FAR_BINS ? GRID_BINS - 1 + FAR_BINS : b < GRID_BINS ? GRID_BINS : b;
  }
  add(values, valid, rows) {
    const { inside, outside, low, high, width } = this;
    let seen = 0;
    for (let i = 0; i < rows; i++) {
      if (valid !== null && (valid[i >>> 5] >>> (i & 31) & 1) === 0) continue;
      seen++;
      const x = values[i];
      const b = Math.floor((x - low) / width);
      if (x <= high && b >= 0 && b < GRID_BINS) inside[b]++;
      else {
        const key = this.bin(x);
        if (key >= 0 && key < GRID_BINS) inside[key]++;
        else outside.set(key, (outside.get(key) ?? 0) + 1);
      }
    }
    this.total += seen;
  }
  counts() {
    const result = {};
    for (let b = 0; b < GRID_BINS; b++) if (this.inside[b] > 0) result[b] = this.inside[b];
    for (const [key, count] of this.outside) result[key] = count;
    return result;
  }
};
var IntegerTally = class extends ColumnTally {
  dense;
  sparse = /* @__PURE__ */ new Map();
  base;
  /** low..high: the prefix's range, where a dense array counts (at most 65 536 values wide). */
  constructor(low, high) {
    super();
    const span = Number.isFinite(low) && Number.isFinite(high) ? high - low + 1 : 0;
    this.base = span > 0 ? low : 0;
    this.dense = new Float64Array(span > 0 && span <= DENSE_INTEGERS ? span : 0);
  }
  add(values, valid, rows) {
    const { dense, sparse, base } = this;
    const size = dense.length;
    let seen = 0;
    for (let i = 0; i < rows; i++) {
      if (valid !== null && (valid[i >>> 5] >>> (i & 31) & 1) === 0) continue;
      seen++;
      const x = values[i];
      const slot = x - base;
      if (slot >= 0 && slot < size) dense[slot]++;
      else {
        if (!(Math.abs(x) < EXACT_INTEGER) || !Number.isInteger(x)) this.exact = false;
        sparse.set(x, (sparse.get(x) ?? 0) + 1);
      }
    }
    this.total += seen;
  }
  counts() {
    const result = {};
    for (let slot = 0; slot < this.dense.length; slot++) if (this.dense[slot] > 0) result[String(this.base + slot)] = this.dense[slot];
    for (const [value, count] of this.sparse) result[String(value)] = (result[String(value)] ?? 0) + count;
    return result;
  }
};
var CodeTally = class extends ColumnTally {
  constructor(labels) {
    super();
    this.labels = labels;
    this.known = new Float64Array(labels.length);
  }
  labels;
  known;
  unseen = /* @__PURE__ */ new Map();
  add(codes, valid, rows) {
    const known = this.known;
    let seen = 0;
    for (let i = 0; i < rows; i++) {
      if (valid !== null && (valid[i >>> 5] >>> (i & 31) & 1) === 0) continue;
      seen++;
      known[codes[i]]++;
    }
    this.total += seen;
  }
  /** A text the prefix did not see (the ENUM cast was NULL for it). */
  addUnseen(text) {
    this.unseen.set(text, (this.unseen.get(text) ?? 0) + 1);
    this.total += 1;
  }
  counts() {
    const result = {};
    this.labels.forEach((label, k) => {
      if (this.known[k] > 0) result[label] = this.known[k];
    });
    for (const [text, count] of this.unseen) result[text] = count;
    return result;
  }
};
function columnTally(spec) {
  switch (spec.kind) {
    case "bins":
      return new BinTally(spec.low, spec.high);
    case "integers":
      return new IntegerTally(spec.low, spec.high);
    case "codes":
      return new CodeTally(spec.labels);
  }
}
function tallyArguments(columns) {
  const tallies = columns.map((c) => columnTally(c.spec));
  const args = [];
  columns.forEach((column, j) => {
    const tally = tallies[j];
    if (column.value) {
      args.push({
        sql: column.value,
        type: "DOUBLE",
        consume(vector, rows) {
          const { values, valid } = doubleColumn(vector, rows);
          tally.add(values, valid, rows);
        }
      });
    }
    if (column.unseen) {
      args.push({
        sql: column.unseen,
        type: "VARCHAR",
        consume(vector, rows) {
          const valid = validityBits(vector) ?? null;
          for (let i = 0; i < rows; i++) {
            if (valid !== null && (valid[i >>> 5] >>> (i & 31) & 1) === 0) continue;
            const text = vector.getItem(i);
            if (typeof text === "string") tally.addUnseen(text);
          }
        }
      });
    }
  });
  return { arguments: args, tallies };
}

// shared/data/validate/pairwise-different.ts
var BUCKET_TARGET = 1024;
var PROBE_BUDGET = 8;
function pairwiseDifferent(hashes) {
  const n = hashes.length;
  if (n < 2) return true;
  const words = new Uint32Array(hashes.buffer, hashes.byteOffset, 2 * n);
  const bits = Math.max(0, Math.min(16, Math.ceil(Math.log2(n / BUCKET_TARGET))));
  const shift = 32 - bits;
  const buckets = 1 << bits;
  const bucketOf = bits === 0 ? () => 0 : (high) => high >>> shift;
  const starts = new Uint32Array(buckets + 1);
  for (let i = 0; i < n; i++) starts[bucketOf(words[2 * i + 1]) + 1] += 1;
  let largest = 0;
  for (let b = 1; b <= buckets; b++) {
    largest = Math.max(largest, starts[b]);
    starts[b] += starts[b - 1];
  }
  const next = starts.slice(0, buckets);
  const grouped = new Uint32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const high = words[2 * i + 1];
    const j = next[bucketOf(high)]++;
    grouped[2 * j] = words[2 * i];
    grouped[2 * j + 1] = high;
  }
  const tableBits = Math.max(4, Math.ceil(Math.log2(largest)) + 1);
  const slots = 1 << tableBits;
  const mask = slots - 1;
  const lows = new Uint32Array(slots);
  const highs = new Uint32Array(slots);
  const stamp = new Uint32Array(slots);
  let probes = 0;
  for (let b = 0; b < buckets; b++) {
    const taken = b + 1;
    for (let j = starts[b]; j < starts[b + 1]; j++) {
      const low = grouped[2 * j];
      const high = grouped[2 * j + 1];
      let s = Math.imul(low ^ high, 2654435761) >>> 32 - tableBits;
      while (stamp[s] === taken) {
        if (lows[s] === low && highs[s] === high) return false;
        s = s + 1 & mask;
        if (++probes > PROBE_BUDGET * n) return pairwiseDifferentBySort(hashes);
      }
      stamp[s] = taken;
      lows[s] = low;
      highs[s] = high;
    }
  }
  return true;
}
function pairwiseDifferentBySort(hashes) {
  const sorted = hashes.sort();
  const words = new Uint32Array(sorted.buffer, sorted.byteOffset, sorted.length * 2);
  for (let i = 1; i < sorted.length; i++) if (words[2 * i] === words[2 * i - 2] && words[2 * i + 1] === words[2 * i - 1]) return false;
  return true;
}

// shared/data/validate/unique-hashes.ts
var MAX_HASHES = 1 << 23;
var FIRST_CAPACITY = 1 << 16;
var GROWTH = 4;
var HashCollector = class {
  constructor(limit = MAX_HASHES) {
    this.limit = limit;
  }
  limit;
  hashes = new BigUint64Array(FIRST_CAPACITY);
  /** Present values seen (also those beyond MAX_HASHES, which are not kept). */
  total = 0;
  /** Whether every value seen is kept (no overflow). */
  get complete() {
    return this.total <= this.limit;
  }
  add(vector, rows) {
    const items = vector.items;
    const valid = validityBits(vector);
    if (!(items instanceof BigUint64Array) || valid === void 0) {
      for (let i = 0; i < rows; i++) {
        const x = vector.getItem(i);
        if (typeof x === "bigint") this.push(x);
      }
      return;
    }
    if (valid === null) {
      this.reserve(rows);
      if (this.complete && this.total + rows <= this.limit) this.hashes.set(items.subarray(0, rows), this.total);
      this.total += rows;
      return;
    }
    for (let i = 0; i < rows; i++) if (valid[i >>> 5] >>> (i & 31) & 1) this.push(items[i]);
  }
  push(hash) {
    this.reserve(1);
    if (this.total < this.limit) this.hashes[this.total] = hash;
    this.total += 1;
  }
  /** Room for `more` hashes (up to the limit); after an overflow nothing more is kept. */
  reserve(more) {
    const needed = this.total + more;
    if (needed <= this.hashes.length || needed > this.limit) {
      if (needed > this.limit) this.hashes = new BigUint64Array(0);
      return;
    }
    let capacity = this.hashes.length;
    while (capacity < needed) capacity *= GROWTH;
    const grown = new BigUint64Array(Math.min(capacity, this.limit));
    grown.set(this.hashes.subarray(0, this.total));
    this.hashes = grown;
  }
  /**
   * Whether the kept hashes are pairwise different (then so are the values). The answer is kept
   * and the hashes (up to 64 MB) are released, so the rest of validation does not hold them.
   */
  allDistinct() {
    this.answer ??= this.complete && pairwiseDifferent(this.hashes.subarray(0, this.total));
    this.hashes = new BigUint64Array(0);
    return this.answer;
  }
  answer;
};
function hashArguments(values, limit = MAX_HASHES) {
  const collectors = values.map(() => new HashCollector(limit));
  const args = values.map((value, k) => ({
    sql: `CASE WHEN ${value} IS NOT NULL THEN hash(${value}) END`,
    type: "UBIGINT",
    consume: (vector, rows) => collectors[k].add(vector, rows)
  }));
  return { arguments: args, collectors };
}

// shared/data/validate/aggregate.ts
var COLUMNS_PER_PASS = 128;
async function aggregatePass(scan, plans, looks, hooks = {}) {
  let inSql = /* @__PURE__ */ new Set();
  let scaledStddev = false;
  for (; ; ) {
    let pass;
    try {
      pass = await onePass(scan, plans, looks, inSql, hooks, scaledStddev);
    } catch (error) {
      if (scaledStddev || !STDDEV_OVERFLOW.test(error.message)) throw error;
      scaledStddev = true;
      continue;
    }
    if (pass.untallied.length === 0) return pass.result;
    inSql = /* @__PURE__ */ new Set([...inSql, ...pass.untallied]);
  }
}
var STDDEV_OVERFLOW = /STDDEV_SAMP is out of range/i;
var STDDEV_SCALE_EXPONENT = 600;
function stddevSql(value, scaled) {
  if (!scaled) return `stddev_samp(${value}::DOUBLE)`;
  return `stddev_samp(CASE WHEN isfinite(${value}::DOUBLE) THEN ${value}::DOUBLE * pow(2.0, -${STDDEV_SCALE_EXPONENT}) END)`;
}
var SECONDS_PER_DAY = 86400;
function tallyOf(plan, look) {
  if (look.categorical && plan.type === "integer") {
    return { spec: { kind: "integers", low: look.range?.low ?? Number.NaN, high: look.range?.high ?? Number.NaN }, value: `CAST(${plan.value} AS DOUBLE)`, counted: `count(${plan.value})` };
  }
  const numericValue = numericExpression(plan);
  if (look.categorical && plan.type === "date" && numericValue) {
    const day = (seconds) => seconds === void 0 ? Number.NaN : seconds / SECONDS_PER_DAY;
    return { spec: { kind: "integers", low: day(look.range?.low), high: day(look.range?.high) }, value: `(${numericValue} / ${SECONDS_PER_DAY})`, counted: `count(${plan.value})`, days: true };
  }
  if (look.categorical) {
    const labels = look.labels ?? [];
    const text = valueText(plan);
    if (labels.length === 0) return { spec: { kind: "codes", labels }, unseen: text, counted: `count(${text})` };
    const code = `TRY_CAST(${text} AS ENUM(${labels.map(sqlString).join(", ")}))`;
    return { spec: { kind: "codes", labels }, value: `enum_code(${code})::DOUBLE`, unseen: `CASE WHEN ${code} IS NULL THEN ${text} END`, counted: `count(${text})` };
  }
  if (numericValue && look.range && look.range.high > look.range.low) {
    return { spec: { kind: "bins", low: look.range.low, high: look.range.high }, value: numericValue, counted: `count(${numericValue})` };
  }
  return void 0;
}
async function onePass(scan, plans, looks, inSql, hooks, scaledStddev) {
  const selects = [];
  const talliedBy = [];
  const hashed = /* @__PURE__ */ new Set();
  const readers = [];
  plans.forEach((plan, j) => {
    const select = [];
    selects.push(select);
    const a = (name) => `c${j}_${name}`;
    const v = plan.value;
    const look = looks[j];
    const tallied = inSql.has(j) ? void 0 : tallyOf(plan, look);
    talliedBy.push(tallied);
    if (tallied) select.push(`${tallied.counted}::DOUBLE AS ${a("tallied")}`);
    const fromValues = look.categorical && plan.type === "integer";
    select.push(`count(${plan.raw})::DOUBLE AS ${a("present")}`);
    if (!fromValues) select.push(`count(${v})::DOUBLE AS ${a("count")}`);
    if (look.categorical) {
      if (!tallied) select.push(`to_json(histogram(${valueKey(plan)})) AS ${a("values")}`);
    } else if (plan.contract?.unique) hashed.add(j);
    else if (countsDistinct(plan)) select.push(`approx_count_distinct(${v})::DOUBLE AS ${a("distinct")}`);
    const numericValue = numericExpression(plan);
    if (!look.categorical && !tallied && numericValue && look.range && look.range.high > look.range.low) select.push(`to_json(histogram(${gridBin(numericValue, look.range.low, look.range.high)})) AS ${a("bins")}`);
    const numeric = plan.type === "integer" || plan.type === "number";
    if (numeric && !fromValues) {
      select.push(`min(${v})::DOUBLE AS ${a("min")}`, `max(${v})::DOUBLE AS ${a("max")}`, `avg(${v}::DOUBLE) AS ${a("mean")}`, `${stddevSql(v, scaledStddev)} AS ${a("stddev")}`);
    } else if (plan.type === "date" || plan.type === "timestamp") {
      select.push(`min(${v})::VARCHAR AS ${a("min")}`, `max(${v})::VARCHAR AS ${a("max")}`);
    } else if (plan.type === "boolean") {
      select.push(`avg(${v}::INTEGER) AS ${a("mean")}`);
    } else if (plan.type === "string") {
      select.push(`min(length(${v}))::DOUBLE AS ${a("minlen")}`, `max(length(${v}))::DOUBLE AS ${a("maxlen")}`);
    }
    plan.rowChecks.forEach((check, k) => select.push(`count(*) FILTER (WHERE ${check.condition})::DOUBLE AS ${a(`check${k}`)}`));
    if (plan.contract?.unique && !hashed.has(j)) select.push(`(count(${v}) - count(DISTINCT ${v}))::DOUBLE AS ${a("repeats")}`);
    readers.push((row2, counts2) => {
      const num = (name) => typeof row2[a(name)] === "number" ? row2[a(name)] : null;
      const value = (name) => {
        const x = row2[a(name)];
        return typeof x === "number" || typeof x === "string" ? x : null;
      };
      const valueCounts = look.categorical ? tallied ? counts2 : jsonMap(row2, a("values")) : null;
      return {
        count: num("count") ?? 0,
        nulls: 0,
        // filled below, needs the row count
        present: num("present") ?? 0,
        min: value("min"),
        max: value("max"),
        mean: num("mean"),
        stddev: scaledStddev && num("stddev") !== null ? num("stddev") * 2 ** STDDEV_SCALE_EXPONENT : num("stddev"),
        minLength: num("minlen"),
        maxLength: num("maxlen"),
        distinct: num("distinct"),
        checkCounts: plan.rowChecks.map((_, k) => num(`check${k}`) ?? 0),
        repeats: plan.contract?.unique ? num("repeats") ?? 0 : null,
        bins: look.categorical ? null : tallied ? counts2 : jsonMap(row2, a("bins")),
        valueCounts,
        ...fromValues ? integerStats(valueCounts ?? {}) : {}
      };
    });
  });
  const row = {};
  const tallies = /* @__PURE__ */ new Map();
  const hashes = /* @__PURE__ */ new Map();
  const groups = Math.max(1, Math.ceil(selects.length / COLUMNS_PER_PASS));
  for (let group = 0; group < groups; group++) {
    const start = group * COLUMNS_PER_PASS;
    const members = plans.map((_, j) => j).filter((j) => j >= start && j < start + COLUMNS_PER_PASS && talliedBy[j]);
    hooks.onPass?.({ group, groups });
    const scanning = hooks.scanning ?? ((work) => work());
    Object.assign(
      row,
      await scanning(() => scan.run(async (from) => {
        const fed = tallyArguments(members.map((j) => talliedBy[j]));
        members.forEach((j, k) => tallies.set(j, fed.tallies[k]));
        const uniques = [...hashed].filter((j) => j >= start && j < start + COLUMNS_PER_PASS);
        const unique = hashArguments(uniques.map((j) => plans[j].value));
        uniques.forEach((j, k) => hashes.set(j, unique.collectors[k]));
        const chunks = registerChunkFunction(scan.session.engine, scan.session.connection, [...fed.arguments, ...unique.arguments]);
        const select = ["count(*)::DOUBLE AS n", ...selects.slice(start, start + COLUMNS_PER_PASS).flat(), ...chunks];
        const reader = await scan.session.withJsCallThreads(() => scan.session.connection.runAndReadAll(`SELECT ${select.join(", ")} FROM ${from}`));
        return reader.getRowObjectsJS()[0];
      }))
    );
  }
  for (const [j, collector] of hashes) {
    const count = row[`c${j}_count`];
    let distinct;
    if (collector.total === count && collector.allDistinct()) distinct = count;
    else {
      const value = plans[j].value;
      distinct = await scan.run(async (from) => {
        const reader = await scan.session.connection.runAndReadAll(`SELECT count(DISTINCT ${value})::DOUBLE AS d FROM ${from}`);
        return Number(reader.getRowObjectsJS()[0]?.["d"] ?? 0);
      });
    }
    row[`c${j}_distinct`] = distinct;
    row[`c${j}_repeats`] = (typeof count === "number" ? count : 0) - distinct;
  }
  const rows = typeof row["n"] === "number" ? row["n"] : 0;
  const untallied = [];
  const counts = /* @__PURE__ */ new Map();
  for (const [j, tally] of tallies) {
    if (tally.exact && tally.total === row[`c${j}_tallied`]) counts.set(j, tally.counts());
    else untallied.push(j);
  }
  const days = [...counts.keys()].filter((j) => talliedBy[j]?.days);
  const texts = await dateTexts(scan, days.flatMap((j) => Object.keys(counts.get(j))));
  for (const j of days) counts.set(j, Object.fromEntries(Object.entries(counts.get(j)).map(([day, count]) => [texts.get(day), count])));
  const columns = readers.map((read, j) => {
    const stats = read(row, counts.get(j) ?? null);
    const { present, ...rest } = stats;
    return { ...rest, nulls: rows - present };
  });
  return { result: { rows, columns }, untallied };
}
async function dateTexts(scan, days) {
  const distinct = [...new Set(days)];
  if (distinct.length === 0) return /* @__PURE__ */ new Map();
  const reader = await scan.session.connection.runAndReadAll(`SELECT k::VARCHAR AS k, (DATE '1970-01-01' + k)::VARCHAR AS t FROM unnest([${distinct.join(", ")}]::INTEGER[]) u(k)`);
  return new Map(reader.getRowObjectsJS().map((r) => [String(r["k"]), String(r["t"])]));
}
function valueKey(plan) {
  const native = plan.type === "integer" || plan.type === "date" || plan.type === "boolean" || plan.type === "string";
  return native ? plan.value : `CAST(${plan.value} AS VARCHAR)`;
}
function jsonMap(row, key) {
  if (!(key in row)) return null;
  return typeof row[key] === "string" ? JSON.parse(row[key]) : {};
}
function integerStats(values) {
  const entries = Object.entries(values).map(([key, count2]) => [Number(key), count2]).sort((x, y) => x[0] - y[0]);
  const count = entries.reduce((acc, [, c]) => acc + c, 0);
  if (count === 0) return { count: 0, min: null, max: null, mean: null, stddev: null };
  const mean = entries.reduce((acc, [x, c]) => acc + x * c, 0) / count;
  const squares = entries.reduce((acc, [x, c]) => acc + c * (x - mean) ** 2, 0);
  return { count, min: entries[0][0], max: entries.at(-1)[0], mean, stddev: count > 1 ? Math.sqrt(squares / (count - 1)) : null };
}

// shared/data/validate/locate.ts
async function locateRows(scan, targets, maxLines) {
  const found = targets.map(() => []);
  if (targets.length === 0) return found;
  const scanning = targets.flatMap((target, t) => target.scansData ? [t] : []);
  const first = targets.flatMap((target, t) => !target.scansData || t === scanning[0] ? [t] : []);
  for (const group of [first, ...scanning.slice(1).map((t) => [t])]) await locateGroup(scan, targets, group, found, maxLines);
  return found;
}
async function locateGroup(scan, targets, group, found, maxLines) {
  const { source } = scan;
  for (let fileIndex = 0; fileIndex < source.files.length; fileIndex++) {
    const open = group.filter((t) => found[t].length < maxLines);
    if (open.length === 0) break;
    const flags = open.map((t) => `COALESCE(${targets[t].condition}, false) AS f${t}`);
    const records = new Map(open.map((t) => [t, []]));
    await scan.run(async () => {
      for (const list of records.values()) list.length = 0;
      const result = await scan.session.connection.stream(
        `SELECT rn, ${open.map((t) => `f${t}`).join(", ")} FROM (SELECT row_number() OVER () - 1 AS rn, ${flags.join(", ")} FROM ${scan.fromFile(fileIndex)}) WHERE ${open.map((t) => `f${t}`).join(" OR ")}`
      );
      const need = (t) => records.get(t).length < maxLines - found[t].length;
      for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
        const rn = chunk.getColumnVector(0);
        open.forEach((t, c) => {
          const flag = chunk.getColumnVector(1 + c);
          for (let r = 0; r < chunk.rowCount && need(t); r++) if (flag.getItem(r) === true) records.get(t).push(Number(rn.getItem(r)));
        });
        if (!open.some(need)) break;
      }
    });
    const wanted = [...new Set([...records.values()].flat())];
    const lines = await linesOfRecords(source.files[fileIndex], source.format, wanted);
    for (const [t, list] of records) {
      for (const record of list) found[t].push({ file: source.displayFiles[fileIndex], line: lines.get(record) ?? record + 2 });
    }
  }
}

// shared/data/validate/validate.ts
var DEFAULT_MAX_LINES = 10;
async function validateData(source, contract, options) {
  const fingerprint = fingerprintData(source);
  fingerprint.catch(() => void 0);
  const session = await openDuckSession(options.host);
  try {
    const forced = /* @__PURE__ */ new Map();
    for (const [name, column] of Object.entries(contract.columns ?? {})) {
      const type = forcedReadType(column.type, source.format);
      if (type) forced.set(name, type);
    }
    const scan = await DataScan.open(source, session, forced);
    await checkPatterns(scan, contract, options.configFile);
    const bytes = await totalBytes(source.files);
    const scanning = (label) => (work) => withQueryProgress(session.connection, options.progress, label, bytes, work);
    options.onPhase?.("checks, statistics and distributions");
    const { plans, aggregate, distributions } = await planAndScan(scan, contract, scanning);
    const { fingerprint: hash, files } = await fingerprint;
    const profile = {
      kind: "mlops-data-profile",
      version: PROFILE_VERSION,
      fingerprint: hash,
      files,
      rows: aggregate.rows,
      columns: plans.map((plan, j) => columnProfile(plan, aggregate.columns[j], distributions[j], aggregate.rows))
    };
    const pending = [];
    schemaFindings(scan, contract, pending);
    if (contract.rows) {
      const { min, max } = contract.rows;
      if (min !== void 0 && aggregate.rows < min || max !== void 0 && aggregate.rows > max) {
        pending.push({ finding: finding(null, "row-count", "error", 0, `${aggregate.rows} rows; expected ${bounds(min, max)}`, aggregate.rows, { min, max }) });
      }
    }
    for (const [j, plan] of plans.entries()) await columnFindings(scan, plan, aggregate.columns[j], profile.columns[j], aggregate.rows, pending);
    const skew = [];
    if (options.reference) {
      const settings = { ...DEFAULT_SKEW, ...definedOnly(contract.skew ?? {}) };
      for (const column of profile.columns) {
        if (contract.columns?.[column.name]?.skew === false) continue;
        const reference = options.reference.columns.find((c) => c.name === column.name);
        const result = reference && columnSkew(column, reference, settings);
        if (!result) continue;
        skew.push(result);
        if (result.psiFlagged || result.jsdFlagged) {
          const stats = `PSI ${result.psi.toFixed(3)} (limit ${settings.psi}, noise ${result.psiNoise.toFixed(3)}), JS distance ${result.jsd.toFixed(3)} (limit ${settings.jsd}, noise ${result.jsdNoise.toFixed(3)})`;
          pending.push({
            finding: finding(column.name, "skew", contract.skew?.severity ?? "warning", 0, `distribution differs from the reference: ${stats}`, { psi: stable(result.psi), jsd: stable(result.jsd) }, { psi: settings.psi, jsd: settings.jsd })
          });
        }
      }
    }
    const toLocate = pending.filter((p) => p.target && p.finding.count > 0);
    if (toLocate.length > 0) {
      options.onPhase?.("locating offending rows");
      const locations = await scanning("locating offending rows")(() => locateRows(scan, toLocate.map((p) => p.target), contract.max_lines ?? DEFAULT_MAX_LINES));
      toLocate.forEach((p, i) => {
        p.finding.locations = locations[i];
        p.finding.lines = locations[i].map((l) => l.line);
      });
    }
    return { rows: aggregate.rows, findings: pending.map((p) => p.finding), profile, skew };
  } finally {
    session.close();
  }
}
function schemaFindings(scan, contract, pending) {
  const names = new Set(scan.columns.map((c) => c.name));
  for (const [name, column] of Object.entries(contract.columns ?? {})) {
    if (!names.has(name)) {
      pending.push({ finding: finding(name, "missing-column", "error", 0, `the contract names column "${name}", which the data lacks`, null, column.type ?? "present") });
    }
  }
  const policy = contract.unexpected_columns ?? "warn";
  if (!contract.columns || policy === "allow") return;
  for (const column of scan.columns) {
    if (!(column.name in contract.columns)) {
      pending.push({ finding: finding(column.name, "unexpected-column", policy === "error" ? "error" : "warning", 0, `column "${column.name}" is not in the contract`, column.duckdbType, null) });
    }
  }
}
async function columnFindings(scan, plan, stats, profile, rows, pending) {
  const name = plan.column.name;
  const severity = plan.severity;
  const contract = plan.contract;
  plan.rowChecks.forEach((check, k) => {
    const count = stats.checkCounts[k];
    if (count > 0) {
      const found = finding(name, check.check, severity, count, `${count} row${count === 1 ? "" : "s"}: ${check.message}`);
      found.line_message = check.message;
      pending.push({ finding: found, target: { condition: check.condition } });
    }
  });
  if (!contract) return;
  if (contract.unique && stats.repeats) {
    const duplicated = `SELECT ${plan.value} FROM ${scan.from()} WHERE ${plan.value} IS NOT NULL GROUP BY 1 HAVING count(*) > 1`;
    const count = await scan.run(async (from) => {
      const reader = await scan.session.connection.runAndReadAll(`SELECT coalesce(sum(c), 0)::DOUBLE AS n FROM (SELECT count(*) AS c FROM ${from} WHERE ${plan.value} IS NOT NULL GROUP BY ${plan.value} HAVING count(*) > 1)`);
      return Number(reader.getRowObjectsJS()[0]?.["n"] ?? 0);
    });
    const repeated = await scan.run(async (from) => {
      const reader = await scan.session.connection.runAndReadAll(
        `SELECT CAST(${plan.value} AS VARCHAR) AS v, count(*)::DOUBLE AS c, count(*) OVER ()::DOUBLE AS k FROM ${from} WHERE ${plan.value} IS NOT NULL GROUP BY ${plan.value} HAVING count(*) > 1 ORDER BY c DESC, v LIMIT ${SHOWN_DUPLICATES}`
      );
      return reader.getRowObjectsJS().map((row) => ({ value: String(row["v"]), rows: Number(row["c"]), values: Number(row["k"]) }));
    });
    const values = repeated[0]?.values ?? 0;
    const shown = repeated.map((r) => `${JSON.stringify(r.value.length > 40 ? `${r.value.slice(0, 40)}\u2026` : r.value)} \xD7${r.rows}`).join(", ");
    const list = `${shown}${values > repeated.length ? `, \u2026 (${values} repeated values in all)` : ""}`;
    const found = finding(name, "unique", severity, count, `${count} rows share a value with another row: ${list}`, repeated.map(({ value, rows: n }) => ({ value, rows: n })));
    found.line_message = `the value repeats on another row (${values === 1 ? `the repeated value: ${shown}` : `repeated values: ${list}`})`;
    pending.push({ finding: found, target: { condition: `(${plan.value} IN (${duplicated}))`, scansData: true } });
  }
  if (contract.max_null_fraction !== void 0 && rows > 0 && stats.nulls / rows > contract.max_null_fraction) {
    pending.push({
      finding: finding(name, "null-fraction", severity, stats.nulls, `${formatShare(stats.nulls / rows)} of values are missing (at most ${formatShare(contract.max_null_fraction)} allowed)`, stable(stats.nulls / rows), contract.max_null_fraction),
      target: { condition: `(${plan.raw} IS NULL)` }
    });
  }
  const statistic = (check, label, value, range) => {
    if (!range || value === null) return;
    if (range.min !== void 0 && value < range.min || range.max !== void 0 && value > range.max) {
      pending.push({ finding: finding(name, check, severity, 0, `${label} is ${stable(value)}; expected ${bounds(range.min, range.max)}`, stable(value), range) });
    }
  };
  statistic("mean", "the mean", stats.mean, contract.mean);
  statistic("stddev", "the standard deviation", stats.stddev, contract.stddev);
  statistic("distinct", "the number of distinct values", stats.distinct, contract.distinct);
  for (const bound of contract.quantiles ?? []) {
    const value = columnQuantile(profile.value_counts, profile.histogram, bound.q, profile.min, profile.max, profile.count);
    statistic("quantile", `the ${bound.q} quantile`, value, bound);
  }
}
var SHOWN_DUPLICATES = 5;
function columnProfile(plan, stats, distribution, rows) {
  const numeric = plan.type === "integer" || plan.type === "number";
  const histogram = distribution.histogram;
  let quantiles = null;
  if (numeric && histogram && typeof stats.min === "number" && typeof stats.max === "number") {
    quantiles = Object.fromEntries(PROFILE_QUANTILES.map((q) => [String(q), stable(columnQuantile(distribution.valueCounts, histogram, q, stats.min, stats.max, stats.count))]));
  }
  const counts = distribution.valueCounts;
  const top = counts ? Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 10).map(([value, count]) => ({ value, count })) : null;
  return {
    name: plan.column.name,
    type: plan.type,
    duckdb_type: plan.column.duckdbType,
    count: stats.count,
    nulls: stats.nulls,
    null_fraction: rows > 0 ? stable(stats.nulls / rows) : 0,
    distinct: stats.distinct,
    min: typeof stats.min === "number" ? stable(stats.min) : stats.min,
    max: typeof stats.max === "number" ? stable(stats.max) : stats.max,
    mean: stable(stats.mean),
    stddev: stable(stats.stddev),
    quantiles,
    min_length: stats.minLength,
    max_length: stats.maxLength,
    top_values: top,
    value_counts: counts ? Object.fromEntries(Object.entries(counts).sort((a, b) => a[0] < b[0] ? -1 : 1)) : null,
    histogram
  };
}
async function checkPatterns(scan, contract, configFile) {
  for (const [name, column] of Object.entries(contract.columns ?? {})) {
    if (column.pattern === void 0) continue;
    try {
      await scan.session.connection.run(`SELECT regexp_full_match('', ${sqlString(column.pattern)})`);
    } catch (error) {
      throw new UserError(`invalid regular expression ${JSON.stringify(column.pattern)}: ${error.message.split("\n")[0]}`, {
        where: { file: configFile, key: `data.columns.${name}.pattern` },
        hint: "Patterns use RE2 syntax (no lookarounds or backreferences) and must match the whole value."
      });
    }
  }
}
function columnQuantile(counts, histogram, q, min, max, count) {
  if (counts && Object.values(counts).reduce((a, b) => a + b, 0) === count) {
    const exact = valueCountsQuantile(counts, q);
    if (exact !== null) return exact;
  }
  return histogram && typeof min === "number" && typeof max === "number" ? histogramQuantile(histogram, q, min, max) : null;
}
function finding(column, check, severity, count, message, observed, expected) {
  const result = { column, check, severity, count, lines: [], locations: [], message };
  if (observed !== void 0) result.observed = observed;
  if (expected !== void 0) result.expected = expected;
  return result;
}
function bounds(min, max) {
  return [min !== void 0 ? `\u2265 ${min}` : "", max !== void 0 ? `\u2264 ${max}` : ""].filter(Boolean).join(" and ");
}
function formatShare(value) {
  return `${Number((value * 100).toPrecision(3))}%`;
}
function definedOnly(value) {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== void 0));
}
async function planAndScan(scan, contract, scanning) {
  for (; ; ) {
    const widenings = scan.widenings;
    const plans = scan.columns.map((column) => planColumn(column, contract.columns?.[column.name], column.name));
    try {
      const result = await scanPasses(scan, plans, scanning);
      if (scan.widenings === widenings) return { ...result, plans };
    } catch (error) {
      if (scan.widenings === widenings) throw error;
    }
  }
}
async function scanPasses(scan, plans, scanning) {
  const looks = await prefixLook(scan, plans);
  let passLabel = "checks, statistics and distributions";
  const aggregate = await aggregatePass(scan, plans, looks, {
    onPass: ({ group, groups }) => passLabel = groups > 1 ? `checks, statistics and distributions (columns group ${group + 1} of ${groups})` : passLabel,
    scanning: (work) => scanning(passLabel)(work)
  });
  const distributions = await scanning("distributions the first rows misjudged")(() => completeDistributions(scan, plans, looks, aggregate.columns));
  return { aggregate, distributions };
}

export {
  validateData
};
