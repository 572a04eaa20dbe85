import { z } from 'zod';

export const DeployRecord = z.looseObject({
  environment: z.string(),
  url: z.string().optional(),
  digest: z.string(),
  previous_digest: z.string().nullable().optional(),
  status: z.enum(['success', 'rolled_back', 'failed']),
});
