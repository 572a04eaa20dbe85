/** Seeded synthetic model outputs shared by the bootstrap tests. */
import type { ClassificationInput } from '../../shared/stats/classification.js';

/** A multiclass model whose scores lie on a 1/grid grid (many ties) plus 0.4 on the true class, normalised; predictions are the argmax. */
export function multiclassInput(uniform: () => number, n: number, classes: number, grid: number): ClassificationInput {
  const truth = Int32Array.from({ length: n }, () => Math.floor(uniform() * classes));
  const probabilities = new Float64Array(n * classes);
  const predicted = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += probabilities[i * classes + c] = Math.round(uniform() * grid) / grid + (c === truth[i] ? 0.4 : 0);
    let best = 0;
    for (let c = 0; c < classes; c++) {
      probabilities[i * classes + c]! /= sum;
      if (probabilities[i * classes + c]! > probabilities[i * classes + best]!) best = c;
    }
    predicted[i] = best;
  }
  return { classes, truth, predicted, probabilities };
}
