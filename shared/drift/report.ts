/**
 * The drift report (job summary, issue body, report.md): verdict, decision rule, one table
 * row per column (test, statistic, p, adjusted p, effect, verdict), mermaid histograms of
 * reference vs current for the drifted columns (y axis from 0), the label-free performance
 * estimate, and what happened on GitHub. Every user-provided string is escaped.
 */
import { code, escapeCell, formatNumber, table } from '../report/markdown.js';
import { barChart } from '../report/charts.js';
import { valueCell } from '../report/undefined-values.js';
import type { Decision, DecisionRule } from './decide.js';
import type { PerformanceEstimate } from './performance.js';
import type { ColumnResult } from './result.js';

export interface ReportInput {
  current: string;
  reference: string;
  referenceIsProfile: boolean;
  currentRows: number;
  referenceRows: number;
  rule: DecisionRule;
  decision: Decision;
  /** Columns left out of the comparison, with why. */
  skipped?: { column: string; reason: string }[];
  performance?: PerformanceEstimate;
  /** What was (or was not) done on GitHub, one line each; filled in after the statistics. */
  github?: string[];
}

const TEST_NAMES: Record<string, string> = { ks: 'KS', chi2: 'χ²', z: 'z (2 proportions)' };
const MAX_CHARTS = 10;

export function renderDriftReport(input: ReportInput): string {
  const { decision, rule } = input;
  const lines: string[] = [];
  const verdict = decision.drifted
    ? `**Drift detected** in ${decision.driftedColumns.length} of ${decision.columns.length} columns (share ${formatNumber(decision.share, 3)}).`
    : `**No drift**: 0 of ${decision.columns.length} columns drifted.`;
  lines.push('## drift-check', '', verdict, '');
  lines.push(`Current: ${code(input.current)} (${input.currentRows.toLocaleString('en-US')} rows) · reference: ${code(input.reference)} (${input.referenceRows.toLocaleString('en-US')} rows${input.referenceIsProfile ? ', a profile' : ''}).`, '');
  lines.push(
    `A column drifts when its test is significant after the ${correctionName(rule.correction)} correction across ${decision.columns.length} columns (adjusted p < ${rule.alpha}) **and** its effect reaches the practical threshold (Wasserstein ≥ ${rule.wassersteinThreshold} reference sd; Jensen–Shannon ≥ ${rule.jsThreshold}).` +
      (rule.driftShare !== undefined ? ` The data set drifts when at least ${formatNumber(rule.driftShare, 3)} of the columns drift.` : ' The data set drifts when any column drifts.'),
    '',
  );
  if (input.referenceIsProfile) {
    lines.push('> [!NOTE]', '> The reference is a profile, not raw data: its statistics come from the profile\'s histograms and value counts. The bound on each figure\'s error is in the last column.', '');
  }
  const header = ['column', 'test', 'statistic', 'p', 'adjusted p', 'effect', 'PSI', 'missing (ref / cur)', 'verdict'];
  if (input.referenceIsProfile) header.push('error bound');
  const rows = decision.columns.map((c) => {
    const row = [
      `${escapeCell(c.column)}${c.role === 'prediction' ? ' (prediction)' : ''}`,
      TEST_NAMES[c.test] ?? c.test,
      formatNumber(c.statistic),
      formatNumber(c.p_value),
      formatNumber(c.adjusted_p),
      `${c.effect.measure === 'js' ? 'JS' : 'W/sd'} ${formatNumber(c.effect.value, 3)}`,
      formatNumber(c.psi, 3),
      `${c.reference_missing} / ${c.current_missing}`,
      c.drifted ? '🔴 drift' : c.significant ? 'significant, small effect' : 'no drift',
    ];
    if (input.referenceIsProfile) row.push(boundText(c));
    return row;
  });
  lines.push(table(header, rows, ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'l']), '');
  for (const s of input.skipped ?? []) lines.push(`${escapeCell(s.column)}: not compared (${escapeCell(s.reason)}).`);
  if (input.skipped?.length) lines.push('');
  const merged = decision.columns.filter((c) => c.merged_categories);
  for (const c of merged) lines.push(`${escapeCell(c.column)}: rare categories pooled for χ² (expected count < 5): ${escapeCell(c.merged_categories!.slice(0, 10).join(', '))}${c.merged_categories!.length > 10 ? ', …' : ''}.`);
  if (merged.length) lines.push('');

  const drifted = decision.columns.filter((c) => c.drifted);
  if (drifted.length > 0) {
    lines.push('### Reference vs current', '');
    for (const c of drifted.slice(0, MAX_CHARTS)) lines.push(histogramChart(c), '');
    if (drifted.length > MAX_CHARTS) lines.push(`(${drifted.length - MAX_CHARTS} more drifted columns; see results.json)`, '');
  }
  if (input.performance) lines.push(...performanceLines(input.performance), '');
  if (input.github && input.github.length > 0) lines.push('### GitHub', '', ...input.github.map((l) => `- ${l}`), '');
  return `${lines.join('\n').trimEnd()}\n`;
}

function correctionName(c: DecisionRule['correction']): string {
  return c === 'bh' ? 'Benjamini–Hochberg' : c === 'holm' ? 'Holm' : c === 'bonferroni' ? 'Bonferroni' : 'no';
}

function boundText(c: ColumnResult): string {
  if (!c.from_profile) return '';
  const b = c.from_profile.bounds;
  const parts = [];
  if (b.statistic !== undefined) parts.push(`D ±${formatNumber(b.statistic, 2)}`);
  if (b.wasserstein_normed !== undefined) parts.push(`W/sd ±${formatNumber(b.wasserstein_normed, 2)}`);
  return parts.length ? parts.join(', ') : escapeCell(c.from_profile.method.startsWith('exact') ? 'exact' : c.from_profile.method);
}

/** Two bar series (reference, current) of % of rows per bin; the y axis starts at 0. */
export function histogramChart(c: ColumnResult): string {
  const h = c.histogram;
  if (!h.labels.length) return '';
  const percent = (shares: number[]) => shares.map((share) => share * 100);
  return [
    `**${escapeCell(c.column)}**: reference (first bars) vs current (second bars), % of rows`,
    '',
    barChart({
      title: `${c.column}: reference vs current`,
      titleLength: 80,
      // The chart alphabet has no `>`: the open upper bin reads "over x".
      labels: h.labels.map((label) => label.replace(/^>/, 'over ')),
      labelLength: 80,
      yLabel: '% of rows',
      bars: [percent(h.reference), percent(h.current)],
    }),
  ].join('\n');
}

function performanceLines(p: PerformanceEstimate): string[] {
  const rows = [
    // n/a: undefined (ROC AUC when every probability is 0 or 1), or no reference scores.
    ['expected accuracy', valueCell(p.reference?.accuracy), valueCell(p.current.accuracy)],
    ['expected ROC AUC', valueCell(p.reference?.rocAuc), valueCell(p.current.rocAuc)],
  ];
  return [
    '### Estimated performance without labels',
    '',
    `From the model's positive-class probabilities (${code(p.source)}), confidence-based as NannyML's CBPE. **An estimate that assumes the model is calibrated** on the current data; it cannot see concept drift.`,
    '',
    table(['metric', 'reference', 'current'], rows, ['l', 'r', 'r']),
  ];
}
