import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  SCORING_BATCH_ROWS,
  Scorer,
  TaskPool,
  bundledEntry,
  defaultThreads,
  holm,
  resolveModelReference,
  rowMajorBatch,
  rowMajorType
} from "./chunk-LABWSWOO.js";
import {
  classifyModelSpec,
  columnsRead,
  explicitFilePath,
  featureNamesFromMetadata,
  planFeed,
  planOutputs
} from "./chunk-NKYRZODN.js";
import {
  valueCell
} from "./chunk-2QQHBHLV.js";
import {
  refuseOversizedProfile
} from "./chunk-DE5V7VSJ.js";
import {
  describeRequestError,
  resolveAuthor,
  statusOf,
  stickyMarker
} from "./chunk-7TELJOW4.js";
import {
  barChart
} from "./chunk-2AD7AC5U.js";
import {
  DataProfile,
  PROFILE_VERSION
} from "./chunk-S6J5IOI2.js";
import {
  Progress
} from "./chunk-GG7GAS35.js";
import {
  openModel
} from "./chunk-XHNLZXUM.js";
import "./chunk-RA3DXR5B.js";
import {
  DATA_PROFILE_MEDIA_TYPE,
  isLoopbackHost,
  parseModelReference,
  resolveVersion
} from "./chunk-APGALERZ.js";
import {
  loadConfig
} from "./chunk-XWE5INN7.js";
import {
  booleanInput,
  code,
  enumInput,
  escapeCell,
  formatNumber,
  link,
  listInput,
  numberInput,
  optionalInput,
  requiredInput,
  runContext,
  table
} from "./chunk-D53EVJEJ.js";
import {
  DEFAULT_RECORD_PATH,
  appendSection
} from "./chunk-QRSX6AL5.js";
import {
  openData,
  resolveData
} from "./chunk-QSV4JYVJ.js";
import {
  writeFileAtomic
} from "./chunk-OSEBCLTD.js";
import "./chunk-C5HFBKMB.js";
import "./chunk-G6IGFEOW.js";
import "./chunk-LWRQI2SV.js";
import "./chunk-GWCI4O4C.js";
import {
  MIN_NORM_SD,
  binsHistogram,
  categoricalMeasure,
  chooseTest,
  countBins,
  countCategories,
  distinctSorted,
  jensenShannonDistance,
  kolmogorovSf,
  measureNumericColumn,
  numericMeasure,
  psi,
  roundHalfEven,
  splitNaN,
  valueCounts
} from "./chunk-PSN7ELHH.js";
import "./chunk-DRKOEN4Q.js";
import "./chunk-65D4D4NJ.js";
import "./chunk-VHYSKZ3L.js";
import "./chunk-PXOP5VPA.js";
import "./chunk-PZERGBQP.js";
import "./chunk-A3VPNE7V.js";
import {
  capComment,
  capSummary
} from "./chunk-D3INI452.js";
import "./chunk-LSBADZCY.js";
import {
  UserError
} from "./chunk-OIBAWGZR.js";
import "./chunk-D4RZRY5B.js";

// actions/drift-check/drift-check.ts
import { join, resolve as resolve3 } from "node:path";

// shared/drift/from-profile.ts
var DECILES = 10;
function profileCategories(profile) {
  const missing = profile.nulls;
  if (profile.value_counts) return { counts: { counts: new Map(Object.entries(profile.value_counts)), missing }, otherShare: 0 };
  if (profile.top_values) {
    const counts = new Map(profile.top_values.map((t) => [t.value, t.count]));
    const listed = [...counts.values()].reduce((a, b) => a + b, 0);
    const other = Math.max(0, profile.count - listed);
    if (other > 0) counts.set("(other)", other);
    return { counts: { counts, missing }, otherShare: profile.count > 0 ? other / profile.count : 0 };
  }
  return void 0;
}
function numericValuesAgainstProfile(column, role, test, profile, current) {
  if (!profile.value_counts) return void 0;
  const counts = /* @__PURE__ */ new Map();
  for (const [key, count] of Object.entries(profile.value_counts)) {
    const value = Number(key);
    const name = Number.isNaN(value) ? key : String(value === 0 ? 0 : value);
    counts.set(name, (counts.get(name) ?? 0) + count);
  }
  const measure = categoricalMeasure(column, role, test, { counts, missing: profile.nulls }, valueCounts(current));
  return { ...measure, from_profile: { method: "exact value counts from the profile", bounds: {} } };
}
function numericAgainstHistogram(column, role, profile, current) {
  const histogram = profile.histogram;
  if (!histogram || histogram.counts.length === 0) return void 0;
  const bins = histogram.counts.length;
  const total = histogram.counts.reduce((a, b) => a + b, 0);
  if (total === 0) return void 0;
  const width = (histogram.high - histogram.low) / bins;
  const cumulative = new Float64Array(bins + 1);
  for (let i = 0; i < bins; i++) cumulative[i + 1] = cumulative[i] + histogram.counts[i] / total;
  const edge = (i) => histogram.low + width * i;
  const refCdf = (x) => {
    if (!(width > 0)) return x < histogram.low ? 0 : 1;
    if (x <= histogram.low) return 0;
    if (x >= histogram.high) return 1;
    const position = (x - histogram.low) / width;
    const i = Math.min(bins - 1, Math.floor(position));
    return cumulative[i] + (cumulative[i + 1] - cumulative[i]) * (position - i);
  };
  const cur = current.sorted;
  const n = cur.length;
  let d = 0;
  for (let k = 0; k < n; ) {
    const v = cur[k];
    let j = k;
    while (j < n && cur[j] === v) j++;
    const f = refCdf(v);
    d = Math.max(d, Math.abs(f - k / n), Math.abs(f - j / n));
    k = j;
  }
  const points = /* @__PURE__ */ new Set();
  for (let i = 0; i <= bins; i++) points.add(edge(i));
  for (let i = 0; i < n; i++) points.add(cur[i] === 0 ? 0 : cur[i]);
  const xs = [...points].sort((a, b) => a - b);
  let wasserstein = 0;
  let index = 0;
  for (let p = 0; p + 1 < xs.length; p++) {
    const a = xs[p];
    const b = xs[p + 1];
    while (index < n && cur[index] <= a) index++;
    const c = index / n;
    wasserstein += integralAbsLinear(refCdf(a) - c, refCdf(b) - c, b - a);
  }
  const populationSd = profile.stddev === null ? 0 : profile.stddev * Math.sqrt(Math.max(0, profile.count - 1) / Math.max(1, profile.count));
  const norm = Math.max(populationSd, MIN_NORM_SD);
  const edges = [];
  for (let k = 1; k < DECILES; k++) {
    let i = 0;
    while (i < bins && cumulative[i + 1] < k / DECILES) i++;
    const e = edge(Math.min(bins, i + 1));
    if (e < histogram.high && (edges.length === 0 || e > edges.at(-1))) edges.push(e);
  }
  const refCounts = [];
  let start = 0;
  for (const e of edges) {
    const upto = Math.round((e - histogram.low) / width);
    refCounts.push(histogram.counts.slice(start, upto).reduce((a, b) => a + b, 0));
    start = upto;
  }
  refCounts.push(histogram.counts.slice(start).reduce((a, b) => a + b, 0));
  const curCounts = countBins(cur, edges);
  const en = total * n / (total + n);
  const maxBinShare = Math.max(...histogram.counts) / total;
  return {
    column,
    role,
    type: "numeric",
    test: "ks",
    statistic: d,
    p_value: kolmogorovSf(d, Math.max(1, roundHalfEven(en))),
    ks_method: "asymp",
    effect: { measure: "wasserstein_normed", value: wasserstein / norm },
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
      bounds: { statistic: maxBinShare, wasserstein: width, wasserstein_normed: width / norm }
    },
    histogram: binsHistogram({ kind: "quantiles", edges, reference: refCounts, current: curCounts })
  };
}
function integralAbsLinear(fa, fb, len) {
  if (len <= 0) return 0;
  if (fa >= 0 && fb >= 0 || fa <= 0 && fb <= 0) return Math.abs(fa + fb) / 2 * len;
  const zero = fa / (fa - fb) * len;
  return Math.abs(fa) / 2 * zero + Math.abs(fb) / 2 * (len - zero);
}

