// The breast-cancer example: train.mjs runs with plain Node, writes a real ONNX model that
// onnxruntime-node loads and scores, is deterministic, and its weak variant is clearly worse.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config/parse.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/breast-cancer/', import.meta.url));
const TRAIN = join(EXAMPLE, 'train.mjs');
const TRAIN_CSV = join(EXAMPLE, 'data', 'train.csv');
const HOLDOUT_CSV = join(EXAMPLE, 'data', 'holdout.csv');
const WEAK_FLAGS = ['--features', 'mean_radius,mean_texture', '--iterations', '5'];
const DEBIAN_PYTHON = '/usr/bin/python3';

interface Run {
  dir: string;
  stdout: string;
  model: string;
  metrics: Record<string, unknown>;
  params: { features: string[]; label: string; dataset: { sha256: string; rows: number } } & Record<string, unknown>;
}

let work: string;

function train(name: string, flags: string[] = []): Run {
  const dir = join(work, name);
  const model = join(dir, 'model.onnx');
  const stdout = execFileSync(
    process.execPath,
    [TRAIN, '--data', TRAIN_CSV, '--out', model, '--metrics', join(dir, 'metrics.json'), '--params', join(dir, 'params.json'), ...flags],
    { encoding: 'utf8' },
  );
  const json = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8'));
  return { dir, stdout, model, metrics: json('metrics.json'), params: json('params.json') };
}

function readCsv(path: string): { header: string[]; rows: string[][] } {
  const text = readFileSync(path, 'utf8');
  expect(text).not.toContain('"'); // plain CSV: a split on commas is enough here
  const [header, ...rows] = text.trimEnd().split('\n').map((line) => line.split(','));
  return { header: header!, rows };
}

/** Scores the holdout with onnxruntime-node, taking the columns in the model's feature order. */
async function score(run: Run) {
  const { header, rows } = readCsv(HOLDOUT_CSV);
  const columns = run.params.features.map((f) => header.indexOf(f));
  expect(columns).not.toContain(-1);
  const labels = rows.map((r) => Number(r[header.indexOf('malignant')]));
  const input = Float32Array.from(rows.flatMap((r) => columns.map((j) => Number(r[j]))));
  const session = await ort.InferenceSession.create(run.model);
  try {
    expect(session.inputNames).toEqual(['features']);
    expect(session.outputNames).toEqual(['probabilities']);
    const out = await session.run({ features: new ort.Tensor('float32', input, [rows.length, columns.length]) });
    const probabilities = out.probabilities!;
    const p = probabilities.data as Float32Array;
    const p1 = labels.map((_, i) => p[2 * i + 1]!);
    const correct = p1.filter((v, i) => (v >= 0.5 ? 1 : 0) === labels[i]).length;
    return { dims: probabilities.dims, type: probabilities.type, p, p1, labels, accuracy: correct / rows.length };
  } finally {
    await session.release();
  }
}

/** Probability that a random malignant case scores above a random benign one (ties: half). */
function auc(p1: number[], labels: number[]): number {
  let wins = 0;
  let pairs = 0;
  p1.forEach((a, i) => {
    if (labels[i] !== 1) return;
    p1.forEach((b, j) => {
      if (labels[j] !== 0) return;
      pairs++;
      wins += a > b ? 1 : a === b ? 0.5 : 0;
    });
  });
  return wins / pairs;
}

const hasDebianOnnx = spawnSync(DEBIAN_PYTHON, ['-c', 'import onnx'], { stdio: 'ignore' }).status === 0;

