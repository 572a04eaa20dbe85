import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  pullVersion
} from "./chunk-ZH6XLB2V.js";
import {
  DURATION,
  INSTANCE_INFO,
  PREDICTION,
  REQUESTS
} from "./chunk-WEGH5HV3.js";
import {
  openModel
} from "./chunk-XHNLZXUM.js";
import {
  aliasIsVersion
} from "./chunk-FT35TJTQ.js";
import {
  ANNOTATION,
  OciLayout,
  RemoteRepository,
  formatReference,
  isLoopbackHost,
  isModelLayer,
  isVersionTag,
  parseModelReference,
  remoteHttp,
  remoteRepository,
  resolveVersion,
  validateAlias
} from "./chunk-APGALERZ.js";
import {
  onTerminationSignals
} from "./chunk-ZZ7SVV7N.js";
import {
  KserveResources
} from "./chunk-UA3KOI3F.js";
import {
  loadConfig
} from "./chunk-XWE5INN7.js";
import {
  booleanInput,
  code,
  enumInput,
  escapeCell,
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
  gammaQ
} from "./chunk-VHYSKZ3L.js";
import {
  UserError
} from "./chunk-OIBAWGZR.js";

// actions/deploy/deploy.ts
import { resolve as resolve2 } from "node:path";

// shared/stats/chi-square.ts
function chiSquareSurvival(x, degrees) {
  if (!(x > 0)) return 1;
  if (x === Infinity) return 0;
  return gammaQ(degrees / 2, x / 2);
}
function chiSquareHomogeneity(a, b) {
  const columns = [];
  for (let i = 0; i < a.length; i++) if (a[i] + b[i] > 0) columns.push([a[i], b[i]]);
  const totalA = columns.reduce((s, [x]) => s + x, 0);
  const totalB = columns.reduce((s, [, y]) => s + y, 0);
  const total = totalA + totalB;
  const degrees = columns.length - 1;
  if (degrees < 1 || totalA === 0 || totalB === 0) return { statistic: 0, degrees: Math.max(0, degrees), pValue: 1 };
  let statistic = 0;
  for (const [x, y] of columns) {
    const column = x + y;
    const expectedA = column * totalA / total;
    const expectedB = column * totalB / total;
    statistic += (x - expectedA) ** 2 / expectedA + (y - expectedB) ** 2 / expectedB;
  }
  return { statistic, degrees, pValue: chiSquareSurvival(statistic, degrees) };
}

// shared/deploy/prometheus.ts
var MAX_SCRAPE_BYTES = 8 * 1024 * 1024;
var SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+-?[0-9]+)?$/;
var LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*,?/y;
function parseMetrics(text, source = "/metrics") {
  if (text.length > MAX_SCRAPE_BYTES) throw new UserError(`${source} is ${text.length} bytes, over the ${MAX_SCRAPE_BYTES}-byte cap`);
  const samples = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line || line.startsWith("#")) continue;
    const match = SAMPLE.exec(line);
    if (!match) throw new UserError(`${source} line ${i + 1} is not a Prometheus sample`, { hint: "Is the URL an `mlops serve` instance?" });
    samples.push({ name: match[1], labels: parseLabels(match[2] ?? "", source, i + 1), value: parseValue(match[3]) });
  }
  return samples;
}
function parseLabels(text, source, line) {
  const labels = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const start = LABEL.lastIndex;
    const match = LABEL.exec(text);
    if (!match) {
      if (text.slice(start).trim() === "") break;
      throw new UserError(`${source} line ${line}: bad label set`);
    }
    labels[match[1]] = match[2].replace(/\\(.)/g, (_, c) => c === "n" ? "\n" : c);
  }
  return labels;
}
function parseValue(text) {
  if (text === "+Inf") return Infinity;
  if (text === "-Inf") return -Infinity;
  return Number(text);
}
function matches(sample, labels) {
  for (const [key, value] of Object.entries(labels)) if (sample.labels[key] !== value) return false;
  return true;
}
function counterTotal(samples, name, labels, keep = () => true) {
  let total = 0;
  for (const sample of samples) if (sample.name === name && matches(sample, labels) && keep(sample.labels)) total += sample.value;
  return total;
}
function histogram(samples, name, labels) {
  const cumulative = /* @__PURE__ */ new Map();
  for (const sample of samples) {
    if (sample.name !== `${name}_bucket` || !matches(sample, labels)) continue;
    const le = parseValue(sample.labels.le ?? "");
    if (Number.isNaN(le)) continue;
    cumulative.set(le, (cumulative.get(le) ?? 0) + sample.value);
  }
  const bounds = [...cumulative.keys()].sort((a, b) => a - b);
  const counts = [];
  let previous = 0;
  for (const bound of bounds) {
    const value = cumulative.get(bound);
    counts.push(Math.max(0, value - previous));
    previous = value;
  }
  return { bounds, counts };
}
function histogramTotal(h) {
  return h.counts.reduce((sum, c) => sum + c, 0);
}
function withInstance(samples, infoName) {
  const instance = samples.find((s) => s.name === infoName)?.labels.instance_id;
  if (instance === void 0) return samples;
  return samples.map((s) => ({ ...s, labels: { ...s.labels, instance } }));
}
function windowSamples(before, after, keep) {
  const earlier = /* @__PURE__ */ new Map();
  for (const sample of before) if (keep(sample)) earlier.set(seriesKey(sample), sample.value);
  const samples = [];
  const seen = /* @__PURE__ */ new Set();
  for (const sample of after) {
    if (!keep(sample)) continue;
    const key = seriesKey(sample);
    seen.add(key);
    const start = earlier.get(key) ?? 0;
    samples.push({ ...sample, value: sample.value >= start ? sample.value - start : sample.value });
  }
  let vanished = 0;
  for (const key of earlier.keys()) if (!seen.has(key)) vanished++;
  return { samples, vanished };
}
function seriesKey(sample) {
  return JSON.stringify([sample.name, ...Object.entries(sample.labels).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)]);
}