// shared/drift/load.ts
var CAPTURE_METADATA = /* @__PURE__ */ new Set(["timestamp", "model", "version", "request_id"]);
var COLUMNS_PER_PASS = 16;
function isNumericKind(column) {
  return column.kind === "integer" || column.kind === "number";
}
async function loadSample(cwd, spec, host, role) {
  let source;
  try {
    source = await resolveData(cwd, spec);
  } catch (error) {
    if (error instanceof UserError) throw new UserError(`${role}: ${error.message}`, { where: { ...error.where, key: role }, hint: error.hint });
    throw error;
  }
  const table2 = await openData(source, host);
  if (role === "current" && table2.rowCount === 0) {
    await table2.close();
    throw new UserError("the current sample has no rows", { where: { file: source.displayFiles[0], key: "current" }, hint: "Point `current` at recent data (e.g. the server capture files of the last day)." });
  }
  return {
    spec,
    displayFiles: source.displayFiles,
    rows: table2.rowCount,
    columns: table2.columns,
    async read(names) {
      const out = /* @__PURE__ */ new Map();
      const numeric = names.filter((name) => isNumericKind(table2.columns.find((c) => c.name === name)));
      const other = names.filter((name) => !numeric.includes(name));
      for (let start = 0; start < numeric.length; start += COLUMNS_PER_PASS) {
        const group = numeric.slice(start, start + COLUMNS_PER_PASS);
        const arrays = group.map(() => new Float64Array(table2.rowCount));
        for await (const batch of table2.readNumeric(group)) {
          batch.values.forEach((values, c) => arrays[c].set(values, batch.rowOffset));
        }
        group.forEach((name, c) => out.set(name, { kind: "numeric", values: arrays[c] }));
      }
      if (other.length > 0) {
        const strings = await table2.readStrings(other);
        other.forEach((name, c) => out.set(name, { kind: "categorical", values: strings[c] }));
      }
      return out;
    },
    async *batches(names, batchRows, rowType) {
      if (rowType) {
        for await (const batch of table2.readRows(names, { batchRows, type: rowType })) yield rowMajorBatch(names, batch);
        return;
      }
      const index = new Map(names.map((name, i) => [name, i]));
      for await (const batch of table2.readNumeric(names, { batchRows })) {
        yield { rowOffset: batch.rowOffset, rows: batch.rows, column: (name) => batch.values[index.get(name)] };
      }
    },
    close: () => table2.close()
  };
}

// shared/drift/column-pool.ts
var MIN_THREADED_VALUES = 2e5;
function columnPool(columnSizes, threads, entry = bundledEntry("drift-column-worker", import.meta.url)) {
  const count = Math.max(1, Math.floor(threads ?? defaultThreads()));
  if (count === 1 || !entry) return void 0;
  const eligible = columnSizes.filter((size) => threaded(size, threads)).length;
  if (eligible < 2) return void 0;
  return new TaskPool(entry, Math.min(count, eligible), "numeric columns");
}
function threaded(size, threads) {
  return threads !== void 0 || size >= MIN_THREADED_VALUES;
}

// shared/drift/performance.ts
function expectedPerformance(probabilities) {
  const p = [];
  for (let i = 0; i < probabilities.length; i++) {
    const v = probabilities[i];
    if (Number.isFinite(v) && v >= 0 && v <= 1) p.push(v);
  }
  if (p.length === 0) return void 0;
  let correct = 0;
  for (const v of p) correct += Math.max(v, 1 - v);
  p.sort((a, b) => b - a);
  let positives = 0;
  let negatives = 0;
  let area = 0;
  for (let i = 0; i < p.length; ) {
    let j = i;
    let groupPos = 0;
    let groupNeg = 0;
    while (j < p.length && p[j] === p[i]) {
      groupPos += p[j];
      groupNeg += 1 - p[j];
      j++;
    }
    area += groupNeg * positives + groupNeg * groupPos / 2;
    positives += groupPos;
    negatives += groupNeg;
    i = j;
  }
  const rocAuc = positives > 0 && negatives > 0 ? area / (positives * negatives) : Number.NaN;
  return { rows: p.length, accuracy: correct / p.length, rocAuc };
}
function positiveClassProbabilities(values) {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === void 0) {
      out[i] = Number.NaN;
      continue;
    }
    if (typeof v === "number") {
      if (!(v >= 0 && v <= 1) && !Number.isNaN(v)) return void 0;
      out[i] = v;
      continue;
    }
    const list = /^\[\s*([^,\]]+)\s*,\s*([^,\]]+)\s*\]$/.exec(v);
    const number = list ? Number(list[2]) : Number(v);
    if (!Number.isFinite(number) || number < 0 || number > 1) return void 0;
    out[i] = number;
  }
  return out;
}

