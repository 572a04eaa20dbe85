/** Did this exact model pass the gate? Read from the run record's evaluation section. */
import { changedSections } from '../../shared/record/integrity.js';
import type { RunRecord } from '../../shared/record/schema.js';

export interface GateStatus {
  passed: boolean;
  /** pass / fail / inconclusive / insufficient-evidence, or none without an evaluation. */
  verdict: string;
  /** Why it did not pass, for the refusal message. */
  reason?: string;
}

export function gateStatus(record: RunRecord | undefined, recordPath: string, modelSha256: string): GateStatus {
  if (!record) return { passed: false, verdict: 'none', reason: `there is no run record at ${recordPath}` };
  const evaluation = record.evaluation;
  if (!evaluation) return { passed: false, verdict: 'none', reason: `the run record ${recordPath} has no evaluation (run evaluate-gate first)` };
  const altered = untrustedSections(record).filter((s) => s.section === 'evaluation' || s.section === '*');
  if (altered.length) return { passed: false, verdict: 'none', reason: `the run record's evaluation section cannot be trusted: ${altered.map((a) => a.why).join('; ')}` };
  if (evaluation.model.sha256 !== modelSha256) {
    return { passed: false, verdict: 'none', reason: `the gate evaluated a different model (sha256 ${evaluation.model.sha256.slice(0, 12)}…, this one is ${modelSha256.slice(0, 12)}…)` };
  }
  // Only a verdict of pass registers on its own: inconclusive and insufficient-evidence (even when
  // gate.inconclusive / gate.insufficient_evidence let the step pass) and overridden failures need
  // force-reason here.
  if (evaluation.verdict !== 'pass') {
    const policy = evaluation.override ? 'overridden' : evaluation.verdict === 'insufficient-evidence' ? 'gate.insufficient_evidence' : 'gate.inconclusive';
    const why = evaluation.passed ? ` (the gate step passed by policy: ${policy})` : '';
    return { passed: false, verdict: evaluation.verdict, reason: `the gate verdict is "${evaluation.verdict}"${why}` };
  }
  if (!evaluation.passed) return { passed: false, verdict: evaluation.verdict, reason: `the gate verdict is "${evaluation.verdict}" but the gate did not pass` };
  return { passed: true, verdict: evaluation.verdict };
}

/** Sections flagged in the record, or whose content no longer matches the digest their stage stored. */
export function untrustedSections(record: RunRecord | undefined): Array<{ section: string; why: string }> {
  if (!record) return [];
  const flagged = (record.integrity?.flags ?? []).map((flag) => ({ section: flag.section, why: `${flag.section} ${flag.why} (noticed by ${flag.stage})` }));
  const changed = changedSections(record).map((change) => ({ section: change.section as string, why: `${change.section} changed after ${change.wroteBy} wrote it` }));
  return [...flagged, ...changed];
}

/**
 * Headline metrics for the version's annotations: only the gate's re-measured candidate values
 * for this very model (same sha256), never what the training code reported about itself.
 */
export function headlineMetrics(record: RunRecord | undefined, modelSha256: string, limit = 12): Record<string, number> {
  const metrics: Record<string, number> = {};
  const evaluation = record?.evaluation;
  if (evaluation && evaluation.model.sha256 === modelSha256) {
    for (const [name, result] of Object.entries(evaluation.metrics)) if (typeof result.candidate === 'number' && Number.isFinite(result.candidate)) metrics[name] = result.candidate;
  }
  return Object.fromEntries(Object.entries(metrics).slice(0, limit));
}
