import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  firstLine
} from "./chunk-XHNLZXUM.js";
import {
  ANNOTATION,
  RUN_RECORD_MEDIA_TYPE,
  hexOf,
  isModelLayer,
  parseModelReference,
  resolveVersion
} from "./chunk-APGALERZ.js";
import {
  workerThreads
} from "./chunk-GWCI4O4C.js";
import {
  looseObject,
  optional,
  string
} from "./chunk-A3VPNE7V.js";
import {
  UserError
} from "./chunk-OIBAWGZR.js";

// shared/onnx/row-major.ts
function rowMajorType(plans) {
  const fed = plans.filter((plan) => plan !== void 0);
  if (fed.length === 0 || fed.some((plan) => plan.mode !== "matrix")) return void 0;
  return fed.some((plan) => plan.mode === "matrix" && plan.type === "float64") ? "float64" : "float32";
}
function rowMajorBatch(columns, batch) {
  const rowMajor = { columns, data: batch.data };
  return {
    rowOffset: batch.rowOffset,
    rows: batch.rows,
    rowMajor,
    column: (name) => columnOf(rowMajor, name, batch.rows)
  };
}
function columnOf(rows, name, count) {
  const c = rows.columns.indexOf(name);
  if (c < 0) throw new Error(`column "${name}" was not read`);
  if (!(rows.data instanceof Float64Array)) throw new Error(`column "${name}" was read as float32 rows, which do not hold its exact values`);
  const width = rows.columns.length;
  const out = new Float64Array(count);
  for (let i = 0, k = c; i < count; i++, k += width) out[i] = rows.data[k];
  return out;
}
function feedsAsIs(rows, features, type) {
  if (type === "float32" !== rows.data instanceof Float32Array) return false;
  if (rows.columns.length !== features.length) return false;
  for (let f = 0; f < features.length; f++) if (rows.columns[f] !== features[f]) return false;
  return true;
}
function gatherRows(rows, features, count, out) {
  if (rows.data instanceof Float32Array && out instanceof Float64Array) throw new Error("float32 rows cannot feed a float64 input exactly");
  const width = rows.columns.length;
  const picked = features.map((name) => {
    const c = rows.columns.indexOf(name);
    if (c < 0) throw new Error(`column "${name}" was not read`);
    return c;
  });
  const outWidth = features.length;
  const data = rows.data;
  for (let i = 0; i < count; i++) {
    const from = i * width;
    const to = i * outWidth;
    for (let f = 0; f < outWidth; f++) out[to + f] = data[from + picked[f]];
  }
}

// shared/stats/holm.ts
function holm(pValues, alpha) {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const steps = new Array(m);
  let running = 0;
  let stopped = false;
  order.forEach(({ p, i }, k) => {
    const rank = k + 1;
    const level = alpha / (m - rank + 1);
    running = Math.max(running, Math.min(1, (m - rank + 1) * p));
    const rejected = !stopped && p <= level;
    steps[i] = { rank, level, adjusted: running, stopped, rejected };
    if (!rejected) stopped = true;
  });
  return steps;
}