// shared/drift/analyse.ts
var PREDICTION_PREFIX = "output.";
var NUMERIC_PROFILE_TYPES = /* @__PURE__ */ new Set(["integer", "number"]);
var UNCOMPARED_KINDS = /* @__PURE__ */ new Set(["date", "timestamp", "other"]);
function planColumns(current, reference, requested, features) {
  const referenceColumns = reference.kind === "data" ? new Map(reference.sample.columns.map((c) => [c.name, isNumericKind(c)])) : new Map(reference.profile.columns.map((c) => [c.name, NUMERIC_PROFILE_TYPES.has(c.type)]));
  const currentColumns = new Map(current.columns.map((c) => [c.name, c]));
  const referenceName = reference.kind === "data" ? reference.sample.displayFiles[0] : reference.display;
  const currentName = current.displayFiles[0];
  let names;
  if (requested && requested.length > 0) {
    for (const name of requested) {
      if (!currentColumns.has(name)) throw new UserError(`column "${name}" is not in the current sample`, { where: { file: currentName, key: "columns" }, hint: `Its columns are: ${[...currentColumns.keys()].join(", ")}.` });
      if (!referenceColumns.has(name)) throw new UserError(`column "${name}" is not in the reference`, { where: { file: referenceName, key: "columns" }, hint: `Its columns are: ${[...referenceColumns.keys()].join(", ")}.` });
    }
    names = requested;
  } else {
    const comparable = (name) => name.startsWith(PREDICTION_PREFIX) || !UNCOMPARED_KINDS.has(currentColumns.get(name).kind);
    const shared = [...currentColumns.keys()].filter((name) => referenceColumns.has(name) && !CAPTURE_METADATA.has(name) && comparable(name));
    names = features && features.length > 0 ? [...features.filter((f) => shared.includes(f)), ...shared.filter((n) => n.startsWith(PREDICTION_PREFIX))] : shared;
    if (features && features.length > 0) {
      const missing = features.filter((f) => !shared.includes(f));
      if (missing.length === features.length) names = [];
    }
  }
  if (names.length === 0) {
    throw new UserError("the current sample and the reference share no columns to compare", {
      where: { file: currentName, key: "current" },
      hint: `Current columns: ${[...currentColumns.keys()].slice(0, 20).join(", ")}; reference columns: ${[...referenceColumns.keys()].slice(0, 20).join(", ")}. Check that both are the same kind of data, or list \`columns\`.`
    });
  }
  return names.map((name) => {
    const column = currentColumns.get(name);
    const currentNumeric = isNumericKind(column);
    const referenceNumeric = referenceColumns.get(name);
    if (currentNumeric !== referenceNumeric && (column.kind === "string" || !referenceNumeric)) {
      throw new UserError(`column "${name}" is ${currentNumeric ? "numeric" : column.kind === "string" ? "text" : column.kind} in the current sample but ${referenceNumeric ? "numeric" : "not numeric"} in the reference`, {
        where: { file: currentName, key: name },
        hint: "A column must have the same type in both samples: fix the values that are not numbers (or encode the column the same way), or leave it out with `columns`."
      });
    }
    return { name, role: name.startsWith(PREDICTION_PREFIX) ? "prediction" : "feature", numeric: currentNumeric && referenceNumeric };
  });
}
var IDENTIFIER_SHARE = 0.5;
var MIN_IDENTIFIER_VALUES = 50;
async function measureColumns(current, reference, columns, tests, options = {}) {
  const names = columns.map((c) => c.name);
  const currentValues = await current.read(names);
  const referenceValues = reference.kind === "data" ? await reference.sample.read(names) : void 0;
  const numericPairs = /* @__PURE__ */ new Map();
  if (referenceValues) {
    for (const column of columns) {
      const cur = currentValues.get(column.name);
      const ref = referenceValues.get(column.name);
      if (column.numeric && cur.kind === "numeric" && ref.kind === "numeric") {
        numericPairs.set(column.name, { name: column.name, role: column.role, requested: tests[column.name] ?? "auto", reference: ref.values, current: cur.values });
      }
    }
  }
  const pool = columnPool([...numericPairs.values()].map((t) => t.reference.length + t.current.length), options.threads, options.workerEntry);
  try {
    const outcomes = [];
    for (const column of columns) {
      const pair = numericPairs.get(column.name);
      if (pair) {
        const onPool = pool && threaded(pair.reference.length + pair.current.length, options.threads);
        const result = onPool ? pool.run(pair, `column "${column.name}"`, transferable(pair)).catch(threadFailure) : Promise.resolve().then(() => measureNumericColumn(pair));
        outcomes.push(result.then((r) => numericOutcome(column.name, r)));
        continue;
      }
      outcomes.push(Promise.resolve().then(() => measureOther(column, currentValues.get(column.name), referenceValues, reference, tests[column.name] ?? "auto")));
    }
    const settled = await Promise.allSettled(outcomes);
    const measures = [];
    const skipped = [];
    for (const outcome of settled) {
      if (outcome.status === "rejected") throw outcome.reason;
      if ("reason" in outcome.value) skipped.push(outcome.value);
      else measures.push(outcome.value);
    }
    return { measures, skipped, threads: pool?.threads ?? 1 };
  } finally {
    await pool?.close();
  }
}
function threadFailure(error) {
  throw new UserError(error instanceof Error ? error.message : String(error), {
    hint: "The statistics do not depend on the thread count: set drift.threads: 1 in mlops.yml to measure every column in the main thread, with the same results."
  });
}
function numericOutcome(name, result) {
  if ("empty" in result) {
    if (result.empty === "current") requireValues(name, 1, 0);
    requireValues(name, 0, 1);
  }
  return checkIdentifier(result.measure);
}
function measureOther(column, cur, referenceValues, reference, requested) {
  if (!referenceValues && !column.numeric && column.role === "feature") {
    const profiled = reference.profile.columns.find((c) => c.name === column.name);
    if ((profiled.distinct ?? 0) >= MIN_IDENTIFIER_VALUES && (profiled.distinct ?? 0) > IDENTIFIER_SHARE * profiled.count) {
      return { column: column.name, reason: "identifier-like: most values are unique, so there is no distribution to compare" };
    }
  }
  return checkIdentifier(referenceValues ? againstData(column, cur, referenceValues.get(column.name), requested) : againstProfile(column, cur, reference.profile, requested));
}
function checkIdentifier(measure) {
  if (measure.type === "categorical" && isIdentifierLike(measure)) {
    return { column: measure.column, reason: `identifier-like: ${measure.histogram.labels.length >= 12 ? "most" : "all"} values are unique, so there is no distribution to compare` };
  }
  return measure;
}
function transferable(task) {
  const own = (a) => a.buffer instanceof ArrayBuffer && a.byteOffset === 0 && a.byteLength === a.buffer.byteLength;
  return [task.reference, task.current].filter(own).map((a) => a.buffer);
}
function isIdentifierLike(measure) {
  const distinct = measure.distinct_reference ?? 0;
  return measure.role === "feature" && distinct >= MIN_IDENTIFIER_VALUES && distinct > IDENTIFIER_SHARE * measure.reference_values;
}
function againstData(column, cur, ref, requested) {
  if (column.role === "prediction" && cur.kind === "categorical" && ref.kind === "categorical") {
    const curP = positiveClassProbabilities(cur.values);
    const refP = positiveClassProbabilities(ref.values);
    if (curP && refP) {
      const reference2 = splitNaN(refP);
      const current2 = splitNaN(curP);
      requireValues(column.name, reference2.sorted.length, current2.sorted.length);
      return numericMeasure(`${column.name}[1]`, column.role, requested === "auto" ? chooseTest(true, distinctSorted(reference2.sorted)) : requested, reference2, current2);
    }
  }
  const reference = countCategories(asStrings(ref));
  const current = countCategories(asStrings(cur));
  requireValues(column.name, reference.counts.size, current.counts.size);
  const test = requested === "auto" || requested === "ks" ? chooseTest(false, (/* @__PURE__ */ new Set([...reference.counts.keys(), ...current.counts.keys()])).size) : requested;
  return categoricalMeasure(column.name, column.role, test, reference, current);
}
function againstProfile(column, cur, profile, requested) {
  const columnProfile = profile.columns.find((c) => c.name === column.name);
  if (column.numeric && cur.kind === "numeric") {
    const current2 = splitNaN(cur.values);
    requireValues(column.name, columnProfile.count, current2.sorted.length);
    const distinct = columnProfile.value_counts ? Object.keys(columnProfile.value_counts).length : columnProfile.distinct ?? Number.POSITIVE_INFINITY;
    const test2 = requested === "auto" ? chooseTest(true, distinct) : requested;
    const measure2 = test2 === "ks" ? numericAgainstHistogram(column.name, column.role, columnProfile, current2) : numericValuesAgainstProfile(column.name, column.role, test2, columnProfile, current2);
    if (!measure2) throw profileLacks(column.name, test2 === "ks" ? "a histogram" : "value counts");
    return measure2;
  }
  const categories = profileCategories(columnProfile);
  if (!categories) throw profileLacks(column.name, "value counts");
  const current = countCategories(asStrings(cur));
  requireValues(column.name, categories.counts.counts.size, current.counts.size);
  const test = requested === "auto" || requested === "ks" ? chooseTest(false, (/* @__PURE__ */ new Set([...categories.counts.counts.keys(), ...current.counts.keys()])).size) : requested;
  const measure = categoricalMeasure(column.name, column.role, test, categories.counts, current);
  return {
    ...measure,
    from_profile: categories.otherShare > 0 ? { method: `top values from the profile, the other ${(categories.otherShare * 100).toFixed(1)} % pooled as (other): approximate, no error bound`, bounds: {} } : { method: "exact value counts from the profile", bounds: {} }
  };
}
function asStrings(values) {
  if (values.kind === "categorical") return values.values;
  return Array.from(values.values, (v) => Number.isNaN(v) ? null : String(v === 0 ? 0 : v));
}
function requireValues(name, reference, current) {
  if (current === 0) throw new UserError(`column "${name}" has no values in the current sample (all missing)`, { where: { key: name }, hint: "Leave the column out with `columns`, or check the data export." });
  if (reference === 0) throw new UserError(`column "${name}" has no values in the reference (all missing)`, { where: { key: name }, hint: "Leave the column out with `columns`, or use another reference." });
}
function profileLacks(name, what) {
  return new UserError(`the reference profile has no ${what} for column "${name}"`, {
    where: { key: "reference" },
    hint: "Pass the reference data files instead of the profile, or re-profile the reference with a current data-validate."
  });
}

