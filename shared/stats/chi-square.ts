/**
 * Pearson's chi-square test of homogeneity for a 2×K table (as scipy.stats.chi2_contingency
 * with correction=False), and the chi-square survival function it needs (regularized upper
 * incomplete gamma Q(k/2, x/2): series below a+1, continued fraction above).
 */
import { logGamma } from './special.js';

export function chiSquareSurvival(x: number, degrees: number): number {
  if (!(x > 0)) return 1;
  if (x === Infinity) return 0;
  return upperGammaQ(degrees / 2, x / 2);
}

function upperGammaQ(a: number, x: number): number {
  const logFront = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 100_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
    }
    return 1 - sum * Math.exp(logFront);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(logFront) * h;
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
