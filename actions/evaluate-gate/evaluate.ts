/**
 * Scores candidate and baseline on the same holdout rows, computes the metrics and the paired
 * evidence (bootstrap resamples, exact accuracy counts) for the whole holdout and each slice,
 * and applies the gate policy. Every input is checked before the first row is scored.
 */
import type { GateConfig, MetricThresholdConfig } from '../../shared/config/sections/gate.js';
import type { ExplainConfig } from '../../shared/config/sections/governance.js';
import { UserError } from '../../shared/errors/user-error.js';
import type { Host } from '../../shared/host/host.js';
import { columnsRead, featureNamesFromMetadata, planFeed, type FeedPlan } from '../../shared/onnx/feed.js';
import { signature } from '../../shared/onnx/model.js';
import { describeOutputPlan, planOutputs, type OutputPlan, type Task } from '../../shared/onnx/outputs.js';
import { SCORING_BATCH_ROWS, Scorer, type Predictions } from '../../shared/onnx/scorer.js';
import { Progress } from '../../shared/progress/progress.js';
import { bootstrapRunner } from '../../shared/stats/bootstrap-pool.js';
import { rowMajorType } from '../../shared/onnx/row-major.js';
import { confusionMatrix, metricValues, prepareClassification, type ClassificationInput, type PreparedMetrics } from '../../shared/stats/classification.js';
import { metricNames, type ModelKind } from '../../shared/stats/metric-names.js';
import { discordantCounts } from '../../shared/stats/paired-accuracy.js';
import { deriveSeed } from '../../shared/stats/prng.js';
import { prepareRegression } from '../../shared/stats/regression.js';
import { suggestKey } from '../../shared/config/suggest.js';
import { canonicalValue, classificationInput, classSpace, truthIndices, type ClassSpace } from './classes.js';
import { decide, overallVerdict, type GroupEvidence, type GroupOutcome, type MetricEvidence, type Verdict } from './decide.js';
import { withFairness, type FairnessGate, type FairnessOutcome } from './fairness-gate.js';
import { attributeColumns, checkGovernance, fairnessFor, importanceFor } from './governance.js';
import { requireColumn, type Holdout } from './holdout.js';
import type { ImportanceResult } from './importance.js';
import type { OpenedModel } from './models.js';

export const DEFAULTS = { alpha: 0.05, resamples: 1000, seed: 0, minSliceRows: 30, inconclusive: 'warn', insufficientEvidence: 'fail', absolute: 'point', maxSliceValues: 20, batchRows: SCORING_BATCH_ROWS } as const;

/** Where a failed bootstrap thread is reported, and the way out. */
const THREAD_FAILURE = {
  where: { key: 'gate.bootstrap.threads' },
  hint: 'The resamples do not depend on the thread count: gate.bootstrap.threads: 1 runs them in the main thread, with the same results',
};

export interface EvaluateInput {
  candidate: OpenedModel;
  baseline?: OpenedModel;
  holdout: Holdout;
  label: string;
  task?: Task;
  features?: { names: string[]; from: string };
  inputName?: string;
  outputName?: string;
  threshold: number;
  positiveClass?: string;
  slices: string[];
  gate: GateConfig;
  /** Permutation importance settings (gate.explain, or the explain input); undefined: off. */
  explain?: ExplainConfig;
}

export interface Evaluation {
  task: Task;
  kind: ModelKind;
  rows: number;
  classes?: string[];
  positiveClass?: string;
  confusion?: { candidate: number[][]; baseline?: number[][] };
  thresholds: Record<string, MetricThresholdConfig>;
  thresholdsFrom: 'mlops.yml' | 'default';
  outcomes: GroupOutcome[];
  verdict: Verdict;
  reasons: string[];
  notes: string[];
  resamples: number;
  seed: number;
  alpha: number;
  /** gate.min_detectable as configured (undefined: the defaults of decide.ts). */
  minDetectable?: number | Record<string, number>;
  features: { candidate: string; baseline?: string };
  seconds: { scoring: number; statistics: number };
  /** gate.fairness: one outcome per attribute × metric. */
  fairness?: FairnessOutcome[];
  /** Permutation importance (gate.explain / explain input). */
  importance?: ImportanceResult;
}

interface ModelPlan {
  feed: FeedPlan;
  outputs: OutputPlan;
}

