/**
 * Label-free performance estimate for a binary classifier, confidence-based as NannyML's
 * CBPE: if the model is calibrated, a row with positive-class probability p is a positive
 * with probability p. Then
 * - expected accuracy = mean over rows of max(p, 1 − p) (at the 0.5 threshold);
 * - expected ROC AUC = the AUC of the scores p against fractional labels: each row counts
 *   p as a positive and 1 − p as a negative (ties count half).
 * It is an estimate that assumes calibration and cannot see concept drift.
 */
export interface PerformanceFigures {
  rows: number;
  accuracy: number;
  rocAuc: number;
}

export interface PerformanceEstimate {
  /** Where the probabilities came from (a captured output column or the model). */
  source: string;
  current: PerformanceFigures;
  reference?: PerformanceFigures;
}

export function expectedPerformance(probabilities: ArrayLike<number>): PerformanceFigures | undefined {
  const p: number[] = [];
  for (let i = 0; i < probabilities.length; i++) {
    const v = probabilities[i]!;
    if (Number.isFinite(v) && v >= 0 && v <= 1) p.push(v);
  }
  if (p.length === 0) return undefined;
  let correct = 0;
  for (const v of p) correct += Math.max(v, 1 - v);
  p.sort((a, b) => b - a);
  // Sweep scores from high to low; within a tie group pairs count half.
  let positives = 0;
  let negatives = 0;
  let area = 0;
  for (let i = 0; i < p.length; ) {
    let j = i;
    let groupPos = 0;
    let groupNeg = 0;
    while (j < p.length && p[j] === p[i]) {
      groupPos += p[j]!;
      groupNeg += 1 - p[j]!;
      j++;
    }
    area += groupNeg * positives + (groupNeg * groupPos) / 2;
    positives += groupPos;
    negatives += groupNeg;
    i = j;
  }
  const rocAuc = positives > 0 && negatives > 0 ? area / (positives * negatives) : Number.NaN;
  return { rows: p.length, accuracy: correct / p.length, rocAuc };
}

/**
 * The positive-class probability of each row from a captured output column: a number in
 * [0, 1], or a two-element list [p0, p1] (as `mlops serve --capture` writes class
 * probabilities, read as text). Undefined when the column holds anything else.
 */
export function positiveClassProbabilities(values: readonly (string | null)[] | Float64Array): Float64Array | undefined {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      out[i] = Number.NaN;
      continue;
    }
    if (typeof v === 'number') {
      if (!(v >= 0 && v <= 1) && !Number.isNaN(v)) return undefined;
      out[i] = v;
      continue;
    }
    const list = /^\[\s*([^,\]]+)\s*,\s*([^,\]]+)\s*\]$/.exec(v);
    const number = list ? Number(list[2]) : Number(v);
    if (!Number.isFinite(number) || number < 0 || number > 1) return undefined;
    out[i] = number;
  }
  return out;
}
