/**
 * The governance sections of the gate report: fairness across groups (metric, intervals,
 * verdicts, the per-group rates folded away) and permutation importance (the candidate's top
 * features beside the baseline's, the biggest rank changes, a mermaid bar chart from 0). Every
 * string from the data (attribute values, feature names) is escaped with shared/report/markdown.
 */
import { chartNumber } from '../../shared/report/charts.js';
import { code, details, escapeCell, formatNumber, mermaidCategories, mermaidLabel, table } from '../../shared/report/markdown.js';
import type { ImportanceSummary } from '../../shared/governance/permutation-importance.js';
import type { MetricVerdict } from './decide.js';
import type { Evaluation } from './evaluate.js';
import type { FairnessOutcome } from './fairness-gate.js';
import type { ImportanceEntry, ImportanceResult } from './importance.js';
import { intervalCell, NOT_AVAILABLE, signedCell, undefinedNote, valueCell } from '../../shared/report/undefined-values.js';

export const TOP_FEATURES = 10;
export const RANK_CHANGES = 5;

const VERDICT_CELL: Record<MetricVerdict, string> = { pass: '✅ pass', fail: '❌ fail', inconclusive: '⚠️ inconclusive', 'insufficient-evidence': '⛔ insufficient evidence', reported: 'reported' };


export function governanceSections(evaluation: Evaluation, hasBaseline: boolean): string[] {
  const out: string[] = [];
  if (evaluation.fairness?.length) out.push(fairnessSection(evaluation.fairness, hasBaseline), '');
  if (evaluation.importance) out.push(importanceSection(evaluation.importance, hasBaseline), '');
  return out;
}

export function fairnessTable(outcomes: FairnessOutcome[], hasBaseline: boolean): string {
  const header = hasBaseline ? ['attribute', 'metric', 'candidate', 'CI', 'baseline', 'Δ', 'CI of Δ', 'verdict'] : ['attribute', 'metric', 'candidate', 'CI', 'verdict'];
  const rows = outcomes.map((o) => {
    const row = [code(o.attribute), `${code(o.metric)} ${o.direction === 'higher' ? '↑' : '↓'}`, valueCell(o.candidate), intervalCell(o.candidate_ci)];
    if (hasBaseline) row.push(valueCell(o.baseline), signedCell(o.delta), intervalCell(o.ci));
    row.push(VERDICT_CELL[o.verdict]);
    return row;
  });
  const rendered = table(header, rows, hasBaseline ? ['l', 'l', 'r', 'c', 'r', 'r', 'c', 'l'] : ['l', 'l', 'r', 'c', 'l']);
  const note = undefinedNote(outcomes.map((o) => ({ name: `${o.metric}(${o.attribute})`, reason: o.undefined_reason })));
  return note ? `${rendered}\n\n${note}` : rendered;
}

function fairnessSection(outcomes: FairnessOutcome[], hasBaseline: boolean): string {
  const lines = ['### Fairness across groups', '', fairnessTable(outcomes, hasBaseline), ''];
  lines.push(
    `<sub>fairlearn's definitions over the groups with at least min_slice_rows rows: demographic parity difference = max − min selection rate, ratio = min / max, equalized odds difference = the larger of the TPR and FPR spreads. Intervals: bootstrap over holdout rows${hasBaseline ? ', paired across candidate and baseline' : ''}; gated interval tests are Holm-corrected with the metric tests.</sub>`,
    '',
  );
  const byAttribute = new Map<string, FairnessOutcome>();
  for (const o of outcomes) if (!byAttribute.has(o.attribute)) byAttribute.set(o.attribute, o);
  const body: string[] = [];
  for (const [attribute, o] of byAttribute) {
    const header = ['group', 'rows', 'selection rate', 'TPR', 'FPR', 'precision', ...(o.baseline_groups ? ['baseline selection rate'] : [])];
    const rows = Object.entries(o.groups).map(([group, r]) => [
      `${code(group)}${o.untested_groups.includes(group) ? ' (not tested: too few rows)' : ''}`,
      r.rows.toLocaleString('en-US'),
      valueCell(r.selection_rate),
      valueCell(r.tpr),
      valueCell(r.fpr),
      valueCell(r.precision),
      ...(o.baseline_groups ? [valueCell(o.baseline_groups[group]?.selection_rate)] : []),
    ]);
    body.push(`**${code(attribute)}** (candidate)`, '', table(header, rows), '');
    if (rows.some((row) => row.includes(NOT_AVAILABLE))) body.push(`<sub>${NOT_AVAILABLE}: a rate whose group has no rows it divides by (TPR: no positives, FPR: no negatives, precision: no positive decisions).</sub>`, '');
  }
  const rules = outcomes.filter((o) => o.gated || o.rule.startsWith('reported only (not')).map((o) => [code(o.attribute), code(o.metric), VERDICT_CELL[o.verdict], escapeCell(o.rule)]);
  if (rules.length) body.push(table(['attribute', 'metric', 'verdict', 'rule'], rules));
  lines.push(details('Rates per group and rules', body.join('\n')));
  return lines.join('\n');
}

