/**
 * The decision rule. A column drifts only when
 *   1. its test is significant after the multiplicity correction across all tested columns
 *      (adjusted p < alpha; Benjamini–Hochberg by default), AND
 *   2. its effect size reaches the practical threshold (Wasserstein distance in reference
 *      standard deviations ≥ 0.1 for numeric columns, Jensen–Shannon distance ≥ 0.1 for
 *      categorical ones).
 * The data set drifts when any column drifts, or, with `drift_share`, when at least that
 * share of the tested columns does (Evidently's dataset rule).
 */
import { adjustPValues, type Correction } from '../stats/multiplicity.js';
import type { ColumnMeasure, ColumnResult } from './result.js';

export interface DecisionRule {
  alpha: number;
  correction: Correction;
  wassersteinThreshold: number;
  jsThreshold: number;
  driftShare?: number;
}

export const DEFAULT_RULE: DecisionRule = { alpha: 0.05, correction: 'bh', wassersteinThreshold: 0.1, jsThreshold: 0.1 };

export interface Decision {
  columns: ColumnResult[];
  drifted: boolean;
  driftedColumns: string[];
  /** Share of tested columns that drifted. */
  share: number;
}

export function decide(measures: ColumnMeasure[], rule: DecisionRule): Decision {
  const adjusted = adjustPValues(measures.map((m) => m.p_value), rule.correction);
  const columns = measures.map((m, i): ColumnResult => {
    const threshold = m.effect.measure === 'js' ? rule.jsThreshold : rule.wassersteinThreshold;
    const significant = adjusted[i]! < rule.alpha;
    return { ...m, adjusted_p: adjusted[i]!, effect: { ...m.effect, threshold }, significant, drifted: significant && m.effect.value >= threshold };
  });
  const driftedColumns = columns.filter((c) => c.drifted).map((c) => c.column);
  const share = columns.length === 0 ? 0 : driftedColumns.length / columns.length;
  const drifted = rule.driftShare === undefined ? driftedColumns.length > 0 : driftedColumns.length > 0 && share >= rule.driftShare;
  return { columns, drifted, driftedColumns, share };
}
