/** Which metrics exist for which kind of model, and which way is better. */
import { BINARY_METRICS, MULTICLASS_METRICS } from './classification.js';
import { REGRESSION_METRICS } from './regression.js';

export type ModelKind = 'binary' | 'multiclass' | 'regression';

const LOWER_IS_BETTER = new Set(['log_loss', 'rmse', 'mae']);

export function metricNames(kind: ModelKind): readonly string[] {
  return kind === 'binary' ? BINARY_METRICS : kind === 'multiclass' ? MULTICLASS_METRICS : REGRESSION_METRICS;
}

export function higherIsBetter(metric: string): boolean {
  return !LOWER_IS_BETTER.has(metric);
}
