/**
 * What the metric rules (decide.ts) and the fairness rules (fairness-rules.ts) judge alike: the
 * order of verdicts by severity, the power check of a change test (minimum detectable effect and
 * the rows a holdout would need) and the text that reports a test's interval and p-values.
 */
import type { HolmStep } from '../../shared/stats/holm.js';
import { normalUpperQuantile } from '../../shared/stats/normal.js';
import { formatNumber } from '../../shared/report/markdown.js';
import type { Verdict } from './decide.js';

/** Power at which the minimum detectable effect is computed. */
export const POWER = 0.8;
/** Default min_detectable for metrics on [0, 1] (two points); other metrics: a share of the baseline value. */
export const DEFAULT_MIN_DETECTABLE = 0.02;
export const DEFAULT_MIN_DETECTABLE_SHARE = 0.05;
const UNBOUNDED = new Set(['log_loss', 'rmse', 'mae']);

const SEVERITY: Verdict[] = ['fail', 'insufficient-evidence', 'inconclusive', 'pass'];

/** The most severe of several rule verdicts: fail, then insufficient-evidence, then inconclusive. */
export function worst(verdicts: Verdict[]): Verdict {
  return SEVERITY.find((v) => verdicts.includes(v)) ?? 'pass';
}

export interface Power {
  /** Minimum detectable effect at 80 % power, at the level the test was judged at. */
  detectable: number;
  target: number;
  insufficient: boolean;
  rowsNeeded: number;
}

/**
 * Minimum detectable effect from the interval the test produced: its standard error is the
 * half-width over z(1 − level/2) (the paired variance actually observed, or for accuracy Tango's,
 * which stays positive when the models agree on every row); MDE = (z(1 − level/2) + z(0.8)) · SE.
 * The standard error scales as 1/√n, so n · (MDE / target)² rows would reach the target.
 */
export function powerOf(ci: [number, number], level: number, target: number, rows: number): Power {
  const z = normalUpperQuantile(level / 2);
  const se = (ci[1] - ci[0]) / (2 * z);
  const detectable = (z + normalUpperQuantile(1 - POWER)) * se;
  const insufficient = detectable > target;
  return { detectable, target, insufficient, rowsNeeded: insufficient ? Math.ceil(rows * (detectable / target) ** 2) : rows };
}

/**
 * The regression a gated change test must be able to detect: min_detectable (one value, or per
 * metric), else h, else the default (for unbounded metrics a share of the baseline's value).
 */
export function minDetectableTarget(metric: string, allowed: number, minDetectable: number | Record<string, number> | undefined, baseline: number | null): number {
  const configured = typeof minDetectable === 'number' ? minDetectable : minDetectable?.[metric];
  if (configured !== undefined) return configured;
  if (allowed > 0) return allowed;
  if (!UNBOUNDED.has(metric)) return DEFAULT_MIN_DETECTABLE;
  return baseline !== null && Number.isFinite(baseline) && baseline !== 0 ? DEFAULT_MIN_DETECTABLE_SHARE * Math.abs(baseline) : Number.POSITIVE_INFINITY;
}

/** "95 % interval [lo, hi], p = …, Holm-adjusted … (rank r/m)": how a test was judged, for its rule text. */
export function levelText(ci: [number, number] | null, level: number, pValue: number, step: HolmStep, familySize: number): string {
  return `${formatNumber((1 - level) * 100, 4)} % interval${ci ? ` [${formatNumber(ci[0])}, ${formatNumber(ci[1])}]` : ''}, p = ${formatNumber(pValue)}, Holm-adjusted ${formatNumber(step.adjusted)} (rank ${step.rank}/${familySize})`;
}
