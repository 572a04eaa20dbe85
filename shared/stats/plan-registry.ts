/** Rebuilds PreparedMetrics from a plan (in a worker thread): one builder per plan kind. */
import { fairnessFromPlan } from '../governance/fairness-metrics.js';
import { binaryFromPlan, multiclassFromPlan, type PreparedMetrics } from './classification.js';
import type { MetricsPlan } from './metrics-plan.js';
import { regressionFromPlan } from './regression.js';

const BUILDERS: Record<string, (plan: MetricsPlan) => PreparedMetrics> = {
  binary: binaryFromPlan,
  multiclass: multiclassFromPlan,
  regression: regressionFromPlan,
  fairness: fairnessFromPlan,
};

export function metricsFromPlan(plan: MetricsPlan): PreparedMetrics {
  const build = BUILDERS[plan.kind];
  if (!build) throw new TypeError(`metrics plan of unknown kind "${String(plan.kind)}" (known: ${Object.keys(BUILDERS).join(', ')})`);
  return build(plan);
}