// shared/onnx/scorer.ts
var SCORING_BATCH_ROWS = 16384;
var Scorer = class {
  constructor(model, feed, outputs, totalRows, key) {
    this.model = model;
    this.feed = feed;
    this.outputs = outputs;
    this.totalRows = totalRows;
    this.key = key;
    this.result = { rows: totalRows };
    if (outputs.probability && outputs.probability.columns !== void 0) {
      this.result.probabilityColumns = outputs.probability.columns;
      this.result.probabilities = new Float64Array(totalRows * outputs.probability.columns);
    }
    if (outputs.label) this.result.labels = new Array(totalRows);
    if (outputs.value) this.result.values = new Float64Array(totalRows);
  }
  model;
  feed;
  outputs;
  totalRows;
  key;
  result;
  filled = 0;
  inFlight;
  /** Which of the two input buffer sets the next batch fills. */
  slot = 0;
  /**
   * The input tensors for one batch. With `reuse`, the float buffers are kept and refilled for
   * the next batch of the same size (safe: score() awaits session.run before the next batch);
   * without it (the benchmark prebuilding tensors), each call gets fresh buffers.
   */
  feeds(batch, reuse = false) {
    const { Tensor } = this.model.ort;
    if (this.feed.mode === "matrix") {
      const width = this.feed.features.length;
      const rows = batch.rowMajor;
      if (rows && feedsAsIs(rows, this.feed.features, this.feed.type)) return { [this.feed.input]: new Tensor(this.feed.type, rows.data, [batch.rows, width]) };
      const data = this.inputBuffer(this.feed.input, this.feed.type, batch.rows * width, reuse);
      if (rows) gatherRows(rows, this.feed.features, batch.rows, data);
      else interleave(this.feed.features.map((name) => batch.column(name)), batch.rows, data);
      return { [this.feed.input]: new Tensor(this.feed.type, data, [batch.rows, width]) };
    }
    const feeds = {};
    for (const input of this.feed.inputs) {
      const data = this.inputBuffer(input.input, input.type, batch.rows, reuse);
      data.set(batch.column(input.column).subarray(0, batch.rows));
      feeds[input.input] = new Tensor(input.type, data, input.rank === 1 ? [batch.rows] : [batch.rows, 1]);
    }
    return feeds;
  }
  buffers = /* @__PURE__ */ new Map();
  inputBuffer(input, type, size, reuse) {
    const key = `${this.slot}:${input}`;
    const kept = reuse ? this.buffers.get(key) : void 0;
    if (kept && kept.length === size) return kept;
    const fresh = type === "float32" ? new Float32Array(size) : new Float64Array(size);
    if (reuse) this.buffers.set(key, fresh);
    return fresh;
  }
  outputNames() {
    return [this.outputs.probability?.name, this.outputs.label?.name, this.outputs.value?.name].filter((n) => n !== void 0);
  }
  /** Starts scoring `batch` (its columns are read before this returns) and completes the previous batch. */
  async score(batch) {
    if (batch.rows === 0) return;
    const feeds = this.feeds(batch, true);
    this.slot ^= 1;
    const previous = this.inFlight;
    this.inFlight = void 0;
    const previousResults = previous ? await this.outcome(previous) : void 0;
    const run = this.model.session.run(feeds, this.outputNames());
    run.catch(() => void 0);
    this.inFlight = { batch: { rowOffset: batch.rowOffset, rows: batch.rows }, run };
    if (previous) this.take(previousResults, previous.batch);
  }
  /** Waits for the batch still running and takes its outputs; call before predictions(). */
  async finish() {
    const last = this.inFlight;
    if (!last) return;
    this.inFlight = void 0;
    this.take(await this.outcome(last), last.batch);
  }
  async outcome(inFlight) {
    const { batch } = inFlight;
    try {
      return await inFlight.run;
    } catch (error) {
      throw new UserError(`onnxruntime failed to score rows ${batch.rowOffset + 1}\u2013${batch.rowOffset + batch.rows}: ${firstLine(error)}`, {
        where: { file: this.model.displayPath, key: this.key },
        hint: "Check that the features and their order match what the model was trained on."
      });
    }
  }
  take(results, batch) {
    const offset = batch.rowOffset;
    if (this.outputs.probability) this.takeProbabilities(results[this.outputs.probability.name], batch);
    if (this.outputs.label) {
      const tensor = results[this.outputs.label.name];
      this.checkRows(tensor, batch, this.outputs.label.name);
      if (tensor.data.length !== batch.rows) this.badShape(tensor, this.outputs.label.name, "one label per row");
      const labels = this.result.labels;
      const data = tensor.data;
      for (let i = 0; i < batch.rows; i++) labels[offset + i] = canonicalLabel(data[i]);
    }
    if (this.outputs.value) {
      const tensor = results[this.outputs.value.name];
      this.checkRows(tensor, batch, this.outputs.value.name);
      if (tensor.data.length !== batch.rows) this.badShape(tensor, this.outputs.value.name, "one value per row");
      const data = tensor.data;
      this.checkFinite(data, batch, this.outputs.value.name);
      this.result.values.set(data, offset);
    }
    this.filled += batch.rows;
  }
  takeProbabilities(tensor, batch) {
    const name = this.outputs.probability.name;
    this.checkRows(tensor, batch, name);
    if (tensor.dims.length > 2) this.badShape(tensor, name, "[rows] or [rows, classes]");
    const columns = tensor.dims.length < 2 ? 1 : tensor.dims[1];
    if (this.result.probabilityColumns === void 0) {
      this.result.probabilityColumns = columns;
      this.result.probabilities = new Float64Array(this.totalRows * columns);
    }
    if (columns !== this.result.probabilityColumns || tensor.data.length !== batch.rows * columns) this.badShape(tensor, name, `[rows, ${this.result.probabilityColumns}]`);
    const data = tensor.data;
    let valid = true;
    for (let k = 0; k < data.length; k++) {
      const p = data[k];
      if (!(p >= -1e-6 && p <= 1 + 1e-6)) {
        valid = false;
        break;
      }
    }
    if (!valid) this.rejectProbabilities(data, batch, name, columns);
    this.result.probabilities.set(data, batch.rowOffset * columns);
  }
  /** The error for a batch that failed the probability check: the first non-finite value, else the first out of range. */
  rejectProbabilities(data, batch, name, columns) {
    this.checkFinite(data, batch, name, columns);
    const k = data.findIndex((p) => p < -1e-6 || p > 1 + 1e-6);
    throw new UserError(`output "${name}" is ${data[k]} at row ${batch.rowOffset + Math.floor(k / columns) + 1}, which is not a probability`, {
      where: { file: this.model.displayPath, key: this.key },
      hint: "Pick the probability output with output-name, or set task: regression if the model predicts values."
    });
  }
  checkRows(tensor, batch, name) {
    if (tensor.dims[0] !== batch.rows) this.badShape(tensor, name, `${batch.rows} rows`);
  }
  badShape(tensor, name, expected) {
    throw new UserError(`output "${name}" has shape [${tensor.dims.join(", ")}], expected ${expected}`, {
      where: { file: this.model.displayPath, key: this.key },
      hint: "The output must have one row per input row."
    });
  }
  checkFinite(data, batch, name, columns = 1) {
    for (let k = 0; k < data.length; k++) {
      if (!Number.isFinite(data[k])) {
        throw new UserError(`output "${name}" is ${data[k]} at row ${batch.rowOffset + Math.floor(k / columns) + 1} of the holdout`, {
          where: { file: this.model.displayPath, key: this.key },
          hint: "The model produced NaN or infinite scores; check for missing or extreme feature values in that row."
        });
      }
    }
  }
  predictions() {
    if (this.filled !== this.totalRows) throw new Error(`scored ${this.filled} of ${this.totalRows} rows${this.inFlight ? " (a batch is still running: await finish() first)" : ""}`);
    return this.result;
  }
};
function interleave(columns, rows, out) {
  const width = columns.length;
  let f = 0;
  for (; f + 4 <= width; f += 4) {
    const c0 = columns[f];
    const c1 = columns[f + 1];
    const c2 = columns[f + 2];
    const c3 = columns[f + 3];
    for (let i = 0, k = f; i < rows; i++, k += width) {
      out[k] = c0[i];
      out[k + 1] = c1[i];
      out[k + 2] = c2[i];
      out[k + 3] = c3[i];
    }
  }
  for (; f < width; f++) {
    const c = columns[f];
    for (let i = 0, k = f; i < rows; i++, k += width) out[k] = c[i];
  }
}
function canonicalLabel(value) {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "1" : "0";
  return String(value);
}

