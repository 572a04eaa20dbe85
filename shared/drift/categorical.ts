/** Drift of a categorical column (text, boolean, or numeric with few values) from category counts. */
import { chiSquareHomogeneity } from '../stats/chi2.js';
import { jensenShannonDistance, psi } from '../stats/divergence.js';
import { twoProportionZTest } from '../stats/proportions.js';
import type { DriftTest } from './choose-test.js';
import type { ColumnMeasure, HistogramView } from './result.js';

export interface CategoryCounts {
  counts: Map<string, number>;
  missing: number;
}

/** Histograms in reports show at most this many categories; the rest are summed as "(other)". */
const MAX_HISTOGRAM_CATEGORIES = 12;

export function countCategories(values: readonly (string | null)[]): CategoryCounts {
  const counts = new Map<string, number>();
  let missing = 0;
  for (const value of values) {
    if (value === null) missing++;
    else counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return { counts, missing };
}

export function categoricalMeasure(column: string, role: 'feature' | 'prediction', test: DriftTest, reference: CategoryCounts, current: CategoryCounts): ColumnMeasure {
  const categories = [...new Set([...reference.counts.keys(), ...current.counts.keys()])].sort();
  const ref = categories.map((c) => reference.counts.get(c) ?? 0);
  const cur = categories.map((c) => current.counts.get(c) ?? 0);
  const nRef = ref.reduce((a, b) => a + b, 0);
  const nCur = cur.reduce((a, b) => a + b, 0);
  let statistic: number;
  let pValue: number;
  let merged: string[] | undefined;
  if (test === 'z') {
    // The second category (in sorted order) is the "success"; with one category there is no variance.
    const z = categories.length === 2 ? twoProportionZTest(ref[1]!, nRef, cur[1]!, nCur) : { statistic: 0, pValue: 1 };
    statistic = z.statistic;
    pValue = z.pValue;
  } else {
    const chi = chiSquareHomogeneity(categories, ref, cur);
    statistic = chi.statistic;
    pValue = chi.pValue;
    merged = chi.merged.length > 0 ? chi.merged : undefined;
  }
  const js = jensenShannonDistance(ref, cur);
  return {
    column,
    role,
    type: 'categorical',
    test: test === 'ks' ? 'chi2' : test,
    statistic,
    p_value: pValue,
    effect: { measure: 'js', value: js },
    psi: psi(ref, cur),
    js,
    reference_values: nRef,
    current_values: nCur,
    reference_missing: reference.missing,
    current_missing: current.missing,
    distinct_reference: reference.counts.size,
    ...(merged ? { merged_categories: merged } : {}),
    histogram: categoryHistogram(categories, ref, cur, nRef, nCur),
  };
}

function categoryHistogram(categories: string[], ref: number[], cur: number[], nRef: number, nCur: number): HistogramView {
  const order = categories.map((_, i) => i).sort((a, b) => ref[b]! + cur[b]! - (ref[a]! + cur[a]!) || a - b);
  const shown = order.slice(0, MAX_HISTOGRAM_CATEGORIES);
  const rest = order.slice(MAX_HISTOGRAM_CATEGORIES);
  const view: HistogramView = {
    labels: shown.map((i) => categories[i]!),
    reference: shown.map((i) => ref[i]! / Math.max(1, nRef)),
    current: shown.map((i) => cur[i]! / Math.max(1, nCur)),
  };
  if (rest.length > 0) {
    view.labels.push('(other)');
    view.reference.push(rest.reduce((s, i) => s + ref[i]!, 0) / Math.max(1, nRef));
    view.current.push(rest.reduce((s, i) => s + cur[i]!, 0) / Math.max(1, nCur));
  }
  return view;
}