// shared/deploy/analysis.ts
var MIN_EXPECTED = 5;
var SHIFT_ALPHA = 0.01;
function analyseWindow(figures, thresholds) {
  const reasons = [];
  const verdicts = [];
  const { requests, errors } = figures;
  const errorRate = requests > 0 ? errors / requests : null;
  if (requests >= thresholds.minRequests) {
    if (errorRate > thresholds.maxErrorRate) {
      verdicts.push("fail");
      reasons.push(`error rate ${formatRate(errorRate)} (${errors}/${requests}) is above max-error-rate ${formatRate(thresholds.maxErrorRate)}`);
    } else verdicts.push("pass");
  } else if (errors > thresholds.maxErrorRate * thresholds.minRequests) {
    verdicts.push("fail");
    reasons.push(`${errors} of the first ${requests} canary requests failed (max-error-rate ${formatRate(thresholds.maxErrorRate)})`);
  } else {
    verdicts.push("inconclusive");
    reasons.push(`only ${requests} canary requests (need ${thresholds.minRequests})`);
  }
  const p99 = histogramQuantile(0.99, figures.latency);
  const p99Ms = p99 === null ? null : p99 * 1e3;
  if (requests >= thresholds.minRequests) {
    if (p99Ms === null) {
      verdicts.push("inconclusive");
      reasons.push(`no request durations for the ${requests} canary requests (no mlops_serve_request_duration_seconds observations in the scrape)`);
    } else if (p99Ms > thresholds.maxP99Ms) {
      verdicts.push("fail");
      reasons.push(`p99 latency ${p99Ms.toFixed(1)} ms is above max-p99-ms ${thresholds.maxP99Ms}`);
    } else verdicts.push("pass");
  }
  const canaryCount = histogramTotal(figures.canaryPredictions);
  const stableCount = figures.stablePredictions ? histogramTotal(figures.stablePredictions) : 0;
  let shift = null;
  let pValue = null;
  if (figures.stablePredictions) {
    if (canaryCount >= thresholds.minPredictions && stableCount >= thresholds.minPredictions) {
      const [a, b] = alignBins(figures.canaryPredictions, figures.stablePredictions);
      shift = jensenShannonDistance(a, b);
      pValue = chiSquareHomogeneity(...poolBins(a, b, MIN_EXPECTED)).pValue;
      const alpha = SHIFT_ALPHA / Math.max(1, Math.ceil(thresholds.looks ?? 1));
      if (shift <= thresholds.maxPredictionShift) verdicts.push("pass");
      else if (pValue < alpha) {
        verdicts.push("fail");
        reasons.push(`prediction shift ${shift.toFixed(3)} (Jensen\u2013Shannon distance) is above max-prediction-shift ${thresholds.maxPredictionShift} (chi-square p = ${pValue.toExponential(2)})`);
      } else {
        verdicts.push("inconclusive");
        reasons.push(
          `prediction shift ${shift.toFixed(3)} (Jensen\u2013Shannon distance) is above max-prediction-shift ${thresholds.maxPredictionShift} but not yet significant (chi-square p = ${pValue.toExponential(2)}, fails below ${Number(alpha.toPrecision(3))}) on ${canaryCount} canary and ${stableCount} stable predictions`
        );
      }
    } else {
      verdicts.push("inconclusive");
      reasons.push(`only ${canaryCount} canary and ${stableCount} stable predictions to compare (need ${thresholds.minPredictions} each)`);
    }
  }
  if (figures.vanished && !verdicts.includes("fail")) {
    verdicts.splice(0, verdicts.length, "inconclusive");
    reasons.splice(0, reasons.length, `${figures.vanished} series of the judged versions stopped reporting during the window (a server process restarted or was replaced, or the scrape reached another replica), so the window had to start again`);
  }
  const verdict = verdicts.includes("fail") ? "fail" : verdicts.includes("inconclusive") ? "inconclusive" : "pass";
  return {
    verdict,
    reasons: verdict === "pass" ? [] : reasons,
    requests,
    errors,
    error_rate: errorRate,
    p99_ms: p99Ms,
    prediction_shift: shift,
    shift_p_value: pValue,
    canary_predictions: canaryCount,
    stable_predictions: stableCount
  };
}
function formatRate(rate) {
  return `${(rate * 100).toFixed(2)} %`;
}
function alignBins(a, b) {
  const bounds = [.../* @__PURE__ */ new Set([...a.bounds, ...b.bounds])].sort((x, y) => x - y);
  const pick = (h) => {
    const byBound = new Map(h.bounds.map((bound, i) => [bound, h.counts[i]]));
    return bounds.map((bound) => byBound.get(bound) ?? 0);
  };
  return [pick(a), pick(b)];
}
function jensenShannonDistance(a, b) {
  const totalA = a.reduce((s, x) => s + x, 0);
  const totalB = b.reduce((s, x) => s + x, 0);
  if (totalA === 0 || totalB === 0) return totalA === totalB ? 0 : 1;
  let divergence = 0;
  for (let i = 0; i < a.length; i++) {
    const p = a[i] / totalA;
    const q = b[i] / totalB;
    const m = (p + q) / 2;
    if (p > 0) divergence += p * Math.log2(p / m);
    if (q > 0) divergence += q * Math.log2(q / m);
  }
  return Math.sqrt(Math.max(0, divergence / 2));
}
function poolBins(a, b, minExpected) {
  const totalA = a.reduce((s, x2) => s + x2, 0);
  const totalB = b.reduce((s, x2) => s + x2, 0);
  const total = totalA + totalB;
  const smaller = Math.min(totalA, totalB);
  const pooledA = [];
  const pooledB = [];
  let x = 0;
  let y = 0;
  for (let i = 0; i < a.length; i++) {
    x += a[i];
    y += b[i];
    if (total > 0 && (x + y) * smaller / total >= minExpected) {
      pooledA.push(x);
      pooledB.push(y);
      x = 0;
      y = 0;
    }
  }
  if (x + y > 0) {
    if (pooledA.length === 0) {
      pooledA.push(x);
      pooledB.push(y);
    } else {
      pooledA[pooledA.length - 1] += x;
      pooledB[pooledB.length - 1] += y;
    }
  }
  return [pooledA, pooledB];
}
function histogramQuantile(q, h) {
  const total = histogramTotal(h);
  if (total === 0) return null;
  const rank = q * total;
  let cumulative = 0;
  for (let i = 0; i < h.bounds.length; i++) {
    const count = h.counts[i];
    if (cumulative + count >= rank && count > 0) {
      const upper = h.bounds[i];
      if (upper === Infinity) return i > 0 ? h.bounds[i - 1] : null;
      const lower = i === 0 ? 0 : h.bounds[i - 1];
      if (i === 0 && upper <= 0) return upper;
      return lower + (upper - lower) * ((rank - cumulative) / count);
    }
    cumulative += count;
  }
  return h.bounds.filter(Number.isFinite).at(-1) ?? null;
}

