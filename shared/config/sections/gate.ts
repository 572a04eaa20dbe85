import * as z from 'zod/mini';
import '../../zod/setup.js';
import { ExplainSection, FairnessSection } from './governance.js';

const MetricThreshold = z.strictObject({
  min: z.optional(z.number()).check(z.describe('Floor: the candidate must reach at least this value (inclusive). For metrics where higher is better.')),
  max: z.optional(z.number()).check(z.describe('Ceiling: the candidate must stay at or below this value (inclusive). For metrics where lower is better (log_loss, rmse, mae).')),
  max_drop: z.optional(z.number().check(z.gte(0))).check(z.describe('Largest allowed drop against the baseline, in metric units (0.01 = one point of accuracy). For metrics where higher is better. h > 0: non-inferiority (pass when the drop is shown to be under h). 0: no detected regression (fail only when significantly worse), provided the holdout has the power to detect min_detectable.')),
  max_rise: z.optional(z.number().check(z.gte(0))).check(z.describe('Largest allowed rise against the baseline, in metric units. For metrics where lower is better (log_loss, rmse, mae).')),
}).check(z.describe('Thresholds for one metric. min/max judge the candidate alone; max_drop/max_rise judge the paired difference against the baseline.'));

export const GateSection = z.strictObject({
  alpha: z.optional(z.number().check(z.gt(0), z.lt(0.5))).check(z.describe('Two-sided significance level for the confidence intervals, before Holm correction (default 0.05).')),
  metrics: z.optional(z.record(z.string().check(z.minLength(1)), MetricThreshold)).check(z.describe('Thresholds per metric. Classification: accuracy, precision, recall, f1, roc_auc, log_loss (binary); accuracy, precision_macro, precision_weighted, recall_macro, recall_weighted, f1_macro, f1_weighted, roc_auc_ovr_macro, roc_auc_ovr_weighted, log_loss (multiclass). Regression: rmse, mae, r2. Default: no significant regression of accuracy (and roc_auc) or rmse.')),
  min_detectable: z.optional(z.union([z.number().check(z.gt(0)), z.record(z.string().check(z.minLength(1)), z.number().check(z.gt(0)))])).check(z.describe('Smallest regression the holdout must be able to detect with 80 % power, in metric units: one number for every metric or one per metric. When the holdout cannot, the verdict is insufficient-evidence. Default: max_drop / max_rise when > 0; else 0.02 for metrics on [0, 1] and 5 % of the baseline value for log_loss, rmse, mae.')),
  insufficient_evidence: z.optional(z.enum(['fail', 'warn', 'pass'])).check(z.describe('What insufficient evidence (a holdout too small to detect min_detectable) does to the step: fail it (default), pass with a warning, or pass silently.')),
  inconclusive: z.optional(z.enum(['fail', 'warn', 'pass'])).check(z.describe('What an inconclusive result does to the step: fail it, pass with a warning (default), or pass silently.')),
  absolute: z.optional(z.enum(['point', 'interval'])).check(z.describe('How min/max are judged: on the point estimate (default, like TFMA), or on the confidence interval of the candidate value (pass when it lies wholly inside, fail when wholly outside, else inconclusive).')),
  bootstrap: z.optional(z.strictObject({
    resamples: z.optional(z.number().check(z.int(), z.gte(100), z.lte(100_000))).check(z.describe('Bootstrap resamples (default 1000).')),
    seed: z.optional(z.number().check(z.int(), z.gte(0), z.lte(4_294_967_295))).check(z.describe('Seed of the xoshiro128** generator (default 0): the same seed gives the same intervals.')),
    threads: z.optional(z.number().check(z.int(), z.gte(1), z.lte(64))).check(z.describe('Worker threads for the resamples (default: the cores available, at most 8, and only for large holdouts). Any count gives the same resamples bit for bit; 1 runs them in the main thread, more uses that many threads however small the holdout.')),
  })).check(z.describe('Paired bootstrap over holdout rows.')),
  slices: z.optional(z.array(z.string().check(z.minLength(1)))).check(z.describe('Columns whose values are reported as slices (the slices input overrides this).')),
  min_slice_rows: z.optional(z.number().check(z.int(), z.gte(1))).check(z.describe('Slices with fewer rows are reported without tests (default 30).')),
  holdout_fingerprint: z.optional(z.string().check(z.regex(/^sha256:[0-9a-f]{64}$/))).check(z.describe("The holdout's expected fingerprint (sha256:…, as evaluate-gate and data-validate record it). When set, a holdout with another fingerprint is refused unless holdout-change-reason is given. Without it, a registry baseline's recorded holdout fingerprint is required.")),
  override: z.optional(z.strictObject({
    reason: z.string().check(z.minLength(10), z.describe('Why the gate is overridden; recorded in the report and the run record.')),
  })).check(z.describe('Let a failing gate pass. The verdict is still computed and shown; the reason is recorded. Remove it after the release it was meant for.')),
  fairness: z.optional(FairnessSection),
  explain: z.optional(ExplainSection),
}).check(z.describe('Evaluation gate policy (evaluate-gate stage).'));

export type GateConfig = z.infer<typeof GateSection>;
export type MetricThresholdConfig = z.infer<typeof MetricThreshold>;
