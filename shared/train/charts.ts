/**
 * Mermaid xychart blocks (GitHub renders them in summaries and comments). Labels are
 * sanitised for mermaid's quoted strings; points are thinned to keep charts readable.
 */
import { chartNumber } from '../report/charts.js';
import { formatNumber, mermaidCategories, mermaidLabel } from '../report/markdown.js';
import { thin } from './bounded-series.js';

export const MAX_CHART_POINTS = 40;

export interface ChartLine {
  values: number[];
}

export interface XyChart {
  title: string;
  xLabel: string;
  /** One label per point, shared by all lines. */
  x: string[];
  yLabel: string;
  lines: ChartLine[];
  yMin?: number;
  yMax?: number;
}

/** A string safe inside mermaid's double quotes (the report module's label alphabet). */
export function mermaidString(text: string): string {
  return mermaidLabel(text, 80);
}

function mermaidNumber(value: number): string {
  return chartNumber(value, 6);
}

/** '' when there is nothing to draw (mermaid rejects an empty x-axis). */
export function xyChart(chart: XyChart): string {
  if (!chart.x.length) return '';
  const range = chart.yMin !== undefined && chart.yMax !== undefined ? ` ${mermaidNumber(chart.yMin)} --> ${mermaidNumber(chart.yMax)}` : '';
  return [
    '```mermaid',
    'xychart-beta',
    `  title ${mermaidString(chart.title)}`,
    `  x-axis ${mermaidString(chart.xLabel)} [${mermaidCategories(chart.x, 80).join(', ')}]`,
    `  y-axis ${mermaidString(chart.yLabel)}${range}`,
    ...chart.lines.map((line) => `  line [${line.values.map(mermaidNumber).join(', ')}]`),
    '```',
  ].join('\n');
}

/** One metric series (points with steps) as a chart over its steps. */
export function metricChart(name: string, points: Array<{ step?: number; value: number }>): string {
  const shown = thin(points, MAX_CHART_POINTS);
  return xyChart({
    title: name,
    xLabel: 'step',
    x: shown.map((p, i) => String(p.step ?? i)),
    yLabel: name,
    lines: [{ values: shown.map((p) => p.value) }],
  });
}

/**
 * Utilisation of every GPU over time. The GPUs' series are sampled at the same interval, so
 * they are aligned by position; the x labels are the first GPU's times.
 */
export function utilisationChart(gpus: Array<{ index: number; series: Array<{ t: number; utilization?: number }> }>): string | undefined {
  const withData = gpus.filter((gpu) => gpu.series.some((p) => p.utilization !== undefined));
  if (!withData.length) return undefined;
  const length = Math.min(...withData.map((gpu) => gpu.series.length));
  if (length < 2) return undefined;
  const positions = thin(Array.from({ length }, (_, i) => i), MAX_CHART_POINTS);
  return xyChart({
    title: `GPU utilisation (%)${withData.length > 1 ? `, GPUs ${withData.map((g) => g.index).join(', ')}` : ''}`,
    xLabel: 'seconds',
    x: positions.map((i) => formatNumber(withData[0]!.series[i]!.t, 3)),
    yLabel: '%',
    yMin: 0,
    yMax: 100,
    lines: withData.map((gpu) => ({ values: positions.map((i) => gpu.series[i]!.utilization ?? 0) })),
  });
}
