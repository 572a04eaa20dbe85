import { z } from 'zod';
import { Sha256 } from './common.js';

export const DataRecord = z.looseObject({
  fingerprint: z.string().describe('Content hash of the data files'),
  files: z.array(z.looseObject({ path: z.string(), bytes: z.number().int().nonnegative().optional(), sha256: Sha256.optional() })),
  rows: z.number().int().nonnegative(),
  columns: z.number().int().nonnegative().optional(),
  valid: z.boolean(),
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  profile_path: z.string().optional(),
  results_path: z.string().optional(),
  /** The `data` input (path or glob) that was validated. */
  data: z.string().optional(),
  /** Per-column headline profile, small enough to live in the record. */
  profile_summary: z
    .array(z.looseObject({ name: z.string(), type: z.string(), null_fraction: z.number().optional(), distinct: z.number().optional(), min: z.unknown().optional(), max: z.unknown().optional(), mean: z.number().nullable().optional() }))
    .optional(),
});
