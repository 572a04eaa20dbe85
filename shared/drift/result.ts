/** What drift-check finds for one column (the row of the report table and of results.json). */
import type { DriftTest } from './choose-test.js';

export interface HistogramView {
  /** Bin or category labels. */
  labels: string[];
  /** Shares of each sample per label (0..1). */
  reference: number[];
  current: number[];
}

export interface ColumnResult {
  column: string;
  /** A model input, or a prediction (model output or captured `output.*` column). */
  role: 'feature' | 'prediction';
  type: 'numeric' | 'categorical';
  test: DriftTest;
  statistic: number;
  p_value: number;
  /** After the multiplicity correction across all tested columns. */
  adjusted_p: number;
  /** The practical-significance measure the decision uses and its threshold. */
  effect: { measure: 'wasserstein_normed' | 'js'; value: number; threshold: number };
  wasserstein?: number;
  wasserstein_normed?: number;
  psi: number;
  js: number;
  ks_method?: 'exact' | 'asymp';
  reference_values: number;
  current_values: number;
  /** Missing or NaN values, dropped before testing and counted here. */
  reference_missing: number;
  current_missing: number;
  /** Distinct categories in the reference (categorical columns). */
  distinct_reference?: number;
  /** Categories pooled by the χ² rare-category rule. */
  merged_categories?: string[];
  /** Set when the reference is a profile: the statistics come from its histogram/value counts. */
  from_profile?: { method: string; bounds: Partial<Record<'statistic' | 'wasserstein' | 'wasserstein_normed' | 'psi' | 'js', number>> };
  significant: boolean;
  drifted: boolean;
  histogram: HistogramView;
}

export type ColumnMeasure = Omit<ColumnResult, 'adjusted_p' | 'significant' | 'drifted' | 'effect'> & { effect: { measure: 'wasserstein_normed' | 'js'; value: number } };
