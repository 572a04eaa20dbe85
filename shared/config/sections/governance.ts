/**
 * gate.fairness and gate.explain: the governance evidence evaluate-gate computes beside the
 * metrics (docs/governance.md).
 */
import * as z from 'zod/mini';
import '../../zod/setup.js';

export const FAIRNESS_METRICS = ['demographic_parity_difference', 'equalized_odds_difference', 'demographic_parity_ratio'] as const;
export type FairnessMetricName = (typeof FAIRNESS_METRICS)[number];

const FairnessThreshold = z.strictObject({
  min: z.optional(z.number()).check(z.describe('Floor on the candidate value (demographic_parity_ratio: 0.8 is the four-fifths rule).')),
  max: z.optional(z.number()).check(z.describe('Ceiling on the candidate value (the differences: 0 is parity).')),
  max_rise: z.optional(z.number().check(z.gte(0))).check(z.describe('Largest allowed rise against the baseline (differences), judged on the paired bootstrap interval of candidate − baseline.')),
  max_drop: z.optional(z.number().check(z.gte(0))).check(z.describe('Largest allowed drop against the baseline (demographic_parity_ratio), judged on the paired bootstrap interval.')),
}).check(z.describe('Thresholds for one fairness metric, judged like gate.metrics thresholds (absolute ones per gate.absolute).'));

export const FairnessSection = z.strictObject({
  attributes: z.array(z.string().check(z.minLength(1))).check(z.minLength(1), z.describe('Holdout columns holding the sensitive attributes (need not be model features). Each value is a group; groups with fewer than min_slice_rows rows are reported, not tested.')),
  metrics: z.optional(z.record(z.string().check(z.minLength(1)), FairnessThreshold)).check(z.describe(`Thresholds per fairness metric (fairlearn's definitions): ${FAIRNESS_METRICS.join(', ')}. Default: all three reported, none gated.`)),
}).check(z.describe('Fairness across groups of sensitive attributes (binary classification): per group selection rate, TPR, FPR, precision; between-group differences and ratios with bootstrap intervals, gated and Holm-corrected with the other tests.'));

export const ExplainSection = z.strictObject({
  metric: z.optional(z.string().check(z.minLength(1))).check(z.describe('Metric whose drop is the importance (default: accuracy for classification, rmse for regression).')),
  repeats: z.optional(z.number().check(z.int(), z.gte(2), z.lte(100))).check(z.describe('Seeded permutations per feature (default 5).')),
  max_rows: z.optional(z.number().check(z.int(), z.gte(10), z.lte(1_000_000))).check(z.describe('Holdout rows used, a seeded sample without replacement when the holdout is larger (default 20000; at most 1,000,000, as every feature column of the sample is held in memory).')),
}).check(z.describe('Permutation feature importance for candidate and baseline (the explain input turns it on with the defaults).'));

export type FairnessConfig = z.infer<typeof FairnessSection>;
export type FairnessThresholdConfig = z.infer<typeof FairnessThreshold>;
export type ExplainConfig = z.infer<typeof ExplainSection>;
