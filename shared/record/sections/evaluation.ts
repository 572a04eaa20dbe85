import * as z from 'zod/mini';
import '../../zod/setup.js';
import { Sha256 } from './common.js';
import { FairnessResult, ImportanceRecord } from './governance.js';

/** The gate's verdicts (stable strings; register and deploy accept only pass). */
export const Verdict = z.enum(['pass', 'fail', 'inconclusive', 'insufficient-evidence']);
/** A metric's verdict: one of the gate's, or `reported` for a metric no rule gates. */
export const MetricVerdict = z.enum([...Verdict.options, 'reported']);

export const MetricResult = z.looseObject({
  candidate: z.nullable(z.number()),
  baseline: z.optional(z.nullable(z.number())),
  delta: z.optional(z.nullable(z.number())),
  /** Confidence interval of the paired difference (candidate - baseline). */
  ci: z.optional(z.nullable(z.tuple([z.number(), z.number()]))),
  /** Confidence interval of the candidate's own value. */
  candidate_ci: z.optional(z.nullable(z.tuple([z.number(), z.number()]))),
  verdict: MetricVerdict,
  rule: z.string(),
  /** Why the value or an interval is null ("n/a" in reports), e.g. "undefined on these rows (no predicted positives)". */
  undefined_reason: z.optional(z.string()),
});

export const EvaluationRecord = z.looseObject({
  task: z.enum(['classification', 'regression']),
  model: z.looseObject({ path: z.string(), sha256: Sha256 }),
  data: z.looseObject({ path: z.string(), fingerprint: z.optional(z.string()), rows: z.number().check(z.int(), z.gte(0)) }),
  baseline: z.nullable(z.looseObject({ ref: z.string(), sha256: z.optional(Sha256) })),
  alpha: z.number(),
  metrics: z.record(z.string(), MetricResult),
  slices: z.optional(z.array(z.looseObject({ column: z.string(), value: z.string(), rows: z.number(), metrics: z.record(z.string(), MetricResult) }))),
  verdict: Verdict,
  passed: z.boolean(),
  override: z.optional(z.looseObject({ reason: z.string() })),
  /** The holdout checked against the champion's (or the pinned) fingerprint. */
  holdout: z.optional(z.looseObject({ fingerprint: z.string(), expected: z.optional(z.string()), status: z.enum(['match', 'changed', 'unchecked']), reason: z.optional(z.string()) })),
  /** gate.fairness: one result per attribute × metric. */
  fairness: z.optional(z.array(FairnessResult)),
  /** Permutation feature importance of candidate and baseline. */
  importance: z.optional(ImportanceRecord),
});
