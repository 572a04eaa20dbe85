/**
 * Special functions for exact binomial tests: log-gamma (Lanczos, g = 7), the regularized
 * incomplete beta function (continued fraction, modified Lentz) and the binomial CDF built on it.
 */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) sum += LANCZOS[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** log of the binomial coefficient C(n, k), exact summation for small k. */
export function logChoose(n: number, k: number): number {
  if (k < 0 || k > n) return -Infinity;
  const m = Math.min(k, n - k);
  if (m <= 64) {
    let sum = 0;
    for (let i = 1; i <= m; i++) sum += Math.log((n - m + i) / i);
    return sum;
  }
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

/** Regularized incomplete beta I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(logFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 100_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
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

/** P(X <= k) for X ~ Binomial(n, p). */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (p <= 0) return 1;
  if (p >= 1) return 0;
  // For small n an exact sum of probabilities is more accurate than the continued fraction.
  if (n <= 2000) {
    const logP = Math.log(p);
    const logQ = Math.log1p(-p);
    let sum = 0;
    for (let i = 0; i <= k; i++) sum += Math.exp(logChoose(n, i) + i * logP + (n - i) * logQ);
    return Math.min(1, sum);
  }
  return incompleteBeta(1 - p, n - k, k + 1);
}

/** P(X >= k) for X ~ Binomial(n, p). */
export function binomialSurvival(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  return binomialCdf(n - k, n, 1 - p);
}

/**
 * Two-sided exact binomial test of H0: p = p0, the "twice the smaller tail" p-value (the test
 * the Clopper–Pearson interval inverts). For p0 = 0.5 it equals SciPy's binomtest p-value.
 */
export function binomialTestTwoSided(k: number, n: number, p0: number): number {
  if (n === 0) return 1;
  const lower = binomialCdf(k, n, p0);
  const upper = binomialSurvival(k, n, p0);
  return Math.min(1, 2 * Math.min(lower, upper));
}

/** Clopper–Pearson ("exact") interval for a binomial proportion at confidence 1 - alpha. */
export function clopperPearson(k: number, n: number, alpha: number): [number, number] {
  if (n === 0) return [0, 1];
  const low = k === 0 ? 0 : bisect((p) => binomialSurvival(k, n, p) - alpha / 2);
  const high = k === n ? 1 : bisect((p) => alpha / 2 - binomialCdf(k, n, p));
  return [low, high];
}

/** Root of an increasing function on [0, 1]. */
function bisect(f: (p: number) => number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
