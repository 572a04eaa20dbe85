/**
 * Candidate and baseline binary metrics on the same resample in one row-order pass over byte
 * draw counts (every resample but a rare Int32 redraw): the weights are read once, and each model's sums still run over the rows in order, so each model's values
 * are exactly what its own compute() gives (tested byte for byte); then each model's AUC pass.
 */
import type { RowWeights } from './auc.js';
import { aucFromPlan, weightSums, writeBinaryMetrics, writeCounts, type BinaryRows, type BinarySums, type PreparedMetrics } from './classification.js';
import { planArray, type MetricsPlan } from './metrics-plan.js';

export type PairedCompute = (weights: RowWeights, candidateOut: Float64Array, baselineOut: Float64Array) => void;

/** The fused pass, or undefined unless both models are binary metrics (from plans) over the same rows. */
export function pairedBinaryCompute(candidate: PreparedMetrics, baseline: PreparedMetrics | undefined): PairedCompute | undefined {
  if (!baseline || candidate.plan?.kind !== 'binary' || baseline.plan?.kind !== 'binary' || candidate.rows !== baseline.rows) return undefined;
  const a = binaryArrays(candidate.plan);
  const b = binaryArrays(baseline.plan);
  const sumsA = emptySums();
  const sumsB = emptySums();
  return (w, outA, outB) => {
    if (w instanceof Uint8Array) pairedByteSums(w, a, b, sumsA, sumsB);
    else {
      // Float weights or Int32 counts (a row drawn > 255 times): rare, so each model's own pass.
      weightSums(w, a, sumsA);
      weightSums(w, b, sumsB);
    }
    writeBinaryMetrics(outA, sumsA, a.auc, w);
    writeBinaryMetrics(outB, sumsB, b.auc, w);
  };
}

const emptySums = (): BinarySums => ({ counts: new Float64Array(4), total: 0, correct: 0, lossSum: 0 });

/** Both models' sums for byte weights, each as byteWeightSums computes it (integer counts off the outcome bits, loss in row order). */
function pairedByteSums(w: Uint8Array, a: BinaryRows, b: BinaryRows, sumsA: BinarySums, sumsB: BinarySums): void {
  const oa = a.outcome;
  const ob = b.outcome;
  let total = 0;
  let correctA = 0;
  let predictedA = 0;
  let trueA = 0;
  let bothA = 0;
  let lossA = 0;
  let correctB = 0;
  let predictedB = 0;
  let trueB = 0;
  let bothB = 0;
  let lossB = 0;
  for (let i = 0; i < oa.length; i++) {
    const x = w[i]!;
    const ca = oa[i]!;
    const cb = ob[i]!;
    total += x;
    correctA += x * a.right[i]!;
    predictedA += x * (ca & 1);
    trueA += x * (ca >> 1);
    bothA += x * ((ca >> 1) & ca);
    lossA += x * a.rowLoss[i]!;
    correctB += x * b.right[i]!;
    predictedB += x * (cb & 1);
    trueB += x * (cb >> 1);
    bothB += x * ((cb >> 1) & cb);
    lossB += x * b.rowLoss[i]!;
  }
  writeCounts(sumsA, total, predictedA, trueA, bothA);
  writeCounts(sumsB, total, predictedB, trueB, bothB);
  sumsA.correct = correctA;
  sumsA.lossSum = lossA;
  sumsB.correct = correctB;
  sumsB.lossSum = lossB;
}

function binaryArrays(plan: MetricsPlan) {
  const loss = plan.arrays.loss ? planArray(plan, 'loss', Float64Array) : undefined;
  return {
    outcome: planArray(plan, 'outcome', Uint8Array),
    right: planArray(plan, 'right', Uint8Array),
    // Without probabilities the loss sum adds +0 and is not reported, as in compute().
    rowLoss: loss ?? new Float64Array(plan.rows),
    auc: loss ? aucFromPlan(plan) : undefined,
  };
}