// shared/deploy/rollout.ts
var Cancelled = class extends Error {
  constructor(signalName) {
    super(`cancelled (${signalName})`);
    this.signalName = signalName;
  }
  signalName;
};
async function runRollout(client, plan, hooks, steps = []) {
  try {
    for (const weight of plan.steps) {
      const weights = { [plan.canary]: weight, [plan.stable]: 100 - weight };
      await client.setTraffic(plan.model, weights);
      hooks.log(`traffic: ${plan.canary} ${weight} %, ${plan.stable} ${100 - weight} %; baking ${plan.bakeSeconds} s`);
      const started = hooks.now();
      const deadline = started + plan.bakeSeconds * plan.holdFactor * 1e3;
      let before = await client.scrape();
      let bakes = 0;
      let analysis;
      for (; ; ) {
        await hooks.sleep(plan.bakeSeconds * 1e3);
        bakes++;
        const after = await client.scrape();
        const figures = windowFigures(before, after, plan, weight < 100);
        analysis = analyseWindow(figures, { ...plan.thresholds, looks: plan.holdFactor });
        if (figures.vanished > 0) before = after;
        hooks.log(`step ${weight} %: ${analysis.verdict} \u2014 ${describe(analysis)}`);
        if (analysis.verdict !== "inconclusive") break;
        if (hooks.now() + plan.bakeSeconds * 1e3 > deadline) break;
        hooks.log(`step ${weight} %: holding (${analysis.reasons.join("; ")})`);
      }
      const record = { weight, weights, bakes, seconds: (hooks.now() - started) / 1e3, verdict: analysis.verdict, analysis };
      steps.push(record);
      if (analysis.verdict === "fail") return await rollBack(client, plan, steps, `step ${weight} %: ${analysis.reasons.join("; ")}`, hooks);
      if (analysis.verdict === "inconclusive") {
        return await rollBack(client, plan, steps, `step ${weight} % stayed inconclusive until its deadline (${plan.bakeSeconds * plan.holdFactor} s): ${analysis.reasons.join("; ")}`, hooks);
      }
    }
    return { promoted: true, steps };
  } catch (error) {
    if (error instanceof Cancelled) return await rollBack(client, plan, steps, `the deploy was ${error.message}`, hooks);
    try {
      await rollBack(client, plan, steps, error.message, hooks);
    } catch (rollbackError) {
      throw new UserError(`${error.message}; rolling back failed too: ${rollbackError.message}`, {
        hint: `Traffic may still reach ${plan.canary}: check the split and set ${plan.stable} to 100 % by hand (for mlops serve, PUT /v2/models/${plan.model}/traffic; for KServe, canaryTrafficPercent: 0).`
      });
    }
    throw error;
  }
}
async function rollBack(client, plan, steps, reason, hooks) {
  hooks.log(`rolling back: ${reason}`);
  await client.setTraffic(plan.model, { [plan.stable]: 100, [plan.canary]: 0 });
  await client.unload(plan.model, plan.canary);
  hooks.log(`rolled back: ${plan.stable} 100 %, ${plan.canary} unloaded`);
  return { promoted: false, steps, reason };
}
var JUDGED = /* @__PURE__ */ new Set([REQUESTS, `${DURATION}_bucket`, `${PREDICTION}_bucket`]);
function windowFigures(before, after, plan, compare) {
  const canary = { model: plan.model, version: plan.canary };
  const stable = { model: plan.model, version: plan.stable };
  const judged = (s) => JUDGED.has(s.name) && s.labels.model === plan.model && (s.labels.version === plan.canary || compare && s.labels.version === plan.stable);
  const { samples: window, vanished } = windowSamples(before, after, judged);
  const isError = (labels) => Number(labels.code) >= 500;
  return {
    requests: counterTotal(window, REQUESTS, canary),
    errors: counterTotal(window, REQUESTS, canary, isError),
    latency: histogram(window, DURATION, canary),
    canaryPredictions: histogram(window, PREDICTION, canary),
    stablePredictions: compare ? histogram(window, PREDICTION, stable) : void 0,
    vanished
  };
}
function describe(a) {
  const parts = [`${a.requests} requests`, `error rate ${a.error_rate === null ? "\u2014" : (a.error_rate * 100).toFixed(2) + " %"}`, `p99 ${a.p99_ms === null ? "\u2014" : a.p99_ms.toFixed(1) + " ms"}`];
  if (a.prediction_shift !== null) parts.push(`prediction shift ${a.prediction_shift.toFixed(3)} (p ${a.shift_p_value.toExponential(2)})`);
  return parts.join(", ");
}

