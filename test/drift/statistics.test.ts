import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shareBins } from '../../shared/stats/binning.js';
import { chiSquareHomogeneity } from '../../shared/stats/chi2.js';
import { jensenShannonDistance, psi } from '../../shared/stats/divergence.js';
import { ksAndWasserstein } from '../../shared/stats/ecdf-walk.js';
import { ks2Samp, ksStatistic } from '../../shared/stats/ks.js';
import { sortFloat64 } from '../../shared/stats/radix-sort.js';
import { adjustPValues } from '../../shared/stats/multiplicity.js';
import { twoProportionZTest } from '../../shared/stats/proportions.js';
import { standardDeviation, wassersteinDistance } from '../../shared/stats/wasserstein.js';
import { decide, DEFAULT_RULE } from '../../shared/drift/decide.js';
import { expectedPerformance } from '../../shared/drift/performance.js';
import type { ColumnMeasure } from '../../shared/drift/result.js';
import { splitNaN } from '../../shared/drift/sample.js';
import { synthetic, type Recipe } from './synthetic.js';

type Encoded = (number | null | '-0')[];
interface NumericCase {
  name: string;
  reference?: Encoded;
  current?: Encoded;
  recipe?: { reference: Recipe; current: Recipe };
  nan_reference: number;
  nan_current: number;
  expected: {
    ks_statistic: number;
    ks_pvalue: number;
    ks_method: 'exact' | 'asymp';
    wasserstein: number;
    reference_sd: number;
    bins: 'values' | 'quantiles';
    reference_counts: number[];
    current_counts: number[];
    psi: number;
    js: number;
  };
}
interface CategoricalCase {
  name: string;
  reference: string[];
  current: string[];
  expected: {
    categories: string[];
    reference_counts: number[];
    current_counts: number[];
    tested_categories: string[];
    merged: string[];
    chi2_statistic: number;
    chi2_pvalue: number;
    chi2_dof: number;
    psi: number;
    js: number;
    z_statistic?: number;
    z_pvalue?: number;
  };
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/drift/stats-reference.json', import.meta.url), 'utf8')) as {
  numeric: NumericCase[];
  categorical: CategoricalCase[];
  multiplicity: { p: number[]; bh: number[]; holm: number[]; bonferroni: number[] };
};

const decode = (values: Encoded) => Float64Array.from(values, (v) => (v === null ? Number.NaN : v === '-0' ? -0 : v));

