/**
 * Permutation feature importance for candidate and baseline on the same (sampled) holdout rows:
 * for each feature and repeat one seeded permutation, shared by both models; each permuted copy
 * of the sample is scored through the gate's Scorer in SCORING_BATCH_ROWS batches (one
 * session.run per batch), and the importance is the drop of the chosen metric
 * (higher-is-better: unpermuted − permuted; lower-is-better: permuted − unpermuted).
 */
import type { ExplainConfig } from '../../shared/config/sections/governance.js';
import { suggestKey } from '../../shared/config/suggest.js';
import { UserError } from '../../shared/errors/user-error.js';
import { featurePermutation, sampleRows, summarize, type ImportanceSummary } from '../../shared/governance/permutation-importance.js';
import type { Host } from '../../shared/host/host.js';
import { columnsRead } from '../../shared/onnx/feed.js';
import { SCORING_BATCH_ROWS, Scorer, type ColumnBatch, type Predictions } from '../../shared/onnx/scorer.js';
import { metricValues, prepareClassification } from '../../shared/stats/classification.js';
import { higherIsBetter, metricNames, type ModelKind } from '../../shared/stats/metric-names.js';
import { prepareRegression } from '../../shared/stats/regression.js';
import { classificationInput, type ClassSpace } from './classes.js';
import type { Holdout } from './holdout.js';
import type { OpenedModel } from './models.js';
import type { FeedPlan } from '../../shared/onnx/feed.js';
import type { OutputPlan } from '../../shared/onnx/outputs.js';
import { PermutedMatrix } from './permuted-feed.js';
import { undefinedCause } from '../../shared/stats/undefined-metrics.js';

export const EXPLAIN_DEFAULTS = { repeats: 5, maxRows: 20_000 } as const;

export type ImportanceEntry = {
  feature: string;
  candidate: ImportanceSummary | null;
  baseline: ImportanceSummary | null;
  /** 1 = most important; null when the model does not read the feature. */
  candidate_rank: number | null;
  baseline_rank: number | null;
};

export type ImportanceResult = {
  metric: string;
  direction: 'higher' | 'lower';
  repeats: number;
  rows: number;
  holdout_rows: number;
  seed: number;
  ci_level: number;
  candidate_score: number;
  baseline_score: number | null;
  /** Sorted by the candidate's mean importance (features only the baseline reads last). */
  features: ImportanceEntry[];
  seconds: number;
};

export interface ScoredModel {
  opened: OpenedModel;
  feed: FeedPlan;
  outputs: OutputPlan;
  key: 'model' | 'baseline';
}

export interface ImportanceInput {
  config: ExplainConfig;
  kind: ModelKind;
  holdout: Holdout;
  candidate: ScoredModel;
  baseline?: ScoredModel;
  /** Classification: class index per holdout row, with the class space and threshold; regression: the values. */
  truth: { classes: Int32Array; space: ClassSpace; threshold: number } | { values: Float64Array };
  seed: number;
  alpha: number;
  batchRows?: number;
}

export function defaultExplainMetric(kind: ModelKind): string {
  return kind === 'regression' ? 'rmse' : 'accuracy';
}

/** Checks the metric before any scoring. */
export function checkExplainMetric(config: ExplainConfig, kind: ModelKind, probabilities: boolean): string {
  const metric = config.metric ?? defaultExplainMetric(kind);
  const known = metricNames(kind);
  if (!known.includes(metric)) {
    const guess = suggestKey(metric, known);
    throw new UserError(`gate.explain.metric "${metric}" does not exist for a ${kind} model`, { where: { key: 'gate.explain.metric' }, hint: `${guess ? `Did you mean "${guess}"? ` : ''}Metrics: ${known.join(', ')}.` });
  }
  if (!probabilities && ['roc_auc', 'roc_auc_ovr_macro', 'roc_auc_ovr_weighted', 'log_loss'].includes(metric)) {
    throw new UserError(`gate.explain.metric "${metric}" needs probabilities, but the model only emits labels`, { where: { key: 'gate.explain.metric' }, hint: 'Use accuracy, or export the model with a probability output.' });
  }
  return metric;
}

