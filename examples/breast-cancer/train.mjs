#!/usr/bin/env node
// Train an L2-regularised logistic regression on a CSV file and write it as an ONNX model.
//
// Needs only Node (>= 20): no npm packages, no Python. Deterministic: the same data and
// flags give byte-identical model.onnx, metrics.json and params.json.
//
//   node examples/breast-cancer/train.mjs --out model.onnx
//   node examples/breast-cancer/train.mjs --features mean_radius,mean_texture --iterations 5 --out weak.onnx
//
// Run with --help for every flag. Progress is printed as `mlops:metric loss=<x> step=<n>`
// lines, which the train stage collects.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = dirname(fileURLToPath(import.meta.url));
const USAGE = `Usage: node train.mjs [flags]
  --data <csv>            training data (default: data/train.csv beside this script)
  --label <column>        0/1 label column (default: malignant)
  --features <a,b,...>    feature columns (default: every numeric column but the label)
  --out <path>            ONNX model to write (default: model.onnx)
  --metrics <path>        training metrics JSON (default: metrics.json)
  --params <path>         parameters JSON (default: params.json)
  --l2 <x>                L2 penalty on the weights (default: 0.01)
  --iterations <n>        full-batch gradient-descent steps; --epochs is the same (default: 300)
  --learning-rate <x>     step size (default: 0.5)
  --seed <n>              seed for the initial weights (default: 42)
  --log-every <n>         print a metric line every n steps (default: 10)`;

class UsageError extends Error {} // a bad flag: exit 2 with the usage text
class DataError extends Error {} // bad or unreadable data: exit 1

// ---------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------

function readOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      label: { type: 'string', default: 'malignant' },
      features: { type: 'string' },
      out: { type: 'string', default: 'model.onnx' },
      metrics: { type: 'string', default: 'metrics.json' },
      params: { type: 'string', default: 'params.json' },
      l2: { type: 'string', default: '0.01' },
      iterations: { type: 'string' },
      epochs: { type: 'string' },
      'learning-rate': { type: 'string', default: '0.5' },
      seed: { type: 'string', default: '42' },
      'log-every': { type: 'string', default: '10' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (values.iterations && values.epochs && values.iterations !== values.epochs) {
    throw new UsageError('--iterations and --epochs mean the same thing here; give only one');
  }
  const number = (flag, text, check, what) => {
    const x = Number(text);
    if (text.trim() === '' || !Number.isFinite(x) || !check(x)) {
      throw new UsageError(`--${flag} must be ${what}, got "${text}"`);
    }
    return x;
  };
  const whole = (flag, text, min) =>
    number(flag, text, (x) => Number.isInteger(x) && x >= min, `an integer >= ${min}`);
  return {
    data: values.data ?? relative(process.cwd(), join(HERE, 'data', 'train.csv')),
    label: values.label,
    features: values.features?.split(',').map((f) => f.trim()).filter(Boolean),
    out: values.out,
    metrics: values.metrics,
    params: values.params,
    l2: number('l2', values.l2, (x) => x >= 0, 'a number >= 0'),
    iterations: whole('iterations', values.iterations ?? values.epochs ?? '300', 1),
    learningRate: number('learning-rate', values['learning-rate'], (x) => x > 0, 'a number > 0'),
    seed: whole('seed', values.seed, 0),
    logEvery: whole('log-every', values['log-every'], 1),
  };
}

// ---------------------------------------------------------------------------------------
// Data: a small CSV reader (RFC 4180: commas, double-quoted fields, "" inside quotes)
// ---------------------------------------------------------------------------------------

function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows.filter((r) => !(r.length === 1 && r[0] === '')); // skip blank lines
}

