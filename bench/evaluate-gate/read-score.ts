/**
 * End to end, through DuckDB: the gate's read + score of the example logistic regression over a
 * 1M × 30 holdout written as Parquet, against a bare DuckDB stream of the same columns plus bare
 * session.run over prebuilt tensors. Best of 5 interleaved rounds, in one process:
 *   bare_read:  DuckDB streams the 30 CAST(… AS DOUBLE) columns; nothing is done with the chunks;
 *   bare_run:   session.run over prebuilt [16384, 30] float32 tensors;
 *   read_columns / read_and_score_from_columns: readNumeric (one float64 array per column), then
 *               Scorer from those columns (the transpose);
 *   read_rows / read_and_score: readRows (row-major float32 written from DuckDB's buffers), then
 *               Scorer on the reader's buffer as is (only where readRows exists: this file also
 *               runs on older trees, for the "before" figures).
 * Usage (bundled by run.mjs): node read-score.mjs <model.onnx> <workDir> [rows]
 */
import { join } from 'node:path';
import { openDuckSession } from '../../shared/data/duckdb-session.js';
import { openData, resolveData } from '../../shared/data/reader.js';
import { planFeed } from '../../shared/onnx/feed.js';
import { openModel } from '../../shared/onnx/model.js';
import { planOutputs } from '../../shared/onnx/outputs.js';
import { SCORING_BATCH_ROWS, Scorer, type ColumnBatch } from '../../shared/onnx/scorer.js';
import { createRecordingHost } from '../../test/support/recording-host.js';

const [modelPath, workDir, rowsArg] = process.argv.slice(2);
const ROWS = Number(rowsArg ?? 1_000_000);
const BATCH = SCORING_BATCH_ROWS;
const ROUNDS = 5;
const host = createRecordingHost({ cwd: workDir! });
const model = await openModel(modelPath!, modelPath!, host);
const features = JSON.parse(model.metadata.feature_names!) as string[];
const quoted = features.map((name) => `"${name.replaceAll('"', '""')}"`);
const parquet = join(workDir!, 'holdout.parquet');
const session = await openDuckSession(host);
await session.connection.run(
  `SELECT setseed(0.5); COPY (SELECT ${quoted.map((q, f) => `${1 + f} * (1 + 0.3 * sqrt(-2 * ln(random())) * cos(2 * pi() * random())) AS ${q}`).join(', ')}, (random() < 0.37)::INTEGER AS label FROM range(${ROWS})) TO '${parquet}' (FORMAT parquet)`,
);
const table = await openData(await resolveData(workDir!, 'holdout.parquet'), host);
const feed = planFeed(model, features.map((name) => ({ name, numeric: true })), { label: 'label', dataFile: 'bench', key: 'model' });
const outputs = planOutputs(model, { key: 'model' });
if (feed.mode !== 'matrix') throw new Error('expected a matrix input');

type RowReader = (columns: string[], options: { batchRows: number; type: 'float32' }) => AsyncIterable<{ rowOffset: number; rows: number; data: Float32Array }>;
const readRows = (table as unknown as { readRows?: RowReader }).readRows?.bind(table);
const columnBatches = async function* (): AsyncIterable<ColumnBatch> {
  for await (const batch of table.readNumeric(features, { batchRows: BATCH })) yield { rowOffset: batch.rowOffset, rows: batch.rows, column: (name) => batch.values[features.indexOf(name)]! };
};
const rowBatches = async function* (): AsyncIterable<ColumnBatch> {
  for await (const batch of readRows!(features, { batchRows: BATCH, type: 'float32' })) {
    yield { rowOffset: batch.rowOffset, rows: batch.rows, rowMajor: { columns: features, data: batch.data }, column: () => { throw new Error('row batch'); } } as ColumnBatch;
  }
};

// Prebuilt tensors for the bare run, from a plain read.
const prebuilt: Record<string, InstanceType<typeof model.ort.Tensor>>[] = [];
const builder = new Scorer(model, feed, outputs, ROWS, 'model');
for await (const batch of columnBatches()) prebuilt.push(builder.feeds(batch));

const time = async (fn: () => Promise<void>) => {
  const start = performance.now();
  await fn();
  return (performance.now() - start) / 1000;
};
const score = async (batches: () => AsyncIterable<ColumnBatch>) => {
  const scorer = new Scorer(model, feed, outputs, ROWS, 'model');
  for await (const batch of batches()) await scorer.score(batch);
  await scorer.finish();
  return scorer.predictions().probabilities!;
};
const t: Record<string, number[]> = { bare_read: [], bare_run: [], read_columns: [], read_and_score_from_columns: [] };
if (readRows) Object.assign(t, { read_rows: [], read_and_score: [] });
let fromColumns: Float64Array | undefined;
let fromRows: Float64Array | undefined;
for (let round = 0; round < ROUNDS; round++) {
  t.bare_read!.push(
    await time(async () => {
      const result = await session.connection.stream(`SELECT ${quoted.map((q) => `CAST(${q} AS DOUBLE)`).join(', ')} FROM read_parquet('${parquet}')`);
      for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk());
    }),
  );
  t.bare_run!.push(await time(async () => { for (const feeds of prebuilt) await model.session.run(feeds, ['probabilities']); }));
  t.read_columns!.push(await time(async () => { for await (const batch of columnBatches()) void batch; }));
  t.read_and_score_from_columns!.push(await time(async () => void (fromColumns = await score(columnBatches))));
  if (readRows) {
    t.read_rows!.push(await time(async () => { for await (const batch of rowBatches()) void batch; }));
    t.read_and_score!.push(await time(async () => void (fromRows = await score(rowBatches))));
  }
}
await table.close();
session.close();
if (fromRows && !Buffer.from(fromRows.buffer).equals(Buffer.from(fromColumns!.buffer))) throw new Error('read + score from rows differs from columns');
const r3 = (x: number) => Number(x.toPrecision(3));
const best = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, r3(Math.min(...v))]));
const bare = best.bare_read! + best.bare_run!;
console.log(
  JSON.stringify({
    end_to_end_rows: ROWS,
    ...best,
    overhead_from_columns_vs_bare_read_plus_run: r3(best.read_and_score_from_columns! / bare - 1),
    ...(readRows ? { overhead_vs_bare_read_plus_run: r3(best.read_and_score! / bare - 1) } : {}),
  }),
);
