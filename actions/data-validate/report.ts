/** The Markdown report: verdict, findings, skew, histograms of the most-changed columns, per-column profile. */
import type { DataProfile, ColumnProfile } from '../../shared/data/profile.js';
import type { SkewResult } from '../../shared/data/skew.js';
import type { Finding } from '../../shared/data/validate/findings.js';
import { barChart } from '../../shared/report/charts.js';
import { digitsToTellApart } from '../../shared/report/distinct-digits.js';
import { code, details, escapeCell, escapeText, formatNumber, table } from '../../shared/report/markdown.js';

export interface ReportInput {
  spec: string;
  valid: boolean;
  failOn: string;
  findings: Finding[];
  profile: DataProfile;
  skew: SkewResult[];
  errors: number;
  warnings: number;
}

const MAX_FINDING_ROWS = 100;
const CHART_COLUMNS = 3;

export function renderReport(input: ReportInput): string {
  const { profile } = input;
  const parts: string[] = [];
  const verdict = input.valid ? '✅ valid' : '❌ invalid';
  parts.push(`## Data validation: ${code(input.spec)} — ${verdict}`);
  parts.push(
    `${profile.rows.toLocaleString('en-US')} rows × ${profile.columns.length} columns in ${profile.files.length} file${profile.files.length === 1 ? '' : 's'} · ` +
      `${input.errors} error${input.errors === 1 ? '' : 's'}, ${input.warnings} warning${input.warnings === 1 ? '' : 's'} (fail-on: ${input.failOn}) · fingerprint ${code(profile.fingerprint.slice(0, 23))}`,
  );
  if (input.findings.length > 0) {
    const rows = input.findings.slice(0, MAX_FINDING_ROWS).map((f) => [
      f.severity === 'error' ? '❌ error' : '⚠️ warning',
      f.column === null ? '—' : code(f.column),
      f.check,
      f.count > 0 ? f.count.toLocaleString('en-US') : '—',
      f.locations.length ? escapeCell(formatLocations(f, profile.files.length > 1)) : '—',
      escapeCell(f.message),
    ]);
    parts.push('### Findings', table(['severity', 'column', 'check', 'rows', 'first lines', 'detail'], rows, ['l', 'l', 'l', 'r', 'l', 'l']));
    if (input.findings.length > MAX_FINDING_ROWS) parts.push(`…and ${input.findings.length - MAX_FINDING_ROWS} more findings in the results JSON.`);
  } else {
    parts.push('No findings: the data meets its contract.');
  }
  if (input.skew.length > 0) {
    const sorted = [...input.skew].sort((a, b) => b.jsd - a.jsd);
    parts.push(
      '### Skew against the reference',
      table(
        ['column', 'kind', 'PSI', 'JS distance', 'sampling noise (PSI / JSD)', 'rows (current / reference)', 'flagged'],
        sorted.map((s) => [
          code(s.column),
          s.kind,
          formatNumber(s.psi, 3),
          formatNumber(s.jsd, 3),
          `${formatNumber(s.psiNoise, 3)} / ${formatNumber(s.jsdNoise, 3)}`,
          `${s.rows.toLocaleString('en-US')} / ${s.referenceRows.toLocaleString('en-US')}`,
          s.psiFlagged || s.jsdFlagged ? '⚠️ yes' : 'no',
        ]),
        ['l', 'l', 'r', 'r', 'r', 'r', 'l'],
      ),
    );
    for (const s of sorted.slice(0, CHART_COLUMNS)) parts.push(skewChart(s));
  } else {
    const charted = profile.columns.filter((c) => c.histogram && c.histogram.counts.length > 1).slice(0, CHART_COLUMNS);
    if (charted.length) parts.push('### Distributions', ...charted.map(histogramChart));
  }
  parts.push(details('Per-column profile', profileTable(profile.columns)));
  return `${parts.join('\n\n')}\n`;
}

function formatLocations(f: Finding, withFile: boolean): string {
  const shown = f.locations.map((l) => (withFile ? `${l.file}:${l.line}` : String(l.line))).join(', ');
  return f.count > f.locations.length ? `${shown}, …` : shown;
}

function profileTable(columns: ColumnProfile[]): string {
  return table(
    ['column', 'type', 'nulls', 'distinct', 'min', 'mean', 'p50', 'max', 'top values'],
    columns.map((c) => [
      code(c.name),
      c.type,
      `${c.nulls.toLocaleString('en-US')} (${formatNumber(c.null_fraction * 100, 3)}%)`,
      c.distinct === null ? '—' : `≈${c.distinct.toLocaleString('en-US')}`,
      escapeCell(value(c.min, c.min_length, 'len ')),
      formatNumber(c.mean),
      c.quantiles?.['0.5'] !== undefined ? formatNumber(c.quantiles['0.5']) : '—',
      escapeCell(value(c.max, c.max_length, 'len ')),
      c.top_values ? escapeCell(c.top_values.slice(0, 3).map((t) => `${t.value} (${t.count})`).join(', ')) : '—',
    ]),
    ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
  );
}

function value(v: number | string | null, length: number | null, prefix: string): string {
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') return v;
  return length === null ? '—' : `${prefix}${length}`;
}

function skewChart(s: SkewResult): string {
  return [
    `**${escapeText(s.column)}** — share of rows per bin (bars: current, line: reference), JS distance ${formatNumber(s.jsd, 3)}`,
    '',
    barChart({
      title: s.column,
      // The chart alphabet has no `<`: the open lower bin reads "under x".
      labels: s.shares.map((b) => b.label.replace(/^< /, 'under ')),
      yLabel: '% of rows',
      bars: [s.shares.map((b) => b.current * 100)],
      lines: [s.shares.map((b) => b.reference * 100)],
    }),
  ].join('\n');
}

function histogramChart(c: ColumnProfile): string {
  const h = c.histogram!;
  const groups = 20;
  const per = Math.ceil(h.counts.length / groups);
  const counts: number[] = [];
  const width = (h.high - h.low) / h.counts.length;
  const starts: number[] = [];
  for (let g = 0; g * per < h.counts.length; g++) {
    counts.push(h.counts.slice(g * per, (g + 1) * per).reduce((a, b) => a + b, 0));
    starts.push(h.low + g * per * width);
  }
  // Three significant digits, or as many as tell the bins apart.
  const digits = digitsToTellApart(starts, formatNumber, 3, 12);
  const labels = starts.map((start) => formatNumber(start, digits));
  return barChart({ title: c.name, labels, yLabel: 'rows', bars: [counts] });
}