function loadData(path, label, wanted) {
  let bytes;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new DataError(`cannot read --data ${path}: ${e.message}`);
  }
  const [header, ...rows] = parseCsv(bytes.toString('utf8'));
  if (!header || rows.length === 0) throw new DataError(`${path}: no header or no data rows`);
  rows.forEach((r, i) => {
    if (r.length !== header.length) {
      throw new DataError(`${path}:${i + 2}: ${r.length} fields, the header has ${header.length}`);
    }
  });
  const col = (name, flag) => {
    const j = header.indexOf(name);
    if (j < 0) throw new DataError(`${path}: no column "${name}" (from ${flag}); columns: ${header.join(', ')}`);
    return j;
  };
  const isNumber = (s) => s.trim() !== '' && Number.isFinite(Number(s));
  const labelCol = col(label, '--label');
  const features =
    wanted ?? header.filter((h, j) => j !== labelCol && rows.every((r) => isNumber(r[j])));
  if (features.length === 0) throw new DataError(`${path}: no numeric feature columns`);
  if (features.includes(label)) throw new UsageError(`--features must not include the label "${label}"`);
  const twice = features.find((f, i) => features.indexOf(f) !== i);
  if (twice) throw new UsageError(`--features names "${twice}" twice`);
  const featureCols = features.map((f) => col(f, '--features'));

  const X = rows.map((r, i) =>
    featureCols.map((j) => {
      if (!isNumber(r[j])) throw new DataError(`${path}:${i + 2}: ${header[j]} is "${r[j]}", not a number`);
      return Number(r[j]);
    }),
  );
  const y = rows.map((r, i) => {
    const v = r[labelCol].trim();
    if (v !== '0' && v !== '1') throw new DataError(`${path}:${i + 2}: label ${label} is "${v}", expected 0 or 1`);
    return Number(v);
  });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { X, y, features, sha256 };
}

// ---------------------------------------------------------------------------------------
// Model: standardisation + logistic regression by full-batch gradient descent
// ---------------------------------------------------------------------------------------

const sigmoid = (z) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Seeded PRNG (mulberry32): the same seed gives the same initial weights everywhere. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function standardiser(X) {
  const n = X.length;
  const F = X[0].length;
  const mean = Array.from({ length: F }, (_, j) => X.reduce((s, r) => s + r[j], 0) / n);
  const scale = mean.map((m, j) => Math.sqrt(X.reduce((s, r) => s + (r[j] - m) ** 2, 0) / n) || 1);
  // Round to float32 now, so training sees exactly the numbers the ONNX model will use.
  return { mean: mean.map(Math.fround), scale: scale.map(Math.fround) };
}

function logLoss(p, y) {
  const eps = 1e-15;
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(Math.max(p[i], eps), 1 - eps);
    s -= y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q);
  }
  return s / y.length;
}

const predict = (Z, w, b) => Z.map((z) => sigmoid(z.reduce((s, v, j) => s + v * w[j], b)));

function train(Z, y, { l2, iterations, learningRate, seed, logEvery }) {
  const n = Z.length;
  const F = Z[0].length;
  const random = mulberry32(seed);
  const w = Array.from({ length: F }, () => (random() - 0.5) * 0.02); // small, seeded
  let b = 0;
  for (let step = 0; step <= iterations; step++) {
    const p = predict(Z, w, b);
    if (step % logEvery === 0 || step === iterations) {
      const loss = logLoss(p, y) + (l2 / 2) * w.reduce((s, v) => s + v * v, 0);
      console.log(`mlops:metric loss=${loss.toFixed(6)} step=${step}`);
    }
    if (step === iterations) break;
    // Gradient of mean log loss + (l2/2)·|w|² (the bias is not penalised).
    const gw = w.map((v) => l2 * v);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const r = p[i] - y[i];
      for (let j = 0; j < F; j++) gw[j] += (r * Z[i][j]) / n;
      gb += r / n;
    }
    for (let j = 0; j < F; j++) w[j] -= learningRate * gw[j];
    b -= learningRate * gb;
  }
  return { w: w.map(Math.fround), b: Math.fround(b) };
}

