/**
 * evaluate-gate benchmark (by hand, not part of npm test): 1M+ holdout rows × 30 features through
 * two real ONNX models, the example's logistic regression (inference almost free: ~60 ns/row) and
 * an MLP 30→256→256→2 (make_mlp.py, seeded weights; inference does real work).
 * Per model, best of 5 interleaved rounds:
 *   bare:    onnxruntime-node session.run over the same, prebuilt [batch, 30] float32 tensors
 *   scoring: Scorer.score over the row-major batches the reader now writes (DataTable.readRows:
 *            session.run on the reader's buffer, output check + copy)
 *   scoring_from_columns: Scorer.score over column batches (the transpose, the path before readRows)
 *   metrics: every binary point metric from the predictions (accuracy … log_loss)
 * (read-score.ts then times the same through DuckDB, from a Parquet file.)
 * plus scikit-learn's metric functions on the logistic regression's predictions, and the paired
 * bootstrap (candidate MLP vs baseline logistic regression) per 100 resamples.
 * Run: npm exec -- node bench/evaluate-gate/run.mjs [rows]
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openModel, type OnnxModel } from '../../shared/onnx/model.js';
import { planFeed } from '../../shared/onnx/feed.js';
import { planOutputs } from '../../shared/onnx/outputs.js';
import { interleave, SCORING_BATCH_ROWS, Scorer, type ColumnBatch, type Predictions } from '../../shared/onnx/scorer.js';
import { rowMajorBatch } from '../../shared/onnx/row-major.js';
import { pairedBootstrap } from '../../shared/stats/bootstrap.js';
import { metricValues, prepareClassification, type PreparedMetrics } from '../../shared/stats/classification.js';
import { createRecordingHost } from '../../test/support/recording-host.js';

const [modelPath, workDir, rowsArg, benchDir] = process.argv.slice(2);
const ROWS = Number(rowsArg ?? 1_000_000);
const BATCH = Number(process.env.EG_BENCH_BATCH ?? SCORING_BATCH_ROWS);
const ROUNDS = 5;
const host = createRecordingHost();
const logistic = await openModel(modelPath!, modelPath!, host);
const featureNames = logistic.metadata.feature_names!;
const features = JSON.parse(featureNames) as string[];
const mlpPath = join(workDir!, 'mlp.onnx');
execFileSync('/usr/bin/python3', [join(benchDir!, 'make_mlp.py'), mlpPath, featureNames], { stdio: 'inherit' });
const mlp = await openModel(mlpPath, mlpPath, host);

// Synthetic holdout with the example's feature scales: column-wise N(mean, sd) from a fixed LCG.
let state = 12345;
const uniform = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) + 0.5) / 4294967296;
const gaussian = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
const columns = features.map((_, f) => Float64Array.from({ length: ROWS }, () => (1 + f) * (1 + 0.3 * gaussian())));
const labels = Int32Array.from({ length: ROWS }, () => (uniform() < 0.37 ? 1 : 0));
const byName = new Map(features.map((name, f) => [name, columns[f]!]));
const batchAt = (offset: number): ColumnBatch => {
  const rows = Math.min(BATCH, ROWS - offset);
  return { rowOffset: offset, rows, column: (name) => byName.get(name)!.subarray(offset, offset + rows) };
};
// The same batches as the reader's readRows hands them over: one fresh row-major float32 buffer per batch.
const rowBatches: ColumnBatch[] = [];
for (let offset = 0; offset < ROWS; offset += BATCH) {
  const rows = Math.min(BATCH, ROWS - offset);
  const data = new Float32Array(rows * features.length);
  interleave(features.map((name) => byName.get(name)!.subarray(offset, offset + rows)), rows, data);
  rowBatches.push(rowMajorBatch(features, { rowOffset: offset, rows, data }));
}
const time = async (fn: () => Promise<void> | void) => {
  const start = performance.now();
  await fn();
  return (performance.now() - start) / 1000;
};
const prepare = (predictions: Predictions): PreparedMetrics => {
  const probabilities = predictions.probabilities!;
  const predicted = new Int32Array(ROWS);
  for (let i = 0; i < ROWS; i++) predicted[i] = probabilities[i * 2 + 1]! > 0.5 ? 1 : 0;
  return prepareClassification({ classes: 2, truth: labels, predicted, probabilities });
};

interface ModelRun {
  /** Building the input tensors alone (our JS cost per batch, without onnxruntime's noise). */
  build: number;
  bare: number;
  scoring: number;
  scoringFromColumns: number;
  metrics: number;
  predictions: Predictions;
  values: Record<string, number | null>;
}

