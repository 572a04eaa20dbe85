/**
 * Classification metrics, computed the way scikit-learn 1.2 computes them (checked to 1e-9
 * against it in test/stats), with optional row weights so that a bootstrap resample is a weight
 * vector of draw counts rather than a copy of the rows.
 *
 * Binary: accuracy, precision, recall, f1 (of the positive class), roc_auc, log_loss. A binary
 * metric whose denominator is empty on the rows (or the resample) is undefined (NaN; null in
 * metricValues, "n/a" in reports): precision without predicted positives, recall without
 * positives, f1 = 2TP / (2TP + FP + FN) without either (sklearn ≥ 1.3's definition of when F1 is
 * ill-defined), roc_auc with one class. scikit-learn reports these as 0 under its default
 * zero_division and warns that they are ill-defined; every defined value agrees with it.
 * Multiclass: accuracy, {precision,recall,f1}_{macro,weighted} over the classes present in the
 * truth or the predictions (sklearn's default labels; a present class's undefined precision or
 * recall counts 0 inside the average, sklearn's zero_division=0, so the averages are defined on
 * any rows), roc_auc_ovr_{macro,weighted} (one-vs-rest; undefined when a class is absent from the
 * truth), log_loss. log_loss clips probabilities to [eps, 1 - eps] with eps = 2^-52 (float64 machine
 * epsilon, sklearn's eps="auto" for float64 input) and renormalizes each row, as sklearn 1.2 does.
 */
import { planAuc, rankScores, weightedAuc, type AucPlan, type RowWeights } from './auc.js';
import { planArray, type MetricsPlan } from './metrics-plan.js';

