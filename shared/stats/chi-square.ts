/**
 * Pearson's chi-square test of homogeneity for a 2×K table (as scipy.stats.chi2_contingency
 * with correction=False), and the chi-square survival function it needs (the regularized upper
 * incomplete gamma Q(k/2, x/2) of gamma.ts).
 */
import { gammaQ } from './gamma.js';

export function chiSquareSurvival(x: number, degrees: number): number {
  if (!(x > 0)) return 1;
  if (x === Infinity) return 0;
  return gammaQ(degrees / 2, x / 2);
}

export interface ChiSquareResult {
  statistic: number;
  degrees: number;
  pValue: number;
}

/** Homogeneity of two count vectors over the same bins; bins empty in both are dropped. */
export function chiSquareHomogeneity(a: readonly number[], b: readonly number[]): ChiSquareResult {
  const columns: Array<[number, number]> = [];
  for (let i = 0; i < a.length; i++) if (a[i]! + b[i]! > 0) columns.push([a[i]!, b[i]!]);
  const totalA = columns.reduce((s, [x]) => s + x, 0);
  const totalB = columns.reduce((s, [, y]) => s + y, 0);
  const total = totalA + totalB;
  const degrees = columns.length - 1;
  if (degrees < 1 || totalA === 0 || totalB === 0) return { statistic: 0, degrees: Math.max(0, degrees), pValue: 1 };
  let statistic = 0;
  for (const [x, y] of columns) {
    const column = x + y;
    const expectedA = (column * totalA) / total;
    const expectedB = (column * totalB) / total;
    statistic += (x - expectedA) ** 2 / expectedA + (y - expectedB) ** 2 / expectedB;
  }
  return { statistic, degrees, pValue: chiSquareSurvival(statistic, degrees) };
}