/** ROC AUC as the Mann–Whitney statistic, ties counted as one half. */
function rocAuc(p, y) {
  const order = p.map((v, i) => i).sort((a, b) => p[a] - p[b]);
  const ranks = new Array(p.length);
  for (let i = 0; i < order.length; ) {
    let k = i;
    while (k + 1 < order.length && p[order[k + 1]] === p[order[i]]) k++;
    for (let t = i; t <= k; t++) ranks[order[t]] = (i + k) / 2 + 1; // average rank of a tie
    i = k + 1;
  }
  const pos = y.filter((v) => v === 1).length;
  const neg = y.length - pos;
  if (pos === 0 || neg === 0) return null; // undefined with one class only
  const rankSum = ranks.reduce((s, r, i) => s + (y[i] === 1 ? r : 0), 0);
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

// ---------------------------------------------------------------------------------------
// A tiny protobuf writer
//
// A protobuf message is a sequence of fields. Each field is a key, then a value:
//   key   = varint(field_number * 8 + wire_type)
//   wire type 0 (VARINT) integers and enums: base-128, 7 bits per byte, least significant
//                        group first, the high bit set on every byte except the last
//   wire type 2 (LEN)    strings, bytes and nested messages: varint(byte length) + bytes
// A repeated field is the same field written once per element. Nothing else is needed here.
// ---------------------------------------------------------------------------------------

function varint(n) {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`varint: ${n} is not a safe non-negative integer`);
  const out = [];
  while (n > 0x7f) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
  return Buffer.from(out);
}
const VARINT = 0;
const LEN = 2;
const key = (field, wireType) => varint(field * 8 + wireType);
const pbInt = (field, n) => Buffer.concat([key(field, VARINT), varint(n)]);
const pbBytes = (field, buf) => Buffer.concat([key(field, LEN), varint(buf.length), buf]);
const pbString = (field, s) => pbBytes(field, Buffer.from(s, 'utf8'));
const pbMessage = (field, parts) => pbBytes(field, Buffer.concat(parts));

// ---------------------------------------------------------------------------------------
// ONNX messages (field numbers from onnx/onnx.proto; only the fields this model uses)
// ---------------------------------------------------------------------------------------

const IR_VERSION = 8;
const OPSET = 13;
const FLOAT = 1; // TensorProto.DataType.FLOAT
const ATTR_INT = 2; // AttributeProto.AttributeType.INT

/** TensorProto: dims = 1, data_type = 2, name = 8, raw_data = 9 (float32, little-endian). */
function tensor(name, dims, values) {
  const raw = Buffer.alloc(4 * values.length);
  values.forEach((v, i) => raw.writeFloatLE(v, 4 * i));
  return [...dims.map((d) => pbInt(1, d)), pbInt(2, FLOAT), pbString(8, name), pbBytes(9, raw)];
}

/**
 * ValueInfoProto: name = 1, type = 2 -> TypeProto.tensor_type = 1 -> elem_type = 1,
 * shape = 2 -> TensorShapeProto.dim = 1 -> dim_value = 1 (a number) or dim_param = 2 (a name).
 */
function valueInfo(name, dims) {
  const dim = (d) => pbMessage(1, [typeof d === 'number' ? pbInt(1, d) : pbString(2, d)]);
  const shape = pbMessage(2, dims.map(dim));
  const tensorType = pbMessage(1, [pbInt(1, FLOAT), shape]);
  return [pbString(1, name), pbMessage(2, [tensorType])];
}

/** AttributeProto with an int: name = 1, i = 3, type = 20. */
const intAttribute = (name, i) => [pbString(1, name), pbInt(3, i), pbInt(20, ATTR_INT)];

/** NodeProto: input = 1, output = 2, name = 3, op_type = 4, attribute = 5. */
function node(opType, inputs, outputs, name, attributes = []) {
  return [
    ...inputs.map((s) => pbString(1, s)),
    ...outputs.map((s) => pbString(2, s)),
    pbString(3, name),
    pbString(4, opType),
    ...attributes.map((a) => pbMessage(5, a)),
  ];
}

/** GraphProto: node = 1, name = 2, initializer = 5, input = 11, output = 12. */
function graph({ name, nodes, initializers, inputs, outputs }) {
  return [
    ...nodes.map((n) => pbMessage(1, n)),
    pbString(2, name),
    ...initializers.map((t) => pbMessage(5, t)),
    ...inputs.map((v) => pbMessage(11, v)),
    ...outputs.map((v) => pbMessage(12, v)),
  ];
}

/**
 * ModelProto: ir_version = 1, producer_name = 2, producer_version = 3, doc_string = 6,
 * graph = 7, opset_import = 8 (OperatorSetIdProto: version = 2; domain left empty = ONNX),
 * metadata_props = 14 (StringStringEntryProto: key = 1, value = 2).
 */
