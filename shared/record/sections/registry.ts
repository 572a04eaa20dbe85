import { z } from 'zod';

export const RegistryRecord = z.looseObject({
  registry: z.string(),
  name: z.string(),
  version: z.string(),
  digest: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  reference: z.string(),
  aliases: z.array(z.string()).default([]),
  force_reason: z.string().optional(),
  /** Digest of the model layer (the model file's sha256, prefixed). */
  model_digest: z.string().optional(),
  /** The gate verdict the version was registered with ('none' without an evaluation). */
  gate_verdict: z.string().optional(),
});
