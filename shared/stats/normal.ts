/**
 * The standard normal distribution to double precision: the tail from the regularized incomplete
 * gamma function (P(|Z| > z) = Q(1/2, z²/2); series below a + 1, continued fraction above, as in
 * Numerical Recipes §6.2), and the quantile from Acklam's approximation polished by Newton steps
 * on that tail (Acklam alone: relative error 1.2e-9).
 */
import { gammaQ } from './gamma.js';

/** P(|Z| ≥ |z|): the two-sided p-value of a z statistic. */
export function normalTwoSided(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  return gammaQ(0.5, (z * z) / 2);
}

/** P(Z ≥ z). */
export function normalUpperTail(z: number): number {
  const half = normalTwoSided(z) / 2;
  return z >= 0 ? half : 1 - half;
}

export function normalDensity(z: number): number {
  return Math.exp(-(z * z) / 2) / Math.sqrt(2 * Math.PI);
}

/** Acklam's rational approximation of the standard normal quantile (relative error < 1.2e-9). */
export function normalQuantileApprox(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - low) return -normalQuantileApprox(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/** The z with P(Z ≥ z) = upper, to double precision (0 < upper < 1). */
export function normalUpperQuantile(upper: number): number {
  let z = -normalQuantileApprox(upper);
  for (let i = 0; i < 3; i++) {
    const step = (normalUpperTail(z) - upper) / normalDensity(z);
    if (!Number.isFinite(step)) break;
    z += step;
    if (Math.abs(step) < 1e-15 * Math.max(1, Math.abs(z))) break;
  }
  return z;
}
