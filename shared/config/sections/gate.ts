import { z } from 'zod';
import { ExplainSection, FairnessSection } from './governance.js';

const MetricThreshold = z
  .strictObject({
    min: z.number().optional().describe('Floor: the candidate must reach at least this value (inclusive). For metrics where higher is better.'),
    max: z.number().optional().describe('Ceiling: the candidate must stay at or below this value (inclusive). For metrics where lower is better (log_loss, rmse, mae).'),
    max_drop: z
      .number()
      .nonnegative()
      .optional()
      .describe('Largest allowed drop against the baseline, in metric units (0.01 = one point of accuracy). For metrics where higher is better. h > 0: non-inferiority (pass when the drop is shown to be under h). 0: no detected regression (fail only when significantly worse), provided the holdout has the power to detect min_detectable.'),
    max_rise: z
      .number()
      .nonnegative()
      .optional()
      .describe('Largest allowed rise against the baseline, in metric units. For metrics where lower is better (log_loss, rmse, mae).'),
  })
  .describe('Thresholds for one metric. min/max judge the candidate alone; max_drop/max_rise judge the paired difference against the baseline.');

export const GateSection = z
  .strictObject({
    alpha: z.number().gt(0).lt(0.5).optional().describe('Two-sided significance level for the confidence intervals, before Holm correction (default 0.05).'),
    metrics: z
      .record(z.string().min(1), MetricThreshold)
      .optional()
      .describe(
        'Thresholds per metric. Classification: accuracy, precision, recall, f1, roc_auc, log_loss (binary); accuracy, precision_macro, precision_weighted, recall_macro, recall_weighted, f1_macro, f1_weighted, roc_auc_ovr_macro, roc_auc_ovr_weighted, log_loss (multiclass). Regression: rmse, mae, r2. Default: no significant regression of accuracy (and roc_auc) or rmse.',
      ),
    min_detectable: z
      .union([z.number().positive(), z.record(z.string().min(1), z.number().positive())])
      .optional()
      .describe(
        'Smallest regression the holdout must be able to detect with 80 % power, in metric units: one number for every metric or one per metric. When the holdout cannot, the verdict is insufficient-evidence. Default: max_drop / max_rise when > 0; else 0.02 for metrics on [0, 1] and 5 % of the baseline value for log_loss, rmse, mae.',
      ),
    insufficient_evidence: z
      .enum(['fail', 'warn', 'pass'])
      .optional()
      .describe('What insufficient evidence (a holdout too small to detect min_detectable) does to the step: fail it (default), pass with a warning, or pass silently.'),
    inconclusive: z
      .enum(['fail', 'warn', 'pass'])
      .optional()
      .describe('What an inconclusive result does to the step: fail it, pass with a warning (default), or pass silently.'),
    absolute: z
      .enum(['point', 'interval'])
      .optional()
      .describe('How min/max are judged: on the point estimate (default, like TFMA), or on the confidence interval of the candidate value (pass when it lies wholly inside, fail when wholly outside, else inconclusive).'),
    bootstrap: z
      .strictObject({
        resamples: z.number().int().min(100).max(100_000).optional().describe('Bootstrap resamples (default 1000).'),
        seed: z.number().int().min(0).max(4_294_967_295).optional().describe('Seed of the xoshiro128** generator (default 0): the same seed gives the same intervals.'),
        threads: z
          .number()
          .int()
          .min(1)
          .max(64)
          .optional()
          .describe('Worker threads for the resamples (default: the cores available, at most 8, and only for large holdouts). Any count gives the same resamples bit for bit; 1 runs them in the main thread, more uses that many threads however small the holdout.'),
      })
      .optional()
      .describe('Paired bootstrap over holdout rows.'),
    slices: z.array(z.string().min(1)).optional().describe('Columns whose values are reported as slices (the slices input overrides this).'),
    min_slice_rows: z.number().int().min(1).optional().describe('Slices with fewer rows are reported without tests (default 30).'),
    holdout_fingerprint: z
      .string()
      .regex(/^sha256:[0-9a-f]{64}$/)
      .optional()
      .describe("The holdout's expected fingerprint (sha256:…, as evaluate-gate and data-validate record it). When set, a holdout with another fingerprint is refused unless holdout-change-reason is given. Without it, a registry baseline's recorded holdout fingerprint is required."),
    override: z
      .strictObject({
        reason: z.string().min(10).describe('Why the gate is overridden; recorded in the report and the run record.'),
      })
      .optional()
      .describe('Let a failing gate pass. The verdict is still computed and shown; the reason is recorded. Remove it after the release it was meant for.'),
    fairness: FairnessSection.optional(),
    explain: ExplainSection.optional(),
  })
  .describe('Evaluation gate policy (evaluate-gate stage).');

export type GateConfig = z.infer<typeof GateSection>;
export type MetricThresholdConfig = z.infer<typeof MetricThreshold>;
