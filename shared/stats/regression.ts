/**
 * Regression metrics as scikit-learn 1.2 computes them, with optional row weights:
 * rmse = sqrt(mean_squared_error), mae, r2 (1 - SSres/SStot around the weighted mean; when
 * SStot is 0: 1 for a perfect fit, else 0, sklearn's force_finite=True).
 */
import type { PreparedMetrics } from './classification.js';
import { planArray, type MetricsPlan } from './metrics-plan.js';

export const REGRESSION_METRICS = ['rmse', 'mae', 'r2'] as const;

export function prepareRegression(truth: Float64Array, predicted: Float64Array): PreparedMetrics {
  const n = truth.length;
  const error = new Float64Array(n);
  // Sums are taken around the overall mean so that SStot loses no precision to cancellation.
  let centre = 0;
  for (let i = 0; i < n; i++) centre += truth[i]!;
  centre = n > 0 ? centre / n : 0;
  const centred = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    error[i] = truth[i]! - predicted[i]!;
    centred[i] = truth[i]! - centre;
  }
  return regressionFromPlan({ kind: 'regression', rows: n, names: [...REGRESSION_METRICS], arrays: { error, centred }, values: {} });
}

/** Regression metrics over a plan's arrays: error (truth − predicted) and centred truth. */
export function regressionFromPlan(plan: MetricsPlan): PreparedMetrics {
  const n = plan.rows;
  const error = planArray(plan, 'error', Float64Array);
  const centred = planArray(plan, 'centred', Float64Array);
  return {
    names: plan.names,
    rows: n,
    plan,
    compute(weights, out) {
      let total = 0;
      let squared = 0;
      let absolute = 0;
      let sum = 0;
      let sumSquares = 0;
      for (let i = 0; i < n; i++) {
        // A zero weight adds ±0 to each sum, which leaves it unchanged: no branch needed.
        const w = weights ? weights[i]! : 1;
        const e = error[i]!;
        const y = centred[i]!;
        total += w;
        squared += w * e * e;
        absolute += w * Math.abs(e);
        sum += w * y;
        sumSquares += w * y * y;
      }
      if (total === 0) {
        out.fill(Number.NaN);
        return;
      }
      const totalSquares = Math.max(0, sumSquares - (sum * sum) / total);
      out[0] = Math.sqrt(squared / total);
      out[1] = absolute / total;
      out[2] = totalSquares === 0 ? (squared === 0 ? 1 : 0) : 1 - squared / totalSquares;
    },
  };
}
