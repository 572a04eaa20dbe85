import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../shared/errors/user-error.js';
import { planFeed } from '../../shared/onnx/feed.js';
import { openModel, type OnnxModel } from '../../shared/onnx/model.js';
import { planOutputs } from '../../shared/onnx/outputs.js';
import { interleave, Scorer } from '../../shared/onnx/scorer.js';
import { createRecordingHost } from '../support/recording-host.js';

const FIXTURES = new URL('../fixtures/models/', import.meta.url).pathname;
const host = createRecordingHost({ cwd: FIXTURES });
const open = (name: string) => openModel(join(FIXTURES, name), name, host);
const columns = ['x1', 'x2', 'x3', 'label'].map((name) => ({ name, numeric: true }));
const feedOptions = { label: 'label', dataFile: 'holdout.csv', key: 'model' };

async function score(model: OnnxModel, rows: number[][]) {
  const feed = planFeed(model, columns, feedOptions);
  const outputs = planOutputs(model, { key: 'model' });
  const scorer = new Scorer(model, feed, outputs, rows.length, 'model');
  const byName: Record<string, Float64Array> = { x1: Float64Array.from(rows, (r) => r[0]!), x2: Float64Array.from(rows, (r) => r[1]!), x3: Float64Array.from(rows, (r) => r[2]!) };
  await scorer.score({ rowOffset: 0, rows: rows.length, column: (name) => byName[name]! });
  await scorer.finish();
  return { outputs, predictions: scorer.predictions() };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const rows = [
  [0.5, -1, 2],
  [-2, 1, 0],
  [0, 0, 0],
];

describe('ONNX models', () => {
  it('describes inputs and outputs', async () => {
    const model = await open('label_proba.onnx');
    expect(model.inputs).toEqual([{ name: 'features', type: 'float32', shape: ['N', 3] }]);
    expect(model.outputs.map((o) => [o.name, o.type])).toEqual([
      ['label', 'int64'],
      ['probabilities', 'float32'],
    ]);
    expect(model.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('scores [N, 2] probabilities', async () => {
    const { outputs, predictions } = await score(await open('binary_proba2.onnx'), rows);
    expect(outputs).toEqual({ task: 'classification', probability: { name: 'probabilities', columns: 2 }, label: undefined });
    rows.forEach((r, i) => expect(predictions.probabilities![i * 2 + 1]).toBeCloseTo(sigmoid(2 * r[0]! - 1.5 * r[1]! + r[2]!), 6));
  });

  it('scores an [N] probability', async () => {
    const { outputs, predictions } = await score(await open('binary_proba1.onnx'), rows);
    expect(outputs.probability).toEqual({ name: 'probability', columns: 1 });
    expect(predictions.probabilityColumns).toBe(1);
    expect(predictions.probabilities![0]).toBeCloseTo(sigmoid(4.5), 6);
  });

  it('reads the (label, probabilities) pair sklearn converters emit', async () => {
    const { outputs, predictions } = await score(await open('label_proba.onnx'), rows);
    expect(outputs.label).toEqual({ name: 'label', type: 'int64' });
    expect(outputs.probability?.name).toBe('probabilities');
    expect(predictions.labels).toEqual(['1', '0', '0']);
  });

  it('uses the label tensor of a ZipMap model and says why the map output is skipped', async () => {
    const model = await open('zipmap.onnx');
    expect(model.outputs[1]).toEqual({ name: 'output_probability', type: 'non-tensor', shape: [] });
    expect(planOutputs(model, { key: 'model' })).toEqual({ task: 'classification', probability: undefined, label: { name: 'output_label', type: 'int64' }, skipped: ['output_probability'] });
    expect(() => planOutputs(model, { outputName: 'output_probability', key: 'model' })).toThrow(/ZipMap/);
  });

  it('infers regression from a single float value output', async () => {
    const { outputs, predictions } = await score(await open('regressor.onnx'), rows);
    expect(outputs).toEqual({ task: 'regression', value: { name: 'variable' } });
    expect(predictions.values![0]).toBeCloseTo(3 * 0.5 + 2 + 1 + 10, 5);
  });

  it('feeds one input per column by name', async () => {
    const model = await open('per_column.onnx');
    expect(planFeed(model, columns, feedOptions)).toMatchObject({ mode: 'columns', inputs: [{ column: 'x1' }, { column: 'x2' }, { column: 'x3' }] });
    const { predictions } = await score(model, rows);
    expect(predictions.probabilities![1]).toBeCloseTo(sigmoid(4.5), 6);
  });

  it('feeds a float64 input', async () => {
    const { predictions } = await score(await open('double_input.onnx'), rows);
    expect(predictions.probabilities![1]).toBeCloseTo(sigmoid(4.5), 6);
  });

  it('refuses NaN scores with the row', async () => {
    const model = await open('nan_scores.onnx');
    await expect(score(model, rows)).rejects.toThrow(/output "probability" is NaN at row 1/);
  });

  it.each([
    ['corrupt.onnx', /not ONNX/],
    ['pickle.onnx', /Python pickle/],
    ['external_escape.onnx', /points outside the model's folder/],
    ['missing.onnx', /model file not found/],
  ])('refuses %s with a UserError', async (name, message) => {
    const error = await open(name).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
  });
});

describe('building input tensors', () => {
  it('interleaves columns into row-major order for every width', () => {
    for (let width = 1; width <= 9; width++) {
      const rows = 5;
      const columns = Array.from({ length: width }, (_, f) => Float64Array.from({ length: rows }, (_, i) => 100 * f + i + 0.25));
      const out = new Float32Array(rows * width);
      interleave(columns, rows, out);
      expect([...out]).toEqual(Array.from({ length: rows * width }, (_, k) => 100 * (k % width) + Math.floor(k / width) + 0.25));
    }
  });

  it('scores batch by batch with reused buffers exactly as in one batch', async () => {
    const model = await open('binary_proba2.onnx');
    const data = Array.from({ length: 11 }, (_, i) => [Math.sin(i), Math.cos(3 * i), i / 7 - 1]);
    const whole = await score(model, data);
    const feed = planFeed(model, columns, feedOptions);
    const scorer = new Scorer(model, feed, planOutputs(model, { key: 'model' }), data.length, 'model');
    const column = (f: number) => Float64Array.from(data, (r) => r[f]!);
    const byName: Record<string, Float64Array> = { x1: column(0), x2: column(1), x3: column(2) };
    for (const [offset, rows] of [[0, 4], [4, 4], [8, 3]] as const) {
      await scorer.score({ rowOffset: offset, rows, column: (name) => byName[name]!.subarray(offset, offset + rows) });
    }
    await scorer.finish();
    expect([...scorer.predictions().probabilities!]).toEqual([...whole.predictions.probabilities!]);
  });

  it('pipelined scoring (next batch built while one runs) is bit-identical to waiting for every batch', async () => {
    const model = await open('binary_proba2.onnx');
    const rows = 1_000;
    const data = Array.from({ length: rows }, (_, i) => [Math.sin(i) * 1e3, Math.cos(3 * i) / 7, i % 2 === 0 ? -0 : i / 7 - 1]);
    const byName: Record<string, Float64Array> = { x1: Float64Array.from(data, (r) => r[0]!), x2: Float64Array.from(data, (r) => r[1]!), x3: Float64Array.from(data, (r) => r[2]!) };
    const feed = planFeed(model, columns, feedOptions);
    const run = async (waitEachBatch: boolean) => {
      const scorer = new Scorer(model, feed, planOutputs(model, { key: 'model' }), rows, 'model');
      for (let offset = 0; offset < rows; offset += 64) {
        const n = Math.min(64, rows - offset);
        await scorer.score({ rowOffset: offset, rows: n, column: (name) => byName[name]!.subarray(offset, offset + n) });
        if (waitEachBatch) await scorer.finish();
      }
      await scorer.finish();
      return scorer.predictions().probabilities!;
    };
    const pipelined = await run(false);
    const oneByOne = await run(true);
    expect(Buffer.from(pipelined.buffer).equals(Buffer.from(oneByOne.buffer))).toBe(true);
  });

  it('names the row of a bad score in a batch that finishes after the next one started', async () => {
    const model = await open('binary_proba2.onnx');
    const scorer = new Scorer(model, planFeed(model, columns, feedOptions), planOutputs(model, { key: 'model' }), 6, 'model');
    const column = (values: number[]) => Float64Array.from(values);
    const good = { x1: column([1, 2]), x2: column([1, 2]), x3: column([1, 2]) };
    const bad = { x1: column([1, Number.NaN]), x2: column([1, 2]), x3: column([1, 2]) };
    await scorer.score({ rowOffset: 0, rows: 2, column: (name) => good[name as keyof typeof good] });
    await scorer.score({ rowOffset: 2, rows: 2, column: (name) => bad[name as keyof typeof bad] });
    await expect(scorer.score({ rowOffset: 4, rows: 2, column: (name) => good[name as keyof typeof good] })).rejects.toThrow(/row 4\b/);
    expect(() => scorer.predictions()).toThrow(/scored 2 of 6 rows \(a batch is still running/);
  });
});
