// Scoring from row-major batches the reader wrote directly (shared/onnx/row-major.ts) must be
// bit-identical to the column path (readNumeric columns, transposed by the scorer): the same input
// tensors byte for byte and the same probabilities byte for byte, for float32 and float64 models,
// features in another order than the file's, integer/double/decimal columns, −0.0, NULL and NaN,
// batches that do not divide the rows, and a candidate and baseline that take different layouts.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openData, resolveData, type DataTable } from '../../shared/data/reader.js';
import { columnsRead, planFeed, type FeedPlan } from '../../shared/onnx/feed.js';
import { openModel, type OnnxModel } from '../../shared/onnx/model.js';
import { planOutputs } from '../../shared/onnx/outputs.js';
import { rowMajorBatch, rowMajorType } from '../../shared/onnx/row-major.js';
import { Scorer, type ColumnBatch } from '../../shared/onnx/scorer.js';
import { createRecordingHost } from '../support/recording-host.js';

const FIXTURES = new URL('../fixtures/models/', import.meta.url).pathname;
const host = createRecordingHost({ cwd: FIXTURES });
const ROWS = 1_001;
const BATCH = 64;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlops-row-major-'));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  // File order id, c, label, a, b; the models read b, a, c (or c, b, a). a: INTEGER, b: DOUBLE, c: DECIMAL.
  const columns = (b: string, c: string) => `SELECT i AS id, ${c} AS c, (i % 2)::VARCHAR AS label, (i % 17 - 8)::INTEGER AS a, ${b} AS b FROM range(${ROWS}) t(i) ORDER BY i`;
  await connection.run(`COPY (${columns("CASE WHEN i % 5 = 0 THEN '-0.0'::DOUBLE ELSE sin(i) * (1 + i % 3) + 1e-9 * i END", '((i % 101) * 0.0137 - 0.7)::DECIMAL(9, 4)')}) TO '${join(dir, 'clean.parquet')}' (FORMAT parquet)`);
  await connection.run(`COPY (${columns("CASE i % 7 WHEN 0 THEN NULL WHEN 1 THEN 'nan'::DOUBLE WHEN 2 THEN '-0.0'::DOUBLE ELSE cos(i) END", 'CASE WHEN i % 11 = 0 THEN NULL ELSE (i * 0.001)::DECIMAL(9, 4) END')}) TO '${join(dir, 'gaps.parquet')}' (FORMAT parquet)`);
  connection.closeSync();
  instance.closeSync();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = (name: string) => openModel(join(FIXTURES, name), name, host);
interface Fed {
  model: OnnxModel;
  feed: FeedPlan;
}
async function fed(name: string, features: string[]): Promise<Fed> {
  const model = await open(name);
  const columns = ['id', 'c', 'a', 'b'].map((n) => ({ name: n, numeric: true }));
  return { model, feed: planFeed(model, columns, { features: { names: features, from: 'the test' }, label: 'label', dataFile: 'data', key: 'model' }) };
}

const bytes = (data: ArrayBufferView) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

/** Scores every model over the file, from column batches or from row-major batches; returns each model's input bytes and probability bytes (or its error). */
async function scoreAll(file: string, models: Fed[], rowMajor: boolean): Promise<{ inputs: Buffer; probabilities?: Buffer; error?: string }[]> {
  const table: DataTable = await openData(await resolveData(dir, file), host);
  try {
    const needed = [...new Set(models.flatMap((m) => columnsRead(m.feed)))];
    const type = rowMajorType(models.map((m) => m.feed));
    const batches: AsyncIterable<ColumnBatch> = rowMajor
      ? (async function* () {
          for await (const batch of table.readRows(needed, { batchRows: BATCH, type: type! })) yield rowMajorBatch(needed, batch);
        })()
      : (async function* () {
          for await (const batch of table.readNumeric(needed, { batchRows: BATCH })) yield { rowOffset: batch.rowOffset, rows: batch.rows, column: (name: string) => batch.values[needed.indexOf(name)]! };
        })();
    const scorers = models.map((m) => new Scorer(m.model, m.feed, planOutputs(m.model, { key: 'model' }), ROWS, 'model'));
    const inputs: Buffer[][] = models.map(() => []);
    const errors: (string | undefined)[] = models.map(() => undefined);
    for await (const batch of batches) {
      for (const [k, scorer] of scorers.entries()) {
        for (const tensor of Object.values(scorer.feeds(batch))) inputs[k]!.push(Buffer.from(bytes(tensor.data as Float32Array)));
        if (errors[k] === undefined) await scorer.score(batch).catch((e: Error) => (errors[k] = e.message));
      }
    }
    return Promise.all(
      scorers.map(async (scorer, k) => {
        if (errors[k] === undefined) await scorer.finish().catch((e: Error) => (errors[k] = e.message));
        const out = { inputs: Buffer.concat(inputs[k]!) };
        return errors[k] === undefined ? { ...out, probabilities: Buffer.from(bytes(scorer.predictions().probabilities!)) } : { ...out, error: errors[k] };
      }),
    );
  } finally {
    await table.close();
  }
}

