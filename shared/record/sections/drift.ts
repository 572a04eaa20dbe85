import * as z from 'zod/mini';
import '../../zod/setup.js';

export const DriftRecord = z.looseObject({
  reference: z.string(),
  current: z.string(),
  drifted: z.boolean(),
  drifted_columns: z.optional(z.array(z.string())),
  /** Share of the tested columns that drifted. */
  share: z.optional(z.number()),
  rows: z.optional(z.number().check(z.int(), z.gte(0))),
  /** The workflow run that made this check: a retrain dispatched by it carries the same URL as `drift_run_url`. */
  run_url: z.optional(z.string()),
  issue_number: z.optional(z.number().check(z.int(), z.gt(0))),
  dispatched: z.optional(z.boolean()),
  results_path: z.optional(z.string()),
  columns: z.array(z.looseObject({
    column: z.string(),
    test: z.string(),
    statistic: z.number(),
    p_value: z.optional(z.nullable(z.number())),
    adjusted_p: z.optional(z.number()),
    effect: z.optional(z.number()),
    drifted: z.boolean(),
  })),
});
