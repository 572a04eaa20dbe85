import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);

// shared/data/fingerprint.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
async function fingerprintData(source) {
  const files = [];
  for (let i = 0; i < source.files.length; i++) {
    const file = source.files[i];
    const hash = createHash("sha256");
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk);
    files.push({ path: source.displayFiles[i], bytes: (await stat(file)).size, sha256: hash.digest("hex") });
  }
  const combined = createHash("sha256");
  for (const file of files) combined.update(`${file.bytes}\0${file.sha256}
`);
  return { fingerprint: `sha256:${combined.digest("hex")}`, files };
}

// shared/stats/normal.ts
var SQRT_PI = Math.sqrt(Math.PI);
function upperGammaHalf(x) {
  const a = 0.5;
  if (x <= 0) return 1;
  const front = Math.exp(-x + a * Math.log(x)) / SQRT_PI;
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 500; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
    }
    return 1 - front * sum;
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
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
  return front * h;
}
function normalTwoSided(z) {
  if (Number.isNaN(z)) return Number.NaN;
  return upperGammaHalf(z * z / 2);
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
  fingerprintData,
  normalTwoSided,
  normalQuantileApprox,
  normalUpperQuantile
};