// shared/deploy/http-body.ts
async function readCapped(response, cap, what) {
  const length = Number(response.headers.get("content-length") ?? 0);
  if (length > cap) throw new UserError(`${what} answered ${length} bytes, over the ${cap}-byte cap`);
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks = [];
  let size = 0;
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      await reader.cancel();
      throw new UserError(`${what} answered more than ${cap} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
function networkCause(error) {
  if (error.name === "TimeoutError") return "timed out";
  let cause = error.cause;
  for (let depth = 0; cause && depth < 4; depth++) {
    if (cause.code) return cause.code;
    if (cause.errors?.[0]?.code) return cause.errors[0].code;
    cause = cause.cause;
  }
  if (error instanceof TypeError && error.cause === void 0) return "the request could not be built";
  return error.message || "network error";
}

// shared/deploy/serve-client.ts
var MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
var ServeClient = class {
  constructor(url, adminToken, options = {}) {
    this.adminToken = adminToken;
    this.timeoutMs = options.timeoutMs ?? 12e4;
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      throw new UserError(`url "${url}" is not a URL`, { where: { key: "url" }, hint: "Give the base URL of the `mlops serve` instance, e.g. http://127.0.0.1:8080." });
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new UserError(`url "${url}" is not http(s)`, { where: { key: "url" } });
    if (adminToken && parsed.protocol === "http:" && !isLoopbackHost(parsed.host) && !options.allowPlainHttp) {
      throw new UserError(`${parsed.origin} is plain http:// on another host: the admin token would cross the network unencrypted`, {
        where: { key: "url" },
        hint: "Put a TLS proxy in front of mlops serve and use https://, or reach it through an SSH tunnel on 127.0.0.1; set allow-plain-http: true only on a network you trust."
      });
    }
    this.base = parsed.toString().replace(/\/$/, "");
  }
  adminToken;
  base;
  timeoutMs;
  get url() {
    return this.base;
  }
  async index() {
    const body = await this.json("POST", "/v2/repository/index", {}, true);
    if (!Array.isArray(body)) throw this.protocol("/v2/repository/index", "an array");
    return body.filter((e) => typeof e === "object" && e !== null && typeof e.name === "string" && typeof e.version === "string");
  }
  async load(name, reference, insecure) {
    const body = await this.json("POST", `/v2/repository/models/${encodeURIComponent(name)}/load`, { parameters: { reference, insecure } }, true);
    if (typeof body?.version !== "string") throw this.protocol("load", "a version");
    return { version: body.version, digest: typeof body.digest === "string" ? body.digest : void 0 };
  }
  async unload(name, version) {
    await this.json("POST", `/v2/repository/models/${encodeURIComponent(name)}/unload`, { parameters: { version } }, true);
  }
  async traffic(name) {
    return parseWeights(await this.json("GET", `/v2/models/${encodeURIComponent(name)}/traffic`, void 0, true));
  }
  async setTraffic(name, weights) {
    await this.json("PUT", `/v2/models/${encodeURIComponent(name)}/traffic`, weights, true);
  }
  /** Versioned inference (no routing): the raw response body. */
  async infer(name, version, body) {
    const path = version === void 0 ? `/v2/models/${encodeURIComponent(name)}/infer` : `/v2/models/${encodeURIComponent(name)}/versions/${encodeURIComponent(version)}/infer`;
    return this.json("POST", path, body, true);
  }
  /** The server's metrics, each sample labelled `instance` with the server process that answered (so a window across a restart is seen as one). */
  async scrape() {
    const response = await this.request("GET", "/metrics", void 0, false);
    const text = await readCapped(response, MAX_SCRAPE_BYTES, `${this.base}/metrics`);
    if (!response.ok) throw this.httpError("GET /metrics", response.status, text);
    return withInstance(parseMetrics(text, `${this.base}/metrics`), INSTANCE_INFO);
  }
  async json(method, path, body, admin) {
    const response = await this.request(method, path, body, admin);
    const text = await readCapped(response, MAX_RESPONSE_BYTES, `${this.base}${path}`);
    if (!response.ok) throw this.httpError(`${method} ${path}`, response.status, text);
    try {
      return JSON.parse(text);
    } catch {
      throw this.protocol(path, "JSON");
    }
  }
  async request(method, path, body, admin) {
    const headers = {};
    if (body !== void 0) headers["content-type"] = "application/json";
    if (admin && this.adminToken) headers.authorization = `Bearer ${this.adminToken}`;
    try {
      return await fetch(`${this.base}${path}`, { method, headers, body: body === void 0 ? void 0 : JSON.stringify(body), signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      const cause = networkCause(error);
      throw new UserError(`cannot reach the server at ${this.base} (${cause})`, { where: { key: "url" }, hint: "Is `mlops serve` running there, and reachable from this runner?" });
    }
  }
  httpError(call, status, text) {
    let message = text.slice(0, 500);
    try {
      const parsed = JSON.parse(text);
      if (typeof parsed.error === "string") message = parsed.error.slice(0, 500);
    } catch {
    }
    if (status === 401 || status === 403) {
      return new UserError(`the server at ${this.base} refused ${call} (${status}): ${message}`, { where: { key: "admin-token" }, hint: "Pass the admin token the server was started with (--admin-token-file)." });
    }
    return new UserError(`${call} on ${this.base} failed (${status}): ${message}`);
  }
  protocol(path, expected) {
    return new UserError(`${this.base}${path} did not answer with ${expected}`, { where: { key: "url" }, hint: "Is the URL an `mlops serve` instance?" });
  }
};
function parseWeights(body) {
  const weights = {};
  if (typeof body !== "object" || body === null || Array.isArray(body)) return weights;
  for (const [version, weight] of Object.entries(body)) if (typeof weight === "number") weights[version] = weight;
  return weights;
}

// shared/deploy/smoke.ts
var SMOKE_TOLERANCE = 1e-5;
var MAX_SMOKE_ROWS = 1e3;
function featureNames(model) {
  const raw = model.metadata.feature_names;
  if (!raw) throw new UserError("the model has no feature_names metadata, so smoke-data columns cannot be matched to its inputs", { where: { key: "smoke-data" }, hint: "Register models trained with feature_names metadata, or leave smoke-data empty." });
  let names;
  try {
    names = JSON.parse(raw);
  } catch {
    names = raw.split(",");
  }
  if (!Array.isArray(names) || !names.every((n) => typeof n === "string")) throw new UserError("the model's feature_names metadata is not a list of names", { where: { key: "smoke-data" } });
  return names;
}
async function readSmokeRows(cwd, spec, features, host) {
  const source = await resolveData(cwd, spec);
  const table2 = await openData(source, host);
  try {
    const file = source.displayFiles.length === 1 ? source.displayFiles[0] : source.spec;
    const present = new Set(table2.columns.map((c) => c.name));
    const missing = features.filter((f) => !present.has(f));
    if (missing.length) {
      throw new UserError(`smoke-data lacks ${missing.length} of the model's ${features.length} feature columns: ${missing.slice(0, 5).map((m) => JSON.stringify(m)).join(", ")}${missing.length > 5 ? ", \u2026" : ""}`, {
        where: { file, key: "smoke-data" },
        hint: `The model takes ${features.slice(0, 8).join(", ")}${features.length > 8 ? ", \u2026" : ""}; give rows with those columns (extra columns are ignored).`
      });
    }
    if (table2.rowCount === 0) throw new UserError("smoke-data has no rows", { where: { file, key: "smoke-data" } });
    const rows = Math.min(table2.rowCount, MAX_SMOKE_ROWS);
    if (table2.rowCount > MAX_SMOKE_ROWS) host.info(`smoke-data: using the first ${MAX_SMOKE_ROWS} of ${table2.rowCount} rows`);
    const values = new Float32Array(rows * features.length);
    for await (const batch of table2.readNumeric(features, { batchRows: rows })) {
      for (let r = 0; r < batch.rows && batch.rowOffset + r < rows; r++) {
        for (let c = 0; c < features.length; c++) values[(batch.rowOffset + r) * features.length + c] = batch.values[c][r];
      }
      if (batch.rowOffset + batch.rows >= rows) break;
    }
    return { file, features, rows, values };
  } finally {
    await table2.close();
  }
}
async function smokeTest(client, name, version, model, smoke) {
  const input = model.inputs[0];
  const width = smoke.features.length;
  const fixed = input.shape.at(-1);
  if (typeof fixed === "number" && fixed > 0 && fixed !== width) {
    throw new UserError(`the model's input ${JSON.stringify(input.name)} is ${fixed} wide, but its feature_names list ${width} features`, { where: { key: "model" } });
  }
  const expected = await model.session.run({ [input.name]: new model.ort.Tensor("float32", smoke.values, [smoke.rows, width]) });
  const body = { id: "mlops-deploy-smoke", inputs: [{ name: input.name, shape: [smoke.rows, width], datatype: "FP32", data: Array.from(smoke.values) }] };
  const answer = await client.infer(name, version, body);
  const served = new Map((answer.outputs ?? []).map((o) => [o.name, o]));
  let worst = 0;
  const compared = [];
  for (const [outputName, tensor] of Object.entries(expected)) {
    if (tensor.type === "string") continue;
    const got = served.get(outputName);
    if (!got || !Array.isArray(got.data)) throw new UserError(`smoke test: ${name}${version ? ` ${version}` : ""} did not answer output ${JSON.stringify(outputName)}`, { hint: "The server runs a different model than the one registered; do not promote it." });
    const want = Array.from(tensor.data, Number);
    if (got.data.length !== want.length) throw new UserError(`smoke test: output ${JSON.stringify(outputName)} has ${got.data.length} values from the server, ${want.length} in-process`);
    for (let i = 0; i < want.length; i++) {
      const difference = Math.abs(Number(got.data[i]) - want[i]);
      if (!(difference <= SMOKE_TOLERANCE)) {
        const row = Math.floor(i / (want.length / smoke.rows));
        throw new UserError(`smoke test: ${name}${version ? ` ${version}` : ""} answered ${String(got.data[i])} for output ${JSON.stringify(outputName)} on row ${row + 1} of ${smoke.file}, the verified model file gives ${want[i]} (tolerance ${SMOKE_TOLERANCE})`, {
          where: { file: smoke.file, key: "smoke-data" },
          hint: "The server does not run the registered model as it should (wrong model, runtime or feature order); the new version was not given traffic."
        });
      }
      worst = Math.max(worst, difference);
    }
    compared.push(outputName);
  }
  for (const tensor of Object.values(expected)) tensor.dispose?.();
  return { rows: smoke.rows, outputs: compared, max_abs_difference: worst };
}

// shared/github/deployments.ts
var GitHubDeployment = class _GitHubDeployment {
  constructor(github, id) {
    this.github = github;
    this.id = id;
  }
  github;
  id;
  static async create(github, request) {
    const response = await github.client.rest.repos.createDeployment({
      owner: github.owner,
      repo: github.repo,
      ref: request.ref,
      environment: request.environment,
      auto_merge: false,
      required_contexts: [],
      description: request.description.slice(0, 140),
      payload: { model: request.model, version: request.version, digest: request.digest },
      production_environment: request.environment === "production"
    });
    const id = response.data.id;
    if (typeof id !== "number") throw new Error(`GitHub did not create the deployment: ${JSON.stringify(response.data).slice(0, 200)}`);
    return new _GitHubDeployment(github, id);
  }
  async status(state, description, environmentUrl) {
    await this.github.client.rest.repos.createDeploymentStatus({
      owner: this.github.owner,
      repo: this.github.repo,
      deployment_id: this.id,
      state,
      description: description.slice(0, 140),
      ...this.github.runUrl ? { log_url: this.github.runUrl } : {},
      ...environmentUrl ? { environment_url: environmentUrl } : {},
      ...state === "success" ? { auto_inactive: true } : {}
    });
  }
};

// shared/registry/move-alias.ts
async function moveAlias(cwd, location, version, alias, access, host) {
  validateAlias(alias);
  const digest = version.fetched.digest;
  if (location.kind === "layout") {
    const layout = await OciLayout.open(cwd, location.dir);
    await layout.withLock(async () => {
      const current2 = (await layout.tagEntries()).find((entry) => entry.name === version.name && entry.tag === alias);
      if (current2) {
        const manifest = await layout.repository(version.name).manifest(current2.descriptor.digest);
        if (manifest && isVersionTag(alias, manifest.manifest)) throw aliasIsVersion(layout.display, version.name, alias);
      }
      const index = await layout.readIndex();
      const refName = `${version.name}:${alias}`;
      const source = index.manifests.find((d) => d.digest === digest);
      if (!source) throw new UserError(`${version.ref} is no longer in ${layout.display}`);
      index.manifests = index.manifests.filter((d) => d.annotations?.[ANNOTATION.refName] !== refName);
      index.manifests.push({ ...source, annotations: { ...source.annotations, [ANNOTATION.refName]: refName } });
      await layout.writeIndex(index);
    });
    return;
  }
  const repository = new RemoteRepository(remoteHttp(location, access, host), remoteRepository(location, version.name));
  const current = await repository.manifest(alias);
  if (current && isVersionTag(alias, current.manifest)) throw aliasIsVersion(repository.display, version.name, alias);
  await repository.putManifest(alias, version.fetched.bytes);
}

// shared/deploy/kserve/labels.ts
var DNS_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
var DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
var QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
var LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
function nameError(name, max = 63) {
  if (name.length === 0) return "must not be empty";
  if (name.length > max) return `is ${name.length} characters, over ${max}`;
  if (!DNS_LABEL.test(name)) return 'must be lower-case letters, digits and "-", starting with a letter and ending with a letter or digit';
  return void 0;
}
function qualifiedNameError(key) {
  const slash = key.lastIndexOf("/");
  const prefix = slash >= 0 ? key.slice(0, slash) : void 0;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== void 0 && (prefix.length === 0 || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) return `has the prefix "${prefix}", which is not a DNS subdomain`;
  if (name.length === 0 || name.length > 63) return `has a name part of ${name.length} characters (1..63 allowed)`;
  if (!QUALIFIED_NAME.test(name)) return 'must be letters, digits, "-", "_" and ".", starting and ending with a letter or digit (optionally after a DNS-subdomain prefix and "/")';
  return void 0;
}
var labelKeyError = qualifiedNameError;
var annotationKeyError = qualifiedNameError;
function labelValueError(value) {
  if (value.length > 63) return `is ${value.length} characters, over 63`;
  if (!LABEL_VALUE.test(value)) return 'must be empty or letters, digits, "-", "_" and ".", starting and ending with a letter or digit';
  return void 0;
}
function labelValue(text) {
  const trim = (s) => s.replace(/^[^A-Za-z0-9]+/, "").replace(/[^A-Za-z0-9]+$/, "");
  return trim(trim(text.replace(/[^A-Za-z0-9._-]+/g, "-")).slice(0, 63));
}
function annotationValue(text) {
  return text.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 4096);
}

