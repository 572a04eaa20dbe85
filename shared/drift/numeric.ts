/** Drift of a numeric column, raw reference against raw current. */
import { shareBins, type SharedBins } from '../stats/binning.js';
import { jensenShannonDistance, psi } from '../stats/divergence.js';
import { ks2Samp } from '../stats/ks.js';
import { ksAndWasserstein } from '../stats/ecdf-walk.js';
import { MIN_NORM_SD, standardDeviation } from '../stats/wasserstein.js';
import { digitsToTellApart } from '../report/distinct-digits.js';
import { categoricalMeasure, type CategoryCounts } from './categorical.js';
import type { DriftTest } from './choose-test.js';
import type { ColumnMeasure, HistogramView } from './result.js';
import type { NumericSample } from './sample.js';

export function distinctSorted(sorted: ArrayLike<number>): number {
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i]! !== sorted[i - 1]!) distinct++;
  return distinct;
}

export function numericMeasure(column: string, role: 'feature' | 'prediction', test: DriftTest, reference: NumericSample, current: NumericSample): ColumnMeasure {
  if (test !== 'ks') return categoricalMeasure(column, role, test, valueCounts(reference), valueCounts(current));
  const walk = ksAndWasserstein(reference.sorted, current.sorted);
  const ks = ks2Samp(reference.sorted, current.sorted, walk.ks);
  const referenceSd = standardDeviation(reference.sorted);
  const w = { distance: walk.wasserstein, normed: walk.wasserstein / Math.max(referenceSd, MIN_NORM_SD) };
  const bins = shareBins(reference.sorted, current.sorted);
  return {
    column,
    role,
    type: 'numeric',
    test,
    statistic: ks.statistic,
    p_value: ks.pValue,
    ks_method: ks.method,
    effect: { measure: 'wasserstein_normed', value: w.normed },
    wasserstein: w.distance,
    wasserstein_normed: w.normed,
    psi: psi(bins.reference, bins.current),
    js: jensenShannonDistance(bins.reference, bins.current),
    reference_values: reference.sorted.length,
    current_values: current.sorted.length,
    reference_missing: reference.nan,
    current_missing: current.nan,
    histogram: binsHistogram(bins),
  };
}

/** Value counts of a numeric sample, keyed by the number's shortest text (−0 as 0). */
export function valueCounts(sample: NumericSample): CategoryCounts {
  const counts = new Map<string, number>();
  for (let i = 0; i < sample.sorted.length; i++) {
    const key = String(sample.sorted[i]! === 0 ? 0 : sample.sorted[i]!);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return { counts, missing: sample.nan };
}

export function binsHistogram(bins: Pick<SharedBins, 'kind' | 'edges' | 'reference' | 'current'>): HistogramView {
  const nRef = bins.reference.reduce((a, b) => a + b, 0);
  const nCur = bins.current.reduce((a, b) => a + b, 0);
  // Four significant digits, or as many as tell the (distinct) edges apart.
  const precision = (x: number, digits: number) => Number(x.toPrecision(digits)).toString();
  const digits = digitsToTellApart(bins.edges, precision, 4, 15);
  const fmt = (x: number) => precision(x, digits);
  const labels =
    bins.kind === 'values'
      ? [...bins.edges.map(fmt), bins.edges.length ? `>${fmt(bins.edges.at(-1)!)}` : 'all']
      : bins.edges.length === 0
        ? ['all']
        : [`≤${fmt(bins.edges[0]!)}`, ...bins.edges.slice(1).map((e, i) => `${fmt(bins.edges[i]!)}–${fmt(e)}`), `>${fmt(bins.edges.at(-1)!)}`];
  return { labels, reference: bins.reference.map((c) => c / Math.max(1, nRef)), current: bins.current.map((c) => c / Math.max(1, nCur)) };
}