export const BINARY_METRICS = ['accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'log_loss'] as const;
export const MULTICLASS_METRICS = [
  'accuracy',
  'precision_macro',
  'precision_weighted',
  'recall_macro',
  'recall_weighted',
  'f1_macro',
  'f1_weighted',
  'roc_auc_ovr_macro',
  'roc_auc_ovr_weighted',
  'log_loss',
] as const;
/** Metrics that need probabilities (absent when the model only emits labels). */
export const PROBABILITY_METRICS = new Set(['roc_auc', 'roc_auc_ovr_macro', 'roc_auc_ovr_weighted', 'log_loss']);

export const LOG_LOSS_EPS = 2 ** -52;

export interface ClassificationInput {
  classes: number;
  /** True class index per row, 0..classes-1. */
  truth: Int32Array;
  /** Predicted class index per row. */
  predicted: Int32Array;
  /** Row-major probabilities [rows × classes], when the model emits them. */
  probabilities?: Float64Array;
  /** Binary only: index of the positive class (default 1). */
  positive?: number;
}

export interface PreparedMetrics {
  readonly names: readonly string[];
  readonly rows: number;
  /**
   * Writes the metrics, in `names` order, for the given row weights (undefined: all 1). Every sum
   * runs in row order and zero weights add +0, so bootstrap draw counts (Int32Array) give exactly
   * what the same weights as a Float64Array give.
   */
  compute(weights: RowWeights | undefined, out: Float64Array): void;
  /** The data compute() reads, for rebuilding it in a worker thread (metricsFromPlan). */
  readonly plan?: MetricsPlan;
}

export function prepareClassification(input: ClassificationInput): PreparedMetrics {
  return input.classes === 2 ? prepareBinary(input) : prepareMulticlass(input);
}

/** Per-row negative log-likelihood of the true class after sklearn's clip-and-renormalize. */
function rowLogLoss(probabilities: Float64Array, classes: number, truth: Int32Array): Float64Array {
  const n = truth.length;
  const loss = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let own = 0;
    for (let c = 0; c < classes; c++) {
      const p = Math.min(Math.max(probabilities[i * classes + c]!, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
      sum += p;
      if (c === truth[i]) own = p;
    }
    loss[i] = -Math.log(own / sum);
  }
  return loss;
}

/** TP / (TP + FP); NaN without predicted positives. */
export function binaryPrecision(tp: number, fp: number): number {
  return tp + fp > 0 ? tp / (tp + fp) : Number.NaN;
}

/** TP / (TP + FN); NaN without positives. */
export function binaryRecall(tp: number, fn: number): number {
  return tp + fn > 0 ? tp / (tp + fn) : Number.NaN;
}

/**
 * The harmonic mean of precision and recall, as scikit-learn computes it when both are defined;
 * when one is undefined the other is 0 (TP = 0), and F1 = 2TP / (2TP + FP + FN) = 0. NaN when
 * TP + FP + FN = 0: no positives and none predicted.
 */
export function binaryF1(tp: number, fp: number, fn: number): number {
  if (tp + fp + fn === 0) return Number.NaN;
  if (tp === 0) return 0;
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  return (2 * precision * recall) / (precision + recall);
}

function prepareBinary(input: ClassificationInput): PreparedMetrics {
  const { truth, predicted, probabilities } = input;
  const n = truth.length;
  const positiveClass = input.positive ?? 1;
  // Per row: outcome = 2·(truth is positive) + (prediction is positive), i.e. 0 TN, 1 FP, 2 FN,
  // 3 TP, and whether the prediction is right; one counter per outcome keeps the pass branch-free.
  const outcome = new Uint8Array(n);
  const right = new Uint8Array(n);
  const positive = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    positive[i] = truth[i] === positiveClass ? 1 : 0;
    outcome[i] = 2 * positive[i]! + (predicted[i] === positiveClass ? 1 : 0);
    right[i] = truth[i] === predicted[i] ? 1 : 0;
  }
  const arrays: MetricsPlan['arrays'] = { outcome, right };
  if (probabilities) {
    const score = new Float64Array(n);
    for (let i = 0; i < n; i++) score[i] = probabilities[i * 2 + positiveClass]!;
    Object.assign(arrays, aucArrays(planAuc(rankScores(score), positive)), { loss: rowLogLoss(probabilities, 2, truth) });
  }
  const names = probabilities ? [...BINARY_METRICS] : BINARY_METRICS.filter((m) => !PROBABILITY_METRICS.has(m));
  return binaryFromPlan({ kind: 'binary', rows: n, names, arrays, values: {} });
}

function aucArrays(plan: AucPlan, suffix = ''): MetricsPlan['arrays'] {
  return { [`order${suffix}`]: plan.order, [`positiveInOrder${suffix}`]: plan.positiveInOrder, [`groupEnd${suffix}`]: plan.groupEnd, [`ties${suffix}`]: plan.ties };
}

export function aucFromPlan(plan: MetricsPlan, suffix = ''): AucPlan | undefined {
  if (!plan.arrays[`order${suffix}`]) return undefined;
  return {
    order: planArray(plan, `order${suffix}`, Uint32Array),
    positiveInOrder: planArray(plan, `positiveInOrder${suffix}`, Uint8Array),
    groupEnd: planArray(plan, `groupEnd${suffix}`, Uint8Array),
    ties: planArray(plan, `ties${suffix}`, Uint32Array),
  };
}

/** Binary metrics over a plan's arrays: outcome (0 TN, 1 FP, 2 FN, 3 TP), right, and with probabilities the AUC plan and per-row log loss. */
export function binaryFromPlan(plan: MetricsPlan): PreparedMetrics {
  const n = plan.rows;
  const outcome = planArray(plan, 'outcome', Uint8Array);
  const right = planArray(plan, 'right', Uint8Array);
  const loss = plan.arrays.loss ? planArray(plan, 'loss', Float64Array) : undefined;
  const auc = aucFromPlan(plan);
  const names = plan.names;
  // Without probabilities the loss pass adds w · 0 = +0 (its result is not reported).
  const rowLoss = loss ?? new Float64Array(n);
  let ones: Uint8Array | undefined;
  const rows: BinaryRows = { outcome, right, rowLoss };
  const sums: BinarySums = { counts: new Float64Array(4), total: 0, correct: 0, lossSum: 0 };
  return {
    names,
    rows: n,
    plan,
    compute(weights, out) {
      const w = weights ?? (ones ??= new Uint8Array(n).fill(1));
      if (w instanceof Uint8Array) byteWeightSums(w, rows, sums);
      else weightSums(w, rows, sums);
      writeBinaryMetrics(out, sums, loss ? auc : undefined, weights);
    },
  };
}

/** What a binary model's sums read per row: outcome (0 TN, 1 FP, 2 FN, 3 TP), right (0/1), log loss (+0 without probabilities). */
export interface BinaryRows {
  outcome: Uint8Array;
  right: Uint8Array;
  rowLoss: Float64Array;
}

/** The sums for any non-negative weights: one counter per outcome, every sum in row order. */
export function weightSums(w: RowWeights, rows: BinaryRows, sums: BinarySums): void {
  const { outcome, right, rowLoss } = rows;
  const counts = sums.counts;
  counts.fill(0);
  let total = 0;
  let correct = 0;
  let lossSum = 0;
  for (let i = 0; i < outcome.length; i++) {
    const x = w[i]!;
    total += x;
    correct += right[i]! * x;
    counts[outcome[i]!]! += x;
    lossSum += x * rowLoss[i]!;
  }
  sums.total = total;
  sums.correct = correct;
  sums.lossSum = lossSum;
}

/**
 * The same sums for byte weights (draw counts). Every count is an integer sum below 2^40, exact in
 * any order, so the four counters become three plain integer sums read off the outcome's bits
 * (predicted positive, truly positive, both) — no counter in memory to load and store per row.
 * The log loss is the one inexact sum and stays in row order, so the result is weightSums' to the bit.
 */
function byteWeightSums(w: Uint8Array, rows: BinaryRows, sums: BinarySums): void {
  const { outcome, right, rowLoss } = rows;
  let total = 0;
  let correct = 0;
  let predictedPositive = 0;
  let truePositive = 0;
  let bothPositive = 0;
  let lossSum = 0;
  for (let i = 0; i < outcome.length; i++) {
    const x = w[i]!;
    const o = outcome[i]!;
    total += x;
    correct += x * right[i]!;
    predictedPositive += x * (o & 1);
    truePositive += x * (o >> 1);
    bothPositive += x * ((o >> 1) & o);
    lossSum += x * rowLoss[i]!;
  }
  writeCounts(sums, total, predictedPositive, truePositive, bothPositive);
  sums.correct = correct;
  sums.lossSum = lossSum;
}

/** Outcome counts (TN, FP, FN, TP) from the total, the predicted and the true positives and their overlap. */
export function writeCounts(sums: BinarySums, total: number, predictedPositive: number, truePositive: number, bothPositive: number): void {
  sums.total = total;
  sums.counts[0] = total - predictedPositive - truePositive + bothPositive;
  sums.counts[1] = predictedPositive - bothPositive;
  sums.counts[2] = truePositive - bothPositive;
  sums.counts[3] = bothPositive;
}

/** A binary model's weighted sums over the rows: counts per outcome (0 TN, 1 FP, 2 FN, 3 TP), total weight, weight of right predictions, weighted log loss. */
export interface BinarySums {
  counts: Float64Array;
  total: number;
  correct: number;
  lossSum: number;
}

/** The binary metrics from the sums (and the AUC pass when the model has probabilities), in BINARY_METRICS order. */
export function writeBinaryMetrics(out: Float64Array, sums: BinarySums, auc: AucPlan | undefined, weights: RowWeights | undefined): void {
  const { counts, total, correct, lossSum } = sums;
  const tp = counts[3]!;
  const fp = counts[1]!;
  const fn = counts[2]!;
  out[0] = total > 0 ? correct / total : Number.NaN;
  out[1] = binaryPrecision(tp, fp);
  out[2] = binaryRecall(tp, fn);
  out[3] = binaryF1(tp, fp, fn);
  if (auc) {
    out[4] = weightedAuc(auc, weights);
    out[5] = total > 0 ? lossSum / total : Number.NaN;
  }
}

function prepareMulticlass(input: ClassificationInput): PreparedMetrics {
  const { truth, predicted, probabilities, classes } = input;
  const n = truth.length;
  const arrays: MetricsPlan['arrays'] = { truth, predicted };
  if (probabilities) {
    for (let c = 0; c < classes; c++) {
      const score = new Float64Array(n);
      const positive = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        score[i] = probabilities[i * classes + c]!;
        positive[i] = truth[i] === c ? 1 : 0;
      }
      Object.assign(arrays, aucArrays(planAuc(rankScores(score), positive), String(c)));
    }
    arrays.loss = rowLogLoss(probabilities, classes, truth);
  }
  const names = probabilities ? [...MULTICLASS_METRICS] : MULTICLASS_METRICS.filter((m) => !PROBABILITY_METRICS.has(m));
  return multiclassFromPlan({ kind: 'multiclass', rows: n, names, arrays, values: { classes } });
}