function planModel(opened: OpenedModel, input: EvaluateInput, key: 'model' | 'baseline', task: Task | undefined): ModelPlan {
  const outputs = planOutputs(opened.model, { outputName: input.outputName, task, key });
  // The baseline keeps its own feature list when it carries one (it may be trained on other columns).
  const features = key === 'baseline' && featureNamesFromMetadata(opened.model.metadata) ? undefined : input.features;
  const feed = planFeed(opened.model, input.holdout.columns, {
    features: key === 'model' && !input.features && featureNamesFromMetadata(opened.model.metadata) ? undefined : features,
    inputName: input.inputName,
    label: input.label,
    dataFile: input.holdout.file,
    key,
  });
  return { feed, outputs };
}

function describeFeed(plan: FeedPlan): string {
  return plan.mode === 'matrix' ? `${plan.features.length} features into "${plan.input}" (${plan.featuresFrom})` : `one input per column: ${plan.inputs.map((i) => i.column).join(', ')}`;
}

export async function evaluate(input: EvaluateInput, host: Host): Promise<Evaluation> {
  const { holdout, candidate, baseline } = input;
  const notes: string[] = [];
  if (holdout.rows === 0) throw new UserError('the holdout has no rows', { where: { file: holdout.file, key: 'data' }, hint: 'Point data at a non-empty holdout.' });
  requireColumn(holdout, input.label, 'label');
  for (const column of input.slices) requireColumn(holdout, column, 'slices');

  // Plans for both models, checked against the data and each other before scoring.
  const candidatePlan = planModel(candidate, input, 'model', input.task);
  const task = input.task ?? candidatePlan.outputs.task;
  // The baseline's task is read from its own outputs, so a model of another task is caught here.
  const baselinePlan = baseline ? planModel(baseline, input, 'baseline', input.task) : undefined;
  if (baselinePlan && baselinePlan.outputs.task !== task) {
    throw new UserError(`the baseline is a ${baselinePlan.outputs.task} model but the candidate is ${task}`, {
      where: { file: baseline!.model.displayPath, key: 'baseline' },
      hint: `Compare models of the same task. Baseline outputs: ${baseline!.model.outputs.map(signature).join('; ')}.`,
    });
  }
  host.info(`candidate ${candidate.ref}: ${describeFeed(candidatePlan.feed)}; ${describeOutputPlan(candidatePlan.outputs)}`);
  if (baseline && baselinePlan) host.info(`baseline ${baseline.ref}: ${describeFeed(baselinePlan.feed)}; ${describeOutputPlan(baselinePlan.outputs)}`);

  const [labelStrings, ...sliceStrings] = await holdout.strings([input.label, ...input.slices]);
  const labels = labelStrings!.map((value, row) => {
    if (value === null || value.trim() === '') {
      throw new UserError(`label column "${input.label}" is missing a value at row ${row + 1}`, { where: { file: holdout.file, key: 'label' }, hint: 'Every holdout row needs a label.' });
    }
    return canonicalValue(value);
  });

  let space: ClassSpace | undefined;
  const candidateColumns = candidatePlan.outputs.probability?.columns;
  const baselineColumns = baselinePlan?.outputs.probability?.columns;
  if (task === 'classification') {
    if (candidateColumns !== undefined && baselineColumns !== undefined && Math.max(candidateColumns, 2) !== Math.max(baselineColumns, 2)) {
      throw new UserError(`the baseline predicts ${Math.max(baselineColumns, 2)} classes but the candidate ${Math.max(candidateColumns, 2)}`, {
        where: { file: baseline!.model.displayPath, key: 'baseline' },
        hint: 'Compare models trained for the same classes.',
      });
    }
    const columns = candidatePlan.outputs.probability ? candidateColumns : baselinePlan?.outputs.probability ? baselineColumns : undefined;
    const labelOnly = !candidatePlan.outputs.probability && !baselinePlan?.outputs.probability;
    if (columns !== undefined && !labelOnly) {
      space = classSpace({ columns, labels: new Set(labels), positiveClass: input.positiveClass, dataFile: holdout.file, labelColumn: input.label, modelFile: candidate.model.displayPath });
      truthIndices(labels, space, { dataFile: holdout.file, labelColumn: input.label });
    }
  } else {
    labels.forEach((value, row) => {
      if (!Number.isFinite(Number(value))) {
        throw new UserError(`label column "${input.label}" is "${value}" at row ${row + 1}, not a number, but the task is regression`, {
          where: { file: holdout.file, key: 'label' },
          hint: 'Set task: classification, or choose the numeric target column as label.',
        });
      }
    });
  }

  const knownKind: ModelKind | undefined = task === 'regression' ? 'regression' : space ? (space.classes.length === 2 ? 'binary' : 'multiclass') : undefined;
  if (knownKind && input.gate.metrics) checkThresholds(input.gate.metrics, knownKind);
  checkGovernance(input.gate, input.explain, holdout, knownKind, Boolean(candidatePlan.outputs.probability));
  const attributes = await attributeColumns(holdout, input.gate.fairness);

  // One pass over the holdout scores both models on the same rows.
  const scoringStart = performance.now();
  const candidateScorer = new Scorer(candidate.model, candidatePlan.feed, candidatePlan.outputs, holdout.rows, 'model');
  const baselineScorer = baseline && baselinePlan ? new Scorer(baseline.model, baselinePlan.feed, baselinePlan.outputs, holdout.rows, 'baseline') : undefined;
  const needed = [...new Set([...columnsRead(candidatePlan.feed), ...(baselinePlan ? columnsRead(baselinePlan.feed) : [])])];
  await host.group(`Scoring ${holdout.rows.toLocaleString('en-US')} rows${baseline ? ' with candidate and baseline' : ''}`, async () => {
    let scored = 0;
    let lastLog = performance.now();
    // Models fed one matrix get it straight from the reader, no transpose (row-major.ts).
    for await (const batch of holdout.batches(needed, DEFAULTS.batchRows, rowMajorType([candidatePlan.feed, baselinePlan?.feed]))) {
      await candidateScorer.score(batch);
      if (baselineScorer) await baselineScorer.score(batch);
      scored += batch.rows;
      const now = performance.now();
      if (now - lastLog > 2000 || scored === holdout.rows) {
        const seconds = (now - scoringStart) / 1000;
        host.info(`scored ${scored.toLocaleString('en-US')} / ${holdout.rows.toLocaleString('en-US')} rows (${Math.round((100 * scored) / holdout.rows)} %, ${Math.round(scored / Math.max(seconds, 1e-3)).toLocaleString('en-US')} rows/s)`);
        lastLog = now;
      }
    }
    await candidateScorer.finish();
    await baselineScorer?.finish();
  });
  const scoringSeconds = (performance.now() - scoringStart) / 1000;
  const candidatePredictions = candidateScorer.predictions();
  const baselinePredictions = baselineScorer?.predictions();

  const statisticsStart = performance.now();
  const gate = input.gate;
  const alpha = gate.alpha ?? DEFAULTS.alpha;
  const resamples = gate.bootstrap?.resamples ?? DEFAULTS.resamples;
  const seed = gate.bootstrap?.seed ?? DEFAULTS.seed;
  const minSliceRows = gate.min_slice_rows ?? DEFAULTS.minSliceRows;

  let kind: ModelKind = 'regression';
  let candidateFull: ClassificationInput | undefined;
  let baselineFull: ClassificationInput | undefined;
  let truthValues: Float64Array | undefined;
  if (task === 'classification') {
    if (!space) {
      const predicted = new Set([...(candidatePredictions.labels ?? []), ...(baselinePredictions?.labels ?? [])].map(canonicalValue));
      const columns = candidatePredictions.probabilityColumns ?? baselinePredictions?.probabilityColumns;
      space = classSpace({ columns, labels: new Set(labels), predicted, positiveClass: input.positiveClass, dataFile: holdout.file, labelColumn: input.label, modelFile: candidate.model.displayPath });
    }
    const truth = truthIndices(labels, space, { dataFile: holdout.file, labelColumn: input.label });
    candidateFull = classificationInput(candidatePredictions, truth, space, input.threshold, candidate.model.displayPath);
    if (baselinePredictions) baselineFull = classificationInput(baselinePredictions, truth, space, input.threshold, baseline!.model.displayPath);
    kind = space.classes.length === 2 ? 'binary' : 'multiclass';
  } else {
    truthValues = Float64Array.from(labels, Number);
  }

  const { thresholds, from: thresholdsFrom } = thresholdsFor(gate, kind, Boolean(candidateFull?.probabilities), notes);
  checkThresholds(thresholds, kind);

  // Groups: the whole holdout, then each slice value.
  const groupRows: { slice?: { column: string; value: string }; rows: Uint32Array | undefined }[] = [{ rows: undefined }];
  input.slices.forEach((column, c) => {
    const values = sliceStrings[c]!;
    const byValue = new Map<string, number[]>();
    values.forEach((value, row) => {
      const key = value === null ? '(missing)' : value;
      let list = byValue.get(key);
      if (!list) byValue.set(key, (list = []));
      list.push(row);
    });
    let entries = [...byValue.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
    if (entries.length > DEFAULTS.maxSliceValues) {
      notes.push(`slice column "${column}" has ${entries.length} values; the ${DEFAULTS.maxSliceValues} largest are reported`);
      entries = entries.slice(0, DEFAULTS.maxSliceValues);
    }
    for (const [value, rows] of entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) groupRows.push({ slice: { column, value }, rows: Uint32Array.from(rows) });
  });

  const absolute = gate.absolute ?? DEFAULTS.absolute;
  const fairnessSetup = gate.fairness ? { config: gate.fairness, kind, rows: holdout.rows, columns: attributes, candidate: candidateFull, baseline: baselineFull, gate, alpha, resamples, seed, minSliceRows, absolute } : undefined;
  // Worker threads for large bootstraps (same resamples bit for bit); closed whatever happens.
  const failure = THREAD_FAILURE;
  const bootstrap = bootstrapRunner(gate.bootstrap?.threads ? { threads: gate.bootstrap.threads, force: true, failure } : { failure });
  let groups: GroupEvidence[];
  let fairness: FairnessGate | undefined;
  try {
    groups = await host.group(`Paired bootstrap: ${resamples} resamples × ${groupRows.length} group${groupRows.length > 1 ? 's' : ''} (seed ${seed}${bootstrap.threads > 1 ? `, up to ${bootstrap.threads} threads` : ''})`, async () => {
      const collected: GroupEvidence[] = [];
      const isTested = ({ slice, rows }: (typeof groupRows)[number]) => slice === undefined || (rows?.length ?? 0) >= minSliceRows;
      const progress = new Progress(host, { label: 'paired bootstrap', unit: 'resamples', total: resamples * groupRows.filter(isTested).length });
      let resampled = 0;
      for (const group of groupRows) {
        const { slice, rows } = group;
        const untested = !isTested(group);
        const candidateMetrics = prepare(kind, candidateFull, candidatePredictions, truthValues, rows);
        const baselineMetrics = baselinePredictions ? prepare(kind, baselineFull, baselinePredictions, truthValues, rows) : undefined;
        const onProgress = (done: number) => progress.update(resampled + done);
        const samples = await bootstrap.bootstrap(candidateMetrics, baselineMetrics, { resamples: untested ? 0 : resamples, seed: slice ? deriveSeed(seed, `${slice.column}=${slice.value}`) : seed, onProgress });
        resampled += untested ? 0 : resamples;
        const candidateValues = metricValues(candidateMetrics);
        const baselineValues = baselineMetrics ? metricValues(baselineMetrics) : undefined;
        const metrics = new Map<string, MetricEvidence>();
        candidateMetrics.names.forEach((name, m) => {
          const evidence: MetricEvidence = {
            candidate: candidateValues[name] ?? null,
            baseline: baselineValues?.[name] ?? null,
            candidateSamples: samples.candidate[m]!,
            deltaSamples: samples.delta?.[m],
          };
          if (name === 'accuracy' && candidateFull && baselineFull) evidence.discordant = discordantCounts(correct(candidateFull, rows), correct(baselineFull, rows));
          metrics.set(name, evidence);
        });
        host.info(`${slice ? `${slice.column}=${slice.value}` : 'whole holdout'}: ${rows?.length ?? holdout.rows} rows${untested ? ' (too few for tests)' : ''}`);
        collected.push({ slice, rows: rows?.length ?? holdout.rows, untested, metrics });
      }
      progress.finish();
      return collected;
    });
    fairness = await fairnessFor(fairnessSetup, host, bootstrap);
  } finally {
    await bootstrap.close();
  }
  const outcomes = decide(groups, { alpha, thresholds, absolute, hasBaseline: Boolean(baseline), minDetectable: gate.min_detectable, external: fairness?.tests });
  const fairnessOutcomes = fairness?.outcomes();
  const { verdict, reasons } = withFairness(overallVerdict(outcomes), fairnessOutcomes ?? []);
  const statisticsSeconds = (performance.now() - statisticsStart) / 1000;
  const importance = await importanceFor(
    input.explain
      ? {
          explain: input.explain,
          kind,
          holdout,
          candidate: { opened: candidate, ...candidatePlan, key: 'model' },
          baseline: baseline && baselinePlan ? { opened: baseline, ...baselinePlan, key: 'baseline' } : undefined,
          truth: candidateFull ? { classes: candidateFull.truth, space: space!, threshold: input.threshold } : { values: truthValues! },
          probabilities: Boolean(candidateFull?.probabilities),
          seed,
          alpha,
        }
      : undefined,
    host,
  );
  if (!baseline) notes.push('first run: no baseline, so only absolute thresholds (min/max) were applied');
  const positiveClass = space && kind === 'binary' ? space.classes[space.positive] : undefined;
  return {
    task,
    kind,
    rows: holdout.rows,
    classes: space?.classes,
    positiveClass,
    confusion: candidateFull
      ? { candidate: confusionMatrix(candidateFull.truth, candidateFull.predicted, candidateFull.classes), baseline: baselineFull ? confusionMatrix(baselineFull.truth, baselineFull.predicted, baselineFull.classes) : undefined }
      : undefined,
    thresholds,
    thresholdsFrom,
    outcomes,
    verdict,
    reasons,
    notes,
    resamples,
    seed,
    alpha,
    minDetectable: gate.min_detectable,
    features: { candidate: describeFeed(candidatePlan.feed), baseline: baselinePlan ? describeFeed(baselinePlan.feed) : undefined },
    seconds: { scoring: scoringSeconds, statistics: statisticsSeconds },
    ...(fairnessOutcomes ? { fairness: fairnessOutcomes } : {}),
    ...(importance ? { importance } : {}),
  };
}

function prepare(kind: ModelKind, full: ClassificationInput | undefined, predictions: Predictions, truth: Float64Array | undefined, rows: Uint32Array | undefined): PreparedMetrics {
  if (kind === 'regression') {
    const values = predictions.values!;
    return rows ? prepareRegression(pick(truth!, rows), pick(values, rows)) : prepareRegression(truth!, values);
  }
  if (!rows) return prepareClassification(full!);
  const c = full!.classes;
  let probabilities: Float64Array | undefined;
  if (full!.probabilities) {
    probabilities = new Float64Array(rows.length * c);
    rows.forEach((row, i) => probabilities!.set(full!.probabilities!.subarray(row * c, row * c + c), i * c));
  }
  return prepareClassification({ classes: c, truth: pickInt(full!.truth, rows), predicted: pickInt(full!.predicted, rows), probabilities, positive: full!.positive });
}

function pick(values: Float64Array, rows: Uint32Array): Float64Array {
  return Float64Array.from(rows, (r) => values[r]!);
}

function pickInt(values: Int32Array, rows: Uint32Array): Int32Array {
  return Int32Array.from(rows, (r) => values[r]!);
}

function correct(input: ClassificationInput, rows: Uint32Array | undefined): Uint8Array {
  const n = rows ? rows.length : input.truth.length;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const r = rows ? rows[i]! : i;
    out[i] = input.truth[r] === input.predicted[r] ? 1 : 0;
  }
  return out;
}

