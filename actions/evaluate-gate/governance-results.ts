/** The governance evidence in the results JSON and the run record (fairness, importance, the checks that ran). */
import type { MetricVerdict } from './decide.js';
import type { Evaluation } from './evaluate.js';
import type { ImportanceEntry } from './importance.js';
import type { ImportanceSummary } from '../../shared/governance/permutation-importance.js';

const finite = (value: number) => (Number.isFinite(value) ? value : null);

/** A summary with null for every number that is not finite (an undefined mean, the open interval of one defined repeat): JSON has no NaN or ∞. */
function jsonSummary(s: ImportanceSummary | null) {
  return s && { ...s, mean: finite(s.mean), std: finite(s.std), ci: [finite(s.ci[0]), finite(s.ci[1])] as [number | null, number | null], repeats: s.repeats.map(finite) };
}

function jsonFeatures(features: ImportanceEntry[]) {
  return features.map((f) => ({ ...f, candidate: jsonSummary(f.candidate), baseline: jsonSummary(f.baseline) }));
}

export interface GovernanceCheck {
  check: 'fairness' | 'explainability';
  /** fairness: the most severe verdict of its rules (or `reported` when none is gated); explainability: `computed`. */
  outcome: MetricVerdict | 'computed';
  detail: string;
}

const SEVERITY: MetricVerdict[] = ['fail', 'insufficient-evidence', 'inconclusive', 'pass', 'reported'];

export function governanceChecks(evaluation: Pick<Evaluation, 'fairness' | 'importance'>): GovernanceCheck[] {
  const checks: GovernanceCheck[] = [];
  if (evaluation.fairness) {
    const verdicts = evaluation.fairness.map((f) => f.verdict);
    const outcome = SEVERITY.find((v) => verdicts.includes(v)) ?? 'reported';
    const attributes = [...new Set(evaluation.fairness.map((f) => f.attribute))];
    const gated = evaluation.fairness.filter((f) => f.gated).length;
    checks.push({ check: 'fairness', outcome, detail: `${evaluation.fairness.length} metric × attribute results over ${attributes.join(', ')}; ${gated} gated` });
  }
  if (evaluation.importance) {
    const i = evaluation.importance;
    checks.push({ check: 'explainability', outcome: 'computed', detail: `permutation importance of ${i.features.length} features, ${i.repeats} repeats on ${i.rows} rows (${i.metric})` });
  }
  return checks;
}

/** Fields of the results JSON: `fairness`, `importance` (sorted by the candidate's mean), `importance_method`, `governance`. */
export function governanceResults(evaluation: Evaluation) {
  const importance = evaluation.importance;
  return {
    ...(evaluation.fairness ? { fairness: evaluation.fairness } : {}),
    ...(importance
      ? {
          importance: jsonFeatures(importance.features),
          importance_method: {
            method: 'permutation',
            metric: importance.metric,
            direction: importance.direction,
            repeats: importance.repeats,
            rows: importance.rows,
            holdout_rows: importance.holdout_rows,
            sample: importance.rows < importance.holdout_rows ? 'seeded sample without replacement (xoshiro128**, seed below)' : 'whole holdout',
            seed: importance.seed,
            ci: `t interval over the repeats at ${importance.ci_level} (permutation spread, not holdout sampling)`,
            candidate_score: importance.candidate_score,
            baseline_score: importance.baseline_score,
            seconds: importance.seconds,
          },
        }
      : {}),
    ...(evaluation.fairness || importance ? { governance: governanceChecks(evaluation) } : {}),
  };
}

/** The same evidence for the run record's evaluation section (register and lineage read it). */
export function governanceRecord(evaluation: Evaluation) {
  const importance = evaluation.importance;
  return {
    ...(evaluation.fairness ? { fairness: evaluation.fairness } : {}),
    ...(importance ? { importance: { metric: importance.metric, repeats: importance.repeats, rows: importance.rows, seed: importance.seed, candidate_score: importance.candidate_score, baseline_score: importance.baseline_score, features: jsonFeatures(importance.features) } } : {}),
    ...(evaluation.fairness || importance ? { governance: governanceChecks(evaluation) } : {}),
  };
}
