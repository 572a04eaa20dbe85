/**
 * Before a new version takes traffic: how it predicts beside the version serving most of the
 * traffic, on the rows recent requests sent. The server remembers the last rows of each model
 * (in memory only), scores them with both versions when a version loads, and reports the
 * agreement in the load response and the log, so a deploy can judge a canary before shifting.
 */
import { merge } from './batcher.js';
import type { PredictionSummary } from './model-signature.js';
import { rowPredictions } from './prediction-histogram.js';
import type { Feeds, Outputs } from './tensors.js';

export interface Comparison {
  /** The version compared against. */
  against: string;
  rows: number;
  /** Binary: positive-class probability; regression: the value; multiclass: the class index. */
  mean_abs_diff: number;
  max_abs_diff: number;
  /** Share of rows with the same decision (binary at 0.5, multiclass argmax); regression: within 1e-6 relative. */
  agreement: number;
}

/** The last `maxRows` rows requests sent to one model, as model feeds of one layout. */
export class RecentRows {
  private kept: Feeds[] = [];
  private rows = 0;

  constructor(private readonly maxRows: number) {}

  add(feeds: Feeds): void {
    if (feeds.rows > this.maxRows) return;
    const key = layoutKey(feeds);
    if (this.kept.length && layoutKey(this.kept[0]!) !== key) {
      this.kept = [];
      this.rows = 0;
    }
    this.kept.push(feeds);
    this.rows += feeds.rows;
    while (this.rows > this.maxRows) this.rows -= this.kept.shift()!.rows;
  }

  snapshot(): Feeds | undefined {
    return this.kept.length ? merge(this.kept) : undefined;
  }
}

function layoutKey(feeds: Feeds): string {
  return Object.entries(feeds.tensors)
    .map(([name, t]) => `${name}:${t.dims.slice(1).join('x')}`)
    .join('|');
}

export function compareOutputs(summary: PredictionSummary, against: string, candidate: Outputs, running: Outputs, rows: number): Comparison {
  const a = rowPredictions(summary, candidate, rows);
  const b = rowPredictions(summary, running, rows);
  let sum = 0;
  let max = 0;
  let same = 0;
  for (let r = 0; r < rows; r++) {
    const diff = Math.abs(a[r]! - b[r]!);
    sum += diff;
    max = Math.max(max, diff);
    if (summary.kind === 'binary') same += Number(a[r]! >= 0.5 === b[r]! >= 0.5);
    else if (summary.kind === 'multiclass') same += Number(a[r] === b[r]);
    else same += Number(diff <= 1e-6 * Math.max(1, Math.abs(b[r]!)));
  }
  return { against, rows, mean_abs_diff: rows ? sum / rows : 0, max_abs_diff: max, agreement: rows ? same / rows : 1 };
}