/** Equal to SciPy within 1e-9, relative for values above 1. */
function close(actual: number, expected: number, what: string) {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs SciPy ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

describe('numeric drift statistics equal SciPy on the same raw data', () => {
  for (const c of fixture.numeric) {
    it(c.name, () => {
      const rawRef = c.recipe ? synthetic(c.recipe.reference) : decode(c.reference!);
      const rawCur = c.recipe ? synthetic(c.recipe.current) : decode(c.current!);
      const ref = splitNaN(rawRef);
      const cur = splitNaN(rawCur);
      expect(ref.nan).toBe(c.nan_reference);
      expect(cur.nan).toBe(c.nan_current);
      const ks = ks2Samp(ref.sorted, cur.sorted);
      expect(ks.method).toBe(c.expected.ks_method);
      close(ks.statistic, c.expected.ks_statistic, 'KS statistic');
      close(ks.pValue, c.expected.ks_pvalue, 'KS p-value');
      close(wassersteinDistance(ref.sorted, cur.sorted), c.expected.wasserstein, 'Wasserstein');
      const walk = ksAndWasserstein(ref.sorted, cur.sorted);
      expect(walk.ks).toBe(ksStatistic(ref.sorted, cur.sorted));
      close(walk.wasserstein, c.expected.wasserstein, 'Wasserstein (one walk)');
      const viaWalk = ks2Samp(ref.sorted, cur.sorted, walk.ks);
      close(viaWalk.statistic, c.expected.ks_statistic, 'KS statistic via the walk');
      close(viaWalk.pValue, c.expected.ks_pvalue, 'KS p-value via the walk');
      close(standardDeviation(ref.sorted), c.expected.reference_sd, 'reference sd');
      const bins = shareBins(ref.sorted, cur.sorted);
      expect(bins.kind).toBe(c.expected.bins);
      expect(bins.reference).toEqual(c.expected.reference_counts);
      expect(bins.current).toEqual(c.expected.current_counts);
      close(psi(bins.reference, bins.current), c.expected.psi, 'PSI');
      close(jensenShannonDistance(bins.reference, bins.current), c.expected.js, 'JS distance');
    });
  }
});

describe('categorical drift statistics equal SciPy', () => {
  for (const c of fixture.categorical) {
    it(c.name, () => {
      const categories = [...new Set([...c.reference, ...c.current])].sort();
      expect(categories).toEqual(c.expected.categories);
      const count = (values: string[]) => categories.map((k) => values.filter((v) => v === k).length);
      const ref = count(c.reference);
      const cur = count(c.current);
      const chi = chiSquareHomogeneity(categories, ref, cur);
      expect(chi.categories).toEqual(c.expected.tested_categories);
      expect(chi.merged).toEqual(c.expected.merged);
      expect(chi.dof).toBe(c.expected.chi2_dof);
      close(chi.statistic, c.expected.chi2_statistic, 'chi2 statistic');
      close(chi.pValue, c.expected.chi2_pvalue, 'chi2 p-value');
      close(psi(ref, cur), c.expected.psi, 'PSI');
      close(jensenShannonDistance(ref, cur), c.expected.js, 'JS distance');
      if (c.expected.z_statistic !== undefined) {
        const z = twoProportionZTest(ref[1]!, c.reference.length, cur[1]!, c.current.length);
        close(z.statistic, c.expected.z_statistic, 'z');
        close(z.pValue, c.expected.z_pvalue!, 'z-test p-value');
      }
    });
  }
});

describe('multiplicity corrections', () => {
  for (const method of ['bh', 'holm', 'bonferroni'] as const) {
    it(`${method} adjusted p-values equal NumPy's`, () => {
      const adjusted = adjustPValues(fixture.multiplicity.p, method);
      fixture.multiplicity[method].forEach((expected, i) => close(adjusted[i]!, expected, `${method}[${i}]`));
    });
  }
});

describe('label-free performance estimate (CBPE)', () => {
  const cases = (fixture as unknown as { cbpe: { name: string; p: number[]; accuracy: number; roc_auc: number }[] }).cbpe;
  for (const c of cases) {
    it(`${c.name}: expected accuracy and ROC AUC equal scikit-learn's weighted roc_auc_score`, () => {
      const estimate = expectedPerformance(c.p)!;
      close(estimate.accuracy, c.accuracy, 'expected accuracy');
      close(estimate.rocAuc, c.roc_auc, 'expected ROC AUC');
    });
  }
});

describe('the decision rule', () => {
  const measure = (column: string, p: number, effect: number): ColumnMeasure => ({
    column,
    role: 'feature',
    type: 'numeric',
    test: 'ks',
    statistic: 0,
    p_value: p,
    effect: { measure: 'wasserstein_normed', value: effect },
    psi: 0,
    js: 0,
    reference_values: 1,
    current_values: 1,
    reference_missing: 0,
    current_missing: 0,
    histogram: { labels: [], reference: [], current: [] },
  });

  it('a huge sample with a trivial shift is significant but not drift; a large effect on noise-level p is not drift either', () => {
    const d = decide([measure('trivial', 1e-30, 0.02), measure('noisy', 0.2, 0.5), measure('real', 1e-8, 0.3)], DEFAULT_RULE);
    expect(d.columns.map((c) => [c.column, c.significant, c.drifted])).toEqual([
      ['trivial', true, false],
      ['noisy', false, false],
      ['real', true, true],
    ]);
    expect(d.driftedColumns).toEqual(['real']);
    expect(d.share).toBeCloseTo(1 / 3, 12);
  });

  it('corrects for the number of columns: p = 0.02 passes alone but not among 10 columns under BH', () => {
    expect(decide([measure('a', 0.02, 0.5)], DEFAULT_RULE).drifted).toBe(true);
    const many = [measure('a', 0.02, 0.5), ...Array.from({ length: 9 }, (_, i) => measure(`n${i}`, 0.5 + i / 20, 0.01))];
    expect(decide(many, DEFAULT_RULE).drifted).toBe(false);
    expect(decide(many, { ...DEFAULT_RULE, correction: 'none' }).drifted).toBe(true);
  });

  it('drift_share makes the data set drift only when that share of columns drifts', () => {
    const cols = [measure('a', 1e-9, 0.5), measure('b', 0.9, 0.0), measure('c', 0.9, 0.0)];
    expect(decide(cols, { ...DEFAULT_RULE, driftShare: 0.5 }).drifted).toBe(false);
    expect(decide(cols, { ...DEFAULT_RULE, driftShare: 0.3 }).drifted).toBe(true);
  });
});

describe('radix sort of float64', () => {
  it('orders exactly as TypedArray sort, special values included (−0 before +0, ±∞, subnormals, ties)', () => {
    const specials = [-0, 0, Infinity, -Infinity, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, 1, 1, -1, 2 ** -1074, 1e-310];
    const values = new Float64Array(50_000);
    let state = 12345;
    for (let i = 0; i < values.length; i++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      values[i] = i < specials.length * 100 ? specials[i % specials.length]! : ((state / 2 ** 32 - 0.5) * 10 ** ((state % 40) - 20));
    }
    const expected = Float64Array.from(values).sort();
    const actual = sortFloat64(values);
    expect(actual.length).toBe(expected.length);
    for (let i = 0; i < expected.length; i++) expect(Object.is(actual[i], expected[i]), `index ${i}: ${actual[i]} vs ${expected[i]}`).toBe(true);
  });
});
