/** The governance evidence in the run record's evaluation section: fairness outcomes and permutation importance. */
import * as z from 'zod/mini';
import '../../zod/setup.js';

const Interval = z.nullable(z.tuple([z.number(), z.number()]));
const Rates = z.looseObject({ rows: z.number(), selection_rate: z.nullable(z.number()), tpr: z.nullable(z.number()), fpr: z.nullable(z.number()), precision: z.nullable(z.number()) });

export const FairnessResult = z.looseObject({
  attribute: z.string(),
  metric: z.string(),
  groups: z.record(z.string(), Rates),
  untested_groups: z.optional(z.array(z.string())),
  candidate: z.nullable(z.number()),
  baseline: z.nullable(z.number()),
  delta: z.nullable(z.number()),
  ci: Interval,
  candidate_ci: z.optional(Interval),
  /** As a metric's verdict (evaluation.ts's MetricVerdict; repeated here: evaluation.ts imports this module). */
  verdict: z.enum(['pass', 'fail', 'inconclusive', 'insufficient-evidence', 'reported']),
  rule: z.string(),
  gated: z.optional(z.boolean()),
  /** Why the value or an interval is null ("n/a" in reports). */
  undefined_reason: z.optional(z.string()),
});

const Summary = z.nullable(z.looseObject({ mean: z.nullable(z.number()), ci: z.tuple([z.nullable(z.number()), z.nullable(z.number())]) }));

export const ImportanceRecord = z.looseObject({
  metric: z.string(),
  repeats: z.number().check(z.int()),
  rows: z.number().check(z.int()),
  seed: z.number(),
  features: z.array(z.looseObject({ feature: z.string(), candidate: Summary, baseline: Summary, candidate_rank: z.optional(z.nullable(z.number())), baseline_rank: z.optional(z.nullable(z.number())) })),
});

export type FairnessResultRecord = z.infer<typeof FairnessResult>;
export type ImportanceRecordType = z.infer<typeof ImportanceRecord>;
