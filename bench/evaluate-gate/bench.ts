/**
 * evaluate-gate benchmark (by hand, not part of npm test): 1M+ holdout rows × 30 features through
 * the example's real ONNX logistic regression.
 *   ours:    Scorer (tensor building + session.run + output gathering/checks) + all point metrics
 *   bare:    onnxruntime-node session.run over the same, prebuilt tensors
 *   sklearn: accuracy/precision/recall/f1/roc_auc/log_loss on the same predictions (/usr/bin/python3)
 * Also reports the paired bootstrap cost per 100 resamples. Run: node bench/evaluate-gate/run.mjs
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openModel } from '../../shared/onnx/model.js';
import { planFeed } from '../../shared/onnx/feed.js';
import { planOutputs } from '../../shared/onnx/outputs.js';
import { Scorer, type ColumnBatch } from '../../shared/onnx/scorer.js';
import { pairedBootstrap } from '../../shared/stats/bootstrap.js';
import { metricValues, prepareClassification } from '../../shared/stats/classification.js';
import { createRecordingHost } from '../../test/support/recording-host.js';

const [modelPath, workDir, rowsArg, sklearnScript] = process.argv.slice(2);
const ROWS = Number(rowsArg ?? 1_000_000);
const BATCH = 16_384;
const host = createRecordingHost();
const model = await openModel(modelPath!, modelPath!, host);
const features = JSON.parse(model.metadata.feature_names!) as string[];

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

const feed = planFeed(model, features.map((name) => ({ name, numeric: true })), { label: 'label', dataFile: 'bench', key: 'model' });
const outputs = planOutputs(model, { key: 'model' });

// bare: tensors prebuilt, then only session.run timed.
const prebuilt: ReturnType<Scorer['feeds']>[] = [];
const builder = new Scorer(model, feed, outputs, ROWS, 'model');
for (let offset = 0; offset < ROWS; offset += BATCH) prebuilt.push(builder.feeds(batchAt(offset)));
const time = async (fn: () => Promise<void> | void) => {
  const start = performance.now();
  await fn();
  return (performance.now() - start) / 1000;
};
// Warm-up, then interleave three rounds of each and keep the best.
await model.session.run(prebuilt[0]!);
const bareTimes: number[] = [];
const ourTimes: number[] = [];
let predictions: ReturnType<Scorer['predictions']> | undefined;
let metrics: Record<string, number | null> = {};
for (let round = 0; round < 3; round++) {
  bareTimes.push(
    await time(async () => {
      for (const feeds of prebuilt) await model.session.run(feeds, ['probabilities']);
    }),
  );
  ourTimes.push(
    await time(async () => {
      const scorer = new Scorer(model, feed, outputs, ROWS, 'model');
      for (let offset = 0; offset < ROWS; offset += BATCH) await scorer.score(batchAt(offset));
      predictions = scorer.predictions();
      const probabilities = predictions.probabilities!;
      const predicted = Int32Array.from({ length: ROWS }, (_, i) => (probabilities[i * 2 + 1]! > 0.5 ? 1 : 0));
      metrics = metricValues(prepareClassification({ classes: 2, truth: labels, predicted, probabilities }));
    }),
  );
}
const bare = Math.min(...bareTimes);
const ours = Math.min(...ourTimes);

const probabilities = predictions!.probabilities!;
const prepared = prepareClassification({ classes: 2, truth: labels, predicted: Int32Array.from({ length: ROWS }, (_, i) => (probabilities[i * 2 + 1]! > 0.5 ? 1 : 0)), probabilities });
const bootstrap100 = await time(() => {
  pairedBootstrap(prepared, prepared, { resamples: 100, seed: 1 });
});

writeFileSync(join(workDir!, 'p1.f64'), Float64Array.from({ length: ROWS }, (_, i) => probabilities[i * 2 + 1]!));
writeFileSync(join(workDir!, 'y.i32'), labels);
const sklearn = JSON.parse(execFileSync('/usr/bin/python3', [sklearnScript!, workDir!], { encoding: 'utf8' })) as { seconds: number; metrics: Record<string, number> };
const worst = Math.max(...Object.keys(sklearn.metrics).map((k) => Math.abs((metrics[k] ?? Number.NaN) - sklearn.metrics[k]!)));

console.log(JSON.stringify({ rows: ROWS, features: features.length, batch: BATCH, bare_session_run_s: bare, ours_scoring_and_metrics_s: ours, overhead_vs_bare: ours / bare - 1, sklearn_metrics_s: sklearn.seconds, our_metrics_s_estimate: ours - bare, bootstrap_100_resamples_paired_s: bootstrap100, max_abs_diff_vs_sklearn: worst }, null, 2));
