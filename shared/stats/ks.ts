/**
 * Two-sample Kolmogorov–Smirnov test, two-sided, as `scipy.stats.ks_2samp(a, b)` with
 * method='auto': exact when both samples have at most 10 000 values (the lattice-path
 * probability, computed as 1 − p directly so small p-values keep their precision), else
 * the finite-n Kolmogorov distribution at n = round(n1·n2/(n1+n2)). Ties are handled as
 * SciPy does (the ECDFs are compared at every distinct value); −0 equals +0.
 * Inputs must be sorted ascending and free of NaN (drift drops NaN and counts it first).
 */
import { kolmogorovSf } from './kolmogorov.js';

export type KsMethod = 'exact' | 'asymp';

export interface KsResult {
  statistic: number;
  pValue: number;
  method: KsMethod;
}

/** 'auto' tries the exact distribution when both samples have at most this many values. */
const MAX_AUTO_EXACT_N = 10_000;
const INT32_MAX = 2_147_483_647;

/** The largest distance between the two ECDFs, evaluated exactly as SciPy does (i/n1 − j/n2). */
export function ksStatistic(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let maxDiff = Number.NEGATIVE_INFINITY;
  let minDiff = Number.POSITIVE_INFINITY;
  while (i < n1 || j < n2) {
    const v = i < n1 && (j >= n2 || a[i]! <= b[j]!) ? a[i]! : b[j]!;
    while (i < n1 && a[i]! <= v) i++;
    while (j < n2 && b[j]! <= v) j++;
    const diff = i / n1 - j / n2;
    if (diff > maxDiff) maxDiff = diff;
    if (diff < minDiff) minDiff = diff;
  }
  const minS = Math.min(1, Math.max(0, -minDiff));
  return minS > maxDiff ? minS : maxDiff;
}

/** @param statistic the KS statistic when already computed (ecdf-walk.ts), else computed here. */
export function ks2Samp(a: ArrayLike<number>, b: ArrayLike<number>, statistic?: number): KsResult {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('ks2Samp: both samples need at least one value');
  let d = statistic ?? ksStatistic(a, b);
  const g = gcd(n1, n2);
  const n1g = n1 / g;
  const n2g = n2 / g;
  let method: KsMethod = Math.max(n1, n2) <= MAX_AUTO_EXACT_N ? 'exact' : 'asymp';
  let p = Number.NaN;
  if (method === 'exact' && n1g >= INT32_MAX / n2g) method = 'asymp';
  if (method === 'exact') {
    const lcm = n1g * n2;
    const h = roundHalfEven(d * lcm);
    d = h / lcm;
    if (h === 0) p = 1;
    else p = n1 === n2 ? outsideSquare(n1, h) : outsideCorridor(n1, n2, g, h);
    if (!(p >= 0 && p <= 1)) method = 'asymp';
  }
  if (method === 'asymp') {
    const big = Math.max(n1, n2);
    const small = Math.min(n1, n2);
    const en = (big * small) / (big + small);
    p = kolmogorovSf(d, roundHalfEven(en));
  }
  return { statistic: d, pValue: Math.min(1, Math.max(0, p)), method };
}

/** P(D_{n,n} >= h/n) = 2 Σ_k (−1)^(k+1) C(2n, n−kh)/C(2n, n), nested to avoid cancellation. */
function outsideSquare(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let term = 1;
    for (let j = 0; j < h; j++) term = ((n - k * h - j) * term) / (n + k * h + j + 1);
    p = term * (1 - p);
  }
  return 2 * p;
}

/**
 * Share of the lattice paths from (0,0) to (m,n) that leave the corridor |x/m − y/n| < h/lcm,
 * by the inside method recast to carry 1 − (share inside) per cell (Viehmann 2021), one
 * sliding column at a time.
 */
function outsideCorridor(n1: number, n2: number, g: number, h: number): number {
  const m = Math.max(n1, n2);
  const n = Math.min(n1, n2);
  const mg = m / g;
  const ng = n / g;
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const column = new Float64Array(Math.min(2 * maxj + 2, n + 1)).fill(1);
  column.fill(0, minj, maxj);
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let value = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      value = (column[jj + minj - lastminj]! * i + value * j) / (i + j);
      column[jj] = value;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) column.fill(1, maxj - minj, maxj - minj + (lastlen - curlen));
  }
  return column[maxj - minj - 1]!;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** NumPy's np.round: halves go to the even neighbour. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