// shared/stats/multiplicity.ts
function adjustPValues(pValues, correction) {
  const m = pValues.length;
  switch (correction) {
    case "none":
      return [...pValues];
    case "bonferroni":
      return pValues.map((p) => Math.min(1, m * p));
    case "holm":
      return holm(pValues, 0.05).map((step) => step.adjusted);
    case "bh": {
      const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
      const adjusted = new Array(m);
      let running = 1;
      for (let k = m - 1; k >= 0; k--) {
        const { p, i } = order[k];
        running = Math.min(running, m * p / (k + 1));
        adjusted[i] = Math.min(1, running);
      }
      return adjusted;
    }
  }
}

// shared/drift/decide.ts
var DEFAULT_RULE = { alpha: 0.05, correction: "bh", wassersteinThreshold: 0.1, jsThreshold: 0.1 };
function decide(measures, rule) {
  const adjusted = adjustPValues(measures.map((m) => m.p_value), rule.correction);
  const columns = measures.map((m, i) => {
    const threshold = m.effect.measure === "js" ? rule.jsThreshold : rule.wassersteinThreshold;
    const significant = adjusted[i] < rule.alpha;
    return { ...m, adjusted_p: adjusted[i], effect: { ...m.effect, threshold }, significant, drifted: significant && m.effect.value >= threshold };
  });
  const driftedColumns = columns.filter((c) => c.drifted).map((c) => c.column);
  const share = columns.length === 0 ? 0 : driftedColumns.length / columns.length;
  const drifted = rule.driftShare === void 0 ? driftedColumns.length > 0 : driftedColumns.length > 0 && share >= rule.driftShare;
  return { columns, drifted, driftedColumns, share };
}

// shared/drift/predictions.ts
var PROBABILITY_COLUMNS = ["output.probabilities", "output.probability"];
async function estimatePerformance(current, reference, scored) {
  if (scored) {
    const cur2 = expectedPerformance(scored.current);
    if (!cur2) return void 0;
    return { source: scored.source, current: cur2, reference: expectedPerformance(scored.reference) };
  }
  const column = PROBABILITY_COLUMNS.find((name) => current.columns.some((c) => c.name === name));
  if (!column) return void 0;
  const probabilities = await probabilitiesOf(current, column);
  const cur = probabilities && expectedPerformance(probabilities);
  if (!cur) return void 0;
  let ref;
  if (reference.kind === "data" && reference.sample.columns.some((c) => c.name === column)) {
    const r = await probabilitiesOf(reference.sample, column);
    ref = r && expectedPerformance(r);
  }
  return { source: column, current: cur, reference: ref ?? void 0 };
}
async function probabilitiesOf(sample, column) {
  const values = (await sample.read([column])).get(column);
  return positiveClassProbabilities(values.kind === "numeric" ? values.values : values.values);
}

// shared/drift/reference.ts
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
function defaultReference(modelName, registryUrl) {
  if (!modelName) {
    throw new UserError("no reference given and no model name to find one", {
      where: { key: "reference" },
      hint: "Set `reference` to a profile JSON, data files or a registry reference, or set model.name in mlops.yml to use the profile stored with <model>:prod."
    });
  }
  const registry = registryUrl ?? ".mlops/registry";
  return registry.startsWith("oci://") ? `${registry.replace(/\/$/, "")}/${modelName}:prod` : `${registry}:${modelName}:prod`;
}
var GLOB = /[*?[\]{}]/;
function classifyReference(spec) {
  const value = spec.trim();
  const asFile = (path) => /\.json$/i.test(path) ? { kind: "profile-file", path } : { kind: "data", spec: path };
  const explicit = explicitFilePath(value);
  if (explicit !== void 0) return asFile(explicit);
  if (/^oci:/i.test(value)) return { kind: "registry", spec: value };
  const last = value.slice(value.lastIndexOf("/") + 1);
  if (!GLOB.test(value) && /[:@]/.test(last)) {
    try {
      parseModelReference(value);
      return { kind: "registry", spec: value };
    } catch {
    }
  }
  return asFile(value);
}
async function loadReference(host, spec) {
  const source = classifyReference(spec);
  if (source.kind === "registry") return { kind: "profile", profile: await registryProfile(host, source.spec), display: spec };
  if (source.kind === "data") return { kind: "data", sample: await loadSample(host.cwd, source.spec, host, "reference") };
  let text;
  try {
    const file = resolve(host.cwd, source.path);
    await refuseOversizedProfile(file, spec, { file: source.path, key: "reference" });
    text = await readFile(file, "utf8");
  } catch (error) {
    if (error instanceof UserError) throw error;
    const missing = error.code === "ENOENT";
    throw new UserError(missing ? `the reference ${spec} does not exist` : `cannot read the reference (${error.message})`, {
      where: { file: source.path, key: "reference" },
      hint: "Pass the profile JSON a data-validate run wrote (its `profile` output), data files, or a registry reference."
    });
  }
  return { kind: "profile", profile: parseProfile(text, spec), display: spec };
}
function parseProfile(text, display) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UserError(`the reference profile is not valid JSON (${error.message})`, { where: { file: display, key: "reference" }, hint: "Pass the profile JSON a data-validate run wrote." });
  }
  const header = parsed;
  if (header && typeof header === "object" && header.kind === "mlops-data-profile" && header.version !== PROFILE_VERSION) {
    throw new UserError(`the reference profile has schema version ${JSON.stringify(header.version)}; this drift-check reads version ${PROFILE_VERSION}`, {
      where: { file: display, key: "version" },
      hint: "Re-profile the reference with the data-validate of this release, or use the drift-check release that matches the profile."
    });
  }
  const result = DataProfile.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new UserError(`not a data profile: ${issue.message} at ${issue.path.join(".") || "(top level)"}`, { where: { file: display, key: "reference" }, hint: "Pass the profile JSON a data-validate run wrote (its `profile` output)." });
  }
  return result.data;
}
async function registryProfile(host, spec) {
  const reference = parseModelReference(spec);
  const insecure = reference.location.kind === "remote" && isLoopbackHost(reference.location.host.replace(/:\d+$/, ""));
  const version = await resolveVersion(host.cwd, reference, { username: host.env("MLOPS_REGISTRY_USERNAME"), password: host.env("MLOPS_REGISTRY_PASSWORD"), insecure }, host);
  const layer = version.fetched.manifest.layers.find((l) => l.mediaType === DATA_PROFILE_MEDIA_TYPE);
  if (!layer) {
    throw new UserError(`${version.ref} was registered without a data profile`, {
      where: { key: "reference" },
      hint: "Register versions after a data-validate step (its run record names the profile), or pass the reference data or profile explicitly."
    });
  }
  return parseProfile((await version.reader.blobBytes(layer)).toString("utf8"), `${version.ref} (data profile)`);
}

