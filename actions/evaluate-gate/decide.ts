/**
 * The gate's decision rule (docs/evaluate-gate.md, "Policy"). Each threshold becomes a rule:
 *   - change (max_drop / max_rise = h against the baseline; Δ = candidate − baseline): a two-sided
 *     test of "Δ equals the boundary −h" (+h for lower-is-better), judged under Holm:
 *       · h > 0, non-inferiority: pass when the test rejects with Δ above −h; fail otherwise.
 *       · h = 0, no detected regression: fail when Δ is significantly below 0; pass otherwise.
 *     Either way, when the holdout could not detect the regression that matters (the minimum
 *     detectable effect at 80 % power exceeds min_detectable, or h), a result that is not a
 *     confident failure is `insufficient-evidence`, with the holdout size it would take.
 *   - floor/ceiling (min / max) on the point estimate: pass or fail (overall only); or, with
 *     `absolute: interval`, on the candidate's own interval, three-way (pass, fail, inconclusive).
 * One quantity decides and is reported: each test's p-value. Holm's step-down procedure runs over
 * all tests (metrics × slices); a test is rejected when its Holm-adjusted p-value is ≤ alpha, and
 * which side of the boundary the evidence lies on comes from the same test (the sign of Tango's
 * statistic, the larger bootstrap tail), never from an interpolated interval. The reported interval
 * is the inversion of that test (Tango's score interval for accuracy, the bootstrap p-value's order
 * statistics otherwise) at the level the test was judged at: alpha / (m − rank + 1), or, once Holm
 * has stopped, the level of the first test it did not reject. So the reported interval excludes
 * the boundary exactly when the Holm-adjusted p-value is ≤ alpha.
 * Slices: only a confident failure counts towards the overall verdict; other slice outcomes are
 * reported, not gated (slices are small, and lack of evidence there is the normal case).
 * Undefined metrics (precision without predicted positives, recall without positives, AUC with one
 * class; shared/stats/undefined-metrics.ts): a point estimate that is undefined, or a bootstrap
 * test whose metric fewer than half of the resamples define, is not a test. It takes no place in
 * Holm's family (so it neither decides nor makes the other tests stricter), has no p-value, and
 * its rule is `insufficient-evidence`: the holdout lacks the rows that define the metric.
 */
import type { MetricThresholdConfig } from '../../shared/config/sections/gate.js';
import { bootstrapInterval, bootstrapPValue } from '../../shared/stats/bootstrap.js';
import { holm, type HolmStep } from '../../shared/stats/holm.js';
import { higherIsBetter } from '../../shared/stats/metric-names.js';
import { accuracyDifferenceInterval, accuracyDifferencePValue, mcnemarExact, tangoStatistic, type DiscordantCounts } from '../../shared/stats/paired-accuracy.js';
import { formatNumber } from '../../shared/report/markdown.js';
import { definedOnEnoughResamples, undefinedCause, undefinedCount, undefinedOnResamples } from '../../shared/stats/undefined-metrics.js';
import { levelText, minDetectableTarget, powerOf, worst, type Power } from './judging.js';

/** Stable strings: register and deploy read them. `insufficient-evidence`: the holdout is too small to judge. */
export type Verdict = 'pass' | 'fail' | 'inconclusive' | 'insufficient-evidence';
/** What an ungated metric carries instead of a verdict. */
export type MetricVerdict = Verdict | 'reported';

export interface MetricEvidence {
  candidate: number | null;
  baseline: number | null;
  candidateSamples: Float64Array;
  deltaSamples?: Float64Array;
  /** Accuracy only, when there is a baseline: exact tests on the discordant rows. */
  discordant?: DiscordantCounts;
}

export interface GroupEvidence {
  /** undefined for the whole holdout. */
  slice?: { column: string; value: string };
  rows: number;
  /** Too few rows for tests: reported only. */
  untested?: boolean;
  metrics: Map<string, MetricEvidence>;
}

