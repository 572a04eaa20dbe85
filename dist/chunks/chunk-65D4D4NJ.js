import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  gammaQ
} from "./chunk-VHYSKZ3L.js";

// shared/stats/normal.ts
function normalTwoSided(z) {
  if (Number.isNaN(z)) return Number.NaN;
  return gammaQ(0.5, z * z / 2);
}
function normalUpperTail(z) {
  const half = normalTwoSided(z) / 2;
  return z >= 0 ? half : 1 - half;
}
function normalDensity(z) {
  return Math.exp(-(z * z) / 2) / Math.sqrt(2 * Math.PI);
}
function normalQuantileApprox(p) {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q2 = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q2 + c[1]) * q2 + c[2]) * q2 + c[3]) * q2 + c[4]) * q2 + c[5]) / ((((d[0] * q2 + d[1]) * q2 + d[2]) * q2 + d[3]) * q2 + 1);
  }
  if (p > 1 - low) return -normalQuantileApprox(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}
function normalUpperQuantile(upper) {
  let z = -normalQuantileApprox(upper);
  for (let i = 0; i < 3; i++) {
    const step = (normalUpperTail(z) - upper) / normalDensity(z);
    if (!Number.isFinite(step)) break;
    z += step;
    if (Math.abs(step) < 1e-15 * Math.max(1, Math.abs(z))) break;
  }
  return z;
}

export {
  normalTwoSided,
  normalUpperTail,
  normalQuantileApprox,
  normalUpperQuantile
};
