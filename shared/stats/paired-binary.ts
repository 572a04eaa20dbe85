/**
 * Candidate and baseline binary metrics on the same resample in one row-order pass: the weights
 * are read once, and each model's sums still run over the rows in order, so each model's values
 * are exactly what its own compute() gives (tested byte for byte); then each model's AUC pass.
 */
import type { RowWeights } from './auc.js';
import { aucFromPlan, writeBinaryMetrics, type PreparedMetrics } from './classification.js';
import { planArray, type MetricsPlan } from './metrics-plan.js';

export type PairedCompute = (weights: RowWeights, candidateOut: Float64Array, baselineOut: Float64Array) => void;

/** The fused pass, or undefined unless both models are binary metrics (from plans) over the same rows. */
export function pairedBinaryCompute(candidate: PreparedMetrics, baseline: PreparedMetrics | undefined): PairedCompute | undefined {
  if (!baseline || candidate.plan?.kind !== 'binary' || baseline.plan?.kind !== 'binary' || candidate.rows !== baseline.rows) return undefined;
  const a = binaryArrays(candidate.plan);
  const b = binaryArrays(baseline.plan);
  const n = candidate.rows;
  const countsA = new Float64Array(4);
  const countsB = new Float64Array(4);
  return (w, outA, outB) => {
    countsA.fill(0);
    countsB.fill(0);
    let total = 0;
    let correctA = 0;
    let correctB = 0;
    let lossA = 0;
    let lossB = 0;
    for (let i = 0; i < n; i++) {
      const x = w[i]!;
      total += x;
      correctA += a.right[i]! * x;
      countsA[a.outcome[i]!]! += x;
      lossA += x * a.rowLoss[i]!;
      correctB += b.right[i]! * x;
      countsB[b.outcome[i]!]! += x;
      lossB += x * b.rowLoss[i]!;
    }
    writeBinaryMetrics(outA, { counts: countsA, total, correct: correctA, lossSum: lossA }, a.auc, w);
    writeBinaryMetrics(outB, { counts: countsB, total, correct: correctB, lossSum: lossB }, b.auc, w);
  };
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
