/**
 * Fairness evidence for the gate: per attribute, the groups (values of the column; groups with
 * fewer than min_slice_rows rows are reported, not tested), fairlearn's between-group metrics
 * for candidate and baseline, a paired bootstrap over holdout rows (the gate's seeded
 * xoshiro128** draws, one stream per attribute), and the rules of gate.fairness.metrics judged
 * like gate.metrics: min/max per gate.absolute, max_rise/max_drop on the paired interval of
 * candidate − baseline. Interval tests join the metrics' Holm family (decide.ts, `external`).
 */
import { FAIRNESS_METRICS, type FairnessConfig, type FairnessMetricName, type FairnessThresholdConfig } from '../../shared/config/sections/governance.js';
import { suggestKey } from '../../shared/config/suggest.js';
import { UserError } from '../../shared/errors/user-error.js';
import { fairnessHigherIsBetter, fairnessMetric, groupCounts, groupRates, type FairnessRows, type GroupRates } from '../../shared/governance/fairness.js';
import { prepareFairness } from '../../shared/governance/fairness-metrics.js';
import { bootstrapRunner, type BootstrapRunner } from '../../shared/stats/bootstrap-pool.js';
import type { ClassificationInput } from '../../shared/stats/classification.js';
import { deriveSeed } from '../../shared/stats/prng.js';
import type { ModelKind } from '../../shared/stats/metric-names.js';
import type { ExternalTest, MetricOutcome, Verdict } from './decide.js';
import { MetricJudge } from './fairness-rules.js';
import { worst } from './judging.js';

/** More distinct values than this and the column is not a group attribute. */
export const MAX_GROUPS = 100;
export const MISSING_GROUP = '(missing)';

// A type alias (not an interface) so it fits the run record's loose object schema.
export type FairnessOutcome = {
  attribute: string;
  metric: FairnessMetricName;
  /** Candidate's rates per group (every group, tested or not). */
  groups: Record<string, GroupRates>;
  baseline_groups?: Record<string, GroupRates>;
  /** Groups with fewer than min_slice_rows rows: reported, left out of the metric and its tests. */
  untested_groups: string[];
} & Omit<MetricOutcome, 'min_detectable_target' | 'mcnemar_p'>;

export interface FairnessInput {
  config: FairnessConfig;
  kind: ModelKind;
  rows: number;
  /** Attribute name → its column as strings. */
  columns: Map<string, (string | null)[]>;
  candidate?: ClassificationInput;
  baseline?: ClassificationInput;
  alpha: number;
  absolute: 'point' | 'interval';
  resamples: number;
  seed: number;
  minSliceRows: number;
  minDetectable?: number | Record<string, number>;
}

/** The metrics configured, checked against the task: one clear error for a name or bound that does not apply. */
export function fairnessThresholds(config: FairnessConfig, kind: ModelKind | undefined): Record<FairnessMetricName, FairnessThresholdConfig | undefined> {
  if (kind === 'regression') {
    throw new UserError('gate.fairness needs a binary classifier, but the task is regression', {
      where: { key: 'gate.fairness' },
      hint: "Selection rates, TPR and FPR are defined for decisions; remove gate.fairness for a regression model (compare its error per group with gate.slices instead).",
    });
  }
  if (kind === 'multiclass') {
    throw new UserError('gate.fairness needs a binary classifier, but the model predicts more than two classes', {
      where: { key: 'gate.fairness' },
      hint: 'Demographic parity and equalized odds are defined for one positive class; gate a multiclass model per group with gate.slices.',
    });
  }
  const out = Object.fromEntries(FAIRNESS_METRICS.map((m) => [m, undefined])) as Record<FairnessMetricName, FairnessThresholdConfig | undefined>;
  for (const [metric, threshold] of Object.entries(config.metrics ?? {})) {
    const key = `gate.fairness.metrics.${metric}`;
    if (!(FAIRNESS_METRICS as readonly string[]).includes(metric)) {
      const guess = suggestKey(metric, FAIRNESS_METRICS);
      throw new UserError(`fairness metric "${metric}" does not exist for a binary classifier`, { where: { key }, hint: `${guess ? `Did you mean "${guess}"? ` : ''}Fairness metrics: ${FAIRNESS_METRICS.join(', ')}.` });
    }
    const higher = fairnessHigherIsBetter(metric as FairnessMetricName);
    const wrong = higher ? (threshold.max !== undefined ? 'max' : threshold.max_rise !== undefined ? 'max_rise' : undefined) : threshold.min !== undefined ? 'min' : threshold.max_drop !== undefined ? 'max_drop' : undefined;
    if (wrong) {
      throw new UserError(`${metric} is better when ${higher ? 'higher' : 'lower'}, so it takes ${higher ? 'min and max_drop' : 'max and max_rise'}, not ${wrong}`, { where: { key } });
    }
    out[metric as FairnessMetricName] = threshold;
  }
  return out;
}

interface AttributeGroups {
  attribute: string;
  names: string[];
  rowsPerGroup: number[];
  tested: number[];
  rows: FairnessRows;
  baselineRows?: FairnessRows;
}

function binary(input: ClassificationInput): { truth: Uint8Array; predicted: Uint8Array } {
  const positive = input.positive ?? 1;
  return { truth: Uint8Array.from(input.truth, (c) => (c === positive ? 1 : 0)), predicted: Uint8Array.from(input.predicted, (c) => (c === positive ? 1 : 0)) };
}