export interface Policy {
  alpha: number;
  thresholds: Record<string, MetricThresholdConfig>;
  absolute: 'point' | 'interval';
  hasBaseline: boolean;
  /** gate.min_detectable: one value for every metric, or per metric. */
  minDetectable?: number | Record<string, number>;
  /** Tests decided elsewhere (fairness) that join the Holm family; each is told its step. */
  external?: ExternalTest[];
}

/** A test from outside the metric rules: its p-value ranks it in Holm's family; `judged` receives the step. */
export interface ExternalTest {
  pValue: number;
  judged(step: HolmStep, familySize: number): void;
}

// A type alias (not an interface) so it fits the run record's loose object schema.
export type MetricOutcome = {
  candidate: number | null;
  baseline: number | null;
  delta: number | null;
  ci: [number, number] | null;
  ci_level: number;
  candidate_ci: [number, number] | null;
  verdict: MetricVerdict;
  rule: string;
  gated: boolean;
  /** Smallest change against the baseline this holdout detects with 80 % power (gated change tests). */
  min_detectable?: number;
  /** The regression the holdout must be able to detect (min_detectable, else the allowed drop). */
  min_detectable_target?: number;
  /** With insufficient evidence: rows the holdout would need (the paired variance scales as 1/n). */
  rows_needed?: number;
  direction: 'higher' | 'lower';
  p_value?: number;
  p_adjusted?: number;
  mcnemar_p?: number;
  /** The rules that failed, for the one-line reason. */
  failed_rules?: string[];
  /** Why the value or an interval is undefined (null, "n/a" in reports), e.g. "no predicted positives". */
  undefined_reason?: string;
};

export interface GroupOutcome {
  slice?: { column: string; value: string };
  rows: number;
  metrics: Record<string, MetricOutcome>;
}

interface IntervalTest {
  group: number;
  metric: string;
  kind: 'change' | 'absolute';
  /** The value the interval is compared with. */
  boundary: number;
  /** 'above': pass when the interval is ≥ boundary; 'below': pass when ≤ boundary. */
  side: 'above' | 'below';
  label: string;
  pValue: number;
  /** Whether the test's own evidence lies below the boundary (its statistic's sign). */
  estimateBelow: boolean;
  interval(alpha: number): [number, number] | null;
  /** Change tests: the allowed harm h (≥ 0) and the regression the holdout must detect. */
  allowed?: number;
  target?: number;
  rows: number;
  overall: boolean;
}

interface RuleResult {
  verdict: Verdict;
  text: string;
}

