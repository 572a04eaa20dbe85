/** fairlearn's between-group metrics from weighted per-group confusion counts (shared/governance/fairness.ts). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FairnessMetricName } from '../../shared/config/sections/governance.js';
import { BetweenGroupMetrics, fairnessMetric, groupCounts, groupRates, rates, type FairnessRows } from '../../shared/governance/fairness.js';

const expected = JSON.parse(readFileSync(new URL('../fixtures/governance/expected.json', import.meta.url), 'utf8'));

function rows(group: number[], truth: number[], predicted: number[], groups = Math.max(...group) + 1): FairnessRows {
  return { groups, group: Int32Array.from(group), truth: Uint8Array.from(truth), predicted: Uint8Array.from(predicted) };
}

describe('fairness metrics', () => {
  // Group 0: tp 2, fp 1, fn 1, tn 2 → selection 0.5, TPR 2/3, FPR 1/3, precision 2/3.
  // Group 1: tp 1, fp 0, fn 1, tn 2 → selection 0.25, TPR 0.5, FPR 0, precision 1.
  const data = rows([0, 0, 0, 0, 0, 0, 1, 1, 1, 1], [1, 1, 0, 1, 0, 0, 1, 1, 0, 0], [1, 1, 1, 0, 0, 0, 1, 0, 0, 0]);

  it('per group rates from the confusion counts', () => {
    const counts = groupCounts(data);
    expect([...counts]).toEqual([2, 1, 1, 2, 1, 0, 1, 2]);
    expect(groupRates(counts, 0)).toEqual({ rows: 6, selection_rate: 0.5, tpr: 2 / 3, fpr: 1 / 3, precision: 2 / 3 });
    expect(groupRates(counts, 1)).toEqual({ rows: 4, selection_rate: 0.25, tpr: 0.5, fpr: 0, precision: 1 });
  });

  it("fairlearn's definitions: DP difference, EO difference, DP ratio", () => {
    const counts = groupCounts(data);
    expect(fairnessMetric('demographic_parity_difference', counts, [0, 1])).toBe(0.25);
    expect(fairnessMetric('equalized_odds_difference', counts, [0, 1])).toBeCloseTo(Math.max(2 / 3 - 0.5, 1 / 3 - 0), 15);
    expect(fairnessMetric('demographic_parity_ratio', counts, [0, 1])).toBe(0.5);
  });

  it('weights are draw counts: weight 2 equals the row twice', () => {
    const weights = Int32Array.from([2, 0, 1, 1, 3, 0, 1, 2, 0, 1]);
    const expanded: [number[], number[], number[]] = [[], [], []];
    weights.forEach((w, i) => {
      for (let k = 0; k < w; k++) {
        expanded[0].push(data.group[i]!);
        expanded[1].push(data.truth[i]!);
        expanded[2].push(data.predicted[i]!);
      }
    });
    expect([...groupCounts(data, weights)]).toEqual([...groupCounts(rows(...expanded, 2))]);
  });

  it('undefined where a denominator is zero, and the metric with it; fewer than two groups is undefined', () => {
    // Group 1 has no positives (TPR undefined) and no positive decisions (precision undefined, selection 0).
    const counts = groupCounts(rows([0, 0, 1, 1], [1, 0, 0, 0], [1, 0, 0, 0]));
    expect(groupRates(counts, 1)).toEqual({ rows: 2, selection_rate: 0, tpr: null, fpr: 0, precision: null });
    expect(fairnessMetric('equalized_odds_difference', counts, [0, 1])).toBeNaN();
    expect(fairnessMetric('demographic_parity_difference', counts, [0, 1])).toBe(0.5);
    expect(fairnessMetric('demographic_parity_ratio', counts, [0, 1])).toBe(0);
    expect(fairnessMetric('demographic_parity_difference', counts, [0])).toBeNaN();
    // No group selects anyone: the ratio 0/0 is undefined, the difference 0.
    const none = groupCounts(rows([0, 1], [1, 0], [0, 0]));
    expect(fairnessMetric('demographic_parity_ratio', none, [0, 1])).toBeNaN();
    expect(fairnessMetric('demographic_parity_difference', none, [0, 1])).toBe(0);
  });

  it('rows outside every group (−1) are not counted', () => {
    const counts = groupCounts(rows([0, -1, 0], [1, 1, 0], [1, 1, 1], 1));
    expect(groupRates(counts, 0).rows).toBe(2);
  });

  it('per group figures of the ANES fixture agree with NumPy (the generator) to 1e-12', () => {
    // The per-group rates of the fixture, recombined here with fairnessMetric, equal NumPy's between-group figures.
    const groups = Object.values<any>(expected.fairness.groups);
    const counts = new Float64Array(groups.length * 4);
    // Rebuild counts from rows and rates: tp = TPR·P, fp = FPR·N, with P from precision and selection.
    groups.forEach((g, i) => {
      const selected = g.selection_rate * g.rows;
      const tp = g.precision * selected;
      const fp = selected - tp;
      const positives = tp / g.tpr;
      counts.set([tp, fp, positives - tp, g.rows - positives - fp], 4 * i);
    });
    const tested = groups.map((_, i) => i);
    for (const metric of ['demographic_parity_difference', 'equalized_odds_difference', 'demographic_parity_ratio'] as const) {
      expect(Math.abs(fairnessMetric(metric, counts, tested) - expected.fairness.metrics[metric].candidate)).toBeLessThan(1e-12);
    }
  });

  it('one evaluator reused over many resamples gives the same bits as the per-call formulas (max − min over spread arrays)', () => {
    // The formulas as they were before the bootstrap stopped allocating per resample.
    const spread = (v: number[]) => (v.length < 2 || v.some(Number.isNaN) ? Number.NaN : Math.max(...v) - Math.min(...v));
    const reference = (metric: FairnessMetricName, counts: Float64Array, tested: number[]): number => {
      const r = tested.map((g) => rates(counts, g));
      if (metric === 'demographic_parity_difference') return spread(r.map((x) => x.selection));
      if (metric === 'equalized_odds_difference') {
        const [tpr, fpr] = [spread(r.map((x) => x.tpr)), spread(r.map((x) => x.fpr))];
        return Number.isNaN(tpr) || Number.isNaN(fpr) ? Number.NaN : Math.max(tpr, fpr);
      }
      const s = r.map((x) => x.selection);
      if (s.length < 2 || s.some(Number.isNaN)) return Number.NaN;
      return Math.max(...s) > 0 ? Math.min(...s) / Math.max(...s) : Number.NaN;
    };
    let seed = 11;
    const next = (k: number) => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) % k;
    const tested = [0, 2, 3, 5];
    const between = new BetweenGroupMetrics(tested);
    for (let resample = 0; resample < 500; resample++) {
      // Small counts (often zero) so that empty denominators and ties are common.
      const counts = Float64Array.from({ length: 6 * 4 }, () => next(4) * (1 + next(3)));
      between.load(counts);
      for (const metric of ['demographic_parity_difference', 'equalized_odds_difference', 'demographic_parity_ratio'] as const) {
        expect(Object.is(between.value(metric), reference(metric, counts, tested))).toBe(true);
      }
    }
  });
});
