/**
 * Fairness across the groups of a sensitive attribute, for a binary classifier, with fairlearn's
 * definitions (fairlearn.metrics): per group the selection rate (share predicted positive), the
 * true positive rate TP/(TP+FN), the false positive rate FP/(FP+TN) and the precision TP/(TP+FP);
 * between groups
 *   demographic_parity_difference = max − min selection rate,
 *   demographic_parity_ratio      = min / max selection rate (the four-fifths rule),
 *   equalized_odds_difference     = max(TPR max − min, FPR max − min).
 * A rate whose denominator is zero is undefined (NaN) here, where fairlearn would report 0
 * (scikit-learn's zero_division); a between-group metric is undefined when a rate it needs is.
 * Every count takes optional row weights, so a bootstrap resample is a vector of draw counts.
 */
import type { RowWeights } from '../stats/auc.js';
import type { FairnessMetricName } from '../config/sections/governance.js';

/** Rows of one attribute: group index per row (−1: not counted) and the binary truth/decision. */
export interface FairnessRows {
  groups: number;
  group: Int32Array;
  /** 1 where the true class is the positive class. */
  truth: Uint8Array;
  /** 1 where the model decides for the positive class. */
  predicted: Uint8Array;
}

/** Per group counts: [tp, fp, fn, tn] at 4g … 4g+3. */
export function groupCounts(rows: FairnessRows, weights?: RowWeights, out = new Float64Array(rows.groups * 4)): Float64Array {
  out.fill(0);
  const { group, truth, predicted } = rows;
  for (let i = 0; i < group.length; i++) {
    const g = group[i]!;
    if (g < 0) continue;
    const w = weights ? weights[i]! : 1;
    // tp 0, fp 1, fn 2, tn 3
    out[4 * g + (truth[i]! ? (predicted[i]! ? 0 : 2) : predicted[i]! ? 1 : 3)]! += w;
  }
  return out;
}

// A type alias (not an interface) so it fits the run record's loose object schema.
export type GroupRates = {
  rows: number;
  selection_rate: number | null;
  tpr: number | null;
  fpr: number | null;
  precision: number | null;
};

const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);

export function rates(counts: Float64Array, g: number): { selection: number; tpr: number; fpr: number; precision: number; rows: number } {
  const tp = counts[4 * g]!;
  const fp = counts[4 * g + 1]!;
  const fn = counts[4 * g + 2]!;
  const tn = counts[4 * g + 3]!;
  const rows = tp + fp + fn + tn;
  return { rows, selection: ratio(tp + fp, rows), tpr: ratio(tp, tp + fn), fpr: ratio(fp, fp + tn), precision: ratio(tp, tp + fp) };
}

export function groupRates(counts: Float64Array, g: number): GroupRates {
  const r = rates(counts, g);
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  return { rows: r.rows, selection_rate: finite(r.selection), tpr: finite(r.tpr), fpr: finite(r.fpr), precision: finite(r.precision) };
}

/** One between-group metric from the counts of the tested groups. */
export function fairnessMetric(metric: FairnessMetricName, counts: Float64Array, tested: readonly number[]): number {
  const between = new BetweenGroupMetrics(tested);
  between.load(counts);
  return between.value(metric);
}

/**
 * The between-group metrics over a fixed set of tested groups. It keeps the tested groups'
 * rates in arrays of its own, so that the bootstrap, which evaluates it on every resample,
 * allocates nothing per resample: load() the counts once, then read value() per metric.
 */
export class BetweenGroupMetrics {
  private readonly selection: Float64Array;
  private readonly tpr: Float64Array;
  private readonly fpr: Float64Array;

  constructor(private readonly tested: readonly number[]) {
    this.selection = new Float64Array(tested.length);
    this.tpr = new Float64Array(tested.length);
    this.fpr = new Float64Array(tested.length);
  }

  /** Takes the tested groups' rates from per-group counts (groupCounts). */
  load(counts: Float64Array): void {
    for (let t = 0; t < this.tested.length; t++) {
      const g = this.tested[t]!;
      const tp = counts[4 * g]!;
      const fp = counts[4 * g + 1]!;
      const fn = counts[4 * g + 2]!;
      const tn = counts[4 * g + 3]!;
      // As rates(): the same operations in the same order, so the same bits.
      this.selection[t] = ratio(tp + fp, tp + fp + fn + tn);
      this.tpr[t] = ratio(tp, tp + fn);
      this.fpr[t] = ratio(fp, fp + tn);
    }
  }

  /** The metric over the rates last loaded. */
  value(metric: FairnessMetricName): number {
    switch (metric) {
      case 'demographic_parity_difference':
        return spread(this.selection);
      case 'equalized_odds_difference': {
        const tpr = spread(this.tpr);
        const fpr = spread(this.fpr);
        return Number.isNaN(tpr) || Number.isNaN(fpr) ? Number.NaN : Math.max(tpr, fpr);
      }
      case 'demographic_parity_ratio': {
        const selection = this.selection;
        if (selection.length < 2 || hasNaN(selection)) return Number.NaN;
        const max = maxOf(selection);
        return max > 0 ? minOf(selection) / max : Number.NaN;
      }
    }
  }
}

/** max − min over the tested groups; NaN when any of them is undefined or fewer than two groups. */
function spread(values: Float64Array): number {
  if (values.length < 2 || hasNaN(values)) return Number.NaN;
  return maxOf(values) - minOf(values);
}

function hasNaN(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i]!)) return true;
  return false;
}

// Over NaN-free values, as Math.max(...values) and Math.min(...values) without the spread's array.
function maxOf(values: Float64Array): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  return max;
}

function minOf(values: Float64Array): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < values.length; i++) if (values[i]! < min) min = values[i]!;
  return min;
}

/** Why a between-group metric can be undefined on the tested groups (a rate it needs has an empty denominator). */
export function fairnessUndefinedCause(metric: FairnessMetricName): string {
  switch (metric) {
    case 'demographic_parity_difference':
      return 'a group without rows';
    case 'demographic_parity_ratio':
      return 'no positive decisions in any group';
    case 'equalized_odds_difference':
      return 'a group without positives or without negatives';
  }
}

/** Whether higher values of the metric are better (more equal). */
export function fairnessHigherIsBetter(metric: FairnessMetricName): boolean {
  return metric === 'demographic_parity_ratio';
}
