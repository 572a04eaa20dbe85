/**
 * What makes an `xychart-beta` block read right, which mermaid's own parser does not check (it
 * accepts a chart that misleads; test/support/mermaid-parse.ts runs that parser for syntax):
 * every series has one value per category, categories are distinct (mermaid merges repeats), every
 * value is inside the y-axis range, bar charts start the y-axis at 0, and a chart with negative
 * values keeps 0 inside its range. The blocks are read with the subset of the xychart grammar we
 * emit (`title`, `x-axis` with a category list or a numeric range, `y-axis` with an optional
 * range, `bar`/`line` with a number list, strings in double quotes), which also gives the tests
 * the values to compare with the results.
 */
import { mermaidBlocks } from './mermaid-parse.js';

export { mermaidBlocks };
export interface XyChartBlock {
  title?: string;
  categories?: string[];
  yRange?: [number, number];
  bars: number[][];
  lines: number[][];
}

const STRING = String.raw`"[^"\n]*"`;
const NUMBER = String.raw`-?(?:\d+(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?`;
const LIST_OF = (item: string) => String.raw`\[\s*(?:${item}(?:\s*,\s*${item})*)?\s*\]`;

const RULES = {
  title: new RegExp(String.raw`^title\s+(${STRING})$`),
  xCategories: new RegExp(String.raw`^x-axis(?:\s+${STRING})?\s+(${LIST_OF(STRING)})$`),
  xRange: new RegExp(String.raw`^x-axis(?:\s+${STRING})?\s+${NUMBER}\s*-->\s*${NUMBER}$`),
  yAxis: new RegExp(String.raw`^y-axis(?:\s+${STRING})?(?:\s+(${NUMBER})\s*-->\s*(${NUMBER}))?$`),
  series: new RegExp(String.raw`^(bar|line)(?:\s+${STRING})?\s+(${LIST_OF(NUMBER)})$`),
};

/** Parses one block; throws with the offending line when it is outside the grammar or misleads. */
export function checkXyChart(block: string): XyChartBlock {
  const lines = block.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('%%'));
  if (!/^xychart-beta(\s+horizontal)?$/.test(lines[0] ?? '')) throw new Error(`not an xychart-beta block: ${lines[0]}`);
  const chart: XyChartBlock = { bars: [], lines: [] };
  for (const line of lines.slice(1)) {
    let m: RegExpExecArray | null;
    if ((m = RULES.title.exec(line))) chart.title = JSON.parse(m[1]!) as string;
    else if ((m = RULES.xCategories.exec(line))) chart.categories = [...m[1]!.matchAll(/"([^"\n]*)"/g)].map((s) => s[1]!);
    else if (RULES.xRange.test(line)) continue;
    else if ((m = RULES.yAxis.exec(line))) {
      if (m[1] !== undefined) chart.yRange = [Number(m[1]), Number(m[2])];
    } else if ((m = RULES.series.exec(line))) {
      const values = [...m[2]!.matchAll(new RegExp(NUMBER, 'g'))].map((v) => Number(v[0]));
      (m[1] === 'bar' ? chart.bars : chart.lines).push(values);
    } else throw new Error(`line outside the xychart grammar: ${line}`);
  }
  const series = [...chart.bars, ...chart.lines];
  if (!series.length) throw new Error('a chart without data');
  if (chart.categories) {
    if (new Set(chart.categories).size !== chart.categories.length) throw new Error(`repeated x-axis categories (mermaid merges them): ${chart.categories.join(', ')}`);
    for (const values of series) if (values.length !== chart.categories.length) throw new Error(`${values.length} values for ${chart.categories.length} categories`);
  }
  const all = series.flat();
  if (chart.bars.length && chart.yRange?.[0] !== 0) throw new Error(`a bar chart whose y-axis does not start at 0 (${chart.yRange ? chart.yRange.join(' --> ') : 'automatic'})`);
  if (chart.yRange) {
    const [low, high] = chart.yRange;
    if (!(low < high)) throw new Error(`an empty y-axis range ${low} --> ${high}`);
    const outside = all.filter((v) => v < low || v > high);
    if (outside.length) throw new Error(`values outside the y-axis range ${low} --> ${high}: ${outside.join(', ')}`);
    if (all.some((v) => v < 0) && !(low < 0 && high > 0)) throw new Error('negative values on an axis that does not include 0 inside it');
  }
  return chart;
}