describe('scoring row-major batches from the reader', () => {
  it.each([
    ['a float32 model alone (fed the reader’s buffer as is)', [['binary_proba2.onnx', ['b', 'a', 'c']]], 'float32'],
    ['a float64 model alone', [['double_input.onnx', ['b', 'a', 'c']]], 'float64'],
    ['float32 candidate + float64 baseline in another order', [['binary_proba2.onnx', ['b', 'a', 'c']], ['double_input.onnx', ['c', 'b', 'a']]], 'float64'],
    ['two float32 models, the baseline in another order', [['binary_proba2.onnx', ['b', 'a', 'c']], ['binary_proba2.onnx', ['a', 'c', 'b']]], 'float32'],
  ] as const)('%s: inputs and probabilities byte for byte as from columns', async (_, specs, type) => {
    const models = await Promise.all(specs.map(([name, features]) => fed(name, [...features])));
    expect(rowMajorType(models.map((m) => m.feed))).toBe(type);
    const before = await scoreAll('clean.parquet', models, false);
    const after = await scoreAll('clean.parquet', models, true);
    for (const [k, result] of after.entries()) {
      expect(result.error).toBeUndefined();
      expect(result.inputs.length).toBe(ROWS * 3 * (models[k]!.feed.mode === 'matrix' && models[k]!.feed.type === 'float64' ? 8 : 4));
      expect(result.inputs.equals(before[k]!.inputs)).toBe(true);
      expect(result.probabilities!.length).toBe(ROWS * 2 * 8);
      expect(result.probabilities!.equals(before[k]!.probabilities!)).toBe(true);
    }
  });

  it('feeds the reader’s buffer itself when the features match, and a copy otherwise', async () => {
    const asIs = await fed('binary_proba2.onnx', ['b', 'a', 'c']);
    const reordered = await fed('binary_proba2.onnx', ['a', 'b', 'c']);
    const data = Float32Array.from({ length: 6 }, (_, k) => k / 8);
    const batch = rowMajorBatch(['b', 'a', 'c'], { rowOffset: 0, rows: 2, data });
    const scorer = (m: Fed) => new Scorer(m.model, m.feed, planOutputs(m.model, { key: 'model' }), 2, 'model');
    expect(scorer(asIs).feeds(batch, true)['features']!.data).toBe(data);
    const copied = scorer(reordered).feeds(batch, true)['features']!.data as Float32Array;
    expect(copied).not.toBe(data);
    expect([...copied]).toEqual([1, 0, 2, 4, 3, 5].map((k) => k / 8));
  });

  it('NULL, NaN and −0.0 reach the model as before, and a NaN score names the same row', async () => {
    const models = [await fed('binary_proba2.onnx', ['b', 'a', 'c']), await fed('double_input.onnx', ['c', 'b', 'a'])];
    const before = await scoreAll('gaps.parquet', models, false);
    const after = await scoreAll('gaps.parquet', models, true);
    for (const [k, result] of after.entries()) {
      expect(result.inputs.equals(before[k]!.inputs)).toBe(true);
      expect(result.error).toMatch(/output "probabilities" is NaN at row 1 of the holdout/);
      expect(result.error).toBe(before[k]!.error);
    }
  });

  it('a per-column model reads columns; float64 rows give exact columns, float32 rows refuse to', async () => {
    const perColumn = await open('per_column.onnx');
    const feed = planFeed(perColumn, ['x1', 'x2', 'x3'].map((name) => ({ name, numeric: true })), { label: 'label', dataFile: 'data', key: 'model' });
    expect(rowMajorType([feed])).toBeUndefined();
    expect(rowMajorType([(await fed('binary_proba2.onnx', ['b', 'a', 'c'])).feed, feed])).toBeUndefined();
    const table = await openData(await resolveData(dir, 'gaps.parquet'), host);
    try {
      const columns: Float64Array[] = [];
      for await (const batch of table.readNumeric(['c', 'b'], { batchRows: ROWS })) columns.push(...batch.values);
      for await (const batch of table.readRows(['c', 'b'], { batchRows: ROWS, type: 'float64' })) {
        const view = rowMajorBatch(['c', 'b'], batch);
        expect(bytes(view.column('b')).equals(bytes(columns[1]!))).toBe(true);
        expect(bytes(view.column('c')).equals(bytes(columns[0]!))).toBe(true);
      }
      for await (const batch of table.readRows(['c', 'b'], { batchRows: ROWS, type: 'float32' })) {
        expect(() => rowMajorBatch(['c', 'b'], batch).column('b')).toThrow(/float32 rows/);
      }
    } finally {
      await table.close();
    }
  });
});
