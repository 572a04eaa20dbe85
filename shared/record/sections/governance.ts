/** The governance evidence in the run record's evaluation section: fairness outcomes and permutation importance. */
import { z } from 'zod';

const Interval = z.tuple([z.number(), z.number()]).nullable();
const Rates = z.looseObject({ rows: z.number(), selection_rate: z.number().nullable(), tpr: z.number().nullable(), fpr: z.number().nullable(), precision: z.number().nullable() });

export const FairnessResult = z.looseObject({
  attribute: z.string(),
  metric: z.string(),
  groups: z.record(z.string(), Rates),
  untested_groups: z.array(z.string()).optional(),
  candidate: z.number().nullable(),
  baseline: z.number().nullable(),
  delta: z.number().nullable(),
  ci: Interval,
  candidate_ci: Interval.optional(),
  /** As a metric's verdict (evaluation.ts's MetricVerdict; repeated here: evaluation.ts imports this module). */
  verdict: z.enum(['pass', 'fail', 'inconclusive', 'insufficient-evidence', 'reported']),
  rule: z.string(),
  gated: z.boolean().optional(),
  /** Why the value or an interval is null ("n/a" in reports). */
  undefined_reason: z.string().optional(),
});

const Summary = z.looseObject({ mean: z.number().nullable(), ci: z.tuple([z.number().nullable(), z.number().nullable()]) }).nullable();

export const ImportanceRecord = z.looseObject({
  metric: z.string(),
  repeats: z.number().int(),
  rows: z.number().int(),
  seed: z.number(),
  features: z.array(z.looseObject({ feature: z.string(), candidate: Summary, baseline: Summary, candidate_rank: z.number().nullable().optional(), baseline_rank: z.number().nullable().optional() })),
});

export type FairnessResultRecord = z.infer<typeof FairnessResult>;
export type ImportanceRecordType = z.infer<typeof ImportanceRecord>;
