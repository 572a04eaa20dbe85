/**
 * The gate report (PR comment and job summary): overall verdict first, then candidate vs
 * baseline per metric with Δ, its interval and the verdict, a mermaid chart of the deltas,
 * slices and the confusion matrix folded away, how it was decided, and links.
 */
import { deltaChart } from '../../shared/report/charts.js';
import { code, details, escapeCell, escapeText, formatNumber, link, table } from '../../shared/report/markdown.js';
import type { GroupOutcome, MetricOutcome, MetricVerdict, Verdict } from './decide.js';
import type { Evaluation } from './evaluate.js';
import { governanceSections } from './governance-report.js';
import { intervalCell, signedCell, undefinedNote, valueCell } from '../../shared/report/undefined-values.js';

export interface ReportContext {
  modelName: string;
  candidate: string;
  /** sha256 of the candidate model file actually scored. */
  candidateSha256?: string;
  baseline?: string;
  /** sha256 of the baseline model file actually scored. */
  baselineSha256?: string;
  /** Why there is no baseline although one was named (an alias no version carries yet). */
  firstRun?: string;
  data: string;
  passed: boolean;
  inconclusivePolicy: 'fail' | 'warn' | 'pass';
  insufficientPolicy?: 'fail' | 'warn' | 'pass';
  override?: string;
  runUrl?: string;
  artifactUrl?: string;
  reportPath: string;
}

const BADGE: Record<Verdict, string> = { pass: '✅ PASS', fail: '❌ FAIL', inconclusive: '⚠️ INCONCLUSIVE', 'insufficient-evidence': '⛔ INSUFFICIENT EVIDENCE' };
const VERDICT_CELL: Record<MetricVerdict, string> = { pass: '✅ pass', fail: '❌ fail', inconclusive: '⚠️ inconclusive', 'insufficient-evidence': '⛔ insufficient evidence', reported: 'reported' };

export function renderReport(evaluation: Evaluation, context: ReportContext): string {
  const overall = evaluation.outcomes[0]!;
  const lines: string[] = [];
  const outcome = context.override && evaluation.verdict === 'fail' ? `${BADGE.fail} (overridden)` : BADGE[evaluation.verdict];
  lines.push(`## ${outcome} · evaluate-gate · ${escapeText(context.modelName)}`, '');
  lines.push(verdictSentence(evaluation, context), '');
  if (evaluation.reasons.length) {
    lines.push('**Failed:**', '', ...evaluation.reasons.map((r) => `- ${escapeCell(r)}`), '');
  }
  if (context.override) lines.push(`> [!WARNING]\n> Gate overridden in mlops.yml: ${escapeCell(context.override)}`, '');
  for (const note of evaluation.notes) lines.push(`> [!NOTE]\n> ${escapeCell(note)}`, '');

  const hasBaseline = Boolean(context.baseline);
  lines.push(metricTable(overall, hasBaseline), '');
  lines.push(intervalNote(evaluation, hasBaseline), '');
  if (hasBaseline) lines.push(deltaChartOf(overall), '');

  lines.push(...governanceSections(evaluation, hasBaseline));

  const slices = evaluation.outcomes.slice(1);
  if (slices.length) lines.push(details(`Slices (${slices.length})`, sliceTables(slices, hasBaseline)), '');
  if (evaluation.confusion && evaluation.classes) lines.push(details('Confusion matrices', confusion(evaluation)), '');
  lines.push(details('How this was decided', rules(evaluation, context)), '');

  const links = [link('workflow run', context.runUrl), context.artifactUrl ? link('full report and results (artifact)', context.artifactUrl) : `full report: ${code(context.reportPath)} and the job summary`];
  lines.push(links.join(' · '), '');
  return lines.join('\n');
}

function verdictSentence(evaluation: Evaluation, context: ReportContext): string {
  const against = context.baseline
    ? `against baseline ${code(context.baseline)}${context.baselineSha256 ? ` (model sha256 ${code(context.baselineSha256)})` : ''}`
    : `with **no baseline** (first run${context.firstRun ? `: ${escapeCell(context.firstRun)}` : ''}; absolute thresholds only)`;
  const head = `Candidate ${code(context.candidate)}${context.candidateSha256 ? ` (model sha256 ${code(context.candidateSha256)})` : ''} ${against}, re-scored on ${code(context.data)} (${evaluation.rows.toLocaleString('en-US')} rows, ${evaluation.kind}).`;
  let tail = '';
  if (evaluation.verdict === 'insufficient-evidence') {
    const needed = Object.entries(evaluation.outcomes[0]!.metrics).filter(([, m]) => m.rows_needed !== undefined);
    const sizes = needed.map(([metric, m]) => `${code(metric)} detects ${formatNumber(m.min_detectable!)} (needs ${formatNumber(m.min_detectable_target!)}): about ${m.rows_needed!.toLocaleString('en-US')} rows`);
    const undefinedGated = Object.entries(evaluation.outcomes[0]!.metrics).filter(([, m]) => m.gated && m.verdict === 'insufficient-evidence' && m.undefined_reason !== undefined);
    const reasons = [...sizes, ...undefinedGated.map(([metric, m]) => `${code(metric)} is n/a: ${escapeCell(m.undefined_reason!)}`)].join('; ');
    tail = ` The holdout is too small to judge${reasons ? ` (${reasons})` : ''}; policy \`insufficient_evidence: ${context.insufficientPolicy ?? 'fail'}\` makes the step ${context.passed ? 'pass' : 'fail'}.`;
  } else if (evaluation.verdict === 'inconclusive') {
    tail = ` The evidence is inconclusive; policy \`inconclusive: ${context.inconclusivePolicy}\` makes the step ${context.passed ? 'pass' : 'fail'}.`;
  } else if (evaluation.verdict === 'fail') {
    tail = context.passed ? ' The gate failed but is overridden, so the step passes.' : ' The step fails.';
  } else tail = ' The step passes.';
  return `${head}${tail}`;
}

