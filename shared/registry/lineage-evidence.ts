/**
 * The audit-trail part of `mlops lineage`: from the run record stored with a version (digest
 * verified by the reader), the training run (command, params, GPUs), the gate's evidence
 * (verdict, metrics, fairness, importance, the governance checks), the model card, and the
 * deployments of this digest (the record's deploy section; optionally a local run record's).
 * Every value is data from the registry: the text formatter strips control characters.
 */
import type { RunRecord } from '../record/schema.js';

export interface LineageEvidence {
  training?: { command: string; params?: Record<string, unknown>; gpus: string[]; started_at?: string; duration_seconds?: number };
  evaluation?: {
    verdict: string;
    baseline: string | null;
    holdout?: { fingerprint?: string; rows: number };
    metrics: Record<string, { candidate: number | null; baseline?: number | null; delta?: number | null; ci?: [number, number] | null; verdict: string }>;
    fairness: { attribute: string; metric: string; candidate: number | null; baseline: number | null; ci: [number, number] | null; candidate_ci?: [number, number] | null; verdict: string }[];
    importance?: { metric: string; repeats: number; rows: number; top: { feature: string; candidate: number | null; baseline: number | null }[] };
    checks: { check: string; outcome: string }[];
  };
  card?: { path: string; sha256: string; missing_sections: string[] };
  deployments: { environment: string; status: string; url?: string; at?: string; source: string }[];
}

const TOP = 5;

export function lineageEvidence(record: RunRecord | undefined, digest: string, extra?: { record: RunRecord; path: string }): LineageEvidence {
  const out: LineageEvidence = { deployments: [] };
  const train = record?.train;
  if (train) out.training = { command: train.command, params: train.params, gpus: train.environment.gpus.map((g) => g.name), started_at: train.started_at, duration_seconds: train.duration_seconds };
  const evaluation = record?.evaluation;
  if (evaluation) {
    const features = evaluation.importance?.features ?? [];
    out.evaluation = {
      verdict: evaluation.verdict,
      baseline: evaluation.baseline?.ref ?? null,
      holdout: { fingerprint: evaluation.data.fingerprint, rows: evaluation.data.rows },
      metrics: Object.fromEntries(Object.entries(evaluation.metrics).map(([name, m]) => [name, { candidate: m.candidate, baseline: m.baseline, delta: m.delta, ci: m.ci, verdict: m.verdict }])),
      fairness: (evaluation.fairness ?? []).map((f) => ({ attribute: f.attribute, metric: f.metric, candidate: f.candidate, baseline: f.baseline, ci: f.ci, candidate_ci: f.candidate_ci, verdict: f.verdict })),
      importance: evaluation.importance
        ? { metric: evaluation.importance.metric, repeats: evaluation.importance.repeats, rows: evaluation.importance.rows, top: features.filter((f) => f.candidate).slice(0, TOP).map((f) => ({ feature: f.feature, candidate: f.candidate?.mean ?? null, baseline: f.baseline?.mean ?? null })) }
        : undefined,
      checks: Array.isArray(evaluation.governance) ? (evaluation.governance as { check: string; outcome: string }[]).map((c) => ({ check: String(c.check), outcome: String(c.outcome) })) : [],
    };
  }
  if (record?.model_card) out.card = { path: record.model_card.path, sha256: record.model_card.sha256, missing_sections: record.model_card.missing_sections };
  for (const [source, r] of [['stored run record', record], [extra?.path, extra?.record]] as const) {
    const deploy = r?.deploy;
    if (deploy && deploy.digest === digest) {
      const at = [...r!.history].reverse().find((h) => h.stage === 'deploy')?.at;
      out.deployments.push({ environment: deploy.environment, status: deploy.status, url: deploy.url, at, source: source! });
    }
  }
  return out;
}

// Undefined values (null in the record: e.g. precision without predicted positives) read n/a, as in the reports.
const num = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : Number(v.toPrecision(4)).toString());
const range = (ci: [number, number] | null | undefined) => (ci ? `[${num(ci[0])}, ${num(ci[1])}]` : 'n/a');

/** Label/value rows for the text format, after the ones formatLineage prints. */
export function evidenceRows(e: LineageEvidence): [string, string][] {
  const rows: [string, string][] = [];
  if (e.training) {
    const params = e.training.params && Object.keys(e.training.params).length ? ` params ${JSON.stringify(e.training.params)}` : '';
    rows.push(['training run', `${e.training.command}${params}; ${e.training.gpus.length ? e.training.gpus.join(', ') : 'CPU'}`]);
  }
  const ev = e.evaluation;
  if (ev) {
    rows.push(['gate evidence', `${ev.verdict}${ev.baseline ? ` against ${ev.baseline}` : ' (no baseline)'}${ev.holdout ? ` on ${ev.holdout.rows} rows${ev.holdout.fingerprint ? ` of ${ev.holdout.fingerprint}` : ''}` : ''}`]);
    for (const [name, m] of Object.entries(ev.metrics)) rows.push([`  ${name}`, `${num(m.candidate)}${m.baseline !== undefined && m.baseline !== null ? ` (baseline ${num(m.baseline)}, Δ CI ${range(m.ci)})` : ''} ${m.verdict}`]);
    for (const f of ev.fairness) rows.push([`  fairness`, `${f.metric} over ${f.attribute}: ${num(f.candidate)} CI ${range(f.candidate_ci)}${f.baseline !== null ? ` (baseline ${num(f.baseline)})` : ''} ${f.verdict}`]);
    if (ev.importance) rows.push(['  importance', `drop of ${ev.importance.metric} (${ev.importance.repeats} repeats, ${ev.importance.rows} rows): ${ev.importance.top.map((t) => `${t.feature} ${num(t.candidate)}${t.baseline !== null ? ` (baseline ${num(t.baseline)})` : ''}`).join(', ')}`]);
    if (ev.checks.length) rows.push(['  checks', ev.checks.map((c) => `${c.check} ${c.outcome}`).join(', ')]);
  }
  rows.push(['card', e.card ? `${e.card.path} sha256:${e.card.sha256}${e.card.missing_sections.length ? ` (missing: ${e.card.missing_sections.join(', ')})` : ''}` : 'not recorded']);
  rows.push(['deployments', e.deployments.length ? e.deployments.map((d) => `${d.environment} ${d.status}${d.url ? ` ${d.url}` : ''}${d.at ? ` at ${d.at}` : ''} (${d.source})`).join('; ') : 'none recorded']);
  return rows;
}