// shared/drift/report.ts
var TEST_NAMES = { ks: "KS", chi2: "\u03C7\xB2", z: "z (2 proportions)" };
var MAX_CHARTS = 10;
function renderDriftReport(input) {
  const { decision, rule } = input;
  const lines = [];
  const verdict = decision.drifted ? `**Drift detected** in ${decision.driftedColumns.length} of ${decision.columns.length} columns (share ${formatNumber(decision.share, 3)}).` : `**No drift**: 0 of ${decision.columns.length} columns drifted.`;
  lines.push("## drift-check", "", verdict, "");
  lines.push(`Current: ${code(input.current)} (${input.currentRows.toLocaleString("en-US")} rows) \xB7 reference: ${code(input.reference)} (${input.referenceRows.toLocaleString("en-US")} rows${input.referenceIsProfile ? ", a profile" : ""}).`, "");
  lines.push(
    `A column drifts when its test is significant after the ${correctionName(rule.correction)} correction across ${decision.columns.length} columns (adjusted p < ${rule.alpha}) **and** its effect reaches the practical threshold (Wasserstein \u2265 ${rule.wassersteinThreshold} reference sd; Jensen\u2013Shannon \u2265 ${rule.jsThreshold}).` + (rule.driftShare !== void 0 ? ` The data set drifts when at least ${formatNumber(rule.driftShare, 3)} of the columns drift.` : " The data set drifts when any column drifts."),
    ""
  );
  if (input.referenceIsProfile) {
    lines.push("> [!NOTE]", "> The reference is a profile, not raw data: its statistics come from the profile's histograms and value counts. The bound on each figure's error is in the last column.", "");
  }
  const header = ["column", "test", "statistic", "p", "adjusted p", "effect", "PSI", "missing (ref / cur)", "verdict"];
  if (input.referenceIsProfile) header.push("error bound");
  const rows = decision.columns.map((c) => {
    const row = [
      `${escapeCell(c.column)}${c.role === "prediction" ? " (prediction)" : ""}`,
      TEST_NAMES[c.test] ?? c.test,
      formatNumber(c.statistic),
      formatNumber(c.p_value),
      formatNumber(c.adjusted_p),
      `${c.effect.measure === "js" ? "JS" : "W/sd"} ${formatNumber(c.effect.value, 3)}`,
      formatNumber(c.psi, 3),
      `${c.reference_missing} / ${c.current_missing}`,
      c.drifted ? "\u{1F534} drift" : c.significant ? "significant, small effect" : "no drift"
    ];
    if (input.referenceIsProfile) row.push(boundText(c));
    return row;
  });
  lines.push(table(header, rows, ["l", "l", "r", "r", "r", "r", "r", "r", "l", "l"]), "");
  for (const s of input.skipped ?? []) lines.push(`${escapeCell(s.column)}: not compared (${escapeCell(s.reason)}).`);
  if (input.skipped?.length) lines.push("");
  const merged = decision.columns.filter((c) => c.merged_categories);
  for (const c of merged) lines.push(`${escapeCell(c.column)}: rare categories pooled for \u03C7\xB2 (expected count < 5): ${escapeCell(c.merged_categories.slice(0, 10).join(", "))}${c.merged_categories.length > 10 ? ", \u2026" : ""}.`);
  if (merged.length) lines.push("");
  const drifted = decision.columns.filter((c) => c.drifted);
  if (drifted.length > 0) {
    lines.push("### Reference vs current", "");
    for (const c of drifted.slice(0, MAX_CHARTS)) lines.push(histogramChart(c), "");
    if (drifted.length > MAX_CHARTS) lines.push(`(${drifted.length - MAX_CHARTS} more drifted columns; see results.json)`, "");
  }
  if (input.performance) lines.push(...performanceLines(input.performance), "");
  if (input.github && input.github.length > 0) lines.push("### GitHub", "", ...input.github.map((l) => `- ${l}`), "");
  return `${lines.join("\n").trimEnd()}
`;
}
function correctionName(c) {
  return c === "bh" ? "Benjamini\u2013Hochberg" : c === "holm" ? "Holm" : c === "bonferroni" ? "Bonferroni" : "no";
}
function boundText(c) {
  if (!c.from_profile) return "";
  const b = c.from_profile.bounds;
  const parts = [];
  if (b.statistic !== void 0) parts.push(`D \xB1${formatNumber(b.statistic, 2)}`);
  if (b.wasserstein_normed !== void 0) parts.push(`W/sd \xB1${formatNumber(b.wasserstein_normed, 2)}`);
  return parts.length ? parts.join(", ") : escapeCell(c.from_profile.method.startsWith("exact") ? "exact" : c.from_profile.method);
}
function histogramChart(c) {
  const h = c.histogram;
  if (!h.labels.length) return "";
  const percent = (shares) => shares.map((share) => share * 100);
  return [
    `**${escapeCell(c.column)}**: reference (first bars) vs current (second bars), % of rows`,
    "",
    barChart({
      title: `${c.column}: reference vs current`,
      titleLength: 80,
      // The chart alphabet has no `>`: the open upper bin reads "over x".
      labels: h.labels.map((label) => label.replace(/^>/, "over ")),
      labelLength: 80,
      yLabel: "% of rows",
      bars: [percent(h.reference), percent(h.current)]
    })
  ].join("\n");
}
function performanceLines(p) {
  const rows = [
    // n/a: undefined (ROC AUC when every probability is 0 or 1), or no reference scores.
    ["expected accuracy", valueCell(p.reference?.accuracy), valueCell(p.current.accuracy)],
    ["expected ROC AUC", valueCell(p.reference?.rocAuc), valueCell(p.current.rocAuc)]
  ];
  return [
    "### Estimated performance without labels",
    "",
    `From the model's positive-class probabilities (${code(p.source)}), confidence-based as NannyML's CBPE. **An estimate that assumes the model is calibrated** on the current data; it cannot see concept drift.`,
    "",
    table(["metric", "reference", "current"], rows, ["l", "r", "r"])
  ];
}