// actions/deploy/kserve-options.ts
async function readKubeInputs(host) {
  const kubeconfig = optionalInput(host, "kubeconfig");
  if (kubeconfig && kubeconfig.includes("\n")) host.setSecret(kubeconfig);
  const resourcesText = optionalInput(host, "kserve-resources");
  return {
    namespace: optionalInput(host, "kube-namespace"),
    kubeconfig,
    name: optionalInput(host, "kserve-name"),
    runtime: optionalInput(host, "kserve-runtime"),
    resources: resourcesText === void 0 ? void 0 : await parseResources(resourcesText),
    dryRun: booleanInput(host, "dry-run", false)
  };
}
async function parseResources(text) {
  const YAML = await import("./dist-5S5KTAIS.js");
  let value;
  try {
    value = YAML.parse(text);
  } catch (error) {
    throw new UserError(`kserve-resources is not YAML or JSON: ${error.message.split("\n")[0]}`, { where: { key: "kserve-resources" }, hint: 'Write e.g. {requests: {cpu: "1", memory: 2Gi}, limits: {nvidia.com/gpu: 1}}.' });
  }
  const parsed = KserveResources.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(`kserve-resources${issue.path.length ? `.${issue.path.join(".")}` : ""}: ${issue.message}`, { where: { key: "kserve-resources" }, hint: "Only requests and limits, each a map of resource name to quantity." });
  }
  return parsed.data;
}
function kserveSettings(inputs, config, modelName) {
  const section = config.deploy?.kserve ?? {};
  const name = inputs.name ?? section.name ?? modelName;
  const problem = nameError(name, 45);
  if (problem) {
    throw new UserError(`the InferenceService name "${name}" ${problem}`, {
      where: { key: inputs.name ? "kserve-name" : section.name ? "deploy.kserve.name" : "kserve-name" },
      hint: "KServe builds service and host names from it (up to 45 characters here, so the predictor's derived names stay within 63); set kserve-name."
    });
  }
  return {
    namespace: inputs.namespace ?? section.namespace,
    kubeconfig: inputs.kubeconfig,
    name,
    runtime: inputs.runtime ?? section.runtime,
    resources: inputs.resources ?? section.resources,
    section,
    readyTimeoutMs: (section.ready_timeout_seconds ?? 600) * 1e3,
    pollMs: (section.poll_seconds ?? 2) * 1e3,
    dryRun: inputs.dryRun
  };
}

