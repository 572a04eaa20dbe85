/**
 * The rules of one attribute × fairness metric, judged like decide.ts judges gate.metrics:
 * min/max on the point estimate (absolute: point) or as a test of the candidate's bootstrap
 * interval (absolute: interval); max_rise/max_drop as a paired test of candidate − baseline
 * against ±h, with decide.ts's power check (insufficient-evidence and rows_needed). The tests are
 * handed to decide() (Policy.external) so that Holm's procedure ranks them with the metric tests.
 * A metric undefined on the holdout, or on more than half of the resamples, is not a test (as in
 * decide.ts): no place in Holm's family, no p-value, and the rule is insufficient-evidence.
 */
import type { FairnessMetricName, FairnessThresholdConfig } from '../../shared/config/sections/governance.js';
import { fairnessHigherIsBetter, fairnessUndefinedCause } from '../../shared/governance/fairness.js';
import { formatNumber } from '../../shared/report/markdown.js';
import { bootstrapInterval, bootstrapPValue } from '../../shared/stats/bootstrap.js';
import { definedOnEnoughResamples, undefinedOnResamples } from '../../shared/stats/undefined-metrics.js';
import type { ExternalTest, MetricVerdict, Verdict } from './decide.js';
import { levelText, minDetectableTarget, powerOf, worst } from './judging.js';
import type { FairnessInput, FairnessOutcome } from './fairness-gate.js';

export interface JudgeInput {
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
export class MetricJudge {
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
        if (j.candidate === null) this.rules.push({ verdict: 'insufficient-evidence', text: `${label}: n/a, undefined on this holdout (${fairnessUndefinedCause(j.metric)}); not decidable` });
        else {
          const ok = side === 'above' ? j.candidate >= value : j.candidate <= value;
          this.rules.push({ verdict: ok ? 'pass' : 'fail', text: `${label} (point estimate ${formatNumber(j.candidate)})` });
        }
        continue;
      }
      const samples = j.candidateSamples;
      if (!definedOnEnoughResamples(samples)) {
        this.rules.push({ verdict: 'insufficient-evidence', text: `${label} (interval of the candidate): n/a, ${undefinedOnResamples(samples, fairnessUndefinedCause(j.metric))}; not tested` });
        continue;
      }
      const pValue = bootstrapPValue(samples, value);
      out.push({
        pValue,
        judged: (step, family) => {
          const ci = bootstrapInterval(samples, step.level);
          const rejected = ci !== null && step.adjusted <= j.input.alpha;
          const beyond = ci !== null && (side === 'above' ? ci[1] < value : ci[0] > value);
          const verdict: Verdict = !ci ? 'inconclusive' : rejected && beyond ? 'fail' : rejected ? 'pass' : 'inconclusive';
          const why = !ci ? 'undefined on too many resamples' : rejected && beyond ? 'interval wholly beyond the bound' : rejected ? 'interval wholly within the bound' : step.stopped ? 'Holm: an earlier test was not rejected' : 'interval contains the boundary';
          this.rules.push({ verdict, text: `${label} (interval of the candidate): ${why} (${levelText(ci, step.level, pValue, step, family)})` });
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
    const target = minDetectableTarget(j.metric, allowed, j.input.minDetectable, j.baseline);
    if (!definedOnEnoughResamples(samples)) {
      this.rules.push({ verdict: 'insufficient-evidence', text: `Δ ${name} ${higher ? '≥' : '≤'} ${formatNumber(boundary)} (paired bootstrap): n/a, ${undefinedOnResamples(samples, fairnessUndefinedCause(j.metric))}; not tested` });
      return out;
    }
    const pValue = bootstrapPValue(samples, boundary);
    out.push({
      pValue,
      judged: (step, family) => {
        const ci = bootstrapInterval(samples, step.level);
        const rejected = ci !== null && step.adjusted <= j.input.alpha;
        const beyond = ci !== null && (side === 'above' ? ci[1] < boundary : ci[0] > boundary);
        const power = ci ? powerOf(ci, step.level, target, j.rows) : undefined;
        const detectable = power?.detectable;
        const rowsNeeded = power?.insufficient ? power.rowsNeeded : undefined;
        let verdict: Verdict;
        let why: string;
        if (!ci) [verdict, why] = ['insufficient-evidence', 'undefined on too many resamples'];
        else if (rejected && beyond) [verdict, why] = ['fail', allowed === 0 ? 'significantly less fair than the baseline' : 'interval wholly beyond the allowed change'];
        else if (rejected) [verdict, why] = ['pass', allowed === 0 ? 'significantly fairer than the baseline' : 'non-inferior: interval wholly within the allowed change'];
        else if (rowsNeeded !== undefined) [verdict, why] = ['insufficient-evidence', `the holdout detects a change of ${formatNumber(detectable!)} with 80 % power, more than ${formatNumber(target)}; about ${rowsNeeded} rows needed`];
        else if (allowed === 0) [verdict, why] = ['pass', `no significant rise (the holdout detects ${formatNumber(detectable!)} with 80 % power)`];
        else [verdict, why] = ['fail', 'non-inferiority not shown: the interval reaches beyond the allowed change'];
        const label = `Δ ${name} ${higher ? '≥' : '≤'} ${formatNumber(boundary)} (paired bootstrap)`;
        this.rules.push({ verdict, text: `${label}: ${why} (${levelText(ci, step.level, pValue, step, family)})` });
        this.change = { ci, level: step.level, p: pValue, adjusted: step.adjusted, detectable, rowsNeeded };
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
      ...this.undefinedReason(ci),
    };
  }

  /** Why the value or an interval is n/a (nothing when all are defined). */
  private undefinedReason(ci: [number, number] | null): { undefined_reason?: string } {
    const { j } = this;
    const cause = fairnessUndefinedCause(j.metric);
    if (!j.enough) return { undefined_reason: `fewer than two groups with min_slice_rows (${j.input.minSliceRows}) rows` };
    if (j.candidate === null) return { undefined_reason: `undefined on these rows (${cause})` };
    if (!definedOnEnoughResamples(j.candidateSamples)) return { undefined_reason: undefinedOnResamples(j.candidateSamples, cause) };
    if (ci === null && j.deltaSamples && j.baseline !== null) return { undefined_reason: undefinedOnResamples(j.deltaSamples, cause) };
    return {};
  }
}