async function measure(model: OnnxModel): Promise<ModelRun> {
  const feed = planFeed(model, features.map((name) => ({ name, numeric: true })), { label: 'label', dataFile: 'bench', key: 'model' });
  const outputs = planOutputs(model, { key: 'model' });
  const builder = new Scorer(model, feed, outputs, ROWS, 'model');
  const prebuilt: ReturnType<Scorer['feeds']>[] = [];
  for (let offset = 0; offset < ROWS; offset += BATCH) prebuilt.push(builder.feeds(batchAt(offset)));
  await model.session.run(prebuilt[0]!);
  const build: number[] = [];
  const bare: number[] = [];
  const scoring: number[] = [];
  const scoringFromColumns: number[] = [];
  const metrics: number[] = [];
  let predictions: Predictions | undefined;
  let values: Record<string, number | null> = {};
  for (let round = 0; round < ROUNDS; round++) {
    build.push(
      await time(() => {
        for (let offset = 0; offset < ROWS; offset += BATCH) builder.feeds(batchAt(offset), true);
      }),
    );
    bare.push(
      await time(async () => {
        for (const feeds of prebuilt) await model.session.run(feeds, ['probabilities']);
      }),
    );
    scoringFromColumns.push(
      await time(async () => {
        const scorer = new Scorer(model, feed, outputs, ROWS, 'model');
        for (let offset = 0; offset < ROWS; offset += BATCH) await scorer.score(batchAt(offset));
        await scorer.finish();
        predictions = scorer.predictions();
      }),
    );
    const fromColumns = predictions!.probabilities!;
    scoring.push(
      await time(async () => {
        const scorer = new Scorer(model, feed, outputs, ROWS, 'model');
        for (const batch of rowBatches) await scorer.score(batch);
        await scorer.finish();
        predictions = scorer.predictions();
      }),
    );
    if (!Buffer.from(predictions!.probabilities!.buffer).equals(Buffer.from(fromColumns.buffer))) throw new Error('row-major scoring differs from column scoring');
    metrics.push(
      await time(() => {
        values = metricValues(prepare(predictions!));
      }),
    );
  }
  return { build: Math.min(...build), bare: Math.min(...bare), scoring: Math.min(...scoring), scoringFromColumns: Math.min(...scoringFromColumns), metrics: Math.min(...metrics), predictions: predictions!, values };
}

const runs = { logistic_regression: await measure(logistic), mlp_30_256_256_2: await measure(mlp) };
if (process.env.EG_BENCH_SCORING_ONLY) {
  const r3 = (x: number) => Number(x.toPrecision(3));
  const scoringOnly = Object.fromEntries(
    Object.entries(runs).map(([k, r]) => [k, { bare: r3(r.bare), scoring: r3(r.scoring), scoring_from_columns: r3(r.scoringFromColumns), overhead: r3(r.scoring / r.bare - 1), overhead_from_columns: r3(r.scoringFromColumns / r.bare - 1) }]),
  );
  console.log(JSON.stringify({ batch: BATCH, ...scoringOnly }));
  process.exit(0);
}

const bootstrap100 = await time(() => {
  pairedBootstrap(prepare(runs.mlp_30_256_256_2.predictions), prepare(runs.logistic_regression.predictions), { resamples: 100, seed: 1 });
});

const probabilities = runs.logistic_regression.predictions.probabilities!;
writeFileSync(join(workDir!, 'p1.f64'), Float64Array.from({ length: ROWS }, (_, i) => probabilities[i * 2 + 1]!));
writeFileSync(join(workDir!, 'y.i32'), labels);
const sklearn = JSON.parse(execFileSync('/usr/bin/python3', [join(benchDir!, 'sklearn_metrics.py'), workDir!], { encoding: 'utf8' })) as { seconds: number; metrics: Record<string, number> };
const ours = runs.logistic_regression.values;
const worst = Math.max(...Object.keys(sklearn.metrics).map((k) => Math.abs((ours[k] ?? Number.NaN) - sklearn.metrics[k]!)));

const round3 = (x: number) => Number(x.toPrecision(3));
const report = Object.fromEntries(
  Object.entries(runs).map(([name, r]) => [
    name,
    {
      bare_session_run_s: round3(r.bare),
      build_tensors_s: round3(r.build),
      scoring_s: round3(r.scoring),
      scoring_overhead_vs_bare: round3(r.scoring / r.bare - 1),
      scoring_from_columns_s: round3(r.scoringFromColumns),
      scoring_from_columns_overhead_vs_bare: round3(r.scoringFromColumns / r.bare - 1),
      metrics_s: round3(r.metrics),
      scoring_and_metrics_vs_bare: round3((r.scoring + r.metrics) / r.bare),
    },
  ]),
);
console.log(
  JSON.stringify(
    { rows: ROWS, features: features.length, batch: BATCH, ...report, sklearn_metrics_s: round3(sklearn.seconds), sklearn_vs_our_metrics: round3(sklearn.seconds / runs.logistic_regression.metrics), bootstrap_100_resamples_paired_s: round3(bootstrap100), max_abs_diff_vs_sklearn: worst },
    null,
    2,
  ),
);
