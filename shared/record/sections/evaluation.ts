import { z } from 'zod';
import { Sha256 } from './common.js';
import { FairnessResult, ImportanceRecord } from './governance.js';

/** The gate's verdicts (stable strings; register and deploy accept only pass). */
export const Verdict = z.enum(['pass', 'fail', 'inconclusive', 'insufficient-evidence']);
/** A metric's verdict: one of the gate's, or `reported` for a metric no rule gates. */
export const MetricVerdict = z.enum([...Verdict.options, 'reported']);

export const MetricResult = z.looseObject({
  candidate: z.number().nullable(),
  baseline: z.number().nullable().optional(),
  delta: z.number().nullable().optional(),
  /** Confidence interval of the paired difference (candidate - baseline). */
  ci: z.tuple([z.number(), z.number()]).nullable().optional(),
  /** Confidence interval of the candidate's own value. */
  candidate_ci: z.tuple([z.number(), z.number()]).nullable().optional(),
  verdict: MetricVerdict,
  rule: z.string(),
  /** Why the value or an interval is null ("n/a" in reports), e.g. "undefined on these rows (no predicted positives)". */
  undefined_reason: z.string().optional(),
});

export const EvaluationRecord = z.looseObject({
  task: z.enum(['classification', 'regression']),
  model: z.looseObject({ path: z.string(), sha256: Sha256 }),
  data: z.looseObject({ path: z.string(), fingerprint: z.string().optional(), rows: z.number().int().nonnegative() }),
  baseline: z.looseObject({ ref: z.string(), sha256: Sha256.optional() }).nullable(),
  alpha: z.number(),
  metrics: z.record(z.string(), MetricResult),
  slices: z.array(z.looseObject({ column: z.string(), value: z.string(), rows: z.number(), metrics: z.record(z.string(), MetricResult) })).optional(),
  verdict: Verdict,
  passed: z.boolean(),
  override: z.looseObject({ reason: z.string() }).optional(),
  /** The holdout checked against the champion's (or the pinned) fingerprint. */
  holdout: z.looseObject({ fingerprint: z.string(), expected: z.string().optional(), status: z.enum(['match', 'changed', 'unchecked']), reason: z.string().optional() }).optional(),
  /** gate.fairness: one result per attribute × metric. */
  fairness: z.array(FairnessResult).optional(),
  /** Permutation feature importance of candidate and baseline. */
  importance: ImportanceRecord.optional(),
});