function cells(metric: string, m: MetricOutcome, hasBaseline: boolean): string[] {
  const arrow = m.direction === 'higher' ? '↑' : '↓';
  const row = [`${code(metric)} ${arrow}`, valueCell(m.candidate), intervalCell(m.candidate_ci)];
  if (hasBaseline) row.push(valueCell(m.baseline), signedCell(m.delta), intervalCell(m.ci));
  row.push(VERDICT_CELL[m.gated ? m.verdict : 'reported']);
  return row;
}

/** The metric table, with a line naming why any n/a cell is undefined. */
function metricTable(group: GroupOutcome, hasBaseline: boolean): string {
  const header = hasBaseline ? ['metric', 'candidate', 'CI', 'baseline', 'Δ', 'CI of Δ', 'verdict'] : ['metric', 'candidate', 'CI', 'verdict'];
  const rows = Object.entries(group.metrics).map(([metric, m]) => cells(metric, m, hasBaseline));
  const rendered = table(header, rows, hasBaseline ? ['l', 'r', 'c', 'r', 'r', 'c', 'l'] : ['l', 'r', 'c', 'l']);
  const note = undefinedNote(Object.entries(group.metrics).map(([name, m]) => ({ name, reason: m.undefined_reason })));
  return note ? `${rendered}\n\n${note}` : rendered;
}

function intervalNote(evaluation: Evaluation, hasBaseline: boolean): string {
  const confidence = formatNumber((1 - evaluation.alpha) * 100, 3);
  const parts = [`CI: ${confidence} % percentile intervals (order statistics) from a paired bootstrap over rows (${evaluation.resamples} resamples, seed ${evaluation.seed}).`];
  if (hasBaseline) {
    parts.push('For gated changes, "CI of Δ" inverts the test that decided the verdict at the level it was judged at (Holm: α / (m − rank + 1), or the level where Holm stopped; wider than 95 % when several tests are made), so it excludes the boundary exactly when the Holm-adjusted p-value is ≤ α; for accuracy it is Tango\'s score interval for paired proportions.');
  }
  parts.push('↑ higher is better, ↓ lower is better.');
  return `<sub>${parts.join(' ')}</sub>`;
}

/** Δ per metric, drawn from 0 (shared/report/charts.ts); none for a single metric (the table has it). */
function deltaChartOf(group: GroupOutcome): string {
  const entries = Object.entries(group.metrics).filter(([, m]) => m.delta !== null);
  if (entries.length < 2) return '';
  return deltaChart({ title: 'Δ candidate − baseline (whole holdout)', labels: entries.map(([metric]) => metric), deltas: entries.map(([, m]) => m.delta!), labelLength: 40 });
}

function sliceTables(slices: GroupOutcome[], hasBaseline: boolean): string {
  const out: string[] = [
    '<sub>Slices gate only on confident failures of change thresholds (Holm-corrected with the whole holdout); min/max on point estimates apply to the whole holdout only.</sub>',
    '',
  ];
  for (const slice of slices) {
    out.push(`**${code(slice.slice!.column)} = ${code(slice.slice!.value)}** (${slice.rows.toLocaleString('en-US')} rows)`, '', metricTable(slice, hasBaseline), '');
  }
  return out.join('\n');
}

function confusion(evaluation: Evaluation): string {
  const classes = evaluation.classes!;
  const render = (title: string, matrix: number[][]) =>
    [`${title} (rows: true class, columns: predicted)`, '', table(['', ...classes.map((c) => escapeCell(c))], matrix.map((row, i) => [escapeCell(classes[i]!), ...row.map(String)])), ''].join('\n');
  const parts = [render('Candidate', evaluation.confusion!.candidate)];
  if (evaluation.confusion!.baseline) parts.push(render('Baseline', evaluation.confusion!.baseline));
  if (evaluation.positiveClass !== undefined) parts.push(`Positive class: ${code(evaluation.positiveClass)}.`);
  return parts.join('\n');
}

function rules(evaluation: Evaluation, context: ReportContext): string {
  const out: string[] = [];
  out.push(
    `Thresholds from ${evaluation.thresholdsFrom === 'default' ? 'the default policy' : 'mlops.yml `gate.metrics`'}. With max_drop (max_rise) h > 0 a change passes when Δ is shown to be within h (non-inferiority) and fails otherwise; with h = 0 it fails only when the candidate is significantly worse. Either way, when the holdout cannot detect the regression that matters with 80 % power (min_detectable, else h), the result is insufficient evidence. Holm's step-down procedure controls the family-wise error at α = ${formatNumber(evaluation.alpha)} across every metric × slice test; each test's decision, p-value and interval come from one test. Insufficient evidence: \`${context.insufficientPolicy ?? 'fail'}\`; inconclusive: \`${context.inconclusivePolicy}\`.`,
    '',
  );
  const rows: string[][] = [];
  for (const group of evaluation.outcomes) {
    for (const [metric, m] of Object.entries(group.metrics)) {
      if (!m.gated) continue;
      const where = group.slice ? `${group.slice.column}=${group.slice.value}` : 'all rows';
      rows.push([escapeCell(where), code(metric), VERDICT_CELL[m.verdict], escapeCell(m.rule)]);
    }
  }
  if (rows.length) out.push(table(['rows', 'metric', 'verdict', 'rule'], rows));
  out.push('', `Features: candidate ${escapeCell(evaluation.features.candidate)}${evaluation.features.baseline ? `; baseline ${escapeCell(evaluation.features.baseline)}` : ''}.`);
  return out.join('\n');
}
