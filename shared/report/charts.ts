/**
 * Mermaid xychart blocks for bars and changes, drawn so they cannot mislead:
 * - bar charts start their y-axis at 0 (mermaid would otherwise start it near the smallest bar,
 *   making 65 rows look five times 46);
 * - a chart of changes (Δ) draws each change from 0: mermaid's bars always rise from the bottom of
 *   the plot, so a negative Δ would look like a positive bar. Changes are drawn as points on a
 *   line over a zero line instead, the y-axis symmetric around 0: a regression sits below the zero
 *   line, an improvement above it.
 * Labels go through the report module's mermaid label alphabet once (no HTML escaping: mermaid
 * draws xychart text as SVG text, so `&lt;` would show as typed).
 */
import { mermaidCategories, mermaidLabel } from './markdown.js';

export interface BarChart {
  title: string;
  /** One label per bar. */
  labels: string[];
  yLabel: string;
  /** One or more bar series, each one value per label. */
  bars: number[][];
  /** Optional line series drawn over the bars (e.g. a reference), same scale. */
  lines?: number[][];
  /** Longest label kept (characters). */
  labelLength?: number;
  /** Longest title kept (characters); default 60. */
  titleLength?: number;
}

export interface DeltaChart {
  title: string;
  labels: string[];
  deltas: number[];
  yLabel?: string;
  labelLength?: number;
}

/**
 * A number as mermaid's xychart grammar reads it — `[+-]?(\d+(\.\d+)?|\.\d+)`, no exponent (its
 * parser rejects `1e-7`, which String() writes for numbers below 1e-6) — to `digits` significant
 * digits; a non-finite value as 0.
 */
export function chartNumber(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return '0';
  const rounded = Number(value.toPrecision(digits));
  return rounded === 0 ? '0' : plainDecimal(String(rounded));
}

/** "1.234e-9" → "0.000000001234", "1e+21" → "1000000000000000000000"; other strings unchanged. */
function plainDecimal(text: string): string {
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const digits = m[2]! + (m[3] ?? '');
  const exponent = Number(m[4]);
  if (exponent < 0) return `${m[1]}0.${'0'.repeat(-exponent - 1)}${digits}`;
  return `${m[1]}${digits}${'0'.repeat(Math.max(0, exponent - (digits.length - 1)))}`;
}

/** A round upper end for an axis holding `max` (1, 2, 2.5, 5 × 10^k), so the top tick reads well. */
export function niceCeiling(max: number): number {
  if (!(max > 0) || !Number.isFinite(max)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (step * power >= max) return Number((step * power).toPrecision(12));
  return 10 * power;
}

/** '' when there is nothing to draw (mermaid rejects an empty x-axis). */
export function barChart(chart: BarChart): string {
  if (!chart.labels.length) return '';
  const length = chart.labelLength ?? 24;
  const top = niceCeiling(Math.max(0, ...chart.bars.flat(), ...(chart.lines ?? []).flat()));
  return [
    '```mermaid',
    'xychart-beta',
    `  title ${mermaidLabel(chart.title, chart.titleLength ?? 60)}`,
    `  x-axis [${mermaidCategories(chart.labels, length).join(', ')}]`,
    `  y-axis ${mermaidLabel(chart.yLabel, 40)} 0 --> ${chartNumber(top)}`,
    ...chart.bars.map((values) => `  bar [${values.map((v) => chartNumber(v)).join(', ')}]`),
    ...(chart.lines ?? []).map((values) => `  line [${values.map((v) => chartNumber(v)).join(', ')}]`),
    '```',
  ].join('\n');
}

/** '' when there is nothing to draw (mermaid rejects an empty x-axis). */
export function deltaChart(chart: DeltaChart): string {
  if (!chart.labels.length) return '';
  const length = chart.labelLength ?? 24;
  const reach = niceCeiling(Math.max(...chart.deltas.map((d) => (Number.isFinite(d) ? Math.abs(d) : 0))) * 1.1);
  return [
    '```mermaid',
    'xychart-beta',
    `  title ${mermaidLabel(chart.title, 60)}`,
    `  x-axis [${mermaidCategories(chart.labels, length).join(', ')}]`,
    `  y-axis ${mermaidLabel(chart.yLabel ?? 'Δ', 40)} ${chartNumber(-reach)} --> ${chartNumber(reach)}`,
    `  line [${chart.labels.map(() => '0').join(', ')}]`,
    `  line [${chart.deltas.map((v) => chartNumber(v)).join(', ')}]`,
    '```',
  ].join('\n');
}
