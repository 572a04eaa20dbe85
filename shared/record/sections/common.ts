import * as z from 'zod/mini';
import '../../zod/setup.js';

export const Sha256 = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'a lower-case hex sha256'));
export const Timestamp = z.string().check(z.describe('ISO 8601 time'));
/** Metric name -> finite number. */
export const MetricMap = z.record(z.string(), z.number());
/** Where and by whom a stage ran: the lineage every section carries. */
export const RunContext = z.looseObject({
  stage: z.string(),
  at: Timestamp,
  commit: z.optional(z.string()),
  ref: z.optional(z.string()),
  repository: z.optional(z.string()),
  run_url: z.optional(z.string()),
  actor: z.optional(z.string()),
  event: z.optional(z.string()),
});
export type RunContext = z.infer<typeof RunContext>;
