/**
 * Exact tests for the paired difference in accuracy, from the discordant rows only:
 * b = rows the candidate gets right and the baseline wrong, c = the reverse, nd = b + c.
 * Given nd, b ~ Binomial(nd, π) and Δ = (b − c) / n = (nd / n)(2π − 1).
 *   - McNemar's exact test (Δ = 0 ⇔ π = 1/2): two-sided binomial p-value, as scipy.stats.binomtest.
 *   - The interval for Δ maps the Clopper–Pearson interval for π; it is conditional on nd,
 *     and excludes a boundary exactly when the exact test of that boundary rejects.
 */
import { binomialTestTwoSided, clopperPearson } from './special.js';

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

/** Interval for Δ accuracy (candidate − baseline) at confidence 1 − alpha. */
export function accuracyDifferenceInterval(counts: DiscordantCounts, alpha: number): [number, number] {
  const discordant = counts.candidateOnly + counts.baselineOnly;
  if (discordant === 0 || counts.rows === 0) return [0, 0];
  const [low, high] = clopperPearson(counts.candidateOnly, discordant, alpha);
  const scale = discordant / counts.rows;
  return [scale * (2 * low - 1), scale * (2 * high - 1)];
}

/** Exact two-sided p-value for H0: Δ = boundary (McNemar when boundary = 0). */
export function accuracyDifferencePValue(counts: DiscordantCounts, boundary: number): number {
  const discordant = counts.candidateOnly + counts.baselineOnly;
  if (discordant === 0) return boundary === 0 ? 1 : 0;
  const pi0 = 0.5 + (boundary * counts.rows) / (2 * discordant);
  // A boundary outside what nd discordant rows can produce is rejected with certainty.
  if (pi0 <= 0 || pi0 >= 1) return 0;
  return binomialTestTwoSided(counts.candidateOnly, discordant, pi0);
}
