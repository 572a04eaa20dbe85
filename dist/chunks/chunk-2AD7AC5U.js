import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  mermaidCategories,
  mermaidLabel
} from "./chunk-D53EVJEJ.js";

// shared/report/charts.ts
function chartNumber(value, digits = 4) {
  if (!Number.isFinite(value)) return "0";
  const rounded = Number(value.toPrecision(digits));
  return rounded === 0 ? "0" : plainDecimal(String(rounded));
}
function plainDecimal(text) {
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const digits = m[2] + (m[3] ?? "");
  const exponent = Number(m[4]);
  if (exponent < 0) return `${m[1]}0.${"0".repeat(-exponent - 1)}${digits}`;
  return `${m[1]}${digits}${"0".repeat(Math.max(0, exponent - (digits.length - 1)))}`;
}
function niceCeiling(max) {
  if (!(max > 0) || !Number.isFinite(max)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (step * power >= max) return Number((step * power).toPrecision(12));
  return 10 * power;
}
function barChart(chart) {
  if (!chart.labels.length) return "";
  const length = chart.labelLength ?? 24;
  const top = niceCeiling(Math.max(0, ...chart.bars.flat(), ...(chart.lines ?? []).flat()));
  return [
    "```mermaid",
    "xychart-beta",
    `  title ${mermaidLabel(chart.title, chart.titleLength ?? 60)}`,
    `  x-axis [${mermaidCategories(chart.labels, length).join(", ")}]`,
    `  y-axis ${mermaidLabel(chart.yLabel, 40)} 0 --> ${chartNumber(top)}`,
    ...chart.bars.map((values) => `  bar [${values.map((v) => chartNumber(v)).join(", ")}]`),
    ...(chart.lines ?? []).map((values) => `  line [${values.map((v) => chartNumber(v)).join(", ")}]`),
    "```"
  ].join("\n");
}
function deltaChart(chart) {
  if (!chart.labels.length) return "";
  const length = chart.labelLength ?? 24;
  const reach = niceCeiling(Math.max(...chart.deltas.map((d) => Number.isFinite(d) ? Math.abs(d) : 0)) * 1.1);
  return [
    "```mermaid",
    "xychart-beta",
    `  title ${mermaidLabel(chart.title, 60)}`,
    `  x-axis [${mermaidCategories(chart.labels, length).join(", ")}]`,
    `  y-axis ${mermaidLabel(chart.yLabel ?? "\u0394", 40)} ${chartNumber(-reach)} --> ${chartNumber(reach)}`,
    `  line [${chart.labels.map(() => "0").join(", ")}]`,
    `  line [${chart.deltas.map((v) => chartNumber(v)).join(", ")}]`,
    "```"
  ].join("\n");
}

export {
  chartNumber,
  barChart,
  deltaChart
};
