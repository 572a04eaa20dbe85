/**
 * The governance evidence on the model card: "Factors" names the sensitive attributes evaluated
 * and their groups, "Quantitative analyses" gets the fairness table (with intervals and verdicts)
 * and the permutation-importance table, and "Ethical considerations" (human-written) is followed
 * by the list of governance checks that ran and their outcome. `require` may name `fairness` or
 * `explainability`: a card without that evidence fails.
 */
import { code, escapeCell, formatNumber, table } from '../../shared/report/markdown.js';
import { intervalCell, undefinedNote, valueCell } from '../../shared/report/undefined-values.js';
import type { RunRecord } from '../../shared/record/schema.js';
import type { FairnessResultRecord, ImportanceRecordType } from '../../shared/record/sections/governance.js';

/** Evidence keys `require` accepts besides the model_card keys. */
export const EVIDENCE_KEYS = ['fairness', 'explainability'] as const;

export interface GovernanceCheckRow {
  check: string;
  outcome: string;
  detail?: string;
}

export interface CardGovernance {
  fairness?: FairnessResultRecord[];
  importance?: ImportanceRecordType;
  checks: GovernanceCheckRow[];
}

export function cardGovernance(record: RunRecord | undefined): CardGovernance | undefined {
  const evaluation = record?.evaluation;
  if (!evaluation || (!evaluation.fairness && !evaluation.importance)) return undefined;
  const checks = Array.isArray(evaluation.governance) ? (evaluation.governance as GovernanceCheckRow[]) : [];
  return { fairness: evaluation.fairness, importance: evaluation.importance, checks };
}

/** The required evidence that the record lacks. */
export function missingEvidence(governance: CardGovernance | undefined, require: readonly string[]): string[] {
  return require.filter((key) => (key === 'fairness' ? !governance?.fairness?.length : key === 'explainability' ? !governance?.importance : false));
}

const reasonOf = (f: FairnessResultRecord) => (typeof f.undefined_reason === 'string' ? f.undefined_reason : undefined);

export function factorsEvidence(governance: CardGovernance | undefined): string[] {
  if (!governance?.fairness?.length) return [];
  const byAttribute = new Map<string, FairnessResultRecord>();
  for (const f of governance.fairness) if (!byAttribute.has(f.attribute)) byAttribute.set(f.attribute, f);
  const lines = ['**Sensitive attributes evaluated** (groups and holdout rows; groups with too few rows are reported, not tested):', ''];
  for (const [attribute, f] of byAttribute) {
    const groups = Object.entries(f.groups).map(([group, rates]) => `${code(group)} ${rates.rows}${f.untested_groups?.includes(group) ? ' (not tested)' : ''}`);
    lines.push(`- ${code(attribute)}: ${groups.join(', ')}`);
  }
  lines.push('');
  return lines;
}

export function quantitativeEvidence(governance: CardGovernance | undefined): string[] {
  if (!governance) return [];
  const lines: string[] = [];
  if (governance.fairness?.length) {
    const rows = governance.fairness.map((f) => [code(f.attribute), code(f.metric), valueCell(f.candidate), intervalCell(f.candidate_ci), valueCell(f.baseline), intervalCell(f.ci), escapeCell(f.verdict)]);
    lines.push('**Fairness across groups** (fairlearn definitions; bootstrap intervals, paired against the baseline):', '', table(['attribute', 'metric', 'value', 'CI', 'baseline', 'CI of Δ', 'verdict'], rows), '');
    const note = undefinedNote(governance.fairness.map((f) => ({ name: `${f.metric}(${f.attribute})`, reason: reasonOf(f) })));
    if (note) lines.push(note, '');
  }
  const importance = governance.importance;
  if (importance) {
    const rows = importance.features
      .filter((f) => f.candidate)
      .slice(0, 10)
      .map((f) => [code(f.feature), valueCell(f.candidate!.mean), intervalCell(f.candidate!.ci), f.baseline ? valueCell(f.baseline.mean) : '—', f.baseline ? intervalCell(f.baseline.ci) : '—']);
    lines.push(`**Permutation feature importance** (drop of ${code(importance.metric)}, ${importance.repeats} seeded permutations on ${importance.rows} holdout rows; top ${rows.length}):`, '', table(['feature', 'importance', 'CI', 'baseline', 'baseline CI'], rows), '');
  }
  return lines;
}

export function checksEvidence(governance: CardGovernance | undefined): string[] {
  if (!governance?.checks.length) return ['**Governance checks run:** none (no fairness or explainability evidence in the run record; see gate.fairness and gate.explain).', ''];
  return ['**Governance checks run:**', '', ...governance.checks.map((c) => `- ${escapeCell(c.check)}: **${escapeCell(c.outcome)}**${c.detail ? ` (${escapeCell(c.detail)})` : ''}`), ''];
}