// actions/deploy/options.ts
var DEFAULT_STEPS = [10, 50, 100];
async function readDeployInputs(host) {
  const adminToken = optionalInput(host, "admin-token");
  if (adminToken) host.setSecret(adminToken);
  const registryPassword = optionalInput(host, "registry-password");
  if (registryPassword) host.setSecret(registryPassword);
  const stepsText = optionalInput(host, "steps");
  const alias = optionalInput(host, "alias");
  if (alias) validateAlias(alias);
  return {
    model: requiredInput(host, "model"),
    target: optionalInput(host, "target") ? enumInput(host, "target", ["server", "kserve"], "server") : void 0,
    url: optionalInput(host, "url"),
    adminToken,
    environment: optionalInput(host, "environment"),
    strategy: optionalInput(host, "strategy") ? enumInput(host, "strategy", ["canary", "all-at-once"], "canary") : void 0,
    steps: stepsText === void 0 ? void 0 : parseSteps(stepsText, "steps"),
    bakeSeconds: numberInput(host, "bake-seconds", { min: 0.1, max: 86400 }),
    maxErrorRate: numberInput(host, "max-error-rate", { min: 0, max: 1 }),
    maxP99Ms: numberInput(host, "max-p99-ms", { min: 1e-3 }),
    maxPredictionShift: numberInput(host, "max-prediction-shift", { min: 0, max: 1 }),
    smokeData: optionalInput(host, "smoke-data"),
    alias,
    requireGate: booleanInput(host, "require-gate", true),
    forceReason: optionalInput(host, "force-reason"),
    recordPath: optionalInput(host, "record"),
    configPath: host.input("config").trim(),
    githubToken: optionalInput(host, "github-token"),
    registryUsername: optionalInput(host, "registry-username"),
    registryPassword,
    insecure: booleanInput(host, "insecure", false),
    allowPlainHttp: booleanInput(host, "allow-plain-http", false),
    kube: await readKubeInputs(host)
  };
}
function parseSteps(text, key) {
  const parts = text.split(",").map((part) => part.trim().replace(/%$/, ""));
  const steps = parts.map((part) => {
    const value = Number(part);
    if (part === "" || !Number.isInteger(value)) throw new UserError(`"${part}" is not a whole percentage`, { where: { key }, hint: "Write increasing percentages ending at 100, e.g. 10,50,100." });
    return value;
  });
  return validateSteps(steps, key);
}
function validateSteps(steps, key) {
  const hint = "Write increasing percentages ending at 100, e.g. 10,50,100.";
  if (steps.length === 0) throw new UserError("no steps given", { where: { key }, hint });
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (step < 1 || step > 100) throw new UserError(`${step} percent is outside 1..100`, { where: { key }, hint });
    if (i > 0 && step <= steps[i - 1]) throw new UserError(`the steps must increase: ${steps[i - 1]} is followed by ${step}`, { where: { key }, hint });
  }
  if (steps.at(-1) !== 100) throw new UserError(`the last step must be 100 (it is ${steps.at(-1)})`, { where: { key }, hint });
  return steps;
}
function settingsFrom(inputs, config) {
  const section = config.deploy ?? {};
  const target = inputs.target ?? section.target ?? "server";
  const url = inputs.url ?? section.url ?? "";
  if (!url && target === "server") throw new UserError("no server URL", { where: { key: "url" }, hint: "Set `url` to the base URL of the `mlops serve` instance (or deploy.url in mlops.yml)." });
  const strategy = inputs.strategy ?? section.strategy ?? "canary";
  const steps = strategy === "all-at-once" ? [100] : inputs.steps ?? (section.steps ? validateSteps(section.steps, "deploy.steps") : DEFAULT_STEPS);
  const alias = inputs.alias ?? section.alias ?? "prod";
  if (!inputs.alias && section.alias) validateAlias(alias);
  return {
    target,
    url,
    environment: inputs.environment ?? section.environment ?? "production",
    strategy,
    steps,
    bakeSeconds: inputs.bakeSeconds ?? section.bake_seconds ?? 60,
    maxErrorRate: inputs.maxErrorRate ?? section.max_error_rate ?? 0.01,
    maxP99Ms: inputs.maxP99Ms ?? section.max_p99_ms ?? 500,
    maxPredictionShift: inputs.maxPredictionShift ?? section.max_prediction_shift ?? 0.1,
    minRequests: section.min_requests ?? 20,
    minPredictions: section.min_predictions ?? 50,
    holdFactor: section.hold_factor ?? 5,
    smokeData: inputs.smokeData ?? section.smoke_data,
    alias
  };
}