export async function permutationImportance(input: ImportanceInput, host: Host): Promise<ImportanceResult> {
  const start = performance.now();
  const metric = input.config.metric ?? defaultExplainMetric(input.kind);
  const repeats = input.config.repeats ?? EXPLAIN_DEFAULTS.repeats;
  const maxRows = input.config.max_rows ?? EXPLAIN_DEFAULTS.maxRows;
  const rows = sampleRows(input.seed, input.holdout.rows, maxRows);
  const n = rows.length;
  const models = [input.candidate, ...(input.baseline ? [input.baseline] : [])];
  const features = models.map((m) => columnsRead(m.feed));
  const union = [...new Set(features.flat())];
  const base = await gather(input.holdout, union, rows, input.batchRows ?? SCORING_BATCH_ROWS);
  const scoreOf = scoring(input, metric, rows);
  const higher = higherIsBetter(metric);
  const drop = (unpermuted: number, permuted: number) => (higher ? unpermuted - permuted : permuted - unpermuted);
  const batchRows = input.batchRows ?? SCORING_BATCH_ROWS;

  // Matrix-fed models keep their input buffers between permutations; others go through Scorer.
  const scorers = models.map((m) => {
    const matrix = PermutedMatrix.applies(m) ? new PermutedMatrix(m, base, n, batchRows) : undefined;
    return (replaced?: { feature: string; permutation: Uint32Array; values: () => Float64Array }) =>
      matrix ? matrix.score(replaced) : score(m, base, replaced ? { feature: replaced.feature, values: replaced.values() } : undefined, n, batchRows);
  });
  const unpermuted: number[] = [];
  for (let m = 0; m < models.length; m++) {
    const score = scoreOf(models[m]!, await scorers[m]!());
    if (!Number.isFinite(score)) {
      throw new UserError(`the explained metric "${metric}" is undefined for the ${m === 0 ? 'candidate' : 'baseline'} on the ${n.toLocaleString('en-US')} rows explained (${undefinedCause(metric)}), so its drop cannot be measured`, {
        where: { key: 'gate.explain.metric' },
        hint: `Explain with a metric these rows define: ${defaultExplainMetric(input.kind)} is defined on any rows.`,
      });
    }
    unpermuted.push(score);
  }
  const drops = models.map(() => new Map<string, number[]>());
  const permuted = new Float64Array(n);
  const permutation = new Uint32Array(n);
  await host.group(`Permutation importance: ${union.length} features × ${repeats} repeats on ${n.toLocaleString('en-US')} rows (${metric})`, async () => {
    for (const feature of union) {
      const column = base.get(feature)!;
      for (let r = 0; r < repeats; r++) {
        featurePermutation(input.seed, feature, r, n, permutation);
        // The shuffled column as an array only for models fed per column (matrix feeds shuffle in place).
        let gathered = false;
        const values = () => {
          if (!gathered) for (let i = 0; i < n; i++) permuted[i] = column[permutation[i]!]!;
          gathered = true;
          return permuted;
        };
        for (let m = 0; m < models.length; m++) {
          if (!features[m]!.includes(feature)) continue;
          const value = scoreOf(models[m]!, await scorers[m]!({ feature, permutation, values }));
          const list = drops[m]!.get(feature) ?? [];
          list.push(drop(unpermuted[m]!, value));
          drops[m]!.set(feature, list);
        }
      }
    }
  });

  const summaries = drops.map((map) => new Map([...map].map(([feature, values]) => [feature, summarize(values, input.alpha)])));
  // Features whose every shuffle left the metric undefined (mean NaN) rank last.
  const key = (s: ImportanceSummary) => (Number.isFinite(s.mean) ? s.mean : Number.NEGATIVE_INFINITY);
  const ranks = summaries.map((map) => new Map([...map].sort((a, b) => key(b[1]) - key(a[1]) || (a[0] < b[0] ? -1 : 1)).map(([feature], i) => [feature, i + 1])));
  const entries: ImportanceEntry[] = union.map((feature) => ({
    feature,
    candidate: summaries[0]!.get(feature) ?? null,
    baseline: summaries[1]?.get(feature) ?? null,
    candidate_rank: ranks[0]!.get(feature) ?? null,
    baseline_rank: ranks[1]?.get(feature) ?? null,
  }));
  entries.sort((a, b) => (a.candidate_rank ?? Infinity) - (b.candidate_rank ?? Infinity) || (a.baseline_rank ?? Infinity) - (b.baseline_rank ?? Infinity));
  return {
    metric,
    direction: higher ? 'higher' : 'lower',
    repeats,
    rows: n,
    holdout_rows: input.holdout.rows,
    seed: input.seed,
    ci_level: 1 - input.alpha,
    candidate_score: unpermuted[0]!,
    baseline_score: unpermuted[1] ?? null,
    features: entries,
    seconds: (performance.now() - start) / 1000,
  };
}

