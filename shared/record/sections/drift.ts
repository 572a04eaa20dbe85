import { z } from 'zod';

export const DriftRecord = z.looseObject({
  reference: z.string(),
  current: z.string(),
  drifted: z.boolean(),
  drifted_columns: z.array(z.string()).optional(),
  /** Share of the tested columns that drifted. */
  share: z.number().optional(),
  rows: z.number().int().nonnegative().optional(),
  /** The workflow run that made this check: a retrain dispatched by it carries the same URL as `drift_run_url`. */
  run_url: z.string().optional(),
  issue_number: z.number().int().positive().optional(),
  dispatched: z.boolean().optional(),
  results_path: z.string().optional(),
  columns: z.array(
    z.looseObject({
      column: z.string(),
      test: z.string(),
      statistic: z.number(),
      p_value: z.number().nullable().optional(),
      adjusted_p: z.number().optional(),
      effect: z.number().optional(),
      drifted: z.boolean(),
    }),
  ),
});
