/**
 * Distances between two distributions given as counts on the same bins or categories.
 * - Population Stability Index: Σ (c − r) ln(c / r) over shares, an empty bin's share
 *   replaced by 0.0001 (as Evidently) so the sum stays finite.
 * - Jensen–Shannon distance, base 2 (0 = identical, 1 = disjoint), as
 *   `scipy.spatial.distance.jensenshannon(p, q, base=2)`.
 */
export const PSI_EMPTY_SHARE = 0.0001;

export function psi(referenceCounts: readonly number[], currentCounts: readonly number[]): number {
  const r = shares(referenceCounts);
  const c = shares(currentCounts);
  let sum = 0;
  for (let i = 0; i < r.length; i++) {
    const ri = r[i] === 0 ? PSI_EMPTY_SHARE : r[i]!;
    const ci = c[i] === 0 ? PSI_EMPTY_SHARE : c[i]!;
    sum += (ci - ri) * Math.log(ci / ri);
  }
  return sum;
}

export function jensenShannonDistance(referenceCounts: readonly number[], currentCounts: readonly number[]): number {
  const p = shares(referenceCounts);
  const q = shares(currentCounts);
  let left = 0;
  let right = 0;
  for (let i = 0; i < p.length; i++) {
    const m = (p[i]! + q[i]!) / 2;
    if (p[i]! > 0) left += p[i]! * Math.log(p[i]! / m);
    if (q[i]! > 0) right += q[i]! * Math.log(q[i]! / m);
  }
  const js = (left + right) / Math.LN2;
  return Math.sqrt(Math.max(0, js) / 2);
}

function shares(counts: readonly number[]): number[] {
  let total = 0;
  for (const c of counts) total += c;
  return counts.map((c) => c / total);
}
