import * as z from 'zod/mini';
import '../../zod/setup.js';

export const DriftSection = z.strictObject({
  columns: z.optional(z.array(z.string().check(z.minLength(1)))).check(z.describe('Columns to compare (default: the model features, else every column both samples share).')),
  tests: z.optional(z.record(z.string(), z.enum(['auto', 'ks', 'chi2', 'z']))).check(z.describe('Per-column test: auto (by type and cardinality), ks (numeric), chi2 (categories), z (two values).')),
  correction: z.optional(z.enum(['bh', 'holm', 'bonferroni', 'none'])).check(z.describe('Multiplicity correction across columns (default bh: Benjamini–Hochberg).')),
  alpha: z.optional(z.number().check(z.gt(0), z.lt(1))).check(z.describe('Significance level for the adjusted p-values (default 0.05).')),
  wasserstein_threshold: z.optional(z.number().check(z.gte(0))).check(z.describe('Practical threshold on the Wasserstein distance in reference standard deviations for numeric columns (default 0.1).')),
  js_threshold: z.optional(z.number().check(z.gte(0), z.lte(1))).check(z.describe('Practical threshold on the Jensen–Shannon distance (base 2) for categorical columns (default 0.1).')),
  threads: z.optional(z.number().check(z.int(), z.gte(1), z.lte(64))).check(z.describe('Worker threads that measure numeric columns (default: the cores, used when at least two columns have 200,000 reference + current values or more; 1: none; an explicit value ≥ 2 uses them for every numeric column).')),
  drift_share: z.optional(z.number().check(z.gt(0), z.lte(1))).check(z.describe('The data set drifts when at least this share of the columns drifts (default: any column).')),
}).check(z.describe('Settings for the drift-check stage.'));

export type DriftConfig = z.infer<typeof DriftSection>;