const summaryCells = (s: ImportanceSummary | null) => (s ? [valueCell(s.mean), intervalCell(s.ci)] : ['—', '—']);

export function importanceTable(features: ImportanceEntry[], hasBaseline: boolean, top = TOP_FEATURES): string {
  const header = hasBaseline ? ['rank', 'feature', 'candidate', 'CI', 'baseline', 'CI', 'baseline rank'] : ['rank', 'feature', 'importance', 'CI'];
  const rows = features
    .filter((f) => f.candidate_rank !== null)
    .slice(0, top)
    .map((f) => [String(f.candidate_rank), code(f.feature), ...summaryCells(f.candidate), ...(hasBaseline ? [...summaryCells(f.baseline), f.baseline_rank === null ? 'not read' : String(f.baseline_rank)] : [])]);
  return table(header, rows, hasBaseline ? ['r', 'l', 'r', 'c', 'r', 'c', 'r'] : ['r', 'l', 'r', 'c']);
}

/** Features whose rank moved most between baseline and candidate (ties: the more important first). */
export function rankChanges(features: ImportanceEntry[], count = RANK_CHANGES): { feature: string; from: number | null; to: number | null; shift: number }[] {
  return features
    .filter((f) => f.candidate_rank !== f.baseline_rank)
    .map((f) => ({ feature: f.feature, from: f.baseline_rank, to: f.candidate_rank, shift: f.candidate_rank === null || f.baseline_rank === null ? Infinity : Math.abs(f.baseline_rank - f.candidate_rank) }))
    .sort((a, b) => b.shift - a.shift || (a.to ?? Infinity) - (b.to ?? Infinity))
    .slice(0, count);
}

function importanceSection(importance: ImportanceResult, hasBaseline: boolean): string {
  const lines = ['### Feature importance (permutation)', ''];
  const sample = importance.rows < importance.holdout_rows ? `a seeded sample of ${importance.rows.toLocaleString('en-US')} of ${importance.holdout_rows.toLocaleString('en-US')} rows` : `all ${importance.rows.toLocaleString('en-US')} rows`;
  lines.push(
    `Drop of ${code(importance.metric)} when the feature is shuffled (${importance.repeats} seeded permutations each, ${sample}, seed ${importance.seed}); unpermuted ${code(importance.metric)}: candidate ${formatNumber(importance.candidate_score)}${importance.baseline_score !== null ? `, baseline ${formatNumber(importance.baseline_score)}` : ''}. Top ${Math.min(TOP_FEATURES, importance.features.filter((f) => f.candidate_rank !== null).length)} of the candidate:`,
    '',
    importanceTable(importance.features, hasBaseline),
    '',
    `<sub>CI: ${formatNumber(importance.ci_level * 100, 3)} % t interval over the permutations (the spread of the shuffles on these rows, not of the holdout). Candidate and baseline are scored on the same shuffled rows.</sub>`,
    '',
  );
  if (hasBaseline) {
    const changes = rankChanges(importance.features);
    if (changes.length) {
      lines.push('**Biggest rank changes** (baseline → candidate):', '');
      for (const c of changes) lines.push(`- ${code(c.feature)}: ${c.from ?? 'not read'} → ${c.to ?? 'not read'}`);
      lines.push('');
    } else lines.push('The ranking of the features is the same for baseline and candidate.', '');
  }
  lines.push(importanceChart(importance, hasBaseline));
  return lines.join('\n');
}

/**
 * Mermaid bars of mean importance. xychart draws bars up from the bottom of the y axis, so the
 * axis starts at 0 and a negative mean (shuffling helped, i.e. noise) is drawn as 0; the table
 * has the signed values. A feature a model does not read is 0 for that model.
 */
export function importanceChart(importance: ImportanceResult, hasBaseline: boolean): string {
  const shown = importance.features.filter((f) => f.candidate !== null && Number.isFinite(f.candidate.mean)).slice(0, TOP_FEATURES);
  if (!shown.length) return '';
  const bar = (v: number | undefined) => (v === undefined || !Number.isFinite(v) || v <= 0 ? 0 : Number(v.toPrecision(4)));
  const number = (v: number) => chartNumber(v);
  const candidate = shown.map((f) => bar(f.candidate!.mean));
  const baseline = shown.map((f) => bar(f.baseline?.mean));
  const high = Math.max(...candidate, ...(hasBaseline ? baseline : []));
  return [
    '```mermaid',
    'xychart-beta',
    `  title "Permutation importance${hasBaseline ? ' (first bar candidate, second baseline)' : ''}, negatives as 0"`,
    `  x-axis [${mermaidCategories(shown.map((f) => f.feature)).join(', ')}]`,
    `  y-axis ${mermaidLabel(`drop of ${importance.metric}`)} 0 --> ${chartNumber((high || 0.01) * 1.1, 3)}`,
    `  bar [${candidate.map(number).join(', ')}]`,
    ...(hasBaseline ? [`  bar [${baseline.map(number).join(', ')}]`] : []),
    '```',
  ].join('\n');
}