// actions/deploy/summary.ts
var HEADLINE = { deployed: "Deployed", unchanged: "Already serving", rolled_back: "Rolled back", failed: "Failed" };
function deploySummary(report, settings) {
  const lines = [
    `### ${HEADLINE[report.outcome]}: ${escapeCell(report.model)} ${code(report.version)} \u2192 ${escapeCell(settings.environment)}`,
    "",
    table(
      ["", ""],
      [
        [settings.target === "kserve" ? "InferenceService" : "server", settings.url ? code(settings.url) : "\u2014"],
        ...report.kserve ? [["KServe", `${code(String(report.kserve.namespace))}/${code(String(report.kserve.name))}, revision ${code(String(report.kserve.revision ?? "\u2014"))}, storage ${code(String(report.kserve.storage_uri))}`]] : [],
        ["digest", code(report.digest)],
        ["previous", report.previous ? `${code(report.previous.version)}${report.previous.digest ? ` ${code(report.previous.digest)}` : ""}` : "\u2014 (first deploy)"],
        ["strategy", `${settings.strategy} (${settings.steps.join(", ")} %)`],
        ["smoke test", report.smoke ? `${report.smoke.rows} rows, max difference ${report.smoke.max_abs_difference.toExponential(2)}` : "\u2014"],
        ["alias", report.aliasMoved ? `${code(settings.alias)} moved` : "unchanged"],
        ...report.reason ? [["reason", escapeCell(report.reason)]] : []
      ]
    ),
    ""
  ];
  if (report.steps.length) {
    lines.push(
      table(
        ["step", "verdict", "requests", "error rate", "p99 ms", "prediction shift", "p"],
        report.steps.map((s) => [
          `${s.weight} %`,
          s.verdict,
          String(s.analysis.requests),
          s.analysis.error_rate === null ? "\u2014" : (s.analysis.error_rate * 100).toFixed(2) + " %",
          s.analysis.p99_ms === null ? "\u2014" : s.analysis.p99_ms.toFixed(1),
          s.analysis.prediction_shift === null ? "\u2014" : s.analysis.prediction_shift.toFixed(3),
          s.analysis.shift_p_value === null ? "\u2014" : s.analysis.shift_p_value.toExponential(2)
        ]),
        ["r", "l", "r", "r", "r", "r", "r"]
      ),
      ""
    );
  }
  return lines.join("\n");
}

// actions/deploy/verify.ts
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
async function verifyVersion(cwd, ref, access, host) {
  const reference = parseModelReference(ref);
  const version = await resolveVersion(cwd, reference, access, host);
  const dir = await mkdtemp(join(tmpdir(), "mlops-deploy-"));
  const files = await host.group(`verify every blob of ${version.ref}`, () => pullVersion(version, dir, "."));
  const models = files.filter((file) => isModelLayer({ mediaType: file.mediaType }));
  if (models.length !== 1) throw new UserError(`${version.ref} has ${models.length === 0 ? "no model layer" : "several model layers"}`, { where: { key: "model" }, hint: "Deploy versions registered by the register stage." });
  const annotations = version.fetched.manifest.annotations ?? {};
  const tag = annotations[ANNOTATION.version] ?? version.tag ?? "v0";
  const location = reference.location.kind === "layout" ? { kind: "layout", dir: isAbsolute(reference.location.dir) ? reference.location.dir : resolve(cwd, reference.location.dir) } : reference.location;
  const pinned = formatReference(location, version.name, void 0, version.fetched.digest);
  return {
    version,
    location: reference.location,
    tag,
    digest: version.fetched.digest,
    modelPath: join(dir, models[0].path),
    serverReference: location.kind === "remote" ? `oci://${pinned}` : pinned,
    gateVerdict: annotations[ANNOTATION.gateVerdict] ?? "none",
    commit: annotations[ANNOTATION.revision],
    dataFingerprint: annotations[ANNOTATION.dataFingerprint]
  };
}
function checkGate(verified, requireGate, forceReason, host) {
  if (!requireGate || verified.gateVerdict === "pass") return;
  const what = `${verified.version.ref} has gate verdict "${verified.gateVerdict}", not "pass"`;
  if (!forceReason) throw new UserError(`refusing to deploy: ${what}`, { where: { key: "require-gate" }, hint: "Deploy a version that passed evaluate-gate, or give `force-reason` (recorded in the run record and the deployment)." });
  host.warning(`deploying although ${what}; forced: ${forceReason}`);
}

