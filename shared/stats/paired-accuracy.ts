/**
 * Tests for the paired difference in accuracy Δ = (b − c) / n, where b = rows the candidate gets
 * right and the baseline wrong, c = the reverse:
 *   - McNemar's exact test (Δ = 0), reported: two-sided binomial p-value on the b + c discordant
 *     rows, as scipy.stats.binomtest.
 *   - The gate's test and interval: Tango's score test and its inversion, unconditional on the
 *     number of discordant rows. (The former interval mapped Clopper–Pearson on b | b + c; being
 *     conditional on b + c it ignored that count's variance and covered 78–93 % when the drop was
 *     large against the share of discordant rows; see bench/verdicts/.)
 */
import { normalTwoSided, normalUpperQuantile } from './normal.js';
import { binomialTestTwoSided } from './special.js';

export interface DiscordantCounts {
  rows: number;
  /** Candidate right, baseline wrong. */
  candidateOnly: number;
  /** Baseline right, candidate wrong. */
  baselineOnly: number;
}

export function discordantCounts(candidateCorrect: Uint8Array, baselineCorrect: Uint8Array): DiscordantCounts {
  let candidateOnly = 0;
  let baselineOnly = 0;
  for (let i = 0; i < candidateCorrect.length; i++) {
    if (candidateCorrect[i] && !baselineCorrect[i]) candidateOnly++;
    else if (!candidateCorrect[i] && baselineCorrect[i]) baselineOnly++;
  }
  return { rows: candidateCorrect.length, candidateOnly, baselineOnly };
}

/** McNemar's exact two-sided p-value for equal accuracy. */
export function mcnemarExact(counts: DiscordantCounts): number {
  return binomialTestTwoSided(counts.candidateOnly, counts.candidateOnly + counts.baselineOnly, 0.5);
}

/**
 * Tango's score statistic for H0: Δ = delta (Tango 1998, "Equivalence test and confidence interval
 * for the difference in proportions for the paired-sample design", Statistics in Medicine 17:891–908,
 * eq. 3–5; recommended by Fagerland, Lydersen & Laake 2013, BMC Med Res Methodol 13:91):
 *   Z(δ) = (b − c − nδ) / sqrt(n (2 q̃ + δ(1 − δ))),
 * with q̃ the maximum-likelihood estimate of P(baseline only) under Δ = δ, the root in [0, 1] of
 *   2n q² − W q − c δ (1 − δ) = 0,  W = (b + c) + δ (b − c − 2n).
 * Unconditional: it uses all n rows, so the number of discordant rows is random, not fixed.
 */
export function tangoStatistic(counts: DiscordantCounts, delta: number): number {
  const { rows: n, candidateOnly: b, baselineOnly: c } = counts;
  const w = b + c + delta * (b - c - 2 * n);
  const q = (w + Math.sqrt(Math.max(0, w * w + 8 * n * c * delta * (1 - delta)))) / (4 * n);
  const variance = n * (2 * q + delta * (1 - delta));
  const numerator = b - c - n * delta;
  if (variance <= 0) return numerator === 0 ? 0 : numerator > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  return numerator / Math.sqrt(variance);
}

/**
 * Tango's score interval for Δ accuracy (candidate − baseline) at confidence 1 − alpha: every δ
 * in [−1, 1] whose two-sided score test is not rejected, found by bisection on each side of the
 * estimate (Z decreases in δ). It is the inversion of accuracyDifferencePValue: a boundary lies
 * outside the interval exactly when that p-value is ≤ alpha.
 */
export function accuracyDifferenceInterval(counts: DiscordantCounts, alpha: number): [number, number] {
  if (counts.rows === 0) return [-1, 1];
  const z = normalUpperQuantile(alpha / 2);
  const estimate = (counts.candidateOnly - counts.baselineOnly) / counts.rows;
  const outside = (delta: number) => Math.abs(tangoStatistic(counts, delta)) > z;
  const edge = (inside: number, beyond: number) => {
    if (!outside(beyond)) return beyond;
    let a = inside;
    let b = beyond;
    for (let i = 0; i < 80 && Math.abs(b - a) > 1e-15; i++) {
      const mid = (a + b) / 2;
      if (outside(mid)) b = mid;
      else a = mid;
    }
    return a;
  };
  return [edge(estimate, -1), edge(estimate, 1)];
}

/** Two-sided p-value of Tango's score test of H0: Δ = boundary (the test the interval inverts). */
export function accuracyDifferencePValue(counts: DiscordantCounts, boundary: number): number {
  if (counts.rows === 0) return 1;
  if (boundary <= -1 || boundary >= 1) return (counts.candidateOnly - counts.baselineOnly) / counts.rows === boundary ? 1 : 0;
  return normalTwoSided(tangoStatistic(counts, boundary));
}