export function decide(groups: GroupEvidence[], policy: Policy): GroupOutcome[] {
  const tests: IntervalTest[] = [];
  const ruleResults = groups.map(() => new Map<string, RuleResult[]>());
  const notes = groups.map(() => new Map<string, string>());
  const push = (g: number, metric: string, result: RuleResult) => {
    const list = ruleResults[g]!.get(metric) ?? [];
    list.push(result);
    ruleResults[g]!.set(metric, list);
  };

  groups.forEach((group, g) => {
    for (const [metric, threshold] of Object.entries(policy.thresholds)) {
      const evidence = group.metrics.get(metric);
      if (!evidence) continue;
      const higher = higherIsBetter(metric);
      const overall = group.slice === undefined;
      for (const bound of ['min', 'max'] as const) {
        const value = threshold[bound];
        if (value === undefined) continue;
        const side = bound === 'min' ? 'above' : 'below';
        const label = `${metric} ${bound === 'min' ? '≥' : '≤'} ${formatNumber(value)}`;
        if (policy.absolute === 'point') {
          if (!overall) continue;
          if (evidence.candidate === null) push(g, metric, { verdict: 'insufficient-evidence', text: `${label}: n/a, undefined on this holdout (${undefinedCause(metric)}); not decidable` });
          else {
            const ok = side === 'above' ? evidence.candidate >= value : evidence.candidate <= value;
            push(g, metric, { verdict: ok ? 'pass' : 'fail', text: `${label} (point estimate ${formatNumber(evidence.candidate)})` });
          }
          continue;
        }
        if (group.untested) continue;
        if (!definedOnEnoughResamples(evidence.candidateSamples)) {
          push(g, metric, { verdict: 'insufficient-evidence', text: `${label} (interval of the candidate): n/a, ${undefinedOnResamples(evidence.candidateSamples, undefinedCause(metric))}; not tested` });
          continue;
        }
        tests.push({
          group: g,
          metric,
          kind: 'absolute',
          boundary: value,
          side,
          label: `${label} (interval of the candidate)`,
          ...bootstrapTest(evidence.candidateSamples, value),
          interval: (a) => bootstrapInterval(evidence.candidateSamples, a),
          rows: group.rows,
          overall,
        });
      }
      const allowed = higher ? threshold.max_drop : threshold.max_rise;
      if (allowed === undefined) continue;
      if (!policy.hasBaseline) {
        if (overall) notes[g]!.set(metric, `${higher ? 'max_drop' : 'max_rise'} not applied: no baseline (first run)`);
        continue;
      }
      const target = minDetectableTarget(metric, allowed, policy.minDetectable, evidence.baseline);
      if (group.untested) continue;
      const boundary = higher ? -allowed : allowed;
      const label = `Δ ${metric} ${higher ? '≥' : '≤'} ${formatNumber(boundary)}`;
      if (metric === 'accuracy' && evidence.discordant) {
        const counts = evidence.discordant;
        tests.push({
          group: g,
          metric,
          kind: 'change',
          boundary,
          side: higher ? 'above' : 'below',
          label: `${label} (Tango's score test, ${counts.candidateOnly + counts.baselineOnly} discordant of ${counts.rows} rows)`,
          pValue: accuracyDifferencePValue(counts, boundary),
          estimateBelow: tangoStatistic(counts, boundary) < 0,
          interval: (a) => accuracyDifferenceInterval(counts, a),
          allowed,
          target,
          rows: group.rows,
          overall,
        });
      } else if (evidence.deltaSamples && !definedOnEnoughResamples(evidence.deltaSamples)) {
        push(g, metric, { verdict: 'insufficient-evidence', text: `${label} (paired bootstrap): n/a, ${undefinedOnResamples(evidence.deltaSamples, changeCause(metric, evidence))}; not tested` });
      } else if (evidence.deltaSamples) {
        const samples = evidence.deltaSamples;
        tests.push({
          group: g,
          metric,
          kind: 'change',
          boundary,
          side: higher ? 'above' : 'below',
          label: `${label} (paired bootstrap)`,
          ...bootstrapTest(samples, boundary),
          interval: (a) => bootstrapInterval(samples, a),
          allowed,
          target,
          rows: group.rows,
          overall,
        });
      }
    }
  });

  const external = policy.external ?? [];
  const steps = holm([...tests.map((t) => t.pValue), ...external.map((t) => t.pValue)], policy.alpha);
  const levels = judgedLevels(steps, policy.alpha);
  external.forEach((t, i) => t.judged({ ...steps[tests.length + i]!, level: levels[tests.length + i]! }, steps.length));
  const order = tests.map((_, i) => i).sort((a, b) => steps[a]!.rank - steps[b]!.rank);
  const changeIntervals = new Map<string, { ci: [number, number] | null; level: number; p: number; adjusted: number; power?: Power }>();
  for (const i of order) {
    const test = tests[i]!;
    const step = steps[i]!;
    const level = levels[i]!;
    const rejected = step.adjusted <= policy.alpha;
    const ci = test.interval(level);
    // Which side of the boundary the evidence lies on, from the test itself (meaningful when rejected).
    const beyond = test.side === 'above' ? test.estimateBelow : !test.estimateBelow;
    const power = test.kind === 'change' && ci && test.target !== undefined ? powerOf(ci, level, test.target, test.rows) : undefined;
    let verdict: Verdict;
    let why: string;
    if (!ci) {
      // Not reached: tests of undefined metrics are left out of the family above.
      verdict = 'insufficient-evidence';
      why = 'n/a, undefined on too many resamples';
    } else if (rejected && beyond) {
      verdict = 'fail';
      why = test.allowed === 0 ? 'significantly worse than the baseline' : 'interval wholly beyond the boundary';
    } else if (rejected) {
      verdict = 'pass';
      why = test.kind === 'change' ? (test.allowed === 0 ? 'significantly better than the baseline' : 'non-inferior: interval wholly within the allowed change') : 'interval wholly within the bound';
    } else if (test.kind === 'absolute') {
      verdict = 'inconclusive';
      why = step.stopped ? 'Holm: an earlier test was not rejected' : 'interval contains the boundary';
    } else if (power && power.insufficient) {
      verdict = 'insufficient-evidence';
      why = `the holdout detects a change of ${formatNumber(power.detectable)} with 80 % power, more than ${formatNumber(test.target!)}; about ${power.rowsNeeded} rows needed`;
    } else if (test.allowed === 0) {
      verdict = 'pass';
      why = `no significant regression (the holdout detects ${formatNumber(power!.detectable)} with 80 % power)`;
    } else {
      verdict = 'fail';
      why = step.stopped ? 'non-inferiority not shown (Holm: an earlier test was not rejected)' : 'non-inferiority not shown: the interval reaches beyond the allowed change';
    }
    // Slices: only a confident failure is gated; anything else is reported with its reason.
    if (!test.overall && verdict === 'fail' && !(rejected && beyond)) verdict = power?.insufficient ? 'insufficient-evidence' : 'inconclusive';
    push(test.group, test.metric, { verdict, text: `${test.label}: ${why} (${levelText(ci, level, test.pValue, step, steps.length)})` });
    if (test.kind === 'change') changeIntervals.set(`${test.group}\u0000${test.metric}`, { ci, level, p: test.pValue, adjusted: step.adjusted, power });
  }

  return groups.map((group, g) => {
    const metrics: Record<string, MetricOutcome> = {};
    for (const [metric, evidence] of group.metrics) {
      const results = ruleResults[g]!.get(metric) ?? [];
      const change = changeIntervals.get(`${g}\u0000${metric}`);
      const ci = change ? change.ci : evidence.discordant ? accuracyDifferenceInterval(evidence.discordant, policy.alpha) : evidence.deltaSamples ? bootstrapInterval(evidence.deltaSamples, policy.alpha) : null;
      const gated = results.length > 0;
      const verdict: MetricVerdict = !gated ? 'reported' : worst(results.map((r) => r.verdict));
      const note = notes[g]!.get(metric);
      const outcome: MetricOutcome = {
        candidate: evidence.candidate,
        baseline: evidence.baseline,
        delta: evidence.candidate !== null && evidence.baseline !== null ? evidence.candidate - evidence.baseline : null,
        ci,
        ci_level: 1 - (change?.level ?? policy.alpha),
        candidate_ci: bootstrapInterval(evidence.candidateSamples, policy.alpha),
        verdict,
        rule: gated ? [...results.map((r) => r.text), ...(note ? [note] : [])].join('; ') : group.untested ? `reported only (fewer rows than min_slice_rows)` : note ? `reported only (${note})` : 'reported only (no threshold)',
        gated,
        direction: higherIsBetter(metric) ? 'higher' : 'lower',
      };
      if (change) {
        outcome.p_value = change.p;
        outcome.p_adjusted = change.adjusted;
        if (change.power) {
          outcome.min_detectable = change.power.detectable;
          outcome.min_detectable_target = change.power.target;
          if (change.power.insufficient) outcome.rows_needed = change.power.rowsNeeded;
        }
      }
      if (evidence.discordant) outcome.mcnemar_p = mcnemarExact(evidence.discordant);
      const reason = undefinedReason(metric, evidence, outcome);
      if (reason) outcome.undefined_reason = reason;
      const failed = results.filter((r) => r.verdict === 'fail').map((r) => r.text);
      if (failed.length) outcome.failed_rules = failed;
      metrics[metric] = outcome;
    }
    return { slice: group.slice, rows: group.rows, metrics };
  });
}

