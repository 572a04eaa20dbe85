/**
 * The decision rule on hand-made evidence: one quantity decides and is reported (issue 13 #4),
 * ungated metrics are `reported`, and the power check.
 */
import { describe, expect, it } from 'vitest';
import { decide, overallVerdict, stepPasses, type GroupEvidence, type MetricEvidence } from '../../actions/evaluate-gate/decide.js';
import { Xoshiro128 } from '../../shared/stats/prng.js';

const flat = (value: number, n = 1000) => new Float64Array(n).fill(value);

function evidence(deltaSamples: Float64Array): MetricEvidence {
  return { candidate: 0.8, baseline: 0.8, candidateSamples: flat(0.8), deltaSamples };
}

describe('evaluate-gate decision', () => {
  it('never fails a test whose Holm-adjusted p-value is above alpha (the interpolated-percentile contradiction)', () => {
    // f1: 987 resamples at −1, 13 at exactly 0. Ranked first of two, it is judged at 0.025: NumPy's
    // interpolated 98.75th percentile is −0.49 < 0 (the old rule: fail), while its bootstrap
    // p-value is 2 · 13 / 1000 = 0.026 and the Holm-adjusted one 0.052 > 0.05.
    const f1 = new Float64Array(1000).fill(-1);
    f1.fill(0, 987);
    const group: GroupEvidence = { rows: 1000, metrics: new Map([['roc_auc', evidence(flat(0))], ['f1', evidence(f1)]]) };
    const [outcome] = decide([group], { alpha: 0.05, thresholds: { roc_auc: { max_drop: 0 }, f1: { max_drop: 0 } }, absolute: 'point', hasBaseline: true, minDetectable: 10 });
    const m = outcome!.metrics.f1!;
    expect(m.p_value).toBeCloseTo(0.026, 12);
    expect(m.p_adjusted).toBeCloseTo(0.052, 12);
    expect(m.verdict).not.toBe('fail');
    // The reported interval at the Holm level contains the boundary, as the p-value says.
    expect(m.ci![0]).toBeLessThanOrEqual(0);
    expect(m.ci![1]).toBeGreaterThanOrEqual(0);
  });

  it('fails exactly when the adjusted p-value is ≤ alpha and the interval lies beyond the boundary', () => {
    for (const zeros of [10, 12, 13, 25, 26, 30]) {
      const f1 = new Float64Array(1000).fill(-1);
      f1.fill(0, 1000 - zeros);
      const group: GroupEvidence = { rows: 1000, metrics: new Map([['f1', evidence(f1)]]) };
      const [outcome] = decide([group], { alpha: 0.05, thresholds: { f1: { max_drop: 0 } }, absolute: 'point', hasBaseline: true, minDetectable: 10 });
      const m = outcome!.metrics.f1!;
      const failed = m.verdict === 'fail';
      expect(failed).toBe(m.p_adjusted! <= 0.05);
      expect(failed).toBe(m.ci![1] < 0);
    }
  });

  it('after Holm stops, a later test below its own level is neither failed nor shown with an interval excluding the boundary', () => {
    // f1: p = 2 · 15 / 1000 = 0.03, ranked first and judged at 0.025: not rejected, Holm stops.
    // roc_auc: p = 0.04 ≤ 0.05, its own level, but Holm-adjusted max(0.06, 0.04) = 0.06. Its
    // interval at 0.05 would be [−1, −1] (wholly below 0) beside "no significant regression".
    const f1 = new Float64Array(1000).fill(-1).fill(0, 985);
    const auc = new Float64Array(1000).fill(-1).fill(0, 980);
    const group: GroupEvidence = { rows: 1000, metrics: new Map([['f1', evidence(f1)], ['roc_auc', evidence(auc)]]) };
    const [outcome] = decide([group], { alpha: 0.05, thresholds: { roc_auc: { max_drop: 0 }, f1: { max_drop: 0 } }, absolute: 'point', hasBaseline: true, minDetectable: 10 });
    const m = outcome!.metrics.roc_auc!;
    expect(m.p_value).toBeCloseTo(0.04, 12);
    expect(m.p_adjusted).toBeCloseTo(0.06, 12);
    expect(m.verdict).toBe('pass');
    expect(m.ci_level).toBeCloseTo(0.975, 12);
    expect(m.ci![0]).toBeLessThanOrEqual(0);
    expect(m.ci![1]).toBeGreaterThanOrEqual(0);
  });

  it('seeded random families: verdict, Holm-adjusted p-value and reported interval never disagree', () => {
    const rng = new Xoshiro128(13);
    const gaussian = () => Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    const names = ['accuracy', 'roc_auc', 'f1', 'precision', 'recall', 'balanced_accuracy'];
    let failed = 0;
    let checked = 0;
    for (let family = 0; family < 400; family++) {
      const m = 2 + Math.floor(rng.nextDouble() * 5);
      const thresholds: Record<string, { max_drop: number }> = {};
      const metrics = new Map<string, MetricEvidence>();
      for (const name of names.slice(0, m)) {
        const h = rng.nextDouble() < 0.5 ? 0 : 0.01;
        const mean = -h + 0.012 * gaussian();
        const sd = 0.002 + 0.006 * rng.nextDouble();
        // Rounded to a coarse grid so ties at the boundary occur, as with accuracy-like metrics.
        const samples = Float64Array.from({ length: 400 }, () => Math.round((mean + sd * gaussian()) * 500) / 500);
        thresholds[name] = { max_drop: h };
        metrics.set(name, evidence(samples));
      }
      const [outcome] = decide([{ rows: 1000, metrics }], { alpha: 0.05, thresholds, absolute: 'point', hasBaseline: true, minDetectable: 10 });
      for (const [name, { max_drop: h }] of Object.entries(thresholds)) {
        const o = outcome!.metrics[name]!;
        const rejected = o.p_adjusted! <= 0.05;
        const excludes = o.ci![0] > -h || o.ci![1] < -h;
        expect(excludes, `${name} in family ${family}: p_adjusted ${o.p_adjusted}, ci ${o.ci}`).toBe(rejected);
        const significantlyWorse = rejected && o.ci![1] < -h;
        const shownNonInferior = rejected && o.ci![0] > -h;
        expect(o.verdict).toBe(h === 0 ? (significantlyWorse ? 'fail' : 'pass') : shownNonInferior ? 'pass' : 'fail');
        if (o.verdict === 'fail') failed++;
        checked++;
      }
    }
    // The families exercise both outcomes.
    expect(failed).toBeGreaterThan(50);
    expect(checked - failed).toBeGreaterThan(50);
  });

  it('a metric undefined on most resamples is not a test: no interval, no p-value, insufficient evidence, with the reason', () => {
    // roc_auc of a group that often lacks a class: 600 resamples undefined, the 400 others all −1.
    const auc = new Float64Array(1000).fill(Number.NaN).fill(-1, 600);
    const group: GroupEvidence = { rows: 40, metrics: new Map([['roc_auc', evidence(auc)]]) };
    const [outcome] = decide([group], { alpha: 0.05, thresholds: { roc_auc: { max_drop: 0 } }, absolute: 'point', hasBaseline: true, minDetectable: 10 });
    const m = outcome!.metrics.roc_auc!;
    expect(m.ci).toBeNull();
    expect(m.verdict).toBe('insufficient-evidence');
    expect(m.rule).toContain('n/a, undefined on 600 of 1,000 resamples (only one class); not tested');
    expect(m.undefined_reason).toBe('undefined on 600 of 1,000 resamples (only one class)');
    expect(m.p_value).toBeUndefined();
    expect(m.p_adjusted).toBeUndefined();
    expect(overallVerdict([outcome!]).verdict).toBe('insufficient-evidence');
  });

  it('an undefined test takes no place in the Holm family: the defined test is judged alone', () => {
    // f1 fails at alpha (p = 0.04) alone; with a second (undefined) test in the family its Holm-adjusted p would be 0.08.
    const f1 = new Float64Array(1000).fill(-1).fill(0, 980);
    const precision = new Float64Array(1000).fill(Number.NaN);
    const metrics = new Map([['f1', evidence(f1)], ['precision', { candidate: null, baseline: null, candidateSamples: precision, deltaSamples: precision }]]);
    const [outcome] = decide([{ rows: 1000, metrics }], { alpha: 0.05, thresholds: { f1: { max_drop: 0 }, precision: { max_drop: 0, min: 0.5 } }, absolute: 'point', hasBaseline: true, minDetectable: 10 });
    expect(outcome!.metrics.f1!.p_value).toBeCloseTo(0.04, 12);
    expect(outcome!.metrics.f1!.p_adjusted).toBeCloseTo(0.04, 12);
    expect(outcome!.metrics.f1!.rule).toContain('rank 1/1');
    expect(outcome!.metrics.f1!.verdict).toBe('fail');
    const p = outcome!.metrics.precision!;
    expect(p.verdict).toBe('insufficient-evidence');
    expect(p.rule).toContain('precision ≥ 0.5: n/a, undefined on this holdout (no predicted positives); not decidable');
    expect(p.undefined_reason).toBe('undefined on these rows (no predicted positives)');
    expect([p.candidate, p.ci, p.candidate_ci, p.delta, p.p_value]).toEqual([null, null, null, null, undefined]);
  });

  it('a gated metric undefined on the whole holdout makes the verdict insufficient evidence, not pass or fail', () => {
    const nan = new Float64Array(1000).fill(Number.NaN);
    for (const absolute of ['point', 'interval'] as const) {
      const metrics = new Map([['recall', { candidate: null, baseline: null, candidateSamples: nan, deltaSamples: nan }]]);
      const outcomes = decide([{ rows: 1000, metrics }], { alpha: 0.05, thresholds: { recall: { min: 0.9, max_drop: 0 } }, absolute, hasBaseline: true, minDetectable: 10 });
      expect(outcomes[0]!.metrics.recall!.verdict, absolute).toBe('insufficient-evidence');
      expect(overallVerdict(outcomes).verdict, absolute).toBe('insufficient-evidence');
    }
  });

  it('a baseline without the metric (labels only, or undefined where the candidate has it) is named as the reason', () => {
    const nan = new Float64Array(1000).fill(Number.NaN);
    const metrics = new Map([['roc_auc', { candidate: 0.9, baseline: null, candidateSamples: flat(0.9), deltaSamples: nan }]]);
    const [outcome] = decide([{ rows: 1000, metrics }], { alpha: 0.05, thresholds: { roc_auc: { max_drop: 0 } }, absolute: 'point', hasBaseline: true, minDetectable: 10 });
    const m = outcome!.metrics.roc_auc!;
    expect(m.verdict).toBe('insufficient-evidence');
    expect(m.undefined_reason).toBe("undefined on 1,000 of 1,000 resamples (the baseline's roc_auc is undefined or not computed on these rows)");
    expect(m.candidate_ci).toEqual([0.9, 0.9]);
  });

  it('on a slice an undefined metric is reported as insufficient evidence and does not gate', () => {
    const nan = new Float64Array(1000).fill(Number.NaN);
    const whole: GroupEvidence = { rows: 1000, metrics: new Map([['precision', evidence(flat(0.01))]]) };
    const slice: GroupEvidence = { slice: { column: 'site', value: 'x' }, rows: 40, metrics: new Map([['precision', { candidate: null, baseline: null, candidateSamples: nan, deltaSamples: nan }]]) };
    const outcomes = decide([whole, slice], { alpha: 0.05, thresholds: { precision: { max_drop: 0 } }, absolute: 'point', hasBaseline: true, minDetectable: 10 });
    expect(outcomes[1]!.metrics.precision!.verdict).toBe('insufficient-evidence');
    expect(outcomes[0]!.metrics.precision!.rule).toContain('rank 1/1');
    expect(overallVerdict(outcomes).verdict).toBe('pass');
  });

  it('ungated metrics carry "reported", never "pass"', () => {
    const group: GroupEvidence = { rows: 1000, metrics: new Map([['roc_auc', evidence(flat(0))], ['f1', evidence(flat(0))]]) };
    const [outcome] = decide([group], { alpha: 0.05, thresholds: { roc_auc: { max_drop: 0 } }, absolute: 'point', hasBaseline: true, minDetectable: 10 });
    expect(outcome!.metrics.f1!.gated).toBe(false);
    expect(outcome!.metrics.f1!.verdict).toBe('reported');
    expect(outcome!.metrics.roc_auc!.gated).toBe(true);
  });

  it('insufficient evidence when the minimum detectable effect exceeds min_detectable, with the rows needed', () => {
    // Δ resamples spread ±0.1: the holdout cannot see a 0.02 regression.
    const spread = Float64Array.from({ length: 1000 }, (_, i) => (i / 999 - 0.5) * 0.2);
    const group: GroupEvidence = { rows: 200, metrics: new Map([['roc_auc', evidence(spread)]]) };
    const outcomes = decide([group], { alpha: 0.05, thresholds: { roc_auc: { max_drop: 0 } }, absolute: 'point', hasBaseline: true, minDetectable: 0.02 });
    const m = outcomes[0]!.metrics.roc_auc!;
    expect(m.verdict).toBe('insufficient-evidence');
    expect(m.min_detectable).toBeGreaterThan(0.02);
    expect(m.rows_needed).toBe(Math.ceil(200 * (m.min_detectable! / 0.02) ** 2));
    expect(overallVerdict(outcomes).verdict).toBe('insufficient-evidence');
    expect(stepPasses('insufficient-evidence', { inconclusive: 'warn', insufficient: 'fail', overridden: false })).toBe(false);
    expect(stepPasses('insufficient-evidence', { inconclusive: 'fail', insufficient: 'warn', overridden: false })).toBe(true);
  });
});
