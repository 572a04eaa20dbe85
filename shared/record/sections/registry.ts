import * as z from 'zod/mini';
import '../../zod/setup.js';

export const RegistryRecord = z.looseObject({
  registry: z.string(),
  name: z.string(),
  version: z.string(),
  digest: z.string().check(z.regex(/^sha256:[0-9a-f]{64}$/)),
  reference: z.string(),
  aliases: z._default(z.array(z.string()), []),
  force_reason: z.optional(z.string()),
  /** Digest of the model layer (the model file's sha256, prefixed). */
  model_digest: z.optional(z.string()),
  /** The gate verdict the version was registered with ('none' without an evaluation). */
  gate_verdict: z.optional(z.string()),
});
