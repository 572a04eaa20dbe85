import { z } from 'zod';

const Analysis = z.looseObject({
  verdict: z.enum(['pass', 'fail', 'inconclusive']),
  reasons: z.array(z.string()),
  requests: z.number(),
  errors: z.number(),
  error_rate: z.number().nullable(),
  p99_ms: z.number().nullable(),
  prediction_shift: z.number().nullable(),
  shift_p_value: z.number().nullable(),
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
  url: z.string().optional(),
  digest: z.string(),
  previous_digest: z.string().nullable().optional(),
  status: z.enum(['success', 'rolled_back', 'failed']),
  target: z.string().optional(),
  model: z.string().optional(),
  reference: z.string().optional(),
  version: z.string().optional(),
  previous_version: z.string().nullable().optional(),
  strategy: z.string().optional(),
  gate_verdict: z.string().optional(),
  force_reason: z.string().optional(),
  smoke: z.looseObject({ rows: z.number(), outputs: z.array(z.string()), max_abs_difference: z.number() }).optional(),
  steps: z.array(Step).optional(),
  rollback_reason: z.string().optional(),
  alias: z.string().nullable().optional(),
  deployment_id: z.number().nullable().optional(),
  commit: z.string().nullable().optional(),
  data_fingerprint: z.string().nullable().optional(),
});
