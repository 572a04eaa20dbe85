/**
 * Exact coverage of the 95 % intervals for Δ accuracy, by enumerating the trinomial
 * (b = candidate-only rows, c = baseline-only rows, the rest concordant) over every (b, c) whose
 * probability is above 1e-15 (the mass left out is reported as `unenumerated`): Tango's score
 * interval (the gate's) beside the former conditional interval (Clopper–Pearson on b | b + c,
 * mapped to Δ). Intervals depend on (n, b, c) only, so they are cached across cases of one n.
 * Run: node bench/verdicts/run.mjs coverage > bench/verdicts/results/accuracy-coverage.json
 */
import { accuracyDifferenceInterval } from '../../shared/stats/paired-accuracy.js';
import { logChoose } from '../../shared/stats/special.js';

const ALPHA = 0.05;
const LOG_CUTOFF = Math.log(1e-15);

/**
 * Whether the former conditional interval covers Δ: Clopper–Pearson on b | d = b + c mapped to
 * Δ = (d / n)(2π − 1) covers Δ exactly when π = (1 + nΔ / d) / 2 lies in the Clopper–Pearson
 * interval of b out of d, i.e. when neither one-sided exact binomial test at π rejects at α/2:
 * P(X ≥ b) > α/2 (or b = 0) and P(X ≤ b) > α/2 (or b = d). Tails per d are computed once per case
 * (inverting clopperPearson for every (b, c) took 34 ms each).
 */
function conditionalCoverage(n: number, delta: number) {
  const byD = new Map<number, Uint8Array>();
  return (b: number, d: number): boolean => {
    if (d === 0) return delta === 0;
    let covered = byD.get(d);
    if (!covered) {
      covered = new Uint8Array(d + 1);
      const pi = (1 + (n * delta) / d) / 2;
      if (pi >= 0 && pi <= 1) {
        const pmf = new Float64Array(d + 1);
        for (let k = 0; k <= d; k++) pmf[k] = pi === 0 ? (k === 0 ? 1 : 0) : pi === 1 ? (k === d ? 1 : 0) : Math.exp(logChoose(d, k) + k * Math.log(pi) + (d - k) * Math.log(1 - pi));
        const lower = new Float64Array(d + 1);
        let acc = 0;
        for (let k = 0; k <= d; k++) lower[k] = acc += pmf[k]!;
        let upper = 0;
        for (let k = d; k >= 0; k--) {
          upper += pmf[k]!;
          covered[k] = (k === 0 || upper > ALPHA / 2) && (k === d || lower[k]! > ALPHA / 2) ? 1 : 0;
        }
      }
      byD.set(d, covered);
    }
    return covered[b] === 1;
  };
}

const cache = new Map<number, [number, number]>();
let cachedN = -1;
function tangoInterval(n: number, b: number, c: number): [number, number] {
  if (n !== cachedN) {
    cache.clear();
    cachedN = n;
  }
  const key = b * (n + 1) + c;
  let hit = cache.get(key);
  if (!hit) cache.set(key, (hit = accuracyDifferenceInterval({ rows: n, candidateOnly: b, baselineOnly: c }, ALPHA)));
  return hit;
}

function coverage(n: number, discordantShare: number, delta: number) {
  const p12 = (discordantShare + delta) / 2;
  const p21 = (discordantShare - delta) / 2;
  const p11 = 1 - p12 - p21;
  const logs = [Math.log(p12), Math.log(p21), Math.log(p11)] as const;
  let tango = 0;
  let cond = 0;
  let mass = 0;
  const logp = (b: number, c: number) => logChoose(n, b) + logChoose(n - b, c) + b * logs[0] + c * logs[1] + (n - b - c) * logs[2];
  const conditionalCovers = conditionalCoverage(n, delta);
  const add = (b: number, c: number, lp: number) => {
    const p = Math.exp(lp);
    mass += p;
    const t = tangoInterval(n, b, c);
    if (t[0] <= delta && delta <= t[1]) tango += p;
    if (conditionalCovers(b, b + c)) cond += p;
  };
  for (let b = 0; b <= n; b++) {
    // c | b is binomial(n − b, p21 / (1 − p12)): unimodal, so walk out from its mode both ways.
    const mode = Math.min(n - b, Math.max(0, Math.floor(((n - b + 1) * p21) / (1 - p12))));
    for (let c = mode; c <= n - b; c++) {
      const lp = logp(b, c);
      if (lp < LOG_CUTOFF) break;
      add(b, c, lp);
    }
    for (let c = mode - 1; c >= 0; c--) {
      const lp = logp(b, c);
      if (lp < LOG_CUTOFF) break;
      add(b, c, lp);
    }
  }
  return { n, discordant_share: discordantShare, delta, tango, conditional: cond, unenumerated: Math.max(0, 1 - mass) };
}

const rows = [];
const started = performance.now();
// The cases (10 % discordant rows, Δ = −0.05 and −0.08) at several n, beside others.
for (const n of [50, 100, 200, 500, 1000, 2000, 5000]) {
  for (const share of [0.1, 0.02, 0.3]) {
    for (const delta of [0, -0.01, -0.02, -0.05, -0.08]) {
      if (Math.abs(delta) >= share) continue;
      const r = coverage(n, share, delta);
      rows.push(r);
      process.stderr.write(`${JSON.stringify(r)}\n`);
    }
  }
}
process.stdout.write(`${JSON.stringify({ alpha: ALPHA, seconds: (performance.now() - started) / 1000, rows }, null, 1)}\n`);
