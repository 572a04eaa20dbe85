/**
 * The gate's decision rule. Each threshold becomes a rule:
 *   - change (max_drop / max_rise against the baseline): with Δ = candidate − baseline and the
 *     allowed harm h, a higher-is-better metric passes when the whole interval of Δ is ≥ −h,
 *     fails when it is wholly < −h, and is inconclusive otherwise (mirrored for lower-is-better).
 *   - floor/ceiling (min / max) on the point estimate: pass or fail, no test (overall only);
 *     or, with `absolute: interval`, on the candidate's own interval, three-way as above.
 * Every interval rule is a test of "the value equals the boundary". Holm's step-down procedure
 * runs over all of them (metrics × slices): tests are ordered by p-value, the r-th of m is
 * judged with the interval at confidence 1 − alpha/(m − r + 1), and from the first test whose
 * interval contains its boundary on, every later one is inconclusive.
 * Slices: only a confident failure counts towards the overall verdict; an inconclusive slice
 * is reported, not gated (slices are small, and lack of evidence there is the normal case).
 */
import type { MetricThresholdConfig } from '../../shared/config/sections/gate.js';
import { bootstrapPValue, percentileInterval } from '../../shared/stats/bootstrap.js';
import { holm } from '../../shared/stats/holm.js';
import { higherIsBetter } from '../../shared/stats/metric-names.js';
import { accuracyDifferenceInterval, accuracyDifferencePValue, mcnemarExact, type DiscordantCounts } from '../../shared/stats/paired-accuracy.js';
import { formatNumber } from '../../shared/report/markdown.js';

export type Verdict = 'pass' | 'fail' | 'inconclusive';

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
}

// A type alias (not an interface) so it fits the run record's loose object schema.
export type MetricOutcome = {
  candidate: number | null;
  baseline: number | null;
  delta: number | null;
  ci: [number, number] | null;
  ci_level: number;
  candidate_ci: [number, number] | null;
  verdict: Verdict;
  rule: string;
  gated: boolean;
  direction: 'higher' | 'lower';
  p_value?: number;
  p_adjusted?: number;
  mcnemar_p?: number;
  /** The rules that failed, for the one-line reason. */
  failed_rules?: string[];
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
  interval(alpha: number): [number, number] | null;
}

interface RuleResult {
  verdict: Verdict;
  text: string;
}