function attributeGroups(attribute: string, values: (string | null)[], input: FairnessInput, candidate: ReturnType<typeof binary>, baseline?: ReturnType<typeof binary>): AttributeGroups {
  const index = new Map<string, number>();
  for (const value of values) {
    const key = value === null ? MISSING_GROUP : value;
    if (!index.has(key)) index.set(key, index.size);
  }
  if (index.size > MAX_GROUPS) {
    throw new UserError(`fairness attribute "${attribute}" has ${index.size} distinct values, more than ${MAX_GROUPS}`, {
      where: { key: 'gate.fairness.attributes' },
      hint: 'Name a column of groups (sex, age band, region), or bin a numeric column into bands in the holdout.',
    });
  }
  // Groups in sorted order, so the results do not depend on row order.
  const names = [...index.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const order = new Map(names.map((name, g) => [name, g]));
  const group = Int32Array.from(values, (v) => order.get(v === null ? MISSING_GROUP : v)!);
  const rowsPerGroup = names.map(() => 0);
  for (const g of group) rowsPerGroup[g]!++;
  const tested = names.map((_, g) => g).filter((g) => rowsPerGroup[g]! >= input.minSliceRows);
  return {
    attribute,
    names,
    rowsPerGroup,
    tested,
    rows: { groups: names.length, group, ...candidate },
    baselineRows: baseline ? { groups: names.length, group, ...baseline } : undefined,
  };
}

export interface FairnessGate {
  /** Interval tests for decide()'s Holm family. */
  tests: ExternalTest[];
  /** The outcomes, once decide() has judged the tests. */
  outcomes(): FairnessOutcome[];
}

/**
 * @param bootstrap runs the paired bootstrap (worker threads for large holdouts); default: in the
 * calling thread. Either way the resamples are the same.
 */
export async function fairnessGate(input: FairnessInput, bootstrap: BootstrapRunner = bootstrapRunner({ threads: 1 })): Promise<FairnessGate> {
  const thresholds = fairnessThresholds(input.config, input.kind);
  const configured = FAIRNESS_METRICS.filter((m) => input.config.metrics?.[m] !== undefined);
  const metrics: FairnessMetricName[] = configured.length ? configured : [...FAIRNESS_METRICS];
  const candidate = binary(input.candidate!);
  const baseline = input.baseline ? binary(input.baseline) : undefined;
  const tests: ExternalTest[] = [];
  const builders: (() => FairnessOutcome)[] = [];

  for (const attribute of input.config.attributes) {
    const groups = attributeGroups(attribute, input.columns.get(attribute)!, input, candidate, baseline);
    const counts = groupCounts(groups.rows);
    const baselineCounts = groups.baselineRows ? groupCounts(groups.baselineRows) : undefined;
    const enough = groups.tested.length >= 2;
    // Per resample: each group's weighted confusion counts, then each metric over the tested groups.
    const samples = await bootstrap.bootstrap(
      prepareFairness(groups.rows, metrics, groups.tested),
      groups.baselineRows ? prepareFairness(groups.baselineRows, metrics, groups.tested) : undefined,
      { resamples: enough ? input.resamples : 0, seed: deriveSeed(input.seed, `fairness:${attribute}`) },
    );
    const candidateSamples = samples.candidate;
    const deltaSamples = samples.delta;
    const rateMap = (k: Float64Array) => Object.fromEntries(groups.names.map((name, g) => [name, groupRates(k, g)]));
    metrics.forEach((metric, m) => {
      const judge = new MetricJudge({
        attribute,
        metric,
        threshold: thresholds[metric],
        candidate: finite(fairnessMetric(metric, counts, groups.tested)),
        baseline: baselineCounts ? finite(fairnessMetric(metric, baselineCounts, groups.tested)) : null,
        candidateSamples: candidateSamples[m]!,
        deltaSamples: deltaSamples?.[m],
        enough,
        rows: input.rows,
        input,
      });
      tests.push(...judge.tests());
      builders.push(() => ({
        attribute,
        metric,
        groups: rateMap(counts),
        ...(baselineCounts ? { baseline_groups: rateMap(baselineCounts) } : {}),
        untested_groups: groups.names.filter((_, g) => !groups.tested.includes(g)),
        ...judge.outcome(),
      }));
    });
  }
  return { tests, outcomes: () => builders.map((build) => build()) };
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** The gate's verdict with the fairness outcomes folded in (they are whole-holdout results). */
export function withFairness(base: { verdict: Verdict; reasons: string[] }, outcomes: FairnessOutcome[]): { verdict: Verdict; reasons: string[] } {
  const reasons = [...base.reasons];
  const undecided: Verdict[] = [base.verdict];
  for (const o of outcomes) {
    if (o.verdict === 'fail') reasons.push(`${o.metric} across ${o.attribute}: ${(o.failed_rules ?? [o.rule]).join('; ')}`);
    else if (o.verdict === 'inconclusive' || o.verdict === 'insufficient-evidence') undecided.push(o.verdict);
  }
  if (reasons.length) return { verdict: 'fail', reasons };
  return { verdict: worst(undecided), reasons };
}