// shared/registry/resolve.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
async function resolveModelReference(cwd, ref, host, auth, options = {}) {
  const reference = typeof ref === "string" ? parseModelReference(ref) : ref;
  const access = { ...auth, insecure: options.insecure };
  const version = await resolveVersion(cwd, reference, access, host, options.defaultName);
  const models = version.fetched.manifest.layers.filter(isModelLayer);
  if (models.length !== 1) {
    throw new UserError(`${version.ref} has ${models.length === 0 ? "no model layer" : "several model layers"}`, {
      hint: "It was not registered by mlops-actions (expected one application/vnd.cncf.model.weight.v1.raw layer)."
    });
  }
  const layer = models[0];
  const directory = await mkdtemp(join(tmpdir(), "mlops-model-"));
  const path = join(directory, "model.onnx");
  const dispose = () => rm(directory, { recursive: true, force: true });
  host.info(`fetching the model of ${version.ref} (${layer.size} bytes)`);
  try {
    await version.reader.blobToFile(layer, path);
  } catch (error) {
    await dispose();
    throw error;
  }
  const annotations = version.fetched.manifest.annotations ?? {};
  const modelSha256 = hexOf(layer.digest);
  let holdoutFingerprint = annotations[ANNOTATION.holdoutFingerprint];
  if (!holdoutFingerprint) holdoutFingerprint = await recordedHoldout(version.reader, version.fetched.manifest.layers, modelSha256).catch(() => void 0);
  return { path, digest: version.fetched.digest, ref: version.ref, modelSha256, name: version.name, annotations, ...holdoutFingerprint ? { holdoutFingerprint } : {}, dispose };
}
var StoredEvaluation = looseObject({
  evaluation: optional(looseObject({ model: looseObject({ sha256: string() }), data: looseObject({ fingerprint: optional(string()) }) }))
});
async function recordedHoldout(reader, layers, modelSha256) {
  const record = layers.find((l) => l.mediaType === RUN_RECORD_MEDIA_TYPE);
  if (!record) return void 0;
  const parsed = StoredEvaluation.safeParse(JSON.parse((await reader.blobBytes(record)).toString("utf8")));
  const evaluation = parsed.success ? parsed.data.evaluation : void 0;
  return evaluation?.model.sha256 === modelSha256 ? evaluation.data.fingerprint : void 0;
}