/** Multiclass metrics over a plan's arrays: truth, predicted, and with probabilities one AUC plan per class (suffix c) and the per-row log loss. */
export function multiclassFromPlan(plan: MetricsPlan): PreparedMetrics {
  const n = plan.rows;
  const classes = plan.values.classes as number;
  const truth = planArray(plan, 'truth', Int32Array);
  const predicted = planArray(plan, 'predicted', Int32Array);
  const loss = plan.arrays.loss ? planArray(plan, 'loss', Float64Array) : undefined;
  const oneVsRest: AucPlan[] = loss ? Array.from({ length: classes }, (_, c) => aucFromPlan(plan, String(c))!) : [];
  const names = plan.names;
  const tp = new Float64Array(classes);
  const truthCount = new Float64Array(classes);
  const predCount = new Float64Array(classes);
  return {
    names,
    rows: n,
    plan,
    compute(weights, out) {
      tp.fill(0);
      truthCount.fill(0);
      predCount.fill(0);
      let total = 0;
      let correct = 0;
      let lossSum = 0;
      for (let i = 0; i < n; i++) {
        const w = weights ? weights[i]! : 1;
        const t = truth[i]!;
        const p = predicted[i]!;
        // Branch-free: a wrong prediction adds w·0 = +0 to correct and tp[t], leaving them unchanged.
        const hit = t === p ? w : 0;
        total += w;
        truthCount[t] = truthCount[t]! + w;
        predCount[p] = predCount[p]! + w;
        correct += hit;
        tp[t] = tp[t]! + hit;
        if (loss) lossSum += w * loss[i]!;
      }
      let present = 0;
      let pMacro = 0;
      let rMacro = 0;
      let fMacro = 0;
      let pWeighted = 0;
      let rWeighted = 0;
      let fWeighted = 0;
      for (let c = 0; c < classes; c++) {
        if (truthCount[c] === 0 && predCount[c] === 0) continue;
        present++;
        const precision = predCount[c]! > 0 ? tp[c]! / predCount[c]! : 0;
        const recall = truthCount[c]! > 0 ? tp[c]! / truthCount[c]! : 0;
        const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
        pMacro += precision;
        rMacro += recall;
        fMacro += f1;
        pWeighted += precision * truthCount[c]!;
        rWeighted += recall * truthCount[c]!;
        fWeighted += f1 * truthCount[c]!;
      }
      out[0] = total > 0 ? correct / total : Number.NaN;
      out[1] = present ? pMacro / present : Number.NaN;
      out[2] = total > 0 ? pWeighted / total : Number.NaN;
      out[3] = present ? rMacro / present : Number.NaN;
      out[4] = total > 0 ? rWeighted / total : Number.NaN;
      out[5] = present ? fMacro / present : Number.NaN;
      out[6] = total > 0 ? fWeighted / total : Number.NaN;
      if (loss) {
        let macro = 0;
        let weighted = 0;
        let defined = true;
        for (let c = 0; c < classes; c++) {
          const auc = weightedAuc(oneVsRest[c]!, weights);
          if (Number.isNaN(auc)) defined = false;
          macro += auc;
          weighted += auc * truthCount[c]!;
        }
        out[7] = defined ? macro / classes : Number.NaN;
        out[8] = defined ? weighted / total : Number.NaN;
        out[9] = total > 0 ? lossSum / total : Number.NaN;
      }
    },
  };
}

/** Confusion matrix counts [truth][predicted] (sklearn's confusion_matrix layout). */
export function confusionMatrix(truth: Int32Array, predicted: Int32Array, classes: number): number[][] {
  const matrix = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < truth.length; i++) matrix[truth[i]!]![predicted[i]!]!++;
  return matrix;
}

/** Point estimates as a name → value map (NaN → null: undefined on these rows). */
export function metricValues(prepared: PreparedMetrics, weights?: RowWeights): Record<string, number | null> {
  const out = new Float64Array(prepared.names.length);
  prepared.compute(weights, out);
  return Object.fromEntries(prepared.names.map((name, i) => [name, Number.isFinite(out[i]!) ? out[i]! : null]));
}