/** The sampled rows of each column, read in one pass over the holdout. */
async function gather(holdout: Holdout, columns: string[], rows: Uint32Array, batchRows: number): Promise<Map<string, Float64Array>> {
  const out = new Map(columns.map((c) => [c, new Float64Array(rows.length)]));
  let next = 0;
  for await (const batch of holdout.batches(columns, batchRows)) {
    const end = batch.rowOffset + batch.rows;
    const first = next;
    while (next < rows.length && rows[next]! < end) next++;
    for (const name of columns) {
      const source = batch.column(name);
      const target = out.get(name)!;
      for (let i = first; i < next; i++) target[i] = source[rows[i]! - batch.rowOffset]!;
    }
  }
  return out;
}

/** Scores the sample, with one column replaced, in batches through a fresh Scorer. */
export async function score(model: ScoredModel, base: Map<string, Float64Array>, replaced: { feature: string; values: Float64Array } | undefined, n: number, batchRows: number): Promise<Predictions> {
  const scorer = new Scorer(model.opened.model, model.feed, model.outputs, n, model.key);
  for (let offset = 0; offset < n; offset += batchRows) {
    const rows = Math.min(batchRows, n - offset);
    const batch: ColumnBatch = {
      rowOffset: offset,
      rows,
      column: (name) => (replaced && name === replaced.feature ? replaced.values : base.get(name)!).subarray(offset, offset + rows),
    };
    await scorer.score(batch);
  }
  await scorer.finish();
  return scorer.predictions();
}

/** predictions → the metric, on the sampled rows' truth. */
function scoring(input: ImportanceInput, metric: string, rows: Uint32Array): (model: ScoredModel, predictions: Predictions) => number {
  if ('values' in input.truth) {
    const truth = Float64Array.from(rows, (r) => (input.truth as { values: Float64Array }).values[r]!);
    return (_, predictions) => valueOf(metricValues(prepareRegression(truth, predictions.values!)), metric);
  }
  const { classes, space, threshold } = input.truth;
  const truth = Int32Array.from(rows, (r) => classes[r]!);
  return (model, predictions) => {
    // Accuracy of a binary model with [P(0), P(1)] columns: classificationInput's decision, without its arrays.
    if (metric === 'accuracy' && space.classes.length === 2 && predictions.probabilityColumns === 2) {
      const p = predictions.probabilities!;
      const positive = space.positive;
      let correct = 0;
      for (let i = 0; i < truth.length; i++) if ((p[i * 2 + positive]! > threshold ? positive : 1 - positive) === truth[i]) correct++;
      return correct / truth.length;
    }
    const classified = classificationInput(predictions, truth, space, threshold, model.opened.model.displayPath);
    if (metric === 'accuracy') {
      let correct = 0;
      for (let i = 0; i < truth.length; i++) if (classified.predicted[i] === truth[i]) correct++;
      return correct / truth.length;
    }
    return valueOf(metricValues(prepareClassification(classified)), metric);
  };
}

function valueOf(values: Record<string, number | null>, metric: string): number {
  const value = values[metric];
  return value === null || value === undefined ? Number.NaN : value;
}
