/** Student's t distribution: upper tail and quantile (for intervals over a few repeats). */
import { incompleteBeta } from './special.js';

/** P(T > t) for T ~ t(dof). */
export function studentUpperTail(t: number, dof: number): number {
  const tail = 0.5 * incompleteBeta(dof / (dof + t * t), dof / 2, 0.5);
  return t >= 0 ? tail : 1 - tail;
}

/** The t with P(T > t) = upper, by bisection then Newton-free refinement (|error| < 1e-12). */
export function studentUpperQuantile(upper: number, dof: number): number {
  if (!(upper > 0 && upper < 1)) throw new Error(`upper tail ${upper} outside (0, 1)`);
  if (upper === 0.5) return 0;
  if (upper > 0.5) return -studentUpperQuantile(1 - upper, dof);
  let low = 0;
  let high = 1;
  while (studentUpperTail(high, dof) > upper) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-13 * Math.max(1, high); i++) {
    const mid = (low + high) / 2;
    if (studentUpperTail(mid, dof) > upper) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
