/**
 * Adjusted p-values for testing many columns at once. A column is significant when its
 * adjusted p-value is below alpha.
 * - bh: Benjamini–Hochberg (controls the false discovery rate), step-up:
 *   adj(i) = min over j ≥ i of m·p(j)/j in ascending order, capped at 1.
 * - holm: Holm's step-down (family-wise error rate, any dependence).
 * - bonferroni: min(1, m·p).
 * - none: the raw p-values.
 */
import { holm } from './holm.js';

export const CORRECTIONS = ['bh', 'holm', 'bonferroni', 'none'] as const;
export type Correction = (typeof CORRECTIONS)[number];

export function adjustPValues(pValues: readonly number[], correction: Correction): number[] {
  const m = pValues.length;
  switch (correction) {
    case 'none':
      return [...pValues];
    case 'bonferroni':
      return pValues.map((p) => Math.min(1, m * p));
    case 'holm':
      return holm(pValues, 0.05).map((step) => step.adjusted);
    case 'bh': {
      const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
      const adjusted = new Array<number>(m);
      let running = 1;
      for (let k = m - 1; k >= 0; k--) {
        const { p, i } = order[k]!;
        running = Math.min(running, (m * p) / (k + 1));
        adjusted[i] = Math.min(1, running);
      }
      return adjusted;
    }
  }
}