// shared/threads/task-pool.ts
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
var MAX_DEFAULT_THREADS = 8;
function defaultThreads() {
  return Math.max(1, Math.min(MAX_DEFAULT_THREADS, availableParallelism()));
}
function bundledEntry(name, moduleUrl) {
  if (!/\.m?js$/.test(moduleUrl)) return void 0;
  for (const relative of [`./${name}.js`, `../${name}.js`]) {
    const url = new URL(relative, moduleUrl);
    if (url.protocol === "file:" && existsSync(fileURLToPath(url))) return url;
  }
  return void 0;
}
var TaskPool = class {
  constructor(entry, threads, label) {
    this.entry = entry;
    this.threads = threads;
    this.label = label;
  }
  entry;
  threads;
  label;
  idle = [];
  running = /* @__PURE__ */ new Map();
  queue = [];
  started = 0;
  nextId = 0;
  failure;
  closed = false;
  /** Threads started and neither ended nor closed (a thread that failed or exited is not counted; 0 once closed). */
  get liveThreads() {
    return this.idle.length + this.running.size;
  }
  /**
   * Runs one task on the next free thread; `transfer` moves buffers instead of copying them;
   * `onProgress` receives the task's progress reports.
   */
  run(task, what, transfer = [], onProgress) {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error(`${this.label}: the worker threads were closed before ${what}`));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, message: task, transfer, what, onProgress, resolve, reject });
      this.dispatch();
    });
  }
  /** Ends the threads; a task still running or queued rejects (none is left waiting for ever). */
  async close() {
    this.closed = true;
    const unfinished = [...this.running.values(), ...this.queue.splice(0)];
    const workers = [...this.idle.splice(0), ...this.running.keys()];
    this.running.clear();
    for (const task of unfinished) task.reject(new Error(`${this.label}: the worker threads were closed before ${task.what} finished`));
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  dispatch() {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.started < this.threads ? this.start() : void 0);
      if (!worker) return;
      const task = this.queue.shift();
      this.running.set(worker, task);
      worker.ref();
      const message = { id: task.id, task: task.message };
      worker.postMessage(message, task.transfer);
    }
  }
  start() {
    const name = `worker thread ${++this.started} of ${this.threads}`;
    const worker = new (workerThreads()).Worker(this.entry);
    worker.on("message", (reply) => {
      const task = this.running.get(worker);
      if (!task || task.id !== reply.id) return;
      if ("progress" in reply) return task.onProgress?.(reply.progress);
      this.running.delete(worker);
      worker.unref();
      this.idle.push(worker);
      if ("error" in reply) task.reject(new Error(`${this.label}: ${task.what} failed in ${name}: ${reply.error}`));
      else task.resolve(reply.result);
      this.dispatch();
    });
    const broken = (why) => {
      const task = this.running.get(worker);
      this.running.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      this.failure ??= new Error(`${this.label}: ${name} ${why}${task ? ` while running ${task.what}` : " between tasks"}`);
      task?.reject(this.failure);
      for (const queued of this.queue.splice(0)) queued.reject(this.failure);
    };
    worker.on("error", (error) => broken(`failed (${error.message})`));
    worker.on("exit", (code) => {
      if (!this.closed) broken(`stopped (exit code ${code})`);
    });
    return worker;
  }
};

export {
  rowMajorType,
  rowMajorBatch,
  defaultThreads,
  bundledEntry,
  TaskPool,
  holm,
  SCORING_BATCH_ROWS,
  Scorer,
  interleave,
  resolveModelReference
};