/** The configured thresholds, or the default: no significant regression of the headline metrics. */
function thresholdsFor(gate: GateConfig, kind: ModelKind, probabilities: boolean, notes: string[]): { thresholds: Record<string, MetricThresholdConfig>; from: 'mlops.yml' | 'default' } {
  if (gate.metrics && Object.keys(gate.metrics).length) return { thresholds: gate.metrics, from: 'mlops.yml' };
  const thresholds: Record<string, MetricThresholdConfig> =
    kind === 'regression' ? { rmse: { max_rise: 0 } } : kind === 'binary' && probabilities ? { accuracy: { max_drop: 0 }, roc_auc: { max_drop: 0 } } : { accuracy: { max_drop: 0 } };
  notes.push(`no gate.metrics in mlops.yml: using the default policy (${Object.keys(thresholds).join(', ')} must not be significantly worse than the baseline)`);
  return { thresholds, from: 'default' };
}

function checkThresholds(thresholds: Record<string, MetricThresholdConfig>, kind: ModelKind): void {
  const known = metricNames(kind);
  for (const [metric, threshold] of Object.entries(thresholds)) {
    const key = `gate.metrics.${metric}`;
    if (!known.includes(metric)) {
      const guess = suggestKey(metric, known);
      throw new UserError(`gate metric "${metric}" does not exist for a ${kind} model`, { where: { key }, hint: `${guess ? `Did you mean "${guess}"? ` : ''}Metrics: ${known.join(', ')}.` });
    }
    const lowerBetter = ['log_loss', 'rmse', 'mae'].includes(metric);
    if (lowerBetter && (threshold.max_drop !== undefined || threshold.min !== undefined)) {
      throw new UserError(`${metric} is better when lower, so it takes max and max_rise, not ${threshold.max_drop !== undefined ? 'max_drop' : 'min'}`, { where: { key } });
    }
    if (!lowerBetter && (threshold.max_rise !== undefined || threshold.max !== undefined)) {
      throw new UserError(`${metric} is better when higher, so it takes min and max_drop, not ${threshold.max_rise !== undefined ? 'max_rise' : 'max'}`, { where: { key } });
    }
  }
}
