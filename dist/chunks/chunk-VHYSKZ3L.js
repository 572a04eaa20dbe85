import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);

// shared/stats/special.ts
var LANCZOS = [
  0.9999999999998099,
  676.5203681218851,
  -1259.1392167224028,
  771.3234287776531,
  -176.6150291621406,
  12.507343278686905,
  -0.13857109526572012,
  9984369578019572e-21,
  15056327351493116e-23
];
function logGamma(x) {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) sum += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
function logChoose(n, k) {
  if (k < 0 || k > n) return -Infinity;
  const m = Math.min(k, n - k);
  if (m <= 64) {
    let sum = 0;
    for (let i = 1; i <= m; i++) sum += Math.log((n - m + i) / i);
    return sum;
  }
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}
function incompleteBeta(x, a, b) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  if (x < (a + 1) / (a + b + 2)) return Math.exp(logFront) * betaContinuedFraction(x, a, b) / a;
  return 1 - Math.exp(logFront) * betaContinuedFraction(1 - x, b, a) / b;
}
function betaContinuedFraction(x, a, b) {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - (a + b) * x / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 1e5; m++) {
    const m2 = 2 * m;
    let aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return h;
}
function binomialCdf(k, n, p) {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (p <= 0) return 1;
  if (p >= 1) return 0;
  if (n <= 2e3) {
    const logP = Math.log(p);
    const logQ = Math.log1p(-p);
    let sum = 0;
    for (let i = 0; i <= k; i++) sum += Math.exp(logChoose(n, i) + i * logP + (n - i) * logQ);
    return Math.min(1, sum);
  }
  return incompleteBeta(1 - p, n - k, k + 1);
}
function binomialSurvival(k, n, p) {
  if (k <= 0) return 1;
  if (k > n) return 0;
  return binomialCdf(n - k, n, 1 - p);
}
function binomialTestTwoSided(k, n, p0) {
  if (n === 0) return 1;
  const lower = binomialCdf(k, n, p0);
  const upper = binomialSurvival(k, n, p0);
  return Math.min(1, 2 * Math.min(lower, upper));
}

// shared/stats/gamma.ts
var EPSILON = 1e-16;
var TINY = 1e-300;
function gammaQ(a, x) {
  if (x <= 0) return 1;
  if (!Number.isFinite(x)) return 0;
  return x < a + 1 ? 1 - gammaSeries(a, x) : gammaContinuedFraction(a, x);
}
function gammaSeries(a, x) {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < 1e5; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
}
function gammaContinuedFraction(a, x) {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1e5; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}
function chiSquareSf(x, dof) {
  if (Number.isNaN(x)) return Number.NaN;
  return gammaQ(dof / 2, x / 2);
}

export {
  incompleteBeta,
  binomialTestTwoSided,
  gammaQ,
  chiSquareSf
};
