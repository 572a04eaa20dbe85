/**
 * One merge walk over two sorted samples giving both the KS statistic (as ksStatistic) and the
 * Wasserstein distance (as wassersteinDistance): the drift check of a numeric column needs both,
 * and on millions of values the walk, not the arithmetic, is the cost.
 */
export function ksAndWasserstein(a: ArrayLike<number>, b: ArrayLike<number>): { ks: number; wasserstein: number } {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let maxDiff = Number.NEGATIVE_INFINITY;
  let minDiff = Number.POSITIVE_INFINITY;
  let sum = 0;
  let compensation = 0;
  let previous = Math.min(a[0]!, b[0]!);
  while (i < n1 || j < n2) {
    const v = i < n1 && (j >= n2 || a[i]! <= b[j]!) ? a[i]! : b[j]!;
    // The strip from the previous distinct value to this one, at the ECDFs' gap there.
    const term = Math.abs(i / n1 - j / n2) * (v - previous);
    const y = term - compensation;
    const s = sum + y;
    compensation = s - sum - y;
    sum = s;
    previous = v;
    while (i < n1 && a[i]! <= v) i++;
    while (j < n2 && b[j]! <= v) j++;
    const diff = i / n1 - j / n2;
    if (diff > maxDiff) maxDiff = diff;
    if (diff < minDiff) minDiff = diff;
  }
  const minS = Math.min(1, Math.max(0, -minDiff));
  return { ks: minS > maxDiff ? minS : maxDiff, wasserstein: sum };
}
