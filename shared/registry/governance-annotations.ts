/**
 * Headline governance figures for a registered version's manifest annotations (the full figures
 * travel in the run record layer): each fairness metric's value and verdict, and the candidate's
 * top features by permutation importance. Kept under ANNOTATION_LIMIT bytes each.
 */
import type { RunRecord } from '../record/schema.js';
import { ANNOTATION } from './media-types.js';

export const ANNOTATION_LIMIT = 2048;
const TOP = 5;

const round = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? null : Number(v.toPrecision(4)));

/** Appends items while the JSON stays under the limit. */
function capped<T>(items: T[]): string {
  const kept: T[] = [];
  for (const item of items) {
    if (JSON.stringify([...kept, item]).length > ANNOTATION_LIMIT) break;
    kept.push(item);
  }
  return JSON.stringify(kept);
}

export function governanceAnnotations(record: RunRecord | undefined, modelSha256: string): Record<string, string> {
  const evaluation = record?.evaluation?.model.sha256 === modelSha256 ? record.evaluation : undefined;
  const out: Record<string, string> = {};
  if (evaluation?.fairness?.length) {
    out[ANNOTATION.fairness] = capped(evaluation.fairness.map((f) => ({ attribute: f.attribute, metric: f.metric, value: round(f.candidate), verdict: f.verdict })));
  }
  const importance = evaluation?.importance;
  if (importance) {
    const top = importance.features.filter((f) => f.candidate).slice(0, TOP);
    out[ANNOTATION.importance] = capped([{ metric: importance.metric }, ...top.map((f) => ({ feature: f.feature, mean: round(f.candidate!.mean) }))]);
  }
  return out;
}
