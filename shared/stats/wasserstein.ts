/**
 * First Wasserstein (earth mover's) distance between two samples, as
 * `scipy.stats.wasserstein_distance(u, v)`: the integral of |U(x) − V(x)| over the merged
 * sorted values. Inputs sorted ascending, NaN-free. Compensated summation keeps the result
 * within a few ulps of NumPy's pairwise sum on millions of values.
 */
export function wassersteinDistance(u: ArrayLike<number>, v: ArrayLike<number>): number {
  const nu = u.length;
  const nv = v.length;
  if (nu === 0 || nv === 0) throw new RangeError('wassersteinDistance: both samples need at least one value');
  let i = 0;
  let j = 0;
  let sum = 0;
  let compensation = 0;
  let previous = Math.min(u[0]!, v[0]!);
  while (i < nu || j < nv) {
    const x = i < nu && (j >= nv || u[i]! <= v[j]!) ? u[i]! : v[j]!;
    // Area of the strip between the previous merged value and this one.
    const term = Math.abs(i / nu - j / nv) * (x - previous);
    const y = term - compensation;
    const s = sum + y;
    compensation = s - sum - y;
    sum = s;
    previous = x;
    while (i < nu && u[i]! <= x) i++;
    while (j < nv && v[j]! <= x) j++;
  }
  return sum;
}

/** Population standard deviation (ddof = 0, as np.std), two-pass. */
export function standardDeviation(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i]!;
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i]! - mean) ** 2;
  return Math.sqrt(ss / n);
}

/** Floor on the reference's spread when norming (a constant reference column), as Evidently. */
export const MIN_NORM_SD = 0.001;

/** Wasserstein distance in units of the reference's standard deviation (at least 0.001). */
export function normedWasserstein(reference: ArrayLike<number>, current: ArrayLike<number>): { distance: number; normed: number; referenceSd: number } {
  const distance = wassersteinDistance(reference, current);
  const referenceSd = standardDeviation(reference);
  return { distance, normed: distance / Math.max(referenceSd, MIN_NORM_SD), referenceSd };
}