/**
 * The bootstrap test of "statistic = boundary" (only for metrics that at least half of the
 * resamples define): its p-value and the side of the boundary the larger share of resamples lies on.
 */
function bootstrapTest(samples: Float64Array, boundary: number): { pValue: number; estimateBelow: boolean } {
  let below = 0;
  let above = 0;
  for (const value of samples) {
    if (value < boundary) below++;
    else if (value > boundary) above++;
  }
  return { pValue: bootstrapPValue(samples, boundary), estimateBelow: below > above };
}

/** Why the outcome's value or an interval is n/a; undefined when everything it reports is defined. */
function undefinedReason(metric: string, evidence: MetricEvidence, outcome: MetricOutcome): string | undefined {
  const cause = undefinedCause(metric);
  if (evidence.candidate === null) return `undefined on these rows (${cause})`;
  if (evidence.candidateSamples.length === 0) return undefined;
  const candidateUndefined = outcome.candidate_ci === null;
  const deltaUndefined = outcome.ci === null && evidence.deltaSamples !== undefined && evidence.deltaSamples.length > 0 && !evidence.discordant;
  if (!candidateUndefined && !deltaUndefined) return undefined;
  const delta = deltaUndefined && (!candidateUndefined || undefinedCount(evidence.deltaSamples!) > undefinedCount(evidence.candidateSamples));
  return delta ? undefinedOnResamples(evidence.deltaSamples!, changeCause(metric, evidence)) : undefinedOnResamples(evidence.candidateSamples, cause);
}

