/**
 * The between-group fairness metrics of one attribute as PreparedMetrics, so that the gate's
 * paired bootstrap (and its worker threads, through the plan) evaluates them like any metric:
 * per resample, weighted per-group confusion counts, then each metric over the tested groups.
 */
import type { FairnessMetricName } from '../config/sections/governance.js';
import type { PreparedMetrics } from '../stats/classification.js';
import { planArray, type MetricsPlan } from '../stats/metrics-plan.js';
import { BetweenGroupMetrics, groupCounts, type FairnessRows } from './fairness.js';

export function prepareFairness(rows: FairnessRows, metrics: readonly FairnessMetricName[], tested: readonly number[]): PreparedMetrics {
  return fairnessFromPlan({
    kind: 'fairness',
    rows: rows.group.length,
    names: [...metrics],
    arrays: { group: rows.group, truth: rows.truth, predicted: rows.predicted },
    values: { groups: rows.groups, tested: [...tested] },
  });
}

export function fairnessFromPlan(plan: MetricsPlan): PreparedMetrics {
  const rows: FairnessRows = {
    groups: plan.values.groups as number,
    group: planArray(plan, 'group', Int32Array),
    truth: planArray(plan, 'truth', Uint8Array),
    predicted: planArray(plan, 'predicted', Uint8Array),
  };
  const tested = plan.values.tested as number[];
  const metrics = plan.names as FairnessMetricName[];
  const counts = new Float64Array(rows.groups * 4);
  const between = new BetweenGroupMetrics(tested);
  return {
    names: metrics,
    rows: plan.rows,
    plan,
    compute(weights, out) {
      groupCounts(rows, weights, counts);
      between.load(counts);
      for (let m = 0; m < metrics.length; m++) out[m] = between.value(metrics[m]!);
    },
  };
}
