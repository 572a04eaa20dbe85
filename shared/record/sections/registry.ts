import { z } from 'zod';

export const RegistryRecord = z.looseObject({
  registry: z.string(),
  name: z.string(),
  version: z.string(),
  digest: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  reference: z.string(),
  aliases: z.array(z.string()).default([]),
  force_reason: z.string().optional(),
});