// actions/deploy/deploy.ts
var deployStage = {
  name: "deploy",
  readOptions: readDeployInputs,
  async run(inputs, host) {
    const { config } = await loadConfig(host.cwd, inputs.configPath);
    const settings = settingsFrom(inputs, config);
    const access = { username: inputs.registryUsername, password: inputs.registryPassword, insecure: inputs.insecure };
    const verified = await verifyVersion(host.cwd, inputs.model, access, host);
    checkGate(verified, inputs.requireGate, inputs.forceReason, host);
    const name = verified.version.name;
    const target = settings.target === "kserve" ? await prepareKserveTarget(verified, settings, kserveSettings(inputs.kube, config, name), inputs, host) : await prepareServer(verified, settings, inputs, host);
    if (target.dryRun) return target.dryRun;
    const github = inputs.githubToken ? await host.github(inputs.githubToken) : void 0;
    const cancel = new AbortController();
    const stopListening = onTerminationSignals((signal) => cancel.abort(new Cancelled(signal)));
    let deployment;
    let report;
    try {
      if (github) {
        deployment = await GitHubDeployment.create(github, { environment: settings.environment, ref: verified.commit ?? github.sha ?? "HEAD", version: verified.tag, digest: verified.digest, model: name, description: `${name} ${verified.tag}` });
        await deployment.status("in_progress", `deploying ${name} ${verified.tag}`);
      }
      report = await target.execute(cancel.signal);
    } catch (error) {
      await deployment?.status("failure", error instanceof Error ? error.message : String(error)).catch(() => void 0);
      throw error;
    } finally {
      stopListening();
    }
    const ok = report.outcome === "deployed" || report.outcome === "unchanged";
    const url = report.url ?? settings.url;
    await deployment?.status(ok ? "success" : "failure", ok ? `${name} ${report.version} serving` : `${report.outcome === "failed" ? "failed" : "rolled back"}: ${report.reason ?? ""}`, ok ? url : void 0);
    const recordPath = inputs.recordPath ?? DEFAULT_RECORD_PATH;
    await appendSection(
      resolve2(host.cwd, recordPath),
      "deploy",
      {
        target: settings.target,
        environment: settings.environment,
        url,
        model: name,
        reference: verified.version.ref,
        version: report.version,
        digest: verified.digest,
        previous_version: report.previous?.version ?? null,
        previous_digest: report.previous?.digest ?? null,
        strategy: settings.strategy,
        status: report.outcome === "rolled_back" ? "rolled_back" : report.outcome === "failed" ? "failed" : "success",
        unchanged: report.outcome === "unchanged",
        gate_verdict: verified.gateVerdict,
        ...inputs.forceReason ? { force_reason: inputs.forceReason } : {},
        ...report.smoke ? { smoke: { ...report.smoke } } : {},
        steps: report.steps.map((step) => ({ ...step, analysis: { ...step.analysis } })),
        ...report.reason ? { rollback_reason: report.reason } : {},
        alias: report.aliasMoved ? settings.alias : null,
        ...report.kserve ? { kserve: report.kserve } : {},
        deployment_id: deployment?.id ?? null,
        commit: verified.commit ?? null,
        data_fingerprint: verified.dataFingerprint ?? null
      },
      runContext(host, "deploy"),
      recordPath
    );
    await host.appendSummary(deploySummary(report, { ...settings, url }));
    return {
      outputs: {
        deployed: String(report.outcome === "deployed"),
        version: report.version,
        digest: verified.digest,
        "previous-version": report.previous?.version ?? "",
        url,
        "rolled-back": String(report.outcome === "rolled_back"),
        "deployment-id": deployment ? String(deployment.id) : "",
        report: recordPath
      },
      failure: report.outcome === "rolled_back" ? `deploy of ${name} ${report.version} rolled back: ${report.reason}` : report.outcome === "failed" ? `deploy of ${name} ${report.version} failed: ${report.reason}` : void 0
    };
  }
};
async function prepareKserveTarget(...args) {
  const { prepareKserve } = await import("./kserve-ZFWSFYJ7.js");
  return prepareKserve(...args);
}
async function prepareServer(verified, settings, inputs, host) {
  const client = new ServeClient(settings.url, inputs.adminToken, { allowPlainHttp: inputs.allowPlainHttp });
  const name = verified.version.name;
  const index = (await client.index()).filter((entry) => entry.name === name);
  const serving = index.filter((entry) => (entry.weight ?? 0) > 0);
  const previous = serving.sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0))[0];
  refuseConcurrentDeploy(name, index, previous);
  return { execute: (signal) => deploy(client, verified, previous, index, settings, inputs, host, signal) };
}
async function deploy(client, verified, previous, index, settings, inputs, host, signal) {
  const name = verified.version.name;
  const base = { model: name, digest: verified.digest, steps: [], aliasMoved: false };
  const previousInfo = previous ? { version: previous.version, digest: previous.digest } : void 0;
  if (previous && previous.digest === verified.digest && previous.weight === 100) {
    host.info(`${name} ${previous.version} (${verified.digest}) already serves 100 % of the traffic: nothing to do`);
    const aliasMoved = await moveAliasAfterSuccess(verified, settings, inputs, host);
    return { ...base, version: previous.version, previous: previousInfo, outcome: "unchanged", aliasMoved };
  }
  const model = await openModel(verified.modelPath, `${verified.version.ref} (model)`, host, "model");
  try {
    const smokeRows = settings.smokeData ? await readSmokeRows(host.cwd, settings.smokeData, featureNames(model), host) : void 0;
    const alreadyLoaded = index.find((entry) => entry.digest === verified.digest);
    const loaded = await host.group(`load ${name} from ${verified.version.ref}`, () => client.load(name, verified.serverReference, inputs.insecure));
    const version = loaded.version;
    const rollbackLoad = async (reason) => {
      if (previous && !alreadyLoaded) {
        await client.setTraffic(name, { [previous.version]: 100, [version]: 0 }).catch(() => void 0);
        await client.unload(name, version);
      } else if (!previous) await client.unload(name, version).catch(() => void 0);
      return { ...base, version, previous: previousInfo, outcome: "rolled_back", reason };
    };
    let smoke;
    try {
      if (smokeRows) {
        smoke = await host.group(`smoke test: ${smokeRows.rows} rows from ${smokeRows.file}`, () => smokeTest(client, name, version, model, smokeRows));
        host.info(`smoke test passed: ${smoke.rows} rows, outputs ${smoke.outputs.join(", ")}, max |difference| ${smoke.max_abs_difference.toExponential(2)}`);
      }
      if (signal.aborted) throw signal.reason;
    } catch (error) {
      if (error instanceof Cancelled) return rollbackLoad(`the deploy was ${error.message}`);
      if (error instanceof UserError) {
        const report = await rollbackLoad(error.message);
        host.error(error.message);
        return { ...report, smoke };
      }
      await rollbackLoad(String(error)).catch(() => void 0);
      throw error;
    }
    let result = { promoted: true, steps: [] };
    if (previous && previous.version !== version) {
      result = await host.group(
        `canary ${name} ${version} beside ${previous.version}: steps ${settings.steps.join(", ")} %`,
        () => runRollout(
          client,
          {
            model: name,
            canary: version,
            stable: previous.version,
            steps: settings.steps,
            bakeSeconds: settings.bakeSeconds,
            holdFactor: settings.holdFactor,
            thresholds: { maxErrorRate: settings.maxErrorRate, maxP99Ms: settings.maxP99Ms, maxPredictionShift: settings.maxPredictionShift, minRequests: settings.minRequests, minPredictions: settings.minPredictions }
          },
          { log: (message) => host.info(message), sleep: (ms) => sleep(ms, signal), now: () => Date.now() }
        )
      );
    } else {
      await client.setTraffic(name, { [version]: 100 });
      host.info(`first deploy: ${name} ${version} takes 100 % of the traffic`);
    }
    if (!result.promoted) {
      host.error(`rolled back: ${result.reason}`);
      return { ...base, version, previous: previousInfo, outcome: "rolled_back", smoke, steps: result.steps, reason: result.reason };
    }
    if (previous && previous.version !== version) {
      await client.unload(name, previous.version);
      host.info(`promoted ${name} ${version}; ${previous.version} unloaded`);
    }
    const aliasMoved = await moveAliasAfterSuccess(verified, settings, inputs, host);
    return { ...base, version, previous: previousInfo, outcome: "deployed", smoke, steps: result.steps, aliasMoved };
  } finally {
    await model.session.release().catch(() => void 0);
  }
}
async function moveAliasAfterSuccess(verified, settings, inputs, host) {
  await moveAlias(host.cwd, verified.location, verified.version, settings.alias, { username: inputs.registryUsername, password: inputs.registryPassword, insecure: inputs.insecure }, host);
  host.info(`alias ${settings.alias} \u2192 ${verified.version.name} ${verified.tag} (${verified.digest})`);
  return true;
}
function sleep(ms, signal) {
  return new Promise((resolvePromise, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolvePromise();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
function refuseConcurrentDeploy(name, index, previous) {
  const others = index.filter((entry) => entry.version !== previous?.version);
  if (others.length === 0) return;
  const list = others.map((entry) => `${entry.version} (${entry.weight ?? 0} %)`).join(", ");
  throw new UserError(`another deploy of ${name} is in progress on the server: ${list} ${others.length === 1 ? "is" : "are"} loaded beside ${previous ? `${previous.version} (${previous.weight} %)` : "nothing serving"}`, {
    where: { key: "url" },
    hint: 'Wait for it to finish (the workflow template queues deploys with `concurrency:`). If a deploy was killed before it could roll back, unload the extra version: POST /v2/repository/models/<name>/unload {"parameters": {"version": "\u2026"}}.'
  });
}

export {
  MAX_SCRAPE_BYTES,
  Cancelled,
  runRollout,
  readCapped,
  networkCause,
  ServeClient,
  featureNames,
  readSmokeRows,
  smokeTest,
  nameError,
  labelKeyError,
  annotationKeyError,
  labelValueError,
  labelValue,
  annotationValue,
  deployStage,
  moveAliasAfterSuccess,
  sleep
};
