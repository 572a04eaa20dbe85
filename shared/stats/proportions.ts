/**
 * Two-proportion z-test with the pooled standard error (the test Evidently runs on binary
 * columns): z = (p1 − p2) / sqrt(p̂(1 − p̂)(1/n1 + 1/n2)), two-sided p = 2·P(Z > |z|).
 * When both samples hold only one of the two values there is no variance: z = 0, p = 1.
 */
import { normalUpperTail } from './normal.js';

export interface ZTestResult {
  statistic: number;
  pValue: number;
}

export function twoProportionZTest(successes1: number, n1: number, successes2: number, n2: number): ZTestResult {
  const pooled = (successes1 + successes2) / (n1 + n2);
  const variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
  if (!(variance > 0)) return { statistic: 0, pValue: 1 };
  const z = (successes1 / n1 - successes2 / n2) / Math.sqrt(variance);
  return { statistic: z, pValue: Math.min(1, 2 * normalUpperTail(Math.abs(z))) };
}
