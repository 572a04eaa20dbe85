/**
 * Holm's step-down procedure (Holm 1979), which controls the family-wise error rate at alpha
 * for any dependence between tests. Tests are ranked by p-value; the test of rank r (1-based)
 * is judged at level alpha / (m - r + 1), and testing stops at the first one not rejected.
 */
export interface HolmStep {
  /** 1-based rank by ascending p-value (ties keep input order). */
  rank: number;
  /** The level this test is judged at: alpha / (m - rank + 1). */
  level: number;
  /** Holm-adjusted p-value: max over earlier ranks of min(1, (m - r + 1) p). */
  adjusted: number;
  /** Whether an earlier-ranked test was not rejected (so this one cannot be, whatever its p). */
  stopped: boolean;
  rejected: boolean;
}

export function holm(pValues: readonly number[], alpha: number): HolmStep[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const steps: HolmStep[] = new Array(m);
  let running = 0;
  let stopped = false;
  order.forEach(({ p, i }, k) => {
    const rank = k + 1;
    const level = alpha / (m - rank + 1);
    running = Math.max(running, Math.min(1, (m - rank + 1) * p));
    const rejected = !stopped && p <= level;
    steps[i] = { rank, level, adjusted: running, stopped, rejected };
    if (!rejected) stopped = true;
  });
  return steps;
}