function model({ graph: g, docString, metadata }) {
  return Buffer.concat([
    pbInt(1, IR_VERSION),
    pbString(2, 'mlops-actions/examples/breast-cancer/train.mjs'),
    pbString(3, '1'),
    pbString(6, docString),
    pbMessage(7, g),
    pbMessage(8, [pbInt(2, OPSET)]),
    ...Object.entries(metadata).map(([k, v]) => pbMessage(14, [pbString(1, k), pbString(2, v)])),
  ]);
}

/**
 * features [N, F] -> (x - mean) / scale -> MatMul weights [F, 1] -> Add bias -> Sigmoid = p
 * probabilities [N, 2] = Concat(1 - p, p) along axis 1: columns P(label=0), P(label=1).
 */
function logisticRegressionOnnx({ features, label, mean, scale, w, b }) {
  const F = features.length;
  const g = graph({
    name: 'logistic_regression',
    nodes: [
      node('Sub', ['features', 'mean'], ['centred'], 'standardise_centre'),
      node('Div', ['centred', 'scale'], ['standardised'], 'standardise_scale'),
      node('MatMul', ['standardised', 'weights'], ['weighted'], 'linear_matmul'),
      node('Add', ['weighted', 'bias'], ['logit'], 'linear_bias'),
      node('Sigmoid', ['logit'], ['p1'], 'sigmoid'),
      node('Sub', ['one', 'p1'], ['p0'], 'complement'),
      node('Concat', ['p0', 'p1'], ['probabilities'], 'probabilities', [intAttribute('axis', 1)]),
    ],
    initializers: [
      tensor('mean', [F], mean),
      tensor('scale', [F], scale),
      tensor('weights', [F, 1], w),
      tensor('bias', [1], [b]),
      tensor('one', [1], [1]),
    ],
    inputs: [valueInfo('features', ['N', F])],
    outputs: [valueInfo('probabilities', ['N', 2])],
  });
  return model({
    graph: g,
    docString: `Logistic regression for "${label}". Input: float32 [N, ${F}] in feature_names order. Output: [P(0), P(1)].`,
    metadata: { feature_names: JSON.stringify(features), label },
  });
}

// ---------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------

/** Write to a temporary name, then rename: no half-written file is ever left behind. */
function writeAtomic(path, content) {
  mkdirSync(dirname(path) || '.', { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

const round6 = (x) => (x === null ? null : Number(x.toFixed(6)));

function main() {
  const opts = readOptions(process.argv.slice(2));
  const { X, y, features, sha256 } = loadData(opts.data, opts.label, opts.features);
  const { mean, scale } = standardiser(X);
  // Standardise in float32 steps, as the ONNX graph's Sub and Div will.
  const Z = X.map((r) => r.map((v, j) => Math.fround(Math.fround(Math.fround(v) - mean[j]) / scale[j])));
  const { w, b } = train(Z, y, opts);

  const p = predict(Z, w, b);
  const metrics = {
    accuracy: round6(p.filter((v, i) => (v >= 0.5 ? 1 : 0) === y[i]).length / y.length),
    log_loss: round6(logLoss(p, y)),
    roc_auc: round6(rocAuc(p, y)),
  };
  const params = {
    model: 'logistic_regression',
    label: opts.label,
    features,
    l2: opts.l2,
    iterations: opts.iterations,
    learning_rate: opts.learningRate,
    seed: opts.seed,
    standardise: true,
    decision_threshold: 0.5,
    onnx: { ir_version: IR_VERSION, opset: OPSET, input: 'features', output: 'probabilities' },
    dataset: { path: opts.data, sha256, rows: y.length },
  };

  writeAtomic(opts.out, logisticRegressionOnnx({ features, label: opts.label, mean, scale, w, b }));
  writeAtomic(opts.metrics, `${JSON.stringify(metrics, null, 2)}\n`);
  writeAtomic(opts.params, `${JSON.stringify(params, null, 2)}\n`);
  console.log(
    `trained on ${y.length} rows x ${features.length} features: accuracy=${metrics.accuracy} ` +
      `log_loss=${metrics.log_loss} roc_auc=${metrics.roc_auc}`,
  );
  console.log(`wrote ${opts.out}, ${opts.metrics}, ${opts.params}`);
}

try {
  main();
} catch (e) {
  if (e instanceof UsageError || e?.code?.startsWith?.('ERR_PARSE_ARGS')) {
    console.error(`train.mjs: ${e.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (e instanceof DataError) {
    console.error(`train.mjs: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