describe('examples/breast-cancer/train.mjs', () => {
  let strong: Run;
  let again: Run;
  let weak: Run;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'mlops-train-example-'));
    strong = train('strong');
    again = train('again');
    weak = train('weak', WEAK_FLAGS);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('prints mlops:metric lines with a falling loss', () => {
    const lines = strong.stdout.split('\n').filter((l) => l.startsWith('mlops:metric '));
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(line).toMatch(/^mlops:metric loss=\d+\.\d+ step=\d+$/);
    const losses = lines.map((l) => Number(/loss=(\S+)/.exec(l)![1]));
    expect(losses.at(-1)!).toBeLessThan(losses[0]! / 4);
    expect(lines.at(-1)).toMatch(/ step=300$/);
  });

  it('writes numeric training metrics and complete params', () => {
    expect(Object.keys(strong.metrics).sort()).toEqual(['accuracy', 'log_loss', 'roc_auc']);
    for (const v of Object.values(strong.metrics)) expect(typeof v).toBe('number');
    expect(strong.metrics.accuracy).toBeGreaterThan(0.95);
    expect(strong.metrics.roc_auc).toBeGreaterThan(0.98);

    const { header } = readCsv(TRAIN_CSV);
    const numeric = header.filter((h) => !['id', 'size_band', 'malignant'].includes(h));
    expect(strong.params.features).toEqual(numeric);
    expect(numeric).toHaveLength(30);
    expect(strong.params).toMatchObject({ label: 'malignant', l2: 0.01, iterations: 300, learning_rate: 0.5, seed: 42 });
    expect(strong.params.dataset.sha256).toBe(createHash('sha256').update(readFileSync(TRAIN_CSV)).digest('hex'));
    expect(strong.params.dataset.rows).toBe(398);
    expect(weak.params.features).toEqual(['mean_radius', 'mean_texture']);
    expect(weak.params.iterations).toBe(5);
  });

  it('writes an ONNX model that scores the holdout: [N, 2] probabilities summing to 1, accuracy > 0.9', async () => {
    const s = await score(strong);
    expect(s.dims).toEqual([171, 2]);
    expect(s.type).toBe('float32');
    for (let i = 0; i < s.labels.length; i++) {
      const [p0, p1] = [s.p[2 * i]!, s.p[2 * i + 1]!];
      expect(p0).toBeGreaterThanOrEqual(0);
      expect(p1).toBeGreaterThanOrEqual(0);
      expect(p0 + p1).toBeCloseTo(1, 6);
    }
    expect(s.accuracy).toBeGreaterThan(0.9);
    expect(auc(s.p1, s.labels)).toBeGreaterThan(0.98);
  });

  it('makes a clearly weaker model with --features mean_radius,mean_texture --iterations 5', async () => {
    const [s, w] = [await score(strong), await score(weak)];
    expect(w.dims).toEqual([171, 2]);
    expect(w.accuracy).toBeLessThan(s.accuracy - 0.08);
    expect(auc(w.p1, w.labels)).toBeLessThan(auc(s.p1, s.labels) - 0.03);
    expect(weak.metrics.log_loss as number).toBeGreaterThan(3 * (strong.metrics.log_loss as number));
  });

  it('is deterministic: training twice gives byte-identical files', () => {
    for (const file of ['model.onnx', 'metrics.json', 'params.json']) {
      expect(readFileSync(join(again.dir, file)).equals(readFileSync(join(strong.dir, file))), file).toBe(true);
    }
  });

  it('fails with a clear message and writes nothing for an unknown feature', () => {
    const out = join(work, 'bad', 'model.onnx');
    const r = spawnSync(process.execPath, [TRAIN, '--data', TRAIN_CSV, '--out', out, '--features', 'mean_radius,nope'], {
      encoding: 'utf8',
      cwd: work,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no column "nope"');
    expect(existsSync(out)).toBe(false);
  });

  it.skipIf(!hasDebianOnnx)('passes the onnx checker with the documented metadata [needs Debian python3-onnx]', () => {
    const script = [
      'import json, sys, onnx',
      'm = onnx.load(sys.argv[1])',
      'onnx.checker.check_model(m, full_check=True)',
      'print(json.dumps({"ir": m.ir_version, "opset": [[o.domain, o.version] for o in m.opset_import],',
      '  "meta": {p.key: p.value for p in m.metadata_props}}))',
    ].join('\n');
    const out = execFileSync(DEBIAN_PYTHON, ['-c', script, strong.model], { encoding: 'utf8' });
    const info = JSON.parse(out);
    expect(info.ir).toBe(8);
    expect(info.opset).toEqual([['', 13]]);
    expect(info.meta.label).toBe('malignant');
    expect(JSON.parse(info.meta.feature_names)).toEqual(strong.params.features);
  });
});

describe('examples/breast-cancer/mlops.yml', () => {
  it('is valid configuration with the model and model card the example promises', () => {
    const file = join(EXAMPLE, 'mlops.yml');
    const config = parseConfig(readFileSync(file, 'utf8'), file);
    expect(config.model).toMatchObject({ name: 'breast-cancer-classifier', task: 'classification', label: 'malignant' });
    const card = config.model_card!;
    for (const key of ['intended_use', 'out_of_scope', 'limitations', 'ethical_considerations', 'training_data', 'evaluation_data', 'citation'] as const) {
      expect(card[key], key).toBeTruthy();
    }
    expect(card.license).toBe('apache-2.0');
    expect(card.out_of_scope).toContain('NOT FOR CLINICAL USE');
  });
});
