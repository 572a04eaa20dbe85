import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  mermaidLabel
} from "./chunk-26JEPDEN.js";

// shared/report/charts.ts
function chartNumber(value) {
  return Number.isFinite(value) ? String(Number(value.toPrecision(4))) : "0";
}
function niceCeiling(max) {
  if (!(max > 0) || !Number.isFinite(max)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (step * power >= max) return Number((step * power).toPrecision(12));
  return 10 * power;
}
function barChart(chart) {
  const length = chart.labelLength ?? 24;
  const top = niceCeiling(Math.max(0, ...chart.bars.flat(), ...(chart.lines ?? []).flat()));
  return [
    "```mermaid",
    "xychart-beta",
    `  title ${mermaidLabel(chart.title, 60)}`,
    `  x-axis [${chart.labels.map((label) => mermaidLabel(label, length)).join(", ")}]`,
    `  y-axis ${mermaidLabel(chart.yLabel, 40)} 0 --> ${chartNumber(top)}`,
    ...chart.bars.map((values) => `  bar [${values.map(chartNumber).join(", ")}]`),
    ...(chart.lines ?? []).map((values) => `  line [${values.map(chartNumber).join(", ")}]`),
    "```"
  ].join("\n");
}
function deltaChart(chart) {
  const length = chart.labelLength ?? 24;
  const reach = niceCeiling(Math.max(...chart.deltas.map((d) => Number.isFinite(d) ? Math.abs(d) : 0)) * 1.1);
  return [
    "```mermaid",
    "xychart-beta",
    `  title ${mermaidLabel(chart.title, 60)}`,
    `  x-axis [${chart.labels.map((label) => mermaidLabel(label, length)).join(", ")}]`,
    `  y-axis ${mermaidLabel(chart.yLabel ?? "\u0394", 40)} ${chartNumber(-reach)} --> ${chartNumber(reach)}`,
    `  line [${chart.labels.map(() => "0").join(", ")}]`,
    `  line [${chart.deltas.map(chartNumber).join(", ")}]`,
    "```"
  ].join("\n");
}

export {
  barChart,
  deltaChart
};
