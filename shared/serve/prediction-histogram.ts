/**
 * Per-version histograms of the per-row prediction, so a canary can be compared with the stable
 * version by differencing two scrapes. prom-client fixes one bucket set per metric name, but
 * the buckets here depend on the model's task, so these series are written by hand in the
 * Prometheus text format. Every version of a model gets the same buckets:
 *   binary classifier: positive-class probability, le = 0.05, 0.10, …, 0.95, 1 (20 equal bins)
 *   multiclass: the predicted class index, le = 0, 1, …, K−1
 *   regression: symmetric log-spaced, le = −1e6, −1e5, …, −1e-3, 0, 1e-3, …, 1e5, 1e6
 */
import type { PredictionSummary } from './model-signature.js';
import type { Outputs } from './tensors.js';
import { PREDICTION } from './metric-names.js';


const DECADES = [-3, -2, -1, 0, 1, 2, 3, 4, 5, 6].map((e) => Number(`1e${e}`));
export const REGRESSION_BUCKETS = [...DECADES.map((d) => -d).reverse(), 0, ...DECADES];
export const BINARY_BUCKETS = Array.from({ length: 20 }, (_, i) => Number(((i + 1) * 0.05).toFixed(2)));

export function bucketsFor(summary: PredictionSummary): number[] {
  if (summary.kind === 'binary') return BINARY_BUCKETS;
  if (summary.kind === 'multiclass') return Array.from({ length: summary.classes }, (_, i) => i);
  return REGRESSION_BUCKETS;
}

/** The per-row prediction the histogram counts. */
export function rowPredictions(summary: PredictionSummary, outputs: Outputs, rows: number): Float64Array {
  const tensor = outputs[summary.output];
  const values = new Float64Array(rows);
  if (!tensor) return values;
  const data = tensor.data as ArrayLike<number>;
  const width = data.length / rows;
  for (let r = 0; r < rows; r++) {
    if (summary.kind === 'binary') values[r] = data[r * width + summary.column]!;
    else if (summary.kind === 'regression') values[r] = data[r * width]!;
    else {
      let best = 0;
      for (let c = 1; c < width; c++) if (data[r * width + c]! > data[r * width + best]!) best = c;
      values[r] = best;
    }
  }
  return values;
}

interface Series {
  model: string;
  version: string;
  buckets: number[];
  counts: number[];
  sum: number;
  count: number;
}

export class PredictionHistograms {
  private readonly series = new Map<string, Series>();

  observe(model: string, version: string, summary: PredictionSummary, values: Float64Array): void {
    const key = `${model}\u0000${version}`;
    let series = this.series.get(key);
    if (!series) {
      const buckets = bucketsFor(summary);
      series = { model, version, buckets, counts: new Array<number>(buckets.length).fill(0), sum: 0, count: 0 };
      this.series.set(key, series);
    }
    for (const value of values) {
      // Cumulative buckets are computed when rendering; here each value lands in its first bucket.
      const i = series.buckets.findIndex((le) => value <= le);
      if (i >= 0) series.counts[i]!++;
      series.sum += value;
      series.count++;
    }
  }

  render(): string {
    const lines = [`# HELP ${PREDICTION} Per-row prediction of each model version (positive-class probability, class index or regression value).`, `# TYPE ${PREDICTION} histogram`];
    for (const s of this.series.values()) {
      const labels = `model="${escapeLabel(s.model)}",version="${escapeLabel(s.version)}"`;
      let cumulative = 0;
      s.buckets.forEach((le, i) => {
        cumulative += s.counts[i]!;
        lines.push(`${PREDICTION}_bucket{${labels},le="${le}"} ${cumulative}`);
      });
      lines.push(`${PREDICTION}_bucket{${labels},le="+Inf"} ${s.count}`, `${PREDICTION}_sum{${labels}} ${s.sum}`, `${PREDICTION}_count{${labels}} ${s.count}`);
    }
    return `${lines.join('\n')}\n`;
  }
}

export function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
