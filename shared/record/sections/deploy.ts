import * as z from 'zod/mini';
import '../../zod/setup.js';

const Analysis = z.looseObject({
  verdict: z.enum(['pass', 'fail', 'inconclusive']),
  reasons: z.array(z.string()),
  requests: z.number(),
  errors: z.number(),
  error_rate: z.nullable(z.number()),
  p99_ms: z.nullable(z.number()),
  prediction_shift: z.nullable(z.number()),
  shift_p_value: z.nullable(z.number()),
});

const Step = z.looseObject({
  weight: z.number(),
  weights: z.record(z.string(), z.number()),
  bakes: z.number(),
  seconds: z.number(),
  verdict: z.enum(['pass', 'fail', 'inconclusive']),
  analysis: Analysis,
});

export const DeployRecord = z.looseObject({
  environment: z.string(),
  url: z.optional(z.string()),
  digest: z.string(),
  previous_digest: z.optional(z.nullable(z.string())),
  status: z.enum(['success', 'rolled_back', 'failed']),
  target: z.optional(z.string()),
  model: z.optional(z.string()),
  reference: z.optional(z.string()),
  version: z.optional(z.string()),
  previous_version: z.optional(z.nullable(z.string())),
  strategy: z.optional(z.string()),
  gate_verdict: z.optional(z.string()),
  force_reason: z.optional(z.string()),
  smoke: z.optional(z.looseObject({ rows: z.number(), outputs: z.array(z.string()), max_abs_difference: z.number() })),
  steps: z.optional(z.array(Step)),
  rollback_reason: z.optional(z.string()),
  alias: z.optional(z.nullable(z.string())),
  deployment_id: z.optional(z.nullable(z.number())),
  commit: z.optional(z.nullable(z.string())),
  data_fingerprint: z.optional(z.nullable(z.string())),
});
