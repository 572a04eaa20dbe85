import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  chartNumber
} from "./chunk-WWNDGGN3.js";
import {
  formatNumber,
  mermaidCategories,
  mermaidLabel
} from "./chunk-BIDIZNOQ.js";

// shared/train/bounded-series.ts
var BoundedSeries = class {
  constructor(capacity = 1e3) {
    this.capacity = capacity;
    if (capacity < 2) throw new Error("BoundedSeries capacity must be at least 2");
  }
  capacity;
  kept = [];
  stride = 1;
  seen = 0;
  latest;
  push(point) {
    if (this.seen % this.stride === 0) {
      this.kept.push(point);
      if (this.kept.length >= this.capacity) {
        this.kept = this.kept.filter((_, i) => i % 2 === 0);
        this.stride *= 2;
      }
    }
    this.seen++;
    this.latest = point;
  }
  /** How many points were pushed (kept or not). */
  get count() {
    return this.seen;
  }
  get last() {
    return this.latest;
  }
  points() {
    const { latest } = this;
    return latest !== void 0 && this.kept[this.kept.length - 1] !== latest ? [...this.kept, latest] : [...this.kept];
  }
};
function thin(items, max) {
  if (items.length <= max) return [...items];
  if (max <= 1) return items.length ? [items[items.length - 1]] : [];
  const out = [];
  for (let i = 0; i < max; i++) out.push(items[Math.round(i * (items.length - 1) / (max - 1))]);
  return out;
}

// shared/train/charts.ts
var MAX_CHART_POINTS = 40;
function mermaidString(text) {
  return mermaidLabel(text, 80);
}
function mermaidNumber(value) {
  return chartNumber(value, 6);
}
function xyChart(chart) {
  if (!chart.x.length) return "";
  const range = chart.yMin !== void 0 && chart.yMax !== void 0 ? ` ${mermaidNumber(chart.yMin)} --> ${mermaidNumber(chart.yMax)}` : "";
  return [
    "```mermaid",
    "xychart-beta",
    `  title ${mermaidString(chart.title)}`,
    `  x-axis ${mermaidString(chart.xLabel)} [${mermaidCategories(chart.x, 80).join(", ")}]`,
    `  y-axis ${mermaidString(chart.yLabel)}${range}`,
    ...chart.lines.map((line) => `  line [${line.values.map(mermaidNumber).join(", ")}]`),
    "```"
  ].join("\n");
}
function metricChart(name, points) {
  const shown = thin(points, MAX_CHART_POINTS);
  return xyChart({
    title: name,
    xLabel: "step",
    x: shown.map((p, i) => String(p.step ?? i)),
    yLabel: name,
    lines: [{ values: shown.map((p) => p.value) }]
  });
}
function utilisationChart(gpus) {
  const withData = gpus.filter((gpu) => gpu.series.some((p) => p.utilization !== void 0));
  if (!withData.length) return void 0;
  const length = Math.min(...withData.map((gpu) => gpu.series.length));
  if (length < 2) return void 0;
  const positions = thin(Array.from({ length }, (_, i) => i), MAX_CHART_POINTS);
  return xyChart({
    title: `GPU utilisation (%)${withData.length > 1 ? `, GPUs ${withData.map((g) => g.index).join(", ")}` : ""}`,
    xLabel: "seconds",
    x: positions.map((i) => formatNumber(withData[0].series[i].t, 3)),
    yLabel: "%",
    yMin: 0,
    yMax: 100,
    lines: withData.map((gpu) => ({ values: positions.map((i) => gpu.series[i].utilization ?? 0) }))
  });
}

export {
  BoundedSeries,
  mermaidString,
  metricChart,
  utilisationChart
};
