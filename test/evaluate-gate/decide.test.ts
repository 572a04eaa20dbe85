/**
 * The decision rule on hand-made evidence: one quantity decides and is reported (issue 13 #4),
 * ungated metrics are `reported`, and the power check.
 */
import { describe, expect, it } from 'vitest';
import { decide, overallVerdict, stepPasses, type GroupEvidence, type MetricEvidence } from '../../actions/evaluate-gate/decide.js';

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