export function decide(groups: GroupEvidence[], policy: Policy): GroupOutcome[] {
  const tests: IntervalTest[] = [];
  const ruleResults = groups.map(() => new Map<string, RuleResult[]>());
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
          if (evidence.candidate === null) push(g, metric, { verdict: 'inconclusive', text: `${label}: undefined on this holdout` });
          else {
            const ok = side === 'above' ? evidence.candidate >= value : evidence.candidate <= value;
            push(g, metric, { verdict: ok ? 'pass' : 'fail', text: `${label} (point estimate ${formatNumber(evidence.candidate)})` });
          }
          continue;
        }
        if (group.untested) continue;
        tests.push({
          group: g,
          metric,
          kind: 'absolute',
          boundary: value,
          side,
          label: `${label} (interval of the candidate)`,
          pValue: bootstrapPValue(evidence.candidateSamples, value),
          interval: (a) => percentileInterval(evidence.candidateSamples, a),
        });
      }
      const allowed = higher ? threshold.max_drop : threshold.max_rise;
      if (allowed === undefined) continue;
      if (!policy.hasBaseline) {
        if (overall) push(g, metric, { verdict: 'pass', text: `${higher ? 'max_drop' : 'max_rise'} not applied: no baseline (first run)` });
        continue;
      }
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
          label: `${label} (exact test on ${counts.candidateOnly + counts.baselineOnly} discordant rows)`,
          pValue: accuracyDifferencePValue(counts, boundary),
          interval: (a) => accuracyDifferenceInterval(counts, a),
        });
      } else if (evidence.deltaSamples) {
        const samples = evidence.deltaSamples;
        tests.push({
          group: g,
          metric,
          kind: 'change',
          boundary,
          side: higher ? 'above' : 'below',
          label: `${label} (paired bootstrap)`,
          pValue: bootstrapPValue(samples, boundary),
          interval: (a) => percentileInterval(samples, a),
        });
      }
    }
  });

  const steps = holm(
    tests.map((t) => t.pValue),
    policy.alpha,
  );
  const order = tests.map((_, i) => i).sort((a, b) => steps[a]!.rank - steps[b]!.rank);
  const changeIntervals = new Map<string, { ci: [number, number] | null; level: number; p: number; adjusted: number }>();
  let stopped = false;
  for (const i of order) {
    const test = tests[i]!;
    const step = steps[i]!;
    const ci = test.interval(step.level);
    let verdict: Verdict = 'inconclusive';
    let why: string;
    if (!ci) {
      why = 'undefined on too many resamples';
      stopped = true;
    } else if (stopped) {
      why = `Holm: an earlier test was inconclusive`;
    } else if (test.side === 'above' ? ci[0] >= test.boundary : ci[1] <= test.boundary) {
      verdict = 'pass';
      why = `interval wholly ${test.side === 'above' ? 'above' : 'below'} the boundary`;
    } else if (test.side === 'above' ? ci[1] < test.boundary : ci[0] > test.boundary) {
      verdict = 'fail';
      why = `interval wholly beyond the boundary`;
    } else {
      why = 'interval contains the boundary';
      stopped = true;
    }
    const levelText = `${formatNumber((1 - step.level) * 100, 4)} % interval`;
    push(test.group, test.metric, { verdict, text: `${test.label}: ${why} (${levelText}${ci ? ` [${formatNumber(ci[0])}, ${formatNumber(ci[1])}]` : ''}, Holm rank ${step.rank}/${tests.length})` });
    if (test.kind === 'change') changeIntervals.set(`${test.group}\u0000${test.metric}`, { ci, level: step.level, p: test.pValue, adjusted: step.adjusted });
  }

  return groups.map((group, g) => {
    const metrics: Record<string, MetricOutcome> = {};
    for (const [metric, evidence] of group.metrics) {
      const results = ruleResults[g]!.get(metric) ?? [];
      const change = changeIntervals.get(`${g}\u0000${metric}`);
      const ci = change ? change.ci : evidence.discordant ? accuracyDifferenceInterval(evidence.discordant, policy.alpha) : evidence.deltaSamples ? percentileInterval(evidence.deltaSamples, policy.alpha) : null;
      const verdict: Verdict = results.some((r) => r.verdict === 'fail') ? 'fail' : results.some((r) => r.verdict === 'inconclusive') ? 'inconclusive' : 'pass';
      const outcome: MetricOutcome = {
        candidate: evidence.candidate,
        baseline: evidence.baseline,
        delta: evidence.candidate !== null && evidence.baseline !== null ? evidence.candidate - evidence.baseline : null,
        ci,
        ci_level: 1 - (change?.level ?? policy.alpha),
        candidate_ci: percentileInterval(evidence.candidateSamples, policy.alpha),
        verdict,
        rule: results.length ? results.map((r) => r.text).join('; ') : group.untested ? `reported only (fewer rows than min_slice_rows)` : 'reported only (no threshold)',
        gated: results.length > 0,
        direction: higherIsBetter(metric) ? 'higher' : 'lower',
      };
      if (change) {
        outcome.p_value = change.p;
        outcome.p_adjusted = change.adjusted;
      }
      if (evidence.discordant) outcome.mcnemar_p = mcnemarExact(evidence.discordant);
      const failed = results.filter((r) => r.verdict === 'fail').map((r) => r.text);
      if (failed.length) outcome.failed_rules = failed;
      metrics[metric] = outcome;
    }
    return { slice: group.slice, rows: group.rows, metrics };
  });
}

/** Overall verdict: any failure fails; an inconclusive overall metric makes it inconclusive; slices only fail. */
export function overallVerdict(outcomes: GroupOutcome[]): { verdict: Verdict; reasons: string[] } {
  const reasons: string[] = [];
  let inconclusive = false;
  for (const group of outcomes) {
    const where = group.slice ? ` in slice ${group.slice.column}=${group.slice.value}` : '';
    for (const [metric, outcome] of Object.entries(group.metrics)) {
      if (outcome.verdict === 'fail') reasons.push(`${metric}${where}: ${(outcome.failed_rules ?? [outcome.rule]).join('; ')}`);
      else if (outcome.verdict === 'inconclusive' && !group.slice) inconclusive = true;
    }
  }
  if (reasons.length) return { verdict: 'fail', reasons };
  return { verdict: inconclusive ? 'inconclusive' : 'pass', reasons };
}