/** Why Δ is undefined: the metric's own cause, or the baseline's lack of it when only the candidate has it. */
function changeCause(metric: string, evidence: MetricEvidence): string {
  return evidence.candidate !== null && evidence.baseline === null ? `the baseline's ${metric} is undefined or not computed on these rows` : undefinedCause(metric);
}

/**
 * Overall verdict: any gated failure fails (slices included); otherwise an overall metric with
 * insufficient evidence makes it insufficient-evidence, then an inconclusive one inconclusive.
 */
export function overallVerdict(outcomes: GroupOutcome[]): { verdict: Verdict; reasons: string[] } {
  const reasons: string[] = [];
  const undecided: string[] = [];
  for (const group of outcomes) {
    const where = group.slice ? ` in slice ${group.slice.column}=${group.slice.value}` : '';
    for (const [metric, outcome] of Object.entries(group.metrics)) {
      if (outcome.verdict === 'fail') reasons.push(`${metric}${where}: ${(outcome.failed_rules ?? [outcome.rule]).join('; ')}`);
      else if (!group.slice && (outcome.verdict === 'inconclusive' || outcome.verdict === 'insufficient-evidence')) undecided.push(outcome.verdict);
    }
  }
  if (reasons.length) return { verdict: 'fail', reasons };
  return { verdict: worst(undecided as Verdict[]), reasons };
}

export interface StepPolicy {
  inconclusive: 'fail' | 'warn' | 'pass';
  insufficient: 'fail' | 'warn' | 'pass';
  overridden: boolean;
}

/** Whether the step passes: pass does; inconclusive and insufficient-evidence per their policy; fail only when overridden. */
export function stepPasses(verdict: Verdict, policy: StepPolicy): boolean {
  if (verdict === 'pass') return true;
  if (verdict === 'inconclusive') return policy.inconclusive !== 'fail';
  if (verdict === 'insufficient-evidence') return policy.insufficient !== 'fail';
  return policy.overridden;
}

/**
 * The level each test of the family is judged and reported at: its Holm step's, except that once
 * Holm stops (the first test in rank order not rejected), every later test — metric or fairness —
 * is judged no more leniently than that one.
 */
function judgedLevels(steps: readonly HolmStep[], alpha: number): number[] {
  const order = steps.map((_, i) => i).sort((a, b) => steps[a]!.rank - steps[b]!.rank);
  const levels = steps.map((step) => step.level);
  let stopLevel: number | undefined;
  for (const i of order) {
    if (stopLevel !== undefined) levels[i] = stopLevel;
    else if (steps[i]!.adjusted > alpha) stopLevel = steps[i]!.level;
  }
  return levels;
}
