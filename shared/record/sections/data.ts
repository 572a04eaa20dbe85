import * as z from 'zod/mini';
import '../../zod/setup.js';
import { Sha256 } from './common.js';

export const DataRecord = z.looseObject({
  fingerprint: z.string().check(z.describe('Content hash of the data files')),
  files: z.array(z.looseObject({ path: z.string(), bytes: z.optional(z.number().check(z.int(), z.gte(0))), sha256: z.optional(Sha256) })),
  rows: z.number().check(z.int(), z.gte(0)),
  columns: z.optional(z.number().check(z.int(), z.gte(0))),
  valid: z.boolean(),
  errors: z.number().check(z.int(), z.gte(0)),
  warnings: z.number().check(z.int(), z.gte(0)),
  profile_path: z.optional(z.string()),
  results_path: z.optional(z.string()),
  /** The `data` input (path or glob) that was validated. */
  data: z.optional(z.string()),
  /** Per-column headline profile, small enough to live in the record. */
  profile_summary: z.optional(z.array(z.looseObject({ name: z.string(), type: z.string(), null_fraction: z.optional(z.number()), distinct: z.optional(z.number()), min: z.optional(z.unknown()), max: z.optional(z.unknown()), mean: z.optional(z.nullable(z.number())) }))),
});
