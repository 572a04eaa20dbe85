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
import { formatNumber } from '../../shared/report/markdown.js';
import { bootstrapInterval, bootstrapPValue, drawResample } from '../../shared/stats/bootstrap.js';
import type { ClassificationInput } from '../../shared/stats/classification.js';
import type { HolmStep } from '../../shared/stats/holm.js';
import { normalUpperQuantile } from '../../shared/stats/normal.js';
import { deriveSeed, Xoshiro128 } from '../../shared/stats/prng.js';
import type { ModelKind } from '../../shared/stats/metric-names.js';
import { POWER, DEFAULT_MIN_DETECTABLE, type ExternalTest, type MetricVerdict, type Verdict } from './decide.js';

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
  candidate: number | null;
  baseline: number | null;
  delta: number | null;
  /** Interval of candidate − baseline (paired bootstrap; the Holm level when a change rule tested it). */
  ci: [number, number] | null;
  ci_level: number;
  candidate_ci: [number, number] | null;
  verdict: MetricVerdict;
  rule: string;
  gated: boolean;
  direction: 'higher' | 'lower';
  p_value?: number;
  p_adjusted?: number;
  min_detectable?: number;
  rows_needed?: number;
  failed_rules?: string[];
};

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

export function fairnessGate(input: FairnessInput): FairnessGate {
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
    const resamples = enough ? input.resamples : 0;
    const candidateSamples = metrics.map(() => new Float64Array(resamples));
    const deltaSamples = baselineCounts ? metrics.map(() => new Float64Array(resamples)) : undefined;
    const rng = new Xoshiro128(deriveSeed(input.seed, `fairness:${attribute}`));
    const weights = new Int32Array(input.rows);
    const c = new Float64Array(groups.names.length * 4);
    const b = new Float64Array(groups.names.length * 4);
    for (let r = 0; r < resamples; r++) {
      drawResample(rng, weights);
      groupCounts(groups.rows, weights, c);
      if (groups.baselineRows) groupCounts(groups.baselineRows, weights, b);
      metrics.forEach((metric, m) => {
        const value = fairnessMetric(metric, c, groups.tested);
        candidateSamples[m]![r] = value;
        if (deltaSamples) deltaSamples[m]![r] = value - fairnessMetric(metric, b, groups.tested);
      });
    }
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

interface JudgeInput {
  attribute: string;
  metric: FairnessMetricName;
  threshold?: FairnessThresholdConfig;
  candidate: number | null;
  baseline: number | null;
  candidateSamples: Float64Array;
  deltaSamples?: Float64Array;
  /** At least two groups with min_slice_rows rows. */
  enough: boolean;
  rows: number;
  input: FairnessInput;
}

interface Rule {
  verdict: Verdict;
  text: string;
}

/** The rules of one attribute × metric, judged like decide.ts judges gate.metrics. */
class MetricJudge {
  private readonly rules: Rule[] = [];
  private readonly notes: string[] = [];
  private change?: { ci: [number, number] | null; level: number; p: number; adjusted: number; detectable?: number; rowsNeeded?: number };

  constructor(private readonly j: JudgeInput) {}

  tests(): ExternalTest[] {
    const { j } = this;
    const threshold = j.threshold;
    if (!threshold) return [];
    const out: ExternalTest[] = [];
    const higher = fairnessHigherIsBetter(j.metric);
    const name = `${j.metric}(${j.attribute})`;
    if (!j.enough) {
      this.notes.push(`not tested: fewer than two groups of ${j.attribute} have min_slice_rows (${j.input.minSliceRows}) rows`);
      return [];
    }
    for (const bound of ['min', 'max'] as const) {
      const value = threshold[bound];
      if (value === undefined) continue;
      const side = bound === 'min' ? 'above' : 'below';
      const label = `${name} ${bound === 'min' ? '≥' : '≤'} ${formatNumber(value)}`;
      if (j.input.absolute === 'point') {
        if (j.candidate === null) this.rules.push({ verdict: 'inconclusive', text: `${label}: undefined on this holdout (a group without positives, negatives or positive decisions)` });
        else {
          const ok = side === 'above' ? j.candidate >= value : j.candidate <= value;
          this.rules.push({ verdict: ok ? 'pass' : 'fail', text: `${label} (point estimate ${formatNumber(j.candidate)})` });
        }
        continue;
      }
      const samples = j.candidateSamples;
      out.push({
        pValue: bootstrapPValue(samples, value),
        judged: (step, family) => {
          const ci = bootstrapInterval(samples, step.level);
          const rejected = ci !== null && step.adjusted <= j.input.alpha;
          const beyond = ci !== null && (side === 'above' ? ci[1] < value : ci[0] > value);
          const verdict: Verdict = !ci ? 'inconclusive' : rejected && beyond ? 'fail' : rejected ? 'pass' : 'inconclusive';
          const why = !ci ? 'undefined on too many resamples' : rejected && beyond ? 'interval wholly beyond the bound' : rejected ? 'interval wholly within the bound' : step.stopped ? 'Holm: an earlier test was not rejected' : 'interval contains the boundary';
          this.rules.push({ verdict, text: `${label} (interval of the candidate): ${why} (${levelText(ci, step, samples, value, family)})` });
        },
      });
    }
    const allowed = higher ? threshold.max_drop : threshold.max_rise;
    if (allowed === undefined) return out;
    if (!j.deltaSamples) {
      this.notes.push(`${higher ? 'max_drop' : 'max_rise'} not applied: no baseline (first run)`);
      return out;
    }
    const samples = j.deltaSamples;
    const boundary = higher ? -allowed : allowed;
    const side = higher ? 'above' : 'below';
    const configured = typeof j.input.minDetectable === 'number' ? j.input.minDetectable : j.input.minDetectable?.[j.metric];
    const target = configured ?? (allowed > 0 ? allowed : DEFAULT_MIN_DETECTABLE);
    out.push({
      pValue: bootstrapPValue(samples, boundary),
      judged: (step, family) => {
        const ci = bootstrapInterval(samples, step.level);
        const rejected = ci !== null && step.adjusted <= j.input.alpha;
        const beyond = ci !== null && (side === 'above' ? ci[1] < boundary : ci[0] > boundary);
        let detectable: number | undefined;
        let rowsNeeded: number | undefined;
        if (ci) {
          const z = normalUpperQuantile(step.level / 2);
          detectable = (z + normalUpperQuantile(1 - POWER)) * ((ci[1] - ci[0]) / (2 * z));
          if (detectable > target) rowsNeeded = Math.ceil(j.rows * (detectable / target) ** 2);
        }
        let verdict: Verdict;
        let why: string;
        if (!ci) [verdict, why] = ['insufficient-evidence', 'undefined on too many resamples'];
        else if (rejected && beyond) [verdict, why] = ['fail', allowed === 0 ? 'significantly less fair than the baseline' : 'interval wholly beyond the allowed change'];
        else if (rejected) [verdict, why] = ['pass', allowed === 0 ? 'significantly fairer than the baseline' : 'non-inferior: interval wholly within the allowed change'];
        else if (rowsNeeded !== undefined) [verdict, why] = ['insufficient-evidence', `the holdout detects a change of ${formatNumber(detectable!)} with 80 % power, more than ${formatNumber(target)}; about ${rowsNeeded} rows needed`];
        else if (allowed === 0) [verdict, why] = ['pass', `no significant rise (the holdout detects ${formatNumber(detectable!)} with 80 % power)`];
        else [verdict, why] = ['fail', 'non-inferiority not shown: the interval reaches beyond the allowed change'];
        const label = `Δ ${name} ${higher ? '≥' : '≤'} ${formatNumber(boundary)} (paired bootstrap)`;
        this.rules.push({ verdict, text: `${label}: ${why} (${levelText(ci, step, samples, boundary, family)})` });
        this.change = { ci, level: step.level, p: bootstrapPValue(samples, boundary), adjusted: step.adjusted, detectable, rowsNeeded };
      },
    });
    return out;
  }

  outcome(): Omit<FairnessOutcome, 'attribute' | 'metric' | 'groups' | 'baseline_groups' | 'untested_groups'> {
    const { j } = this;
    const alpha = j.input.alpha;
    const gated = this.rules.length > 0;
    const verdict: MetricVerdict = gated ? worst(this.rules.map((r) => r.verdict)) : 'reported';
    const ci = this.change ? this.change.ci : j.deltaSamples ? bootstrapInterval(j.deltaSamples, alpha) : null;
    const failed = this.rules.filter((r) => r.verdict === 'fail').map((r) => r.text);
    const rule = gated ? [...this.rules.map((r) => r.text), ...this.notes].join('; ') : this.notes.length ? `reported only (${this.notes.join('; ')})` : 'reported only (no threshold)';
    return {
      candidate: j.candidate,
      baseline: j.baseline,
      delta: j.candidate !== null && j.baseline !== null ? j.candidate - j.baseline : null,
      ci,
      ci_level: 1 - (this.change?.level ?? alpha),
      candidate_ci: j.enough ? bootstrapInterval(j.candidateSamples, alpha) : null,
      verdict,
      rule,
      gated,
      direction: fairnessHigherIsBetter(j.metric) ? 'higher' : 'lower',
      ...(this.change ? { p_value: this.change.p, p_adjusted: this.change.adjusted } : {}),
      ...(this.change?.detectable !== undefined ? { min_detectable: this.change.detectable } : {}),
      ...(this.change?.rowsNeeded !== undefined ? { rows_needed: this.change.rowsNeeded } : {}),
      ...(failed.length ? { failed_rules: failed } : {}),
    };
  }
}

function levelText(ci: [number, number] | null, step: HolmStep, samples: Float64Array, boundary: number, family: number): string {
  return `${formatNumber((1 - step.level) * 100, 4)} % interval${ci ? ` [${formatNumber(ci[0])}, ${formatNumber(ci[1])}]` : ''}, p = ${formatNumber(bootstrapPValue(samples, boundary))}, Holm-adjusted ${formatNumber(step.adjusted)} (rank ${step.rank}/${family})`;
}

const SEVERITY: Verdict[] = ['fail', 'insufficient-evidence', 'inconclusive', 'pass'];
function worst(verdicts: Verdict[]): Verdict {
  return SEVERITY.find((v) => verdicts.includes(v)) ?? 'pass';
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
