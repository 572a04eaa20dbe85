/** Did this exact model pass the gate? Read from the run record's evaluation section. */
import type { RunRecord } from '../../shared/record/schema.js';

export interface GateStatus {
  passed: boolean;
  /** pass / fail / inconclusive, or none without an evaluation. */
  verdict: string;
  /** Why it did not pass, for the refusal message. */
  reason?: string;
}

export function gateStatus(record: RunRecord | undefined, recordPath: string, modelSha256: string): GateStatus {
  if (!record) return { passed: false, verdict: 'none', reason: `there is no run record at ${recordPath}` };
  const evaluation = record.evaluation;
  if (!evaluation) return { passed: false, verdict: 'none', reason: `the run record ${recordPath} has no evaluation (run evaluate-gate first)` };
  if (evaluation.model.sha256 !== modelSha256) {
    return { passed: false, verdict: 'none', reason: `the gate evaluated a different model (sha256 ${evaluation.model.sha256.slice(0, 12)}…, this one is ${modelSha256.slice(0, 12)}…)` };
  }
  // Only a verdict of pass registers on its own: inconclusive (even when gate.inconclusive let
  // the step pass) and overridden failures need force-reason here.
  if (evaluation.verdict !== 'pass') {
    const why = evaluation.passed ? ` (the gate step passed by policy: ${evaluation.override ? 'overridden' : 'gate.inconclusive'})` : '';
    return { passed: false, verdict: evaluation.verdict, reason: `the gate verdict is "${evaluation.verdict}"${why}` };
  }
  if (!evaluation.passed) return { passed: false, verdict: evaluation.verdict, reason: `the gate verdict is "${evaluation.verdict}" but the gate did not pass` };
  return { passed: true, verdict: evaluation.verdict };
}

/**
 * Headline metrics for the version's annotations: the gate's candidate values, else training
 * metrics; only those measured on this very model (same sha256).
 */
export function headlineMetrics(record: RunRecord | undefined, modelSha256: string, limit = 12): Record<string, number> {
  const metrics: Record<string, number> = {};
  const evaluation = record?.evaluation;
  if (evaluation && evaluation.model.sha256 === modelSha256) {
    for (const [name, result] of Object.entries(evaluation.metrics)) if (typeof result.candidate === 'number' && Number.isFinite(result.candidate)) metrics[name] = result.candidate;
  } else if (record?.train?.model?.sha256 === modelSha256) {
    for (const [name, value] of Object.entries(record.train.metrics)) if (Number.isFinite(value)) metrics[name] = value;
  }
  return Object.fromEntries(Object.entries(metrics).slice(0, limit));
}
