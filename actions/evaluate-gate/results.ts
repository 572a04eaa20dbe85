/** The results JSON (the `results` output) and the run record's evaluation section, from one evaluation. */
import type { GroupOutcome, MetricOutcome } from './decide.js';
import { POWER } from './judging.js';
import type { Evaluation } from './evaluate.js';
import type { HoldoutCheck } from './holdout-trust.js';
import { governanceRecord, governanceResults } from './governance-results.js';

export const RESULTS_SCHEMA = 'mlops-actions/evaluate-gate-results@1';

export interface ResultsContext {
  candidate: { path: string; sha256: string };
  baseline?: { ref: string; sha256: string; digest?: string };
  /** A baseline was named but no version carries its alias yet: why this is a first run. */
  firstRun?: string;
  /** The holdout's fingerprint checked against the champion's or the pinned one. */
  holdout?: HoldoutCheck;
  data: string;
  dataFingerprint: string;
  passed: boolean;
  inconclusivePolicy: string;
  insufficientPolicy: string;
  override?: string;
  reportPath: string;
}

function metricsOf(group: GroupOutcome): Record<string, MetricOutcome> {
  return group.metrics;
}

export function resultsJson(evaluation: Evaluation, context: ResultsContext) {
  const [overall, ...slices] = evaluation.outcomes;
  return {
    schema: RESULTS_SCHEMA,
    verdict: evaluation.verdict,
    passed: context.passed,
    reasons: evaluation.reasons,
    override: context.override ? { reason: context.override } : undefined,
    task: evaluation.task,
    kind: evaluation.kind,
    rows: evaluation.rows,
    model: context.candidate,
    baseline: context.baseline ?? null,
    ...(context.firstRun ? { first_run: context.firstRun } : {}),
    ...(context.holdout ? { holdout: context.holdout } : {}),
    data: { path: context.data, fingerprint: context.dataFingerprint, rows: evaluation.rows },
    policy: {
      alpha: evaluation.alpha,
      thresholds: evaluation.thresholds,
      thresholds_from: evaluation.thresholdsFrom,
      inconclusive: context.inconclusivePolicy,
      insufficient_evidence: context.insufficientPolicy,
      min_detectable: evaluation.minDetectable ?? null,
      power: POWER,
      bootstrap: { resamples: evaluation.resamples, seed: evaluation.seed, interval: 'percentile (order statistics inverting the bootstrap p-value)', prng: 'xoshiro128**' },
      accuracy_test: 'tango-score',
      multiplicity: 'holm',
    },
    classes: evaluation.classes,
    positive_class: evaluation.positiveClass,
    metrics: metricsOf(overall!),
    confusion_matrix: evaluation.confusion,
    slices: slices.map((s) => ({ column: s.slice!.column, value: s.slice!.value, rows: s.rows, metrics: metricsOf(s) })),
    ...governanceResults(evaluation),
    notes: evaluation.notes,
    report: context.reportPath,
  };
}

export function evaluationRecord(evaluation: Evaluation, context: ResultsContext, resultsPath: string) {
  const [overall, ...slices] = evaluation.outcomes;
  return {
    task: evaluation.task,
    model: context.candidate,
    data: { path: context.data, fingerprint: context.dataFingerprint, rows: evaluation.rows },
    baseline: context.baseline ? { ref: context.baseline.ref, sha256: context.baseline.sha256, digest: context.baseline.digest } : null,
    ...(context.firstRun ? { first_run: context.firstRun } : {}),
    ...(context.holdout ? { holdout: { ...context.holdout } } : {}),
    alpha: evaluation.alpha,
    metrics: overall!.metrics,
    slices: slices.map((s) => ({ column: s.slice!.column, value: s.slice!.value, rows: s.rows, metrics: s.metrics })),
    verdict: evaluation.verdict,
    passed: context.passed,
    override: context.override ? { reason: context.override } : undefined,
    inconclusive_policy: context.inconclusivePolicy,
    insufficient_evidence_policy: context.insufficientPolicy,
    reasons: evaluation.reasons,
    ...governanceRecord(evaluation),
    report_path: context.reportPath,
    results_path: resultsPath,
  };
}

/** name → candidate (or baseline) value, for the `metrics` / `baseline-metrics` outputs. */
export function metricMap(group: GroupOutcome, which: 'candidate' | 'baseline'): Record<string, number | null> {
  return Object.fromEntries(Object.entries(group.metrics).map(([name, m]) => [name, m[which]]));
}
