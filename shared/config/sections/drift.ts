import { z } from 'zod';

export const DriftSection = z
  .strictObject({
    columns: z.array(z.string().min(1)).optional().describe('Columns to compare (default: the model features, else every column both samples share).'),
    tests: z
      .record(z.string(), z.enum(['auto', 'ks', 'chi2', 'z']))
      .optional()
      .describe('Per-column test: auto (by type and cardinality), ks (numeric), chi2 (categories), z (two values).'),
    correction: z.enum(['bh', 'holm', 'bonferroni', 'none']).optional().describe('Multiplicity correction across columns (default bh: Benjamini–Hochberg).'),
    alpha: z.number().gt(0).lt(1).optional().describe('Significance level for the adjusted p-values (default 0.05).'),
    wasserstein_threshold: z.number().min(0).optional().describe('Practical threshold on the Wasserstein distance in reference standard deviations for numeric columns (default 0.1).'),
    js_threshold: z.number().min(0).max(1).optional().describe('Practical threshold on the Jensen–Shannon distance (base 2) for categorical columns (default 0.1).'),
    threads: z
      .number()
      .int()
      .min(1)
      .max(64)
      .optional()
      .describe('Worker threads that measure numeric columns (default: the cores, used when at least two columns have 200,000 reference + current values or more; 1: none; an explicit value ≥ 2 uses them for every numeric column).'),
    drift_share: z.number().gt(0).max(1).optional().describe('The data set drifts when at least this share of the columns drifts (default: any column).'),
  })
  .describe('Settings for the drift-check stage.');

export type DriftConfig = z.infer<typeof DriftSection>;
