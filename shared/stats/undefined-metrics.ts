/**
 * Why a metric can be undefined on some rows (or on a bootstrap resample): the rows that its
 * denominator needs are absent. Reports show such a value or interval as "n/a" with this reason;
 * the run record and results JSON carry null (never NaN) and the reason.
 */
const CAUSES: Record<string, string> = {
  precision: 'no predicted positives',
  recall: 'no positives',
  f1: 'no positives and none predicted',
  roc_auc: 'only one class',
  roc_auc_ovr_macro: 'a class absent from the truth',
  roc_auc_ovr_weighted: 'a class absent from the truth',
};

/** The condition under which the metric is undefined (every metric is undefined on no rows). */
export function undefinedCause(metric: string): string {
  return CAUSES[metric] ?? 'no rows';
}

/** How many resamples leave the metric undefined (NaN or ±∞). */
export function undefinedCount(samples: Float64Array): number {
  let count = 0;
  for (const value of samples) if (!Number.isFinite(value)) count++;
  return count;
}

/**
 * Whether enough resamples define the metric for an interval and a test: at least half of them,
 * the rule percentileInterval and bootstrapInterval (bootstrap.ts) apply before they give null.
 */
export function definedOnEnoughResamples(samples: Float64Array): boolean {
  const defined = samples.length - undefinedCount(samples);
  return defined > 0 && defined >= samples.length / 2;
}

/** "undefined on 812 of 1,000 resamples (no predicted positives)". */
export function undefinedOnResamples(samples: Float64Array, cause: string): string {
  return `undefined on ${undefinedCount(samples).toLocaleString('en-US')} of ${samples.length.toLocaleString('en-US')} resamples (${cause})`;
}
