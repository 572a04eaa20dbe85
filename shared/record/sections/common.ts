import { z } from 'zod';

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a lower-case hex sha256');
export const Timestamp = z.string().describe('ISO 8601 time');
/** Metric name -> finite number. */
export const MetricMap = z.record(z.string(), z.number());
/** Where and by whom a stage ran: the lineage every section carries. */
export const RunContext = z.looseObject({
  stage: z.string(),
  at: Timestamp,
  commit: z.string().optional(),
  ref: z.string().optional(),
  repository: z.string().optional(),
  run_url: z.string().optional(),
  actor: z.string().optional(),
  event: z.string().optional(),
});
export type RunContext = z.infer<typeof RunContext>;