// shared/github/dispatch.ts
var WORKFLOW_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]*\.ya?ml$/;
function parseWorkflowFile(value) {
  const name = value.trim().replace(/^\.github\/workflows\//, "");
  if (!WORKFLOW_FILE.test(name)) {
    throw new UserError(`input "dispatch" is "${value}", which is not a workflow file name`, {
      where: { key: "dispatch" },
      hint: "Give the file name of a workflow in .github/workflows that has a workflow_dispatch trigger, e.g. ml-retrain.yml."
    });
  }
  return name;
}
function dispatchBlockedByEvent(eventName) {
  return eventName.startsWith("pull_request") ? `not dispatched: ${eventName} events never dispatch retraining` : void 0;
}
async function dispatchRetrain(options) {
  const { github, workflow, cooldownHours, log } = options;
  const blocked = dispatchBlockedByEvent(github.eventName);
  if (blocked) return { dispatched: false, reason: blocked };
  const now = options.now ?? /* @__PURE__ */ new Date();
  const since = new Date(now.getTime() - cooldownHours * 36e5);
  const recent = await latestRunSince(github, workflow, since);
  if (recent) {
    return { dispatched: false, reason: `not dispatched: ${workflow} already ran at ${recent.created_at} (run ${recent.html_url}), within the ${cooldownHours} h cooldown` };
  }
  const before = new Date(Date.now() - 6e4);
  try {
    await github.client.rest.actions.createWorkflowDispatch({
      owner: github.owner,
      repo: github.repo,
      workflow_id: workflow,
      ref: options.ref,
      inputs: options.inputs,
      request: { retries: 0 }
    });
  } catch (error) {
    const status = error?.status;
    if (typeof status === "number" && status < 500) throw error;
    const started = await latestRunSince(github, workflow, before);
    if (!started) throw error;
    log(`Dispatching ${workflow} answered ${String(status ?? "nothing")}, but its run ${started.html_url} exists: not dispatched again.`);
    return { dispatched: true, reason: `dispatched ${workflow} on ${options.ref} (GitHub answered ${String(status ?? "nothing")}, but the run ${started.html_url} was created; not sent twice)` };
  }
  log(`Dispatched ${workflow} on ${options.ref}`);
  return { dispatched: true, reason: `dispatched ${workflow} on ${options.ref} (no run of it in the last ${cooldownHours} h)` };
}
async function latestRunSince(github, workflow, since) {
  const pages = github.client.paginate.iterator(github.client.rest.actions.listWorkflowRuns, {
    owner: github.owner,
    repo: github.repo,
    workflow_id: workflow,
    per_page: 100
  });
  for await (const { data } of pages) {
    const found = data.find((run) => Date.parse(run.created_at) >= since.getTime());
    if (found) return found;
    if (data.some((run) => Date.parse(run.created_at) < since.getTime())) break;
  }
  return void 0;
}

// shared/github/drift-issue.ts
var DRIFT_LABEL = "model-drift";
var LABEL_COLOR = "d93f0b";
var MAX_HISTORY = 20;
var HISTORY_MARKER = /<!-- mlops-drift-history:([A-Za-z0-9+/=]*) -->/;
function driftIssueMarker(model) {
  return stickyMarker(`drift-issue:${model}`);
}
async function syncDriftIssue(options) {
  const { github, model, run, log } = options;
  const marker = driftIssueMarker(model);
  const author = options.author ?? await resolveAuthor(github);
  const existing = await findIssue(github, marker, author);
  const history = [...existing ? readHistory(existing.body ?? "") : [], run].slice(-MAX_HISTORY);
  const body = issueBody(marker, model, options.report, history);
  if (!run.drifted) {
    if (!existing || existing.state !== "open") return { action: "none", reason: "no drift and no open drift issue" };
    await github.client.rest.issues.update({ owner: github.owner, repo: github.repo, issue_number: existing.number, body });
    await github.client.rest.issues.createComment({
      owner: github.owner,
      repo: github.repo,
      issue_number: existing.number,
      body: `No drift in the run of ${escapeCell(run.date)}${run.runUrl ? ` (${link("run", run.runUrl)})` : ""}: ${run.rows.toLocaleString("en-US")} rows, no column drifted. Closing.`,
      request: { retries: 0 }
    });
    const { data: data2 } = await github.client.rest.issues.update({ owner: github.owner, repo: github.repo, issue_number: existing.number, state: "closed", state_reason: "completed" });
    log(`Closed the drift issue ${data2.html_url}`);
    return { action: "closed", number: data2.number, url: data2.html_url };
  }
  if (existing) {
    const reopen = existing.state !== "open";
    const { data: data2 } = await github.client.rest.issues.update({
      owner: github.owner,
      repo: github.repo,
      issue_number: existing.number,
      body,
      ...reopen ? { state: "open" } : {}
    });
    log(`${reopen ? "Reopened" : "Updated"} the drift issue ${data2.html_url}`);
    return { action: reopen ? "reopened" : "updated", number: data2.number, url: data2.html_url };
  }
  await ensureLabel(github);
  const { data } = await github.client.rest.issues.create({
    owner: github.owner,
    repo: github.repo,
    title: `Data drift: ${model}`,
    body,
    labels: [DRIFT_LABEL],
    request: { retries: 0 }
  });
  log(`Opened the drift issue ${data.html_url}`);
  return { action: "opened", number: data.number, url: data.html_url };
}
async function findIssue(github, marker, author) {
  const pages = github.client.paginate.iterator(github.client.rest.issues.listForRepo, {
    owner: github.owner,
    repo: github.repo,
    state: "all",
    labels: DRIFT_LABEL,
    sort: "created",
    direction: "desc",
    per_page: 100
  });
  let closed;
  for await (const { data } of pages) {
    for (const issue of data) {
      if (issue.pull_request || !openedBy(issue.user, author) || !(issue.body ?? "").includes(marker)) continue;
      if (issue.state === "open") return issue;
      closed ??= issue;
    }
  }
  return closed;
}
function openedBy(user, author) {
  if (author !== void 0) return user?.login.toLowerCase() === author.toLowerCase();
  return user?.type === "Bot";
}
async function ensureLabel(github) {
  try {
    await github.client.rest.issues.getLabel({ owner: github.owner, repo: github.repo, name: DRIFT_LABEL });
    return;
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
  }
  try {
    await github.client.rest.issues.createLabel({ owner: github.owner, repo: github.repo, name: DRIFT_LABEL, color: LABEL_COLOR, description: "Production data drifted from the training reference (mlops drift-check)" });
  } catch (error) {
    if (statusOf(error) !== 422) throw error;
  }
}
function readHistory(body) {
  const match = HISTORY_MARKER.exec(body);
  if (!match) return [];
  try {
    const parsed = JSON.parse(Buffer.from(match[1], "base64").toString("utf8"));
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((r) => typeof r === "object" && r !== null && typeof r.date === "string" && typeof r.rows === "number" && Array.isArray(r.driftedColumns)).map((r) => ({
      date: String(r.date),
      rows: Number(r.rows),
      drifted: Boolean(r.drifted),
      driftedColumns: r.driftedColumns.map(String),
      share: Number(r.share),
      runUrl: typeof r.runUrl === "string" ? r.runUrl : void 0
    }));
  } catch {
    return [];
  }
}
function issueBody(marker, model, report, history) {
  const encoded = Buffer.from(JSON.stringify(history)).toString("base64");
  const rows = [...history].reverse().map((r) => [
    escapeCell(r.date),
    r.rows.toLocaleString("en-US"),
    r.drifted ? escapeCell(r.driftedColumns.join(", ") || "\u2014") : "none",
    r.share.toFixed(2),
    r.runUrl ? link("run", r.runUrl) : "\u2014"
  ]);
  const head = [
    marker,
    `<!-- mlops-drift-history:${encoded} -->`,
    `Drift of model ${escapeCell(model)}, kept up to date by \`mlops drift-check\`: this issue is updated by each run that finds drift and closed by the first that finds none.`,
    "",
    "### History",
    "",
    table(["date", "rows", "drifted columns", "share", "run"], rows, ["l", "r", "l", "r", "l"]),
    "",
    "### Latest report",
    ""
  ].join("\n");
  return head + capComment(report, { limit: 65536 - 1024 - head.length });
}

// actions/drift-check/github-steps.ts
var ISSUE_EVENTS = /* @__PURE__ */ new Set(["schedule", "workflow_dispatch"]);
async function githubSteps(host, options, model, run, report) {
  const github = await host.github(options.token);
  const eventName = github?.eventName ?? host.env("GITHUB_EVENT_NAME") ?? "";
  const outcome = { lines: [], dispatched: false, failed: false };
  const wantIssue = options.issue === "true" || options.issue === "auto" && ISSUE_EVENTS.has(eventName);
  const reason = `drift in ${run.driftedColumns.join(", ")} (share ${run.share.toFixed(2)})`;
  if (!github) {
    const plan = {};
    if (wantIssue || options.issue === "auto") plan.issue = run.drifted ? { action: "open or update", title: `Data drift: ${model}`, labels: ["model-drift"] } : { action: "close the open drift issue, if any" };
    if (options.dispatch && run.drifted) plan.dispatch = { workflow: options.dispatch, inputs: { reason, drift_run_url: run.runUrl ?? "" }, cooldown_hours: options.cooldownHours };
    outcome.plan = plan;
    outcome.lines.push("Not in GitHub Actions (no repository or token): nothing was sent. What would be sent is in github-plan.json.");
    if (plan.issue) outcome.lines.push(run.drifted ? `Would open or update the drift issue for ${model}.` : `Would close the open drift issue for ${model}, if there is one.`);
    if (plan.dispatch) outcome.lines.push(`Would dispatch ${options.dispatch} (unless it ran within ${options.cooldownHours} h).`);
    return outcome;
  }
  if (!wantIssue) outcome.lines.push(`Issue: skipped (issue=${options.issue}, event ${eventName || "none"}).`);
  else {
    try {
      const result = await syncDriftIssue({ github, model, run, report, log: (m) => host.info(m) });
      if (result.action === "none") outcome.lines.push(`Issue: nothing to do (${result.reason}).`);
      else {
        outcome.issueNumber = result.number;
        outcome.lines.push(`Issue: ${result.action} #${result.number} (${result.url}).`);
      }
    } catch (error) {
      outcome.failed = true;
      outcome.lines.push(`Issue: failed (${describe(error)}); the report and results are on disk.`);
      host.warning(`drift-check could not update the drift issue: ${describe(error)}`);
    }
  }
  if (!options.dispatch) outcome.lines.push("Dispatch: no `dispatch` workflow configured.");
  else if (!run.drifted) outcome.lines.push(`Dispatch: not dispatched: no drift.`);
  else {
    const blocked = dispatchBlockedByEvent(eventName);
    if (blocked) outcome.lines.push(`Dispatch: ${blocked}.`);
    else {
      try {
        const ref = host.env("GITHUB_REF_NAME") || defaultBranch(github.event) || "main";
        const result = await dispatchRetrain({ github, workflow: options.dispatch, cooldownHours: options.cooldownHours, ref, inputs: { reason, drift_run_url: run.runUrl ?? "" }, log: (m) => host.info(m) });
        outcome.dispatched = result.dispatched;
        outcome.lines.push(`Dispatch: ${result.reason}.`);
      } catch (error) {
        outcome.failed = true;
        outcome.lines.push(`Dispatch: failed (${describe(error)}).`);
        host.warning(`drift-check could not dispatch ${options.dispatch}: ${describe(error)}`);
      }
    }
  }
  return outcome;
}
function defaultBranch(event) {
  const repository = event.repository;
  return typeof repository?.default_branch === "string" ? repository.default_branch : void 0;
}
function describe(error) {
  return describeRequestError(error);
}

// actions/drift-check/options.ts
var OUT_DIR = "mlops-out/drift-check";
var DEFAULT_COOLDOWN_HOURS = 24;
function readDriftOptions(host) {
  const dispatch = optionalInput(host, "dispatch");
  return {
    current: requiredInput(host, "current"),
    reference: optionalInput(host, "reference"),
    model: optionalInput(host, "model"),
    columns: listInput(host, "columns"),
    configPath: host.input("config").trim(),
    issue: enumInput(host, "issue", ["auto", "true", "false"], "auto"),
    dispatch: dispatch ? parseWorkflowFile(dispatch) : void 0,
    cooldownHours: numberInput(host, "cooldown-hours", { min: 0, max: 24 * 365 }) ?? DEFAULT_COOLDOWN_HOURS,
    failOnDrift: booleanInput(host, "fail-on-drift", false),
    recordPath: host.input("record").trim() || DEFAULT_RECORD_PATH,
    token: host.input("github-token"),
    outDir: OUT_DIR
  };
}

// actions/drift-check/score.ts
import { rm } from "node:fs/promises";
import { dirname, resolve as resolve2 } from "node:path";
async function scorePredictions(host, modelSpec, opened, current, reference, features) {
  if (reference.kind !== "data") {
    host.warning("model: the reference is a profile, which cannot be scored; prediction drift uses captured output.* columns only.");
    return { measures: [] };
  }
  const { model } = opened;
  {
    const score = async (sample, key) => {
      const outputs = planOutputs(model, { key: "model" });
      const feed = planFeed(model, sample.columns.map((c) => ({ name: c.name, numeric: c.kind === "integer" || c.kind === "number" || c.kind === "boolean" })), {
        features: features && features.length ? { names: features, from: "model.features in mlops.yml" } : void 0,
        label: "",
        dataFile: sample.displayFiles[0] ?? sample.spec,
        key: "model"
      });
      const scorer = new Scorer(model, feed, outputs, sample.rows, key);
      const progress = new Progress(host, { label: `scoring the ${key} sample`, unit: "rows", total: sample.rows });
      let scored = 0;
      for await (const batch of sample.batches(columnsRead(feed), SCORING_BATCH_ROWS, rowMajorType([feed]))) {
        await scorer.score(batch);
        progress.update(scored += batch.rows);
      }
      await scorer.finish();
      progress.finish();
      return scorer.predictions();
    };
    const cur = await host.group(`Scoring the current sample with ${modelSpec}`, () => score(current, "current"));
    const ref = await host.group(`Scoring the reference with ${modelSpec}`, () => score(reference.sample, "reference"));
    const name = "prediction";
    if (cur.probabilities && ref.probabilities && cur.probabilityColumns === 2) {
      const pick = (p) => Float64Array.from({ length: p.rows }, (_, i) => p.probabilities[i * 2 + 1]);
      const c = pick(cur);
      const r = pick(ref);
      const rs = splitNaN(r);
      return {
        measures: [numericMeasure(`${name} (P(class 1))`, "prediction", chooseTest(true, distinctSorted(rs.sorted)), rs, splitNaN(c))],
        probabilities: { current: c, reference: r, source: `${modelSpec} (scored)` }
      };
    }
    if (cur.values && ref.values) {
      const rs = splitNaN(ref.values);
      return { measures: [numericMeasure(name, "prediction", chooseTest(true, distinctSorted(rs.sorted)), rs, splitNaN(cur.values))] };
    }
    if (cur.labels && ref.labels) {
      const rc = countCategories(ref.labels);
      const cc = countCategories(cur.labels);
      return { measures: [categoricalMeasure(`${name} (label)`, "prediction", chooseTest(false, (/* @__PURE__ */ new Set([...rc.counts.keys(), ...cc.counts.keys()])).size), rc, cc)] };
    }
    host.warning(`model: ${modelSpec} gave no probabilities, labels or values to compare.`);
    return { measures: [] };
  }
}
async function openDriftModel(host, spec) {
  const opened = await open(host, spec);
  return { ...opened, features: featureNamesFromMetadata(opened.model.metadata) };
}
async function open(host, spec) {
  const source = classifyModelSpec(spec);
  if (source.kind === "file") return { model: await openModel(resolve2(host.cwd, source.path), spec, host, "model"), cleanup: async () => {
  } };
  const resolved = await resolveModelReference(host.cwd, source.reference, host, { username: host.env("MLOPS_REGISTRY_USERNAME"), password: host.env("MLOPS_REGISTRY_PASSWORD") });
  return { model: await openModel(resolved.path, spec, host, "model"), cleanup: () => rm(dirname(resolved.path), { recursive: true, force: true }) };
}

// actions/drift-check/drift-check.ts
var driftCheckStage = {
  name: "drift-check",
  readOptions: readDriftOptions,
  async run(options, host) {
    const { config } = await loadConfig(host.cwd, options.configPath);
    const drift = config.drift ?? {};
    const rule = {
      alpha: drift.alpha ?? DEFAULT_RULE.alpha,
      correction: drift.correction ?? DEFAULT_RULE.correction,
      wassersteinThreshold: drift.wasserstein_threshold ?? DEFAULT_RULE.wassersteinThreshold,
      jsThreshold: drift.js_threshold ?? DEFAULT_RULE.jsThreshold,
      driftShare: drift.drift_share
    };
    const referenceSpec = options.reference ?? defaultReference(config.model?.name, config.registry?.url);
    const current = await loadSample(host.cwd, options.current, host, "current");
    let reference;
    let opened;
    try {
      if (options.model) opened = await host.group(`Opening the model ${options.model}`, () => openDriftModel(host, options.model));
      const features = config.model?.features ?? opened?.features;
      reference = await host.group(`Reading the reference ${referenceSpec}`, () => loadReference(host, referenceSpec));
      const ref = reference;
      const referenceRows = ref.kind === "data" ? ref.sample.rows : ref.profile.rows;
      const columns = planColumns(current, ref, options.columns.length ? options.columns : drift.columns, features);
      const started = performance.now();
      let scored;
      let skipped = [];
      const measures = await host.group(`Comparing ${columns.length} columns: ${current.rows.toLocaleString("en-US")} current rows against ${referenceRows.toLocaleString("en-US")} reference rows`, async () => {
        const measured = await measureColumns(current, ref, columns, drift.tests ?? {}, { threads: drift.threads });
        const out = measured.measures;
        skipped = measured.skipped;
        if (measured.threads > 1) host.info(`numeric columns measured on ${measured.threads} worker threads`);
        for (const s of skipped) host.info(`${s.column}: not compared (${s.reason})`);
        if (options.model && opened) {
          scored = await scorePredictions(host, options.model, opened, current, ref, config.model?.features);
          out.push(...scored.measures);
        }
        host.info(`statistics in ${((performance.now() - started) / 1e3).toFixed(2)} s`);
        return out;
      });
      const decision = decide(measures, rule);
      const performanceEstimate = await estimatePerformance(current, ref, scored?.probabilities);
      const model = config.model?.name ?? "model";
      const context = runContext(host, "drift-check");
      const runUrl = context.run_url;
      const reportInput = {
        current: options.current,
        reference: referenceSpec,
        referenceIsProfile: ref.kind === "profile",
        currentRows: current.rows,
        referenceRows,
        rule,
        decision,
        skipped,
        performance: performanceEstimate
      };
      const outDir = resolve3(host.cwd, options.outDir);
      const display = (name) => join(options.outDir, name).split("\\").join("/");
      const results = {
        kind: "mlops-drift-results",
        drifted: decision.drifted,
        drifted_columns: decision.driftedColumns,
        share: decision.share,
        current: options.current,
        reference: referenceSpec,
        reference_is_profile: ref.kind === "profile",
        current_rows: current.rows,
        reference_rows: referenceRows,
        rule,
        columns: decision.columns,
        skipped_columns: skipped,
        performance: performanceEstimate ?? null,
        github: null
      };
      let markdown = renderDriftReport(reportInput);
      await writeFileAtomic(join(outDir, "report.md"), markdown);
      await writeFileAtomic(join(outDir, "results.json"), `${JSON.stringify(results, null, 2)}
`);
      for (const c of decision.columns) {
        if (c.drifted) host.warning(`${c.column}: drift (${c.test} adjusted p ${c.adjusted_p.toPrecision(3)}, ${c.effect.measure} ${c.effect.value.toPrecision(3)})`, { title: "drift-check" });
      }
      const github = await githubSteps(host, options, model, { date: context.at.slice(0, 16).replace("T", " "), rows: current.rows, drifted: decision.drifted, driftedColumns: decision.driftedColumns, share: decision.share, runUrl }, markdown);
      markdown = renderDriftReport({ ...reportInput, github: github.lines });
      results.github = { lines: github.lines, issue_number: github.issueNumber ?? null, dispatched: github.dispatched, plan: github.plan ?? null };
      await writeFileAtomic(join(outDir, "report.md"), markdown);
      await writeFileAtomic(join(outDir, "results.json"), `${JSON.stringify(results, null, 2)}
`);
      if (github.plan) await writeFileAtomic(join(outDir, "github-plan.json"), `${JSON.stringify(github.plan, null, 2)}
`);
      await host.appendSummary(capSummary(markdown));
      await appendSection(
        resolve3(host.cwd, options.recordPath),
        "drift",
        {
          reference: referenceSpec,
          current: options.current,
          drifted: decision.drifted,
          drifted_columns: decision.driftedColumns,
          share: decision.share,
          rows: current.rows,
          run_url: runUrl,
          issue_number: github.issueNumber,
          dispatched: github.dispatched,
          results_path: display("results.json"),
          columns: decision.columns.map((c) => ({ column: c.column, test: c.test, statistic: c.statistic, p_value: c.p_value, adjusted_p: c.adjusted_p, effect: c.effect.value, drifted: c.drifted }))
        },
        context,
        options.recordPath
      );
      return {
        outputs: {
          drifted: String(decision.drifted),
          "drifted-columns": decision.driftedColumns.join(","),
          share: String(Number(decision.share.toFixed(6))),
          report: display("report.md"),
          results: display("results.json"),
          "issue-number": github.issueNumber === void 0 ? "" : String(github.issueNumber),
          dispatched: String(github.dispatched)
        },
        failure: options.failOnDrift && decision.drifted ? `drift detected in ${decision.driftedColumns.join(", ")} (fail-on-drift is true; see ${display("report.md")})` : void 0
      };
    } finally {
      await opened?.cleanup();
      await current.close();
      if (reference?.kind === "data") await reference.sample.close();
    }
  }
};
export {
  driftCheckStage
};
