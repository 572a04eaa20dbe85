/**
 * Permutation feature importance (Breiman 2001; scikit-learn's permutation_importance): the
 * drop of a score when one feature's column is shuffled, breaking its link with the target while
 * keeping its distribution. Permutations are seeded per feature and repeat (xoshiro128**,
 * Fisher–Yates), so candidate and baseline are scored on the same shuffled rows and a run can be
 * replayed outside JavaScript (test/fixtures/governance/generate.py).
 */
import { deriveSeed, Xoshiro128 } from '../stats/prng.js';
import { studentUpperQuantile } from '../stats/student-t.js';

/** Fisher–Yates from the top: for i = n−1 … 1, swap i with j = nextIndex(i + 1). */
export function shuffleIndices(rng: Xoshiro128, n: number, out: Uint32Array = new Uint32Array(n)): Uint32Array {
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.nextIndex(i + 1);
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}

/** The permutation of repeat r of a feature: its own stream, so it does not depend on the other features. */
export function featurePermutation(seed: number, feature: string, repeat: number, n: number, out?: Uint32Array): Uint32Array {
  return shuffleIndices(new Xoshiro128(deriveSeed(seed, `importance:${feature}:${repeat}`)), n, out);
}

/** k rows of n without replacement (the first k of a seeded shuffle), in ascending order. */
export function sampleRows(seed: number, n: number, k: number): Uint32Array {
  if (k >= n) return Uint32Array.from({ length: n }, (_, i) => i);
  const rng = new Xoshiro128(deriveSeed(seed, 'importance:rows'));
  // Partial Fisher–Yates from the front over a sparse map: O(k) memory.
  const swapped = new Map<number, number>();
  const out = new Uint32Array(k);
  for (let i = 0; i < k; i++) {
    const j = i + rng.nextIndex(n - i);
    const vj = swapped.get(j) ?? j;
    swapped.set(j, swapped.get(i) ?? i);
    out[i] = vj;
  }
  return out.sort();
}

// A type alias (not an interface) so it fits the run record's loose object schema.
export type ImportanceSummary = {
  /** NaN (null in JSON) when no repeat defines the metric. */
  mean: number;
  /** Sample standard deviation over repeats (ddof = 1; scikit-learn reports ddof = 0). */
  std: number;
  /** t interval over the repeats at 1 − alpha (the spread of the permutations, not of the holdout). */
  ci: [number, number];
  repeats: number[];
  /** Repeats whose shuffle left the metric undefined (e.g. no predicted positives for precision): left out of mean, std and ci. */
  undefined_repeats?: number;
};

/** Over the repeats that define the metric (NaN drops are left out and counted). */
export function summarize(repeats: number[], alpha: number): ImportanceSummary {
  const defined = repeats.filter((value) => Number.isFinite(value));
  const r = defined.length;
  const mean = r ? defined.reduce((a, b) => a + b, 0) / r : Number.NaN;
  const variance = defined.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(r - 1, 1);
  const std = r ? Math.sqrt(variance) : Number.NaN;
  const half = r > 1 ? studentUpperQuantile(alpha / 2, r - 1) * (std / Math.sqrt(r)) : Number.POSITIVE_INFINITY;
  return { mean, std, ci: [mean - half, mean + half], repeats, ...(r < repeats.length ? { undefined_repeats: repeats.length - r } : {}) };
}
